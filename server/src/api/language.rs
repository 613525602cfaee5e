//! Choosing the language, signed in or not: from the sign-in page's switch (a plain form, so it
//! works before the page's script has loaded) and from API clients (JSON).

use super::extract::Auth;
use super::Api;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use convene_app::i18n::negotiate::COOKIE;
use convene_app::i18n::Msg;
use convene_app::state::AppState;
use convene_app::users::preferences::{self, LanguageInput};
use serde::{Deserialize, Serialize};

const BODY_INVALID: Msg = Msg("common-body-invalid");

pub fn routes(api: Api) -> Api {
    api.public_post("/language", choose)
}

#[derive(Deserialize)]
struct FormInput {
    #[serde(default)]
    language: String,
    /// The page to go back to: a path of this site only.
    #[serde(default)]
    back: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Chosen {
    language: String,
}

#[utoipa::path(post, path = "/language", tag = "me", security(()),
    request_body(content = LanguageInput, content_type = "application/json",
        description = "Also accepted as a form (`language`, `back`), which answers 303 to `back`."),
    responses((status = 200, body = Chosen, description = "Chosen: the language cookie is set; a signed-in person's account keeps it")))]
async fn choose(
    State(state): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    let (input, back) = if is_form {
        let f: FormInput = serde_urlencoded::from_bytes(&body)
            .map_err(|_| AppError::validation("body", BODY_INVALID.as_str()))?;
        (
            LanguageInput {
                language: f.language,
            },
            Some(f.back),
        )
    } else {
        let input: LanguageInput = serde_json::from_slice(&body)
            .map_err(|_| AppError::validation("body", BODY_INVALID.as_str()))?;
        (input, None)
    };
    let lang = preferences::set_language(&state, auth.actor(), &input).await?;
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        lang.code(),
        if state.security.secure_cookies {
            "; Secure"
        } else {
            ""
        }
    );
    let set = [(header::SET_COOKIE, cookie)];
    Ok(match back {
        Some(back) => {
            // Only a path of this site: never an open redirect.
            let ok = back.starts_with('/') && !back.starts_with("//") && !back.contains('\\');
            let to = if ok { back } else { "/".to_string() };
            (StatusCode::SEE_OTHER, set, [(header::LOCATION, to)]).into_response()
        }
        None => (
            set,
            axum::Json(Chosen {
                language: lang.code(),
            }),
        )
            .into_response(),
    })
}
