//! Authorization beyond the matrix (see `matrix`): what needs no session, and that a refused
//! write writes nothing.

use crate::common::*;
use serde_json::json;

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
