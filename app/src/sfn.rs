//! Plumbing shared by the server functions: the state, the actor, and HTTP statuses for errors.

use crate::auth::types::Actor;
use crate::error::AppError;
use crate::state::AppState;

/// The application state and the signed-in actor (if any) of the current request.
pub fn ctx() -> Result<(AppState, Option<Actor>), AppError> {
    Ok((
        crate::state::app_state()?,
        crate::auth::session::current_actor(),
    ))
}

/// Gives an error its proper HTTP status (the server-function protocol would otherwise send 500
/// for everything), so that a mistyped form is a 422 and a missing record a 404.
pub fn respond<T>(r: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &r {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(s) = axum::http::StatusCode::from_u16(e.status()) {
                res.set_status(s);
            }
        }
    }
    r
}

/// Adds a header to the server function's response (used for the session cookie).
pub fn set_header(name: axum::http::HeaderName, value: &str) {
    if let (Some(res), Ok(v)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(value),
    ) {
        res.append_header(name, v);
    }
}

/// The client's address, as the server's middleware decided it (the peer, or what a trusted
/// proxy forwarded).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub std::net::IpAddr);

pub fn client_addr() -> std::net::IpAddr {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientIp>().map(|c| c.0))
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

/// The session token the browser sent with this request, if any.
pub fn request_token() -> Option<String> {
    let secure = leptos::prelude::use_context::<AppState>()
        .map(|s| s.security.secure_cookies)
        .unwrap_or(true);
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| crate::auth::session::token_from_headers(&p.headers, secure))
}
