use super::chain_store::{self, Verification};
use super::types::{AuditFilter, AuditPage};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Pool;
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

/// Seals the rows written before the hash chain existed (run at every start, after the
/// migrations; a no-op once done). Operator tooling, not a request: no actor.
pub async fn seal(db: &Pool) -> Result<u64, AppError> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let n = chain_store::seal_unsealed(&mut tx).await?;
    tx.commit().await?;
    Ok(n)
}

/// Walks the whole chain (for `convene audit verify`). One read transaction, so rows written
/// meanwhile neither break nor join the walk.
pub async fn verify(db: &Pool) -> Result<Verification, AppError> {
    let mut tx = db.begin().await?;
    let v = chain_store::verify(&mut tx).await?;
    tx.commit().await?;
    Ok(v)
}
