//! Case figures and the data return, counted by hand on cases made through the API in a
//! quarter long before the demo's (2019-Q2), so the demo's forty cases never count.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const Q: &str = "2019-Q2";

/// A referral on `on`: high risk on the checklist (15 "yes") unless `yes` says otherwise.
fn referral_on(agency: i64, victim: &str, on: &str, yes: usize, children: usize) -> Value {
    let checklist: Vec<&str> = (0..24)
        .map(|i| if i < yes { "yes" } else { "no" })
        .collect();
    let kids: Vec<Value> = (0..children)
        .map(|_| json!({ "initials": "AB", "age": 7 }))
        .collect();
    json!({
        "referred_on": on, "referring_agency_id": agency, "checklist": checklist,
        "incidents_last_12_months": 0,
        "victim": { "name": victim, "date_of_birth": "1990-01-01", "safe_to_contact": true },
        "children": kids,
        "consent": { "victim_informed": "yes", "consent_to_share": "given" },
    })
}

/// A further referral of a known case (no victim details).
fn again(agency: i64, on: &str, yes: usize) -> Value {
    let mut b = referral_on(agency, "", on, yes, 0);
    b.as_object_mut().unwrap().remove("victim");
    b
}

async fn refer(app: &TestApp, c: &Client, body: &Value) -> i64 {
    let r = c.post(app.api("/cases")).json(body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED, "referral refused");
    json(r).await["id"].as_i64().unwrap()
}

async fn refer_again(app: &TestApp, c: &Client, case: i64, body: &Value) -> Value {
    let r = c
        .post(app.api(&format!("/cases/{case}/referrals")))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED, "second referral refused");
    json(r).await
}

async fn put_figures(app: &TestApp, c: &Client, case: i64, body: Value) -> reqwest::Response {
    c.put(app.api(&format!("/cases/{case}/figures")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// A meeting at `at` (RFC 3339) with the case on its agenda.
async fn meeting_with(app: &TestApp, c: &Client, at: &str, case: i64) {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": at, "duration_minutes": 120, "place": "Room 4" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = json(r).await["id"].as_i64().unwrap();
    let r = c
        .patch(app.api(&format!("/meetings/{id}/agenda")))
        .json(&json!({ "operations": [{ "op": "add", "kind": "review", "case_id": case }] }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "agenda refused: {}", r.status());
}

fn figure<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["figures"].as_array().unwrap())
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no figure {key}"))
}

fn count(report: &Value, key: &str) -> i64 {
    figure(report, key)["count"].as_i64().unwrap()
}

struct Fixture {
    app: TestApp,
    coordinator: Client,
    /// Five new police referrals in the quarter (the first two with children).
    police: Vec<i64>,
    /// Referred 2018-05-10 and again exactly twelve months on: a repeat.
    repeat: i64,
    /// Referred 2018-04-01 and again a year and a day on: new.
    late: i64,
    /// Referred by the hospital.
    health: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::start().await;
    let police_c = app.sign_in_as("police@demo.test").await;
    let p = app.agency_id("County Police Inspectorate").await;
    let mut police = Vec::new();
    for (i, on) in [
        "2019-04-01",
        "2019-04-20",
        "2019-05-02",
        "2019-06-10",
        "2019-06-30",
    ]
    .iter()
    .enumerate()
    {
        let name = unique("Figures Victim");
        let kids = if i < 2 { i + 1 } else { 0 };
        police.push(refer(&app, &police_c, &referral_on(p, &name, on, 15, kids)).await);
    }
    let repeat = refer(
        &app,
        &police_c,
        &referral_on(p, &unique("Figures Repeat"), "2018-05-10", 15, 0),
    )
    .await;
    // Nothing but the repeat criterion: accepted only because it is a repeat.
    let b = refer_again(&app, &police_c, repeat, &again(p, "2019-05-10", 0)).await;
    assert_eq!(b["criteria"]["repeat"], true);
    let late = refer(
        &app,
        &police_c,
        &referral_on(p, &unique("Figures Late"), "2018-04-01", 15, 0),
    )
    .await;
    let b = refer_again(&app, &police_c, late, &again(p, "2019-04-02", 15)).await;
    assert_eq!(b["criteria"]["repeat"], false);
    let health_c = app.sign_in_as("health@demo.test").await;
    let hospital: i64 =
        sqlx::query_scalar("SELECT agency_id FROM users WHERE email = 'health@demo.test'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let health = refer(
        &app,
        &health_c,
        &referral_on(hospital, &unique("Figures Health"), "2019-06-15", 15, 0),
    )
    .await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    // Female: the five police cases (a cell of 5); rural: four of them (a cell of 4).
    for (i, case) in police.iter().enumerate() {
        let residence = if i < 4 { "rural" } else { "urban" };
        let r = put_figures(
            &app,
            &coordinator,
            *case,
            json!({ "gender": "female", "residence": residence, "violence": ["physical", "economic"] }),
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    Fixture {
        app,
        coordinator,
        police,
        repeat,
        late,
        health,
    }
}

async fn report(f: &Fixture, query: &str) -> Value {
    let r = f
        .coordinator
        .get(f.app.api(&format!("/reports/cases?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    json(r).await
}

#[tokio::test]
async fn the_quarters_figures_equal_a_hand_count_of_its_cases() {
    let f = fixture().await;
    let admin = f.app.sign_in_as("admin@demo.test").await;
    let r = admin
        .patch(f.app.api("/settings"))
        .json(&json!({ "adult_women": 80000 }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["adult_women"], 80000);
    // Local midnight (London summer time, UTC+1) opens and closes the quarter.
    meeting_with(&f.app, &f.coordinator, "2019-03-31T23:00:00Z", f.police[0]).await;
    meeting_with(&f.app, &f.coordinator, "2019-03-31T22:59:00Z", f.health).await;
    meeting_with(&f.app, &f.coordinator, "2019-06-30T22:59:00Z", f.police[1]).await;
    meeting_with(&f.app, &f.coordinator, "2019-06-30T23:00:00Z", f.late).await;
    let audits = f.app.count("audit_log").await;

    let r = report(&f, &format!("period={Q}")).await;
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("2019-04-01"), Some("2019-06-30"))
    );
    assert_eq!(
        count(&r, "discussed"),
        2,
        "only the meetings inside local midnights"
    );
    assert_eq!(count(&r, "referrals"), 8);
    assert_eq!(count(&r, "cases"), 8);
    assert_eq!(count(&r, "repeat"), 1);
    assert_eq!(count(&r, "new"), 7);
    assert_eq!(figure(&r, "repeat")["percent"], 12.5);
    assert_eq!(count(&r, "non-police"), 1);
    assert_eq!(r["non_police_percent"], 12.5);
    assert_eq!(count(&r, "children"), 2);
    assert_eq!(count(&r, "children-total"), 3);
    assert_eq!(count(&r, "gender-female"), 5);
    assert_eq!(count(&r, "gender-not_recorded"), 3);
    assert_eq!(count(&r, "residence-rural"), 4);
    assert_eq!(count(&r, "violence-economic"), 5);
    assert_eq!(count(&r, "risk-visible_high_risk"), 7);
    // 8 cases of 80,000 adult women.
    assert_eq!(r["per_10000_adult_women"], 1.0);
    // Referred on 1 April, met at its first minute (0 days); referred 20 April, met on
    // 30 June (71 days); referred again 2 April, met on 1 July, after the quarter (90 days).
    assert_eq!(r["average_days_to_meeting"], 53.7);
    assert!(
        f.app.count("audit_log").await > audits,
        "reading is audited"
    );

    // The same quarter as two days.
    let same = report(&f, "from=2019-04-01&to=2019-06-30").await;
    assert_eq!(count(&same, "referrals"), 8);
    // A quarter earlier holds the first referrals of the repeat and late cases only.
    let q1 = report(&f, "period=2019-Q1").await;
    assert_eq!(count(&q1, "referrals"), 0);

    // Each figure's list names the cases it counts.
    let r = f
        .coordinator
        .get(
            f.app
                .api(&format!("/reports/cases/list?period={Q}&figure=repeat")),
        )
        .send()
        .await
        .unwrap();
    let l = json(r).await;
    let ids: Vec<i64> = l["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [f.repeat]);
    assert!(l["cases"][0]["reference"]
        .as_str()
        .unwrap()
        .starts_with("C-"));
    let r = f
        .coordinator
        .get(
            f.app
                .api(&format!("/reports/cases/list?period={Q}&figure=discussed")),
        )
        .send()
        .await
        .unwrap();
    let l = json(r).await;
    let mut ids: Vec<i64> = l["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case_id"].as_i64().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, [f.police[0], f.police[1]]);
}

#[tokio::test]
async fn the_data_return_hides_cells_under_five_for_publication_and_parses_as_csv() {
    let f = fixture().await;
    // An agency name a spreadsheet would run as a formula.
    let admin = f.app.sign_in_as("admin@demo.test").await;
    let p = f.app.agency_id("County Police Inspectorate").await;
    let r = admin
        .patch(f.app.api(&format!("/agencies/{p}")))
        .json(&json!({ "name": "=HYPERLINK(\"http://x\")" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    let get = |version: &str| {
        f.coordinator
            .get(f.app.api(&format!(
                "/reports/data-return.csv?period={Q}&version={version}"
            )))
            .send()
    };
    let r = get("publication").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = r.text().await.unwrap();
    let rows = parse(&text);
    let value = |rows: &[Vec<String>], fig: &str, measure: &str| {
        rows.iter()
            .find(|r| r[4] == fig && r[6] == measure)
            .unwrap_or_else(|| panic!("no {fig} {measure}"))[7]
            .clone()
    };
    assert_eq!(rows[0][0], "period_from");
    assert_eq!(value(&rows, "gender-female", "count"), "5");
    assert_eq!(value(&rows, "residence-rural", "count"), "<5");
    assert_eq!(value(&rows, "residence-rural", "percent"), "<5");
    assert_eq!(value(&rows, "repeat", "count"), "<5");
    assert_eq!(value(&rows, "gender-male", "count"), "0");
    assert_eq!(value(&rows, "referrals", "count"), "8");
    // The agency's name is guarded, and no case reference is in the return.
    let agency = rows.iter().find(|r| r[4] == format!("agency-{p}")).unwrap();
    assert_eq!(agency[5], "'=HYPERLINK(\"http://x\")");
    assert!(!text.contains("C-20"), "no case references");

    let internal = parse(&get("internal").await.unwrap().text().await.unwrap());
    assert_eq!(value(&internal, "residence-rural", "count"), "4");
    assert_eq!(value(&internal, "repeat", "count"), "1");
    assert_eq!(internal[1][2], "internal");

    let r = f
        .coordinator
        .get(f.app.api(&format!(
            "/reports/data-return.json?period={Q}&version=internal"
        )))
        .send()
        .await
        .unwrap();
    let j = json(r).await;
    assert_eq!(j["from"], "2019-04-01");
    assert!(j["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["figure"] == "residence-rural" && r["value"] == "4"));
}

/// Every row, header first, as a standard CSV reader reads it.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn bad_figures_and_bad_periods_name_their_field_and_write_nothing() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("Figures Bad"), false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let audits = app.count("audit_log").await;
    let (figures, codes) = (
        app.count("case_figures").await,
        app.count("case_figure_codes").await,
    );
    let r = put_figures(
        &app,
        &c,
        case,
        json!({ "gender": "female", "relationship": "neighbour" }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e.to_string().contains("relationship"), "{e}");
    let r = put_figures(
        &app,
        &c,
        case,
        json!({ "violence": ["physical", "shouting"] }),
    )
    .await;
    let e = expect_error(r, 422, "validation").await;
    assert!(e.to_string().contains("violence"), "{e}");
    for q in [
        "period=2019-Q5",
        "from=2019-02-01&to=2019-01-01",
        "from=yesterday&to=2019-01-01",
    ] {
        let r = c
            .get(app.api(&format!("/reports/cases?{q}")))
            .send()
            .await
            .unwrap();
        expect_error(r, 422, "validation").await;
    }
    let r = c
        .get(app.api("/reports/data-return.csv?period=2019-Q2&version=raw"))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    assert!(e.to_string().contains("version"), "{e}");
    assert_eq!(app.count("case_figures").await, figures);
    assert_eq!(app.count("case_figure_codes").await, codes);
    assert_eq!(app.count("audit_log").await, audits, "nothing written");

    // A good one is kept and read back, and its audit row names fields, not values.
    let r = put_figures(
        &app,
        &c,
        case,
        json!({ "gender": "female", "measures": ["complaint_filed"] }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let v = json(
        c.get(app.api(&format!("/cases/{case}/figures")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(v["figures"]["gender"], "female");
    assert_eq!(v["figures"]["measures"], json!(["complaint_filed"]));
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'update_figures' AND entity_id = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(case.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(
        details.contains("gender") && !details.contains("female"),
        "{details}"
    );
}

#[tokio::test]
async fn members_without_rights_are_refused_as_the_policy_says() {
    let app = TestApp::start().await;
    let (case, _) = app
        .refer_police_case(&unique("Figures Rights"), false)
        .await;
    // Not involved: the case is not there for them, like one that does not exist.
    let health = app.sign_in_as("health@demo.test").await;
    for id in [case, 999_999] {
        let r = health
            .get(app.api(&format!("/cases/{id}/figures")))
            .send()
            .await
            .unwrap();
        expect_error(r, 404, "not_found").await;
    }
    // The referring police see the case but do not lead it: they may not change the figures.
    let police = app.sign_in_as("police@demo.test").await;
    let r = police
        .get(app.api(&format!("/cases/{case}/figures")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["may_update"], false);
    let r = put_figures(&app, &police, case, json!({ "gender": "female" })).await;
    expect_error(r, 403, "forbidden").await;
    // The report and the data return are the chair's and coordinator's.
    for path in [
        "/reports/cases?period=2019-Q2",
        "/reports/data-return.csv?period=2019-Q2",
        "/reports/cases/list?period=2019-Q2&figure=new",
    ] {
        let r = police.get(app.api(path)).send().await.unwrap();
        expect_error(r, 403, "forbidden").await;
    }
    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair
        .get(app.api("/reports/cases?period=2019-Q2"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_report_page_and_the_case_section_read_in_romanian() {
    let app = TestApp::start_in_language("ro").await;
    // The demo's agencies have Romanian names here: the police's is found through its member.
    let p: i64 = sqlx::query_scalar("SELECT agency_id FROM users WHERE email = 'police@demo.test'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let police = app.sign_in_as("police@demo.test").await;
    let case = refer(
        &app,
        &police,
        &referral_on(p, &unique("Figures Ro"), "2019-05-01", 15, 0),
    )
    .await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let page = c
        .get(app.url(&format!("/reports/cases?period={Q}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for words in [
        "Statistica cazurilor",
        "Referiri repetate",
        "Cazuri la 10.000 de femei adulte",
        "Descărcați raportarea periodică",
    ] {
        assert!(html.contains(words), "{words} missing");
    }
    assert!(
        html.contains("/reports/cases/list?from=2019-04-01&amp;to=2019-06-30&amp;figure=repeat")
            || html.contains("/reports/cases/list?from=2019-04-01&to=2019-06-30&figure=repeat")
    );
    let html = c
        .get(app.url(&format!("/cases/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Pentru statistici"));
    assert!(html.contains("Control coercitiv"));
    let reports = c
        .get(app.url("/reports"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(reports.contains("href=\"/reports/cases\""));
}

#[tokio::test]
async fn the_demo_fills_the_figures_of_most_cases_and_the_population() {
    let app = TestApp::start().await;
    let filled = app.count("case_figures").await;
    let cases = app.count("cases").await;
    assert!(
        filled * 4 >= cases * 3 && filled < cases,
        "{filled} of {cases}"
    );
    let admin = app.sign_in_as("admin@demo.test").await;
    let s = json(admin.get(app.api("/settings")).send().await.unwrap()).await;
    assert_eq!(s["adult_women"], 131500);
}

#[tokio::test]
async fn the_case_pages_form_saves_ticked_boxes_as_the_api_does() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("Figures Form"), false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let form = format!(
        "id={case}&form%5Bresidence%5D=rural&form%5Bgender%5D=&form%5Bdisability%5D=yes\
         &form%5Bviolence%5D%5Bcoercive_control%5D=on&form%5Bviolence%5D%5Bphysical%5D=on\
         &form%5Bchildren_in_household%5D=3"
    );
    let r = c
        .post(app.url(&sfn_path("save_case_figures")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let v = json(
        c.get(app.api(&format!("/cases/{case}/figures")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(v["figures"]["residence"], "rural");
    assert_eq!(v["figures"]["gender"], Value::Null);
    assert_eq!(v["figures"]["disability"], true);
    assert_eq!(
        v["figures"]["violence"],
        json!(["physical", "coercive_control"])
    );
    assert_eq!(v["figures"]["children_in_household"], 3);
    // No box ticked: the set is emptied.
    let r = c
        .post(app.url(&sfn_path("save_case_figures")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("id={case}&form%5Bresidence%5D=rural"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let v = json(
        c.get(app.api(&format!("/cases/{case}/figures")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(v["figures"]["violence"], json!([]));
}
