//! Resetting someone else's password or two-factor sign-in: at once for someone who reads no
//! cases, through an access request for a case reader.

use super::service::{ask, one_time_password};
use super::text;
use super::types::{AccessKind, ResetOutcome};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, reads_cases, Action, Resource};
use crate::auth::session;
use crate::auth::types::{Actor, Role};
use crate::error::AppError;
use crate::ids::UserId;
use crate::state::AppState;
use crate::users::store as users;

/// What a reset removes: the password, or the two-factor set-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reset {
    Password,
    Totp,
}

/// Resets someone else's password (a new one-time password) or two-factor sign-in. At once
/// for someone who reads no cases; for a case reader it is asked, and the confirmer gets the
/// password.
pub async fn reset(
    state: &AppState,
    actor: Option<&Actor>,
    id: UserId,
    what: Reset,
) -> Result<ResetOutcome, AppError> {
    authorize(
        actor,
        Action::Update,
        Resource::UserAccount { role: Role::Member },
    )?;
    let target = {
        let mut conn = state.db.acquire().await?;
        users::get_account(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound)?
    };
    let actor = authorize(
        actor,
        Action::Update,
        Resource::UserAccount { role: target.role },
    )?;
    if id == actor.user_id {
        return Err(AppError::conflict(text::RESET_OWN));
    }
    let kind = match what {
        Reset::Password => AccessKind::ResetPassword,
        Reset::Totp => AccessKind::ResetTotp,
    };
    if reads_cases(target.role, target.agency_id) {
        let mut tx = state.write().await?;
        let r = ask(
            &mut tx,
            actor,
            &target,
            kind,
            target.role,
            target.agency_id,
            false,
        )
        .await?;
        tx.commit().await?;
        return Ok(ResetOutcome {
            one_time_password: None,
            request: Some(r),
        });
    }
    let password = match what {
        Reset::Password => Some(one_time_password().await?),
        Reset::Totp => None,
    };
    let mut tx = state.write().await?;
    let now = crate::time::now();
    let current = users::get_account(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The role may have changed meanwhile: a case reader's reset is never done at once.
    if reads_cases(current.role, current.agency_id) {
        return Err(AppError::conflict(text::ASKED));
    }
    match &password {
        Some((_, hash)) => users::set_password(&mut tx, id, hash, Some(actor.user_id), now).await?,
        None => users::disable_totp(&mut tx, id).await?,
    }
    session::delete_all_for_user(&mut tx, id).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), kind.as_str(), "user")
            .id(id)
            .details(serde_json::json!({ "sessions_ended": true })),
    )
    .await?;
    tx.commit().await?;
    Ok(ResetOutcome {
        one_time_password: password.map(|(plain, _)| plain),
        request: None,
    })
}
