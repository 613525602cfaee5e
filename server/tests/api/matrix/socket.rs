//! The live socket's rows: the handshake, and every kind of change, for every subject.

use super::{Fixtures, SUBJECTS};
use crate::common::*;
use crate::live_client::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Every `op` the server can decode, from serde's own list of the enum's variants: a change
/// kind added to the protocol shows up here without anyone remembering to list it.
pub fn change_kinds() -> BTreeSet<String> {
    let err = serde_json::from_value::<convene_app::live::protocol::Change>(
        json!({ "op": "\u{1}no such change" }),
    )
    .unwrap_err()
    .to_string();
    variants(&err)
}

pub fn message_kinds() -> BTreeSet<String> {
    let err = serde_json::from_value::<convene_app::live::protocol::ClientMsg>(
        json!({ "type": "\u{1}no such message" }),
    )
    .unwrap_err()
    .to_string();
    variants(&err)
}

fn variants(err: &str) -> BTreeSet<String> {
    let list = err
        .split("expected one of")
        .nth(1)
        .unwrap_or_else(|| panic!("{err}"));
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// (op, the change, one letter per subject). The admin never gets a socket (`F`).
#[rustfmt::skip]
fn changes(item: i64, action: i64) -> Vec<(&'static str, Value, &'static str)> {
    vec![
        ("start_session", json!({ "op": "start_session" }), "FAAFFF"),
        ("next", json!({ "op": "next" }), "FAAFFF"),
        ("previous", json!({ "op": "previous" }), "FAAFFF"),
        ("go_to", json!({ "op": "go_to", "item_id": item }), "FAAFFF"),
        ("timer", json!({ "op": "timer", "running": false }), "FAAFFF"),
        // A case item the viewer's agency may not see is, for them, not on the agenda at all.
        ("contribute", json!({ "op": "contribute", "item_id": item, "body": "" }), "FAAANF"),
        ("save_summary", json!({ "op": "save_summary", "item_id": item, "base_version": -1, "summary": "", "decisions": "" }), "FAAFNF"),
        ("agree_action", json!({ "op": "agree_action", "item_id": item, "action": { "case_id": "" } }), "FAAFNF"),
        ("record_outcome", json!({ "op": "record_outcome", "action_id": action, "outcome": { "status": "nonsense" } }), "FAAANF"),
        ("children_done", json!({ "op": "children_done" }), "FAAFFF"),
        ("end_session", json!({ "op": "end_session" }), "FAAFFF"),
    ]
}

/// `A` acknowledged or judged on content, `F` forbidden. `N`: answered exactly as the same
/// change naming an item or action that does not exist (`missing`).
fn judged(answer: &Value, expect: char, missing: &Value) -> bool {
    let code = answer["error"]["code"].as_str();
    match (answer["type"].as_str(), expect) {
        (Some("ack"), 'A') => true,
        (Some("refused"), 'A') => !matches!(code, Some("forbidden" | "not_found" | "unauthorized")),
        (Some("refused"), 'F') => code == Some("forbidden"),
        (Some("refused"), 'N') => {
            missing["type"] == "refused" && answer["error"] == missing["error"]
        }
        _ => false,
    }
}

/// The same change about an item and an action that do not exist.
fn about_nothing(change: &Value) -> Value {
    let mut c = change.clone();
    for id in ["item_id", "action_id"] {
        if c.get(id).is_some() {
            c[id] = json!(999_999_999);
        }
    }
    c
}

pub async fn check(app: &TestApp, f: &Fixtures) {
    let origin = format!("http://{}", app.addr);
    assert_eq!(
        refused_status(app, f.published, None, Some(&origin)).await,
        401
    );
    let item: i64 = sqlx::query_scalar(
        "SELECT id FROM agenda_items WHERE meeting_id = ? AND case_id = ? LIMIT 1",
    )
    .bind(f.published)
    .bind(f.case)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let rows = changes(item, f.action);
    let listed: BTreeSet<String> = rows.iter().map(|r| r.0.to_string()).collect();
    assert_eq!(listed, change_kinds(), "every live change has a row");
    assert_eq!(
        message_kinds(),
        ["change", "join", "ping"].map(String::from).into(),
        "join and ping are checked by every connection below; a new message needs a row"
    );
    let mut sockets = Vec::new();
    for (i, (who, email)) in SUBJECTS.iter().enumerate() {
        let (token, c) = session(app, email).await;
        let _ = c
            .post(app.api(&format!("/meetings/{}/acknowledge", f.published)))
            .send()
            .await
            .unwrap();
        let status = refused_status(app, f.published, Some(&token), Some(&origin)).await;
        if i == 0 {
            assert_eq!(status, 403, "{who} opens no live socket");
            sockets.push(None);
        } else {
            assert_eq!(status, 101, "{who} joins the live meeting");
            let mut ws = Ws::connect(app, f.published, &token, None).await;
            ws.snapshot().await;
            ws.send(json!({ "type": "ping" })).await;
            ws.until_type("pong").await;
            sockets.push(Some(ws));
        }
    }
    let mut wrong = Vec::new();
    for (n, (op, change, expect)) in rows.iter().enumerate() {
        for (i, letter) in expect.chars().enumerate() {
            let Some(ws) = sockets[i].as_mut() else {
                assert_eq!(letter, 'F', "{op}: no socket for {}", SUBJECTS[i].0);
                continue;
            };
            let missing = if letter == 'N' {
                ws.change(&format!("x{n}-{i}"), about_nothing(change)).await
            } else {
                Value::Null
            };
            let answer = ws.change(&format!("m{n}-{i}"), change.clone()).await;
            if !judged(&answer, letter, &missing) {
                wrong.push(format!(
                    "{op} as {}: got {answer}, expected {letter} (for nothing: {missing})",
                    SUBJECTS[i].0
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong answers:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
