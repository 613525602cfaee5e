//! Closes live sockets whose session has ended (signed out, expired, password changed), whose
//! user was disabled, or whose role or agency changed, within a couple of seconds; and keeps
//! the sessions of people sitting in a live meeting from going idle.

use crate::error::{AppError, OrInternal};
use crate::ids::AgencyId;
use crate::state::AppState;
use std::collections::HashMap;
use std::time::Duration;

pub const EVERY: Duration = Duration::from_secs(2);

/// Runs until the process ends.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = once(&state).await {
            tracing::error!(error = %e, "live session sweep failed");
        }
    }
}

pub async fn once(state: &AppState) -> Result<(), AppError> {
    let viewers = state.live.all_viewers();
    if viewers.is_empty() {
        state.live.tidy();
        return Ok(());
    }
    let mut ids: Vec<&str> = viewers
        .iter()
        .map(|v| v.actor.session_id.as_str())
        .collect();
    ids.sort();
    ids.dedup();
    let now = crate::time::now();
    let mut valid: HashMap<String, (String, Option<AgencyId>)> = HashMap::new();
    let mut conn = state.db.acquire().await?;
    for chunk in ids.chunks(500) {
        let chunk = serde_json::to_string(chunk).or_internal("session ids as a JSON list")?;
        let rows = super::store::live_sessions(
            &mut conn,
            &chunk,
            now,
            now - state.security.session_idle_secs,
        )
        .await?;
        for (id, role, agency) in rows {
            valid.insert(id, (role, agency));
        }
        // Sitting in the meeting is using Convene: the session does not go idle meanwhile
        // (its absolute end still applies).
        super::store::touch_sessions(&mut conn, &chunk, now, now - 60).await?;
    }
    for v in viewers {
        let reason = match valid.get(&v.actor.session_id) {
            None => Some("signed_out"),
            Some((role, agency))
                if role != v.actor.role.as_str() || *agency != v.actor.agency_id =>
            {
                Some("access_changed")
            }
            _ => None,
        };
        if let Some(r) = reason {
            v.kick.send_replace(Some(r));
        }
    }
    Ok(())
}
