use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn signing_in_returns_the_user_and_an_http_only_strict_cookie() {
    let app = TestApp::start().await;
    let c = app.client();
    let r = app
        .post_sign_in(&c, "Chair@Demo.Test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("convene_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let me = json(r).await;
    assert_eq!(me["email"], "chair@demo.test");
    assert_eq!(me["role"], "chair");
    assert!(me.get("password_hash").is_none());

    let me = json(c.get(app.api("/me")).send().await.unwrap()).await;
    assert_eq!(me["name"], "Maria Popescu");
    assert!(me["agency_id"].is_i64());
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::start().await;
    let c = app.client();
    let r = app
        .post_sign_in(&c, "police@demo.test", PASSWORD, None)
        .await;
    let token = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(app.count("sessions").await, 1);

    let r = c.delete(app.api("/session")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.count("sessions").await, 0);

    // Replaying the old cookie by hand does not bring the session back.
    let replay = app
        .client()
        .get(app.api("/me"))
        .header("cookie", token)
        .send()
        .await
        .unwrap();
    expect_error(replay, 401, "unauthorized").await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = TestApp::start().await;
    let c = app.client();
    let wrong = app
        .post_sign_in(&c, "chair@demo.test", "not the password at all", None)
        .await;
    let wrong = expect_error(wrong, 401, "unauthorized").await;
    let unknown = app
        .post_sign_in(&c, "nobody@demo.test", "not the password at all", None)
        .await;
    let unknown = expect_error(unknown, 401, "unauthorized").await;
    assert_eq!(wrong, unknown);
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_missing_email_or_password_is_a_validation_error_on_that_field() {
    let app = TestApp::start().await;
    let r = app
        .client()
        .post(app.api("/session"))
        .json(&json!({ "email": " ", "password": "" }))
        .send()
        .await
        .unwrap();
    let body = expect_error(r, 422, "validation").await;
    assert!(body["error"]["fields"]["email"].is_string());
    assert!(body["error"]["fields"]["password"].is_string());
    let r = app
        .client()
        .post(app.api("/session"))
        .json(&json!({ "email": "x@y.test" }))
        .send()
        .await
        .unwrap();
    let body = expect_error(r, 422, "validation").await;
    assert!(body["error"]["fields"]["password"].is_string(), "{body}");
}

#[tokio::test]
async fn a_disabled_user_cannot_sign_in_and_loses_their_open_sessions() {
    let app = TestApp::start().await;
    let member = app.sign_in_as("police@demo.test").await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let id = app.user_id("police@demo.test").await;

    let r = admin
        .patch(app.api(&format!("/users/{id}")))
        .json(&json!({ "active": false }))
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
        .post_sign_in(&app.client(), "police@demo.test", PASSWORD, None)
        .await;
    expect_error(r, 401, "unauthorized").await;
}

#[tokio::test]
async fn an_idle_session_expires_after_thirty_minutes() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 29 * 60")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        c.get(app.api("/me")).send().await.unwrap().status(),
        StatusCode::OK
    );
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60")
        .execute(&app.db)
        .await
        .unwrap();
    expect_error(
        c.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_session_ends_twelve_hours_after_sign_in_however_active() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let (created, expires): (i64, i64) =
        sqlx::query_as("SELECT created_at, expires_at FROM sessions")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(expires - created, 12 * 3600);
    sqlx::query("UPDATE sessions SET expires_at = strftime('%s','now') - 1")
        .execute(&app.db)
        .await
        .unwrap();
    expect_error(
        c.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_id() {
    let app = TestApp::start().await;
    let c = app.client();
    app.post_sign_in(&c, "chair@demo.test", PASSWORD, None)
        .await;
    let first: String = sqlx::query_scalar("SELECT id FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    app.post_sign_in(&c, "chair@demo.test", PASSWORD, None)
        .await;
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM sessions")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(ids.len(), 1, "the old session was ended");
    assert_ne!(ids[0], first);
}

#[tokio::test]
async fn changing_ones_password_ends_every_other_session() {
    let app = TestApp::start().await;
    let laptop = app.sign_in_as("social@demo.test").await;
    let tablet = app.sign_in_as("social@demo.test").await;
    let r = laptop
        .post(app.api("/me/password"))
        .json(&json!({ "current_password": PASSWORD, "new_password": "a brand new passphrase" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        laptop.get(app.api("/me")).send().await.unwrap().status(),
        StatusCode::OK
    );
    expect_error(
        tablet.get(app.api("/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    let r = app
        .post_sign_in(
            &app.client(),
            "social@demo.test",
            "a brand new passphrase",
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_short_new_password_or_a_wrong_current_one_is_refused() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("social@demo.test").await;
    let r = c
        .post(app.api("/me/password"))
        .json(&json!({ "current_password": PASSWORD, "new_password": "short" }))
        .send()
        .await
        .unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["new_password"]
        .as_str()
        .unwrap()
        .contains("12"));
    let r = c.post(app.api("/me/password"))
        .json(&json!({ "current_password": "wrong wrong wrong", "new_password": "long enough password" }))
        .send().await.unwrap();
    let b = expect_error(r, 422, "validation").await;
    assert!(b["error"]["fields"]["current_password"].is_string());
}

#[tokio::test]
async fn repeated_failures_slow_down_that_account_from_that_address_only() {
    let app = TestApp::start().await;
    let attacker = app.client_from("127.0.0.2");
    for _ in 0..3 {
        let r = app
            .post_sign_in(&attacker, "chair@demo.test", "guess guess guess", None)
            .await;
        expect_error(r, 401, "unauthorized").await;
    }
    // From the fourth failure on, each wait doubles (1 s, 2 s, 4 s…): a guess sent at once is
    // refused unchecked. A slow test machine may need a try or two to send one in time.
    let mut limited = None;
    for _ in 0..5 {
        let r = app
            .post_sign_in(&attacker, "chair@demo.test", "guess guess guess", None)
            .await;
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(r);
            break;
        }
        expect_error(r, 401, "unauthorized").await;
    }
    let r = limited.expect("the attempts were never slowed down");
    assert!(r.headers().get("retry-after").is_some());
    expect_error(r, 429, "rate_limited").await;
    // The real chair, elsewhere, is not locked out.
    let chair = app.client_from("127.0.0.3");
    let r = app
        .post_sign_in(&chair, "chair@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn one_address_is_limited_in_attempts_per_minute_across_accounts() {
    let app = TestApp::start().await;
    let c = app.client_from("127.0.0.4");
    let mut limited = false;
    for i in 0..40 {
        let r = app
            .post_sign_in(
                &c,
                &format!("spray{i}@demo.test"),
                "guess guess guess",
                None,
            )
            .await;
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            assert!(i >= 30, "limited after only {i} attempts");
            break;
        }
    }
    assert!(limited, "40 attempts in a minute were all let through");
}
