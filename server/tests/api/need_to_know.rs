//! Need-to-know around a case: who reads why details were shown, involvement through
//! research and its withdrawal, and the reads that are audited.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A meeting far ahead of the demo data with its agenda built and published; its id.
async fn published_meeting(app: &TestApp, c: &Client, starts_at: &str) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": starts_at, "duration_minutes": 180, "place": "Room 4" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = json(r).await["id"].as_i64().unwrap();
    for step in ["agenda/build", "publish"] {
        let r = c
            .post(app.api(&format!("/meetings/{id}/{step}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{step}");
    }
    id
}

async fn notice_kinds(app: &TestApp, c: &Client) -> Vec<(String, Option<String>)> {
    let list = json(c.get(app.api("/me/notices")).send().await.unwrap()).await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_string(),
                n["reference"].as_str().map(str::to_string),
            )
        })
        .collect()
}

async fn audited(app: &TestApp, email: &str, action: &str, entity: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE actor_user_id = ? AND action = ? AND entity = ?",
    )
    .bind(app.user_id(email).await)
    .bind(action)
    .bind(entity)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn why_a_detail_was_shown_is_for_the_coordinator_and_chair_not_every_reader_of_the_timeline()
{
    let app = TestApp::start().await;
    let (case, _) = app
        .refer_police_case(&unique("Teodora Reason"), false)
        .await;
    let police = app.sign_in_as("police@demo.test").await;
    let reason = "Calling her back about the protection order";
    let r = police
        .post(app.api(&format!("/cases/{case}/reveal")))
        .json(&json!({ "field": "victim_name", "reason": reason }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let timeline = |c: Client| {
        let url = app.api(&format!("/cases/{case}/timeline"));
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let member_view = timeline(police.clone()).await;
    assert!(
        member_view.contains("A restricted detail was shown"),
        "{member_view}"
    );
    assert!(!member_view.contains(reason), "{member_view}");
    for email in ["coordinator@demo.test", "chair@demo.test"] {
        let text = timeline(app.sign_in_as(email).await).await;
        assert!(text.contains(reason), "{email}: {text}");
    }
}

#[tokio::test]
async fn an_involvement_through_research_is_told_to_the_agency_and_the_coordinator_may_withdraw_it()
{
    let app = TestApp::start().await;
    let (case, reference) = app
        .refer_police_case(&unique("Alina Withdrawn"), false)
        .await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let meeting = published_meeting(&app, &coordinator, "2031-03-04T09:00").await;
    let probation = app.sign_in_as("probation@demo.test").await;
    let probation_id = app.agency_id("Probation Service").await;
    let r = probation
        .put(app.api(&format!("/meetings/{meeting}/research/{case}")))
        .json(&json!({ "state": "holds", "body_md": "On licence until 2027." }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(notice_kinds(&app, &probation).await.contains(&(
        "involved_through_research".to_string(),
        Some(reference.clone())
    )));

    // The coordinator sees why probation is involved.
    let detail = json(
        coordinator
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let agency: Value = detail["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == probation_id)
        .unwrap()
        .clone();
    assert_eq!(agency["reasons"], json!(["research"]));

    // A member of an involved agency may not withdraw it; the coordinator may.
    let police = app.sign_in_as("police@demo.test").await;
    let withdraw = |c: Client, agency: Value| {
        let url = app.api(&format!("/cases/{case}/withdraw-research"));
        async move {
            c.post(url)
                .json(&json!({ "agency_id": agency }))
                .send()
                .await
                .unwrap()
        }
    };
    expect_error(
        withdraw(police, json!(probation_id)).await,
        403,
        "forbidden",
    )
    .await;
    let r = withdraw(coordinator.clone(), json!(probation_id)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let after = json(r).await;
    assert!(after["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["id"] != probation_id));
    expect_error(
        probation
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    assert!(notice_kinds(&app, &probation)
        .await
        .iter()
        .any(|(k, _)| k == "involvement_withdrawn"));
    assert_eq!(
        audited(&app, "coordinator@demo.test", "withdraw_research", "case").await,
        1
    );
    // Nothing left to withdraw: a field error, and nothing written.
    let e = expect_error(
        withdraw(coordinator.clone(), json!(probation_id)).await,
        422,
        "validation",
    )
    .await;
    assert!(e["error"]["fields"]["agency_id"].is_string());
    expect_error(withdraw(coordinator, json!("")).await, 422, "validation").await;
}

#[tokio::test]
async fn reading_my_actions_notifications_the_research_grid_and_the_audit_log_is_audited() {
    let app = TestApp::start().await;
    let police = app.sign_in_as("police@demo.test").await;
    for path in ["/me/actions", "/me/notifications"] {
        let r = police.get(app.api(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
    }
    assert_eq!(audited(&app, "police@demo.test", "list", "action").await, 1);
    assert_eq!(
        audited(&app, "police@demo.test", "read", "notifications").await,
        1
    );

    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let meeting = published_meeting(&app, &coordinator, "2031-05-06T09:00").await;
    let r = coordinator
        .get(app.api(&format!("/meetings/{meeting}/research")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let grid_reads: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity = 'research' AND entity_id = ?",
    )
    .bind(meeting.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(grid_reads, 1);

    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair.get(app.api("/audit")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(audited(&app, "chair@demo.test", "read", "audit").await, 1);
}
