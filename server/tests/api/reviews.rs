//! Cases that come back: the next step decided at a meeting, the review placed on the right
//! later agenda (at once, or by the periodic job), closing with a reason, and what was tried
//! when a closed case is referred again.

use crate::common::*;
use convene_app::state::AppState;
use reqwest::Client;
use serde_json::{json, Value};

/// A state on the test app's database, for calling the periodic job with a chosen clock.
async fn job_state(app: &TestApp) -> AppState {
    use convene_server::config::Config;
    let url = format!("sqlite://{}", app.data_dir().join("convene.db").display());
    let config = Config::from_lookup(|k| match k {
        "CONVENE_DATABASE_URL" => Some(url.clone()),
        "CONVENE_ADDR" => Some("127.0.0.1:0".into()),
        _ => None,
    })
    .unwrap();
    let (state, _) =
        convene_server::startup::build(&config, convene_server::startup::security(&config))
            .await
            .unwrap();
    state
}

async fn meeting(app: &TestApp, c: &Client, starts_at: &str) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": starts_at, "duration_minutes": 180, "place": "Room 4" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    json(r).await["id"].as_i64().unwrap()
}

async fn agenda(app: &TestApp, c: &Client, id: i64) -> Value {
    let r = c
        .get(app.api(&format!("/meetings/{id}/agenda")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    json(r).await
}

async fn build(app: &TestApp, c: &Client, id: i64) -> Value {
    let r = c
        .post(app.api(&format!("/meetings/{id}/agenda/build")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    json(r).await
}

async fn publish(app: &TestApp, c: &Client, id: i64) {
    build(app, c, id).await;
    let r = c
        .post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
}

/// The case's items on the agenda (not removed), as (kind, item id).
fn items_of(agenda: &Value, case: i64) -> Vec<(String, i64)> {
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["case_id"] == case && i["removed"] == false)
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_string(),
                i["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn next_step(app: &TestApp, c: &Client, case: i64, body: Value) -> reqwest::Response {
    c.put(app.api(&format!("/cases/{case}/next-step")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// A police case discussed at a meeting in March 2031 (its agenda built, the room's summary
/// and decisions recorded, an open action agreed; `held`: the meeting is closed since):
/// (case, reference, meeting, item).
async fn discussed(app: &TestApp, c: &Client, held: bool) -> (i64, String, i64, i64) {
    let (case, reference) = app.refer_police_case(&unique("Review Victim"), false).await;
    let m1 = meeting(app, c, "2031-03-04T09:00").await;
    let a = build(app, c, m1).await;
    let item = items_of(&a, case)[0].1;
    // What the room kept for the item (the live screen writes this table).
    sqlx::query(
        "INSERT INTO live_summaries (item_id, meeting_id, summary_md, decisions_md, version, user_id, updated_at)
         VALUES (?, ?, 'Risk still high; safety plan in place', 'Police to serve the order', 1,
                 (SELECT id FROM users WHERE email = 'chair@demo.test'), 0)",
    )
    .bind(item)
    .bind(m1)
    .execute(&app.db)
    .await
    .unwrap();
    let police = app.agency_id("County Police Inspectorate").await;
    let r = c
        .post(app.api("/actions"))
        .json(&json!({ "case_id": case.to_string(), "owner_agency_id": police.to_string(), "kind": "police_marker",
                       "text": "Serve the protection order", "due_on": "2031-03-20" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    if held {
        sqlx::query("UPDATE meetings SET status = 'closed' WHERE id = ?")
            .bind(m1)
            .execute(&app.db)
            .await
            .unwrap();
    }
    (case, reference, m1, item)
}

#[tokio::test]
async fn a_review_in_six_weeks_goes_on_the_first_meeting_after_it_with_what_was_said_last_time() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let (case, _, m1, _) = discussed(&app, &c, true).await;
    // Six weeks from 4 March is 15 April: the meeting of 1 April is too early.
    let early = meeting(&app, &c, "2031-04-01T09:00").await;
    let due = meeting(&app, &c, "2031-04-29T09:00").await;
    let later = meeting(&app, &c, "2031-05-27T09:00").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let r = c
        .patch(app.api(&format!("/cases/{case}")))
        .json(&json!({ "lead_agency_id": police }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let r = next_step(
        &app,
        &c,
        case,
        json!({ "meeting_id": m1, "step": "review", "review_in_weeks": 6 }),
    )
    .await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let done = json(r).await;
    assert_eq!(done["decision"]["review_on"], "2031-04-15");
    assert_eq!(done["placed_on"], due);
    let review_on: Option<String> = sqlx::query_scalar("SELECT review_on FROM cases WHERE id = ?")
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(review_on.as_deref(), Some("2031-04-15"));

    // The lead agency is told, by the case's reference only.
    let told: Vec<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT user_id, meeting_id, params FROM outbox WHERE kind = 'case_review_placed' AND case_id = ?",
    )
    .bind(case)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let police_user = app.user_id("police@demo.test").await;
    assert!(
        told.iter()
            .any(|(u, m, _)| *u == police_user && *m == Some(due)),
        "{told:?}"
    );
    let health_user = app.user_id("health@demo.test").await;
    assert!(told.iter().all(|(u, _, _)| *u != health_user));

    assert!(items_of(&agenda(&app, &c, early).await, case).is_empty());
    assert!(items_of(&agenda(&app, &c, later).await, case).is_empty());
    let on_due = items_of(&agenda(&app, &c, due).await, case);
    assert_eq!(on_due.len(), 1, "{on_due:?}");
    assert_eq!(on_due[0].0, "review");
    // Building the agenda afterwards keeps the one review item, under "reviews".
    let built = build(&app, &c, due).await;
    assert_eq!(items_of(&built, case), on_due);
    let kinds: Vec<&str> = built["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    let at = kinds.iter().position(|k| *k == "review").unwrap();
    assert!(kinds[..at].contains(&"incomplete_actions") && kinds[at..].contains(&"barriers"));

    // Beside it: the last summary, the decisions and the open action.
    let r = c
        .get(app.api(&format!("/meetings/{due}/reviews")))
        .send()
        .await
        .unwrap();
    let reviews = json(r).await;
    let ctx = reviews
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["case_id"] == case)
        .expect("the review's context");
    assert_eq!(ctx["summary_md"], "Risk still high; safety plan in place");
    assert_eq!(ctx["decisions_md"], "Police to serve the order");
    assert_eq!(ctx["last_meeting_id"], m1);
    let open = ctx["open_actions"].as_array().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["text"], "Serve the protection order");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity = 'agenda' AND details LIKE '%reviews%'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(audited >= 1);
}

#[tokio::test]
async fn a_review_by_date_on_a_published_agenda_is_recorded_as_a_change() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (case, reference, m1, _) = discussed(&app, &c, true).await;
    let before = meeting(&app, &c, "2031-06-02T09:00").await;
    let due = meeting(&app, &c, "2031-06-04T09:00").await;
    publish(&app, &c, before).await;
    publish(&app, &c, due).await;
    let r = next_step(
        &app,
        &c,
        case,
        json!({ "meeting_id": m1.to_string(), "step": "review", "review_on": "2031-06-03" }),
    )
    .await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    assert_eq!(json(r).await["placed_on"], due);
    assert!(items_of(&agenda(&app, &c, before).await, case).is_empty());
    let a = agenda(&app, &c, due).await;
    assert_eq!(items_of(&a, case).len(), 1);
    let changes = a["changes_since_publication"].to_string();
    assert!(changes.contains(&reference), "{changes}");
}

#[tokio::test]
async fn the_job_places_a_review_on_a_meeting_planned_later_and_only_once() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let (case, _, m1, _) = discussed(&app, &c, true).await;
    let r = next_step(
        &app,
        &c,
        case,
        json!({ "meeting_id": m1, "step": "review", "review_in_weeks": "8" }),
    )
    .await;
    let done = json(r).await;
    assert_eq!(done["decision"]["review_on"], "2031-04-29");
    assert_eq!(
        done["placed_on"],
        Value::Null,
        "no meeting on or after it yet"
    );
    // The series plans its meetings later.
    let early = meeting(&app, &c, "2031-04-22T09:00").await;
    let due = meeting(&app, &c, "2031-05-06T09:00").await;
    let state = job_state(&app).await;
    let now = convene_app::time::now();
    convene_app::cases::reviews::run_due(&state, now)
        .await
        .unwrap();
    convene_app::cases::reviews::run_due(&state, now + 60)
        .await
        .unwrap();
    assert!(items_of(&agenda(&app, &c, early).await, case).is_empty());
    let on_due: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = ? AND case_id = ?",
    )
    .bind(due)
    .bind(case)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(on_due, 1);
    assert_eq!(items_of(&agenda(&app, &c, due).await, case)[0].0, "review");
    // Taken off by the coordinator, it is not brought back.
    let item = items_of(&agenda(&app, &c, due).await, case)[0].1;
    let r = c
        .patch(app.api(&format!("/meetings/{due}/agenda")))
        .json(&json!({ "operations": [{ "op": "remove", "item_id": item, "reason": "Discussed early" }] }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    convene_app::cases::reviews::run_due(&state, now + 120)
        .await
        .unwrap();
    assert!(items_of(&agenda(&app, &c, due).await, case).is_empty());
}

#[tokio::test]
async fn closing_takes_each_reason_and_wrong_input_names_its_field_and_writes_nothing() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let (case, _, m1, _) = discussed(&app, &c, true).await;
    let steps = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM case_next_steps WHERE case_id = ?")
            .bind(case)
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    for (body, field) in [
        (
            json!({ "step": "close", "close_reason": "moved_out", "receiving_group": "  " }),
            "receiving_group",
        ),
        (
            json!({ "step": "close", "close_reason": "got_bored" }),
            "close_reason",
        ),
        (
            json!({ "step": "close", "close_reason": "other" }),
            "explanation",
        ),
        (
            json!({ "meeting_id": m1, "step": "review", "review_on": "2026-01-01" }),
            "review_on",
        ),
        (json!({ "step": "review" }), "review_on"),
        (
            json!({ "step": "review", "review_in_weeks": "0" }),
            "review_in_weeks",
        ),
        (json!({ "step": "adjourn" }), "step"),
    ] {
        let e = expect_error(
            next_step(&app, &c, case, body.clone()).await,
            422,
            "validation",
        )
        .await;
        assert!(
            e["error"]["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{body}: {e}"
        );
    }
    assert_eq!(steps().await, 0, "nothing written");
    let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE id = ?")
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_ne!(status, "closed");

    for (body, code, text) in [
        (
            json!({ "step": "close", "close_reason": "risk_reduced" }),
            "risk_reduced",
            None,
        ),
        (
            json!({ "step": "close", "close_reason": "moved_out", "receiving_group": "Bistrița-Năsăud intervention group" }),
            "moved_out",
            Some("Bistrița-Năsăud intervention group"),
        ),
        (
            json!({ "step": "close", "close_reason": "victim_disengaged" }),
            "victim_disengaged",
            None,
        ),
        (
            json!({ "step": "close", "close_reason": "other", "explanation": "Case transferred by court order" }),
            "other",
            Some("Case transferred by court order"),
        ),
    ] {
        let r = next_step(&app, &c, case, body).await;
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        let got = json(r).await;
        assert_eq!(got["decision"]["close_reason"], code);
        let (status, closing_code, reason, closed_at): (
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
        ) = sqlx::query_as(
            "SELECT status, closing_code, closing_reason, closed_at FROM cases WHERE id = ?",
        )
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert_eq!(status, "closed");
        assert_eq!(closing_code.as_deref(), Some(code));
        assert_eq!(reason.as_deref(), text);
        assert!(closed_at.is_some());
        let r = c
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap();
        assert_eq!(json(r).await["status"], "closed");
        // Kept open again for the next reason.
        let r = next_step(&app, &c, case, json!({ "step": "keep_open" })).await;
        assert!(r.status().is_success());
    }
    assert_eq!(steps().await, 8);
    // The free-text closing of the case form still works as before.
    let r = c
        .patch(app.api(&format!("/cases/{case}")))
        .json(&json!({ "status": "closed", "closing_reason": "Agreed at the meeting" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}

#[tokio::test]
async fn a_closed_case_referred_again_shows_what_was_tried_to_those_who_may_see_it() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (case, _, _, _) = discussed(&app, &c, false).await;
    let action: i64 = sqlx::query_scalar("SELECT id FROM actions WHERE case_id = ?")
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = c
        .patch(app.api(&format!("/actions/{action}")))
        .json(&json!({ "status": "not_done_agency", "reason": "The respondent could not be found",
                       "barrier": { "category": "resources_capacity", "text": "No officer free" } }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let r = next_step(
        &app,
        &c,
        case,
        json!({ "step": "close", "close_reason": "moved_out", "receiving_group": "Sibiu intervention group" }),
    )
    .await;
    assert!(r.status().is_success());
    // A new referral reopens it.
    let police_client = app.sign_in_as("police@demo.test").await;
    let mut again = referral(
        app.agency_id("County Police Inspectorate").await,
        "x",
        false,
    );
    again.as_object_mut().unwrap().remove("victim");
    again["referred_on"] = json!("2026-11-30");
    let r = police_client
        .post(app.api(&format!("/cases/{case}/referrals")))
        .json(&again)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let r = c
        .get(app.api(&format!("/cases/{case}/what-was-tried")))
        .send()
        .await
        .unwrap();
    let tried = json(r).await;
    assert_eq!(tried["reopened"], true, "{tried}");
    assert_eq!(tried["closing_code"], "moved_out");
    assert_eq!(tried["closing_reason"], "Sibiu intervention group");
    assert_eq!(tried["decisions"][0]["step"], "close");
    assert_eq!(
        tried["decisions"][0]["receiving_group"],
        "Sibiu intervention group"
    );
    let a = &tried["actions"][0];
    assert_eq!(a["status"], "not_done_agency");
    assert_eq!(a["reason"], "The respondent could not be found");
    assert_eq!(a["barrier_category"], "resources_capacity");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity = 'case' AND entity_id = ? AND details LIKE '%what_was_tried%'",
    )
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // On the new referral's agenda item, beside it.
    let m = meeting(&app, &c, "2031-09-02T09:00").await;
    let a = build(&app, &c, m).await;
    let item = items_of(&a, case);
    assert_eq!(item.len(), 1, "{item:?}");
    assert!(item[0].0.starts_with("new_case"));
    let r = c
        .get(app.api(&format!("/meetings/{m}/reviews")))
        .send()
        .await
        .unwrap();
    let reviews = json(r).await;
    let ctx = reviews
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["case_id"] == case)
        .unwrap();
    assert_eq!(ctx["item_id"], item[0].1);
    assert_eq!(
        ctx["tried"]["actions"][0]["reason"],
        "The respondent could not be found"
    );

    // Need-to-know: an agency not involved sees nothing of it, as if it did not exist.
    let health = app.sign_in_as("health@demo.test").await;
    let r = health
        .get(app.api(&format!("/cases/{case}/what-was-tried")))
        .send()
        .await
        .unwrap();
    expect_error(r, 404, "not_found").await;
    let r = next_step(&app, &health, case, json!({ "step": "keep_open" })).await;
    expect_error(r, 404, "not_found").await;
    let r = health
        .get(app.api(&format!("/meetings/{m}/reviews")))
        .send()
        .await
        .unwrap();
    let seen = json(r).await;
    assert!(
        !seen.to_string().contains(&format!("\"case_id\":{case}")),
        "{seen}"
    );
    // The involved agency reads it, but the decision is the chair's and coordinator's.
    let r = police_client
        .get(app.api(&format!("/cases/{case}/what-was-tried")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let r = next_step(&app, &police_client, case, json!({ "step": "keep_open" })).await;
    expect_error(r, 403, "forbidden").await;
}

#[tokio::test]
async fn next_step_errors_read_in_romanian() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    app.choose_language(&c, "ro").await;
    let (case, _) = app.refer_police_case(&unique("Review Victim"), false).await;
    let r = next_step(
        &app,
        &c,
        case,
        json!({ "step": "close", "close_reason": "moved_out" }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert_eq!(
        e["error"]["fields"]["receiving_group"],
        "Numiți grupul sau serviciul care preia cazul."
    );
}
