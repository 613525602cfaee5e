//! The live meeting over real sockets: order, replay, idempotency, authorisation, the
//! children's cut-off and closing on sign-out.

use crate::common::*;
use crate::live_client::*;
use reqwest::Client;
use serde_json::{json, Value};

/// A case referred now by the police, with or without children.
struct Prepared {
    id: i64,
    /// The agenda item of the case with children, and of the case without.
    children_item: i64,
    adult_item: i64,
    last_item: i64,
}

/// A meeting with a published agenda holding two new cases referred by the police.
async fn prepared(app: &TestApp) -> Prepared {
    let (with_children, _) = app.refer_police_case(&unique("Live Victim"), true).await;
    let (adult, _) = app.refer_police_case(&unique("Live Victim"), false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    // An action set between meetings: it comes back on the agenda for its outcome.
    let police = app.agency_id("County Police Inspectorate").await;
    let r = c
        .post(app.api("/actions"))
        .json(&json!({ "case_id": adult.to_string(), "owner_agency_id": police.to_string(), "kind": "safety_planning",
                       "text": "Check the protection order was served", "due_on": "2026-12-20" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let r = c
        .post(app.api("/meetings"))
        .json(
            &json!({ "starts_at": "2027-06-01T09:00", "duration_minutes": 180, "place": "Room 4" }),
        )
        .send()
        .await
        .unwrap();
    let id = json(r).await["id"].as_i64().unwrap();
    let r = c
        .post(app.api(&format!("/meetings/{id}/agenda/build")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let r = c
        .post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    let agenda = json(r).await;
    let items = agenda["items"].as_array().unwrap();
    let item_of = |case: i64| {
        items
            .iter()
            .find(|i| i["case_id"] == case)
            .map(|i| i["id"].as_i64().unwrap())
            .expect("case on the agenda")
    };
    Prepared {
        id,
        children_item: item_of(with_children),
        adult_item: item_of(adult),
        last_item: items.iter().rfind(|i| i["removed"] == false).unwrap()["id"]
            .as_i64()
            .unwrap(),
    }
}

async fn acknowledge(app: &TestApp, c: &Client, id: i64) {
    let r = c
        .post(app.api(&format!("/meetings/{id}/acknowledge")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
}

/// Signs in, acknowledges confidentiality, connects and reads the first snapshot.
async fn join(app: &TestApp, id: i64, email: &str) -> (Ws, String, Client) {
    let (token, c) = session(app, email).await;
    acknowledge(app, &c, id).await;
    let mut ws = Ws::connect(app, id, &token, None).await;
    ws.snapshot().await;
    (ws, token, c)
}

fn item(state: &Value, id: i64) -> Option<&Value> {
    state["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
}

async fn start(chair: &mut Ws) -> i64 {
    let a = chair
        .change("start", json!({ "op": "start_session" }))
        .await;
    assert_eq!(a["type"], "ack", "{a}");
    a["seq"].as_i64().unwrap()
}

#[tokio::test]
async fn the_handshake_needs_a_session_our_origin_and_the_acknowledgement() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let origin = format!("http://{}", app.addr);
    assert_eq!(refused_status(&app, p.id, None, Some(&origin)).await, 401);
    let (token, c) = session(&app, "police@demo.test").await;
    assert_eq!(
        refused_status(&app, p.id, Some(&token), Some("http://evil.example")).await,
        403
    );
    assert_eq!(refused_status(&app, p.id, Some(&token), None).await, 403);
    assert_eq!(
        refused_status(&app, p.id, Some(&token), Some(&origin)).await,
        409
    );
    acknowledge(&app, &c, p.id).await;
    assert_eq!(
        refused_status(&app, p.id, Some(&token), Some(&origin)).await,
        101
    );
    // An administrator holds no case data and does not join meetings.
    let (admin, _) = session(&app, "admin@demo.test").await;
    assert_eq!(
        refused_status(&app, p.id, Some(&admin), Some(&origin)).await,
        403
    );
    assert_eq!(
        refused_status(&app, 999_999, Some(&token), Some(&origin)).await,
        404
    );
}

#[tokio::test]
async fn every_client_sees_the_same_changes_in_the_same_order() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut coordinator, _, _) = join(&app, p.id, "coordinator@demo.test").await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    let (mut social, _, _) = join(&app, p.id, "social@demo.test").await;
    let started = start(&mut chair).await;
    for ws in [&mut coordinator, &mut police, &mut social] {
        ws.until_seq(started).await;
    }
    chair
        .change("go", json!({ "op": "go_to", "item_id": p.children_item }))
        .await;
    // Three people type at once.
    let (a, b, c) = tokio::join!(
        async {
            for n in 0..5 {
                let r = police
                    .change(&format!("p{n}"), json!({ "op": "contribute", "item_id": p.children_item, "body": format!("Police note {n}") }))
                    .await;
                assert_eq!(r["type"], "ack", "{r}");
            }
            police
        },
        async {
            for n in 0..5 {
                let r = coordinator
                    .change(&format!("c{n}"), json!({ "op": "contribute", "item_id": p.adult_item, "body": format!("Coordinator note {n}") }))
                    .await;
                assert_eq!(r["type"], "ack", "{r}");
            }
            coordinator
        },
        async {
            for n in 0..5 {
                let r = chair
                    .change(
                        &format!("t{n}"),
                        json!({ "op": "timer", "running": n % 2 == 0 }),
                    )
                    .await;
                assert_eq!(r["type"], "ack", "{r}");
            }
            chair
        }
    );
    let (mut police, mut coordinator, mut chair) = (a, b, c);
    let last = 2 + 15;
    for ws in [&mut chair, &mut coordinator, &mut police, &mut social] {
        ws.until_seq(last).await;
    }
    // Every client reached the last change with no gap and nothing twice (the client checks
    // each number follows the one before). The start changes what people may see, so it comes
    // as a fresh snapshot, which may already hold a few changes after it; from there on, all
    // clients got the same changes in the same order.
    let kinds = |ws: &Ws| {
        ws.seen
            .iter()
            .cloned()
            .collect::<std::collections::BTreeMap<i64, String>>()
    };
    let chair_kinds = kinds(&chair);
    for ws in [&coordinator, &police, &social] {
        assert_eq!(ws.last_seq, last);
        assert!(ws.seen.len() >= 10, "{:?}", ws.seen);
    }
    for ws in [&coordinator, &police] {
        for (seq, kind) in kinds(ws) {
            assert_eq!(chair_kinds.get(&seq), Some(&kind), "seq {seq}");
        }
    }
    // The social services member's agency is not involved with these police cases: the same
    // numbers arrive, but the contributions come as hidden.
    for (seq, kind) in kinds(&social) {
        let theirs = chair_kinds.get(&seq).unwrap();
        let expected = if theirs == "contribution" {
            "hidden"
        } else {
            theirs.as_str()
        };
        assert_eq!(kind, expected, "seq {seq}");
    }
    let shared: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM live_contributions WHERE meeting_id = ?")
            .bind(p.id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(shared, 10);
}

#[tokio::test]
async fn a_client_that_drops_gets_exactly_what_it_missed_when_it_reconnects() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut police, token, _) = join(&app, p.id, "police@demo.test").await;
    let started = start(&mut chair).await;
    police.until_seq(started).await;
    // The member's connection dies mid-meeting.
    let held = police.last_seq;
    police.close().await;
    chair.change("n1", json!({ "op": "next" })).await;
    chair
        .change("n2", json!({ "op": "go_to", "item_id": p.adult_item }))
        .await;
    let r = chair
        .change(
            "c1",
            json!({ "op": "contribute", "item_id": p.adult_item, "body": "Missed while away" }),
        )
        .await;
    assert_eq!(r["type"], "ack");
    let mut back = Ws::connect(&app, p.id, &token, Some(held)).await;
    back.until_seq(held + 3).await;
    assert_eq!(
        back.seen
            .iter()
            .map(|(s, k)| (*s, k.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (held + 1, "current"),
            (held + 2, "current"),
            (held + 3, "contribution")
        ]
    );
    assert!(back.snapshot.is_none(), "a replay, not a snapshot");
    assert!(back.quiet_for(300).await, "nothing is sent twice");
    let body = &back.inbox[2]["event"]["contribution"]["body_md"];
    assert_eq!(body, "Missed while away");
}

#[tokio::test]
async fn a_change_retried_after_a_lost_acknowledgement_is_applied_once() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut police, token, _) = join(&app, p.id, "police@demo.test").await;
    start(&mut chair).await;
    let change = json!({ "op": "contribute", "item_id": p.children_item, "body": "Only once" });
    // Sent, then the socket dies before the acknowledgement is read.
    police
        .send(json!({ "type": "change", "key": "same-key", "change": change }))
        .await;
    police.close().await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut again = Ws::connect(&app, p.id, &token, None).await;
    again.snapshot().await;
    let first = again.change("same-key", change.clone()).await;
    let second = again.change("same-key", change).await;
    assert_eq!(first["type"], "ack");
    assert_eq!(first["seq"], second["seq"]);
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM live_contributions WHERE body_md = 'Only once'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn an_unauthorised_message_is_refused_logged_and_writes_nothing() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    let (mut social, _, _) = join(&app, p.id, "social@demo.test").await;
    // A member cannot run the meeting.
    let r = police.change("k1", json!({ "op": "start_session" })).await;
    assert_eq!(r["type"], "refused");
    assert_eq!(r["error"]["code"], "forbidden");
    start(&mut chair).await;
    // Nor write on a case their agency is not involved with: it answers as if absent.
    let r = social
        .change(
            "k2",
            json!({ "op": "contribute", "item_id": p.adult_item, "body": "Not mine" }),
        )
        .await;
    assert_eq!(r["type"], "refused");
    assert_eq!(r["error"]["code"], "validation", "{r}");
    // Nor keep the summary.
    let r = police
        .change("k3", json!({ "op": "save_summary", "item_id": p.adult_item, "base_version": 0, "summary": "x", "decisions": "" }))
        .await;
    assert_eq!(r["error"]["code"], "forbidden", "{r}");
    let refused: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'live_refused'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(refused, 2);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM live_contributions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // Bad input is a clear error on the field; an oversized message is refused.
    let r = police
        .change(
            "k4",
            json!({ "op": "contribute", "item_id": p.children_item, "body": "  " }),
        )
        .await;
    assert!(r["error"]["fields"]["body"].is_string(), "{r}");
    police.send_raw("x".repeat(70 * 1024)).await;
    let r = police.until_type("refused").await;
    assert!(r["error"]["fields"]["message"].is_string(), "{r}");
    let r = police.change("bad key!", json!({ "op": "next" })).await;
    assert!(r["error"]["fields"]["key"].is_string(), "{r}");
}

#[tokio::test]
async fn a_summary_saved_from_an_old_version_is_refused_and_nothing_is_overwritten() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut coordinator, _, _) = join(&app, p.id, "coordinator@demo.test").await;
    // The start reaches everyone as a snapshot; wait for it, so the summary comes as an event.
    let started = start(&mut chair).await;
    chair.until_seq(started).await;
    coordinator.until_seq(started).await;
    let save = |text: &str| json!({ "op": "save_summary", "item_id": p.adult_item, "base_version": 0, "summary": text, "decisions": "Refer to the shelter." });
    let first = coordinator
        .change("s1", save("The coordinator's text"))
        .await;
    assert_eq!(first["type"], "ack");
    let second = chair.change("s2", save("The chair's text")).await;
    assert_eq!(second["type"], "refused");
    assert_eq!(second["error"]["code"], "conflict");
    // The chair's screen has the newer text to merge.
    chair.until_seq(first["seq"].as_i64().unwrap()).await;
    let ev = chair
        .inbox
        .iter()
        .find(|e| e["event"]["kind"] == "summary")
        .unwrap();
    assert_eq!(
        ev["event"]["summary"]["summary_md"],
        "The coordinator's text"
    );
    assert_eq!(ev["event"]["summary"]["version"], 1);
    // The merge is longer than the socket's read buffer (8 KiB) and still arrives whole.
    let both = "Both texts, merged.".repeat(650);
    let merged = json!({ "op": "save_summary", "item_id": p.adult_item, "base_version": 1, "summary": both, "decisions": "" });
    let ack = chair.change("s3", merged).await;
    assert_eq!(ack["type"], "ack", "{ack}");
    coordinator.until_seq(ack["seq"].as_i64().unwrap()).await;
    let ev = coordinator
        .inbox
        .iter()
        .rev()
        .find(|e| e["event"]["kind"] == "summary")
        .unwrap();
    assert_eq!(ev["event"]["summary"]["summary_md"], both.as_str());
    assert_eq!(ev["event"]["summary"]["version"], 2);
}

#[tokio::test]
async fn actions_agreed_and_outcomes_reach_every_screen() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    let started = start(&mut chair).await;
    police.until_seq(started).await;
    let police_agency = app.agency_id("County Police Inspectorate").await;
    let r = chair
        .change(
            "a1",
            json!({ "op": "agree_action", "item_id": p.adult_item, "action": {
                "owner_agency_id": police_agency.to_string(), "kind": "safety_planning",
                "text": "Visit the victim with the advocate", "due_on": "2027-06-15" } }),
        )
        .await;
    assert_eq!(r["type"], "ack", "{r}");
    police.until_seq(r["seq"].as_i64().unwrap()).await;
    let ev = police.inbox.last().expect("the action arrives as an event");
    assert_eq!(ev["event"]["kind"], "action_agreed");
    assert_eq!(
        ev["event"]["action"]["text"],
        "Visit the victim with the advocate"
    );
    let row: (i64, String) = sqlx::query_as(
        "SELECT meeting_id, status FROM actions WHERE text = 'Visit the victim with the advocate'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(row, (p.id, "open".to_string()));
    // The police record the outcome of their earlier action; the chair's screen shows it.
    let snapshot = police.snapshot.clone().unwrap();
    let earlier = snapshot["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["earlier"].as_array().unwrap().clone())
        .find(|a| a["text"] == "Check the protection order was served")
        .expect("the earlier action is brought back");
    let r = police
        .change("o1", json!({ "op": "record_outcome", "action_id": earlier["id"], "outcome": { "status": "done" } }))
        .await;
    assert_eq!(r["type"], "ack", "{r}");
    chair.until_seq(r["seq"].as_i64().unwrap()).await;
    let ev = chair.inbox.last().unwrap();
    assert_eq!(ev["event"]["kind"], "outcome");
    assert_eq!(ev["event"]["action"]["status"], "done");
    // An outcome without the reason the status needs is refused on that field.
    let r = police
        .change("o2", json!({ "op": "record_outcome", "action_id": earlier["id"], "outcome": { "status": "not_done_agency" } }))
        .await;
    assert_eq!(r["type"], "refused", "{r}");
    // A bad action is refused with the field named, and nothing is written.
    let r = chair
        .change("a2", json!({ "op": "agree_action", "item_id": p.adult_item, "action": { "owner_agency_id": police_agency.to_string(), "kind": "safety_planning", "text": "", "due_on": "soon" } }))
        .await;
    assert_eq!(r["error"]["code"], "validation");
    assert!(r["error"]["fields"]["due_on"].is_string(), "{r}");
}

#[tokio::test]
async fn children_only_agencies_stop_seeing_later_items_after_the_cut_off() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    sqlx::query(
        "UPDATE agencies SET children_only = 1 WHERE name = 'County Child Protection Directorate'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    // Child protection is involved with the adult case too, so only the cut-off hides it.
    let cp = app.agency_id("County Child Protection Directorate").await;
    for item in [p.children_item, p.adult_item] {
        sqlx::query("INSERT OR IGNORE INTO case_agencies (case_id, agency_id, reason, added_at) SELECT case_id, ?, 'research', 0 FROM agenda_items WHERE id = ?")
            .bind(cp)
            .bind(item)
            .execute(&app.db)
            .await
            .unwrap();
    }
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut children, _, _) = join(&app, p.id, "children@demo.test").await;
    start(&mut chair).await;
    let before = children.snapshot().await;
    assert!(item(&before, p.adult_item).unwrap()["visible"] == true);
    let done = chair.change("cut", json!({ "op": "children_done" })).await;
    assert_eq!(done["type"], "ack");
    let after = children.snapshot().await;
    assert_eq!(after["left_after_children"], true);
    assert!(item(&after, p.children_item).is_some());
    assert!(
        item(&after, p.adult_item).is_none(),
        "later items are no longer shown"
    );
    assert!(item(&after, p.last_item).is_none());
    // What happens on a later item reaches them only as a number.
    let r = chair
        .change("late", json!({ "op": "contribute", "item_id": p.adult_item, "body": "After the children's cases" }))
        .await;
    children.until_seq(r["seq"].as_i64().unwrap()).await;
    assert_eq!(children.seen.last().unwrap().1, "hidden");
    let r = children
        .change(
            "x",
            json!({ "op": "contribute", "item_id": p.adult_item, "body": "Too late" }),
        )
        .await;
    assert_eq!(r["type"], "refused");
}

#[tokio::test]
async fn a_disabled_users_socket_is_closed_within_five_seconds() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    let (mut social, _, social_client) = join(&app, p.id, "social@demo.test").await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let id = app.user_id("police@demo.test").await;
    let r = admin
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "active": false }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let closing = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        police.until_type("closing"),
    )
    .await
    .expect("closed within 5 s");
    assert_eq!(closing["reason"], "signed_out");
    assert!(police.recv().await.is_none());
    // Signing out does the same.
    social_client
        .delete(app.api("/session"))
        .send()
        .await
        .unwrap();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        social.until_type("closing"),
    )
    .await
    .expect("closed within 5 s");
}

#[tokio::test]
async fn the_state_endpoint_shows_the_meeting_as_the_viewer_may_see_it_and_audits_it() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (_, c) = session(&app, "social@demo.test").await;
    let r = c
        .get(app.api(&format!("/meetings/{}/live/state", p.id)))
        .send()
        .await
        .unwrap();
    expect_error(r, 409, "conflict").await;
    acknowledge(&app, &c, p.id).await;
    let s = json(
        c.get(app.api(&format!("/meetings/{}/live/state", p.id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s["status"], "agenda_published");
    assert_eq!(item(&s, p.adult_item).unwrap()["visible"], false);
    let (_, police) = session(&app, "police@demo.test").await;
    acknowledge(&app, &police, p.id).await;
    let s = json(
        police
            .get(app.api(&format!("/meetings/{}/live/state", p.id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(item(&s, p.adult_item).unwrap()["visible"], true);
    let reads: Vec<(i64, String)> = sqlx::query_as(
        "SELECT actor_user_id, details FROM audit_log WHERE action = 'read' AND entity = 'live_meeting'",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let case = item(&s, p.adult_item).unwrap()["case_id"].as_i64().unwrap();
    let shown_to = |user: i64| {
        reads.iter().any(|(u, d)| {
            *u == user
                && serde_json::from_str::<Value>(d).unwrap()["cases"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(case))
        })
    };
    assert!(shown_to(app.user_id("police@demo.test").await));
    assert!(!shown_to(app.user_id("social@demo.test").await));
}

#[tokio::test]
async fn a_meeting_started_through_the_api_reaches_the_live_screens() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let r = c
        .patch(app.api(&format!("/meetings/{}", p.id)))
        .json(&json!({ "status": "in_session" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    // A start changes what people may see: it arrives as a fresh snapshot.
    let s = police.until_type("snapshot").await;
    assert_eq!(s["state"]["status"], "in_session");
    assert!(s["state"]["current_item_id"].is_i64());
}

#[tokio::test]
async fn each_role_may_do_in_the_room_what_the_policy_allows_and_no_more() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    start(&mut chair).await;
    // (who, relation to the police case) → may contribute, may keep the summary, may chair.
    let matrix = [
        ("chair@demo.test", "staff", true, true, true),
        ("coordinator@demo.test", "staff", true, true, true),
        ("police@demo.test", "involved member", true, false, false),
        (
            "health@demo.test",
            "member not involved",
            false,
            false,
            false,
        ),
        ("observer@demo.test", "observer", false, false, false),
    ];
    for (n, (email, relation, contribute, summary, chairs)) in matrix.into_iter().enumerate() {
        let (mut ws, _, _) = join(&app, p.id, email).await;
        let r = ws
            .change(&format!("c{n}"), json!({ "op": "contribute", "item_id": p.adult_item, "body": format!("From {email}") }))
            .await;
        assert_eq!(
            r["type"] == "ack",
            contribute,
            "{email} ({relation}) contribute: {r}"
        );
        let r = ws
            .change(&format!("s{n}"), json!({ "op": "save_summary", "item_id": p.adult_item, "base_version": 0, "summary": email, "decisions": "" }))
            .await;
        // A version conflict means the policy allowed the save; another's save came first.
        let allowed = r["type"] == "ack" || r["error"]["code"] == "conflict";
        assert_eq!(allowed, summary, "{email} ({relation}) summary: {r}");
        let r = ws
            .change(
                &format!("t{n}"),
                json!({ "op": "timer", "running": n % 2 == 0 }),
            )
            .await;
        assert_eq!(
            r["type"] == "ack",
            chairs,
            "{email} ({relation}) timer: {r}"
        );
        if !contribute {
            // Refused exactly as a case that is not there would be.
            let c = ws
                .change(
                    &format!("x{n}"),
                    json!({ "op": "contribute", "item_id": 999_999, "body": "x" }),
                )
                .await;
            let r = ws
                .change(
                    &format!("y{n}"),
                    json!({ "op": "contribute", "item_id": p.adult_item, "body": "x" }),
                )
                .await;
            if relation != "observer" {
                assert_eq!(c["error"], r["error"], "{email}");
            }
        }
        ws.close().await;
    }
}

#[tokio::test]
async fn a_socket_flooding_changes_is_throttled_then_closed_and_the_others_carry_on() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (mut flood, _, _) = join(&app, p.id, "chair@demo.test").await;
    let (mut police, _, _) = join(&app, p.id, "police@demo.test").await;
    // Invalid keys: whatever gets past the cap is refused without a write.
    for i in 0..200 {
        flood
            .send(json!({ "type": "change", "key": format!("flood {i}"), "change": { "op": "start_session" } }))
            .await;
    }
    let (mut limited, mut closing) = (0, None);
    while let Some(v) = flood.recv().await {
        if v["type"] == "refused" && v["error"]["code"] == "rate_limited" {
            limited += 1;
        }
        if v["type"] == "closing" {
            closing = Some(v["reason"].clone());
        }
    }
    assert!(
        limited > 0,
        "changes over the cap are refused as rate limited"
    );
    assert_eq!(closing, Some(json!("too_many_changes")));

    // The others' sockets and the room are unaffected; the chair may come back.
    police.send(json!({ "type": "ping" })).await;
    police.until_type("pong").await;
    let (mut chair, _, _) = join(&app, p.id, "chair@demo.test").await;
    let seq = start(&mut chair).await;
    police.until_seq(seq).await;
}

#[tokio::test]
async fn a_socket_speaks_the_language_its_page_names() {
    let app = TestApp::start().await;
    let p = prepared(&app).await;
    let (token, c) = session(&app, "chair@demo.test").await;
    acknowledge(&app, &c, p.id).await;
    let mut ro = Ws::connect_in(&app, p.id, &token, "ro").await;
    let mut en = Ws::connect(&app, p.id, &token, None).await;
    let (ro_state, en_state) = (ro.snapshot().await, en.snapshot().await);
    assert_eq!(
        ro_state["items"][0]["title"],
        "Cuvânt de deschidere și declarația de confidențialitate"
    );
    assert_eq!(
        en_state["items"][0]["title"],
        "Welcome and confidentiality statement"
    );
    start(&mut ro).await;
    let r = ro.change("back", json!({ "op": "previous" })).await;
    assert_eq!(r["type"], "refused", "{r}");
    assert_eq!(r["error"]["message"], "Acesta este primul punct.", "{r}");
    let r = en.change("back-en", json!({ "op": "previous" })).await;
    assert_eq!(r["error"]["message"], "This is the first item.", "{r}");
}
