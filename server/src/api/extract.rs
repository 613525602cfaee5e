//! Extractors whose failures come back as the API's JSON errors, never as plain-text 400s.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use convene_app::auth::session::CurrentActor;
use convene_app::auth::types::Actor;
use convene_app::error::AppError;
use convene_app::i18n::Msg;
use convene_app::sfn::ClientIp;
use serde::de::DeserializeOwned;
use std::net::{IpAddr, Ipv4Addr};

/// The signed-in actor, if any (the policy decides what "none" may do).
pub struct Auth(pub Option<Actor>);

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Ok(Auth(
            parts
                .extensions
                .get::<CurrentActor>()
                .and_then(|c| c.0.clone()),
        ))
    }
}

impl Auth {
    pub fn actor(&self) -> Option<&Actor> {
        self.0.as_ref()
    }
}

/// The client's address (see `http::client_addr`).
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ClientIp>()
                .map(|c| c.0)
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        ))
    }
}

/// A JSON body. A malformed one is a validation error on the field serde names, or on `body`.
pub struct Json<T>(pub T);

fn body_error(message: String) -> AppError {
    // serde's messages look like "missing field `email` at line 1 column 2".
    let field = message
        .split('`')
        .nth(1)
        .filter(|f| f.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(str::to_string);
    let cleaned = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    match field {
        // serde's own words (`cleaned`) stay as serde writes them.
        Some(f) if cleaned.contains("field") => AppError::validation(
            &f,
            Msg("api-field-wrong-type").with(&[("detail", cleaned.into())]),
        ),
        _ => AppError::validation(
            "body",
            Msg("api-body-not-this-json").with(&[("detail", cleaned.into())]),
        ),
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Json(v)),
            Err(JsonRejection::JsonDataError(e)) => Err(body_error(e.body_text())),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(AppError::validation("body", Msg("api-body-not-json")))
            }
            Err(e) => Err(body_error(e.body_text())),
        }
    }
}

/// Query-string parameters. A bad one is a validation error.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => Err(AppError::validation(
                "query",
                Msg("api-filter-unreadable").with(&[("detail", e.body_text().into())]),
            )),
            Err(_) => Err(AppError::validation("query", Msg("api-filters-unreadable"))),
        }
    }
}

/// A numeric id in the path. A malformed one is simply "not found".
pub struct Id<T>(pub T);

impl<T: std::str::FromStr + Send, S: Send + Sync> FromRequestParts<S> for Id<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::NotFound)?;
        raw.parse().map(Id).map_err(|_| AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_reported_on_that_field() {
        let e = body_error("Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 2".into());
        assert!(e.field("email").is_some(), "{e:?}");
    }

    #[test]
    fn other_body_problems_are_reported_on_body() {
        let e = body_error("EOF while parsing an object at line 1 column 1".into());
        assert!(e.field("body").is_some());
    }
}
