//! The language of each request, for everything that answers it: pages and server functions
//! (through the request's extensions, then Leptos context) and the JSON API (a task-local).

use axum::extract::Request;
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use convene_app::auth::session::{self, CurrentActor};
use convene_app::i18n::{negotiate, Lang, REQUEST_LANG};

/// The language this device chose with the switch (cookie), else the browser's, else the group's:
/// all that is known of a request before its session is read.
pub fn of_device(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate::for_request(
        session::cookie(headers, negotiate::COOKIE).as_deref(),
        accept,
    )
}

/// Runs inside `session::resolve`: a signed-in person's own choice comes first.
pub async fn resolve(mut req: Request, next: Next) -> Response {
    let chosen = req
        .extensions()
        .get::<CurrentActor>()
        .and_then(|c| c.0.as_ref())
        .and_then(|a| a.language);
    let lang = chosen.unwrap_or_else(|| of_device(req.headers()));
    req.extensions_mut().insert(lang);
    let mut res = REQUEST_LANG.scope(lang, next.run(req)).await;
    // Caches must keep the languages apart (pages are no-store already; the API is not).
    res.headers_mut().append(
        header::VARY,
        header::HeaderValue::from_static("accept-language, cookie"),
    );
    res
}
