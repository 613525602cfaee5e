//! The one error type that crosses the wire, for server functions and the JSON API alike.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name → what is wrong with it, in words a user can act on.
pub type FieldErrors = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("validation failed")]
    Validation { fields: FieldErrors },
    /// Not signed in, or the sign-in was refused. `fields` names what to supply
    /// (the sign-in form uses it to ask for the two-factor code).
    #[error("unauthorized")]
    Unauthorized {
        message: String,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        fields: FieldErrors,
    },
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict: {message}")]
    Conflict { message: String },
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// The browser could not reach the server.
    #[error("unavailable")]
    Unavailable,
    /// Anything unexpected: the detail stays in the server log.
    #[error("internal error")]
    Internal,
}

pub mod text {
    use crate::i18n::Msg;

    pub const NOT_SIGNED_IN: Msg = Msg("common-error-not-signed-in");
    pub const FORBIDDEN: Msg = Msg("common-error-forbidden");
    pub const NOT_FOUND: Msg = Msg("common-error-not-found");
    pub const VALIDATION: Msg = Msg("common-error-validation");
    /// With `$count`, the seconds to wait.
    pub const RATE_LIMITED: Msg = Msg("common-error-rate-limited");
    pub const UNAVAILABLE: Msg = Msg("common-error-unavailable");
    pub const INTERNAL: Msg = Msg("common-error-internal");
    pub const FORM_INCOMPLETE: Msg = Msg("common-error-form-incomplete");
}

impl AppError {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.to_string(), message.into());
        AppError::Validation { fields }
    }

    pub fn unauthorized() -> Self {
        AppError::Unauthorized {
            message: text::NOT_SIGNED_IN.text(),
            fields: FieldErrors::new(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict {
            message: message.into(),
        }
    }

    /// An unexpected failure: logs what the code expected and the cause, where it happened,
    /// and answers with the generic [`AppError::Internal`]. Neither may carry personal data.
    #[track_caller]
    pub fn internal(expected: &str, cause: impl std::fmt::Debug) -> Self {
        #[cfg(feature = "ssr")]
        {
            let at = std::panic::Location::caller();
            tracing::error!(cause = ?cause, at = %at, "unexpected: {expected}");
        }
        #[cfg(not(feature = "ssr"))]
        let _ = (expected, cause);
        AppError::Internal
    }

    /// The stable machine code used in the JSON API.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Validation { .. } => "validation",
            AppError::Unauthorized { .. } => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::Conflict { .. } => "conflict",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Validation { .. } => 422,
            AppError::Unauthorized { .. } => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict { .. } => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }

    /// A sentence for people; never contains internal detail. Made when it is shown (or
    /// sent), so it reads in the language of the person it is for; `Unauthorized` and
    /// `Conflict` carry theirs, made in the request that answers.
    pub fn message(&self) -> String {
        match self {
            AppError::Validation { .. } => text::VALIDATION.text(),
            AppError::Unauthorized { message, .. } => message.clone(),
            AppError::Forbidden => text::FORBIDDEN.text(),
            AppError::NotFound => text::NOT_FOUND.text(),
            AppError::Conflict { message } => message.clone(),
            AppError::RateLimited { retry_after_secs } => {
                text::RATE_LIMITED.with(&[("count", (*retry_after_secs as i64).into())])
            }
            AppError::Unavailable => text::UNAVAILABLE.text(),
            AppError::Internal => text::INTERNAL.text(),
        }
    }

    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Validation { fields } => Some(fields),
            AppError::Unauthorized { fields, .. } if !fields.is_empty() => Some(fields),
            _ => None,
        }
    }

    pub fn field(&self, name: &str) -> Option<String> {
        self.fields().and_then(|f| f.get(name).cloned())
    }

    /// The JSON body of the public API: `{"error": {"code", "message", "fields"?}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut inner = serde_json::json!({ "code": self.code(), "message": self.message() });
        if let Some(fields) = self.fields() {
            inner["fields"] = serde_json::to_value(fields).unwrap_or_default();
        }
        if let AppError::RateLimited { retry_after_secs } = self {
            inner["retry_after_secs"] = (*retry_after_secs).into();
        }
        serde_json::json!({ "error": inner })
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function call failed before reaching its code");
        match value {
            E::Request(_) => AppError::Unavailable,
            E::Args(_) | E::MissingArg(_) => AppError::validation("form", text::FORM_INCOMPLETE),
            _ => AppError::Internal,
        }
    }
}

/// Turns a missing value or a failure nobody should see into [`AppError::Internal`], logging
/// what was expected and the cause: `.or_internal("the agency row just written")`.
pub trait OrInternal<T> {
    fn or_internal(self, expected: &str) -> Result<T, AppError>;
}

impl<T> OrInternal<T> for Option<T> {
    #[track_caller]
    fn or_internal(self, expected: &str) -> Result<T, AppError> {
        match self {
            Some(v) => Ok(v),
            None => Err(AppError::internal(expected, "nothing there")),
        }
    }
}

impl<T, E: std::fmt::Debug> OrInternal<T> for Result<T, E> {
    #[track_caller]
    fn or_internal(self, expected: &str) -> Result<T, AppError> {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(AppError::internal(expected, e)),
        }
    }
}

/// Collects field problems while parsing a form, so that every problem is reported at once.
#[derive(Default, Debug)]
pub struct Problems(FieldErrors);

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    /// Keeps the value when it parsed, records the problem when it did not.
    pub fn take<T>(&mut self, field: &str, r: Result<T, String>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(m) => {
                self.add(field, m);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation { fields: self.0 })
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        fn from(e: sqlx::Error) -> Self {
            tracing::error!(error = %e, "database error");
            AppError::Internal
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let status = axum::http::StatusCode::from_u16(self.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
            let mut res = (status, axum::Json(self.to_json())).into_response();
            if let AppError::RateLimited { retry_after_secs } = self {
                if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
                }
            }
            res
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_serialise_with_their_fields_for_the_api() {
        let e = AppError::validation("name", "Enter the agency's name");
        let v = e.to_json();
        assert_eq!(v["error"]["code"], "validation");
        assert_eq!(v["error"]["fields"]["name"], "Enter the agency's name");
        assert_eq!(e.status(), 422);
    }

    #[test]
    fn internal_errors_carry_only_a_generic_message() {
        let v = AppError::Internal.to_json();
        assert_eq!(v["error"]["code"], "internal");
        assert!(v["error"].get("fields").is_none());
        assert_eq!(v["error"]["message"], text::INTERNAL.as_str());
    }

    #[test]
    fn problems_keep_the_first_message_per_field_and_fail_when_any() {
        let mut p = Problems::new();
        p.add("email", "first");
        p.add("email", "second");
        assert_eq!(p.take::<u8>("name", Err("bad".into())), None);
        let e = p.into_result().unwrap_err();
        assert_eq!(e.field("email").as_deref(), Some("first"));
        assert_eq!(e.field("name").as_deref(), Some("bad"));
    }

    #[test]
    fn the_error_round_trips_through_the_server_function_encoding() {
        let e = AppError::Conflict {
            message: "x".into(),
        };
        let s = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&s).unwrap(), e);
    }
}
