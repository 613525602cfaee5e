use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A held meeting with one police case and one hospital case on its agenda.
async fn held_meeting(app: &TestApp) -> (i64, i64, i64, Client) {
    let c = app.sign_in_as("coordinator@demo.test").await;
    let mut cases = Vec::new();
    for (email, agency, name) in [
        (
            "police@demo.test",
            "County Police Inspectorate",
            "Ana Minutespolice",
        ),
        (
            "health@demo.test",
            "County Emergency Hospital",
            "Ana Minuteshealth",
        ),
    ] {
        cases.push(app.refer_case(email, agency, name, false).await.0);
    }
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": "2030-05-07T09:00" }))
        .send()
        .await
        .unwrap();
    let id = json(r).await["id"].as_i64().unwrap();
    c.post(app.api(&format!("/meetings/{id}/agenda/build")))
        .send()
        .await
        .unwrap();
    c.post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    for s in ["in_session", "closed"] {
        c.patch(app.api(&format!("/meetings/{id}")))
            .json(&json!({ "status": s }))
            .send()
            .await
            .unwrap();
    }
    (id, cases[0], cases[1], c)
}

fn section_for(m: &Value, case: i64) -> Option<Value> {
    m["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["case_id"] == case)
        .cloned()
}

#[tokio::test]
async fn the_coordinator_gets_a_draft_assembled_from_the_record() {
    let app = TestApp::start().await;
    let (id, police_case, _, c) = held_meeting(&app).await;
    let m = json(
        c.get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(m["status"], "draft");
    let first = &m["sections"][0];
    assert_eq!(first["heading"], "Meeting and attendance");
    assert!(first["body_md"].as_str().unwrap().contains("**Date:**"));
    let conf = m["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["heading"].as_str().unwrap().starts_with("Welcome"))
        .unwrap();
    assert!(conf["body_md"].as_str().unwrap().contains("confidential"));
    assert!(section_for(&m, police_case).is_some());
    assert!(m["marking"].as_str().unwrap().starts_with("RESTRICTED"));
    // Members see nothing of a draft.
    let member = app.sign_in_as("police@demo.test").await;
    expect_error(
        member
            .get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn minutes_before_the_meeting_is_held_are_refused_with_a_reason() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = json(
        c.post(app.api("/meetings"))
            .json(&json!({ "starts_at": "2030-05-07T09:00" }))
            .send()
            .await
            .unwrap(),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    expect_error(
        c.get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
}

#[tokio::test]
async fn an_agencys_extract_holds_only_the_items_that_concern_it() {
    let app = TestApp::start().await;
    let (id, police_case, health_case, c) = held_meeting(&app).await;
    c.get(app.api(&format!("/meetings/{id}/minutes")))
        .send()
        .await
        .unwrap();
    c.post(app.api(&format!("/meetings/{id}/minutes/circulate")))
        .send()
        .await
        .unwrap();
    let police = app.sign_in_as("police@demo.test").await;
    let m = json(
        police
            .get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(section_for(&m, police_case).is_some());
    assert!(section_for(&m, health_case).is_none());
    assert!(m["extract_for"].is_i64());
    assert!(
        m["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["case_id"].is_null()),
        "general items are in every extract"
    );
    // The coordinator can look at any agency's extract.
    let hospital = app.agency_id("County Emergency Hospital").await;
    let m = json(
        c.get(app.api(&format!("/meetings/{id}/minutes?agency_id={hospital}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(section_for(&m, health_case).is_some() && section_for(&m, police_case).is_none());
}

#[tokio::test]
async fn review_comments_must_be_resolved_then_the_chair_approves_and_the_minutes_lock() {
    let app = TestApp::start().await;
    let (id, police_case, _, c) = held_meeting(&app).await;
    let draft = json(
        c.get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let section = section_for(&draft, police_case).unwrap();
    let version = draft["version"].as_i64().unwrap();
    let edit = json!({ "version": version, "sections": [{ "id": section["id"], "body_md": "Police shared two call-outs. **Decision:** safety plan review." }] });
    let r = c
        .put(app.api(&format!("/meetings/{id}/minutes")))
        .json(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The same stale version again is refused: nobody's text is overwritten silently.
    expect_error(
        c.put(app.api(&format!("/meetings/{id}/minutes")))
            .json(&edit)
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;

    let chair = app.sign_in_as("chair@demo.test").await;
    expect_error(
        chair
            .post(app.api(&format!("/meetings/{id}/minutes/approve")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
    let r = c
        .post(app.api(&format!("/meetings/{id}/minutes/circulate")))
        .json(&json!({ "review_deadline": "2099-01-01" }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["status"], "circulated");

    let police = app.sign_in_as("police@demo.test").await;
    let r = police
        .post(app.api(&format!("/meetings/{id}/minutes/comments")))
        .json(&json!({ "section_id": section["id"], "body": "It was three call-outs.", "proposed_text": "Police shared three call-outs." }))
        .send()
        .await
        .unwrap();
    let m = json(r).await;
    let comment = m["comments"][0]["id"].clone();
    expect_error(
        chair
            .post(app.api(&format!("/meetings/{id}/minutes/approve")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
    // Only the chair approves.
    expect_error(
        c.post(app.api(&format!("/meetings/{id}/minutes/approve")))
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;

    let r = c
        .patch(app.api(&format!("/meetings/{id}/minutes/comments/{comment}")))
        .json(&json!({ "status": "accepted", "note": "Corrected." }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let m = json(
        chair
            .post(app.api(&format!("/meetings/{id}/minutes/approve")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(m["status"], "approved");
    assert_eq!(m["meeting"]["status"], "minutes_approved");
    assert_eq!(m["approved_by"], "Maria Popescu");

    let latest = m["version"].as_i64().unwrap();
    let r = c
        .put(app.api(&format!("/meetings/{id}/minutes")))
        .json(&json!({ "version": latest, "sections": [{ "id": section["id"], "body_md": "rewritten" }] }))
        .send()
        .await
        .unwrap();
    expect_error(r, 409, "conflict").await;
    let r = c
        .post(app.api(&format!("/meetings/{id}/minutes/addenda")))
        .json(&json!({ "body_md": "Correction: the hearing is on 12 May." }))
        .send()
        .await
        .unwrap();
    let m = json(r).await;
    assert_eq!(m["addenda"][0]["author"], "Elena Rusu");
    assert!(m["addenda"][0]["created_at"].is_string());
}

#[tokio::test]
async fn markdown_in_the_minutes_is_rendered_inert() {
    let app = TestApp::start().await;
    let (id, police_case, _, c) = held_meeting(&app).await;
    let draft = json(
        c.get(app.api(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let section = section_for(&draft, police_case).unwrap();
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
    ];
    let r = c
        .put(app.api(&format!("/meetings/{id}/minutes")))
        .json(&json!({ "version": draft["version"], "sections": [{ "id": section["id"], "body_md": payloads.join("\n\n") }] }))
        .send()
        .await
        .unwrap();
    let m = json(r).await;
    let html = section_for(&m, police_case).unwrap()["body_html"]
        .as_str()
        .unwrap()
        .to_lowercase();
    // Escaped text (&lt;script&gt;) is harmless; only real tags are checked.
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("");
        assert!(
            ["p", "a", "strong", "em", "code", "pre"].contains(&name),
            "<{tag}> survived: {html}"
        );
        for bad in ["javascript:", "onerror", "onload", "style=", "src="] {
            assert!(!tag.contains(bad), "{bad} survived in <{tag}>: {html}");
        }
    }
    let page = c
        .get(app.url(&format!("/meetings/{id}/minutes")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .to_lowercase();
    // The page shows the text escaped, and the data it carries for the browser escapes `<`.
    for live in [
        "<script>alert(1)",
        "<img src=x",
        "<iframe src=",
        "<svg onload",
    ] {
        assert!(!page.contains(live), "{live} is live on the page");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
