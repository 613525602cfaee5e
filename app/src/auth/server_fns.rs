//! Server functions for signing in and out and for one's own account.

use super::types::{Me, TotpEnrolment};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    let (_, actor) = crate::sfn::ctx()?;
    Ok(actor.map(|a| a.me()))
}

#[server(prefix = "/_fn")]
pub async fn sign_in(
    email: String,
    password: String,
    totp: Option<String>,
) -> Result<Me, AppError> {
    use crate::sfn::*;
    let (state, _) = ctx()?;
    let input = super::service::SignInInput {
        email,
        password,
        totp,
    };
    let r = super::service::sign_in(&state, input, client_addr(), request_token()).await;
    let signed = respond(r)?;
    set_header(
        axum::http::header::SET_COOKIE,
        &super::session::set_cookie(&signed.token, state.security.secure_cookies),
    );
    Ok(signed.me)
}

#[server(prefix = "/_fn")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::sign_out(&state, actor.as_ref()).await)?;
    set_header(
        axum::http::header::SET_COOKIE,
        &super::session::clear_cookie(state.security.secure_cookies),
    );
    Ok(())
}

#[server(prefix = "/_fn")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = super::service::PasswordChange {
        current_password,
        new_password,
    };
    let token = respond(super::service::change_password(&state, actor.as_ref(), input).await)?;
    set_header(
        axum::http::header::SET_COOKIE,
        &super::session::set_cookie(&token, state.security.secure_cookies),
    );
    Ok(())
}

#[server(prefix = "/_fn")]
pub async fn start_totp() -> Result<TotpEnrolment, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::totp_start(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn confirm_totp(code: String) -> Result<Me, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::totp_confirm(&state, actor.as_ref(), code).await)
}

#[server(prefix = "/_fn")]
pub async fn disable_totp(password: String) -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::totp_disable(&state, actor.as_ref(), password).await)
}
