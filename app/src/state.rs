//! What every request handler on the server can reach.

use crate::auth::throttle::AddressLimiter;
use crate::db::Pool;
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Security knobs that differ between production, local development and tests.
#[derive(Debug, Clone)]
pub struct SecurityConfig {
    /// Mark cookies `Secure` (everywhere but plain-http local development).
    pub secure_cookies: bool,
    pub session_idle_secs: i64,
    pub session_absolute_secs: i64,
    /// Sign-in attempts one client address may make per minute.
    pub sign_in_attempts_per_minute: u32,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        Self {
            secure_cookies: true,
            session_idle_secs: 30 * 60,
            session_absolute_secs: 12 * 60 * 60,
            sign_in_attempts_per_minute: 30,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Pool,
    pub leptos_options: LeptosOptions,
    pub security: Arc<SecurityConfig>,
    pub limiter: Arc<AddressLimiter>,
    /// Password checks of one account run one at a time (see `auth::account_limit`).
    pub password_turns: Arc<crate::auth::account_limit::OneAtATime>,
    /// The live meetings' rooms (sockets and their broadcast channels).
    pub live: Arc<crate::live::hub::LiveHub>,
    /// Where meetings publish their changes: the same rooms, seen through the interface that
    /// meetings define, so meetings never depend on the live screen.
    pub feed: Arc<dyn crate::meetings::feed::MeetingFeed>,
    /// Seals and opens the secret columns (TOTP secrets, calendar tokens).
    pub sealer: Arc<crate::db::Sealer>,
    /// The clock of reminders, digests and retries (moved on by tests).
    pub clock: Arc<crate::time::Clock>,
    /// Wakes the outbox worker (a retry asked for by the admin).
    pub outbox_wake: Arc<tokio::sync::Notify>,
    /// Whether a mail server is configured (`CONVENE_SMTP_URL`): without one, the outbox
    /// makes notices only.
    pub mail_configured: bool,
}

impl AppState {
    pub fn new(
        db: Pool,
        leptos_options: LeptosOptions,
        security: SecurityConfig,
        sealer: crate::db::Sealer,
    ) -> Self {
        let limiter = Arc::new(AddressLimiter::new(security.sign_in_attempts_per_minute));
        let live = Arc::<crate::live::hub::LiveHub>::default();
        Self {
            db,
            leptos_options,
            security: Arc::new(security),
            limiter,
            password_turns: Arc::default(),
            feed: live.clone(),
            live,
            sealer: Arc::new(sealer),
            clock: Arc::default(),
            outbox_wake: Arc::default(),
            mail_configured: false,
        }
    }

    /// Opens a write transaction. `BEGIN IMMEDIATE` takes SQLite's write lock up front, so two
    /// writers queue on the busy timeout instead of failing when a read turns into a write.
    pub async fn write(&self) -> Result<crate::db::Tx, AppError> {
        Ok(self.db.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A read transaction: several reads (and their audit rows) see one snapshot.
    pub async fn read(&self) -> Result<crate::db::Tx, AppError> {
        Ok(self.db.begin().await?)
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(s: &AppState) -> Self {
        s.leptos_options.clone()
    }
}

/// The state inside a server function (provided as context by the router).
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        let path = leptos::prelude::use_context::<axum::http::request::Parts>()
            .map(|p| p.uri.path().to_string());
        tracing::error!(?path, "AppState missing from the server function context");
        AppError::Internal
    })
}
