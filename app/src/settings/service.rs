use super::store::{read, write};
use super::types::{Settings, SettingsPatch};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::state::AppState;

/// For other domains, inside their transaction.
pub use super::store::read as read_in;

/// The settings for internal use (no authorization: callers have done theirs).
pub async fn load(state: &AppState) -> Result<Settings, AppError> {
    let mut conn = state.db.acquire().await?;
    read(&mut conn).await
}

pub async fn get(state: &AppState, actor: Option<&Actor>) -> Result<Settings, AppError> {
    authorize(actor, Action::Read, Resource::Settings)?;
    load(state).await
}

pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    patch: SettingsPatch,
) -> Result<Settings, AppError> {
    let actor = authorize(actor, Action::Update, Resource::Settings)?;
    let mut tx = state.write().await?;
    let change = patch.parse(&read(&mut tx).await?)?;
    if let Some(v) = change.require_totp {
        write(&mut tx, "require_totp", v.to_string()).await?;
    }
    for (key, value) in &change.numbers {
        write(&mut tx, key, value.to_string()).await?;
    }
    for (key, value) in &change.names {
        write(&mut tx, key, value.clone()).await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "settings")
            .details(serde_json::json!({ "changed": change.changed() })),
    )
    .await?;
    let s = read(&mut tx).await?;
    tx.commit().await?;
    apply(&s);
    Ok(s)
}

/// Makes the group's language and time zone the ones everything falls back to (at start and
/// after each change).
pub fn apply(s: &Settings) {
    if let Some(l) = crate::i18n::Lang::parse(&s.default_language) {
        crate::i18n::Lang::set_group_default(l);
    }
    if let Some(z) = crate::time::Zone::parse(&s.time_zone) {
        crate::time::Zone::set_group(z);
    }
}

/// The demo group's language and, with it, its zone: Romanian meets in Cluj-Napoca.
pub async fn set_demo_language(
    conn: &mut crate::db::Conn,
    lang: crate::i18n::Lang,
) -> Result<(), AppError> {
    let zone = if lang.code() == "ro" {
        "Europe/Bucharest"
    } else {
        "Europe/London"
    };
    write(conn, "default_language", lang.code()).await?;
    write(conn, "time_zone", zone.to_string()).await
}

/// Reads the settings and applies them (when the server starts).
pub async fn apply_stored(state: &AppState) -> Result<(), AppError> {
    apply(&load(state).await?);
    Ok(())
}
