//! The pages that explain a refusal or a missing page, with the right HTTP status on the server.

use super::text;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::A;

/// Sets the HTTP status of the server-rendered page.
pub fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(s)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(_code),
    ) {
        res.set_status(s);
    }
}

#[component]
pub fn StatusPage(#[prop(into)] title: &'static str, body: String) -> impl IntoView {
    view! {
        <div class="status-page">
            <h1>{title}</h1>
            <p class="lead">{body}</p>
            <p><A href="/">{text::BACK_HOME}</A></p>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! { <StatusPage title=text::NOT_FOUND_TITLE body=text::NOT_FOUND_BODY.to_string()/> }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    set_status(403);
    view! { <StatusPage title=text::FORBIDDEN_TITLE body=text::FORBIDDEN_BODY.to_string()/> }
}

/// What to show when loading a page's data failed.
pub fn error_view(e: AppError) -> AnyView {
    match e {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        AppError::Unauthorized { .. } => {
            view! { <leptos_router::components::Redirect path="/sign-in"/> }.into_any()
        }
        other => {
            set_status(other.status());
            view! { <div class="notice notice--error" role="alert">{other.message()}</div> }
                .into_any()
        }
    }
}
