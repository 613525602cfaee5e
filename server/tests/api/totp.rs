use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn code(secret: &str, t: u64) -> String {
    convene_app::auth::totp::code_at(secret, t).unwrap()
}

/// Enrols `email` in two-factor sign-in and returns the secret.
async fn enrol(app: &TestApp, email: &str) -> String {
    let c = app.sign_in_as(email).await;
    let e = json(c.post(app.api("/me/totp")).send().await.unwrap()).await;
    assert!(e["otpauth_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/Convene:"));
    assert!(e["qr_svg"].as_str().unwrap().contains("<svg"));
    let secret = e["secret"].as_str().unwrap().to_string();
    // Use the previous step's code for enrolment, so the current one is still fresh for sign-in.
    let r = c
        .post(app.api("/me/totp/confirm"))
        .json(&json!({ "code": code(&secret, now() - 30) }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["totp_enabled"], true);
    secret
}

#[tokio::test]
async fn after_enrolment_sign_in_asks_for_the_code_and_accepts_a_right_one() {
    let app = TestApp::start().await;
    let secret = enrol(&app, "health@demo.test").await;
    let c = app.client();
    let r = app
        .post_sign_in(&c, "health@demo.test", PASSWORD, None)
        .await;
    let b = expect_error(r, 401, "unauthorized").await;
    assert!(b["error"]["fields"]["totp"].is_string(), "{b}");

    let r = app
        .post_sign_in(
            &c,
            "health@demo.test",
            PASSWORD,
            Some(&code(&secret, now())),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_code_that_was_used_once_is_refused_the_second_time() {
    let app = TestApp::start().await;
    let secret = enrol(&app, "health@demo.test").await;
    let current = code(&secret, now());
    let r = app
        .post_sign_in(&app.client(), "health@demo.test", PASSWORD, Some(&current))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = app
        .post_sign_in(&app.client(), "health@demo.test", PASSWORD, Some(&current))
        .await;
    let b = expect_error(r, 401, "unauthorized").await;
    assert!(b["error"]["fields"]["totp"].is_string());
}

#[tokio::test]
async fn a_wrong_code_during_enrolment_leaves_two_factor_off() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("probation@demo.test").await;
    c.post(app.api("/me/totp")).send().await.unwrap();
    let r = c
        .post(app.api("/me/totp/confirm"))
        .json(&json!({ "code": "000000x" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["code"].is_string());
    let me = json(c.get(app.api("/me")).send().await.unwrap()).await;
    assert_eq!(me["totp_enabled"], false);
}

#[tokio::test]
async fn when_the_group_requires_two_factor_an_unenrolled_user_can_only_reach_their_account() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "require_totp": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["require_totp"], true);

    let member = app.sign_in_as("police@demo.test").await;
    let me = json(member.get(app.api("/me")).send().await.unwrap()).await;
    assert_eq!(me["must_enrol_totp"], true);
    expect_error(
        member.get(app.api("/agencies")).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;

    let secret = {
        let e = json(member.post(app.api("/me/totp")).send().await.unwrap()).await;
        e["secret"].as_str().unwrap().to_string()
    };
    let r = member
        .post(app.api("/me/totp/confirm"))
        .json(&json!({ "code": code(&secret, now()) }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        member
            .get(app.api("/agencies"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    // And now it cannot be turned off.
    let r = member
        .post(app.api("/me/totp/disable"))
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    expect_error(r, 409, "conflict").await;
}

#[tokio::test]
async fn turning_two_factor_off_needs_the_password() {
    let app = TestApp::start().await;
    let secret = enrol(&app, "advocate@demo.test").await;
    // Sign in needs a code now; use the API directly with a fresh code.
    let c = app.client();
    let r = app
        .post_sign_in(
            &c,
            "advocate@demo.test",
            PASSWORD,
            Some(&code(&secret, now())),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = c
        .post(app.api("/me/totp/disable"))
        .json(&json!({ "password": "not my password" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    let r = c
        .post(app.api("/me/totp/disable"))
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = app
        .post_sign_in(&app.client(), "advocate@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn turning_two_factor_on_ends_the_users_other_sessions_but_not_this_one() {
    let app = TestApp::start().await;
    let laptop = app.sign_in_as("housing@demo.test").await;
    let phone = app.sign_in_as("housing@demo.test").await;
    let someone_else = app.sign_in_as("police@demo.test").await;
    let secret = {
        let e = json(laptop.post(app.api("/me/totp")).send().await.unwrap()).await;
        e["secret"].as_str().unwrap().to_string()
    };
    let r = laptop
        .post(app.api("/me/totp/confirm"))
        .json(&json!({ "code": code(&secret, now()) }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    for (c, expected) in [
        (&laptop, StatusCode::OK),
        (&phone, StatusCode::UNAUTHORIZED),
        (&someone_else, StatusCode::OK),
    ] {
        assert_eq!(
            c.get(app.api("/me")).send().await.unwrap().status(),
            expected
        );
    }
}

#[tokio::test]
async fn turning_two_factor_off_ends_the_users_other_sessions_but_not_this_one() {
    let app = TestApp::start().await;
    let secret = enrol(&app, "advocate@demo.test").await;
    let sign_in = |t: u64| {
        let c = app.client();
        let secret = secret.clone();
        let app = &app;
        async move {
            let r = app
                .post_sign_in(&c, "advocate@demo.test", PASSWORD, Some(&code(&secret, t)))
                .await;
            assert_eq!(r.status(), StatusCode::OK);
            c
        }
    };
    // Two codes from different steps, since each is accepted once.
    let laptop = sign_in(now()).await;
    let phone = sign_in(now() + 30).await;
    let r = laptop
        .post(app.api("/me/totp/disable"))
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let laptop_me = laptop.get(app.api("/me")).send().await.unwrap();
    assert_eq!(laptop_me.status(), StatusCode::OK);
    expect_error(
        phone.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    let audit: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'disable_totp' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(audit.contains("other_sessions_ended"), "{audit}");
}

#[tokio::test]
async fn the_secret_is_stored_sealed_never_in_clear() {
    let app = TestApp::start().await;
    let secret = enrol(&app, "advocate@demo.test").await;
    let stored: String =
        sqlx::query_scalar("SELECT totp_secret FROM users WHERE email = 'advocate@demo.test'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(stored.starts_with("sealed1:"), "{stored}");
    assert!(!stored.contains(&secret));
}
