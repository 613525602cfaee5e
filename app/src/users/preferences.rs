//! A person's own choices about how Convene speaks to them.

use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::i18n::{Lang, Msg};
use crate::state::AppState;
use serde::{Deserialize, Serialize};

const LANGUAGE_UNKNOWN: Msg = Msg("users-language-unknown");

/// A language to speak in, by its code (`ro`, `en`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LanguageInput {
    #[serde(default)]
    pub language: String,
}

impl LanguageInput {
    pub fn parse(&self) -> Result<Lang, AppError> {
        Lang::parse(&self.language)
            .ok_or_else(|| AppError::validation("language", LANGUAGE_UNKNOWN.as_str()))
    }
}

/// Chooses the language: kept on the account of a signed-in person (audited), and in any case
/// returned for the caller to remember on this device.
pub async fn set_language(
    state: &AppState,
    actor: Option<&Actor>,
    input: &LanguageInput,
) -> Result<Lang, AppError> {
    let lang = input.parse()?;
    let Some(actor) = actor else {
        return Ok(lang);
    };
    let actor = authorize(Some(actor), Action::Update, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let code = lang.code();
    super::store::set_language(&mut tx, actor.user_id, Some(&code), crate::time::now()).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "user")
            .id(actor.user_id)
            .details(serde_json::json!({ "language": code })),
    )
    .await?;
    tx.commit().await?;
    Ok(lang)
}
