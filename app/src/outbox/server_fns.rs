use super::types::{OutboxEntry, Preference};
#[cfg(feature = "ssr")]
use super::types::{OutboxQuery, OutboxState};
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

#[server(prefix = "/_fn")]
pub async fn my_preferences() -> Result<Vec<Preference>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::prefs::mine(&state, actor.as_ref()).await)
}

/// The form posts `choices[<kind>]=<delivery>` for each kind (it works without the script).
#[server(prefix = "/_fn")]
pub async fn save_preferences(
    choices: HashMap<String, String>,
) -> Result<Vec<Preference>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let mut choices: Vec<_> = choices
        .into_iter()
        .map(|(kind, delivery)| super::types::PreferenceChoice { kind, delivery })
        .collect();
    choices.sort_by(|a, b| a.kind.cmp(&b.kind));
    let input = super::types::PreferencesInput { choices };
    respond(super::prefs::set_mine(&state, actor.as_ref(), &input).await)
}

/// The outbox for the admin, and whether a mail server is configured.
#[server(prefix = "/_fn")]
pub async fn outbox_entries(
    state_filter: Option<String>,
) -> Result<(Vec<OutboxEntry>, bool), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let q = OutboxQuery {
        state: state_filter.as_deref().and_then(OutboxState::parse),
        limit: Some(200),
    };
    let rows = super::service::list(&state, actor.as_ref(), &q).await;
    respond(rows.map(|r| (r, state.mail_configured)))
}

#[server(prefix = "/_fn")]
pub async fn retry_message(id: i64) -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::retry(&state, actor.as_ref(), id).await)
}
