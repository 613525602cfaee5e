use super::types::Agency;
#[cfg(feature = "ssr")]
use super::types::{AgencyPatchInput, NewAgencyInput};
use crate::error::AppError;
use crate::ids::AgencyId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn list_agencies() -> Result<Vec<Agency>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn get_agency(id: AgencyId) -> Result<Agency, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn create_agency(
    name: String,
    kind: String,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
) -> Result<Agency, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = NewAgencyInput {
        name,
        kind,
        contact_name,
        contact_email,
        contact_phone,
    };
    respond(super::service::create(&state, actor.as_ref(), input).await)
}

/// Saves the edit form. `active` is sent only by the deactivate/reactivate buttons.
#[server(prefix = "/_fn")]
pub async fn update_agency(
    id: AgencyId,
    name: Option<String>,
    kind: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    active: Option<bool>,
) -> Result<Agency, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = AgencyPatchInput {
        name,
        kind,
        active,
        contact_name,
        contact_email,
        contact_phone,
    };
    respond(super::service::update(&state, actor.as_ref(), id, input).await)
}
