use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

async fn sign_in_page(app: &TestApp, accept: &str) -> String {
    let r = app
        .client()
        .get(app.url("/sign-in"))
        .header("accept-language", accept)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.text().await.unwrap()
}

#[tokio::test]
async fn the_sign_in_page_speaks_the_browser_s_language_from_the_first_byte() {
    let app = TestApp::start().await;
    let ro = sign_in_page(&app, "ro-RO,ro;q=0.9,en;q=0.5").await;
    assert!(ro.contains(r#"<html lang="ro""#), "{ro}");
    assert!(ro.contains("<h1>Autentificare</h1>"));
    assert!(ro.contains("Adresa de e-mail"));
    let en = sign_in_page(&app, "de-DE,en;q=0.5").await;
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("<h1>Sign in</h1>"));
}

#[tokio::test]
async fn the_switch_sets_the_language_for_this_device_and_goes_back() {
    let app = TestApp::start().await;
    let c = app.client();
    let r = c
        .post(app.api("/language"))
        .header("origin", app.url(""))
        .form(&[("language", "ro"), ("back", "/sign-in")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/sign-in");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("convene_lang=ro;"), "{cookie}");
    // The choice beats the browser's.
    let page = c
        .get(app.url("/sign-in"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>Autentificare</h1>"));
}

#[tokio::test]
async fn the_switch_goes_back_only_to_a_page_of_this_site() {
    let app = TestApp::start().await;
    for back in ["//evil.example/x", "https://evil.example/", "\\\\evil"] {
        let r = app
            .client()
            .post(app.api("/language"))
            .form(&[("language", "en"), ("back", back)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{back}");
        assert_eq!(r.headers()["location"], "/", "{back}");
    }
}

#[tokio::test]
async fn an_unknown_language_is_refused_by_name_and_nothing_is_kept() {
    let app = TestApp::start().await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let audit = app.count("audit_log").await;
    let r = chair
        .post(app.api("/language"))
        .json(&json!({ "language": "xx" }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["language"].is_string());
    assert_eq!(app.count("audit_log").await, audit);
}

#[tokio::test]
async fn a_signed_in_person_s_language_follows_them_to_another_device() {
    let app = TestApp::start().await;
    let laptop = app.sign_in_as("social@demo.test").await;
    let r = laptop
        .post(app.api("/language"))
        .json(&json!({ "language": "ro" }))
        .send()
        .await
        .unwrap();
    assert_eq!(json(r).await["language"], "ro");
    let user = app.user_id("social@demo.test").await;
    let kept: Option<String> = sqlx::query_scalar("SELECT language FROM users WHERE id = ?")
        .bind(user)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("ro"));
    let (audited,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE actor_user_id = ? AND action = 'update' AND entity = 'user' AND details LIKE '%language%'",
    )
    .bind(user)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // A new device, a browser asking for English: the account's choice wins.
    let tablet = app.sign_in_as("social@demo.test").await;
    let me = json(tablet.get(app.api("/me")).send().await.unwrap()).await;
    assert_eq!(me["language"], "ro");
    let home = tablet
        .get(app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains(r#"<html lang="ro""#));
    assert!(home.contains("Deconectare"), "the navigation is Romanian");
}

#[tokio::test]
async fn api_error_messages_follow_the_caller_s_language_and_codes_stay_the_same() {
    let app = TestApp::start().await;
    for (lang, message) in [
        ("ro", "Introduceți parola."),
        ("en", "Enter your password."),
    ] {
        let r = app
            .client()
            .post(app.api("/session"))
            .header("accept-language", lang)
            .json(&json!({ "email": "chair@demo.test", "password": "" }))
            .send()
            .await
            .unwrap();
        let e = expect_error(r, 422, "validation").await;
        assert_eq!(e["error"]["fields"]["password"], message, "{lang}");
    }
}

#[tokio::test]
async fn the_group_s_language_and_time_zone_are_what_everyone_without_a_choice_gets() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "default_language": "klingon", "time_zone": "Europe/Atlantis" }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 422, "validation").await;
    assert!(e["error"]["fields"]["default_language"].is_string());
    assert!(e["error"]["fields"]["time_zone"].is_string());

    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "default_language": "ro", "time_zone": "Europe/Bucharest" }))
        .send()
        .await
        .unwrap();
    let s = json(r).await;
    assert_eq!(
        (s["default_language"].as_str(), s["time_zone"].as_str()),
        (Some("ro"), Some("Europe/Bucharest"))
    );

    // A browser that asks for a language Convene lacks gets the group's.
    let page = sign_in_page(&app, "de-DE").await;
    assert!(page.contains("<h1>Autentificare</h1>"));
    assert!(page.contains(r#"data-time-zone="Europe/Bucharest""#));

    // A held meeting of the demo reads in Cluj's time, written the Romanian way.
    let (id, starts): (i64, i64) = sqlx::query_as(
        "SELECT id, starts_at FROM meetings WHERE status = 'minutes_approved' ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let chair = app.sign_in_as("chair@demo.test").await;
    let html = chair
        .get(app.url(&format!("/meetings/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let local = chrono::DateTime::from_timestamp(starts, 0)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Bucharest)
        .format("%d.%m.%Y, %H:%M %Z")
        .to_string();
    assert!(html.contains(&local), "{local} not on the page");
}

#[tokio::test]
async fn the_pages_done_in_romanian_show_no_english_words_of_the_interface() {
    let app = TestApp::start().await;
    let member = app.sign_in_as("police@demo.test").await;
    app.choose_language(&member, "ro").await;
    // Words of the interface only: the demo's own data (agency names, places) stays as typed.
    const ENGLISH: &[&str] = &[
        "Sign out",
        "Your account",
        "Welcome",
        "Next meeting",
        "Notices",
        "Nothing new",
        "Status",
        "Filter",
        "Deadlines",
        "Referred",
        "Lead agency",
        "Children",
        "Meetings",
        "Agenda published",
        "Minutes approved",
        "Where",
        "Chair",
        "Skip to main content",
        "Refer a case",
        "Home",
        "Actions",
        "Agencies",
    ];
    for path in ["/", "/cases", "/meetings"] {
        let html = member
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let text = crate::every_page::readable_text(&html);
        let left: Vec<_> = ENGLISH.iter().filter(|w| text.contains(**w)).collect();
        assert!(left.is_empty(), "{path} still reads {left:?}");
        assert!(html.contains(r#"<html lang="ro""#), "{path}");
    }
}

/// DTSTART of the one event of a meeting's file, read by a real iCalendar parser, in UTC.
async fn ics_start(app: &TestApp, c: &reqwest::Client, id: i64) -> chrono::DateTime<chrono::Utc> {
    let text = c
        .get(app.api(&format!("/meetings/{id}.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = ics_events(&text);
    let event = events.first().expect("an event");
    let (_, start) = event.iter().find(|(k, _)| k == "DTSTART").expect("DTSTART");
    chrono::NaiveDateTime::parse_from_str(start, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("{start}: {e}"))
        .and_utc()
}

#[tokio::test]
async fn a_meeting_entered_at_ten_in_cluj_lands_at_ten_in_a_calendar_in_winter_and_in_summer() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "time_zone": "Europe/Bucharest" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let c = app.sign_in_as("coordinator@demo.test").await;
    // Either side of the last Sunday of March 2031 (the 30th).
    for (local, utc_hour) in [("2031-03-27T10:00", 8), ("2031-04-03T10:00", 7)] {
        let r = c
            .post(app.api("/meetings"))
            .json(&json!({ "starts_at": local, "duration_minutes": 120, "place": "Sala 2" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED, "{local}");
        let id = json(r).await["id"].as_i64().unwrap();
        let start = ics_start(&app, &c, id).await;
        use chrono::Timelike;
        assert_eq!(start.hour(), utc_hour, "{local} in UTC");
        let in_cluj = start.with_timezone(&chrono_tz::Europe::Bucharest);
        assert_eq!(
            in_cluj.format("%Y-%m-%dT%H:%M").to_string(),
            local,
            "what a calendar in Cluj shows"
        );
    }
}
