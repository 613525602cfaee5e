//! Building and running the application. Takes a listener and a shutdown signal, so tests run
//! the real thing on port 0 with a fresh database.

use crate::config::Config;
use axum::serve::ListenerExt;
use axum::Router;
use convene_app::db::Pool;
use convene_app::db::Sealer;
use convene_app::state::{AppState, SecurityConfig};
use leptos::config::LeptosOptions;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The open database and the sealer for its secret columns.
pub struct Database {
    pub pool: Pool,
    pub sealer: Sealer,
}

/// Opens the database (creating its folder and file if needed) with the configured key,
/// applies the migrations and seals secrets an older version kept in clear.
pub async fn open_database(config: &Config) -> Result<Database, BoxError> {
    let url = &config.database_url;
    if let Some(dir) = convene_app::db::file_path(url)
        .as_deref()
        .and_then(|p| p.parent())
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the database folder {}: {e}", dir.display()))?;
    }
    let key = config.key()?;
    let pool = convene_app::db::connect_with_key(url, key.as_ref())
        .await
        .map_err(|e| {
            if !convene_app::db::is_wrong_key(&e) {
                format!("cannot open the database: {e}")
            } else if key.is_some() {
                "the database cannot be read with the key in CONVENE_KEY_FILE: a wrong key, or a database made without a key (see docs/encryption.md)".into()
            } else {
                "the database cannot be read: it is encrypted (set CONVENE_KEY_FILE) or it is not a database".into()
            }
        })?;
    convene_app::db::migrate(&pool)
        .await
        .map_err(|e| format!("cannot apply the database migrations: {e}"))?;
    let sealed = convene_app::audit::service::seal(&pool)
        .await
        .map_err(|e| format!("cannot seal the audit log: {e}"))?;
    if sealed > 0 {
        tracing::info!(
            rows = sealed,
            "audit rows written before the hash chain were sealed"
        );
    }
    let sealer = convene_app::db::prepare(&pool, key.as_ref()).await?;
    Ok(Database { pool, sealer })
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("convene")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
}

pub fn security(config: &Config) -> SecurityConfig {
    SecurityConfig {
        secure_cookies: config.secure_cookies,
        sign_in_attempts_per_minute: config.sign_in_per_minute,
        ..SecurityConfig::default()
    }
}

/// The whole application: pages, server functions, the JSON API and the middleware around them.
pub async fn build(
    config: &Config,
    security: SecurityConfig,
) -> Result<(AppState, Router), BoxError> {
    if config.key_file.is_none() {
        tracing::warn!(
            "CONVENE_KEY_FILE is not set: the database, its WAL and backups are NOT encrypted (fine for the demo; see docs/encryption.md)"
        );
    }
    let db = open_database(config).await?;
    let mut state = AppState::new(db.pool, leptos_options(config), security, db.sealer);
    convene_app::settings::service::apply_stored(&state).await?;
    tokio::spawn(convene_app::live::sweep::run(state.clone()));
    let post = post(config)?;
    state.mail_configured = post.mailer.is_some();
    convene_app::outbox::worker::recover(&state).await?;
    tokio::spawn(convene_app::schedule::run(
        state.clone(),
        post,
        OUTBOX_EVERY,
        std::future::pending(),
    ));
    let router = crate::http::router(state.clone(), config);
    Ok((state, router))
}

/// How often the worker looks for what is due (immediate messages go within this).
pub const OUTBOX_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// How the outbox reaches people: the mail server, and the address its links point to.
pub fn post(config: &Config) -> Result<convene_app::outbox::worker::Post, BoxError> {
    let mailer = match &config.smtp_url {
        None => {
            tracing::warn!("CONVENE_SMTP_URL is not set: the outbox makes in-app notices only, no email is sent");
            None
        }
        Some(url) => Some(std::sync::Arc::new(
            convene_app::outbox::mailer::Mailer::new(url, &config.mail_from)
                .map_err(|e| format!("CONVENE_SMTP_URL: {e}"))?,
        )),
    };
    let base_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.addr));
    Ok(convene_app::outbox::worker::Post { mailer, base_url })
}

/// The daily retention purge (a first run a minute after start), until `stop` resolves.
pub fn spawn_retention(
    db: Pool,
    stop: impl Future<Output = ()> + Send + 'static,
) -> tokio::task::JoinHandle<()> {
    const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    tokio::spawn(convene_app::retention::service::run_every(
        db,
        std::time::Duration::from_secs(60),
        DAY,
        stop,
    ))
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Live messages are small and often go out back to back (an acknowledgement, then the
    // event): with Nagle's algorithm the second waits for the client's delayed ACK (~40 ms).
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Panics go to the log with where they happened, and their message only when it is a fixed
/// text: the default hook prints every message to stderr, and a formatted one (an `unwrap` of
/// an error) may quote a person's data.
pub fn log_panics_without_data() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(
            %location,
            message = crate::http::failures::panic_message(info.payload()),
            "panic"
        );
    }));
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
