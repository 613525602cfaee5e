//! Crash safety: the real `convene` binary is killed (SIGKILL) at random moments while several
//! clients write; every write it acknowledged is there afterwards and the database is intact.

use crate::common::{referral, PASSWORD};
use convene_app::db::DbKey;
use reqwest::{Client, StatusCode};
use sqlx::{Connection, SqliteConnection};
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::Mutex;

const ROUNDS: usize = 20;
const WRITERS: usize = 3;

/// Kills the server when dropped, so a failing test leaves no process behind.
pub(crate) struct Server(pub tokio::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.start_kill();
    }
}

/// Starts `convene serve` on a free port and waits until it says where it listens.
pub(crate) async fn start(env: &[(&str, String)]) -> (Server, String) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("serve")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("CONVENE_ADDR", "127.0.0.1:0")
        .env("CONVENE_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let server = Server(child);
    let base = tokio::time::timeout(Duration::from_secs(60), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(at) = line.find("running on http://") {
                let rest = &line[at + "running on ".len()..];
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '\u{1b}')
                    .unwrap_or(rest.len());
                return rest[..end].to_string();
            }
        }
        panic!("the server stopped before listening");
    })
    .await
    .expect("the server starts within a minute");
    // Keep reading its output so a full pipe never blocks it.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (server, base)
}

/// Writes referrals until the server dies; the ids of those answered with success.
async fn write_until_killed(base: String, agency: i64, acked: Arc<Mutex<Vec<i64>>>, n: usize) {
    let c = Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let signed_in = c
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({ "email": "police@demo.test", "password": PASSWORD }))
        .send()
        .await;
    if !matches!(&signed_in, Ok(r) if r.status() == StatusCode::OK) {
        return;
    }
    for i in 0.. {
        let body = referral(agency, &format!("Crash Victim {n} {i}"), i % 2 == 0);
        let Ok(r) = c
            .post(format!("{base}/api/v1/cases"))
            .json(&body)
            .send()
            .await
        else {
            return;
        };
        if r.status() != StatusCode::CREATED {
            return;
        }
        let Ok(v) = r.json::<serde_json::Value>().await else {
            return;
        };
        acked.lock().await.push(v["id"].as_i64().unwrap());
    }
}

/// A small generator, seeded from the clock and printed, so a failing run can be told apart.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

async fn open(db: &Path, key: &DbKey) -> SqliteConnection {
    SqliteConnection::connect_with(&convene_app::db::file_options(db, Some(key)))
        .await
        .unwrap()
}

#[tokio::test]
async fn killing_the_server_while_clients_write_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("convene.db");
    let key_path = dir.path().join("convene.key");
    DbKey::generate().write_new_file(&key_path).unwrap();
    let key = DbKey::read_file(&key_path).unwrap();
    let env = vec![
        ("CONVENE_DATABASE_URL", format!("sqlite://{}", db.display())),
        ("CONVENE_KEY_FILE", key_path.display().to_string()),
        ("CONVENE_DEMO_PASSWORD", PASSWORD.to_string()),
        ("CONVENE_SIGN_IN_PER_MINUTE", "10000".to_string()),
    ];
    let seeded = tokio::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("seed-demo")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("CONVENE_LOG", "warn")
        .output()
        .await
        .unwrap();
    assert!(
        seeded.status.success(),
        "seed-demo failed: {}{}",
        String::from_utf8_lossy(&seeded.stdout),
        String::from_utf8_lossy(&seeded.stderr)
    );
    let agency: i64 = {
        let mut c = open(&db, &key).await;
        let id =
            sqlx::query_scalar("SELECT id FROM agencies WHERE name = 'County Police Inspectorate'")
                .fetch_one(&mut c)
                .await
                .unwrap();
        c.close().await.unwrap();
        id
    };

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let mut per_round = Vec::new();
    for round in 0..ROUNDS {
        let (mut server, base) = start(&env).await;
        let before = acked.lock().await.len();
        let writers: Vec<_> = (0..WRITERS)
            .map(|n| {
                tokio::spawn(write_until_killed(
                    base.clone(),
                    agency,
                    acked.clone(),
                    round * 10 + n,
                ))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(300 + rng.next(900))).await;
        server.0.kill().await.unwrap();
        for w in writers {
            w.await.unwrap();
        }
        per_round.push(acked.lock().await.len() - before);
    }
    println!("writes acknowledged per round: {per_round:?}");
    assert!(
        per_round.iter().filter(|n| **n > 0).count() >= ROUNDS / 2,
        "most kills came while clients were writing: {per_round:?}"
    );

    let acked = acked.lock().await.clone();
    assert!(
        acked.len() >= ROUNDS,
        "the clients wrote ({} writes acknowledged)",
        acked.len()
    );
    let mut c = open(&db, &key).await;
    let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut c)
        .await
        .unwrap();
    assert_eq!(check, ["ok"]);
    let ids: std::collections::HashSet<i64> = sqlx::query_scalar::<_, i64>("SELECT id FROM cases")
        .fetch_all(&mut c)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let lost: Vec<_> = acked.iter().filter(|id| !ids.contains(id)).collect();
    assert!(
        lost.is_empty(),
        "acknowledged but lost (seed {seed}): {lost:?}"
    );
}
