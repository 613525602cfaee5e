use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A meeting far ahead of the demo data, scheduled by the coordinator.
async fn meeting(app: &TestApp, c: &Client, starts_at: &str, minutes: u32) -> i64 {
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": starts_at, "duration_minutes": minutes, "place": "Room 4" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    json(r).await["id"].as_i64().unwrap()
}

/// A case referred now by the police, with or without children.
async fn build(app: &TestApp, c: &Client, id: i64) -> Value {
    let r = c
        .post(app.api(&format!("/meetings/{id}/agenda/build")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    json(r).await
}

fn kinds(agenda: &Value) -> Vec<String> {
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["removed"] == false)
        .map(|i| i["kind"].as_str().unwrap().to_string())
        .collect()
}

fn item_for(agenda: &Value, case: i64) -> Option<Value> {
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["case_id"] == case)
        .cloned()
}

/// Publishes, starts and closes a meeting (as the coordinator).
async fn hold(app: &TestApp, c: &Client, id: i64) {
    assert_eq!(
        c.post(app.api(&format!("/meetings/{id}/publish")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    for status in ["in_session", "closed"] {
        let r = c
            .patch(app.api(&format!("/meetings/{id}")))
            .json(&json!({ "status": status }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{status}");
    }
}

#[tokio::test]
async fn the_agenda_is_built_in_safelives_order_with_children_first_and_no_names() {
    let app = TestApp::start().await;
    let (with, _) = app.refer_police_case("Oana Childcase", true).await;
    let (without, _) = app.refer_police_case("Oana Nochild", false).await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &coordinator, "2030-03-05T09:00", 180).await;
    let agenda = build(&app, &coordinator, id).await;
    let k = kinds(&agenda);
    assert_eq!(
        &k[..3],
        ["confidentiality", "previous_minutes", "incomplete_actions"]
    );
    assert_eq!(&k[k.len() - 2..], ["barriers", "aob"]);
    let rank = |kind: &str| {
        [
            "confidentiality",
            "previous_minutes",
            "incomplete_actions",
            "new_case_children",
            "new_case",
            "review",
            "twelve_month_notice",
            "barriers",
            "aob",
        ]
        .iter()
        .position(|x| *x == kind)
        .unwrap()
    };
    assert!(k.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "{k:?}");
    assert_eq!(
        item_for(&agenda, with).unwrap()["kind"],
        "new_case_children"
    );
    assert_eq!(item_for(&agenda, without).unwrap()["kind"], "new_case");
    let text = agenda.to_string();
    assert!(!text.contains("Oana"), "names never appear on an agenda");
    assert_eq!(agenda["meeting"]["status"], "draft");
}

#[tokio::test]
async fn the_twelve_month_notice_comes_on_the_anniversary_of_the_last_discussion_and_not_before() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case("Ana Anniversary", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let held = meeting(&app, &c, "2030-03-10T09:00", 180).await;
    assert!(item_for(&build(&app, &c, held).await, case).is_some());
    hold(&app, &c, held).await;

    let day_before = meeting(&app, &c, "2031-03-09T09:00", 180).await;
    let anniversary = meeting(&app, &c, "2031-03-10T09:00", 180).await;
    assert!(
        item_for(&build(&app, &c, day_before).await, case).is_none(),
        "not 12 months yet"
    );
    let a = build(&app, &c, anniversary).await;
    assert_eq!(item_for(&a, case).unwrap()["kind"], "twelve_month_notice");
}

#[tokio::test]
async fn the_time_budget_gives_the_expected_end_and_warns_of_an_overrun() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2030-06-04T09:00", 60).await;
    let a = build(&app, &c, id).await;
    let start = a["meeting"]["starts_at_unix"].as_i64().unwrap();
    let total: i64 = a["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["minutes"].as_i64().unwrap())
        .sum();
    assert_eq!(a["expected_end_unix"].as_i64().unwrap(), start + total * 60);
    assert_eq!(a["overrun_minutes"].as_i64().unwrap(), total - 60);
    // Each item starts when the one before ends.
    let items = a["items"].as_array().unwrap();
    assert_eq!(
        items[1]["starts_unix"].as_i64().unwrap(),
        start + items[0]["minutes"].as_i64().unwrap() * 60
    );
    // Cutting every item to nothing removes the overrun.
    let ops: Vec<Value> = items
        .iter()
        .map(|i| json!({ "op": "set_minutes", "item_id": i["id"], "minutes": 0 }))
        .collect();
    let a = json(
        c.patch(app.api(&format!("/meetings/{id}/agenda")))
            .json(&json!({ "operations": ops }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a["overrun_minutes"], 0);
    assert_eq!(a["expected_end_unix"].as_i64().unwrap(), start);
}

#[tokio::test]
async fn rebuilding_keeps_the_coordinators_changes_and_adds_what_is_new() {
    let app = TestApp::start().await;
    let (first, _) = app.refer_police_case("Ioana First", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2030-09-03T09:00", 180).await;
    let a = build(&app, &c, id).await;
    let aob = a["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "aob")
        .unwrap()["id"]
        .clone();
    let case_item = item_for(&a, first).unwrap()["id"].clone();
    let barriers = a["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "barriers")
        .unwrap()["id"]
        .clone();
    let ops = json!({ "operations": [
        { "op": "move", "item_id": aob, "position": 1 },
        { "op": "remove", "item_id": case_item, "reason": "Discussed at an extraordinary meeting" },
        { "op": "set_minutes", "item_id": barriers, "minutes": 25 },
    ]});
    let r = c
        .patch(app.api(&format!("/meetings/{id}/agenda")))
        .json(&ops)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    let (second, _) = app.refer_police_case("Ioana Second", true).await;
    let a = build(&app, &c, id).await;
    let items = a["items"].as_array().unwrap();
    assert_eq!(items[0]["kind"], "aob", "the move is kept");
    let removed = item_for(&a, first).unwrap();
    assert_eq!(removed["removed"], true, "the removal is kept");
    assert_eq!(
        removed["removed_reason"],
        "Discussed at an extraordinary meeting"
    );
    assert_eq!(
        items.iter().find(|i| i["kind"] == "barriers").unwrap()["minutes"],
        25,
        "the time is kept"
    );
    assert_eq!(
        item_for(&a, second).unwrap()["kind"],
        "new_case_children",
        "the new case is added"
    );
    // Removing needs a reason.
    let r = c
        .patch(app.api(&format!("/meetings/{id}/agenda")))
        .json(&json!({ "operations": [{ "op": "remove", "item_id": barriers, "reason": " " }] }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
}

#[tokio::test]
async fn an_item_deferred_moves_to_the_next_meeting() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case("Elena Deferred", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let first = meeting(&app, &c, "2030-10-01T09:00", 180).await;
    let next = meeting(&app, &c, "2030-10-29T09:00", 180).await;
    let item = item_for(&build(&app, &c, first).await, case).unwrap()["id"].clone();
    let a = json(
        c.patch(app.api(&format!("/meetings/{first}/agenda")))
            .json(&json!({ "operations": [{ "op": "defer", "item_id": item }] }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(item_for(&a, case).unwrap()["deferred_to"], next);
    let n = json(
        c.get(app.api(&format!("/meetings/{next}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(item_for(&n, case).unwrap()["removed"], false);
}

#[tokio::test]
async fn members_see_an_agenda_once_published_and_later_changes_as_changes() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2030-11-05T09:00", 180).await;
    build(&app, &c, id).await;
    let member = app.sign_in_as("health@demo.test").await;
    expect_error(
        member
            .get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    let r = c
        .post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    assert!(json(r).await["meeting"]["agenda_published_at"].is_string());
    let a = json(
        member
            .get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a["changes_since_publication"].as_array().unwrap().len(), 0);
    c.patch(app.api(&format!("/meetings/{id}/agenda")))
        .json(&json!({ "operations": [{ "op": "add", "kind": "other", "title": "Housing protocol update", "minutes": 5 }] }))
        .send()
        .await
        .unwrap();
    let a = json(
        member
            .get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let changes = a["changes_since_publication"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert!(changes[0]["description"]
        .as_str()
        .unwrap()
        .contains("Housing protocol update"));
    assert_eq!(
        a["marking"],
        "RESTRICTED — do not share without the agreement of the agencies concerned"
    );
    assert_eq!(a["viewer"], "Carmen Vlad");
    // Publishing twice is refused.
    expect_error(
        c.post(app.api(&format!("/meetings/{id}/publish")))
            .send()
            .await
            .unwrap(),
        409,
        "conflict",
    )
    .await;
}

#[tokio::test]
async fn an_uninvolved_member_sees_the_item_but_not_the_case_details() {
    let app = TestApp::start().await;
    let (case, reference) = app.refer_police_case("Diana Needtoknow", true).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2030-12-03T09:00", 180).await;
    build(&app, &c, id).await;
    c.post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    let police = app.sign_in_as("police@demo.test").await;
    let probation = app.sign_in_as("probation@demo.test").await;
    let p = item_for(
        &json(
            police
                .get(app.api(&format!("/meetings/{id}/agenda")))
                .send()
                .await
                .unwrap(),
        )
        .await,
        case,
    )
    .unwrap();
    assert_eq!(p["details"]["children_count"], 1);
    assert_eq!(
        p["details"]["referring_agencies"],
        json!(["County Police Inspectorate"])
    );
    let q = item_for(
        &json(
            probation
                .get(app.api(&format!("/meetings/{id}/agenda")))
                .send()
                .await
                .unwrap(),
        )
        .await,
        case,
    )
    .unwrap();
    assert_eq!(q["reference"], reference.as_str());
    assert!(q["details"].is_null());
    assert_eq!(q["research"], json!([]));
}

#[tokio::test]
async fn in_session_case_details_wait_for_the_confidentiality_acknowledgement() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case("Mihaela Gate", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-01-07T09:00", 180).await;
    build(&app, &c, id).await;
    c.post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    c.patch(app.api(&format!("/meetings/{id}")))
        .json(&json!({ "status": "in_session" }))
        .send()
        .await
        .unwrap();
    let chair = app.sign_in_as("chair@demo.test").await;
    let a = json(
        chair
            .get(app.api(&format!("/meetings/{id}/agenda")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a["must_acknowledge"], true);
    assert!(item_for(&a, case).unwrap()["details"].is_null());
    let a = json(
        chair
            .post(app.api(&format!("/meetings/{id}/acknowledge")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a["must_acknowledge"], false);
    assert!(item_for(&a, case).unwrap()["details"].is_object());
    let register = json(
        chair
            .get(app.api(&format!("/meetings/{id}/attendance")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let row = register
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Maria Popescu")
        .unwrap()
        .clone();
    assert_eq!(row["status"], "present");
    assert!(row["acknowledged_at"].is_string());
    // An observer attending and acknowledging sees the case; outside the meeting they do not.
    let observer = app.sign_in_as("observer@demo.test").await;
    let a = json(
        observer
            .post(app.api(&format!("/meetings/{id}/acknowledge")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(item_for(&a, case).unwrap()["details"].is_object());
    expect_error(
        observer
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn research_returns_fill_the_grid_and_involve_an_agency_that_holds_information() {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case("Alina Research", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-02-04T09:00", 180).await;
    build(&app, &c, id).await;
    c.post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    let probation = app.sign_in_as("probation@demo.test").await;
    expect_error(
        probation
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    let r = probation
        .put(app.api(&format!("/meetings/{id}/research/{case}")))
        .json(&json!({ "state": "holds", "body_md": "Perpetrator on licence until **2027**; <script>alert(1)</script>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let b = json(r).await;
    let html = b["returns"][0]["body_html"].as_str().unwrap();
    assert!(html.contains("<strong>2027</strong>"));
    assert!(!html.contains("<script"), "{html}");
    let health = app.sign_in_as("health@demo.test").await;
    let r = health
        .put(app.api(&format!("/meetings/{id}/research/{case}")))
        .json(&json!({ "state": "no_trace" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // Holding information makes probation involved; "no trace" does not involve the hospital.
    assert_eq!(
        probation
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    expect_error(
        health
            .get(app.api(&format!("/cases/{case}")))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;

    let grid = json(
        c.get(app.api(&format!("/meetings/{id}/research")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let names: Vec<String> = grid["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[1].as_str().unwrap().to_string())
        .collect();
    let row = grid["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["case_id"] == case)
        .unwrap()
        .clone();
    let at = |n: &str| row["states"][names.iter().position(|x| x == n).unwrap()].clone();
    assert_eq!(at("Probation Service"), "holds");
    assert_eq!(at("County Emergency Hospital"), "no_trace");
    assert!(at("Women's Shelter").is_null());
    // Holds needs words; another agency's return is not a member's to write.
    let r = health
        .put(app.api(&format!("/meetings/{id}/research/{case}")))
        .json(&json!({ "state": "holds" }))
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    let r = health
        .put(app.api(&format!("/meetings/{id}/research/{case}")))
        .json(
            &json!({ "state": "no_trace", "agency_id": app.agency_id("Probation Service").await }),
        )
        .send()
        .await
        .unwrap();
    expect_error(r, 422, "validation").await;
    expect_error(
        health
            .get(app.api(&format!("/meetings/{id}/research")))
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn the_meeting_file_and_the_personal_feed_are_valid_icalendar_without_case_data() {
    let app = TestApp::start().await;
    let (_, reference) = app.refer_police_case("Roxana Calendar", false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-03-04T09:00", 180).await;
    build(&app, &c, id).await;
    let r = c
        .get(app.api(&format!("/meetings/{id}.ics")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let text = r.text().await.unwrap();
    let events = ics_events(&text);
    let event = events.first().expect("an event");
    let prop = |n: &str| event.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    assert_eq!(prop("DTSTART").as_deref(), Some("20310304T090000Z"));
    assert_eq!(prop("LOCATION").as_deref(), Some("Room 4"));
    assert!(!text.contains(&reference) && !text.contains("Roxana"));

    let member = app.sign_in_as("social@demo.test").await;
    let path = json(member.get(app.api("/me/calendar")).send().await.unwrap()).await["path"]
        .as_str()
        .unwrap()
        .to_string();
    let feed = app.client().get(app.url(&path)).send().await.unwrap();
    assert_eq!(
        feed.status(),
        StatusCode::OK,
        "the secret link needs no session"
    );
    let feed = feed.text().await.unwrap();
    assert!(ics_events(&feed).len() >= 4);
    assert!(!feed.contains("C-20"));
    // A renewed link retires the old one.
    member.post(app.api("/me/calendar")).send().await.unwrap();
    assert_eq!(
        app.client()
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.client()
            .get(app.api("/calendar/not-a-real-token-at-all.ics"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn members_send_their_own_apologies_and_only_the_coordinator_records_presence() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let id = meeting(&app, &c, "2031-04-01T09:00", 180).await;
    build(&app, &c, id).await;
    c.post(app.api(&format!("/meetings/{id}/publish")))
        .send()
        .await
        .unwrap();
    let member = app.sign_in_as("children@demo.test").await;
    let me = app.user_id("children@demo.test").await;
    let other = app.user_id("police@demo.test").await;
    let r = member
        .put(app.api(&format!("/meetings/{id}/attendance")))
        .json(&json!({ "entries": [{ "user_id": me, "status": "apologies_info_sent" }] }))
        .send()
        .await
        .unwrap();
    let rows = json(r).await;
    assert_eq!(
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["user_id"] == me)
            .unwrap()["status"],
        "apologies_info_sent"
    );
    for (user, status) in [(other, "apologies"), (me, "present")] {
        let r = member
            .put(app.api(&format!("/meetings/{id}/attendance")))
            .json(&json!({ "entries": [{ "user_id": user, "status": status }] }))
            .send()
            .await
            .unwrap();
        expect_error(r, 422, "validation").await;
    }
    let r = c
        .put(app.api(&format!("/meetings/{id}/attendance")))
        .json(&json!({ "entries": [{ "user_id": other, "status": "present" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The continuity report counts the demo year's meetings.
    let report = json(c.get(app.api("/reports/attendance")).send().await.unwrap()).await;
    let police = report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["agency_name"] == "County Police Inspectorate")
        .unwrap()
        .clone();
    assert!(police["meetings_held"].as_i64().unwrap() >= 12);
    assert_eq!(police["meetings_attended"], police["meetings_held"]);
    assert_eq!(police["people"][0][0], "Andrei Marin");
}

#[tokio::test]
async fn moving_a_meeting_onto_the_start_of_another_in_its_series_is_refused_on_starts_at() {
    let app = TestApp::start().await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let res = c
        .post(app.api("/meeting-series"))
        .json(
            &json!({ "name": unique("Series"), "every_weeks": 1, "first_date": "2033-03-07",
            "start_time": "10:00", "duration_minutes": 120 }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let meetings = json(res).await;
    let (first, second) = (&meetings[0], &meetings[1]);
    let res = c
        .patch(app.api(&format!("/meetings/{}", second["id"])))
        .json(&json!({ "starts_at": first["starts_at"] }))
        .send()
        .await
        .unwrap();
    let body = expect_error(res, 422, "validation").await;
    assert_eq!(
        body["error"]["fields"]["starts_at"],
        "Another meeting of this series already starts at that time.",
        "{body}"
    );
}
