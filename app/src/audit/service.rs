use super::types::{AuditFilter, AuditPage};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::state::AppState;

pub async fn browse(
    state: &AppState,
    actor: Option<&Actor>,
    filter: AuditFilter,
) -> Result<AuditPage, AppError> {
    authorize(actor, Action::Read, Resource::AuditLog)?;
    let q = filter.parse()?;
    let mut conn = state.db.acquire().await?;
    let (entries, more) = super::store::list(&mut conn, &q).await?;
    let next_before_id = if more {
        entries.last().map(|e| e.id)
    } else {
        None
    };
    Ok(AuditPage {
        entries,
        next_before_id,
    })
}
