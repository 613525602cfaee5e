use super::server_fns::{get_settings, UpdateSettings};
use super::text;
use crate::components::forms::action_error;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = page_resource(|| Resource::new(|| (), |_| get_settings()));
    let action = ServerAction::<UpdateSettings>::new();
    let error = action_error(action.value());
    view! {
        <Title text=text::TITLE.as_str()/>
        <h1>{text::TITLE}</h1>
        <ErrorSummary error=error labels=&[
            ("escalation_incidents", text::ESCALATION),
            ("case_item_minutes", text::CASE_MINUTES),
            ("research_due_hours", text::RESEARCH_HOURS),
            ("carry_over_limit", text::CARRY_OVER),
            ("retention_case_months", text::RETENTION_CASE),
            ("retention_audit_months", text::RETENTION_AUDIT),
            ("default_language", text::LANGUAGE),
            ("time_zone", text::TIME_ZONE),
            ("adult_women", crate::i18n::Msg("figures-setting-adult-women")),
        ]/>
        <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
            <p class="notice notice--success" role="status">{text::SAVED}</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match settings.await {
                    Err(e) => error_view(e),
                    Ok(s) => view! {
                        <ActionForm action=action attr:class="form">
                            <div class="checkbox">
                                <input class="checkbox__input" type="checkbox" id="require_totp" name="require_totp" value="on" checked=s.require_totp aria-describedby="require_totp-hint"/>
                                <label class="checkbox__label" for="require_totp">{text::REQUIRE_TOTP}</label>
                                <p class="field__hint" id="require_totp-hint">{text::REQUIRE_TOTP_HINT}</p>
                            </div>
                            <div class="field" class:field--error=move || error.get().and_then(|e| e.field("escalation_incidents")).is_some()>
                                <label class="field__label" for="escalation_incidents">{text::ESCALATION}</label>
                                <p class="field__hint">{text::ESCALATION_HINT}</p>
                                <crate::components::FieldError error=error name="escalation_incidents"/>
                                <input class="input input--short" type="number" min="1" max="50" id="escalation_incidents" name="escalation_incidents" value=s.escalation_incidents.to_string()/>
                            </div>
                            <NumberSetting error=error name="case_item_minutes" label=text::CASE_MINUTES value=s.case_item_minutes/>
                            <NumberSetting error=error name="research_due_hours" label=text::RESEARCH_HOURS value=s.research_due_hours/>
                            <NumberSetting error=error name="carry_over_limit" label=text::CARRY_OVER value=s.carry_over_limit/>
                            <fieldset class="fieldset">
                                <legend class="fieldset__legend">{text::RETENTION}</legend>
                                <p class="field__hint">{text::RETENTION_CASE_HINT}</p>
                                <NumberSetting error=error name="retention_case_months" label=text::RETENTION_CASE value=s.retention_case_months/>
                                <NumberSetting error=error name="retention_audit_months" label=text::RETENTION_AUDIT value=s.retention_audit_months/>
                            </fieldset>
                            <crate::components::Field error=error name="default_language" label=text::LANGUAGE hint=text::LANGUAGE_HINT>
                                <select class="select" id="default_language" name="default_language">
                                    {crate::i18n::Lang::all().into_iter().map(|l| {
                                        let selected = l.code() == s.default_language;
                                        view! { <option value=l.code() selected=selected>{l.own_name()}</option> }
                                    }).collect_view()}
                                </select>
                            </crate::components::Field>
                            <crate::components::Field error=error name="time_zone" label=text::TIME_ZONE hint=text::TIME_ZONE_HINT>
                                <select class="select" id="time_zone" name="time_zone">
                                    {crate::time::Zone::all().map(|z| {
                                        let selected = z == s.time_zone;
                                        view! { <option value=z selected=selected>{z}</option> }
                                    }).collect_view()}
                                </select>
                            </crate::components::Field>
                            <crate::components::Field error=error name="adult_women" label=crate::i18n::Msg("figures-setting-adult-women") hint=crate::i18n::Msg("figures-setting-adult-women-hint")>
                                <input class="input" type="number" min="0" id="adult_women" name="adult_women" value=s.adult_women.to_string()/>
                            </crate::components::Field>
                            <SubmitButton pending=action.pending() label=text::SAVE/>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NumberSetting(
    #[prop(into)] error: Signal<Option<crate::error::AppError>>,
    name: &'static str,
    #[prop(into)] label: &'static str,
    value: u32,
) -> impl IntoView {
    view! {
        <crate::components::Field error=error name=name label=label>
            <input class="input input--short" type="number" min="0" id=name name=name value=value.to_string()/>
        </crate::components::Field>
    }
}
