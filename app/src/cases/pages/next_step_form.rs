//! The next-step form: review at a later meeting (a date, or in N weeks), keep open, or close
//! with a reason. The same form on an agenda item (with its meeting) and on the case page;
//! several can be on one page, so every id carries the form's own prefix.

use crate::cases::next_step::{CloseReason, StepKind};
use crate::cases::next_step_fns::DecideNextStep;
use crate::components::forms::action_error;
use crate::components::SubmitButton;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::{CaseId, MeetingId};
use leptos::prelude::*;

const FIELDS: [(&str, Msg); 6] = [
    ("step", Msg("reviews-label-step")),
    ("review_on", Msg("reviews-label-review-on")),
    ("review_in_weeks", Msg("reviews-label-weeks")),
    ("close_reason", Msg("reviews-label-reason")),
    ("receiving_group", Msg("reviews-label-group")),
    ("explanation", Msg("reviews-label-explanation")),
];

/// The field's own message, under its label.
fn field_error(error: Signal<Option<AppError>>, id: String, name: &'static str) -> impl IntoView {
    move || {
        error.get().and_then(|e| e.field(name)).map(|m| {
            view! {
                <p class="field__error" id=format!("{id}-error")>
                    <span class="visually-hidden">{Msg("common-error-prefix")} " "</span>{m}
                </p>
            }
        })
    }
}

#[component]
pub fn NextStepForm(case_id: CaseId, meeting_id: Option<MeetingId>) -> impl IntoView {
    let action = ServerAction::<DecideNextStep>::new();
    let error = action_error(action.value());
    let prefix = match meeting_id {
        Some(m) => format!("ns-{m}-{case_id}-"),
        None => format!("ns-{case_id}-"),
    };
    let id = move |name: &str| format!("{prefix}{name}");
    let has = move |name: &'static str| move || error.get().and_then(|e| e.field(name)).is_some();
    let summary = {
        let id = id.clone();
        move || {
            error.get().map(|e| {
                let links: Vec<_> = FIELDS
                    .iter()
                    .filter_map(|(f, _)| e.field(f).map(|m| (id(f), m)))
                    .map(|(target, m)| view! { <li><a href=format!("#{target}")>{m}</a></li> })
                    .collect();
                let message = links.is_empty().then(|| e.message());
                view! {
                    <div class="error-summary" role="alert" tabindex="-1">
                        <h3 class="error-summary__title">{Msg("common-error-summary-title")}</h3>
                        {message.map(|m| view! { <p>{m}</p> })}
                        <ul class="error-summary__list">{links}</ul>
                    </div>
                }
            })
        }
    };
    let done = move || {
        action.value().get().and_then(|r| r.ok()).map(|d| {
            let words = match (d.decision.step, d.decision.review_on, d.placed_on) {
                (StepKind::Review, Some(on), Some(_)) => {
                    Msg("reviews-saved-placed").with(&[("day", crate::time::format_day(on).into())])
                }
                (StepKind::Review, Some(on), None) => Msg("reviews-saved-waiting")
                    .with(&[("day", crate::time::format_day(on).into())]),
                (StepKind::Close, _, _) => Msg("reviews-saved-closed").text(),
                _ => Msg("reviews-saved-open").text(),
            };
            view! { <p class="notice notice--success" role="status">{words}</p> }
        })
    };
    let radio = {
        let id = id.clone();
        move |s: StepKind| {
            let rid = id(&format!("step-{}", s.as_str()));
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" id=rid.clone() name="form[step]" value=s.as_str() checked=s == StepKind::Review/>
                    <label class="radios__label" for=rid>{s.label()}</label>
                </div>
            }
        }
    };
    view! {
        <div class="next-step" data-case=case_id.to_string()>
            {summary}
            {done}
            <ActionForm action=action attr:class="form next-step__form" attr:novalidate=true>
                <input type="hidden" name="id" value=case_id.to_string()/>
                {meeting_id.map(|m| view! { <input type="hidden" name="form[meeting_id]" value=m.to_string()/> })}
                <div class="field" class:field--error=has("step")>
                    <fieldset class="radios" id=id("step")>
                        <legend class="field__label">{Msg("reviews-label-step")}</legend>
                        {field_error(error, id("step"), "step")}
                        {StepKind::ALL.into_iter().map(radio).collect_view()}
                    </fieldset>
                </div>
                <div class="field" class:field--error=has("review_on")>
                    <label class="field__label" for=id("review_on")>{Msg("reviews-label-review-on")}</label>
                    <p class="field__hint">{Msg("reviews-hint-review-on")}</p>
                    {field_error(error, id("review_on"), "review_on")}
                    <input class="input input--medium" type="date" id=id("review_on") name="form[review_on]"/>
                </div>
                <div class="field" class:field--error=has("review_in_weeks")>
                    <label class="field__label" for=id("review_in_weeks")>{Msg("reviews-label-weeks")}</label>
                    <p class="field__hint">{if meeting_id.is_some() { Msg("reviews-hint-weeks-meeting") } else { Msg("reviews-hint-weeks-today") }}</p>
                    {field_error(error, id("review_in_weeks"), "review_in_weeks")}
                    <input class="input input--short" type="number" min="1" max="52" id=id("review_in_weeks") name="form[review_in_weeks]"/>
                </div>
                <div class="field" class:field--error=has("close_reason")>
                    <label class="field__label" for=id("close_reason")>{Msg("reviews-label-reason")}</label>
                    <p class="field__hint">{Msg("reviews-hint-reason")}</p>
                    {field_error(error, id("close_reason"), "close_reason")}
                    <select class="select" id=id("close_reason") name="form[close_reason]">
                        <option value="">{Msg("reviews-reason-choose")}</option>
                        {CloseReason::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{r.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field--error=has("receiving_group")>
                    <label class="field__label" for=id("receiving_group")>{Msg("reviews-label-group")}</label>
                    <p class="field__hint">{Msg("reviews-hint-group")}</p>
                    {field_error(error, id("receiving_group"), "receiving_group")}
                    <input class="input" type="text" maxlength="200" id=id("receiving_group") name="form[receiving_group]"/>
                </div>
                <div class="field" class:field--error=has("explanation")>
                    <label class="field__label" for=id("explanation")>{Msg("reviews-label-explanation")}</label>
                    <p class="field__hint">{Msg("reviews-hint-explanation")}</p>
                    {field_error(error, id("explanation"), "explanation")}
                    <textarea class="textarea" rows="2" id=id("explanation") name="form[explanation]"></textarea>
                </div>
                <SubmitButton pending=action.pending() label=Msg("reviews-save").as_str() pending_label=Msg("reviews-saving").as_str()/>
            </ActionForm>
        </div>
    }
}
