//! The authorization matrix: every REST route, every server function and every live socket
//! message, for every role and relation, against the answer the policy should give.
//!
//! The rows are checked against the router's own route list and the server function
//! registry (and an exhaustive match over the socket messages), so a new way in without a row
//! here fails the test instead of going unchecked.

mod fixtures;
mod rest;
mod server_fns;
mod socket;

use crate::common::*;
use reqwest::{Client, Method};
use serde_json::Value;
use std::collections::BTreeSet;

pub use fixtures::Fixtures;

/// Who asks, in the order of an expectation string.
pub const SUBJECTS: [(&str, &str); 6] = [
    ("admin", "admin@demo.test"),
    ("chair", "chair@demo.test"),
    ("coordinator", "coordinator@demo.test"),
    // The police referred the fixture case and own its action: involved.
    ("member of an involved agency", "police@demo.test"),
    // The hospital has nothing to do with the fixture case.
    ("member of another agency", "health@demo.test"),
    ("observer", "observer@demo.test"),
];

/// What someone not signed in gets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anonymous {
    /// 401, like every route that needs a session.
    Refused,
    /// Served without a session (the API document, signing in, a calendar feed).
    Public,
}

/// One request and the answer each subject should get.
pub struct Row {
    pub method: Method,
    /// The route as the router knows it (`/cases/{id}`), or the server function's name.
    pub route: String,
    /// The concrete request path.
    pub path: String,
    pub body: Body,
    /// One letter per subject in `SUBJECTS` order: `A` allowed (served or judged on its
    /// content: any answer but 401, 403, 404 and 5xx), `F` forbidden (403), `N` not found (404,
    /// exactly as for a record that does not exist).
    pub expect: &'static str,
    pub anonymous: Anonymous,
}

pub enum Body {
    None,
    Json(Value),
    Form(String),
}

pub fn row(method: Method, route: &str, path: String, body: Body, expect: &'static str) -> Row {
    assert_eq!(
        expect.len(),
        SUBJECTS.len(),
        "{route}: one letter per subject"
    );
    Row {
        method,
        route: route.to_string(),
        path,
        body,
        expect,
        anonymous: Anonymous::Refused,
    }
}

impl Row {
    pub fn public(mut self) -> Row {
        self.anonymous = Anonymous::Public;
        self
    }
}

async fn status(c: &Client, url: String, row: &Row) -> u16 {
    let mut r = c.request(row.method.clone(), url);
    r = match &row.body {
        Body::None => r,
        Body::Json(v) => r.json(v),
        Body::Form(f) => r
            .header("content-type", "application/x-www-form-urlencoded")
            .body(f.clone()),
    };
    r.send().await.unwrap().status().as_u16()
}

fn judge(s: u16, expect: char) -> bool {
    match expect {
        'A' => !matches!(s, 401 | 403 | 404) && s < 500,
        'F' => s == 403,
        'N' => s == 404,
        other => panic!("unknown expectation {other}"),
    }
}

/// Sends every row as every subject and as nobody; collects every wrong answer, so one run
/// shows them all.
pub async fn check(app: &TestApp, clients: &[Client], rows: &[Row], url: impl Fn(&str) -> String) {
    let anonymous = app.client();
    let mut wrong = Vec::new();
    for row in rows {
        for (i, expect) in row.expect.chars().enumerate() {
            let s = status(&clients[i], url(&row.path), row).await;
            if !judge(s, expect) {
                wrong.push(format!(
                    "{} {} ({}) as {}: got {s}, expected {expect}",
                    row.method, row.route, row.path, SUBJECTS[i].0
                ));
            }
        }
        let s = status(&anonymous, url(&row.path), row).await;
        let ok = match row.anonymous {
            Anonymous::Refused => s == 401,
            Anonymous::Public => !matches!(s, 401 | 403) && s < 500,
        };
        if !ok {
            wrong.push(format!(
                "{} {} as nobody: got {s}, expected {:?}",
                row.method, row.route, row.anonymous
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong answers:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

pub async fn sign_in_everyone(app: &TestApp) -> Vec<Client> {
    let mut clients = Vec::new();
    for (_, email) in SUBJECTS {
        clients.push(app.sign_in_as(email).await);
    }
    clients
}

#[tokio::test]
async fn every_route_server_function_and_socket_message_answers_each_role_as_the_policy_says() {
    let app = TestApp::start().await;
    let f = fixtures::make(&app).await;

    let rest = rest::rows(&f);
    let served: BTreeSet<(String, String)> = convene_server::api::routes()
        .into_iter()
        .map(|(m, p)| (m.to_uppercase(), p.to_string()))
        .collect();
    let mut listed: BTreeSet<(String, String)> = rest
        .iter()
        .map(|r| (r.method.to_string(), r.route.clone()))
        .collect();
    // The live socket's handshake and messages have their own rows in `socket`.
    listed.insert(("GET".into(), "/meetings/{id}/live".into()));
    assert_eq!(
        listed, served,
        "every REST route has a row, and every row a route"
    );

    let sfn = server_fns::rows(&f);
    // Registered as `/_fn/<name><hash>`: the name is what a row names.
    let paths: std::collections::BTreeMap<String, String> =
        leptos::server_fn::axum::server_fn_paths()
            .map(|(p, _)| {
                let name = p
                    .trim_start_matches("/_fn/")
                    .trim_end_matches(|c: char| c.is_ascii_digit());
                (format!("/_fn/{name}"), p.to_string())
            })
            .collect();
    let registered: BTreeSet<String> = paths
        .keys()
        .map(|p| p.trim_start_matches("/_fn/").to_string())
        .collect();
    let listed: BTreeSet<String> = sfn.iter().map(|r| r.route.clone()).collect();
    assert_eq!(
        listed, registered,
        "every server function has a row, and every row a function"
    );

    // Each part signs everyone in afresh: the last row of each signs them out.
    let clients = sign_in_everyone(&app).await;
    check(&app, &clients, &rest, |p| app.api(p)).await;
    let clients = sign_in_everyone(&app).await;
    check(&app, &clients, &sfn, |p| app.url(&paths[p])).await;
    socket::check(&app, &f).await;
}
