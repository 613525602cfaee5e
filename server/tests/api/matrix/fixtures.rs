//! The records the matrix asks about, made through the API as the group would make them.

use crate::common::*;
use reqwest::Client;
use serde_json::{json, Value};

pub struct Fixtures {
    /// An agency nobody in the matrix belongs to.
    pub agency: i64,
    pub member_user: i64,
    pub chair_user: i64,
    /// Referred by the police: the police member is involved, the hospital member is not.
    pub case: i64,
    /// An action on `case`, owned by the police.
    pub action: i64,
    /// A meeting whose agenda is not published.
    pub draft: i64,
    /// A coming meeting with a published agenda that holds `case`.
    pub published: i64,
    /// A meeting held long ago, its minutes approved.
    pub past: i64,
    /// A held meeting whose minutes are circulated for review, with a comment on them.
    pub review: i64,
    pub comment: i64,
    /// The path of the police member's private calendar feed.
    pub calendar: String,
    /// A member with a password reset pending (asked by the coordinator): asking again is a
    /// conflict, so an allowed subject changes nothing.
    pub pending_reader: i64,
    /// An access request the coordinator asked and the admin refused: deciding or
    /// withdrawing it again is a conflict.
    pub decided_request: i64,
}

async fn ok(r: reqwest::Response, what: &str) -> Value {
    let s = r.status();
    let body = r.text().await.unwrap();
    assert!(s.is_success(), "{what}: {s} {body}");
    serde_json::from_str(&body).unwrap_or(Value::Null)
}

async fn meeting(app: &TestApp, c: &Client, starts_at: &str) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": starts_at, "duration_minutes": 120, "place": "Room 2" }))
        .send()
        .await
        .unwrap();
    ok(r, "schedule a meeting").await["id"].as_i64().unwrap()
}

async fn post(app: &TestApp, c: &Client, path: String, body: Value, what: &str) -> Value {
    ok(
        c.post(app.api(&path)).json(&body).send().await.unwrap(),
        what,
    )
    .await
}

async fn patch(app: &TestApp, c: &Client, path: String, body: Value, what: &str) -> Value {
    ok(
        c.patch(app.api(&path)).json(&body).send().await.unwrap(),
        what,
    )
    .await
}

pub async fn make(app: &TestApp) -> Fixtures {
    let (case, _) = app.refer_police_case(&unique("Matrix Victim"), false).await;
    let police = app.agency_id("County Police Inspectorate").await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let action = post(
        app,
        &c,
        "/actions".into(),
        json!({ "case_id": case.to_string(), "owner_agency_id": police.to_string(),
                "kind": "safety_planning", "text": "Visit and review the safety plan", "due_on": "2027-03-01" }),
        "agree an action",
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let draft = meeting(app, &c, "2027-09-01T09:00").await;
    let published = meeting(app, &c, "2027-08-01T09:00").await;
    post(
        app,
        &c,
        format!("/meetings/{published}/agenda/build"),
        json!({}),
        "build",
    )
    .await;
    post(
        app,
        &c,
        format!("/meetings/{published}/publish"),
        json!({}),
        "publish",
    )
    .await;

    // A meeting that was held, with minutes out for review and a member's comment on them.
    let review = meeting(app, &c, "2026-11-20T09:00").await;
    post(
        app,
        &c,
        format!("/meetings/{review}/agenda/build"),
        json!({}),
        "build",
    )
    .await;
    post(
        app,
        &c,
        format!("/meetings/{review}/publish"),
        json!({}),
        "publish",
    )
    .await;
    for status in ["in_session", "closed"] {
        let path = format!("/meetings/{review}");
        patch(app, &c, path, json!({ "status": status }), status).await;
    }
    ok(
        c.get(app.api(&format!("/meetings/{review}/minutes")))
            .send()
            .await
            .unwrap(),
        "draft the minutes",
    )
    .await;
    post(
        app,
        &c,
        format!("/meetings/{review}/minutes/circulate"),
        json!({}),
        "circulate",
    )
    .await;
    let police_client = app.sign_in_as("police@demo.test").await;
    let minutes = post(
        app,
        &police_client,
        format!("/meetings/{review}/minutes/comments"),
        json!({ "body": "Please add that the visit took place." }),
        "comment",
    )
    .await;
    let comment = minutes["comments"]
        .as_array()
        .and_then(|a| a.last())
        .and_then(|c| c["id"].as_i64())
        .unwrap_or_else(|| panic!("the comment in {minutes}"));
    let calendar = ok(
        police_client
            .get(app.api("/me/calendar"))
            .send()
            .await
            .unwrap(),
        "calendar link",
    )
    .await["path"]
        .as_str()
        .unwrap()
        .trim_start_matches("/api/v1")
        .to_string();

    let pending_reader = app.user_id("children@demo.test").await;
    post(
        app,
        &c,
        format!("/users/{pending_reader}/password-reset"),
        json!({}),
        "ask for a reset",
    )
    .await;
    let social = app.user_id("social@demo.test").await;
    let decided_request = post(
        app,
        &c,
        format!("/users/{social}/password-reset"),
        json!({}),
        "ask for another reset",
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let admin = app.sign_in_as("admin@demo.test").await;
    post(
        app,
        &admin,
        format!("/access-requests/{decided_request}/refuse"),
        json!({}),
        "refuse it",
    )
    .await;

    let past: i64 = sqlx::query_scalar(
        "SELECT id FROM meetings WHERE status = 'minutes_approved' ORDER BY starts_at LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    Fixtures {
        agency: app.agency_id("Forensic Medicine Institute").await,
        member_user: app.user_id("health@demo.test").await,
        chair_user: app.user_id("chair@demo.test").await,
        case,
        action,
        draft,
        published,
        past,
        review,
        comment,
        calendar,
        pending_reader,
        decided_request,
    }
}
