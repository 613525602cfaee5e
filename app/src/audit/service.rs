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
    let actor = authorize(actor, Action::Read, Resource::AuditLog)?;
    let q = filter.parse()?;
    let mut tx = state.write().await?;
    let (entries, more) = super::store::list(&mut tx, &q).await?;
    // The log names cases and people: whoever browses it is in it too. Only how much was
    // shown is kept, not the filter's words.
    super::store::record(
        &mut tx,
        super::store::AuditEvent::new(Some(actor.user_id), "read", "audit")
            .details(serde_json::json!({ "count": entries.len() })),
    )
    .await?;
    tx.commit().await?;
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
