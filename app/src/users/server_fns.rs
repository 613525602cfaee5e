use super::types::{CreatedUser, UpdatedUser, UserAccount};
#[cfg(feature = "ssr")]
use super::types::{NewUserInput, UserPatchInput};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::ids::AgencyId;
use crate::ids::UserId;
use leptos::prelude::*;

/// An agency chosen in a form: the empty option means none.
#[cfg(feature = "ssr")]
fn agency_choice(raw: Option<String>) -> Result<Option<AgencyId>, AppError> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| AppError::validation("agency_id", super::text::AGENCY_UNKNOWN)),
    }
}

#[server(prefix = "/_fn")]
pub async fn list_users() -> Result<Vec<UserAccount>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn get_user(id: UserId) -> Result<UserAccount, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn create_user(
    email: String,
    name: String,
    role: String,
    agency_id: Option<String>,
    representation: Option<String>,
    password: Option<String>,
) -> Result<CreatedUser, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let r = async {
        let input = NewUserInput {
            email,
            name,
            role,
            agency_id: agency_choice(agency_id)?,
            representation,
            password,
        };
        super::service::create(&state, actor.as_ref(), input).await
    };
    respond(r.await)
}

#[server(prefix = "/_fn")]
pub async fn update_user(
    id: UserId,
    name: Option<String>,
    role: Option<String>,
    agency_id: Option<String>,
    representation: Option<String>,
    active: Option<bool>,
    password: Option<String>,
) -> Result<UpdatedUser, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let r = async {
        let agency_id = match agency_id {
            None => None,
            Some(raw) => Some(agency_choice(Some(raw))?),
        };
        let input = UserPatchInput {
            name,
            role,
            agency_id,
            representation,
            active,
            password,
        };
        super::service::update(&state, actor.as_ref(), id, input).await
    };
    respond(r.await)
}
