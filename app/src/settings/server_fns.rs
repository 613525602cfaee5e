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

// Each field of the settings form arrives as an argument (it posts without the page's script).
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/_fn")]
pub async fn update_settings(
    require_totp: Option<String>,
    escalation_incidents: Option<String>,
    case_item_minutes: Option<String>,
    research_due_hours: Option<String>,
    carry_over_limit: Option<String>,
    retention_case_months: Option<String>,
    retention_audit_months: Option<String>,
    default_language: Option<String>,
    time_zone: Option<String>,
    adult_women: Option<String>,
) -> Result<Settings, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let mut p = crate::error::Problems::new();
    let mut number = |field: &str, raw: Option<String>, message: crate::i18n::Msg| match raw
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => None,
        Some(s) => p.take(field, s.parse::<i64>().map_err(|_| message.to_string())),
    };
    // An unticked checkbox is simply absent from the form.
    let patch = SettingsPatch {
        require_totp: Some(require_totp.is_some()),
        escalation_incidents: number(
            "escalation_incidents",
            escalation_incidents,
            super::text::ESCALATION_INVALID,
        ),
        case_item_minutes: number(
            "case_item_minutes",
            case_item_minutes,
            super::text::CASE_MINUTES_INVALID,
        ),
        research_due_hours: number(
            "research_due_hours",
            research_due_hours,
            super::text::RESEARCH_HOURS_INVALID,
        ),
        carry_over_limit: number(
            "carry_over_limit",
            carry_over_limit,
            super::text::CARRY_OVER_INVALID,
        ),
        retention_case_months: number(
            "retention_case_months",
            retention_case_months,
            super::text::RETENTION_CASE_INVALID,
        ),
        retention_audit_months: number(
            "retention_audit_months",
            retention_audit_months,
            super::text::RETENTION_AUDIT_INVALID,
        ),
        default_language: default_language.filter(|s| !s.trim().is_empty()),
        time_zone: time_zone.filter(|s| !s.trim().is_empty()),
        adult_women: number(
            "adult_women",
            adult_women,
            crate::i18n::Msg("figures-setting-adult-women-invalid"),
        ),
    };
    respond(p.into_result())?;
    respond(super::service::update(&state, actor.as_ref(), patch).await)
}
