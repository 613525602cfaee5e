//! The authorization matrix, endpoint by endpoint: every role, and nobody signed in.

use crate::common::*;
use reqwest::{Client, Method};
use serde_json::{json, Value};

const ROLES: [(&str, &str); 5] = [
    ("admin", "admin@demo.test"),
    ("chair", "chair@demo.test"),
    ("coordinator", "coordinator@demo.test"),
    ("member", "police@demo.test"),
    ("observer", "observer@demo.test"),
];

struct Case {
    method: Method,
    path: String,
    body: Option<Value>,
    /// The roles allowed, in the order of ROLES; anybody else gets 403, nobody signed in 401.
    allowed: [bool; 5],
}

fn row(method: Method, path: String, body: Option<Value>, allowed: [bool; 5]) -> Case {
    Case {
        method,
        path,
        body,
        allowed,
    }
}

async fn status(c: &Client, app: &TestApp, case: &Case) -> u16 {
    let mut r = c.request(case.method.clone(), app.api(&case.path));
    if let Some(b) = &case.body {
        r = r.json(b);
    }
    r.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn every_endpoint_allows_exactly_the_roles_in_the_matrix() {
    let app = TestApp::start().await;
    let agency = app.agency_id("Forensic Medicine Institute").await;
    let member = app.user_id("health@demo.test").await;
    let chair = app.user_id("chair@demo.test").await;
    let past: i64 = sqlx::query_scalar(
        "SELECT id FROM meetings WHERE status = 'minutes_approved' ORDER BY starts_at DESC LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let draft: i64 = sqlx::query_scalar(
        "SELECT id FROM meetings WHERE status = 'draft' ORDER BY starts_at LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let t = true;
    let f = false;
    let cases = vec![
        Case {
            method: Method::GET,
            path: "/me".into(),
            body: None,
            allowed: [t, t, t, t, t],
        },
        Case {
            method: Method::GET,
            path: "/agencies".into(),
            body: None,
            allowed: [t, t, t, t, t],
        },
        Case {
            method: Method::GET,
            path: format!("/agencies/{agency}"),
            body: None,
            allowed: [t, t, t, t, t],
        },
        Case {
            method: Method::POST,
            path: "/agencies".into(),
            body: Some(json!({"name": "", "kind": ""})),
            allowed: [t, f, t, f, f],
        },
        Case {
            method: Method::PATCH,
            path: format!("/agencies/{agency}"),
            body: Some(json!({})),
            allowed: [t, f, t, f, f],
        },
        Case {
            method: Method::GET,
            path: "/users".into(),
            body: None,
            allowed: [t, t, t, f, f],
        },
        Case {
            method: Method::GET,
            path: format!("/users/{member}"),
            body: None,
            allowed: [t, t, t, f, f],
        },
        Case {
            method: Method::POST,
            path: "/users".into(),
            body: Some(json!({"email": "", "name": "", "role": "member"})),
            allowed: [t, f, t, f, f],
        },
        Case {
            method: Method::PATCH,
            path: format!("/users/{member}"),
            body: Some(json!({})),
            allowed: [t, f, t, f, f],
        },
        Case {
            method: Method::PATCH,
            path: format!("/users/{chair}"),
            body: Some(json!({})),
            allowed: [t, f, f, f, f],
        },
        Case {
            method: Method::GET,
            path: "/audit".into(),
            body: None,
            allowed: [t, t, f, f, f],
        },
        Case {
            method: Method::GET,
            path: "/settings".into(),
            body: None,
            allowed: [t, t, t, f, f],
        },
        Case {
            method: Method::PATCH,
            path: "/settings".into(),
            body: Some(json!({})),
            allowed: [t, f, f, f, f],
        },
        row(Method::GET, "/cases".into(), None, [f, t, t, t, f]),
        row(
            Method::POST,
            "/cases".into(),
            Some(json!({})),
            [f, t, t, t, f],
        ),
        row(
            Method::POST,
            "/cases/assess".into(),
            Some(json!({})),
            [f, t, t, t, f],
        ),
        row(Method::GET, "/meetings".into(), None, [t, t, t, t, t]),
        row(
            Method::POST,
            "/meetings".into(),
            Some(json!({})),
            [f, t, t, f, f],
        ),
        row(
            Method::POST,
            "/meeting-series".into(),
            Some(json!({})),
            [f, t, t, f, f],
        ),
        row(
            Method::GET,
            format!("/meetings/{draft}/agenda"),
            None,
            [f, t, t, f, f],
        ),
        row(
            Method::POST,
            format!("/meetings/{draft}/agenda/build"),
            None,
            [f, t, t, f, f],
        ),
        row(
            Method::GET,
            format!("/meetings/{past}/agenda"),
            None,
            [f, t, t, t, t],
        ),
        row(
            Method::GET,
            format!("/meetings/{past}/attendance"),
            None,
            [f, t, t, t, t],
        ),
        row(
            Method::GET,
            format!("/meetings/{past}/research"),
            None,
            [f, t, t, f, f],
        ),
        row(
            Method::POST,
            format!("/meetings/{past}/minutes/approve"),
            None,
            [f, t, f, f, f],
        ),
        row(
            Method::GET,
            "/reports/attendance".into(),
            None,
            [f, t, t, f, f],
        ),
    ];
    let mut clients = Vec::new();
    for (_, email) in ROLES {
        clients.push(app.sign_in_as(email).await);
    }
    let anonymous = app.client();
    for case in &cases {
        for (i, (role, _)) in ROLES.iter().enumerate() {
            let s = status(&clients[i], &app, case).await;
            if case.allowed[i] {
                // Allowed: the request is served or judged on its content, never refused.
                assert!(
                    s != 401 && s != 403,
                    "{role} {} {} got {s}",
                    case.method,
                    case.path
                );
            } else {
                assert_eq!(s, 403, "{role} {} {}", case.method, case.path);
            }
        }
        assert_eq!(
            status(&anonymous, &app, case).await,
            401,
            "anonymous {} {}",
            case.method,
            case.path
        );
    }
}

#[tokio::test]
async fn signing_in_and_reading_the_api_document_need_no_session() {
    let app = TestApp::start().await;
    let c = app.client();
    assert_eq!(
        c.get(app.api("/openapi.json"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        app.post_sign_in(&c, "observer@demo.test", PASSWORD, None)
            .await
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test]
async fn a_member_cannot_change_an_agency_and_nothing_is_written() {
    let app = TestApp::start().await;
    let member = app.sign_in_as("police@demo.test").await;
    let audit = app.count("audit_log").await;
    let r = member
        .post(app.api("/agencies"))
        .json(&json!({ "name": "Rogue Agency", "kind": "other" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
    assert_eq!(app.count("agencies").await, 15);
    assert_eq!(app.count("audit_log").await, audit);
}
