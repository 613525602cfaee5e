//! Data at rest: with a key nothing personal is readable in the database file, its WAL or a
//! backup; backups are taken while the server writes, verified and restored.

use crate::common::*;
use convene_app::db::DbKey;
use reqwest::StatusCode;
use serde_json::json;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};
use std::path::{Path, PathBuf};

/// A word no other test and no random bytes will contain: letters only, unique per call.
fn canary(kind: &str) -> String {
    let n = unique("").trim().replace('-', " ");
    let letters: String = n
        .chars()
        .filter(|c| c.is_ascii_digit())
        .map(|c| (b'k' + (c as u8 - b'0')) as char)
        .collect();
    format!("Zq{kind}x{letters}")
}

fn key_env(dir: &Path) -> Vec<(&'static str, String)> {
    let path = dir.join("convene.key");
    if !path.exists() {
        DbKey::generate().write_new_file(&path).unwrap();
    }
    vec![("CONVENE_KEY_FILE", path.display().to_string())]
}

async fn keyed_app() -> TestApp {
    TestApp::start_with(key_env).await
}

fn key_file(app: &TestApp) -> PathBuf {
    app.data_dir().join("convene.key")
}

fn db_url(app: &TestApp) -> String {
    format!("sqlite://{}", app.data_dir().join("convene.db").display())
}

/// Runs the real `convene` binary with only the configuration given.
async fn convene(args: &[&str], env: &[(&str, String)]) -> (bool, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .args(args)
        .env_remove("CONVENE_KEY_FILE")
        .env_remove("CONVENE_DATABASE_URL")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("CONVENE_LOG", "warn")
        .env("NO_COLOR", "1")
        .output()
        .await
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn env_of(app: &TestApp, key: bool) -> Vec<(&'static str, String)> {
    let mut env = vec![("CONVENE_DATABASE_URL", db_url(app))];
    if key {
        env.push(("CONVENE_KEY_FILE", key_file(app).display().to_string()));
    }
    env
}

/// Refers a case whose every personal field holds a canary; returns the canaries.
async fn refer_with_canaries(app: &TestApp) -> Vec<String> {
    let name = canary("name");
    let address = canary("street");
    let phone = canary("phone");
    let views = canary("views");
    let perpetrator = canary("perp");
    let police = app.sign_in_as("police@demo.test").await;
    let mut body = referral(app.agency_id("County Police Inspectorate").await, "", true);
    body["victim"] = json!({
        "name": format!("Ioana {name}"), "date_of_birth": "1988-03-14", "safe_to_contact": true,
        "safe_contact": format!("Strada {address} 12, phone {phone}"),
    });
    body["perpetrator"] =
        json!({ "name": format!("Marin {perpetrator}"), "date_of_birth": "1980-01-01" });
    body["victim_voice"] = json!({ "views": format!("She wants {views} to be known.") });
    let r = police
        .post(app.api("/cases"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    vec![name, address, phone, views, perpetrator]
}

fn found_in(path: &Path, canaries: &[String]) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_default();
    let lower = bytes.to_ascii_lowercase();
    canaries
        .iter()
        .filter(|c| {
            let c = c.to_ascii_lowercase().into_bytes();
            lower.windows(c.len()).any(|w| w == c.as_slice())
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn with_a_key_no_personal_data_is_in_the_database_file_its_wal_or_a_backup() {
    let app = keyed_app().await;
    let canaries = refer_with_canaries(&app).await;
    let db = app.data_dir().join("convene.db");
    let wal = app.data_dir().join("convene.db-wal");
    assert!(
        wal.metadata().unwrap().len() > 0,
        "the WAL holds the latest writes"
    );
    assert_eq!(found_in(&db, &canaries), Vec::<String>::new());
    assert_eq!(found_in(&wal, &canaries), Vec::<String>::new());

    let backup = app.data_dir().join("backup.db");
    let (ok, out) = convene(
        &["backup", "--to", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(ok, "{out}");
    assert!(backup.metadata().unwrap().len() > 4096);
    assert_eq!(found_in(&backup, &canaries), Vec::<String>::new());
    // The same bytes hold everything: the backup opens with the key and has the case.
    let summary =
        convene_app::db::backup::verify(&backup, Some(&DbKey::read_file(&key_file(&app)).unwrap()))
            .await
            .unwrap();
    assert_eq!(summary.count("cases"), Some(app.count("cases").await));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'backup' AND entity = 'database' AND details LIKE '%backup.db%'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1, "a backup reads every case, so it is audited");
}

#[tokio::test]
async fn without_a_key_the_same_search_finds_the_canaries_so_it_would_catch_a_leak() {
    let app = TestApp::start().await;
    let canaries = refer_with_canaries(&app).await;
    let db = app.data_dir().join("convene.db");
    let wal = app.data_dir().join("convene.db-wal");
    let mut seen = found_in(&db, &canaries);
    seen.extend(found_in(&wal, &canaries));
    for c in &canaries {
        assert!(seen.contains(c), "{c} is stored in clear without a key");
    }
}

#[tokio::test]
async fn calendar_tokens_are_kept_only_hashed_and_sealed_and_the_link_stays_the_same() {
    let app = keyed_app().await;
    let member = app.sign_in_as("social@demo.test").await;
    let path = |v: serde_json::Value| v["path"].as_str().unwrap().to_string();
    let first = path(json(member.get(app.api("/me/calendar")).send().await.unwrap()).await);
    let again = path(json(member.get(app.api("/me/calendar")).send().await.unwrap()).await);
    assert_eq!(first, again);
    let token = first
        .trim_start_matches("/api/v1/calendar/")
        .trim_end_matches(".ics");
    let (sealed, hash): (String, String) = sqlx::query_as(
        "SELECT calendar_token, calendar_token_hash FROM users WHERE email = 'social@demo.test'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(sealed.starts_with("sealed1:") && !sealed.contains(token));
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains(token));
    let feed = app.client().get(app.url(&first)).send().await.unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
}

/// Sign-ins as the police, writing referrals until told to stop; returns the acknowledged ids.
async fn write_referrals(app: &TestApp, stop: tokio::sync::watch::Receiver<bool>) -> Vec<i64> {
    let police = app.sign_in_as("police@demo.test").await;
    let agency = app.agency_id("County Police Inspectorate").await;
    let mut acked = Vec::new();
    while !*stop.borrow() {
        let body = referral(agency, &format!("Victim {}", canary("w")), false);
        let r = police
            .post(app.api("/cases"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        acked.push(json(r).await["id"].as_i64().unwrap());
    }
    acked
}

async fn ids_in(path: &Path, key: &DbKey) -> Vec<i64> {
    let options = convene_app::db::file_options(path, Some(key)).read_only(true);
    let mut conn = SqliteConnection::connect_with(&options).await.unwrap();
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
    sqlx::query_scalar("SELECT id FROM cases")
        .fetch_all(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_backup_taken_during_writes_restores_with_every_write_acknowledged_before_it() {
    let app = keyed_app().await;
    let key = DbKey::read_file(&key_file(&app)).unwrap();
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let acked = std::sync::Arc::new(tokio::sync::Mutex::new(Vec::<i64>::new()));
    let app = std::sync::Arc::new(app);
    let writers: Vec<_> = (0..3)
        .map(|_| {
            let (app, stop, acked) = (app.clone(), stop.clone(), acked.clone());
            tokio::spawn(async move {
                let ids = write_referrals(&app, stop).await;
                acked.lock().await.extend(ids);
            })
        })
        .collect();
    // Let writes pile up, note what was acknowledged, then back up while writing goes on.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let before: Vec<i64> = sqlx::query_scalar("SELECT id FROM cases")
        .fetch_all(&app.db)
        .await
        .unwrap();
    let backup = app.data_dir().join("during-writes.db");
    let (ok, out) = convene(
        &["backup", "--to", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(ok, "{out}");
    assert!(out.contains("schema version"), "{out}");
    stop_tx.send(true).unwrap();
    for w in writers {
        w.await.unwrap();
    }
    let acked = acked.lock().await.clone();
    assert!(
        acked.len() >= 3,
        "the writers wrote ({} writes)",
        acked.len()
    );
    let written_during = acked.iter().filter(|id| !before.contains(id)).count();
    assert!(
        written_during > 0,
        "some writes came while the backup ran or after it"
    );

    let (ok, out) = convene(
        &["verify-backup", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(ok && out.contains("is intact"), "{out}");

    let restored_dir = tempfile::tempdir().unwrap();
    let restored = restored_dir.path().join("restored.db");
    let env = vec![
        (
            "CONVENE_DATABASE_URL",
            format!("sqlite://{}", restored.display()),
        ),
        ("CONVENE_KEY_FILE", key_file(&app).display().to_string()),
    ];
    let (ok, out) = convene(&["restore", "--from", backup.to_str().unwrap()], &env).await;
    assert!(ok, "{out}");
    let ids = ids_in(&restored, &key).await;
    let missing: Vec<_> = before.iter().filter(|id| !ids.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "acknowledged before the backup yet missing: {missing:?}"
    );
    // The restored database serves: migrations and sealed secrets open with the same key.
    let (ok, out) = convene(&["migrate"], &env).await;
    assert!(ok, "{out}");
}

#[tokio::test]
async fn verify_rejects_a_damaged_backup_and_one_read_with_another_key() {
    let app = keyed_app().await;
    refer_with_canaries(&app).await;
    let backup = app.data_dir().join("b.db");
    let (ok, out) = convene(
        &["backup", "--to", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(ok, "{out}");

    let other = app.data_dir().join("other.key");
    DbKey::generate().write_new_file(&other).unwrap();
    let (ok, out) = convene(
        &[
            "verify-backup",
            backup.to_str().unwrap(),
            "--key-file",
            other.to_str().unwrap(),
        ],
        &[],
    )
    .await;
    assert!(!ok);
    assert!(out.contains("cannot be read with this key"), "{out}");
    let (ok, out) = convene(&["verify-backup", backup.to_str().unwrap()], &[]).await;
    assert!(!ok && out.contains("cannot be read with this key"), "{out}");

    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 16] {
        *b ^= 0x5a;
    }
    let damaged = app.data_dir().join("damaged.db");
    std::fs::write(&damaged, bytes).unwrap();
    let (ok, out) = convene(
        &["verify-backup", damaged.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(!ok);
    assert!(out.contains("damaged"), "{out}");

    let (ok, out) = convene(
        &["backup", "--to", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(!ok && out.contains("already exists"), "{out}");
}

#[tokio::test]
async fn restore_refuses_a_database_that_is_not_empty() {
    let app = keyed_app().await;
    let backup = app.data_dir().join("b.db");
    let (ok, out) = convene(
        &["backup", "--to", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(ok, "{out}");
    let cases = app.count("cases").await;
    let (ok, out) = convene(
        &["restore", "--from", backup.to_str().unwrap()],
        &env_of(&app, true),
    )
    .await;
    assert!(!ok);
    assert!(out.contains("is not empty"), "{out}");
    assert_eq!(app.count("cases").await, cases);
}

#[tokio::test]
async fn keygen_makes_a_private_key_file_and_never_overwrites_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k");
    let env = [("CONVENE_KEY_FILE", path.display().to_string())];
    let (ok, out) = convene(&["keygen"], &env).await;
    assert!(ok, "{out}");
    let key = std::fs::read_to_string(&path).unwrap();
    assert_eq!(key.trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(path.metadata().unwrap().permissions().mode() & 0o777, 0o600);
    }
    let (ok, out) = convene(&["keygen"], &env).await;
    assert!(!ok && out.contains("never overwritten"), "{out}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), key);
}

async fn open_keyed(path: &Path, key: &DbKey) -> Result<SqliteConnection, sqlx::Error> {
    let options: SqliteConnectOptions = convene_app::db::file_options(path, Some(key));
    let mut c = SqliteConnection::connect_with(&options).await?;
    sqlx::query("SELECT COUNT(*) FROM sqlite_master")
        .execute(&mut c)
        .await?;
    Ok(c)
}

#[tokio::test]
async fn rotating_the_key_keeps_the_data_and_sealed_secrets_and_the_old_key_no_longer_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("convene.db");
    let key_path = dir.path().join("convene.key");
    let env = vec![
        ("CONVENE_DATABASE_URL", format!("sqlite://{}", db.display())),
        ("CONVENE_KEY_FILE", key_path.display().to_string()),
    ];
    let (ok, out) = convene(&["keygen"], &env).await;
    assert!(ok, "{out}");
    let (ok, out) = convene(&["migrate"], &env).await;
    assert!(ok, "{out}");
    let old = DbKey::read_file(&key_path).unwrap();
    let url = format!("sqlite://{}", db.display());
    let sealed = {
        let pool = convene_app::db::connect_with_key(&url, Some(&old))
            .await
            .unwrap();
        let sealer = convene_app::db::prepare(&pool, Some(&old)).await.unwrap();
        let sealed = sealer.seal("test", "a secret that must survive");

        let (ok, out) = convene(&["rotate-key"], &env).await;
        assert!(
            !ok && out.contains("stop the server"),
            "refused while open: {out}"
        );
        pool.close().await;
        sealed
    };

    let (ok, out) = convene(&["rotate-key"], &env).await;
    assert!(ok, "{out}");
    let new = DbKey::read_file(&key_path).unwrap();
    assert_ne!(new.to_hex(), old.to_hex());
    assert!(
        open_keyed(&db, &old).await.is_err(),
        "the old key opens nothing"
    );
    assert!(open_keyed(&db, &new).await.is_ok());
    let old_file = out
        .split_whitespace()
        .find(|w| w.contains(".old-"))
        .map(|w| w.trim_end_matches(':'))
        .unwrap();
    assert_eq!(
        DbKey::read_file(Path::new(old_file)).unwrap().to_hex(),
        old.to_hex()
    );

    let pool = convene_app::db::connect_with_key(&url, Some(&new))
        .await
        .unwrap();
    let sealer = convene_app::db::prepare(&pool, Some(&new)).await.unwrap();
    assert_eq!(
        sealer.open("test", &sealed).unwrap(),
        "a secret that must survive"
    );
    let (ok, out) = convene(&["migrate"], &env).await;
    assert!(ok, "{out}");
}

#[tokio::test]
async fn a_database_made_without_a_key_can_be_encrypted_later() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("convene.db");
    let key_path = dir.path().join("convene.key");
    let url = format!("sqlite://{}", db.display());
    let plain = vec![
        ("CONVENE_DATABASE_URL", url.clone()),
        ("CONVENE_DEMO_PASSWORD", PASSWORD.to_string()),
    ];
    let (ok, out) = convene(&["seed-demo"], &plain).await;
    assert!(ok, "{out}");
    let name = canary("plainname");
    {
        let pool = convene_app::db::connect(&url).await.unwrap();
        sqlx::query("UPDATE users SET name = ? WHERE email = 'chair@demo.test'")
            .bind(&name)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    }
    let mut keyed = plain.clone();
    keyed.push(("CONVENE_KEY_FILE", key_path.display().to_string()));
    let (ok, out) = convene(&["keygen"], &keyed).await;
    assert!(ok, "{out}");
    let (ok, out) = convene(&["migrate"], &keyed).await;
    assert!(!ok && out.contains("cannot be read with the key"), "{out}");

    let (ok, out) = convene(&["encrypt-database"], &keyed).await;
    assert!(ok, "{out}");
    assert_eq!(
        found_in(&db, std::slice::from_ref(&name)),
        Vec::<String>::new()
    );
    let plain_copy = out
        .split_whitespace()
        .find(|w| w.contains(".plain-"))
        .map(|w| w.trim_end_matches(':'))
        .unwrap();
    assert_eq!(
        found_in(Path::new(plain_copy), std::slice::from_ref(&name)),
        vec![name.clone()]
    );

    let (ok, out) = convene(&["migrate"], &keyed).await;
    assert!(
        ok,
        "the encrypted database opens with the key and its sealed secrets too: {out}"
    );
    let key = DbKey::read_file(&key_path).unwrap();
    let mut c = open_keyed(&db, &key).await.unwrap();
    let kept: String = sqlx::query_scalar("SELECT name FROM users WHERE email = 'chair@demo.test'")
        .fetch_one(&mut c)
        .await
        .unwrap();
    assert_eq!(kept, name);
}

#[tokio::test]
async fn secrets_an_older_version_kept_in_clear_are_sealed_at_the_next_start_and_still_work() {
    let app = TestApp::start().await;
    let secret = convene_app::auth::totp::new_secret();
    let token = "legacy-calendar-token-kept-in-clear-0001";
    sqlx::query(
        "UPDATE users SET totp_secret = ?, totp_last_step = 0, calendar_token = ?, calendar_token_hash = NULL
         WHERE email = 'probation@demo.test'",
    )
    .bind(&secret)
    .bind(token)
    .execute(&app.db)
    .await
    .unwrap();
    convene_app::db::prepare(&app.db, None).await.unwrap();

    let (stored_secret, stored_token): (String, String) = sqlx::query_as(
        "SELECT totp_secret, calendar_token FROM users WHERE email = 'probation@demo.test'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(stored_secret.starts_with("sealed1:") && !stored_secret.contains(&secret));
    assert!(stored_token.starts_with("sealed1:") && !stored_token.contains(token));

    // The sealer of the running server is the same data key, so both still work.
    let now = convene_app::time::now() as u64;
    let code = convene_app::auth::totp::code_at(&secret, now).unwrap();
    let c = app.client();
    let r = app
        .post_sign_in(&c, "probation@demo.test", PASSWORD, Some(&code))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let feed = app
        .client()
        .get(app.api(&format!("/calendar/{token}.ics")))
        .send()
        .await
        .unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
}
