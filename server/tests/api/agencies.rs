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

#[tokio::test]
async fn an_agency_can_be_marked_childrens_services_only_and_unmarked_and_the_flag_must_be_a_boolean(
) {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let name = unique("Children's Rights Office");
    let r = c
        .post(app.api("/agencies"))
        .json(&json!({ "name": name, "kind": "child_protection", "children_only": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let a = json(r).await;
    assert_eq!(a["children_only"], true);
    let id = a["id"].as_i64().unwrap();
    let got = json(
        c.get(app.api(&format!("/agencies/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(got["children_only"], true);

    // A patch without the flag leaves it; one with `false` clears it.
    let r = c
        .patch(app.api(&format!("/agencies/{id}")))
        .json(&json!({ "contact_phone": "0264 111 222" }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["children_only"], true);
    let r = c
        .patch(app.api(&format!("/agencies/{id}")))
        .json(&json!({ "children_only": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["children_only"], false);
    let changed: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE entity = 'agency' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(changed.contains("children_only"), "{changed}");

    // Without the flag a new agency is not children-only.
    let r = c
        .post(app.api("/agencies"))
        .json(&json!({ "name": unique("Family Mediation Service"), "kind": "ngo" }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["children_only"], false);

    let agencies = app.count("agencies").await;
    for bad in [json!("yes"), json!(1)] {
        let r = c
            .post(app.api("/agencies"))
            .json(&json!({ "name": unique("Youth Service"), "kind": "ngo", "children_only": bad }))
            .send()
            .await
            .unwrap();
        let b = expect_error(r, 422, "validation").await;
        assert!(b["error"]["fields"]["children_only"].is_string(), "{b}");
        let r = c
            .patch(app.api(&format!("/agencies/{id}")))
            .json(&json!({ "children_only": bad }))
            .send()
            .await
            .unwrap();
        let b = expect_error(r, 422, "validation").await;
        assert!(b["error"]["fields"]["children_only"].is_string(), "{b}");
    }
    assert_eq!(app.count("agencies").await, agencies);
}

#[tokio::test]
async fn the_demo_childrens_services_attend_only_the_childrens_cases_and_seeding_again_changes_nothing(
) {
    let app = TestApp::start().await;
    convene_server::seed::seed_demo(&app.db, Some(PASSWORD.into()))
        .await
        .unwrap();
    assert_eq!(app.count("agencies").await, 15);
    let c = app.sign_in_as("admin@demo.test").await;
    let list = json(c.get(app.api("/agencies")).send().await.unwrap()).await;
    let mut children_only: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["children_only"] == true)
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    children_only.sort();
    assert_eq!(
        children_only,
        [
            "County Child Protection Directorate",
            "County School Inspectorate"
        ]
    );
}
