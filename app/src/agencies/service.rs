//! Agency use cases: each authorizes, runs in one transaction and audits its change.

use super::store;
use super::text;
use super::types::{Agency, AgencyPatchInput, NewAgencyInput};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::{AppError, OrInternal};
use crate::ids::AgencyId;
use crate::state::AppState;

/// For other domains, inside their transaction.
pub use super::store::{is_active, list as all_in};

pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<Agency>, AppError> {
    authorize(actor, Action::Read, Resource::Agencies)?;
    let mut conn = state.db.acquire().await?;
    store::list(&mut conn).await
}

pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: AgencyId,
) -> Result<Agency, AppError> {
    authorize(actor, Action::Read, Resource::Agencies)?;
    let mut conn = state.db.acquire().await?;
    store::get(&mut conn, id).await?.ok_or(AppError::NotFound)
}

pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    input: NewAgencyInput,
) -> Result<Agency, AppError> {
    let actor = authorize(actor, Action::Create, Resource::Agencies)?;
    let new = input.parse()?;
    let mut tx = state.write().await?;
    if store::name_taken(&mut tx, new.name.as_str(), None).await? {
        return Err(AppError::validation("name", text::NAME_TAKEN));
    }
    let id = store::insert(&mut tx, &new, crate::time::now()).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "create", "agency").id(id),
    )
    .await?;
    let agency = store::get(&mut tx, id)
        .await?
        .or_internal("the agency row just written")?;
    tx.commit().await?;
    Ok(agency)
}

pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: AgencyId,
    input: AgencyPatchInput,
) -> Result<Agency, AppError> {
    let actor = authorize(actor, Action::Update, Resource::Agencies)?;
    let patch = input.parse()?;
    let mut tx = state.write().await?;
    let before = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if let Some(name) = &patch.name {
        if store::name_taken(&mut tx, name.as_str(), Some(id)).await? {
            return Err(AppError::validation("name", text::NAME_TAKEN));
        }
    }
    store::update(&mut tx, id, &patch, crate::time::now()).await?;
    let after = store::get(&mut tx, id)
        .await?
        .or_internal("the agency row just updated")?;
    let changed = changed_fields(&before, &after);
    let action = match (before.active, after.active) {
        (true, false) => "deactivate",
        (false, true) => "reactivate",
        _ => "update",
    };
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), action, "agency")
            .id(id)
            .details(serde_json::json!({ "changed": changed })),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

fn changed_fields(a: &Agency, b: &Agency) -> Vec<&'static str> {
    let mut v = Vec::new();
    if a.name != b.name {
        v.push("name");
    }
    if a.kind != b.kind {
        v.push("kind");
    }
    if a.active != b.active {
        v.push("active");
    }
    if a.contact_name != b.contact_name {
        v.push("contact_name");
    }
    if a.contact_email != b.contact_email {
        v.push("contact_email");
    }
    if a.contact_phone != b.contact_phone {
        v.push("contact_phone");
    }
    if a.children_only != b.children_only {
        v.push("children_only");
    }
    v
}
