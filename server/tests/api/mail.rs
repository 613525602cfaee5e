//! Email from the outbox, through a real SMTP server (aiosmtpd): who gets what, when, in
//! which language, that no case data is ever in a message, and what the admin sees when the
//! mail server refuses.

use crate::common::*;
use crate::sink::SmtpSink;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;

async fn app_with(sink_url: &str) -> TestApp {
    TestApp::start_with_vars(&[("CONVENE_SMTP_URL", sink_url)]).await
}

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// An action for the police on a new police case whose victim and action text are canaries.
async fn police_action(app: &TestApp, canary: &str, due_in_days: i64) -> (i64, String, i64) {
    let (case, reference) = app.refer_police_case(canary, false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let r = c
        .post(app.api("/actions"))
        .json(
            &json!({ "case_id": case, "owner_agency_id": police, "kind": "safety_planning",
                       "text": format!("Visit {canary} at home"), "due_on": day(due_in_days) }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    (case, reference, json(r).await["id"].as_i64().unwrap())
}

async fn emails_of_agency(app: &TestApp, agency: &str) -> BTreeSet<String> {
    sqlx::query_scalar::<_, String>(
        "SELECT u.email FROM users u JOIN agencies a ON a.id = u.agency_id
         WHERE a.name = ? AND u.active = 1 AND u.role IN ('member','observer')",
    )
    .bind(agency)
    .fetch_all(&app.db)
    .await
    .unwrap()
    .into_iter()
    .collect()
}

async fn members(app: &TestApp) -> BTreeSet<String> {
    sqlx::query_scalar::<_, String>(
        "SELECT email FROM users WHERE active = 1 AND role IN ('chair','coordinator','member','observer')",
    )
    .fetch_all(&app.db)
    .await
    .unwrap()
    .into_iter()
    .collect()
}

async fn kinds_for_action(app: &TestApp, action: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM outbox WHERE action_id = ? ORDER BY id")
        .bind(action)
        .fetch_all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_action_due_within_72_hours_reaches_its_agency_at_once_with_no_case_details() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink.url()).await;
    let canary = unique("Canaryname");
    let (_, reference, _) = police_action(&app, &canary, 2).await;
    app.tick().await;
    let expected = emails_of_agency(&app, "County Police Inspectorate").await;
    let mails = sink.wait_for(expected.len()).await;
    let got: BTreeSet<String> = mails.iter().flat_map(|m| m.to()).collect();
    assert_eq!(got, expected, "one message to each person of the agency");
    assert_eq!(mails.len(), expected.len(), "one each");
    for m in &mails {
        let all = m.everything();
        assert!(
            !all.contains(&canary),
            "a case detail leaked into an email: {all}"
        );
        assert!(m.subject().contains(&reference), "{}", m.subject());
        let plain = m.part("text/plain").expect("a plain text part");
        assert!(
            plain.contains(&reference) && plain.contains("/actions"),
            "{plain}"
        );
        assert!(m.part("text/html").is_some(), "an HTML part too");
    }
    // Sent once: another pass sends nothing more.
    app.tick().await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), expected.len());
}

#[tokio::test]
async fn a_romanian_reader_gets_the_email_in_romanian() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink.url()).await;
    let police = app.sign_in_as("police@demo.test").await;
    app.choose_language(&police, "ro").await;
    let (_, reference, _) = police_action(&app, &unique("Victima"), 1).await;
    app.tick().await;
    let n = emails_of_agency(&app, "County Police Inspectorate")
        .await
        .len();
    let mails = sink.wait_for(n).await;
    let mail = mails
        .iter()
        .find(|m| m.to() == vec!["police@demo.test".to_string()])
        .expect("a message to police@");
    let plain = mail.part("text/plain").unwrap();
    assert!(
        plain.contains("Bună ziua") && plain.contains(&format!("Cazul {reference}")),
        "{plain}"
    );
    assert!(
        !plain.contains("Hello") && !plain.contains("An action"),
        "{plain}"
    );
}

/// Moves the app's clock to 08:00 (group time, London in the demo) on the next day.
fn to_next_morning(app: &TestApp) {
    use chrono::TimeZone;
    let now = app.state.clock.now();
    let zone = chrono_tz::Europe::London;
    let local = zone.timestamp_opt(now, 0).unwrap();
    let tomorrow = local.date_naive() + chrono::Duration::days(1);
    let at = zone
        .from_local_datetime(&tomorrow.and_hms_opt(8, 0, 0).unwrap())
        .unwrap()
        .timestamp();
    app.state.clock.advance(at - now);
}

/// A meeting `in_days` from now, its agenda built and published by `c`.
async fn published_meeting(app: &TestApp, c: &Client, in_days: i64) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": format!("{}T09:00:00Z", day(in_days)) }))
        .send()
        .await
        .unwrap();
    let m = json(r).await["id"].as_i64().unwrap();
    app.build_and_publish(c, m).await;
    m
}

async fn choose(app: &TestApp, c: &Client, kind: &str, delivery: &str) {
    let r = c
        .put(app.api("/me/notification-preferences"))
        .json(&json!({ "choices": [{ "kind": kind, "delivery": delivery }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "choosing {kind}={delivery}");
}

#[tokio::test]
async fn a_published_agenda_comes_in_the_next_mornings_digest_and_each_persons_choice_is_honoured()
{
    let sink = SmtpSink::start().await;
    let app = app_with(&sink.url()).await;
    let police = app.sign_in_as("police@demo.test").await;
    choose(&app, &police, "agenda_published", "immediate").await;
    let health = app.sign_in_as("health@demo.test").await;
    choose(&app, &health, "agenda_published", "none").await;

    let c = app.sign_in_as("coordinator@demo.test").await;
    published_meeting(&app, &c, 20).await;

    app.tick().await;
    let first = sink.wait_for(1).await;
    assert_eq!(
        first.len(),
        1,
        "only the person who chose 'at once' is emailed now"
    );
    assert_eq!(first[0].to(), vec!["police@demo.test".to_string()]);
    // Everyone has the notice, the one who wants no email too.
    let notices = json(health.get(app.api("/me/notices")).send().await.unwrap()).await;
    assert!(
        notices
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "agenda_published"),
        "{notices}"
    );

    to_next_morning(&app);
    app.tick().await;
    app.tick().await;
    let mut expected = members(&app).await;
    expected.remove("health@demo.test");
    let all = sink.wait_for(expected.len()).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let all_after = sink.messages();
    assert_eq!(all_after.len(), all.len(), "no second digest");
    let digests: Vec<_> = all_after[1..].iter().collect();
    let got: BTreeSet<String> = digests.iter().flat_map(|m| m.to()).collect();
    expected.remove("police@demo.test");
    assert_eq!(
        got, expected,
        "a digest to each of the others, none to who chose none"
    );
    for d in digests {
        assert!(d.subject().contains("daily summary"), "{}", d.subject());
    }
}

#[tokio::test]
async fn reminders_come_as_the_due_day_nears_and_then_weekly_once_each() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink.url()).await;
    let (_, _, action) = police_action(&app, &unique("Victim"), 10).await;
    let police_people = emails_of_agency(&app, "County Police Inspectorate")
        .await
        .len();
    let count = |kinds: &[String], k: &str| kinds.iter().filter(|x| *x == k).count();
    app.tick().await;
    let k = kinds_for_action(&app, action).await;
    assert_eq!(count(&k, "action_assigned"), police_people);
    assert_eq!(
        count(&k, "action_due_soon"),
        0,
        "ten days ahead is not yet due soon"
    );

    app.advance_days(3);
    app.tick().await;
    app.tick().await;
    let k = kinds_for_action(&app, action).await;
    assert_eq!(
        count(&k, "action_due_soon"),
        police_people,
        "seven days ahead, once"
    );

    app.advance_days(6);
    app.tick().await;
    let k = kinds_for_action(&app, action).await;
    assert_eq!(count(&k, "action_due_tomorrow"), police_people);

    app.advance_days(2);
    app.tick().await;
    app.tick().await;
    assert_eq!(
        count(&kinds_for_action(&app, action).await, "action_overdue"),
        police_people
    );
    app.advance_days(3);
    app.tick().await;
    assert_eq!(
        count(&kinds_for_action(&app, action).await, "action_overdue"),
        police_people,
        "not daily"
    );
    app.advance_days(4);
    app.tick().await;
    assert_eq!(
        count(&kinds_for_action(&app, action).await, "action_overdue"),
        2 * police_people,
        "weekly"
    );

    // The in-app list has them too, written by the tick rather than by opening a page.
    let police = app.sign_in_as("police@demo.test").await;
    let list = json(
        police
            .get(app.api("/me/notifications"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let kinds: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["action_id"] == action)
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"due_soon") && kinds.contains(&"overdue"),
        "{kinds:?}"
    );
}

#[tokio::test]
async fn a_mail_server_that_cannot_be_reached_leaves_the_message_failed_for_the_admin() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = app_with(&format!("smtp://127.0.0.1:{port}")).await;
    let (_, reference, action) = police_action(&app, &unique("Victim"), 1).await;
    app.tick().await;
    let row: (String, i64, Option<String>) = sqlx::query_as(
        "SELECT state, attempts, last_error FROM outbox WHERE action_id = ? ORDER BY id LIMIT 1",
    )
    .bind(action)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (row.0.as_str(), row.1),
        ("pending", 1),
        "waits for a retry: {row:?}"
    );
    assert!(row.2.as_deref() == Some("unreachable"));
    for _ in 0..6 {
        app.state.clock.advance(3 * 3600);
        app.tick().await;
    }
    let admin = app.sign_in_as("admin@demo.test").await;
    let failed: Value = json(
        admin
            .get(app.api("/outbox?state=failed"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let mine: Vec<&Value> = failed
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["reference"] == reference.as_str())
        .collect();
    assert!(!mine.is_empty(), "{failed}");
    assert_eq!(mine[0]["attempts"], 5);
    assert_eq!(mine[0]["last_error"], "unreachable");
    assert!(mine[0]["last_error_text"]
        .as_str()
        .unwrap()
        .contains("could not be reached"));

    // The page says so, with a way to send it again.
    let page = admin
        .get(app.url("/outbox?state=failed"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&reference) && page.contains("Send again"),
        "the outbox page lists it"
    );

    let member = app.sign_in_as("police@demo.test").await;
    expect_error(
        member.get(app.api("/outbox")).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;

    let id = mine[0]["id"].as_i64().unwrap();
    let r = admin
        .post(app.api(&format!("/outbox/{id}/retry")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let state: String = sqlx::query_scalar("SELECT state FROM outbox WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    // Back in line with a fresh set of attempts (the worker, woken, may be trying it now).
    assert!(state == "pending" || state == "sending", "{state}");
    // Only failed or interrupted messages can be sent again; an unknown one is not found.
    let again = admin
        .post(app.api(&format!("/outbox/{id}/retry")))
        .send()
        .await
        .unwrap();
    expect_error(again, 409, "conflict").await;
    let unknown = admin
        .post(app.api("/outbox/987654/retry"))
        .send()
        .await
        .unwrap();
    expect_error(unknown, 404, "not_found").await;
}

#[tokio::test]
async fn without_a_mail_server_people_still_get_their_notices_and_nothing_is_sent() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let m = published_meeting(&app, &c, 15).await;
    app.tick().await;
    let advocate = app.sign_in_as("advocate@demo.test").await;
    let notices = json(advocate.get(app.api("/me/notices")).send().await.unwrap()).await;
    let n = notices
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "agenda_published")
        .expect("the notice");
    assert!(n["text"].as_str().unwrap().contains("is published"), "{n}");
    let states: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT state FROM outbox WHERE meeting_id = ?")
            .bind(m)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(states, vec!["skipped".to_string()]);
}

#[tokio::test]
async fn preferences_name_the_field_that_is_wrong_and_change_nothing() {
    let app = TestApp::start().await;
    let police = app.sign_in_as("police@demo.test").await;
    let before = json(
        police
            .get(app.api("/me/notification-preferences"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let research = before
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "research_due")
        .unwrap();
    assert_eq!(
        research["mandatory"], true,
        "police@ is the regular representative"
    );
    let r = police
        .put(app.api("/me/notification-preferences"))
        .json(&json!({ "choices": [
            { "kind": "agenda_published", "delivery": "none" },
            { "kind": "research_due", "delivery": "none" },
            { "kind": "sign_in_locked", "delivery": "digest" },
            { "kind": "minutes_approved", "delivery": "hourly" } ] }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    let fields = &e["error"]["fields"];
    for f in [
        "choices.research_due",
        "choices.sign_in_locked",
        "choices.minutes_approved",
    ] {
        assert!(fields[f].is_string(), "{f}: {e}");
    }
    let after = json(
        police
            .get(app.api("/me/notification-preferences"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(before, after, "nothing was written");
    assert_eq!(app.count("notification_preferences").await, 0);
}
