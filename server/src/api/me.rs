use super::extract::{Auth, Json};
use super::Api;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_app::auth::service::{self, PasswordChange};
use convene_app::auth::session;
use convene_app::auth::types::{Me, TotpEnrolment};
use convene_app::error::AppError;
use convene_app::state::AppState;
use serde::Deserialize;

pub fn routes(api: Api) -> Api {
    api.get("/me", me)
        .post("/me/password", change_password)
        .post("/me/totp", start_totp)
        .post("/me/totp/confirm", confirm_totp)
        .post("/me/totp/disable", disable_totp)
}

#[utoipa::path(get, path = "/me", tag = "me", responses((status = 200, body = Me)))]
async fn me(auth: Auth) -> Result<axum::Json<Me>, AppError> {
    service::me(auth.actor()).map(axum::Json)
}

#[utoipa::path(post, path = "/me/password", tag = "me", responses((status = 204, description = "Changed: other sessions end, this one is renewed (new cookie)")))]
async fn change_password(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<PasswordChange>,
) -> Result<Response, AppError> {
    let token = service::change_password(&state, auth.actor(), input).await?;
    let cookie = session::set_cookie(&token, state.security.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

#[utoipa::path(post, path = "/me/totp", tag = "me", responses((status = 200, body = TotpEnrolment)))]
async fn start_totp(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<TotpEnrolment>, AppError> {
    service::totp_start(&state, auth.actor())
        .await
        .map(axum::Json)
}

#[derive(Deserialize, utoipa::ToSchema)]
struct Code {
    code: String,
}

#[utoipa::path(post, path = "/me/totp/confirm", tag = "me", responses((status = 200, body = Me)))]
async fn confirm_totp(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<Code>,
) -> Result<axum::Json<Me>, AppError> {
    service::totp_confirm(&state, auth.actor(), input.code)
        .await
        .map(axum::Json)
}

#[derive(Deserialize, utoipa::ToSchema)]
struct Password {
    password: String,
}

#[utoipa::path(post, path = "/me/totp/disable", tag = "me", responses((status = 204, description = "Two-factor sign-in turned off")))]
async fn disable_totp(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<Password>,
) -> Result<StatusCode, AppError> {
    service::totp_disable(&state, auth.actor(), input.password).await?;
    Ok(StatusCode::NO_CONTENT)
}
