use crate::common::*;
use convene_app::error::AppError;
use serde_json::Value;
use std::collections::BTreeSet;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    let res = app
        .client()
        .get(app.api("/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    json(res).await
}

fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if METHODS.contains(&method.as_str()) {
                ops.push((method.clone(), path.clone(), op));
            }
        }
    }
    ops
}

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_routes_the_server_serves() {
    let app = TestApp::start().await;
    let doc = document(&app).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    let mut documented = BTreeSet::new();
    for (method, path, op) in operations(&doc) {
        assert!(
            op["responses"].is_object(),
            "{method} {path} documents its responses"
        );
        documented.insert((method, path));
    }
    let served: BTreeSet<(String, String)> = convene_server::api::routes()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = served.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&served).collect();
    assert!(missing.is_empty(), "served but not documented: {missing:?}");
    assert!(stale.is_empty(), "documented but not served: {stale:?}");
}

fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r);
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn every_schema_the_document_refers_to_is_defined() {
    let app = TestApp::start().await;
    let doc = document(&app).await;
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.len() > 50, "the document refers to its schemas");
    for r in found {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or(r);
        assert!(schemas.contains_key(name), "undefined schema {r}");
    }
}

#[tokio::test]
async fn every_operation_documents_the_errors_it_can_answer_with_the_error_body() {
    let app = TestApp::start().await;
    let doc = document(&app).await;
    let public = ["/openapi.json", "/calendar/{token}.ics"];
    for (method, path, op) in operations(&doc) {
        let responses = op["responses"].as_object().unwrap();
        let mut expected = vec![];
        if !public.contains(&path.as_str()) {
            expected.extend(["401", "403", "404", "409", "422"]);
            if method != "get" {
                expected.push("413");
            }
        }
        for code in expected {
            let r = &responses
                .get(code)
                .unwrap_or_else(|| panic!("{method} {path} documents {code}"));
            assert_eq!(
                r["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Error",
                "{method} {path} {code} answers with the error body"
            );
        }
    }
    let sign_in = &doc["paths"]["/session"]["post"]["responses"];
    assert!(sign_in["429"].is_object(), "signing in may be rate limited");
    assert_eq!(
        doc["paths"]["/session"]["post"]["security"],
        serde_json::json!([{}]),
        "signing in needs no session"
    );
}

#[tokio::test]
async fn the_documented_error_codes_are_every_code_the_server_sends() {
    let app = TestApp::start().await;
    let doc = document(&app).await;
    let detail = &doc["components"]["schemas"]["ErrorDetail"];
    let code = &detail["properties"]["code"];
    let code = if code["$ref"].is_string() {
        &doc["components"]["schemas"]["ErrorCode"]
    } else {
        code
    };
    let documented: BTreeSet<&str> = code["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut sent: BTreeSet<&str> = [
        AppError::validation("x", "y"),
        AppError::unauthorized(),
        AppError::Forbidden,
        AppError::NotFound,
        AppError::conflict("x"),
        AppError::RateLimited {
            retry_after_secs: 1,
        },
        AppError::Internal,
    ]
    .iter()
    .map(|e| e.code())
    .collect();
    // The HTTP layer's own answers: a body over the limit, a method the route does not take.
    sent.extend(["payload_too_large", "method_not_allowed"]);
    assert_eq!(documented, sent);

    // And what the server really sends has the documented shape.
    let res = app
        .client()
        .get(app.api("/cases/999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let body = json(res).await;
    assert_eq!(body["error"]["code"], "unauthorized");
    assert!(body["error"]["message"].is_string());
}
