use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn every_change_writes_an_audit_row_naming_who_what_and_which_record() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let admin_id = app.user_id("admin@demo.test").await;
    let a = json(
        admin
            .post(app.api("/agencies"))
            .json(&json!({ "name": unique("Housing Office"), "kind": "social_services" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let id = a["id"].as_i64().unwrap();
    admin
        .patch(app.api(&format!("/agencies/{id}")))
        .json(&json!({ "contact_phone": "0264 111 222" }))
        .send()
        .await
        .unwrap();

    let page = json(
        admin
            .get(app.api(&format!("/audit?entity=agency&entity_id={id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["action"], "update");
    assert_eq!(entries[0]["details"]["changed"], json!(["contact_phone"]));
    assert_eq!(entries[1]["action"], "create");
    for e in entries {
        assert_eq!(e["actor_user_id"], admin_id);
        assert_eq!(e["actor_name"], "Radu Ionescu");
        assert!(e["at"].as_str().unwrap().ends_with('Z'));
    }
}

#[tokio::test]
async fn the_audit_table_refuses_updates_and_deletes() {
    let app = TestApp::start().await;
    app.sign_in_as("chair@demo.test").await;
    let before = app.count("audit_log").await;
    assert!(before > 0);
    let upd = sqlx::query("UPDATE audit_log SET action = 'nothing'")
        .execute(&app.db)
        .await;
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    let del = sqlx::query("DELETE FROM audit_log").execute(&app.db).await;
    assert!(del.unwrap_err().to_string().contains("append-only"));
    assert_eq!(app.count("audit_log").await, before);
}

#[tokio::test]
async fn sign_ins_and_failed_attempts_are_audited() {
    let app = TestApp::start().await;
    app.post_sign_in(
        &app.client(),
        "chair@demo.test",
        "wrong password here",
        None,
    )
    .await;
    app.sign_in_as("chair@demo.test").await;
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE entity = 'user' AND action LIKE 'sign_in%' ORDER BY id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(actions, vec!["sign_in_failed", "sign_in"]);
}

#[tokio::test]
async fn the_audit_log_filters_by_date_and_pages_backwards() {
    let app = TestApp::start().await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let page = json(chair.get(app.api("/audit?limit=5")).send().await.unwrap()).await;
    assert_eq!(page["entries"].as_array().unwrap().len(), 5);
    let next = page["next_before_id"].as_i64().unwrap();
    let older = json(
        chair
            .get(app.api(&format!("/audit?limit=5&before_id={next}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(older["entries"][0]["id"].as_i64().unwrap() < next);

    let none = json(
        chair
            .get(app.api("/audit?to=2001-01-01"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(none["entries"].as_array().unwrap().len(), 0);
    let r = chair
        .get(app.api("/audit?from=yesterday"))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["from"].is_string());
    let r = chair.get(app.api("/audit?limit=abc")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
