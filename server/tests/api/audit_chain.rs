//! The hash-chained audit log: `convene audit verify` (the real binary) names the first row
//! that does not fit when one was changed or removed behind the server's back.

use crate::common::*;
use crate::retention::{convene, db_url};
use convene_app::audit::chain::Break;
use convene_app::audit::service::verify;
use serde_json::json;

/// Some audited activity: a referral, reads of it and a settings change.
async fn activity(app: &TestApp) -> i64 {
    let (id, _) = app.refer_police_case(&unique("Chain Victim"), false).await;
    let chair = app.sign_in_as("chair@demo.test").await;
    for _ in 0..3 {
        chair
            .get(app.api(&format!("/cases/{id}")))
            .send()
            .await
            .unwrap();
    }
    id
}

async fn ids(app: &TestApp) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM audit_log ORDER BY id")
        .fetch_all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_audit_row_is_chained_to_the_one_before_and_verify_says_so() {
    let app = TestApp::start().await;
    activity(&app).await;
    let (nulls,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL OR prev_hash IS NULL")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(nulls, 0);
    let (broken_links,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.id = (SELECT MAX(id) FROM audit_log WHERE id < a.id)
         WHERE a.prev_hash <> b.hash",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(broken_links, 0);

    let out = convene(&db_url(&app).await, &["audit", "verify"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("intact"), "{stdout}");
    assert!(
        stdout.contains(&format!("{} row", ids(&app).await.len())),
        "{stdout}"
    );
}

#[tokio::test]
async fn a_row_changed_behind_the_servers_back_is_named_by_verify() {
    let app = TestApp::start().await;
    activity(&app).await;
    let all = ids(&app).await;
    let victim_row = all[all.len() / 2];
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET reason = 'nothing to see here' WHERE id = ?")
        .bind(victim_row)
        .execute(&app.db)
        .await
        .unwrap();

    let out = convene(&db_url(&app).await, &["audit", "verify"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "verify passed a changed row");
    assert!(
        stderr.contains(&format!("audit row {victim_row} does not fit")),
        "{stderr}"
    );
    assert!(stderr.contains("does not match its content"), "{stderr}");
    let v = verify(&app.db).await.unwrap();
    assert_eq!(v.broken, Some((victim_row, Break::Content)));
}

#[tokio::test]
async fn a_row_removed_behind_the_servers_back_is_found_at_the_row_after_it() {
    let app = TestApp::start().await;
    activity(&app).await;
    let all = ids(&app).await;
    let gone = all[all.len() / 2];
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE id = ?")
        .bind(gone)
        .execute(&app.db)
        .await
        .unwrap();
    let next = all[all.len() / 2 + 1];
    let v = verify(&app.db).await.unwrap();
    assert_eq!(v.broken, Some((next, Break::Link)));
    let out = convene(&db_url(&app).await, &["audit", "verify"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("audit row {next} ")));
}

#[tokio::test]
async fn the_audit_log_still_refuses_updates_and_deletes() {
    let app = TestApp::start().await;
    activity(&app).await;
    let last = *ids(&app).await.last().unwrap();
    for sql in [
        "UPDATE audit_log SET reason = 'x' WHERE id = ?",
        "UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE id = ?",
        "DELETE FROM audit_log WHERE id = ?",
    ] {
        let e = sqlx::query(sql)
            .bind(last)
            .execute(&app.db)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{sql}: {e}");
    }
    // The anchor cannot be pointed at a made-up hash either.
    let e = sqlx::query(
        "INSERT INTO audit_anchor (id, through_id, hash, updated_at) VALUES (1, ?, 'forged', 0)",
    )
    .bind(last)
    .execute(&app.db)
    .await
    .unwrap_err();
    assert!(e.to_string().contains("audit_anchor"), "{e}");
}

#[tokio::test]
async fn concurrent_writers_still_form_one_chain() {
    let app = TestApp::start().await;
    let id = activity(&app).await;
    let before = ids(&app).await.len();
    let chair = app.sign_in_as("chair@demo.test").await;
    let admin = app.sign_in_as("admin@demo.test").await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let (c, url) = if i % 2 == 0 {
            (chair.clone(), app.api(&format!("/cases/{id}")))
        } else {
            (admin.clone(), app.api("/settings"))
        };
        tasks.push(tokio::spawn(async move {
            if url.ends_with("/settings") {
                c.patch(url)
                    .json(&json!({ "case_item_minutes": 10 + i }))
                    .send()
                    .await
                    .unwrap()
                    .status()
            } else {
                c.get(url).send().await.unwrap().status()
            }
        }));
    }
    for t in tasks {
        assert!(t.await.unwrap().is_success());
    }
    let v = verify(&app.db).await.unwrap();
    assert_eq!(v.broken, None);
    assert!(v.rows as usize >= before + 24, "{} rows", v.rows);
}

#[tokio::test]
async fn rows_written_before_the_chain_existed_are_sealed_once_and_later_gaps_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    let pool = convene_app::db::connect(&url).await.unwrap();
    convene_app::db::migrate(&pool).await.unwrap();
    // As the rows of an older Convene: no hashes.
    for n in 0..5 {
        sqlx::query("INSERT INTO audit_log (at, action, entity, entity_id) VALUES (?, 'update', 'agency', ?)")
            .bind(1_700_000_000 + n)
            .bind(n.to_string())
            .execute(&pool)
            .await
            .unwrap();
    }
    assert_eq!(
        verify(&pool).await.unwrap().broken,
        Some((1, Break::Unsealed))
    );
    assert_eq!(convene_app::audit::service::seal(&pool).await.unwrap(), 5);
    assert_eq!(convene_app::audit::service::seal(&pool).await.unwrap(), 0);
    let v = verify(&pool).await.unwrap();
    assert_eq!((v.broken, v.rows), (None, 5));

    // An unhashed row after hashed ones is not an old row: it stays a finding.
    sqlx::query("INSERT INTO audit_log (at, action, entity) VALUES (1800000000, 'update', 'user')")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(convene_app::audit::service::seal(&pool).await.unwrap(), 0);
    assert_eq!(
        verify(&pool).await.unwrap().broken,
        Some((6, Break::Unsealed))
    );
}
