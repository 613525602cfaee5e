use super::types::{AuditFilter, AuditPage};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn browse_audit(#[server(default)] filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::browse(&state, actor.as_ref(), filter).await)
}
