use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_write_from_a_foreign_origin_is_refused_and_writes_nothing() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("admin@demo.test").await;
    let before = app.count("agencies").await;
    let body = json!({ "name": "Cross Site Agency", "kind": "other" });
    let r = c
        .post(app.api("/agencies"))
        .header("origin", "https://evil.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
    let r = c
        .post(app.api("/agencies"))
        .header("sec-fetch-site", "cross-site")
        .json(&body)
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
    assert_eq!(app.count("agencies").await, before);

    let own = format!("http://{}", app.addr);
    let r = c
        .post(app.api("/agencies"))
        .header("origin", own)
        .header("sec-fetch-site", "same-origin")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_cross_site_sign_out_or_server_function_call_is_refused_too() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let r = c
        .delete(app.api("/session"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("sessions").await, 1);
    let r = c
        .post(app.url(&crate::common::sfn_path("sign_out")))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("sessions").await, 1);
}

#[tokio::test]
async fn api_answers_are_not_cached_and_carry_the_protective_headers() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let r = c.get(app.api("/me")).send().await.unwrap();
    let h = r.headers();
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    assert!(h.get("x-request-id").is_some());
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = TestApp::start().await;
    let r = app
        .client()
        .get(app.api("/no-such-thing"))
        .send()
        .await
        .unwrap();
    expect_error(r, 404, "not_found").await;
}
