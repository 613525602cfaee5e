//! The largest request body Convene reads, for the JSON API and the server functions alike.
//! Over it the answer is 413 in the caller's usual error shape.

use super::text;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use convene_app::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// Where the answer goes: the API's `{"error": …}`, or a server function's encoded `AppError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Api,
    ServerFn,
}

pub fn caller(path: &str) -> Option<Caller> {
    if path.starts_with("/api/") {
        Some(Caller::Api)
    } else if path.starts_with("/_fn/") {
        Some(Caller::ServerFn)
    } else {
        None
    }
}

pub fn too_large(caller: Caller, lang: Lang) -> Response {
    let message = text::BODY_TOO_LARGE.in_lang(lang);
    let body = match caller {
        Caller::Api => serde_json::json!({ "error": {
            "code": "payload_too_large",
            "message": message,
        }}),
        // The browser's server function client reads an `AppError`; on the form's own field
        // it is shown next to the form.
        Caller::ServerFn => {
            serde_json::to_value(AppError::validation("body", message)).unwrap_or_default()
        }
    };
    (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(body)).into_response()
}

fn has_body(m: &Method) -> bool {
    matches!(
        *m,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

pub async fn limit_body(State(limit): State<BodyLimit>, req: Request, next: Next) -> Response {
    let Some(caller) = caller(req.uri().path()).filter(|_| has_body(req.method())) else {
        return next.run(req).await;
    };
    // Before the session is read, so the device's or the browser's language.
    let lang = super::lang::of_device(req.headers());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        // Refused before a byte of it is read.
        Some(n) if n > limit.0 as u64 => too_large(caller, lang),
        Some(_) => next.run(req).await,
        // Sent in chunks of unknown total: read up to the limit here. (A broken connection also
        // ends up here; nobody is left to read that answer.)
        None => {
            let (parts, body) = req.into_parts();
            match axum::body::to_bytes(body, limit.0).await {
                Ok(bytes) => {
                    next.run(Request::from_parts(parts, Body::from(bytes)))
                        .await
                }
                Err(_) => too_large(caller, lang),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_server_function_hears_of_a_large_body_as_its_own_error_type() {
        let res = too_large(Caller::ServerFn, Lang::english());
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let bytes = axum::body::to_bytes(res.into_body(), 10_000).await.unwrap();
        let e: AppError = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            e.field("body").as_deref(),
            Some(text::BODY_TOO_LARGE.in_lang(Lang::english()).as_str())
        );
    }

    #[test]
    fn only_the_api_and_server_functions_are_limited_here() {
        assert_eq!(caller("/api/v1/cases"), Some(Caller::Api));
        assert_eq!(caller("/_fn/sign_in"), Some(Caller::ServerFn));
        assert_eq!(caller("/cases/1"), None);
    }
}
