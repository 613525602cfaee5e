//! One way through each use case: the HTTP API, the pages' server functions and the live
//! socket reach the same code, so they behave alike.

use crate::common::*;
use crate::live_client::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A published meeting with one police case on its agenda; the coordinator's client and the
/// case's agenda item.
async fn published(app: &TestApp) -> (i64, i64, Client) {
    let (case, _) = app.refer_police_case(&unique("Doors Victim"), false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": "2027-07-01T09:00", "duration_minutes": 180 }))
        .send()
        .await
        .unwrap();
    let id = json(r).await["id"].as_i64().unwrap();
    for step in ["agenda/build", "publish"] {
        let r = c
            .post(app.api(&format!("/meetings/{id}/{step}")))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{step}");
    }
    let agenda = json(
        c.get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let item = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["case_id"] == case)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    (id, item, c)
}

/// The chair in the room, with the meeting started on its case item and that item's timer
/// running.
async fn running_timer(app: &TestApp, id: i64, item: i64) -> Ws {
    let (token, c) = session(app, "chair@demo.test").await;
    let r = c
        .post(app.api(&format!("/meetings/{id}/acknowledge")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let mut chair = Ws::connect(app, id, &token, None).await;
    chair.snapshot().await;
    for (key, change) in [
        ("start", json!({ "op": "start_session" })),
        ("go", json!({ "op": "go_to", "item_id": item })),
        ("run", json!({ "op": "timer", "running": true })),
    ] {
        let a = chair.change(key, change).await;
        assert_eq!(a["type"], "ack", "{key}: {a}");
    }
    assert!(timer(app, item).await.1.is_some(), "the timer runs");
    chair
}

async fn timer(app: &TestApp, item: i64) -> (i64, Option<i64>) {
    sqlx::query_as("SELECT used_ms, timer_started_ms FROM agenda_items WHERE id = ?")
        .bind(item)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn status(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM meetings WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn closing_a_meeting_through_the_api_stops_the_running_items_timer_as_the_room_does() {
    let app = TestApp::start().await;
    let (id, item, c) = published(&app).await;
    let mut chair = running_timer(&app, id, item).await;
    let r = c
        .patch(app.api(&format!("/meetings/{id}")))
        .json(&json!({ "status": "closed" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(status(&app, id).await, "closed");
    assert_eq!(timer(&app, item).await.1, None, "the timer stopped");
    // The room hears of it as it does of its own close: a fresh state, closed, no item.
    let s = chair.until_type("snapshot").await;
    assert_eq!(s["state"]["status"], "closed");
    assert!(s["state"]["current_item_id"].is_null());
}

#[tokio::test]
async fn closing_a_meeting_in_the_room_stops_the_running_items_timer_and_is_recorded_once() {
    let app = TestApp::start().await;
    let (id, item, _) = published(&app).await;
    let mut chair = running_timer(&app, id, item).await;
    let a = chair.change("end", json!({ "op": "end_session" })).await;
    assert_eq!(a["type"], "ack", "{a}");
    assert_eq!(status(&app, id).await, "closed");
    assert_eq!(timer(&app, item).await.1, None, "the timer stopped");
    let closes: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM live_events WHERE meeting_id = ? AND kind = 'status'",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(closes, 2, "the start and the close, once each");
}

#[tokio::test]
async fn a_meeting_started_through_the_api_opens_on_its_first_item_as_the_room_start_does() {
    let app = TestApp::start().await;
    let (id, _, c) = published(&app).await;
    let r = c
        .patch(app.api(&format!("/meetings/{id}")))
        .json(&json!({ "status": "in_session" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let current: Option<i64> =
        sqlx::query_scalar("SELECT current_item_id FROM live_state WHERE meeting_id = ?")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    let first: i64 = sqlx::query_scalar(
        "SELECT id FROM agenda_items WHERE meeting_id = ? AND removed_at IS NULL ORDER BY position, id LIMIT 1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(current, Some(first));
}

/// The agenda as the coordinator sees it.
async fn agenda(app: &TestApp, c: &Client, id: i64) -> Value {
    json(
        c.get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn the_agenda_pages_form_and_the_api_make_the_same_change() {
    let app = TestApp::start().await;
    let (id, item, c) = published(&app).await;
    let form = format!("id={id}&op=set_minutes&item_id={item}&minutes=17");
    let r = c
        .post(app.url(&sfn_path("change_agenda")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let minutes = |a: &Value| {
        a["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == item)
            .unwrap()["minutes"]
            .clone()
    };
    assert_eq!(minutes(&agenda(&app, &c, id).await), 17);
    let r = c
        .patch(app.api(&format!("/meetings/{id}/agenda")))
        .json(&json!({ "operations": [{ "op": "set_minutes", "item_id": item, "minutes": 23 }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(minutes(&agenda(&app, &c, id).await), 23);
    // Bad minutes are refused the same way, naming the field.
    let r = c
        .post(app.url(&sfn_path("change_agenda")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "id={id}&op=set_minutes&item_id={item}&minutes=lots"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let text = r.text().await.unwrap();
    assert!(text.contains("minutes"), "{text}");
}
