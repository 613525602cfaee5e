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
                s.escalation_incidents = v.parse().unwrap_or(s.escalation_incidents)
            }
            "case_item_minutes" => s.case_item_minutes = v.parse().unwrap_or(s.case_item_minutes),
            "research_due_hours" => {
                s.research_due_hours = v.parse().unwrap_or(s.research_due_hours)
            }
            "carry_over_limit" => s.carry_over_limit = v.parse().unwrap_or(s.carry_over_limit),
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
    let mut p = crate::error::Problems::new();
    for (field, value, range, message) in [
        (
            "escalation_incidents",
            patch.escalation_incidents,
            1..=50,
            super::text::ESCALATION_INVALID,
        ),
        (
            "case_item_minutes",
            patch.case_item_minutes,
            1..=120,
            super::text::CASE_MINUTES_INVALID,
        ),
        (
            "research_due_hours",
            patch.research_due_hours,
            0..=336,
            super::text::RESEARCH_HOURS_INVALID,
        ),
        (
            "carry_over_limit",
            patch.carry_over_limit,
            1..=12,
            super::text::CARRY_OVER_INVALID,
        ),
    ] {
        if value.is_some_and(|n| !range.contains(&n)) {
            p.add(field, message);
        }
    }
    p.into_result()?;
    let mut tx = state.write().await?;
    let mut changed = Vec::new();
    if let Some(v) = patch.require_totp {
        write(&mut tx, "require_totp", v.to_string()).await?;
        changed.push("require_totp");
    }
    for (key, value) in [
        ("escalation_incidents", patch.escalation_incidents),
        ("case_item_minutes", patch.case_item_minutes),
        ("research_due_hours", patch.research_due_hours),
        ("carry_over_limit", patch.carry_over_limit),
    ] {
        if let Some(v) = value {
            write(&mut tx, key, v.to_string()).await?;
            changed.push(key);
        }
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
