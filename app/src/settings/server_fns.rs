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
pub async fn update_settings(require_totp: Option<String>) -> Result<Settings, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    // An unticked checkbox is simply absent from the form.
    let patch = SettingsPatch {
        require_totp: Some(require_totp.is_some()),
    };
    respond(super::service::update(&state, actor.as_ref(), patch).await)
}
