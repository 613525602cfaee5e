//! Key rotation, offline: re-encrypts the database with a new key (`PRAGMA rekey`) and then
//! replaces the key file. Each step leaves something that opens: the new key is written to
//! `<key file>.new` before the database changes, and a rotation cut short is finished by
//! running it again.

use super::key::{sync_dir, DbKey};
use super::seal::Sealer;
use super::store;
use sqlx::{Connection, SqliteConnection};
use std::path::{Path, PathBuf};

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

async fn connect(url: &str, key: &DbKey) -> Result<SqliteConnection, sqlx::Error> {
    let mut conn = SqliteConnection::connect_with(&super::options(url, Some(key))?).await?;
    store::table_names(&mut conn).await?;
    Ok(conn)
}

/// What became of the old key file (it still opens backups made before the rotation).
#[derive(Debug)]
pub struct Rotated {
    pub old_key_file: PathBuf,
}

pub async fn rotate(url: &str, key_file: &Path) -> Result<Rotated, String> {
    let new_file = with_suffix(key_file, ".new");
    if new_file.exists() {
        let pending = DbKey::read_file(&new_file)?;
        if let Ok(conn) = connect(url, &pending).await {
            finish(conn, &pending).await?;
            return replace_key_file(key_file, &new_file);
        }
        // The database never changed to that key: forget it and start again.
        std::fs::remove_file(&new_file)
            .map_err(|e| format!("cannot remove {}: {e}", new_file.display()))?;
    }
    let old = DbKey::read_file(key_file)?;
    let mut conn = connect(url, &old).await.map_err(|e| {
        if super::is_wrong_key(&e) {
            format!(
                "the database cannot be read with the key in {}",
                key_file.display()
            )
        } else {
            format!("cannot open the database: {e}")
        }
    })?;

    // Leaving WAL mode needs the only connection to the database, which tells that the
    // server is stopped; rekeying is also done in rollback mode, where it is atomic.
    let in_use = || "the database is in use: stop the server before rotating the key".to_string();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .map_err(|_| in_use())?;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut conn)
        .await
        .map_err(|_| in_use())?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(in_use());
    }

    let new = DbKey::generate();
    let mut tx = conn.begin().await.map_err(|e| e.to_string())?;
    let sealer = Sealer::load(&mut tx, Some(&old)).await?;
    sealer.wrap_for(&mut tx, Some(&new)).await?;
    tx.commit().await.map_err(|e| e.to_string())?;

    new.write_new_file(&new_file)?;
    sqlx::query(&format!("PRAGMA rekey = {}", new.pragma_value()))
        .execute(&mut conn)
        .await
        .map_err(|e| {
            format!("the database could not be re-encrypted (it still opens with the old key): {e}")
        })?;
    let _ = conn.close().await;

    let conn = connect(url, &new).await.map_err(|e| {
        format!(
            "after re-encrypting, the database does not open with the new key in {} ({e}); keep both key files",
            new_file.display()
        )
    })?;
    finish(conn, &new).await?;
    replace_key_file(key_file, &new_file)
}

/// Drops the old key's wrapping of the data key and returns to WAL mode.
async fn finish(mut conn: SqliteConnection, new: &DbKey) -> Result<(), String> {
    Sealer::keep_only(&mut conn, Some(new)).await?;
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    let _ = conn.close().await;
    Ok(())
}

fn replace_key_file(key_file: &Path, new_file: &Path) -> Result<Rotated, String> {
    let old_key_file = with_suffix(key_file, &format!(".old-{}", crate::time::now()));
    if key_file.exists() {
        std::fs::rename(key_file, &old_key_file)
            .map_err(|e| format!("cannot keep the old key file: {e}"))?;
    }
    std::fs::rename(new_file, key_file).map_err(|e| {
        format!(
            "cannot move the new key {} into place: {e}",
            new_file.display()
        )
    })?;
    sync_dir(key_file);
    Ok(Rotated { old_key_file })
}
