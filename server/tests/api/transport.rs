//! Transport hardening: https headers and cookies, forwarded addresses, per-account sign-in
//! limits, body limits, unreadable server function arguments, the live changes cap.

use crate::common::*;
use reqwest::StatusCode;

fn set_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn over_https_pages_send_hsts_and_the_session_cookie_is_host_prefixed_and_secure() {
    let app =
        TestApp::start_with_vars(&[("CONVENE_PUBLIC_URL", "https://convene.example.org")]).await;
    let c = app.client();
    let page = c.get(app.url("/")).send().await.unwrap();
    let hsts = page
        .headers()
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(hsts.starts_with("max-age="), "{hsts}");

    let r = app
        .post_sign_in(&c, "chair@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers().contains_key("strict-transport-security"));
    let cookie = set_cookie(&r);
    assert!(cookie.starts_with("__Host-convene_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");

    // The prefixed cookie is the session; the same token under the plain name is not.
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("__Host-convene_session=")
        .to_string();
    let with = |name: &str| {
        app.client()
            .get(app.api("/me"))
            .header("cookie", format!("{name}={token}"))
            .send()
    };
    assert_eq!(
        with("__Host-convene_session").await.unwrap().status(),
        StatusCode::OK
    );
    expect_error(with("convene_session").await.unwrap(), 401, "unauthorized").await;
}

#[tokio::test]
async fn over_plain_local_http_there_is_no_hsts_and_the_cookie_keeps_its_plain_name() {
    let app = TestApp::start().await;
    let c = app.client();
    let r = app
        .post_sign_in(&c, "chair@demo.test", PASSWORD, None)
        .await;
    assert!(!r.headers().contains_key("strict-transport-security"));
    assert!(set_cookie(&r).starts_with("convene_session="));
}

/// Sign-in attempts as if through the proxy, each from the address it forwards.
async fn sign_in_via(app: &TestApp, from: &str, email: &str, password: &str) -> reqwest::Response {
    app.client()
        .post(app.api("/session"))
        .header("x-forwarded-for", from)
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn notices(c: &reqwest::Client, app: &TestApp) -> Vec<serde_json::Value> {
    let r = c.get(app.api("/me/notices")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    json(r).await.as_array().unwrap().clone()
}

#[tokio::test]
async fn ten_failures_from_ten_addresses_hold_the_account_back_and_tell_its_owner_and_the_admins() {
    let app = TestApp::start_with_vars(&[("CONVENE_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let victim = "police@demo.test";
    for i in 1..=10 {
        let r = sign_in_via(&app, &format!("198.51.100.{i}"), victim, "a wrong guess").await;
        expect_error(r, 401, "unauthorized").await;
    }
    // From yet another address, and with the right password: it waits.
    let r = sign_in_via(&app, "203.0.113.50", victim, PASSWORD).await;
    assert!(r.headers().contains_key("retry-after"));
    let b = expect_error(r, 429, "rate_limited").await;
    assert!(b["error"]["retry_after_secs"].as_u64().unwrap() > 0, "{b}");
    // Other accounts are not held back.
    let r = sign_in_via(&app, "203.0.113.50", "chair@demo.test", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK);

    let owner: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id
         WHERE u.email = ? AND n.kind = 'sign_in_locked'",
    )
    .bind(victim)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(owner, 1, "the owner is told once");
    let admin = app.client();
    let r = app
        .post_sign_in(&admin, "admin@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let told: Vec<_> = notices(&admin, &app)
        .await
        .into_iter()
        .filter(|n| n["kind"] == "account_sign_in_locked")
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    let id = app.user_id(victim).await;
    let words = told[0]["text"].as_str().unwrap();
    assert!(words.contains(&format!("user {id}")), "{words}");
    assert!(!words.contains("police@"), "no email in a notice: {words}");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_held_back' AND entity_id = ?",
    )
    .bind(id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn an_email_without_an_account_is_held_back_just_the_same() {
    let app = TestApp::start_with_vars(&[("CONVENE_TRUSTED_PROXIES", "127.0.0.0/8")]).await;
    for i in 1..=10 {
        let r = sign_in_via(
            &app,
            &format!("198.51.100.{i}"),
            "nobody@demo.test",
            "guess",
        )
        .await;
        expect_error(r, 401, "unauthorized").await;
    }
    let r = sign_in_via(&app, "198.51.100.99", "nobody@demo.test", "guess").await;
    expect_error(r, 429, "rate_limited").await;
    assert_eq!(app.count("notices").await, 0, "nobody to tell");
}

#[tokio::test]
async fn wrong_current_passwords_count_against_the_account_too() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("social@demo.test").await;
    let change = |current: &'static str| {
        c.post(app.api("/me/password"))
            .json(&serde_json::json!({ "current_password": current, "new_password": "a brand new passphrase" }))
            .send()
    };
    for _ in 0..9 {
        expect_error(change("not it").await.unwrap(), 422, "validation").await;
    }
    let r = c
        .post(app.api("/me/totp/disable"))
        .json(&serde_json::json!({ "password": "not it either" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    // Ten wrong: now even the right one waits, and so does signing in anywhere.
    expect_error(change(PASSWORD).await.unwrap(), 429, "rate_limited").await;
    let r = app
        .post_sign_in(&app.client(), "social@demo.test", PASSWORD, None)
        .await;
    expect_error(r, 429, "rate_limited").await;
    let wrong: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'current_password_wrong'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(wrong, 10);
}

#[tokio::test]
async fn a_forwarded_address_from_a_trusted_proxy_is_the_client_for_the_address_limit() {
    let app = TestApp::start_with_vars(&[
        ("CONVENE_TRUSTED_PROXIES", "127.0.0.1"),
        ("CONVENE_SIGN_IN_PER_MINUTE", "3"),
    ])
    .await;
    // Three people behind the proxy, four tries each: each gets their own budget.
    for person in ["198.51.100.1", "198.51.100.2", "198.51.100.3"] {
        for _ in 0..3 {
            let r = sign_in_via(&app, person, "nobody@demo.test", "guess").await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        }
        let r = sign_in_via(&app, person, "nobody@demo.test", "guess").await;
        expect_error(r, 429, "rate_limited").await;
    }
}

#[tokio::test]
async fn without_trusted_proxies_a_forged_forwarded_address_is_ignored() {
    let app = TestApp::start_with_vars(&[("CONVENE_SIGN_IN_PER_MINUTE", "3")]).await;
    for i in 1..=3 {
        let r = sign_in_via(
            &app,
            &format!("198.51.100.{i}"),
            "nobody@demo.test",
            "guess",
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    // A fourth "address" is the same peer: its minute's budget is spent.
    let r = sign_in_via(&app, "198.51.100.4", "nobody@demo.test", "guess").await;
    expect_error(r, 429, "rate_limited").await;
}

#[tokio::test]
async fn a_forwarded_address_from_an_untrusted_peer_is_ignored() {
    // The proxy is elsewhere; the test's connection from 127.0.0.1 is not it.
    let app = TestApp::start_with_vars(&[
        ("CONVENE_TRUSTED_PROXIES", "10.0.0.0/8"),
        ("CONVENE_SIGN_IN_PER_MINUTE", "3"),
    ])
    .await;
    for i in 1..=3 {
        sign_in_via(
            &app,
            &format!("198.51.100.{i}"),
            "nobody@demo.test",
            "guess",
        )
        .await;
    }
    let r = sign_in_via(&app, "198.51.100.4", "nobody@demo.test", "guess").await;
    expect_error(r, 429, "rate_limited").await;
}

const SMALL_LIMIT: &str = "4096";

#[tokio::test]
async fn a_rest_body_over_the_limit_is_a_json_413_and_one_under_it_is_served() {
    let app = TestApp::start_with_vars(&[("CONVENE_MAX_BODY_BYTES", SMALL_LIMIT)]).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let r = c
        .post(app.api("/agencies"))
        .header("content-type", "application/json")
        .body(format!(r#"{{"name":"{}"}}"#, "x".repeat(5000)))
        .send()
        .await
        .unwrap();
    expect_error(r, 413, "payload_too_large").await;
    // Over the limit even before a session is looked at, and for public routes too.
    let r = app
        .client()
        .post(app.api("/session"))
        .header("content-type", "application/json")
        .body(format!(r#"{{"email":"{}"}}"#, "x".repeat(5000)))
        .send()
        .await
        .unwrap();
    expect_error(r, 413, "payload_too_large").await;
    let r = app
        .post_sign_in(&app.client(), "chair@demo.test", PASSWORD, None)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_server_function_body_over_the_limit_is_a_413_in_its_error_encoding() {
    let app = TestApp::start_with_vars(&[("CONVENE_MAX_BODY_BYTES", SMALL_LIMIT)]).await;
    let r = app
        .client()
        .post(app.url(&sfn_path("sign_in")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={}&password=x", "x".repeat(5000)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let e: convene_app::error::AppError = r.json().await.unwrap();
    assert!(e.field("body").is_some(), "{e:?}");
}

#[tokio::test]
async fn a_server_function_with_arguments_it_cannot_read_answers_422_not_500() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    for (name, body) in [
        ("sign_in", "password=only"),
        ("get_agency", "id=not-a-number"),
        ("sign_in", "\u{0}\u{1}garbage"),
    ] {
        let r = c
            .post(app.url(&sfn_path(name)))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        assert!(
            status == 400 || status == 422,
            "{name} {body:?}: {status} {text}"
        );
        let e: convene_app::error::AppError = serde_json::from_str(&text).unwrap();
        assert_eq!(e.status(), status, "{name} {body:?}: {e:?}");
    }
}

#[tokio::test]
async fn guesses_sent_all_at_once_from_many_addresses_get_no_more_than_ten_tries() {
    let app = TestApp::start_with_vars(&[("CONVENE_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let guesses = (1..=30).map(|i| {
        let app = &app;
        async move { sign_in_via(app, &format!("198.51.100.{i}"), "chair@demo.test", "guess").await }
    });
    let answers = futures_util::future::join_all(guesses).await;
    let tried = answers
        .iter()
        .filter(|r| r.status() == StatusCode::UNAUTHORIZED)
        .count();
    let held = answers
        .iter()
        .filter(|r| r.status() == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((tried, held), (10, 20));
}
