//! Resolves the session cookie to the signed-in actor once per request.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use convene_app::auth::session::{self, CurrentActor};
use convene_app::state::AppState;

pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if req.uri().path().starts_with("/pkg/") {
        return next.run(req).await;
    }
    let token = session::token_from_headers(req.headers(), state.security.secure_cookies);
    let actor = match &token {
        Some(t) => match session::resolve(&state, t).await {
            Ok(a) => a,
            Err(e) => return e.into_response(),
        },
        None => None,
    };
    let stale = token.is_some() && actor.is_none();
    req.extensions_mut().insert(CurrentActor(actor));
    let mut res = next.run(req).await;
    // An ended session's cookie is dropped, unless the response sets a new one (sign-in).
    if stale && !res.headers().contains_key(header::SET_COOKIE) {
        if let Ok(v) = HeaderValue::from_str(&session::clear_cookie(state.security.secure_cookies))
        {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}
