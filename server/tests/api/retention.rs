//! Retention: closing needs a reason, the retention settings, and the purge (the real
//! `convene purge [--dry-run]` binary, and the service the daily task runs).

use crate::common::*;
use convene_app::retention::service::purge;
use reqwest::StatusCode;
use serde_json::json;
use std::process::{Command, Output};

/// The SQLite URL of the test app's database file (for the binary).
pub async fn db_url(app: &TestApp) -> String {
    let (_, _, file): (i64, String, String) = sqlx::query_as("PRAGMA database_list")
        .fetch_one(&app.db)
        .await
        .unwrap();
    format!("sqlite://{file}")
}

/// Runs the real `convene` binary on that database.
pub fn convene(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convene"))
        .args(args)
        .env("CONVENE_DATABASE_URL", url)
        .env("CONVENE_LOG", "warn")
        .output()
        .unwrap()
}

const YEAR: i64 = 365 * 24 * 60 * 60;

async fn close(app: &TestApp, id: i64, reason: &str) {
    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair
        .patch(app.api(&format!("/cases/{id}")))
        .json(&json!({ "status": "closed", "closing_reason": reason }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

/// A case closed `years` ago (the closing date moved back behind the server's back).
async fn closed_case(app: &TestApp, victim: &str, years: i64) -> (i64, String) {
    let (id, reference) = app.refer_police_case(victim, true).await;
    close(app, id, "Risk reduced, moved out of the county").await;
    sqlx::query("UPDATE cases SET closed_at = closed_at - ? WHERE id = ?")
        .bind(years * YEAR)
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    (id, reference)
}

async fn victim_name(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT victim_name FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn closing_a_case_without_a_reason_names_the_field_and_changes_nothing() {
    let app = TestApp::start().await;
    let (id, _) = app.refer_police_case(&unique("Close Victim"), false).await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let audit_rows = app.count("audit_log").await;
    for body in [
        json!({ "status": "closed" }),
        json!({ "status": "closed", "closing_reason": "   " }),
    ] {
        let r = chair
            .patch(app.api(&format!("/cases/{id}")))
            .json(&body)
            .send()
            .await
            .unwrap();
        let e = expect_error(r, 422, "validation").await;
        assert!(e["error"]["fields"]["closing_reason"].is_string(), "{e}");
    }
    let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(status, "referred");
    assert_eq!(app.count("audit_log").await, audit_rows);
}

#[tokio::test]
async fn closing_with_a_reason_records_when_and_why_but_not_in_the_audit_log() {
    let app = TestApp::start().await;
    let (id, _) = app.refer_police_case(&unique("Closed Victim"), false).await;
    let reason = unique("Moved abroad with the children");
    close(&app, id, &reason).await;
    let (status, closed_at, stored): (String, Option<i64>, Option<String>) =
        sqlx::query_as("SELECT status, closed_at, closing_reason FROM cases WHERE id = ?")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(status, "closed");
    assert!(closed_at.is_some_and(|t| (convene_app::time::now() - t).abs() < 60));
    assert_eq!(stored.as_deref(), Some(reason.as_str()));
    let leaked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE instr(IFNULL(details, '') || IFNULL(reason, ''), ?) > 0",
    )
    .bind(&reason)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(leaked, 0);

    // Editing a closed case needs no new reason, and keeps its closing date.
    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair
        .patch(app.api(&format!("/cases/{id}")))
        .json(&json!({ "status": "closed", "case_manager_id": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let again: Option<i64> = sqlx::query_scalar("SELECT closed_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(again, closed_at);
}

#[tokio::test]
async fn the_settings_api_shows_and_checks_the_retention_periods() {
    let app = TestApp::start().await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let s = json(admin.get(app.api("/settings")).send().await.unwrap()).await;
    assert_eq!(s["retention_case_months"], 72);
    assert_eq!(s["retention_audit_months"], 84);

    for (body, field) in [
        (
            json!({ "retention_case_months": 6 }),
            "retention_case_months",
        ),
        (
            json!({ "retention_audit_months": 241 }),
            "retention_audit_months",
        ),
        (
            json!({ "retention_audit_months": 60 }),
            "retention_audit_months",
        ),
        (
            json!({ "retention_case_months": 120 }),
            "retention_case_months",
        ),
    ] {
        let r = admin
            .patch(app.api("/settings"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let e = expect_error(r, 422, "validation").await;
        assert!(e["error"]["fields"][field].is_string(), "{body}: {e}");
    }
    let r = admin
        .patch(app.api("/settings"))
        .json(&json!({ "retention_case_months": 24, "retention_audit_months": 36 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let s = json(admin.get(app.api("/settings")).send().await.unwrap()).await;
    assert_eq!(
        (&s["retention_case_months"], &s["retention_audit_months"]),
        (&json!(24), &json!(36))
    );
}

#[tokio::test]
async fn a_dry_run_lists_what_would_go_and_erases_nothing() {
    let app = TestApp::start().await;
    let victim = unique("Dry Run Victim");
    let (id, reference) = closed_case(&app, &victim, 7).await;
    let (_, recent) = closed_case(&app, &unique("Recent Victim"), 1).await;

    let out = convene(&db_url(&app).await, &["purge", "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&reference), "{stdout}");
    assert!(!stdout.contains(&recent), "{stdout}");
    assert!(stdout.contains("Nothing was changed"), "{stdout}");
    assert!(!stdout.contains(&victim), "names are never printed");
    assert_eq!(victim_name(&app, id).await, victim);
    let previews: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'preview' AND entity = 'retention'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(previews, 1);
}

#[tokio::test]
async fn the_purge_erases_personal_data_of_an_old_closed_case_and_keeps_the_figures() {
    let app = TestApp::start().await;
    let victim = unique("Purged Victim");
    let (id, reference) = closed_case(&app, &victim, 7).await;
    let recent_victim = unique("Kept Victim");
    let (recent, _) = closed_case(&app, &recent_victim, 5).await;
    let (dash_before, criteria_before): (i64, String) = sqlx::query_as(
        "SELECT dash_yes, visible_high_risk || professional_judgement || potential_escalation || is_repeat FROM referrals WHERE case_id = ?",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();

    let out = convene(&db_url(&app).await, &["purge"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&reference), "{stdout}");

    let (name, dob, perp, reason, erased, kept_ref): (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        String,
    ) = sqlx::query_as(
        "SELECT victim_name, victim_dob, perpetrator_name, closing_reason, erased_at, reference FROM cases WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((name.as_str(), dob.as_str()), ("", ""));
    assert_eq!((perp, reason), (None, None));
    assert!(erased.is_some());
    assert_eq!(kept_ref, reference);
    let initials: String =
        sqlx::query_scalar("SELECT initials FROM case_children WHERE case_id = ?")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(initials, "");
    let (dash, criteria): (i64, String) = sqlx::query_as(
        "SELECT dash_yes, visible_high_risk || professional_judgement || potential_escalation || is_repeat FROM referrals WHERE case_id = ?",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((dash, criteria), (dash_before, criteria_before));
    assert_eq!(victim_name(&app, recent).await, recent_victim);

    // Audited per case, naming the case but no personal data.
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'erase' AND entity = 'case' AND entity_id = ?",
    )
    .bind(id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(
        details.contains(&reference) && !details.contains(&victim),
        "{details}"
    );

    // The case still answers, without anything of her.
    let chair = app.sign_in_as("chair@demo.test").await;
    let r = chair
        .get(app.api(&format!("/cases/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(!r.text().await.unwrap().contains(&victim));

    // A second run has nothing more to erase.
    let again = purge(&app.db, convene_app::time::now()).await.unwrap();
    assert!(again.erased.is_empty(), "{again:?}");
}

#[tokio::test]
async fn a_case_under_review_or_with_open_actions_is_never_purged() {
    let app = TestApp::start().await;
    let with_action = unique("Action Victim");
    let (acting, acting_ref) = closed_case(&app, &with_action, 8).await;
    let coordinator = app.sign_in_as("coordinator@demo.test").await;
    let police = app.agency_id("County Police Inspectorate").await;
    let r = coordinator
        .post(app.api("/actions"))
        .json(&json!({ "case_id": acting, "owner_agency_id": police, "kind": "other", "text": "Check in", "due_on": "2031-05-20" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let reviewed = unique("Review Victim");
    let (review, review_ref) = closed_case(&app, &reviewed, 8).await;
    sqlx::query("UPDATE cases SET review_on = '2099-01-01' WHERE id = ?")
        .bind(review)
        .execute(&app.db)
        .await
        .unwrap();

    let out = convene(&db_url(&app).await, &["purge", "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = |r: &str| stdout.lines().find(|l| l.contains(r)).unwrap_or_default();
    assert!(line(&acting_ref).contains("open actions"), "{stdout}");
    assert!(line(&review_ref).contains("under review"), "{stdout}");

    let report = purge(&app.db, convene_app::time::now()).await.unwrap();
    assert!(!report.erased.contains(&acting_ref) && !report.erased.contains(&review_ref));
    assert!(report.held.contains(&acting_ref) && report.held.contains(&review_ref));
    assert_eq!(victim_name(&app, acting).await, with_action);
    assert_eq!(victim_name(&app, review).await, reviewed);
}

#[tokio::test]
async fn purging_old_audit_rows_keeps_the_chain_verifiable() {
    let app = TestApp::start().await;
    app.refer_police_case(&unique("Audit Victim"), false).await;
    let before = app.count("audit_log").await;
    // Eight years on, every row written so far is past the 84 months.
    let later = convene_app::time::now() + 8 * YEAR;
    let report = purge(&app.db, later).await.unwrap();
    // The rows written so far, and those of the erasures this run did first (the demo's
    // closed cases are past their period too by then).
    assert!(report.audit_rows_removed as i64 >= before, "{report:?}");
    assert_eq!(app.count("audit_log").await, 1);
    let v = convene_app::audit::service::verify(&app.db).await.unwrap();
    assert_eq!(v.broken, None);
    assert!(v.anchored_after.is_some());
    let purges: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'purge' AND entity = 'audit_log'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(purges, 1);

    // The server goes on chaining after the anchor, and rows after it still cannot go.
    let chair = app.sign_in_as("chair@demo.test").await;
    chair.get(app.api("/cases")).send().await.unwrap();
    let out = convene(&db_url(&app).await, &["audit", "verify"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("purged row"), "{stdout}");
    let e = sqlx::query("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
        .execute(&app.db)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("append-only"));
}

#[tokio::test]
async fn the_daily_task_purges_and_stops_with_the_shutdown_signal() {
    let app = TestApp::start().await;
    let (id, _) = closed_case(&app, &unique("Daily Victim"), 7).await;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(convene_app::retention::service::run_every(
        app.db.clone(),
        std::time::Duration::from_millis(10),
        std::time::Duration::from_secs(3600),
        async {
            let _ = rx.await;
        },
    ));
    let mut erased = false;
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if victim_name(&app, id).await.is_empty() {
            erased = true;
            break;
        }
    }
    assert!(erased, "the first run did not erase the case");
    // Now it waits for the next day; the shutdown signal ends it at once.
    assert!(!task.is_finished());
    tx.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(5), task)
        .await
        .expect("the task stops")
        .unwrap();
}

#[tokio::test]
async fn the_purge_erases_the_words_of_a_cases_closing_decision_and_keeps_its_coded_reason() {
    let app = TestApp::start().await;
    let chair = app.sign_in_as("chair@demo.test").await;
    let group = unique("Receiving group of");
    let words = unique("She told us");
    let (mut ids, mut refs) = (Vec::new(), Vec::new());
    for body in [
        json!({ "step": "close", "close_reason": "moved_out", "receiving_group": group }),
        json!({ "step": "close", "close_reason": "other", "explanation": words }),
    ] {
        let (id, reference) = app
            .refer_police_case(&unique("Decided Victim"), false)
            .await;
        let r = chair
            .put(app.api(&format!("/cases/{id}/next-step")))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        sqlx::query("UPDATE cases SET closed_at = closed_at - ? WHERE id = ?")
            .bind(7 * YEAR)
            .bind(id)
            .execute(&app.db)
            .await
            .unwrap();
        ids.push(id);
        refs.push(reference);
    }
    let stored = |id: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query_as::<_, (Option<String>, Option<String>, Option<String>)>(
                "SELECT close_reason, receiving_group, explanation FROM case_next_steps WHERE case_id = ?",
            )
            .bind(id)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert_eq!(stored(ids[0]).await.1.as_deref(), Some(group.as_str()));

    let report = purge(&app.db, convene_app::time::now()).await.unwrap();
    assert!(refs.iter().all(|r| report.erased.contains(r)), "{report:?}");
    assert_eq!(stored(ids[0]).await, (Some("moved_out".into()), None, None));
    assert_eq!(stored(ids[1]).await, (Some("other".into()), None, None));
}
