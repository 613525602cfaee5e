//! Online backups (`VACUUM INTO`, which reads one snapshot while the server goes on writing),
//! their verification and restoring one into an empty database. With a key, SQLCipher writes
//! the copy encrypted with the same key, so a backup is no easier to read than the database.

use super::key::{sync_dir, DbKey};
use super::store;
use crate::db::Conn;
use sqlx::Connection;
use std::path::{Path, PathBuf};

/// What a backup holds: the schema version and the rows of each table.
#[derive(Debug)]
pub struct Summary {
    pub schema_version: i64,
    pub counts: Vec<(String, i64)>,
}

impl Summary {
    pub fn count(&self, table: &str) -> Option<i64> {
        self.counts
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, n)| *n)
    }

    pub fn describe(&self) -> String {
        let rows: Vec<String> = self
            .counts
            .iter()
            .filter(|(t, _)| !t.starts_with('_'))
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        format!(
            "schema version {}; rows: {}",
            self.schema_version,
            rows.join(", ")
        )
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn open_error(what: &Path, e: &sqlx::Error) -> String {
    if super::is_wrong_key(e) {
        format!(
            "{} cannot be read with this key: it was made with another key (or without one), or it is not a Convene database",
            what.display()
        )
    } else {
        format!("{} cannot be read: it is damaged ({e})", what.display())
    }
}

/// Copies the database at `url` to the new file `dest`, written under a temporary name and
/// renamed when complete and checked, so a half-written backup never has the final name.
pub async fn backup(url: &str, key: Option<&DbKey>, dest: &Path) -> Result<Summary, String> {
    if dest.exists() {
        return Err(format!(
            "{} already exists: a backup never overwrites a file (put the date in its name)",
            dest.display()
        ));
    }
    let source = super::file_path(url).ok_or("only a database file can be backed up")?;
    if !source.is_file() {
        return Err(format!("there is no database at {}", source.display()));
    }
    let partial = with_suffix(dest, ".partial");
    let _ = std::fs::remove_file(&partial);
    let options = super::options(url, key).map_err(|e| e.to_string())?;
    let mut conn = Conn::connect_with(&options)
        .await
        .map_err(|e| open_error(&source, &e))?;
    let target = partial
        .to_str()
        .ok_or("the backup file's name must be valid UTF-8")?;
    // A backup reads every case: it is audited like any read, before it starts (VACUUM INTO
    // cannot share a transaction with the write), so the copy holds its own audit row too.
    audit(&mut conn, "backup", Some(dest)).await?;
    sqlx::query(BACKUP_1)
        .bind(target)
        .execute(&mut conn)
        .await
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            format!("the backup failed: {e}")
        })?;
    let _ = conn.close().await;

    // One self-contained file: a copy in WAL mode would need its -wal beside it to be read.
    let checked = async {
        let mut copy = Conn::connect_with(&super::file_options(&partial, key))
            .await
            .map_err(|e| open_error(&partial, &e))?;
        sqlx::query(BACKUP_2)
            .execute(&mut copy)
            .await
            .map_err(|e| format!("the backup failed: {e}"))?;
        let _ = copy.close().await;
        let summary = verify(&partial, key).await?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| format!("cannot write the backup: {e}"))?;
        Ok::<_, String>(summary)
    }
    .await;
    let summary = match checked {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, dest).map_err(|e| format!("cannot write the backup: {e}"))?;
    sync_dir(dest);
    Ok(summary)
}

/// Writes the audit row of a database-wide operation (no user: it runs from the command line).
pub(crate) async fn audit(
    conn: &mut Conn,
    action: &'static str,
    file: Option<&Path>,
) -> Result<(), String> {
    let mut event = crate::audit::store::AuditEvent::new(None, action, "database");
    if let Some(name) = file.and_then(|f| f.file_name()) {
        event = event.details(serde_json::json!({ "file": name.to_string_lossy() }));
    }
    let mut tx = conn
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(|e| format!("cannot write the audit row: {e}"))?;
    crate::audit::store::record(&mut tx, event)
        .await
        .map_err(|e| format!("cannot write the audit row: {e}"))?;
    tx.commit()
        .await
        .map_err(|e| format!("cannot write the audit row: {e}"))
}

/// Opens a backup read-only with `key`, checks every page and the schema, and counts rows.
pub async fn verify(path: &Path, key: Option<&DbKey>) -> Result<Summary, String> {
    if !path.is_file() {
        return Err(format!("there is no file {}", path.display()));
    }
    let options = super::file_options(path, key).read_only(true);
    let mut conn = Conn::connect_with(&options)
        .await
        .map_err(|e| open_error(path, &e))?;
    let result = check(&mut conn, path).await;
    let _ = conn.close().await;
    result
}

async fn check(conn: &mut Conn, path: &Path) -> Result<Summary, String> {
    let tables = store::table_names(conn)
        .await
        .map_err(|e| open_error(path, &e))?;
    let problems = store::integrity_check(conn)
        .await
        .map_err(|e| open_error(path, &e))?;
    if problems != ["ok"] {
        let first: Vec<_> = problems.into_iter().take(3).collect();
        return Err(format!(
            "{} is damaged: {}",
            path.display(),
            first.join("; ")
        ));
    }
    let schema_version = store::schema_version(conn)
        .await
        .map_err(|e| open_error(path, &e))?
        .ok_or_else(|| {
            format!(
                "{} is not a Convene database (no migrations)",
                path.display()
            )
        })?;
    let mut counts = Vec::with_capacity(tables.len());
    for t in tables {
        let n = store::row_count(conn, &t)
            .await
            .map_err(|e| open_error(path, &e))?;
        counts.push((t, n));
    }
    Ok(Summary {
        schema_version,
        counts,
    })
}

/// Restores the backup `from` as the database at `url`, which must not exist yet or be empty:
/// a restore never replaces data.
pub async fn restore(from: &Path, url: &str, key: Option<&DbKey>) -> Result<Summary, String> {
    let summary = verify(from, key).await?;
    let target = super::file_path(url).ok_or("only a database file can be restored into")?;
    refuse_unless_empty(&target, key).await?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the folder {}: {e}", dir.display()))?;
    }
    let partial = with_suffix(&target, ".restoring");
    std::fs::copy(from, &partial)
        .and_then(|_| std::fs::File::open(&partial)?.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    for leftover in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(&target, leftover));
    }
    std::fs::rename(&partial, &target)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    sync_dir(&target);
    Ok(summary)
}

async fn refuse_unless_empty(target: &Path, key: Option<&DbKey>) -> Result<(), String> {
    let not_empty = || {
        format!(
            "the database {} is not empty: restore only into a new or empty database (move the old one away first)",
            target.display()
        )
    };
    let wal = with_suffix(target, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(not_empty());
    }
    match std::fs::metadata(target) {
        Err(_) => return Ok(()),
        Ok(m) if m.len() == 0 => return Ok(()),
        Ok(_) => {}
    }
    let options = super::file_options(target, key).read_only(true);
    let mut conn = Conn::connect_with(&options)
        .await
        .map_err(|_| not_empty())?;
    let tables = store::table_names(&mut conn).await.map_err(|_| not_empty());
    let _ = conn.close().await;
    if tables?.is_empty() {
        Ok(())
    } else {
        Err(not_empty())
    }
}

crate::statements! {
    BACKUP_1 = "VACUUM INTO ?";
    BACKUP_2 = "PRAGMA journal_mode = DELETE";
}
