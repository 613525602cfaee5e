//! The demo group in Romanian: `seed-demo --lang ro` writes the Cluj-Napoca group's own words.

use crate::common::{json, TestApp, PASSWORD};
use convene_server::seed::{self, texts};
use reqwest::Client;
use serde_json::Value;

async fn get(c: &Client, url: String) -> Value {
    json(c.get(url).send().await.unwrap()).await
}

/// The names of the agencies in an agency list, sorted, of those `keep` accepts.
fn agency_names(list: &Value, keep: impl Fn(&Value) -> bool) -> Vec<&str> {
    let mut names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| keep(a))
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    names.sort();
    names
}

/// Every English sentence of the demo (agency names and free text).
fn english_words() -> Vec<&'static str> {
    let en = &texts::EN;
    en.agencies
        .iter()
        .chain(en.reasons.iter())
        .chain(en.views.iter())
        .chain([
            &en.series_name,
            &en.place,
            &en.safe_contact,
            &en.lawful_basis,
        ])
        .copied()
        .collect()
}

#[tokio::test]
async fn the_demo_seeded_in_romanian_names_the_cluj_agencies_and_writes_its_cases_in_romanian() {
    let app = TestApp::start_in_language("ro").await;
    // The same demo as in English: only the words differ.
    assert_eq!(app.count("agencies").await, 15);
    assert_eq!(app.count("users").await, 10);
    assert_eq!(app.count("cases").await, 40);
    assert_eq!(app.count("meetings").await, 18);

    let admin = app.sign_in_as("admin@demo.test").await;
    let agencies = get(&admin, app.api("/agencies")).await;
    let names = agency_names(&agencies, |_| true);
    let mut romanian = texts::RO.agencies.to_vec();
    romanian.sort();
    assert_eq!(names, romanian);
    for name in [
        "Inspectoratul de Poliție Județean Cluj",
        "Direcția Generală de Asistență Socială și Protecția Copilului Cluj (DGASPC)",
        "Direcția de Asistență Socială și Medicală Cluj-Napoca (DASM)",
        "Parchetul de pe lângă Judecătoria Cluj-Napoca",
        "Serviciul de Probațiune Cluj",
        "Spitalul Clinic Județean de Urgență Cluj",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    assert_eq!(
        agency_names(&agencies, |a| a["children_only"] == true),
        [
            "Direcția Generală de Asistență Socială și Protecția Copilului Cluj (DGASPC)",
            "Inspectoratul Școlar Județean Cluj (ISJ)",
        ]
    );
    // The demo people keep their logins and their agencies.
    let me = get(&app.sign_in_as("police@demo.test").await, app.api("/me")).await;
    let police = agencies
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Inspectoratul de Poliție Județean Cluj")
        .unwrap();
    assert_eq!(me["agency_id"], police["id"], "{me}");

    // The cases: referred by the Cluj agencies, with the victims' views and the referrers'
    // reasons in Romanian.
    let chair = app.sign_in_as("chair@demo.test").await;
    let list = get(&chair, app.api("/cases")).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 40);
    let mut everything = String::new();
    let (mut views, mut reasons, mut bases) = (0, 0, 0);
    for case in list {
        let detail = get(&chair, app.api(&format!("/cases/{}", case["id"]))).await;
        for r in detail["referrals"].as_array().unwrap() {
            let agency = r["referring_agency_name"].as_str().unwrap();
            assert!(texts::RO.agencies.contains(&agency), "{agency}");
            if let Some(v) = r["victim_views"].as_str() {
                assert!(texts::RO.views.contains(&v), "{v}");
                views += 1;
            }
            if let Some(v) = r["judgement_reasons"].as_str() {
                assert!(texts::RO.reasons.contains(&v), "{v}");
                reasons += 1;
            }
            if let Some(v) = r["lawful_basis"].as_str() {
                assert_eq!(v, texts::RO.lawful_basis);
                bases += 1;
            }
        }
        everything.push_str(&detail.to_string());
    }
    assert!(
        views > 0 && reasons > 0 && bases > 0,
        "{views} {reasons} {bases}"
    );
    everything.push_str(&list.iter().map(Value::to_string).collect::<String>());

    // The meetings are held at Cluj-Napoca's city hall, by a series named in Romanian.
    let meetings = get(&chair, app.api("/meetings")).await;
    for m in meetings.as_array().unwrap() {
        assert_eq!(m["place"], texts::RO.place, "{m}");
    }
    everything.push_str(&meetings.to_string());
    let series: Vec<(String, String)> = sqlx::query_as("SELECT name, place FROM meeting_series")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        series,
        [(
            "Ședința lunară a grupului de intervenție interdisciplinară".to_string(),
            "Primăria Cluj-Napoca, sala 4".to_string()
        )]
    );

    everything.push_str(&agencies.to_string());
    for english in english_words() {
        assert!(
            !everything.contains(english),
            "English demo text {english:?} in the Romanian demo"
        );
    }
    assert!(
        !everything.contains(['ş', 'ţ']),
        "cedilla instead of comma below"
    );

    // Seeding again, even after the group's language changed back, adds nothing.
    seed::demo_language(&app.db, Some("en")).await.unwrap();
    seed::seed_demo(&app.db, Some(PASSWORD.into()))
        .await
        .unwrap();
    assert_eq!(app.count("agencies").await, 15);
    assert_eq!(app.count("cases").await, 40);
    assert_eq!(app.count("meetings").await, 18);
}

#[tokio::test]
async fn the_demo_seeded_in_english_keeps_its_english_words() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let agencies = get(&admin, app.api("/agencies")).await;
    let names = agency_names(&agencies, |_| true);
    let mut english = texts::EN.agencies.to_vec();
    english.sort();
    assert_eq!(names, english);
    assert!(names.contains(&"County Police Inspectorate"));
    let chair = app.sign_in_as("chair@demo.test").await;
    let meetings = get(&chair, app.api("/meetings")).await;
    assert_eq!(meetings[0]["place"], "City Hall, Room 4");
}
