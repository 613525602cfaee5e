use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A referral body: `yes` "yes" answers, then `unknown` "unknown", the rest "no".
fn body(yes: usize, unknown: usize, incidents: u32, referred_on: &str, agency: i64) -> Value {
    let checklist: Vec<&str> = (0..24)
        .map(|i| {
            if i < yes {
                "yes"
            } else if i < yes + unknown {
                "unknown"
            } else {
                "no"
            }
        })
        .collect();
    json!({
        "referred_on": referred_on,
        "referring_agency_id": agency,
        "checklist": checklist,
        "incidents_last_12_months": incidents,
        "children": [{ "initials": "AB", "age": 6 }],
        "consent": { "victim_informed": "yes", "consent_to_share": "given" },
        "victim_voice": { "views": "Wants to stay in the flat with the children." },
    })
}

fn with_victim(mut b: Value, name: &str, dob: &str) -> Value {
    b["victim"] = json!({ "name": name, "date_of_birth": dob, "safe_to_contact": false, "safe_contact": "Only via the advocate" });
    b["perpetrator"] = json!({ "name": "Vasile Suspect", "date_of_birth": "1980-01-01" });
    b
}

async fn refer(app: &TestApp, c: &Client, b: &Value) -> reqwest::Response {
    c.post(app.api("/cases")).json(b).send().await.unwrap()
}

/// A new case referred by the police; returns its id.
async fn police_case(app: &TestApp, name: &str) -> i64 {
    let police = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let r = refer(
        app,
        &police,
        &with_victim(body(15, 0, 0, "2026-01-10", agency), name, "1991-04-05"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    json(r).await["id"].as_i64().unwrap()
}

#[tokio::test]
async fn thirteen_yes_answers_are_not_visible_high_risk_and_fourteen_are() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let r = refer(
        &app,
        &c,
        &with_victim(
            body(14, 0, 0, "2026-01-10", agency),
            &unique("Ana"),
            "1990-01-01",
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let b = json(r).await;
    assert_eq!(b["criteria"]["dash_yes"], 14);
    assert_eq!(b["criteria"]["visible_high_risk"], true);
    assert_eq!(b["existing_case"], false);
    assert!(b["reference"].as_str().unwrap().starts_with("C-20"));

    // 13 yes and nothing else: no criterion, refused.
    let r = refer(
        &app,
        &c,
        &with_victim(
            body(13, 0, 0, "2026-01-10", agency),
            &unique("Ana"),
            "1990-01-01",
        ),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["criteria"]
        .as_str()
        .unwrap()
        .contains("none of the group's criteria"));
}

#[tokio::test]
async fn dont_know_answers_are_not_counted_as_yes() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let b = with_victim(
        body(13, 11, 3, "2026-01-10", agency),
        &unique("Maria"),
        "1990-01-01",
    );
    let r = json(refer(&app, &c, &b).await).await;
    assert_eq!(r["criteria"]["dash_yes"], 13);
    assert_eq!(r["criteria"]["visible_high_risk"], false);
    assert_eq!(r["criteria"]["potential_escalation"], true);
}

#[tokio::test]
async fn a_referral_meeting_no_criterion_is_refused_and_writes_nothing() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let before = (
        app.count("cases").await,
        app.count("referrals").await,
        app.count("audit_log").await,
    );
    let r = refer(
        &app,
        &c,
        &with_victim(
            body(5, 0, 2, "2026-01-10", agency),
            &unique("Elena"),
            "1990-01-01",
        ),
    )
    .await;
    expect_error(r, 422, "validation").await;
    let after = (
        app.count("cases").await,
        app.count("referrals").await,
        app.count("audit_log").await,
    );
    assert_eq!(before, after);
}

#[tokio::test]
async fn professional_judgement_adds_a_case_below_the_threshold() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let mut b = with_victim(
        body(4, 0, 0, "2026-01-10", agency),
        &unique("Irina"),
        "1990-01-01",
    );
    b["judgement_reasons"] = json!("Perpetrator released from custody and seen near her home.");
    let r = json(refer(&app, &c, &b).await).await;
    assert_eq!(r["criteria"]["professional_judgement"], true);
    assert_eq!(r["criteria"]["visible_high_risk"], false);
}

#[tokio::test]
async fn a_second_referral_exactly_a_year_later_is_a_repeat_and_a_day_later_is_not() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let first = json(
        refer(
            &app,
            &c,
            &with_victim(
                body(15, 0, 0, "2024-03-10", agency),
                "Oana Boundary",
                "1985-05-05",
            ),
        )
        .await,
    )
    .await;
    let id = first["id"].as_i64().unwrap();

    // A day too late, and nothing else: refused.
    let r = c
        .post(app.api(&format!("/cases/{id}/referrals")))
        .json(&body(0, 0, 0, "2025-03-11", agency))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    // On the same calendar date a year on: a repeat, which is enough on its own.
    let r = c
        .post(app.api(&format!("/cases/{id}/referrals")))
        .json(&body(0, 0, 0, "2025-03-10", agency))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let b = json(r).await;
    assert_eq!(b["criteria"]["repeat"], true);
    assert_eq!(b["existing_case"], true);
    assert_eq!(b["reference"], first["reference"]);
}

#[tokio::test]
async fn the_same_victim_typed_differently_is_added_to_her_existing_case() {
    let app = TestApp::start().await;
    let police = app.sign_in_as("police@demo.test").await;
    let p = app.agency_id("County Police Inspectorate").await;
    let first = json(
        refer(
            &app,
            &police,
            &with_victim(
                body(15, 0, 0, "2026-01-10", p),
                "Ioana Ștefănescu",
                "1992-07-08",
            ),
        )
        .await,
    )
    .await;
    let r = refer(
        &app,
        &police,
        &with_victim(
            body(15, 0, 0, "2026-02-01", p),
            "  IOANA   stefanescu ",
            "1992-07-08",
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let second = json(r).await;
    assert_eq!(second["existing_case"], true);
    assert_eq!(second["id"], first["id"]);
    assert_eq!(second["criteria"]["repeat"], true);
    assert_eq!(app.count("cases").await, 41, "40 demo cases and this one");

    let detail = json(
        police
            .get(app.api(&format!("/cases/{}", first["id"])))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(detail["referrals"].as_array().unwrap().len(), 2);

    // Same name, another date of birth: another person, another case.
    let third = json(
        refer(
            &app,
            &police,
            &with_victim(
                body(15, 0, 0, "2026-02-01", p),
                "Ioana Stefanescu",
                "1993-07-08",
            ),
        )
        .await,
    )
    .await;
    assert_eq!(third["existing_case"], false);
    assert_ne!(third["id"], first["id"]);
}

#[tokio::test]
async fn restricted_details_never_come_back_except_through_reveal() {
    let app = TestApp::start().await;
    let name = unique("Lavinia Secret");
    let id = police_case(&app, &name).await;
    let police = app.sign_in_as("police@demo.test").await;
    for path in [
        format!("/cases/{id}"),
        "/cases".to_string(),
        format!("/cases/{id}/timeline"),
    ] {
        let text = police
            .get(app.api(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!text.contains("Lavinia"), "{path} leaked the name");
        assert!(
            !text.contains("1991-04-05"),
            "{path} leaked the date of birth"
        );
        assert!(!text.contains("Vasile"), "{path} leaked the perpetrator");
    }
    let page = police
        .get(app.url(&format!("/cases/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Lavinia"), "the case page leaked the name");

    let r = police
        .post(app.api(&format!("/cases/{id}/reveal")))
        .json(&json!({ "field": "victim_name", "reason": " " }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["reason"].is_string());

    let r = police
        .post(app.api(&format!("/cases/{id}/reveal")))
        .json(&json!({ "field": "victim_name", "reason": "Calling her back about the protection order" }))
        .send()
        .await
        .unwrap();
    let v = json(r).await;
    assert_eq!(v["value"], name);
    let (reason, details): (String, String) = sqlx::query_as(
        "SELECT reason, details FROM audit_log WHERE action = 'reveal' AND entity = 'case' AND entity_id = ?",
    )
    .bind(id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(reason, "Calling her back about the protection order");
    assert!(details.contains("victim_name"));
    assert!(!details.contains("Lavinia"));
}

#[tokio::test]
async fn every_read_of_a_case_is_audited() {
    let app = TestApp::start().await;
    let id = police_case(&app, &unique("Ana Read")).await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let chair_id = app.user_id("chair@demo.test").await;
    chair
        .get(app.api(&format!("/cases/{id}")))
        .send()
        .await
        .unwrap();
    chair.get(app.api("/cases")).send().await.unwrap();
    let reads: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT action, entity_id FROM audit_log WHERE entity = 'case' AND actor_user_id = ? ORDER BY id",
    )
    .bind(chair_id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(reads[0], ("read".to_string(), Some(id.to_string())));
    assert_eq!(reads[1].0, "list");
}

#[tokio::test]
async fn need_to_know_decides_who_sees_a_case_and_others_get_the_same_404_as_for_none() {
    let app = TestApp::start().await;
    let id = police_case(&app, &unique("Simona Hidden")).await;
    let missing = 999_999;
    let probe = |c: Client, path: String| {
        let app_url = app.api(&path);
        async move {
            let r = c.get(app_url).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    for (email, sees) in [
        ("chair@demo.test", true),
        ("coordinator@demo.test", true),
        ("police@demo.test", true),
        ("health@demo.test", false),
        ("probation@demo.test", false),
        ("admin@demo.test", false),
        ("observer@demo.test", false),
    ] {
        let c = app.sign_in_as(email).await;
        for suffix in ["", "/timeline"] {
            let got = probe(c.clone(), format!("/cases/{id}{suffix}")).await;
            if sees {
                assert_eq!(got.0, 200, "{email} {suffix}");
            } else {
                let none = probe(c.clone(), format!("/cases/{missing}{suffix}")).await;
                assert_eq!(
                    got, none,
                    "{email} {suffix}: hidden must look exactly like missing"
                );
                assert_eq!(got.0, 404);
            }
        }
        if !sees {
            for (path, b) in [
                (
                    format!("/cases/{id}/reveal"),
                    json!({ "field": "victim_name", "reason": "curious" }),
                ),
                (
                    format!("/cases/{id}/referrals"),
                    body(15, 0, 0, "2026-02-01", 1),
                ),
            ] {
                let r = c.post(app.api(&path)).json(&b).send().await.unwrap();
                assert_eq!(r.status(), StatusCode::NOT_FOUND, "{email} POST {path}");
            }
            let r = c
                .patch(app.api(&format!("/cases/{id}")))
                .json(&json!({ "status": "active" }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{email} PATCH");
        }
    }
    let r = app
        .client()
        .get(app.api(&format!("/cases/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_agency_added_by_the_chair_comes_to_see_the_case() {
    let app = TestApp::start().await;
    let id = police_case(&app, &unique("Raluca Added")).await;
    let health = app.sign_in_as("health@demo.test").await;
    let listed = |v: &Value| v.as_array().unwrap().iter().any(|c| c["id"] == id);
    assert!(!listed(
        &json(health.get(app.api("/cases")).send().await.unwrap()).await
    ));

    let chair = app.sign_in_as("chair@demo.test").await;
    let hospital = app.agency_id("County Emergency Hospital").await;
    let r = chair
        .patch(app.api(&format!("/cases/{id}")))
        .json(&json!({ "added_agency_ids": [hospital] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        health
            .get(app.api(&format!("/cases/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert!(listed(
        &json(health.get(app.api("/cases")).send().await.unwrap()).await
    ));

    // The member now sees the case but may not decide who else does.
    let r = health
        .patch(app.api(&format!("/cases/{id}")))
        .json(&json!({ "added_agency_ids": [] }))
        .send()
        .await
        .unwrap();
    expect_error(r, 403, "forbidden").await;
}

#[tokio::test]
async fn admins_and_observers_cannot_list_cases() {
    let app = TestApp::start().await;
    for email in ["admin@demo.test", "observer@demo.test"] {
        let c = app.sign_in_as(email).await;
        expect_error(
            c.get(app.api("/cases")).send().await.unwrap(),
            403,
            "forbidden",
        )
        .await;
        let r = refer(
            &app,
            &c,
            &with_victim(body(15, 0, 0, "2026-01-10", 1), "X Y", "1990-01-01"),
        )
        .await;
        expect_error(r, 403, "forbidden").await;
    }
}

#[tokio::test]
async fn a_member_refers_only_for_their_own_agency() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let hospital = app.agency_id("County Emergency Hospital").await;
    let r = refer(
        &app,
        &c,
        &with_victim(
            body(15, 0, 0, "2026-01-10", hospital),
            &unique("Diana"),
            "1990-01-01",
        ),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["referring_agency_id"].is_string());
}

#[tokio::test]
async fn bad_referral_fields_are_named_and_a_future_date_is_refused() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let mut b = with_victim(body(15, 0, 0, "2999-01-01", agency), " ", "not a date");
    b["checklist"] = json!(["yes", "no"]);
    b["consent"] = json!({ "victim_informed": "yes", "consent_to_share": "refused" });
    b["children"] = json!([{ "initials": "A", "age": 25 }]);
    let e = expect_error(refer(&app, &c, &b).await, 422, "validation").await;
    for f in [
        "referred_on",
        "victim.name",
        "victim.date_of_birth",
        "checklist",
        "consent.lawful_basis",
        "children.0.age",
    ] {
        assert!(e["error"]["fields"][f].is_string(), "{f}: {e}");
    }
}

#[tokio::test]
async fn the_escalation_threshold_is_the_groups_setting() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "escalation_incidents": 5 }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["escalation_incidents"], 5);
    let c = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let r = json(
        c.post(app.api("/cases/assess"))
            .json(&body(0, 0, 4, "2026-01-10", agency))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r["criteria"]["potential_escalation"], false);
    let r = json(
        c.post(app.api("/cases/assess"))
            .json(&body(0, 0, 5, "2026-01-10", agency))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r["criteria"]["potential_escalation"], true);
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "escalation_incidents": 0 }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
}

#[tokio::test]
async fn assessing_a_referral_writes_only_its_audit_row_and_never_looks_the_victim_up() {
    let app = TestApp::start().await;
    police_case(&app, "Adriana Known").await;
    let c = app.sign_in_as("social@demo.test").await;
    let before = (app.count("cases").await, app.count("referrals").await);
    let mut b = with_victim(
        body(3, 0, 0, "2026-02-10", 1),
        "adriana  known",
        "1991-04-05",
    );
    b["checklist"].as_array_mut().unwrap().truncate(20);
    let r = json(
        c.post(app.api("/cases/assess"))
            .json(&b)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(r.get("existing_case").is_none(), "{r}");
    assert_eq!(r["criteria"]["repeat"], false, "decided on submit");
    assert_eq!(r["unanswered"], json!([21, 22, 23, 24]));
    assert_eq!(
        before,
        (app.count("cases").await, app.count("referrals").await)
    );
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'assess' AND actor_user_id = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(app.user_id("social@demo.test").await)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(details.contains("meets_no_criterion"), "{details}");
    assert!(!details.to_lowercase().contains("adriana"), "{details}");
    assert!(!details.contains("1991"), "{details}");
}

#[tokio::test]
async fn a_new_case_is_due_its_initial_assessment_and_overdue_after_seventy_two_hours() {
    let app = TestApp::start().await;
    let id = police_case(&app, &unique("Monica Deadline")).await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let d = json(
        chair
            .get(app.api(&format!("/cases/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(d["deadlines"]["initial_assessment"]["state"], "due");
    sqlx::query("UPDATE referrals SET registered_at = registered_at - 73 * 3600 WHERE case_id = ?")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    let list = json(
        chair
            .get(app.api("/cases?status=referred"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let c = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    assert_eq!(c["deadlines"]["initial_assessment"]["state"], "overdue");
    assert_eq!(c["deadlines"]["intervention_plan"]["state"], "due");

    let r = chair
        .patch(app.api(&format!("/cases/{id}")))
        .json(&json!({ "initial_assessment_on": "2026-01-11", "status": "active" }))
        .send()
        .await
        .unwrap();
    let d = json(r).await;
    assert_eq!(d["deadlines"]["initial_assessment"]["state"], "done");
    assert_eq!(d["status"], "active");
}

#[tokio::test]
async fn the_demo_group_has_forty_cases_a_third_repeats_and_children_in_more_than_half() {
    let app = TestApp::start().await;
    assert_eq!(app.count("cases").await, 40);
    let repeats: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT case_id) FROM referrals WHERE is_repeat = 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!((10..=16).contains(&repeats), "{repeats} repeats");
    let with_children: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT case_id) FROM case_children")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(with_children > 20, "{with_children} with children");
    let none_met: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM referrals WHERE visible_high_risk + professional_judgement + potential_escalation + is_repeat = 0",
    ).fetch_one(&app.db).await.unwrap();
    assert_eq!(none_met, 0);
    convene_server::seed::seed_demo(&app.db, Some(PASSWORD.into()))
        .await
        .unwrap();
    assert_eq!(app.count("cases").await, 40, "seeding twice adds nothing");
}
