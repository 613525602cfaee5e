use crate::common::*;
use convene_app::state::AppState;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The app's state over the test's database, for calling a periodic job with a moved clock.
fn state(app: &TestApp) -> AppState {
    AppState::new(
        app.db.clone(),
        leptos::config::LeptosOptions::builder()
            .output_name("convene")
            .build(),
        Default::default(),
        convene_app::db::Sealer::random(),
    )
}

/// A one-off meeting at `starts_at` (group time), far from the demo's.
async fn meeting(app: &TestApp, c: &Client, starts_at: &str) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": starts_at, "duration_minutes": 120, "place": "Room 4" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    json(r).await["id"].as_i64().unwrap()
}

async fn get(app: &TestApp, c: &Client, path: &str) -> Value {
    let r = c.get(app.api(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    json(r).await
}

async fn post(app: &TestApp, c: &Client, path: &str, body: Value) -> reqwest::Response {
    c.post(app.api(path)).json(&body).send().await.unwrap()
}

/// A new series; its id and its meetings' starts.
async fn series(app: &TestApp, c: &Client, first: &str) -> (i64, Vec<i64>) {
    let r = post(
        app,
        c,
        "/meeting-series",
        json!({ "name": unique("Series"), "every_weeks": "2", "first_date": first,
                "start_time": "09:30", "duration_minutes": "120", "place": "Room 1" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let list = json(r).await;
    let id = list[0]["series_id"].as_i64().unwrap();
    (id, starts_of(app, id).await)
}

/// The series' meetings not cancelled, in order.
async fn starts_of(app: &TestApp, series: i64) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT starts_at FROM meetings WHERE series_id = ? AND cancelled_at IS NULL ORDER BY starts_at",
    )
    .bind(series)
    .fetch_all(&app.db)
    .await
    .unwrap()
}

async fn outbox_rows(
    app: &TestApp,
    kind: &str,
    meeting: i64,
) -> Vec<(i64, Option<String>, Option<String>)> {
    sqlx::query_as("SELECT user_id, params, calendar FROM outbox WHERE kind = ? AND meeting_id = ? ORDER BY user_id")
        .bind(kind)
        .bind(meeting)
        .fetch_all(&app.db)
        .await
        .unwrap()
}

async fn members(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE active = 1 AND role IN ('chair','coordinator','member','observer')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_series_keeps_six_meetings_ahead_as_time_passes_and_a_second_run_changes_nothing() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (id, starts) = series(&app, &c, "2031-03-04").await;
    assert_eq!(starts.len(), 6);
    let st = state(&app);
    // Seven weeks after the third meeting: three (and a bit) have passed.
    let later = starts[2] + 7 * 86_400;
    convene_app::meetings::series_job::run_due(&st, later)
        .await
        .unwrap();
    let after = starts_of(&app, id).await;
    assert_eq!(after.iter().filter(|s| **s > later).count(), 6);
    assert_eq!(after.len(), 9, "three more, fortnightly");
    assert_eq!(after[8] - after[7], 14 * 86_400);
    let audit = app.count("audit_log").await;
    convene_app::meetings::series_job::run_due(&st, later)
        .await
        .unwrap();
    assert_eq!(starts_of(&app, id).await, after);
    assert_eq!(
        app.count("audit_log").await,
        audit,
        "nothing done, nothing audited"
    );
}

#[tokio::test]
async fn a_series_changed_from_a_date_reschedules_its_drafts_and_keeps_published_meetings() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (id, starts) = series(&app, &c, "2031-03-04").await; // Tuesdays
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM meetings WHERE series_id = ? ORDER BY starts_at")
            .bind(id)
            .fetch_all(&app.db)
            .await
            .unwrap();
    // The third meeting's agenda is published: it stays where it is.
    let r = c
        .post(app.api(&format!("/meetings/{}/agenda/build", ids[2])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = c
        .post(app.api(&format!("/meetings/{}/publish", ids[2])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = c
        .patch(app.api(&format!("/meeting-series/{id}")))
        .json(&json!({ "from": "2031-04-01", "weekday": "4", "start_time": "14:00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let change = json(r).await;
    assert_eq!(change["kept"][0]["id"], ids[2]);
    let rescheduled = change["rescheduled"].as_array().unwrap();
    assert_eq!(rescheduled.len(), 3, "the drafts from 1 April on");
    for m in rescheduled {
        let t = chrono::DateTime::parse_from_rfc3339(m["starts_at"].as_str().unwrap()).unwrap();
        assert_eq!(chrono::Datelike::weekday(&t), chrono::Weekday::Thu);
    }
    // Before the date nothing moved.
    let first = get(&app, &c, &format!("/meetings/{}", ids[0])).await;
    assert_eq!(first["starts_at_unix"], starts[0]);
    let bad = c
        .patch(app.api(&format!("/meeting-series/{id}")))
        .json(&json!({ "from": "2020-01-01", "weekday": "9" }))
        .send()
        .await
        .unwrap();
    let e = expect_error(bad, 422, "validation").await;
    assert!(
        e["error"]["fields"]["from"].is_string() && e["error"]["fields"]["weekday"].is_string()
    );
}

#[tokio::test]
async fn an_ended_series_cancels_its_later_drafts_and_schedules_no_more() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (id, starts) = series(&app, &c, "2031-03-04").await;
    let r = post(
        &app,
        &c,
        &format!("/meeting-series/{id}/end"),
        json!({ "last_day": "2031-03-20" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let change = json(r).await;
    assert_eq!(change["cancelled"].as_array().unwrap().len(), 4);
    assert_eq!(change["cancelled"][0]["status"], "cancelled");
    assert_eq!(change["series"]["ends_on"], "2031-03-20");
    assert_eq!(starts_of(&app, id).await, starts[..2].to_vec());
    convene_app::meetings::series_job::run_due(&state(&app), starts[1] + 86_400)
        .await
        .unwrap();
    assert_eq!(
        starts_of(&app, id).await,
        starts[..2].to_vec(),
        "an ended series schedules nothing"
    );
}

#[tokio::test]
async fn a_moved_meeting_tells_every_member_with_the_updated_event() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-05-06T10:00").await;
    let was = get(&app, &c, &format!("/meetings/{id}")).await;
    let r = post(&app, &c, &format!("/meetings/{id}/move"),
        json!({ "starts_at": "2031-05-13T11:00", "place": "Room 9", "reason": "The room is flooded" })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let m = json(r).await;
    assert_eq!(m["place"], "Room 9");
    assert_eq!(m["sequence"], 1);
    assert_eq!(
        m["ends_at_unix"].as_i64().unwrap() - m["starts_at_unix"].as_i64().unwrap(),
        7200
    );
    let rows = outbox_rows(&app, "meeting_moved", id).await;
    assert_eq!(rows.len() as i64, members(&app).await);
    let params: Value = serde_json::from_str(rows[0].1.as_deref().unwrap()).unwrap();
    assert_eq!(params["reason"], "The room is flooded");
    assert_eq!(params["from"], was["starts_at"]);
    let ics = rows[0].2.clone().unwrap();
    assert!(ics.contains("METHOD:REQUEST"), "{ics}");
    let ev = &ics_events(&ics)[0];
    let prop = |n: &str| ev.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    assert_eq!(
        prop("UID").as_deref(),
        Some(format!("meeting-{id}@convene").as_str())
    );
    assert_eq!(prop("SEQUENCE").as_deref(), Some("1"));
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'move' AND entity_id = '{id}'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn a_cancelled_meeting_hands_its_cases_and_open_actions_to_the_next_and_cannot_be_started() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (case, reference) = app.refer_police_case(&unique("Victim"), false).await;
    let first = meeting(&app, &c, "2031-06-03T10:00").await;
    let next = meeting(&app, &c, "2031-07-01T10:00").await;
    let r = c
        .post(app.api(&format!("/meetings/{first}/agenda/build")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let brought: Vec<i64> =
        sqlx::query_scalar("SELECT action_id FROM agenda_actions WHERE meeting_id = ?")
            .bind(first)
            .fetch_all(&app.db)
            .await
            .unwrap();
    let r = c
        .post(app.api(&format!("/meetings/{first}/publish")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = post(
        &app,
        &c,
        &format!("/meetings/{first}/cancel"),
        json!({ "reason": "The chair is ill" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let out = json(r).await;
    assert_eq!(out["next_meeting"], next);
    assert_eq!(out["meeting"]["status"], "cancelled");
    assert_eq!(out["meeting"]["cancel_reason"], "The chair is ill");
    let agenda = get(&app, &c, &format!("/meetings/{next}/agenda")).await;
    assert!(
        agenda["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["case_id"] == case && i["removed"] == false),
        "{reference} is on the next agenda"
    );
    let open_next: Vec<i64> =
        sqlx::query_scalar("SELECT action_id FROM agenda_actions WHERE meeting_id = ?")
            .bind(next)
            .fetch_all(&app.db)
            .await
            .unwrap();
    for a in &brought {
        assert!(
            open_next.contains(a),
            "action {a} moved to the next meeting"
        );
    }
    assert_eq!(
        app.count(&format!("agenda_actions WHERE meeting_id = {first}"))
            .await,
        0
    );
    let rows = outbox_rows(&app, "meeting_cancelled", first).await;
    assert_eq!(rows.len() as i64, members(&app).await);
    let params: Value = serde_json::from_str(rows[0].1.as_deref().unwrap()).unwrap();
    assert_eq!(params["next_meeting"], next);
    assert!(rows[0].2.as_deref().unwrap().contains("METHOD:CANCEL"));
    // Still on the calendar, and it cannot be started or cancelled twice.
    let listed = get(&app, &c, &format!("/meetings/{first}")).await;
    assert_eq!(listed["status"], "cancelled");
    let start = c
        .patch(app.api(&format!("/meetings/{first}")))
        .json(&json!({ "status": "in_session" }))
        .send()
        .await
        .unwrap();
    expect_error(start, 409, "conflict").await;
    let again = post(
        &app,
        &c,
        &format!("/meetings/{first}/cancel"),
        json!({ "reason": "Twice" }),
    )
    .await;
    expect_error(again, 409, "conflict").await;
}

#[tokio::test]
async fn bad_moves_and_cancellations_name_the_field_and_change_nothing() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-08-05T10:00").await;
    let before = get(&app, &c, &format!("/meetings/{id}")).await;
    let outbox = app.count("outbox").await;
    let r = post(
        &app,
        &c,
        &format!("/meetings/{id}/move"),
        json!({ "starts_at": "2020-01-01T10:00", "reason": "" }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(
        e["error"]["fields"]["starts_at"].is_string() && e["error"]["fields"]["reason"].is_string()
    );
    let r = post(
        &app,
        &c,
        &format!("/meetings/{id}/cancel"),
        json!({ "reason": "   " }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["reason"].is_string());
    assert_eq!(get(&app, &c, &format!("/meetings/{id}")).await, before);
    assert_eq!(app.count("outbox").await, outbox);
    // A meeting held (the demo's last one) cannot be moved.
    let held: i64 = sqlx::query_scalar("SELECT id FROM meetings WHERE status IN ('closed','minutes_approved') ORDER BY starts_at DESC LIMIT 1")
        .fetch_one(&app.db).await.unwrap();
    let r = post(
        &app,
        &c,
        &format!("/meetings/{held}/move"),
        json!({ "starts_at": "2031-09-01T10:00", "reason": "Late" }),
    )
    .await;
    expect_error(r, 409, "conflict").await;
}

#[tokio::test]
async fn a_member_may_not_move_or_cancel_a_meeting() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-10-07T10:00").await;
    let police = app.sign_in_as("police@demo.test").await;
    let r = post(
        &app,
        &police,
        &format!("/meetings/{id}/move"),
        json!({ "starts_at": "2031-10-14T10:00", "reason": "Mine" }),
    )
    .await;
    expect_error(r, 403, "forbidden").await;
    let r = post(
        &app,
        &police,
        &format!("/meetings/{id}/cancel"),
        json!({ "reason": "Mine" }),
    )
    .await;
    expect_error(r, 403, "forbidden").await;
    let r = police
        .get(app.api(&format!("/meetings/{id}/research/late")))
        .send()
        .await
        .unwrap();
    assert!(r.status() == StatusCode::FORBIDDEN || r.status() == StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn late_research_names_the_agencies_still_owing_and_one_reminder_reaches_each_representative_once(
) {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let (case, reference) = app.refer_police_case(&unique("Victim"), false).await;
    let id = meeting(&app, &c, "2031-11-04T10:00").await;
    app.build_and_publish(&c, id).await;
    let police = app.sign_in_as("police@demo.test").await;
    let r = police
        .put(app.api(&format!("/meetings/{id}/research/{case}")))
        .json(&json!({ "state": "no_trace" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let late = get(&app, &c, &format!("/meetings/{id}/research/late")).await;
    let agencies = late["agencies"].as_array().unwrap();
    let police_id = app.agency_id("County Police Inspectorate").await;
    let owes = |a: &Value| {
        a["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == reference.as_str())
    };
    assert!(
        !agencies
            .iter()
            .any(|a| a["agency_id"] == police_id && owes(a)),
        "the police answered"
    );
    let probation = agencies
        .iter()
        .find(|a| a["agency_id"] != police_id)
        .expect("another agency owes");
    assert!(owes(probation));
    let r = c
        .post(app.api(&format!("/meetings/{id}/research/remind")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // Twice the same day: still one per representative.
    let r = c
        .post(app.api(&format!("/meetings/{id}/research/remind")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT o.user_id, COUNT(*) FROM outbox o WHERE o.kind = 'research_reminder' AND o.meeting_id = ? GROUP BY o.user_id",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(rows.iter().all(|(_, n)| *n == 1), "{rows:?}");
    let late_ids: Vec<i64> = agencies
        .iter()
        .map(|a| a["agency_id"].as_i64().unwrap())
        .collect();
    let reps: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, agency_id FROM users WHERE active = 1 AND agency_id IS NOT NULL",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let told: Vec<i64> = rows.iter().map(|(u, _)| *u).collect();
    let agency_of = |u: i64| reps.iter().find(|(x, _)| *x == u).map(|(_, a)| *a);
    assert!(
        told.iter()
            .all(|u| agency_of(*u).is_some_and(|a| late_ids.contains(&a))),
        "only late agencies are reminded"
    );
    let regular: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, agency_id FROM users WHERE active = 1 AND representation = 'regular' AND agency_id IS NOT NULL",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    for (u, a) in regular {
        assert_eq!(
            told.contains(&u),
            late_ids.contains(&a),
            "user {u} of agency {a}"
        );
    }
    let (user, params): (i64, String) = sqlx::query_as("SELECT user_id, params FROM outbox WHERE kind = 'research_reminder' AND meeting_id = ? LIMIT 1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let agency = reps.iter().find(|(u, _)| *u == user).unwrap().1;
    let owed = agencies.iter().find(|a| a["agency_id"] == agency).unwrap()["cases"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        serde_json::from_str::<Value>(&params).unwrap()["cases"],
        owed
    );
}

#[tokio::test]
async fn a_cancelled_meeting_reads_cancelled_in_romanian() {
    let app = TestApp::start_in_language("ro").await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-12-02T10:00").await;
    let r = post(
        &app,
        &c,
        &format!("/meetings/{id}/cancel"),
        json!({ "reason": "" }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["reason"]
        .as_str()
        .unwrap()
        .contains("Precizați motivul"));
    let r = post(
        &app,
        &c,
        &format!("/meetings/{id}/cancel"),
        json!({ "reason": "Ninsoare" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = c
        .get(app.url("/meetings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Anulată") && page.contains("Ninsoare"));
}
