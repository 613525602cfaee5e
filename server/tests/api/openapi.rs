use crate::common::*;
use std::collections::BTreeSet;

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_routes_the_server_serves() {
    let app = TestApp::start().await;
    let doc = json(
        app.client()
            .get(app.api("/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                assert!(
                    op["responses"].is_object(),
                    "{method} {path} documents its responses"
                );
                documented.insert((method.clone(), path.clone()));
            }
        }
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

#[tokio::test]
async fn every_schema_the_document_refers_to_is_defined() {
    let app = TestApp::start().await;
    let text = app
        .client()
        .get(app.api("/openapi.json"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for part in text.split("\"$ref\": \"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "undefined schema {name}");
    }
}
