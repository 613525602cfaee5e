use super::types::Settings;
#[cfg(feature = "ssr")]
use super::types::SettingsPatch;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn get_settings() -> Result<Settings, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn update_settings(
    require_totp: Option<String>,
    escalation_incidents: Option<String>,
) -> Result<Settings, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let escalation_incidents = match escalation_incidents.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match s.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                let e =
                    AppError::validation("escalation_incidents", super::text::ESCALATION_INVALID);
                return respond(Err(e));
            }
        },
    };
    // An unticked checkbox is simply absent from the form.
    let patch = SettingsPatch {
        require_totp: Some(require_totp.is_some()),
        escalation_incidents,
    };
    respond(super::service::update(&state, actor.as_ref(), patch).await)
}
