//! Who manages a case (and is told), the reminders of its deadlines, and the victim's contact
//! details: changed with a reason, audited without the values, and the "not safe to contact"
//! warning wherever the case is seen.

use crate::common::*;
use crate::live_client::session;
use reqwest::Client;
use serde_json::{json, Value};

async fn told(app: &TestApp, kind: &str, user: i64, case: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = ? AND user_id = ? AND case_id = ?")
        .bind(kind)
        .bind(user)
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn people(app: &TestApp, c: &Client, case: i64, body: Value) -> reqwest::Response {
    c.put(app.api(&format!("/cases/{case}/people")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn audit_rows(app: &TestApp, action: &str, case: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = 'case' AND entity_id = ?",
    )
    .bind(action)
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_coordinator_names_and_changes_the_case_manager_and_each_new_person_is_told() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("People Victim"), false).await;
    let police = app.user_id("police@demo.test").await;
    let coordinator = app.user_id("coordinator@demo.test").await;
    let c = app.sign_in_as("coordinator@demo.test").await;

    let r = people(&app, &c, case, json!({ "case_manager_id": police })).await;
    assert_eq!(r.status(), 200);
    let d = json(r).await;
    assert_eq!(d["case_manager"]["id"], police);
    assert!(d["case_responsible"].is_null());
    assert_eq!(told(&app, "case_manager_assigned", police, case).await, 1);

    // The PATCH does the same, and tells the responsible.
    let r = c
        .patch(app.api(&format!("/cases/{case}")))
        .json(&json!({ "case_responsible_id": police }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        told(&app, "case_responsible_assigned", police, case).await,
        1
    );

    // Saving the same people again tells nobody again.
    let r = people(
        &app,
        &c,
        case,
        json!({ "case_manager_id": police, "case_responsible_id": police }),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(told(&app, "case_manager_assigned", police, case).await, 1);
    assert_eq!(
        told(&app, "case_responsible_assigned", police, case).await,
        1
    );

    // The coordinator's agency becomes involved in the same change that names her.
    let social = app
        .agency_id("Municipal Social Assistance Directorate")
        .await;
    let r = c
        .patch(app.api(&format!("/cases/{case}")))
        .json(&json!({ "added_agency_ids": [social], "case_manager_id": coordinator }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    assert_eq!(
        told(&app, "case_manager_assigned", coordinator, case).await,
        1
    );
    let d = json(
        c.get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(d["case_manager"]["id"], coordinator);
    assert_eq!(d["case_responsible"]["id"], police);
}

#[tokio::test]
async fn a_person_outside_the_involved_agencies_is_refused_with_a_field_error_and_nothing_is_written(
) {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("People Victim"), false).await;
    let health = app.user_id("health@demo.test").await;
    let observer = app.user_id("observer@demo.test").await;
    let c = app.sign_in_as("chair@demo.test").await;
    let updates = audit_rows(&app, "update", case).await;

    let r = people(&app, &c, case, json!({ "case_manager_id": health })).await;
    let body = expect_error(r, 422, "validation").await;
    assert!(
        body["error"]["fields"]["case_manager_id"].is_string(),
        "{body}"
    );
    let r = c
        .patch(app.api(&format!("/cases/{case}")))
        .json(&json!({ "case_responsible_id": observer }))
        .send()
        .await
        .unwrap();
    let body = expect_error(r, 422, "validation").await;
    assert!(
        body["error"]["fields"]["case_responsible_id"].is_string(),
        "{body}"
    );

    let manager: Option<i64> = sqlx::query_scalar("SELECT case_manager_id FROM cases WHERE id = ?")
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(manager, None);
    assert_eq!(told(&app, "case_manager_assigned", health, case).await, 0);
    assert_eq!(audit_rows(&app, "update", case).await, updates);
}

#[tokio::test]
async fn a_member_of_an_uninvolved_agency_gets_not_found_for_the_people_and_the_contact_details() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("People Victim"), false).await;
    let c = app.sign_in_as("health@demo.test").await;
    let me = app.user_id("health@demo.test").await;
    let r = people(&app, &c, case, json!({ "case_manager_id": me })).await;
    expect_error(r, 404, "not_found").await;
    let r = c
        .put(app.api(&format!("/cases/{case}/contact")))
        .json(&json!({ "safe_to_contact": false, "reason_category": "correction", "reason": "x" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 404, "not_found").await;
    // An involved member who does not lead the case may not name its people.
    let police = app.sign_in_as("police@demo.test").await;
    let r = people(&app, &police, case, json!({ "case_manager_id": null })).await;
    expect_error(r, 403, "forbidden").await;
}

/// Runs the reminder job as the scheduler would, at `now`.
async fn remind_at(app: &TestApp, now: i64) {
    let mut tx = app.db.begin().await.unwrap();
    convene_app::cases::deadline_reminders::remind(&mut tx, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn the_deadline_job_reminds_the_case_manager_the_day_before_and_not_twice() {
    let app = TestApp::start().await;
    let (managed, _) = app
        .refer_police_case(&unique("Deadline Victim"), false)
        .await;
    let (unmanaged, _) = app
        .refer_police_case(&unique("Deadline Victim"), false)
        .await;
    let (done, _) = app
        .refer_police_case(&unique("Deadline Victim"), false)
        .await;
    let police = app.user_id("police@demo.test").await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let r = people(&app, &c, managed, json!({ "case_manager_id": police })).await;
    assert_eq!(r.status(), 200);
    let r = c
        .patch(app.api(&format!("/cases/{done}")))
        .json(&json!({ "initial_assessment_on": "2026-01-11" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // The 72 hours end at noon UTC: the day before is the day before in any European zone.
    let due = 1_804_766_400; // 2027-03-11T12:00:00Z
    sqlx::query("UPDATE referrals SET registered_at = ? WHERE case_id IN (?, ?, ?)")
        .bind(due - 72 * 3600)
        .bind(managed)
        .bind(unmanaged)
        .bind(done)
        .execute(&app.db)
        .await
        .unwrap();
    let reminders = |case| told(&app, "case_deadline_tomorrow", police, case);

    remind_at(&app, due - 48 * 3600).await;
    assert_eq!(reminders(managed).await, 0, "two days before is too early");
    remind_at(&app, due - 24 * 3600).await;
    assert_eq!(reminders(managed).await, 1);
    // Nobody manages this one: the agency that referred it (no lead yet) is told.
    assert_eq!(reminders(unmanaged).await, 1);
    assert_eq!(reminders(done).await, 0, "the assessment is done");
    remind_at(&app, due - 23 * 3600).await;
    remind_at(&app, due - 20 * 3600).await;
    assert_eq!(reminders(managed).await, 1, "once");
    let params: String = sqlx::query_scalar(
        "SELECT params FROM outbox WHERE kind = 'case_deadline_tomorrow' AND case_id = ?",
    )
    .bind(managed)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let params: Value = serde_json::from_str(&params).unwrap();
    assert_eq!(params["deadline"], "initial_assessment");
    assert_eq!(params["due"], "2027-03-11T12:00:00Z");

    // A closed case is reminded of nothing.
    let r = c
        .patch(app.api(&format!("/cases/{managed}")))
        .json(&json!({ "status": "closed", "closing_reason": "Risk reduced" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    remind_at(&app, due + 30 * 86400 - 72 * 3600 - 24 * 3600).await;
    assert_eq!(reminders(managed).await, 1);
    assert_eq!(
        reminders(unmanaged).await,
        2,
        "the intervention plan, the day before"
    );
}

async fn put_contact(app: &TestApp, c: &Client, case: i64, body: Value) -> reqwest::Response {
    c.put(app.api(&format!("/cases/{case}/contact")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn revealed(app: &TestApp, c: &Client, case: i64, field: &str) -> Value {
    let r = c
        .post(app.api(&format!("/cases/{case}/reveal")))
        .json(&json!({ "field": field, "reason": "Planning the safety call" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    json(r).await["value"].clone()
}

#[tokio::test]
async fn contact_details_change_only_with_a_reason_and_the_audit_log_never_holds_the_values() {
    let app = TestApp::start().await;
    let (case, _) = app
        .refer_police_case(&unique("Contact Victim"), false)
        .await;
    let police = app.sign_in_as("police@demo.test").await;
    let canary = unique("Canary Street 7");
    let why = unique("Canary reason");

    let r = put_contact(
        &app,
        &police,
        case,
        json!({ "safe_to_contact": false, "safe_contact": canary, "reason_category": "new_information" }),
    )
    .await;
    let body = expect_error(r, 422, "validation").await;
    assert!(body["error"]["fields"]["reason"].is_string(), "{body}");
    assert_eq!(audit_rows(&app, "update_contact", case).await, 0);
    assert_eq!(revealed(&app, &police, case, "safe_to_contact").await, true);

    let r = put_contact(
        &app,
        &police,
        case,
        json!({ "safe_to_contact": false, "safe_contact": canary,
                "reason_category": "new_information", "reason": why }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let done = json(r).await;
    assert_eq!(done["not_safe_to_contact"], true);
    assert_eq!(
        done["changed"],
        json!(["safe_to_contact", "victim_safe_contact"])
    );
    assert_eq!(
        revealed(&app, &police, case, "victim_safe_contact").await,
        canary
    );

    let (details, reason): (String, Option<String>) = sqlx::query_as(
        "SELECT details, reason FROM audit_log WHERE action = 'update_contact' AND entity_id = ?",
    )
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    let d: Value = serde_json::from_str(&details).unwrap();
    assert_eq!(d["reason_category"], "new_information");
    assert_eq!(d["reason_length"], why.chars().count());
    assert_eq!(
        d["changed"],
        json!(["safe_to_contact", "victim_safe_contact"])
    );
    assert_eq!(reason, None);
    let leaks: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE details LIKE ?1 OR reason LIKE ?1 OR details LIKE ?2 OR reason LIKE ?2",
    )
    .bind(format!("%{canary}%"))
    .bind(format!("%{why}%"))
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        leaks, 0,
        "neither the details nor the explanation are in the audit log"
    );

    // Everyone who sees the case sees the flag, and only the flag.
    for email in ["police@demo.test", "chair@demo.test"] {
        let c = app.sign_in_as(email).await;
        let text = c
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["not_safe_to_contact"], true, "{email}");
        assert!(!text.contains(&canary), "{email}");
    }
    let timeline = police
        .get(app.api(&format!("/cases/{case}/timeline")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(timeline.contains("Contact details changed"), "{timeline}");
    assert!(!timeline.contains(&canary) && !timeline.contains(&why));

    // Safe again, the details removed.
    let r = put_contact(
        &app,
        &police,
        case,
        json!({ "safe_to_contact": true, "clear_contact": true, "reason_category": "correction", "reason": "Recorded wrongly" }),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(json(r).await["not_safe_to_contact"], false);
    assert_eq!(
        revealed(&app, &police, case, "victim_safe_contact").await,
        Value::Null
    );
}

#[tokio::test]
async fn a_new_referral_of_a_known_victim_brings_her_contact_details_audited_without_them() {
    let app = TestApp::start().await;
    let victim = unique("Referred Victim");
    let (case, _) = app.refer_police_case(&victim, false).await;
    let police = app.sign_in_as("police@demo.test").await;
    let canary = unique("Canary Flat 3");
    let mut body = referral(
        app.agency_id("County Police Inspectorate").await,
        &victim,
        false,
    );
    body["referred_on"] = json!("2026-02-01");
    body["victim"]["safe_to_contact"] = json!(false);
    body["victim"]["safe_contact"] = json!(canary);
    let r = police
        .post(app.api("/cases"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let created = json(r).await;
    assert_eq!(created["existing_case"], true);
    assert_eq!(created["id"], case);
    let d = json(
        police
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(d["not_safe_to_contact"], true);
    assert_eq!(
        revealed(&app, &police, case, "victim_safe_contact").await,
        canary
    );
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'update_contact' AND entity_id = ?",
    )
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(
        details.contains("\"reason_category\":\"referral\""),
        "{details}"
    );
    assert!(!details.contains(&canary));
}

/// A published meeting with the case on its agenda; the live state as `email` sees it.
async fn live_state(app: &TestApp, case: i64, email: &str) -> (String, Value) {
    let c = app.sign_in_as("coordinator@demo.test").await;
    let r = c
        .post(app.api("/meetings"))
        .json(
            &json!({ "starts_at": "2027-06-01T09:00", "duration_minutes": 180, "place": "Room 4" }),
        )
        .send()
        .await
        .unwrap();
    let id = json(r).await["id"].as_i64().unwrap();
    for step in ["agenda/build", "publish"] {
        let r = c
            .post(app.api(&format!("/meetings/{id}/{step}")))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{step}");
    }
    let (_, viewer) = session(app, email).await;
    let r = viewer
        .post(app.api(&format!("/meetings/{id}/acknowledge")))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let text = viewer
        .get(app.api(&format!("/meetings/{id}/live/state")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let state: Value = serde_json::from_str(&text).unwrap();
    let item = state["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["case_id"] == case)
        .cloned()
        .expect("the case on the agenda");
    (text, item)
}

#[tokio::test]
async fn the_live_screen_carries_the_not_safe_to_contact_flag_without_the_details() {
    let app = TestApp::start().await;
    let (case, _) = app
        .refer_police_case(&unique("Live Contact Victim"), false)
        .await;
    let canary = unique("Canary Road 9");
    let police = app.sign_in_as("police@demo.test").await;
    let r = put_contact(
        &app,
        &police,
        case,
        json!({ "safe_to_contact": "no", "safe_contact": canary, "reason_category": "victim_request", "reason": "Asked by her advocate" }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let (text, item) = live_state(&app, case, "police@demo.test").await;
    assert_eq!(item["visible"], true);
    assert_eq!(item["not_safe_to_contact"], true);
    assert!(!text.contains(&canary));
    // Someone who sees only the case's reference learns nothing more of it.
    let (_, item) = live_state(&app, case, "health@demo.test").await;
    assert_eq!(item["visible"], false);
    assert_eq!(item["not_safe_to_contact"], false);
}

#[tokio::test]
async fn the_case_page_warns_in_romanian_without_the_details() {
    let app = TestApp::start_in_language("ro").await;
    // The demo's agencies have Romanian names here: the police's by its member.
    let agency: i64 =
        sqlx::query_scalar("SELECT agency_id FROM users WHERE email = 'police@demo.test'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let police = app.sign_in_as("police@demo.test").await;
    let r = police
        .post(app.api("/cases"))
        .json(&referral(agency, &unique("Pagina Victima"), false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let case = json(r).await["id"].as_i64().unwrap();
    let canary = unique("Strada Canar 5");
    let r = put_contact(
        &app,
        &police,
        case,
        json!({ "safe_to_contact": false, "safe_contact": canary, "reason_category": "new_information", "reason": "S-a mutat" }),
    )
    .await;
    assert_eq!(r.status(), 200);
    let page = police
        .get(app.url(&format!("/cases/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Nu poate fi contactată în siguranță"),
        "the warning"
    );
    assert!(
        !page.contains("Managerul de caz și responsabilul de caz"),
        "a member who does not lead the case is offered no people form"
    );
    assert!(
        page.contains("Schimbați datele de contact"),
        "the contact form's button"
    );
    assert!(!page.contains(&canary));
}
