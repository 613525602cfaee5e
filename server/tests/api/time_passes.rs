//! What the scheduler's tick does on its own as days pass: the series stays six meetings
//! ahead (the demo's too), and research still missing two working days before it is due
//! reaches the agency's regular representative once.

use crate::common::*;
use chrono::TimeZone;
use serde_json::json;

async fn future_meetings_of_demo_series(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM meetings WHERE series_id = (SELECT MIN(id) FROM meeting_series)
         AND starts_at > ? AND cancelled_at IS NULL",
    )
    .bind(app.state.clock.now())
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_demo_series_has_its_next_six_meetings_after_the_first_tick_and_keeps_them() {
    let app = TestApp::start().await;
    app.tick().await;
    assert_eq!(future_meetings_of_demo_series(&app).await, 6);
    app.advance_days(60);
    app.tick().await;
    assert_eq!(future_meetings_of_demo_series(&app).await, 6);
    // Every one of them on a Tuesday at 10:00 in the group's time, like the demo's others.
    let starts: Vec<i64> = sqlx::query_scalar(
        "SELECT starts_at FROM meetings WHERE series_id = (SELECT MIN(id) FROM meeting_series)",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let zone = chrono_tz::Europe::London;
    for s in starts {
        let local = zone.timestamp_opt(s, 0).unwrap();
        assert_eq!(local.format("%a %H:%M").to_string(), "Tue 10:00");
    }
}

async fn research_due_rows(app: &TestApp, meeting: i64) -> Vec<(i64, i64)> {
    sqlx::query_as(
        "SELECT user_id, COUNT(*) FROM outbox WHERE kind = 'research_due' AND meeting_id = ?
         GROUP BY user_id ORDER BY user_id",
    )
    .bind(meeting)
    .fetch_all(&app.db)
    .await
    .unwrap()
}

/// 08:00 in the group's time on `day`.
fn morning(day: chrono::NaiveDate) -> i64 {
    chrono_tz::Europe::London
        .from_local_datetime(&day.and_hms_opt(8, 0, 0).unwrap())
        .unwrap()
        .timestamp()
}

#[tokio::test]
async fn research_still_missing_two_working_days_before_it_is_due_reaches_each_owing_regular_representative_once(
) {
    let app = TestApp::start().await;
    let (case, _) = app.refer_police_case(&unique("Victim"), false).await;
    let c = app.sign_in_as("coordinator@demo.test").await;
    let starts = chrono::Utc::now().date_naive() + chrono::Duration::days(21);
    let r = c
        .post(app.api("/meetings"))
        .json(&json!({ "starts_at": format!("{}T09:00:00Z", starts.format("%Y-%m-%d")) }))
        .send()
        .await
        .unwrap();
    let meeting = json(r).await["id"].as_i64().unwrap();
    app.build_and_publish(&c, meeting).await;
    // The police answer; every other agency asked still owes.
    let police = app.sign_in_as("police@demo.test").await;
    let r = police
        .put(app.api(&format!("/meetings/{meeting}/research/{case}")))
        .json(&json!({ "state": "no_trace" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());

    let starts_at: i64 = sqlx::query_scalar("SELECT starts_at FROM meetings WHERE id = ?")
        .bind(meeting)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let hours = convene_app::settings::service::load(&app.state)
        .await
        .unwrap()
        .research_due_hours as i64;
    let due_day = convene_app::meetings::reschedule_types::local_day(starts_at - hours * 3600);
    let remind_day = convene_app::meetings::reminders::working_days_before(due_day, 2);

    app.state
        .clock
        .advance(morning(remind_day.pred_opt().unwrap()) - app.state.clock.now());
    app.tick().await;
    assert!(
        research_due_rows(&app, meeting).await.is_empty(),
        "not before the day"
    );

    app.state
        .clock
        .advance(morning(remind_day) - app.state.clock.now());
    app.tick().await;
    app.tick().await;
    let rows = research_due_rows(&app, meeting).await;
    assert!(rows.iter().all(|(_, n)| *n == 1), "once each: {rows:?}");
    let told: Vec<i64> = rows.iter().map(|(u, _)| *u).collect();
    let late = json(
        c.get(app.api(&format!("/meetings/{meeting}/research/late")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let owing: Vec<i64> = late["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agency_id"].as_i64().unwrap())
        .collect();
    assert!(!owing.is_empty() && !told.is_empty());
    let regular: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, agency_id FROM users WHERE active = 1 AND representation = 'regular'
         AND agency_id IS NOT NULL ORDER BY id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    for (user, agency) in regular {
        assert_eq!(
            told.contains(&user),
            owing.contains(&agency),
            "user {user} of agency {agency}"
        );
    }
}
