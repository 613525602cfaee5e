//! Same-victim matching without an existence oracle: whoever may not see a victim's case
//! learns nothing of it, and a match is linked only by the coordinator or chair.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A high-risk referral of `name` (born 1988-03-04) for `agency`, with these children.
fn referral_of(agency: i64, name: &str, children: Value) -> Value {
    let checklist: Vec<&str> = (0..24).map(|i| if i < 15 { "yes" } else { "no" }).collect();
    json!({
        "referred_on": "2026-01-10", "referring_agency_id": agency, "checklist": checklist,
        "incidents_last_12_months": 0,
        "victim": { "name": name, "date_of_birth": "1988-03-04", "safe_to_contact": true },
        "children": children,
        "consent": { "victim_informed": "yes", "consent_to_share": "given" },
    })
}

async fn refer(app: &TestApp, c: &Client, b: &Value) -> Value {
    let r = c.post(app.api("/cases")).json(b).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    json(r).await
}

/// The police open a case for `name` with one child (A.B., 6): its id and reference.
async fn known(app: &TestApp, name: &str) -> (i64, String) {
    let police = app.sign_in_as("police@demo.test").await;
    let p = app.agency_id("County Police Inspectorate").await;
    let b = refer(
        app,
        &police,
        &referral_of(p, name, json!([{ "initials": "AB", "age": 6 }])),
    )
    .await;
    (
        b["id"].as_i64().unwrap(),
        b["reference"].as_str().unwrap().to_string(),
    )
}

/// The hospital (not involved with the police's cases) and its agency id.
async fn hospital(app: &TestApp) -> (Client, i64) {
    (
        app.sign_in_as("health@demo.test").await,
        app.agency_id("County Emergency Hospital").await,
    )
}

async fn get(c: &Client, url: String) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn pending(app: &TestApp, c: &Client) -> Vec<Value> {
    let r = c.get(app.api("/case-matches")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    json(r).await.as_array().unwrap().clone()
}

async fn decide(app: &TestApp, c: &Client, id: &Value, decision: &str) -> reqwest::Response {
    c.post(app.api(&format!("/case-matches/{id}")))
        .json(&json!({ "decision": decision }))
        .send()
        .await
        .unwrap()
}

async fn audit_actions(app: &TestApp, entity: &str) -> Vec<(String, Option<String>)> {
    sqlx::query_as(
        "SELECT action, details FROM audit_log WHERE entity = ? AND action NOT IN ('list', 'read') ORDER BY id",
    )
    .bind(entity)
    .fetch_all(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn an_unrelated_members_assess_for_a_known_victim_is_the_same_as_for_an_unknown_person() {
    let app = TestApp::start().await;
    let name = unique("Daniela Known");
    known(&app, &name).await;
    let (health, h) = hospital(&app).await;
    let assess = |victim: String| {
        let (c, url) = (health.clone(), app.api("/cases/assess"));
        let mut b = referral_of(h, &victim, json!([]));
        b["checklist"].as_array_mut().unwrap().truncate(10);
        async move {
            let r = c.post(url).json(&b).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let for_known = assess(name.clone()).await;
    let for_unknown = assess(unique("Nobody Known")).await;
    assert_eq!(for_known.0, 200);
    assert_eq!(for_known, for_unknown, "the same JSON, byte for byte");
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'assess' AND actor_user_id = ? ORDER BY id",
    )
    .bind(app.user_id("health@demo.test").await)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "every assess call is audited");
    assert_eq!(rows[0], rows[1], "with the outcome only");
    assert!(!rows[0].contains("Daniela") && !rows[0].contains("1988"));
}

#[tokio::test]
async fn a_matching_referral_leaves_the_referrer_unable_to_read_the_case_until_confirmed() {
    let app = TestApp::start().await;
    let name = unique("Carmen Matched");
    let (case, reference) = known(&app, &name).await;
    let (health, h) = hospital(&app).await;

    // Known or not, the hospital's referral answers alike: a new case of its own.
    let matched = refer(&app, &health, &referral_of(h, &name, json!([]))).await;
    let unknown = refer(
        &app,
        &health,
        &referral_of(h, &unique("Carmen Unknown"), json!([])),
    )
    .await;
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&matched), keys(&unknown));
    assert_eq!(matched["existing_case"], false);
    assert_eq!(matched["criteria"], unknown["criteria"]);
    assert_ne!(matched["id"].as_i64(), Some(case));
    assert!(!matched.to_string().contains(&reference), "{matched}");
    let provisional = matched["id"].as_i64().unwrap();

    // The known case answers the hospital exactly like a case that does not exist.
    let hidden = get(&health, app.api(&format!("/cases/{case}"))).await;
    assert_eq!(hidden, get(&health, app.api("/cases/999999")).await);
    assert_eq!(hidden.0, 404);
    // Its own case it reads, and nothing there tells of the other one.
    for path in [
        format!("/cases/{provisional}"),
        format!("/cases/{provisional}/timeline"),
    ] {
        let (status, text) = get(&health, app.api(&path)).await;
        assert_eq!(status, 200, "{path}");
        assert!(!text.contains(&reference), "{path}: {text}");
        assert!(!text.to_lowercase().contains("match"), "{path}: {text}");
    }

    // The coordinator sees the pair and links them.
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let list = pending(&app, &coordinator).await;
    let m = list
        .iter()
        .find(|m| m["case_id"] == provisional)
        .expect("the match waits for the coordinator")
        .clone();
    assert_eq!(m["matched_case_id"], case);
    assert_eq!(m["matched_reference"], reference.as_str());
    assert!(
        !list.iter().any(|m| m["case_id"] == unknown["id"]),
        "an unknown victim is no match"
    );
    let linked = |notices: Value| {
        notices
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "referral_linked")
            .map(|n| n["reference"].clone())
            .collect::<Vec<_>>()
    };
    let notices = || async { json(health.get(app.api("/me/notices")).send().await.unwrap()).await };
    assert!(linked(notices().await).is_empty(), "nothing is told before");
    let r = decide(&app, &coordinator, &m["id"], "confirm").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["case_id"], case);
    // Its people are told, under the reference they now see.
    assert_eq!(linked(notices().await), [json!(reference)]);

    // Now the hospital is involved with the known case, and the provisional one is gone for all.
    let (status, _) = get(&health, app.api(&format!("/cases/{case}"))).await;
    assert_eq!(status, 200);
    for c in [&health, &coordinator] {
        let gone = get(c, app.api(&format!("/cases/{provisional}"))).await;
        assert_eq!(gone, get(c, app.api("/cases/999999")).await);
    }
    assert!(pending(&app, &coordinator)
        .await
        .iter()
        .all(|x| x["id"] != m["id"]));
}

#[tokio::test]
async fn confirming_a_match_merges_the_children_and_moves_the_referral_audited() {
    let app = TestApp::start().await;
    let name = unique("Irina Merged");
    let (case, _) = known(&app, &name).await;
    let (health, h) = hospital(&app).await;
    // A.B. a year older is the same child; C.D. is new.
    let children = json!([{ "initials": "AB", "age": 7 }, { "initials": "CD", "age": 2 }]);
    let provisional = refer(&app, &health, &referral_of(h, &name, children)).await["id"].clone();
    let chair = app.sign_in_as("chair@demo.test").await;
    let m = pending(&app, &chair)
        .await
        .into_iter()
        .find(|m| m["case_id"] == provisional)
        .unwrap();
    assert_eq!(
        decide(&app, &chair, &m["id"], "confirm").await.status(),
        StatusCode::OK
    );

    let detail = json(
        chair
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        detail["children_ages"],
        json!([7, 2]),
        "merged, not overwritten"
    );
    let referrals = detail["referrals"].as_array().unwrap();
    assert_eq!(referrals.len(), 2);
    assert_eq!(
        referrals[1]["referring_agency_name"],
        "County Emergency Hospital"
    );
    assert_eq!(
        referrals[1]["criteria"]["repeat"], true,
        "the moved referral repeats the known one"
    );
    let reasons: Vec<&Value> = detail["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["name"] == "County Emergency Hospital")
        .collect();
    assert_eq!(reasons[0]["reasons"], json!(["referring"]));

    let matches = audit_actions(&app, "case_match").await;
    let actions: Vec<&str> = matches.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(actions, ["hold", "confirm"]);
    assert!(matches[1].1.as_deref().unwrap().contains(&case.to_string()));
    let merges: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'merge' AND entity = 'case' AND entity_id = ?",
    )
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(merges, 1);
    // A decided match cannot be decided again.
    expect_error(
        decide(&app, &chair, &m["id"], "reject").await,
        409,
        "conflict",
    )
    .await;
}

#[tokio::test]
async fn rejecting_a_match_keeps_the_referral_as_a_case_of_its_own() {
    let app = TestApp::start().await;
    let name = unique("Sorina Apart");
    let (case, _) = known(&app, &name).await;
    let (health, h) = hospital(&app).await;
    let provisional = refer(&app, &health, &referral_of(h, &name, json!([]))).await["id"].clone();
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let m = pending(&app, &coordinator)
        .await
        .into_iter()
        .find(|m| m["case_id"] == provisional)
        .unwrap();
    expect_error(
        decide(&app, &coordinator, &m["id"], "maybe").await,
        422,
        "validation",
    )
    .await;
    let r = decide(&app, &coordinator, &m["id"], "reject").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["case_id"], provisional);

    let (status, timeline) = get(&health, app.api(&format!("/cases/{provisional}/timeline"))).await;
    assert_eq!(status, 200);
    assert!(!timeline.to_lowercase().contains("match"), "{timeline}");
    assert_eq!(
        get(&health, app.api(&format!("/cases/{case}"))).await.0,
        404
    );
    let actions: Vec<String> = audit_actions(&app, "case_match")
        .await
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(actions, ["hold", "reject"]);
    assert!(pending(&app, &coordinator).await.is_empty());
}

#[tokio::test]
async fn a_referrer_who_may_see_the_case_adds_to_it_at_once_and_its_children_are_kept() {
    let app = TestApp::start().await;
    let name = unique("Viorica Again");
    let (case, reference) = known(&app, &name).await;
    let police = app.sign_in_as("police@demo.test").await;
    let p = app.agency_id("County Police Inspectorate").await;
    let b = refer(
        &app,
        &police,
        &referral_of(p, &name, json!([{ "initials": "EF", "age": 3 }])),
    )
    .await;
    assert_eq!(b["existing_case"], true);
    assert_eq!(b["id"], case);
    assert_eq!(b["reference"], reference.as_str());
    let detail = json(
        police
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(detail["children_ages"], json!([6, 3]));
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    assert!(pending(&app, &coordinator).await.is_empty());
}

#[tokio::test]
async fn only_the_chair_and_coordinator_see_and_decide_matches() {
    let app = TestApp::start().await;
    let name = unique("Lucia Pending");
    known(&app, &name).await;
    let (health, h) = hospital(&app).await;
    refer(&app, &health, &referral_of(h, &name, json!([]))).await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let m = pending(&app, &coordinator).await[0].clone();
    for email in [
        "police@demo.test",
        "health@demo.test",
        "admin@demo.test",
        "observer@demo.test",
    ] {
        let c = app.sign_in_as(email).await;
        let r = c.get(app.api("/case-matches")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{email}");
        assert_eq!(
            decide(&app, &c, &m["id"], "confirm").await.status(),
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    assert_eq!(pending(&app, &coordinator).await.len(), 1, "still pending");
}
