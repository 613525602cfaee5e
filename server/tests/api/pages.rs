use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_sign_in_page_renders_on_the_server_with_a_nonce_on_its_scripts() {
    let app = TestApp::start().await;
    let r = app.client().get(app.url("/sign-in")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let html = r.text().await.unwrap();
    assert!(html.contains("<h1>Sign in</h1>"), "{html}");
    assert!(html.contains(r#"name="password""#));
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the response's nonce"
    );
    for tag in html.split("<script").skip(1) {
        let open = tag.split('>').next().unwrap();
        assert!(
            open.contains(&format!("nonce=\"{nonce}\"")),
            "script without the nonce: <script{open}>"
        );
    }
}

#[tokio::test]
async fn a_signed_out_visitor_is_sent_to_sign_in() {
    let app = TestApp::start().await;
    let r = app
        .client()
        .get(app.url("/agencies"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(r.headers()["location"], "/sign-in");
}

#[tokio::test]
async fn signed_in_pages_show_the_directory_and_are_not_cached() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("chair@demo.test").await;
    let r = c.get(app.url("/agencies")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.unwrap();
    assert!(html.contains("County Police Inspectorate"));
    assert!(
        html.contains("Maria Popescu"),
        "the header names who is signed in"
    );
}

#[tokio::test]
async fn a_member_opening_an_admin_page_gets_an_explained_403() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    for path in ["/users", "/audit", "/settings", "/agencies/new"] {
        let r = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("You do not have access to this page"));
    }
}

#[tokio::test]
async fn an_unknown_page_is_an_explained_404() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let r = c.get(app.url("/no/such/page")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("Page not found"));
    let r = c.get(app.url("/agencies/424242")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
