//! The server functions of the case page's "who manages it" and contact-details forms.

use super::types::{CaseDetail, CasePeopleInput, ContactInput, ContactUpdated};
use crate::error::AppError;
use crate::ids::CaseId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn set_case_people(id: CaseId, people: CasePeopleInput) -> Result<CaseDetail, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::people::set(&state, actor.as_ref(), id, people).await)
}

#[server(prefix = "/_fn")]
pub async fn update_case_contact(
    id: CaseId,
    contact: ContactInput,
) -> Result<ContactUpdated, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::contact_update::update(&state, actor.as_ref(), id, contact).await)
}
