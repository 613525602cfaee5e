//! The HTTP surface: pages and server functions (Leptos), the JSON API, and the middleware
//! every request passes through.

pub mod client_addr;
pub mod failures;
pub mod lang;
pub mod limits;
pub mod security;
pub mod session;
mod text;

use crate::config::Config;
use axum::extract::DefaultBodyLimit;
use axum::{middleware, Router};
use convene_app::app::{shell, App};
use convene_app::state::AppState;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// Hands the request's CSP nonce to Leptos, so its hydration scripts carry it, and its
/// language, so every page and server function speaks it.
fn request_context() {
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        if let Some(n) = parts.extensions.get::<security::CspNonce>() {
            provide_context(leptos::nonce::Nonce::from_value(n.0.clone()));
        }
        if let Some(lang) = parts.extensions.get::<convene_app::i18n::Lang>() {
            provide_context(*lang);
        }
    }
}

pub fn router(state: AppState, config: &Config) -> Router {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(App);
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, request_context, move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .nest("/api/v1", crate::api::router())
        .with_state(state.clone())
        // Bodies were already held to the limit by `limit_body`; the extractors' own default
        // limit must not be lower.
        .layer(DefaultBodyLimit::max(config.max_body_bytes));

    let origins = Arc::new(security::Origins {
        public_url: config.public_url.clone(),
    });
    let proxies = Arc::new(config.trusted_proxies.clone());
    let body_limit = limits::BodyLimit(config.max_body_bytes);
    let x_request_id = axum::http::HeaderName::from_static("x-request-id");
    pages.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
            .layer(
                // Method, path and status only: paths carry ids, never names; queries are not logged.
                TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                }),
            )
            .layer(PropagateRequestIdLayer::new(x_request_id))
            .layer(middleware::from_fn_with_state(origins.clone(), security::headers))
            .layer(middleware::from_fn_with_state(proxies, client_addr::resolve))
            .layer(middleware::from_fn_with_state(origins, security::refuse_cross_site))
            .layer(middleware::from_fn_with_state(body_limit, limits::limit_body))
            .layer(middleware::from_fn_with_state(state, session::resolve))
            .layer(middleware::from_fn(lang::resolve))
            .layer(middleware::from_fn(failures::server_fn_status))
            // Innermost, so a panic's 500 still gets the headers and the session cookie care.
            .layer(middleware::from_fn(failures::catch_panic)),
    )
}
