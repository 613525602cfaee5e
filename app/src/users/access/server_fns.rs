use super::types::{AccessRequest, Confirmed, ResetOutcome};
use crate::error::AppError;
use crate::ids::{AccessRequestId, UserId};
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn list_access_requests() -> Result<Vec<AccessRequest>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn confirm_access_request(id: AccessRequestId) -> Result<Confirmed, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::confirm(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn refuse_access_request(id: AccessRequestId) -> Result<AccessRequest, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::refuse(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn withdraw_access_request(id: AccessRequestId) -> Result<AccessRequest, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::withdraw(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn reset_user_password(id: UserId) -> Result<ResetOutcome, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let what = super::reset::Reset::Password;
    respond(super::reset::reset(&state, actor.as_ref(), id, what).await)
}

#[server(prefix = "/_fn")]
pub async fn reset_user_totp(id: UserId) -> Result<ResetOutcome, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let what = super::reset::Reset::Totp;
    respond(super::reset::reset(&state, actor.as_ref(), id, what).await)
}
