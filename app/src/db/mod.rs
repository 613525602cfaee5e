//! The SQLite database: connection settings (SQLCipher with a key), the embedded migrations,
//! sealed secret columns, backups and key rotation.

pub mod backup_store;
#[cfg(test)]
mod case_store_tests;
pub mod key;
pub mod rotate_store;
pub mod seal;
pub mod statements;
mod store;
#[cfg(test)]
mod store_tests;

pub use backup_store as backup;
pub use rotate_store as rotate;

pub use key::DbKey;
pub use seal::Sealer;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// The engine the stores speak to, named here and nowhere else so a second one (PostgreSQL) can
/// come in behind the same names.
pub type Db = sqlx::Sqlite;
/// One connection (or an open transaction, through `&mut *tx`): what store functions take.
pub type Conn = sqlx::SqliteConnection;
/// The pool of connections the app holds.
pub type Pool = sqlx::Pool<Db>;
/// A transaction that owns its pooled connection.
pub type Tx = sqlx::Transaction<'static, Db>;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Connection settings for `url`; with a key, `PRAGMA key` runs before anything else on every
/// connection, so nothing is ever read or written unencrypted. Temporary tables and sort files
/// stay in memory: they never reach the disk, encrypted or not.
pub fn options(url: &str, key: Option<&DbKey>) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(keyed(SqliteConnectOptions::from_str(url)?, key))
}

/// The same settings for a file named by its path (a backup).
pub fn file_options(path: &Path, key: Option<&DbKey>) -> SqliteConnectOptions {
    keyed(SqliteConnectOptions::new().filename(path), key)
}

fn keyed(options: SqliteConnectOptions, key: Option<&DbKey>) -> SqliteConnectOptions {
    let mut options = options
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("temp_store", "MEMORY");
    if let Some(k) = key {
        options = options.pragma("key", k.pragma_value());
    }
    options
}

/// The file behind a `sqlite:` URL; `None` for an in-memory database.
pub fn file_path(url: &str) -> Option<PathBuf> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// Opens (creating if needed) the database at `url` without a key.
pub async fn connect(url: &str) -> Result<Pool, sqlx::Error> {
    connect_with_key(url, None).await
}

/// Opens (creating if needed) the database at `url`, with WAL, foreign keys,
/// full fsync on commit and a busy timeout, on every pooled connection.
pub async fn connect_with_key(url: &str, key: Option<&DbKey>) -> Result<Pool, sqlx::Error> {
    let options = options(url, key)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
}

pub async fn migrate(pool: &Pool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}

/// Whether `e` says the file is no database for this key: the wrong key, a database made
/// without one (or with one, opened without), or not a database at all.
pub fn is_wrong_key(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => d.code().as_deref() == Some("26"),
        _ => false,
    }
}

/// After migrating: loads the data key for sealed columns and seals any secret an older
/// version left in clear.
pub async fn prepare(pool: &Pool, key: Option<&DbKey>) -> Result<Sealer, String> {
    let mut tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let sealer = Sealer::load(&mut tx, key).await?;
    let clear = store::clear_secrets(&mut tx)
        .await
        .map_err(|e| format!("cannot read the users' secrets: {e}"))?;
    for (id, totp, pending, calendar) in clear {
        let user = crate::ids::UserId(id);
        let seal = |s: Option<String>| s.map(|s| crate::auth::totp::seal_secret(&sealer, user, &s));
        let (totp, pending) = (seal(totp), seal(pending));
        let mut result = store::seal_totp(&mut tx, id, totp.as_deref(), pending.as_deref()).await;
        if let (Ok(()), Some(token)) = (&result, calendar) {
            let sealed = crate::meetings::calendar_token::seal(&sealer, user, &token);
            let hash = crate::meetings::calendar_token::hash(&token);
            result = store::seal_calendar_token(&mut tx, id, &sealed, &hash).await;
        }
        result.map_err(|e| format!("cannot seal the users' secrets: {e}"))?;
    }
    tx.commit()
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    Ok(sealer)
}
