//! The two-person rule: nobody alone makes someone a reader of case data.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn send(r: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let r = r.send().await.unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn patch(app: &TestApp, c: &Client, user: i64, body: Value) -> (StatusCode, Value) {
    send(c.patch(app.api(&format!("/users/{user}"))).json(&body)).await
}

async fn decide(app: &TestApp, c: &Client, request: i64, what: &str) -> (StatusCode, Value) {
    send(c.post(app.api(&format!("/access-requests/{request}/{what}")))).await
}

async fn role_and_active(app: &TestApp, user: i64) -> (String, bool) {
    sqlx::query_as("SELECT role, active FROM users WHERE id = ?")
        .bind(user)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn notice_kinds(app: &TestApp, user: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM notices WHERE user_id = ? ORDER BY id")
        .bind(user)
        .fetch_all(&app.db)
        .await
        .unwrap()
}

async fn audit_actions(app: &TestApp, entity: &str, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id",
    )
    .bind(entity)
    .bind(id.to_string())
    .fetch_all(&app.db)
    .await
    .unwrap()
}

/// A fresh observer made by the admin (observers read no cases, so it is done at once).
async fn observer(app: &TestApp, admin: &Client) -> (i64, String) {
    let email = format!("{}@observers.example", unique("obs").replace(' ', "."));
    let (s, b) = send(admin.post(app.api("/users")).json(&json!({
        "email": email, "name": "Olga Observer", "role": "observer",
        "password": "observer password one"
    })))
    .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    (b["user"]["id"].as_i64().unwrap(), email)
}

#[tokio::test]
async fn a_role_that_reads_cases_takes_effect_only_when_the_chair_confirms_it() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let (user, email) = observer(&app, &admin).await;
    let police = app.agency_id("County Police Inspectorate").await;

    let (s, req) = patch(
        &app,
        &admin,
        user,
        json!({ "role": "member", "agency_id": police, "name": "Olga Member" }),
    )
    .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    assert_eq!(req["kind"], "grant_role");
    assert_eq!(req["state"], "pending");
    assert_eq!(req["role"], "member");
    assert_eq!(req["may_withdraw"], true);
    assert_eq!(req["may_confirm"], false);
    let id = req["id"].as_i64().unwrap();
    // The name (no access in it) changed at once; the role waits.
    assert_eq!(role_and_active(&app, user).await, ("observer".into(), true));
    let name: String = sqlx::query_scalar("SELECT name FROM users WHERE id = ?")
        .bind(user)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(name, "Olga Member");
    let person = app.client();
    let r = app
        .post_sign_in(&person, &email, "observer password one", None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    // The person chooses their own password: the admin who set the first one no longer knows it.
    let r = person
        .post(app.api("/me/password"))
        .json(&json!({ "current_password": "observer password one", "new_password": "olga's own passphrase" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    expect_error(
        person.get(app.api("/cases")).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;

    let chair = app.sign_in_as("chair@demo.test").await;
    let (_, list) = send(chair.get(app.api("/access-requests"))).await;
    let seen = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .expect("the chair sees the request");
    assert_eq!(seen["may_confirm"], true);
    assert_eq!(seen["may_withdraw"], false);

    let (s, done) = decide(&app, &chair, id, "confirm").await;
    assert_eq!(s, StatusCode::OK, "{done}");
    assert_eq!(done["request"]["state"], "confirmed");
    assert!(
        done.get("one_time_password").is_none(),
        "the person keeps their password"
    );
    assert_eq!(role_and_active(&app, user).await, ("member".into(), true));
    let (s, _) = send(person.get(app.api("/cases"))).await;
    assert_eq!(
        s,
        StatusCode::OK,
        "the member now reads their agency's cases"
    );

    assert_eq!(
        audit_actions(&app, "access_request", id).await,
        ["ask", "confirm"]
    );
    assert!(audit_actions(&app, "user", user)
        .await
        .contains(&"grant_role".to_string()));
    assert_eq!(
        notice_kinds(&app, user).await,
        ["access_asked", "access_changed"]
    );
    let asker = app.user_id("admin@demo.test").await;
    assert_eq!(notice_kinds(&app, asker).await, ["access_request_decided"]);
    // A decided request is not decided twice.
    expect_error(
        chair
            .post(app.api(&format!("/access-requests/{id}/refuse")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
}

#[tokio::test]
async fn a_refused_new_member_stays_inactive_and_both_people_are_told() {
    let app = TestApp::start().await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let agency = app.agency_id("Probation Service").await;
    let email = format!("{}@probation.example", unique("new").replace(' ', "."));
    let (s, req) = send(coordinator.post(app.api("/users")).json(&json!({
        "email": email, "name": "Petra New", "role": "member", "agency_id": agency
    })))
    .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    assert_eq!(req["kind"], "create_account");
    assert!(req.get("initial_password").is_none());
    let (id, user) = (
        req["id"].as_i64().unwrap(),
        req["user_id"].as_i64().unwrap(),
    );
    assert_eq!(role_and_active(&app, user).await, ("member".into(), false));

    let admin = app.sign_in_as("admin@demo.test").await;
    let (s, refused) = decide(&app, &admin, id, "refuse").await;
    assert_eq!(s, StatusCode::OK, "{refused}");
    assert_eq!(refused["state"], "refused");
    assert_eq!(role_and_active(&app, user).await, ("member".into(), false));
    expect_error(
        admin
            .post(app.api(&format!("/access-requests/{id}/confirm")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
    assert_eq!(role_and_active(&app, user).await, ("member".into(), false));
    assert_eq!(
        notice_kinds(&app, user).await,
        ["access_asked", "access_refused"]
    );
    let asker = app.user_id("coordinator@demo.test").await;
    assert_eq!(notice_kinds(&app, asker).await, ["access_request_decided"]);
    let audit = audit_actions(&app, "access_request", id).await;
    assert_eq!(audit, ["ask", "refuse"]);
    // The text the asker reads says what happened, and names nobody.
    let notices = json(
        coordinator
            .get(app.api("/me/notices"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let text = notices[0]["text"].as_str().unwrap();
    assert!(text.contains("refused"), "{text}");
    assert!(!text.contains("Petra"), "{text}");
}

#[tokio::test]
async fn the_asker_and_the_person_concerned_cannot_confirm_and_a_second_admin_stands_in_for_the_chair(
) {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let chair_id = app.user_id("chair@demo.test").await;
    let (s, req) = send(admin.post(app.api(&format!("/users/{chair_id}/password-reset")))).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    assert_eq!(req["kind"], "reset_password");
    let id = req["id"].as_i64().unwrap();

    // The asker cannot; the chair is the person concerned; the coordinator never decides.
    expect_error(
        admin
            .post(app.api(&format!("/access-requests/{id}/confirm")))
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    let chair = app.sign_in_as("chair@demo.test").await;
    for who in [&chair, &app.sign_in_as("coordinator@demo.test").await] {
        expect_error(
            who.post(app.api(&format!("/access-requests/{id}/confirm")))
                .send()
                .await
                .unwrap(),
            403,
            "forbidden",
        )
        .await;
    }
    // The old password still works: nothing changed yet.
    let (s, _) = send(chair.get(app.api("/me"))).await;
    assert_eq!(s, StatusCode::OK);

    // With no other chair, a second admin may confirm, and gets the one-time password.
    let (s, b) = send(admin.post(app.api("/users")).json(&json!({
        "email": "second.admin@demo.test", "name": "Second Admin", "role": "admin",
        "password": "second admin password"
    })))
    .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let second = app.client();
    let r = app
        .post_sign_in(
            &second,
            "second.admin@demo.test",
            "second admin password",
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let (s, done) = decide(&app, &second, id, "confirm").await;
    assert_eq!(s, StatusCode::OK, "{done}");
    let password = done["one_time_password"].as_str().unwrap();
    assert!(password.len() >= 12);
    // The chair was signed out, and signs in with the new password only.
    expect_error(
        chair.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    let r = app
        .post_sign_in(&app.client(), "chair@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = app
        .post_sign_in(&app.client(), "chair@demo.test", password, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        notice_kinds(&app, chair_id).await,
        ["access_asked", "access_changed"]
    );
}

#[tokio::test]
async fn an_admin_alone_cannot_give_themselves_or_a_fresh_account_a_case_reading_role() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let me = app.user_id("admin@demo.test").await;
    let (s, b) = patch(&app, &admin, me, json!({ "role": "chair" })).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert_eq!(role_and_active(&app, me).await, ("admin".into(), true));

    // A fresh chair account: inactive, no password for the admin to know.
    let (s, req) = send(admin.post(app.api("/users")).json(&json!({
        "email": "fresh.chair@demo.test", "name": "Fresh Chair", "role": "chair"
    })))
    .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    let fresh = req["user_id"].as_i64().unwrap();
    assert_eq!(role_and_active(&app, fresh).await, ("chair".into(), false));
    // A first password of the admin's choosing is refused for such an account.
    let (s, b) = send(admin.post(app.api("/users")).json(&json!({
        "email": "fresh.two@demo.test", "name": "Fresh Two", "role": "coordinator",
        "password": "known to the admin"
    })))
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(b["error"]["fields"]["password"].is_string());

    // Nor does a second admin make it happen while the group has a chair.
    admin
        .post(app.api("/users"))
        .json(
            &json!({ "email": "helper.admin@demo.test", "name": "Helper", "role": "admin",
                       "password": "helper admin password" }),
        )
        .send()
        .await
        .unwrap();
    let helper = app.client();
    app.post_sign_in(
        &helper,
        "helper.admin@demo.test",
        "helper admin password",
        None,
    )
    .await;
    let id = req["id"].as_i64().unwrap();
    let (s, _) = decide(&app, &helper, id, "confirm").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(role_and_active(&app, fresh).await, ("chair".into(), false));

    // An account the admin knows the password of cannot be made a reader alone either.
    let (user, email) = observer(&app, &admin).await;
    let (s, _) = patch(&app, &admin, user, json!({ "role": "coordinator" })).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let c = app.client();
    app.post_sign_in(&c, &email, "observer password one", None)
        .await;
    expect_error(
        c.get(app.api("/cases")).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;
    // Nor can the admin set a case reader's password directly.
    let police = app.user_id("police@demo.test").await;
    let (s, b) = patch(
        &app,
        &admin,
        police,
        json!({ "password": "chosen by the admin" }),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(b["error"]["fields"]["password"].is_string());
}

#[tokio::test]
async fn removing_access_is_immediate_and_withdraws_what_was_waiting() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let police = app.user_id("police@demo.test").await;
    let (s, _) = patch(&app, &admin, police, json!({ "active": false })).await;
    assert_eq!(s, StatusCode::OK, "disabling never waits");
    assert!(!role_and_active(&app, police).await.1);

    let (s, req) = patch(&app, &admin, police, json!({ "active": true })).await;
    assert_eq!(s, StatusCode::ACCEPTED, "re-enabling a reader waits");
    assert_eq!(req["kind"], "enable");
    let id = req["id"].as_i64().unwrap();
    // A second request for the same person waits for the first to be decided.
    let (s, _) = send(admin.post(app.api(&format!("/users/{police}/totp-reset")))).await;
    assert_eq!(s, StatusCode::CONFLICT);

    // Narrowing the role (to an observer) is immediate and withdraws the waiting request.
    let (s, _) = patch(&app, &admin, police, json!({ "role": "observer" })).await;
    assert_eq!(s, StatusCode::OK);
    let chair = app.sign_in_as("chair@demo.test").await;
    let (s, _) = decide(&app, &chair, id, "confirm").await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert_eq!(
        role_and_active(&app, police).await,
        ("observer".into(), false)
    );
    assert_eq!(
        audit_actions(&app, "access_request", id).await,
        ["ask", "withdraw"]
    );
}

#[tokio::test]
async fn only_the_asker_withdraws_a_request() {
    let app = TestApp::start().await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let member = app.user_id("probation@demo.test").await;
    let (s, req) = send(coordinator.post(app.api(&format!("/users/{member}/totp-reset")))).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    let id = req["id"].as_i64().unwrap();
    for email in ["admin@demo.test", "chair@demo.test", "police@demo.test"] {
        let c = app.sign_in_as(email).await;
        let (s, _) = decide(&app, &c, id, "withdraw").await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{email}");
    }
    let (s, b) = decide(&app, &coordinator, id, "withdraw").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(b["state"], "withdrawn");
    assert_eq!(
        notice_kinds(&app, member).await,
        ["access_asked", "access_withdrawn"]
    );
    let (s, _) = decide(
        &app,
        &app.sign_in_as("chair@demo.test").await,
        id,
        "confirm",
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_chair_asks_and_an_admin_confirms_the_other_way_round() {
    let app = TestApp::start().await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let member = app.user_id("social@demo.test").await;
    let (s, _) = patch(&app, &chair, member, json!({ "active": false })).await;
    assert_eq!(s, StatusCode::OK);
    let (s, req) = patch(&app, &chair, member, json!({ "active": true })).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    assert_eq!(req["asked_by_role"], "chair");
    let id = req["id"].as_i64().unwrap();
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let (s, _) = decide(&app, &coordinator, id, "confirm").await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a coordinator never confirms");
    assert!(!role_and_active(&app, member).await.1);
    let admin = app.sign_in_as("admin@demo.test").await;
    let (s, done) = decide(&app, &admin, id, "confirm").await;
    assert_eq!(s, StatusCode::OK, "{done}");
    assert!(role_and_active(&app, member).await.1);
    let r = app
        .post_sign_in(&app.client(), "social@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_reader_whose_password_the_asker_set_gets_a_fresh_one_from_the_confirmer() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let (user, email) = observer(&app, &admin).await;
    let police = app.agency_id("County Police Inspectorate").await;
    // Still the password the admin typed: whoever signs in with it is not the person alone.
    let squatter = app.client();
    let r = app
        .post_sign_in(&squatter, &email, "observer password one", None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    let (s, req) = patch(
        &app,
        &admin,
        user,
        json!({ "role": "member", "agency_id": police }),
    )
    .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{req}");
    let (_, listed) = send(admin.get(app.api(&format!("/users/{user}")))).await;
    assert_eq!(listed["awaiting_confirmation"], true, "{listed}");

    let chair = app.sign_in_as("chair@demo.test").await;
    let (s, done) = decide(&app, &chair, req["id"].as_i64().unwrap(), "confirm").await;
    assert_eq!(s, StatusCode::OK, "{done}");
    let fresh = done["one_time_password"]
        .as_str()
        .expect("the confirmer gets a password to pass on")
        .to_string();
    assert_eq!(role_and_active(&app, user).await, ("member".into(), true));

    // The session opened with the old password is gone, and the old password opens nothing.
    let (s, _) = send(squatter.get(app.api("/cases"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let again = app.client();
    let r = app
        .post_sign_in(&again, &email, "observer password one", None)
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let person = app.client();
    let r = app.post_sign_in(&person, &email, &fresh, None).await;
    assert_eq!(r.status(), StatusCode::OK);
    let (s, _) = send(person.get(app.api("/cases"))).await;
    assert_eq!(s, StatusCode::OK);
    let (_, after) = send(admin.get(app.api(&format!("/users/{user}")))).await;
    assert_eq!(after["awaiting_confirmation"], false, "{after}");
}

#[tokio::test]
async fn an_admin_turns_off_a_non_readers_two_factor_at_once() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let (user, _) = observer(&app, &admin).await;
    sqlx::query("UPDATE users SET totp_secret = 'sealed-placeholder' WHERE id = ?")
        .bind(user)
        .execute(&app.db)
        .await
        .unwrap();
    let (s, b) = send(admin.post(app.api(&format!("/users/{user}/totp-reset")))).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert!(b.get("request").is_none() || b["request"].is_null(), "{b}");
    let (_, after) = send(admin.get(app.api(&format!("/users/{user}")))).await;
    assert_eq!(after["totp_enabled"], false, "{after}");
}
