use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_coordinator_adds_an_agency_and_everyone_sees_it_in_the_directory() {
    let app = TestApp::start().await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let name = unique("Roma Community Mediators");
    let r = coordinator
        .post(app.api("/agencies"))
        .json(&json!({ "name": name, "kind": "ngo", "contact_email": " Office@Mediators.Test ", "contact_phone": "+40 264 000 000" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let a = json(r).await;
    assert_eq!(a["name"], name);
    assert_eq!(a["kind"], "ngo");
    assert_eq!(a["active"], true);
    assert_eq!(a["contact_email"], "office@mediators.test");

    let observer = app.sign_in_as("observer@demo.test").await;
    let list = json(observer.get(app.api("/agencies")).send().await.unwrap()).await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&name.as_str()));
    assert_eq!(names.len(), 16);
}

#[tokio::test]
async fn the_directory_lists_each_agencys_representatives() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let list = json(c.get(app.api("/agencies")).send().await.unwrap()).await;
    let police = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "County Police Inspectorate")
        .unwrap();
    let members = police["members"].as_array().unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["name"], "Andrei Marin");
    assert_eq!(members[0]["representation"], "regular");
}

#[tokio::test]
async fn invalid_agency_fields_are_named_and_nothing_is_written() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let (agencies, audit) = (app.count("agencies").await, app.count("audit_log").await);
    let r = c
        .post(app.api("/agencies"))
        .json(&json!({ "name": " ", "kind": "army", "contact_email": "not-an-email" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    for f in ["name", "kind", "contact_email"] {
        assert!(b["error"]["fields"][f].is_string(), "{f}: {b}");
    }
    assert_eq!(app.count("agencies").await, agencies);
    assert_eq!(app.count("audit_log").await, audit);
}

#[tokio::test]
async fn a_duplicate_agency_name_is_refused_whatever_its_case() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let r = c
        .post(app.api("/agencies"))
        .json(&json!({ "name": "county police inspectorate", "kind": "police" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["name"]
        .as_str()
        .unwrap()
        .contains("already exists"));
}

#[tokio::test]
async fn an_agency_can_be_renamed_and_deactivated() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let id = app.agency_id("Legal Aid Clinic").await;
    let r = c
        .patch(app.api(&format!("/agencies/{id}")))
        .json(&json!({ "name": "Legal Aid Clinic (University)", "active": false, "contact_email": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let a = json(r).await;
    assert_eq!(a["name"], "Legal Aid Clinic (University)");
    assert_eq!(a["active"], false);
    assert!(a["contact_email"].is_null());
    let action: String = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE entity = 'agency' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(action, "deactivate");
}

#[tokio::test]
async fn an_unknown_or_malformed_agency_id_is_a_json_404() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    expect_error(
        c.get(app.api("/agencies/99999")).send().await.unwrap(),
        404,
        "not_found",
    )
    .await;
    expect_error(
        c.get(app.api("/agencies/abc")).send().await.unwrap(),
        404,
        "not_found",
    )
    .await;
    let r = c
        .patch(app.api("/agencies/99999"))
        .json(&json!({ "name": "X Y" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 404, "not_found").await;
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_validation_error_not_a_crash() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let r = c
        .post(app.api("/agencies"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    let r = c
        .post(app.api("/agencies"))
        .body("name=x")
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    let r = c
        .post(app.api("/agencies"))
        .json(&json!({ "kind": "ngo" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["name"].is_string(), "{b}");
}
