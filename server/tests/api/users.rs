use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_admin_adds_an_observer_who_can_then_sign_in_with_the_generated_password() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let agency = app.agency_id("Women's Shelter").await;
    let r = admin
        .post(app.api("/users"))
        .json(
            &json!({ "email": "Shelter.Worker@Demo.Test", "name": "Dana  Pop", "role": "observer",
                       "agency_id": agency, "representation": "deputy" }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let b = json(r).await;
    assert_eq!(b["user"]["email"], "shelter.worker@demo.test");
    assert_eq!(b["user"]["name"], "Dana Pop");
    assert_eq!(b["user"]["agency_name"], "Women's Shelter");
    let password = b["initial_password"].as_str().unwrap();
    assert!(password.len() >= 12);
    let hash: String = sqlx::query_scalar(
        "SELECT password_hash FROM users WHERE email = 'shelter.worker@demo.test'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));

    let r = app
        .post_sign_in(&app.client(), "shelter.worker@demo.test", password, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_admin_adds_a_member_who_signs_in_with_the_password_the_confirming_chair_gets() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let agency = app.agency_id("Women's Shelter").await;
    let r = admin
        .post(app.api("/users"))
        .json(
            &json!({ "email": "new.member@demo.test", "name": "Nina Member", "role": "member",
                       "agency_id": agency }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    let req = json(r).await;
    let r = app
        .post_sign_in(&app.client(), "new.member@demo.test", PASSWORD, None)
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "inactive until confirmed"
    );
    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair
        .post(app.api(&format!("/access-requests/{}/confirm", req["id"])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let done = json(r).await;
    let password = done["one_time_password"].as_str().unwrap();
    let r = app
        .post_sign_in(&app.client(), "new.member@demo.test", password, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn emails_are_unique_whatever_their_case() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let r = admin
        .post(app.api("/users"))
        .json(&json!({ "email": "POLICE@demo.test", "name": "Someone Else", "role": "observer" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["email"].is_string());
}

#[tokio::test]
async fn a_member_needs_an_agency_and_a_password_needs_twelve_characters() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let before = app.count("users").await;
    let r = admin
        .post(app.api("/users"))
        .json(
            &json!({ "email": "x@demo.test", "name": "X", "role": "member", "password": "short" }),
        )
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["agency_id"].is_string());
    assert!(b["error"]["fields"]["password"].is_string());
    assert_eq!(app.count("users").await, before);
}

#[tokio::test]
async fn a_coordinator_can_add_members_but_not_admins_or_chairs() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let agency = app.agency_id("Probation Service").await;
    let r = c
        .post(app.api("/users"))
        .json(&json!({ "email": "p2@demo.test", "name": "P Two", "role": "member", "agency_id": agency }))
        .send()
        .await
        .unwrap();
    // A member reads cases: the account waits for an admin or the chair to confirm it.
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    for role in ["admin", "chair", "coordinator"] {
        let r = c
            .post(app.api("/users"))
            .json(&json!({ "email": format!("{role}2@demo.test"), "name": "N N", "role": role }))
            .send()
            .await
            .unwrap();
        expect_error(r, 403, "forbidden").await;
    }
    // Nor promote a member.
    let id = app.user_id("p2@demo.test").await;
    let r = c
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "role": "admin" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
    // Nor touch the chair's account.
    let chair = app.user_id("chair@demo.test").await;
    let r = c
        .patch(app.api(&format!("/users/{chair}")))
        .json(&json!({ "active": false }))
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
}

#[tokio::test]
async fn nobody_can_deactivate_themselves_or_change_their_own_role() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let id = app.user_id("admin@demo.test").await;
    let r = admin
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "active": false }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["active"].is_string());
    let r = admin
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "role": "member" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
}

#[tokio::test]
async fn an_admin_setting_a_new_password_of_an_observer_signs_them_out_everywhere() {
    let app = TestApp::start().await;
    let member = app.sign_in_as("observer@demo.test").await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let id = app.user_id("observer@demo.test").await;
    let r = admin
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "password": "reset by the admin today" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    expect_error(
        member.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    let r = app
        .post_sign_in(
            &app.client(),
            "observer@demo.test",
            "reset by the admin today",
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_user_list_never_contains_password_hashes_or_secrets() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let text = admin
        .get(app.api("/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("chair@demo.test"));
    assert!(!text.contains("argon2"));
    assert!(!text.contains("password_hash") && !text.contains("totp_secret"));
}
