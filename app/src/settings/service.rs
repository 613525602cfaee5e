use super::types::{Settings, SettingsPatch};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::state::AppState;
use sqlx::SqliteConnection;

async fn read(conn: &mut SqliteConnection) -> Result<Settings, AppError> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings")
        .fetch_all(&mut *conn)
        .await?;
    let mut s = Settings::default();
    for (k, v) in rows {
        match k.as_str() {
            "require_totp" => s.require_totp = v == "true",
            "escalation_incidents" => {
                if let Ok(n) = v.parse() {
                    s.escalation_incidents = n;
                }
            }
            _ => {}
        }
    }
    Ok(s)
}

async fn write(conn: &mut SqliteConnection, key: &str, value: String) -> Result<(), AppError> {
    sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

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
    if let Some(n) = patch.escalation_incidents {
        if !(1..=50).contains(&n) {
            return Err(AppError::validation(
                "escalation_incidents",
                super::text::ESCALATION_INVALID,
            ));
        }
    }
    let mut tx = state.write().await?;
    let mut changed = Vec::new();
    if let Some(v) = patch.require_totp {
        write(&mut tx, "require_totp", v.to_string()).await?;
        changed.push("require_totp");
    }
    if let Some(v) = patch.escalation_incidents {
        write(&mut tx, "escalation_incidents", v.to_string()).await?;
        changed.push("escalation_incidents");
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "settings")
            .details(serde_json::json!({ "changed": changed })),
    )
    .await?;
    let s = read(&mut tx).await?;
    tx.commit().await?;
    Ok(s)
}
