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

/// How many audited reads `user` has written, per kind of thing read.
async fn reads_by(app: &TestApp, user: i64) -> std::collections::BTreeMap<String, i64> {
    sqlx::query_as::<_, (String, i64)>(
        "SELECT entity, COUNT(*) FROM audit_log WHERE actor_user_id = ? AND action = 'read' GROUP BY entity",
    )
    .bind(user)
    .fetch_all(&app.db)
    .await
    .unwrap()
    .into_iter()
    .collect()
}

#[tokio::test]
async fn viewing_a_page_once_audits_each_read_once() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("Ileana Once"), false).await;
    let meeting: i64 =
        sqlx::query_scalar("SELECT id FROM meetings WHERE status = 'minutes_approved' LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let chair = app.sign_in_as("chair@demo.test").await;
    let user = app.user_id("chair@demo.test").await;
    // The action list is not itself an audited read; it must simply not write any.
    for (path, audits) in [
        ("/".to_string(), true),
        ("/actions".to_string(), false),
        (format!("/cases/{case}"), true),
        (format!("/meetings/{meeting}"), true),
        (format!("/meetings/{meeting}/research"), true),
        (format!("/meetings/{meeting}/minutes"), true),
    ] {
        let before = reads_by(&app, user).await;
        let r = chair.get(app.url(&path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let _ = r.text().await.unwrap();
        let after = reads_by(&app, user).await;
        let grew: Vec<(String, i64)> = after
            .iter()
            .map(|(k, n)| (k.clone(), n - before.get(k).copied().unwrap_or(0)))
            .filter(|(_, d)| *d != 0)
            .collect();
        assert_eq!(!grew.is_empty(), audits, "{path} audited: {grew:?}");
        for (entity, d) in &grew {
            // The case page reads the case, its timeline, what was tried and its figures; the
            // meeting page its agenda and what its case items come back with: each once.
            let expected = if entity == "case" && path.starts_with("/cases/") {
                4
            } else if entity == "agenda" && path == format!("/meetings/{meeting}") {
                2
            } else {
                1
            };
            assert_eq!(*d, expected, "{path} audited {entity} {d} times: {grew:?}");
        }
    }
}
