//! Key rotation, offline: re-encrypts the database with a new key (`PRAGMA rekey`) and then
//! replaces the key file. Each step leaves something that opens: the new key is written to
//! `<key file>.new` before the database changes, and a rotation cut short is finished by
//! running it again.

use super::key::{sync_dir, DbKey};
use super::seal::Sealer;
use super::store;
use crate::db::Conn;
use sqlx::Connection;
use std::path::{Path, PathBuf};

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

async fn connect(url: &str, key: &DbKey) -> Result<Conn, sqlx::Error> {
    let mut conn = Conn::connect_with(&super::options(url, Some(key))?).await?;
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
    sqlx::query(ROTATE_1)
        .execute(&mut conn)
        .await
        .map_err(|_| in_use())?;
    let mode: String = sqlx::query_scalar(ROTATE_2)
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
async fn finish(mut conn: Conn, new: &DbKey) -> Result<(), String> {
    Sealer::keep_only(&mut conn, Some(new)).await?;
    super::backup::audit(&mut conn, "rotate_key", None).await?;
    sqlx::query(FINISH)
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

/// Where the unencrypted original went, to be deleted once the encrypted one is in use.
#[derive(Debug)]
pub struct Encrypted {
    pub plain_copy: PathBuf,
}

/// Encrypts a database made without a key (offline), with the key in `key_file`: SQLCipher's
/// `sqlcipher_export` copies it into a new encrypted file, which then takes its name.
pub async fn encrypt(url: &str, key_file: &Path) -> Result<Encrypted, String> {
    let key = DbKey::read_file(key_file)?;
    let path = super::file_path(url).ok_or("only a database file can be encrypted")?;
    if !path.is_file() {
        return Err(format!("there is no database at {}", path.display()));
    }
    // ATTACH opens its file with the main database's flags: "create" lets it make the copy.
    let options = super::options(url, None)
        .map_err(|e| e.to_string())?
        .create_if_missing(true);
    let mut conn = Conn::connect_with(&options)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    if let Err(e) = store::table_names(&mut conn).await {
        return Err(if super::is_wrong_key(&e) {
            "the database is already encrypted (or is not a database)".into()
        } else {
            format!("cannot open the database: {e}")
        });
    }
    let in_use = || "the database is in use: stop the server before encrypting it".to_string();
    sqlx::query(ENCRYPT_1)
        .execute(&mut conn)
        .await
        .map_err(|_| in_use())?;
    let mode: String = sqlx::query_scalar(ENCRYPT_2)
        .fetch_one(&mut conn)
        .await
        .map_err(|_| in_use())?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(in_use());
    }

    let target = with_suffix(&path, ".encrypting");
    let _ = std::fs::remove_file(&target);
    let target_name = target
        .to_str()
        .ok_or("the database's name must be valid UTF-8")?;
    let raw_key = format!("x'{}'", key.to_hex());
    let exported = async {
        sqlx::query(ENCRYPT_3)
            .bind(target_name)
            .bind(&raw_key)
            .execute(&mut conn)
            .await?;
        sqlx::query(ENCRYPT_4).execute(&mut conn).await?;
        sqlx::query(ENCRYPT_5).execute(&mut conn).await
    }
    .await;
    let _ = conn.close().await;
    if let Err(e) = exported {
        let _ = std::fs::remove_file(&target);
        return Err(format!(
            "the database could not be encrypted (it is unchanged): {e}"
        ));
    }

    // The data key was kept unwrapped; from now on only the file key unwraps it.
    let mut enc = Conn::connect_with(&super::file_options(&target, Some(&key)))
        .await
        .map_err(|e| format!("the encrypted copy does not open: {e}"))?;
    let rewrapped = async {
        let sealer = Sealer::load(&mut enc, None).await?;
        sealer.wrap_for(&mut enc, Some(&key)).await?;
        Sealer::keep_only(&mut enc, Some(&key)).await?;
        super::backup::audit(&mut enc, "encrypt_database", None).await
    }
    .await;
    let checked = store::integrity_check(&mut enc).await;
    let _ = enc.close().await;
    match (rewrapped, checked) {
        (Ok(()), Ok(ok)) if ok == ["ok"] => {}
        (r, c) => {
            let _ = std::fs::remove_file(&target);
            return Err(format!(
                "the encrypted copy failed its checks (the database is unchanged): {r:?} {c:?}"
            ));
        }
    }
    std::fs::File::open(&target)
        .and_then(|f| f.sync_all())
        .map_err(|e| e.to_string())?;
    let plain_copy = with_suffix(&path, &format!(".plain-{}", crate::time::now()));
    std::fs::rename(&path, &plain_copy).map_err(|e| e.to_string())?;
    std::fs::rename(&target, &path).map_err(|e| e.to_string())?;
    sync_dir(&path);
    Ok(Encrypted { plain_copy })
}

crate::statements! {
    ROTATE_1 = "PRAGMA wal_checkpoint(TRUNCATE)";
    ROTATE_2 = "PRAGMA journal_mode = DELETE";
    FINISH = "PRAGMA journal_mode = WAL";
    ENCRYPT_1 = "PRAGMA wal_checkpoint(TRUNCATE)";
    ENCRYPT_2 = "PRAGMA journal_mode = DELETE";
    ENCRYPT_3 = "ATTACH DATABASE ? AS encrypted KEY ?";
    ENCRYPT_4 = "SELECT sqlcipher_export('encrypted')";
    ENCRYPT_5 = "DETACH DATABASE encrypted";
}
