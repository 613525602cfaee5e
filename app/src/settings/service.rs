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
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "settings")
            .details(serde_json::json!({ "changed": change.changed() })),
    )
    .await?;
    let s = read(&mut tx).await?;
    tx.commit().await?;
    Ok(s)
}
