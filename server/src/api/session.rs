use super::extract::{Auth, ClientAddr, Json};
use super::Api;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_app::auth::service::{self, SignInInput};
use convene_app::auth::session;
use convene_app::error::AppError;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.public_post("/session", sign_in)
        .public_delete("/session", sign_out)
}

#[utoipa::path(post, path = "/session", tag = "session", security(()), responses((status = 200, body = convene_app::auth::types::Me, description = "Signed in: the session cookie is set")))]
async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    Json(input): Json<SignInInput>,
) -> Result<Response, AppError> {
    let previous = session::token_from_headers(&headers, state.security.secure_cookies);
    let signed = service::sign_in(&state, input, addr, previous).await?;
    let cookie = session::set_cookie(&signed.token, state.security.secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], axum::Json(signed.me)).into_response())
}

#[utoipa::path(delete, path = "/session", tag = "session", security(()), responses((status = 204, description = "Signed out: the session cookie is cleared")))]
async fn sign_out(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    service::sign_out(&state, auth.actor()).await?;
    let cookie = session::clear_cookie(state.security.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}
