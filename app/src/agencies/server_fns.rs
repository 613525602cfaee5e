// A form's fields arrive as one argument each; the `#[server]` macro also writes the browser's
// stub, which an attribute on the function does not reach.
#![allow(clippy::too_many_arguments)]

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
    children_only: Option<String>,
) -> Result<Agency, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    // An unticked checkbox is simply absent from the form.
    let input = NewAgencyInput {
        name,
        kind,
        contact_name,
        contact_email,
        contact_phone,
        children_only: Some(children_only.is_some().into()),
    };
    respond(super::service::create(&state, actor.as_ref(), input).await)
}

/// Saves the edit form. `active` is sent only by the deactivate/reactivate buttons, which send
/// nothing else; the edit form always sends `name`, and leaves out `children_only` when unticked.
#[server(prefix = "/_fn")]
pub async fn update_agency(
    id: AgencyId,
    name: Option<String>,
    kind: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    active: Option<bool>,
    children_only: Option<String>,
) -> Result<Agency, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let children_only = name.is_some().then(|| children_only.is_some().into());
    let input = AgencyPatchInput {
        name,
        kind,
        active,
        contact_name,
        contact_email,
        contact_phone,
        children_only,
    };
    respond(super::service::update(&state, actor.as_ref(), id, input).await)
}
