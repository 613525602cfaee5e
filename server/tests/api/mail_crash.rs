//! At most once per recipient, even when Convene is killed (SIGKILL) while it hands messages
//! to the mail server: after a restart nobody gets a second copy, and what was in the middle
//! of being handed over is shown to the admin as interrupted instead of being lost silently.

use crate::common::PASSWORD;
use crate::crash::start;
use crate::sink::SmtpSink;
use sqlx::{Connection, SqliteConnection};
use std::collections::BTreeMap;
use std::time::Duration;

async fn open(db: &std::path::Path) -> SqliteConnection {
    SqliteConnection::connect_with(&convene_app::db::file_options(db, None))
        .await
        .unwrap()
}

#[tokio::test]
async fn killed_while_sending_each_recipient_gets_at_most_one_message_and_the_rest_is_accounted_for(
) {
    let sink = SmtpSink::start_slow(300).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("convene.db");
    let env = vec![
        ("CONVENE_DATABASE_URL", format!("sqlite://{}", db.display())),
        ("CONVENE_DEMO_PASSWORD", PASSWORD.to_string()),
        ("CONVENE_SMTP_URL", sink.url()),
    ];
    let seeded = tokio::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("seed-demo")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("CONVENE_LOG", "warn")
        .output()
        .await
        .unwrap();
    assert!(seeded.status.success());
    // Changes committed while Convene was down: one urgent message to each member.
    let rows = {
        let mut c = open(&db).await;
        let now = chrono::Utc::now().timestamp();
        sqlx::query(
            "INSERT INTO outbox (kind, user_id, urgent, created_at, next_attempt_at)
             SELECT 'access_awaiting_decision', id, 1, ?, ? FROM users WHERE active = 1",
        )
        .bind(now)
        .bind(now)
        .execute(&mut c)
        .await
        .unwrap()
        .rows_affected() as usize
    };
    assert!(
        rows >= 8,
        "enough recipients to be stopped in the middle: {rows}"
    );

    let (mut server, _) = start(&env).await;
    sink.wait_for(2).await;
    server.0.start_kill().unwrap();
    server.0.wait().await.unwrap();
    let at_kill = sink.messages().len();
    assert!(
        at_kill < rows,
        "killed before it finished ({at_kill} of {rows})"
    );

    let (_server, _) = start(&env).await;
    let mut settled = false;
    for _ in 0..150 {
        let mut c = open(&db).await;
        let waiting: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state IN ('pending','sending')")
                .fetch_one(&mut c)
                .await
                .unwrap();
        if waiting == 0 {
            settled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(settled, "the restarted server finished the outbox");
    tokio::time::sleep(Duration::from_millis(500)).await;

    let mut per_recipient: BTreeMap<String, usize> = BTreeMap::new();
    for m in sink.messages() {
        for to in m.to() {
            *per_recipient.entry(to).or_default() += 1;
        }
    }
    assert!(
        per_recipient.values().all(|n| *n == 1),
        "a second copy: {per_recipient:?}"
    );
    let mut c = open(&db).await;
    let states: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state")
            .fetch_all(&mut c)
            .await
            .unwrap();
    let of = |s: &str| {
        states
            .iter()
            .find(|(k, _)| k == s)
            .map(|(_, n)| *n as usize)
            .unwrap_or(0)
    };
    assert!(
        of("interrupted") <= 1,
        "only the one being handed over: {states:?}"
    );
    assert_eq!(of("sent") + of("interrupted"), rows, "{states:?}");
    // The sink may have taken the interrupted one before the kill, never twice.
    assert!(per_recipient.len() >= of("sent") && per_recipient.len() <= rows);
}
