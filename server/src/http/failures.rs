//! Failures outside a handler's own code: a server function whose arguments could not be read,
//! and a handler that panicked.

use super::limits::{caller, Caller};
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use futures_util::FutureExt;
use std::any::Any;
use std::panic::AssertUnwindSafe;

/// The header the server function runtime puts on its error answers.
const SERVER_FN_ERROR: &str = "serverfnerror";
/// An encoded `AppError` is a few hundred bytes; anything bigger is not one.
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// The server function runtime answers 500 to every error raised before the function's code
/// runs (unreadable or missing arguments). The body is the encoded `AppError`, which knows its
/// status: a 422 for a form it could not read, never a 500 for the caller's mistake.
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let is_fn = caller(req.uri().path()) == Some(Caller::ServerFn);
    let res = next.run(req).await;
    if !is_fn
        || res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BYTES).await else {
        return AppError::Internal.into_response();
    };
    if let Ok(e) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(s) = StatusCode::from_u16(e.status()) {
            parts.status = s;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A panic in a handler becomes a logged, generic 500 instead of a dropped connection. The
/// handler's transaction is dropped unfinished on the way out, so SQLite rolls it back and
/// nothing is half-written.
pub async fn catch_panic(req: Request, next: Next) -> Response {
    let target = caller(req.uri().path());
    match AssertUnwindSafe(next.run(req)).catch_unwind().await {
        Ok(res) => res,
        Err(payload) => {
            tracing::error!(
                message = panic_message(&*payload),
                "a request handler panicked"
            );
            panic_response(target)
        }
    }
}

/// What a panic said, when it is a fixed text of ours. A formatted message may quote data (an
/// `unwrap` prints the error, which may name a person) and is not logged.
pub fn panic_message(payload: &(dyn Any + Send)) -> &'static str {
    payload
        .downcast_ref::<&'static str>()
        .copied()
        .unwrap_or("(message withheld: it may quote data)")
}

pub fn panic_response(target: Option<Caller>) -> Response {
    match target {
        // The server function client reads a bare `AppError` from the body.
        Some(Caller::ServerFn) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(serde_json::to_value(AppError::Internal).unwrap_or_default()),
        )
            .into_response(),
        _ => AppError::Internal.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn body(res: Response) -> serde_json::Value {
        let bytes = axum::body::to_bytes(res.into_body(), 10_000).await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[test]
    fn only_a_fixed_panic_text_is_logged() {
        let fixed: Box<dyn Any + Send> = Box::new("checked above");
        assert_eq!(panic_message(&*fixed), "checked above");
        let formatted: Box<dyn Any + Send> = Box::new(format!("bad name {}", "Ana Pop"));
        assert!(!panic_message(&*formatted).contains("Ana"));
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_a_generic_500_and_the_service_keeps_serving() {
        async fn boom() -> &'static str {
            panic!("checked above")
        }
        let app = axum::Router::new()
            .route("/api/v1/boom", get(boom))
            .route("/api/v1/fine", get(|| async { "fine" }))
            .route("/_fn/boom", get(boom))
            .layer(axum::middleware::from_fn(catch_panic));
        let req = |p: &str| Request::builder().uri(p).body(Body::empty()).unwrap();

        let res = app.clone().oneshot(req("/api/v1/boom")).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let v = body(res).await;
        assert_eq!(v["error"]["code"], "internal");
        assert_eq!(
            v["error"]["message"],
            convene_app::error::text::INTERNAL.text(),
            "generic words only"
        );

        let res = app.clone().oneshot(req("/_fn/boom")).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let e: AppError = serde_json::from_value(body(res).await).unwrap();
        assert_eq!(e, AppError::Internal);

        let res = app.oneshot(req("/api/v1/fine")).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
}
