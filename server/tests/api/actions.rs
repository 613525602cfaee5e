use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A case referred by the police (so the police are involved) and the coordinator's client.
async fn setup(app: &TestApp, name: &str) -> (i64, Client) {
    let (case, _) = app.refer_police_case(name, false).await;
    (case, app.sign_in_as("coordinator@demo.test").await)
}

async fn agree(app: &TestApp, c: &Client, body: Value) -> reqwest::Response {
    c.post(app.api("/actions"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn meeting(app: &TestApp, c: &Client, when: &str) -> i64 {
    json(
        c.post(app.api("/meetings"))
            .json(&json!({ "starts_at": when }))
            .send()
            .await
            .unwrap(),
    )
    .await["id"]
        .as_i64()
        .unwrap()
}

async fn set_status(app: &TestApp, c: &Client, id: i64, status: &str) {
    let r = c
        .patch(app.api(&format!("/meetings/{id}")))
        .json(&json!({ "status": status }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{status}");
}

async fn hold(app: &TestApp, c: &Client, id: i64) {
    c.post(app.api(&format!("/meetings/{id}/agenda/build")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        c.post(app.api(&format!("/meetings/{id}/publish")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    set_status(app, c, id, "in_session").await;
    set_status(app, c, id, "closed").await;
}

fn brought_back(agenda: &Value) -> Vec<i64> {
    let item = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "incomplete_actions")
        .unwrap();
    let mut ids: Vec<i64> = item["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn three_meetings_bring_back_unfinished_actions_and_escalate_the_one_carried_twice() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Ana Threemeetings").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let housing = app
        .agency_id("Municipal Social Assistance Directorate")
        .await;
    let m1 = meeting(&app, &c, "2031-05-06T09:00").await;
    let m2 = meeting(&app, &c, "2031-06-03T09:00").await;
    let m3 = meeting(&app, &c, "2031-07-01T09:00").await;

    // Meeting 1 agrees three actions.
    let mut ids = Vec::new();
    for (agency, kind, text) in [
        (
            police,
            "police_marker",
            "Flag the address for urgent response",
        ),
        (housing, "housing", "Find emergency accommodation"),
        (
            police,
            "safety_planning",
            "Review the safety plan with the advocate",
        ),
    ] {
        let r = agree(&app, &c, json!({ "case_id": case, "meeting_id": m1, "owner_agency_id": agency, "kind": kind, "text": text, "due_on": "2031-05-20" })).await;
        assert_eq!(r.status(), StatusCode::CREATED);
        ids.push(json(r).await["id"].as_i64().unwrap());
    }
    let (marker, housing_action, safety) = (ids[0], ids[1], ids[2]);
    hold(&app, &c, m1).await;

    // Between meetings the police mark theirs done.
    let member = app.sign_in_as("police@demo.test").await;
    let r = member
        .patch(app.api(&format!("/actions/{marker}")))
        .json(&json!({ "status": "done", "note": "Marker placed." }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["status"], "done");

    // Meeting 2 lists exactly the unfinished ones, with their history.
    let a2 = json(
        c.post(app.api(&format!("/meetings/{m2}/agenda/build")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(brought_back(&a2), vec![housing_action, safety]);
    let item = a2["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "incomplete_actions")
        .unwrap()
        .clone();
    let safety_row = item["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == safety)
        .unwrap()
        .clone();
    assert_eq!(safety_row["carried_over"], 1);
    assert!(!safety_row["history"].as_array().unwrap().is_empty());
    // At meeting 2: housing not done (a barrier), safety plan stays open with a new date.
    let r = c
        .patch(app.api(&format!("/actions/{housing_action}")))
        .json(&json!({ "status": "not_done_agency", "reason": "No emergency places in the city", "barrier": { "category": "resources_capacity", "text": "Shelter full" }, "meeting_id": m2 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    c.patch(app.api(&format!("/actions/{safety}")))
        .json(&json!({ "due_on": "2031-06-20", "reason": "Advocate on leave" }))
        .send()
        .await
        .unwrap();
    c.post(app.api(&format!("/meetings/{m2}/publish")))
        .send()
        .await
        .unwrap();
    set_status(&app, &c, m2, "in_session").await;
    set_status(&app, &c, m2, "closed").await;

    // Meeting 3: only the safety plan is back; closing with it still open escalates it.
    let a3 = json(
        c.post(app.api(&format!("/meetings/{m3}/agenda/build")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(brought_back(&a3), vec![safety]);
    c.post(app.api(&format!("/meetings/{m3}/publish")))
        .send()
        .await
        .unwrap();
    set_status(&app, &c, m3, "in_session").await;
    set_status(&app, &c, m3, "closed").await;
    let s = json(
        c.get(app.api(&format!("/actions/{safety}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s["carried_over"], 3);
    assert_eq!(s["escalated"], true);

    let report = json(
        c.get(app.api("/reports/actions?from=2031-01-01&to=2031-12-31"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let esc = report["escalations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action_id"] == safety)
        .unwrap()
        .clone();
    assert_eq!(esc["agency_name"], "County Police Inspectorate");
    assert!(esc["reference"].as_str().unwrap().starts_with("C-"));
    assert!(esc["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "Advocate on leave"));
    // The history keeps every change, never rewritten.
    let h = json(
        c.get(app.api(&format!("/actions/{housing_action}/history")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let last = h.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["from"].as_str(), last["to"].as_str()),
        (Some("open"), Some("not_done_agency"))
    );
    assert_eq!(last["reason"], "No emergency places in the city");
    assert_eq!(last["who"], "Elena Rusu");
    assert!(sqlx::query("UPDATE action_history SET reason = 'x'")
        .execute(&app.db)
        .await
        .is_err());
    // Notifications: the escalation reached the chair.
    let chair = app.sign_in_as("chair@demo.test").await;
    let n = json(
        chair
            .get(app.api("/me/notifications"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(n
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["kind"] == "escalated" && x["action_id"] == safety));
}

#[tokio::test]
async fn report_figures_match_a_hand_count() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Maria Figures").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let health = app.agency_id("County Emergency Hospital").await;
    let mut ids = Vec::new();
    // Due in March 2031: police 2 (1 done), health 2 (1 done, 1 not done); one due in April.
    for (agency, due) in [
        (police, "2031-03-05"),
        (police, "2031-03-10"),
        (health, "2031-03-15"),
        (health, "2031-03-20"),
        (health, "2031-04-02"),
    ] {
        let r = agree(&app, &c, json!({ "case_id": case, "owner_agency_id": agency, "kind": "other", "text": "Check in", "due_on": due })).await;
        ids.push(json(r).await["id"].as_i64().unwrap());
    }
    for id in [ids[0], ids[2]] {
        c.patch(app.api(&format!("/actions/{id}")))
            .json(&json!({ "status": "done" }))
            .send()
            .await
            .unwrap();
    }
    c.patch(app.api(&format!("/actions/{}", ids[3])))
        .json(&json!({ "status": "not_done_circumstances", "reason": "She moved away", "barrier": { "category": "victim_engagement" } }))
        .send()
        .await
        .unwrap();
    let r = json(
        c.get(app.api("/reports/actions?from=2031-03-01&to=2031-03-31"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r["due"], 4);
    assert_eq!(r["done"], 2);
    assert_eq!(r["completion_rate"], 50.0);
    let by = |name: &str| {
        r["by_agency"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["agency_name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            by("County Police Inspectorate")["due"].as_i64(),
            by("County Police Inspectorate")["done"].as_i64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(by("County Emergency Hospital")["completion_rate"], 50.0);
    assert_eq!(r["barriers"], json!([["victim_engagement", 1]]));
    assert!(r["median_days_to_done"].as_f64().unwrap() >= 0.0);
    // The barrier register groups the not-done outcome.
    let b = json(c.get(app.api("/barriers")).send().await.unwrap()).await;
    let g = b
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["category"] == "victim_engagement")
        .unwrap()
        .clone();
    assert_eq!(g["agency_name"], "County Emergency Hospital");
    assert_eq!(g["entries"][0]["reason"], "She moved away");
}

#[tokio::test]
async fn the_guard_refuses_anger_management_for_a_perpetrator() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Elena Guard").await;
    let probation = app.agency_id("Probation Service").await;
    let before = app.count("actions").await;
    let r = agree(&app, &c, json!({ "case_id": case, "owner_agency_id": probation, "kind": "perpetrator_programme_referral",
        "text": "Refer him to an Anger Management course", "due_on": "2031-01-10" })).await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["text"]
        .as_str()
        .unwrap()
        .contains("structured perpetrator programme"));
    assert_eq!(app.count("actions").await, before);
    let r = agree(&app, &c, json!({ "case_id": case, "owner_agency_id": probation, "kind": "perpetrator_programme_referral",
        "text": "Refer to the domestic abuse perpetrator programme", "due_on": "2031-01-10" })).await;
    assert_eq!(r.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_member_changes_only_their_own_agencys_actions_and_sees_only_visible_cases() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Ioana Owner").await;
    let health = app.agency_id("County Emergency Hospital").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let hospital_action = json(agree(&app, &c, json!({ "case_id": case, "owner_agency_id": health, "kind": "health", "text": "Follow-up appointment", "due_on": "2031-02-01" })).await).await["id"].as_i64().unwrap();
    let police_action = json(agree(&app, &c, json!({ "case_id": case, "owner_agency_id": police, "kind": "police_marker", "text": "Marker", "due_on": "2031-02-01" })).await).await["id"].as_i64().unwrap();
    // The hospital became involved through its action.
    let health_member = app.sign_in_as("health@demo.test").await;
    assert_eq!(
        health_member
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let r = health_member
        .patch(app.api(&format!("/actions/{police_action}")))
        .json(&json!({ "status": "done" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
    let r = health_member
        .patch(app.api(&format!("/actions/{hospital_action}")))
        .json(&json!({ "status": "in_progress", "note": "Booked for Monday" }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["status"], "in_progress");
    // Members cannot agree actions.
    let r = health_member.post(app.api("/actions")).json(&json!({ "case_id": case, "owner_agency_id": health, "kind": "health", "text": "x", "due_on": "2031-02-01" })).send().await.unwrap();
    expect_error(r, 403, "forbidden").await;
    // Probation sees neither the case nor its actions.
    let probation = app.sign_in_as("probation@demo.test").await;
    let list = json(
        probation
            .get(app.api(&format!("/actions?case_id={case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(list, json!([]));
    let hidden = probation
        .get(app.api(&format!("/actions/{police_action}")))
        .send()
        .await
        .unwrap();
    let missing = probation
        .get(app.api("/actions/999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), missing.status());
    assert_eq!(hidden.text().await.unwrap(), missing.text().await.unwrap());
    // Finished actions stay finished.
    c.patch(app.api(&format!("/actions/{police_action}")))
        .json(&json!({ "status": "done" }))
        .send()
        .await
        .unwrap();
    let r = c
        .patch(app.api(&format!("/actions/{police_action}")))
        .json(&json!({ "status": "open" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 409, "conflict").await;
}

#[tokio::test]
async fn repeating_an_action_that_ended_not_done_asks_what_is_different() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Alina Again").await;
    let social = app
        .agency_id("Municipal Social Assistance Directorate")
        .await;
    let first = json(agree(&app, &c, json!({ "case_id": case, "owner_agency_id": social, "kind": "housing", "text": "Housing application", "due_on": "2031-02-01" })).await).await["id"].as_i64().unwrap();
    c.patch(app.api(&format!("/actions/{first}")))
        .json(&json!({ "status": "not_done_agency", "reason": "Not followed up", "barrier": { "category": "resources_capacity" } }))
        .send()
        .await
        .unwrap();
    let again = json!({ "case_id": case, "owner_agency_id": social, "kind": "housing", "text": "Housing application", "due_on": "2031-03-01" });
    let e = expect_error(agree(&app, &c, again.clone()).await, 422, "validation").await;
    assert!(e["error"]["fields"]["what_is_different"].is_string());
    let mut with = again;
    with["what_is_different"] = json!("A named caseworker now owns it, with weekly check-ins.");
    assert_eq!(agree(&app, &c, with).await.status(), StatusCode::CREATED);
    // The case page lists both, for the group to see what was tried.
    let d = json(
        c.get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(d["actions"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_csv_export_escapes_formula_cells() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Raluca Csv").await;
    let police = app.agency_id("County Police Inspectorate").await;
    agree(&app, &c, json!({ "case_id": case, "owner_agency_id": police, "kind": "other", "text": "=HYPERLINK(\"http://evil.example\",\"x\")", "due_on": "2031-02-01" })).await;
    agree(&app, &c, json!({ "case_id": case, "owner_agency_id": police, "kind": "other", "text": "@SUM(1+1)", "due_on": "2031-02-01" })).await;
    let r = c
        .get(app.api(&format!("/actions.csv?case_id={case}")))
        .send()
        .await
        .unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = r.text().await.unwrap();
    assert!(text.starts_with("reference,agency,"));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        "{text}"
    );
    assert!(text.contains("\"'@SUM(1+1)\""));
    assert!(!text.contains(",\"=HYPERLINK"));
}

#[tokio::test]
async fn a_not_done_outcome_needs_a_reason_and_a_barrier() {
    let app = TestApp::start().await;
    let (case, c) = setup(&app, "Diana Reasons").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let id = json(agree(&app, &c, json!({ "case_id": case, "owner_agency_id": police, "kind": "other", "text": "Visit", "due_on": "2031-02-01" })).await).await["id"].as_i64().unwrap();
    let r = c
        .patch(app.api(&format!("/actions/{id}")))
        .json(&json!({ "status": "not_done_agency" }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    assert!(
        e["error"]["fields"]["reason"].is_string()
            && e["error"]["fields"]["barrier.category"].is_string()
    );
    let r = c
        .patch(app.api(&format!("/actions/{id}")))
        .json(&json!({ "status": "superseded", "reason": "Replaced", "superseded_by": 999999 }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    let h = json(
        c.get(app.api(&format!("/actions/{id}/history")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        h.as_array().unwrap().len(),
        1,
        "refused changes write nothing"
    );
}
