//! The "not safe to contact" warning, and the form that changes the victim's contact details
//! with a reason. The warning names no detail: everyone who sees the case sees it.

use crate::cases::people_fns::UpdateCaseContact;
use crate::cases::types::ContactReason;
use crate::components::forms::action_error;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::i18n::Msg;
use crate::ids::CaseId;
use leptos::prelude::*;

const LABELS: &[(&str, Msg)] = &[
    ("safe_to_contact", Msg("contact-safe-to-contact")),
    ("safe_contact", Msg("contact-new-details")),
    ("reason_category", Msg("contact-reason-category")),
    ("reason", Msg("contact-reason")),
];

/// The prominent warning; nothing when the victim may be contacted.
#[component]
pub fn NotSafeToContact(#[prop(into)] not_safe: Signal<bool>) -> impl IntoView {
    move || {
        not_safe.get().then(|| {
            view! {
                <div class="notice notice--error not-safe" role="alert" data-testid="not-safe-to-contact">
                    <p><strong>{Msg("contact-not-safe-title")}</strong></p>
                    <p>{Msg("contact-not-safe-body")}</p>
                </div>
            }
        })
    }
}

#[component]
pub fn ContactDetailsForm(id: CaseId, not_safe: RwSignal<bool>) -> impl IntoView {
    let action = ServerAction::<UpdateCaseContact>::new();
    let error = action_error(action.value());
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(done)) = action.value().get() {
            not_safe.set(done.not_safe_to_contact);
            open.set(false);
        }
    });
    let was_safe = !not_safe.get_untracked();
    view! {
        <section class="section" aria-labelledby="contact-title" data-testid="contact-details">
            <h2 id="contact-title">{Msg("contact-title")}</h2>
            <p class="field__hint">{Msg("contact-hint")}</p>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{Msg("contact-saved")}</p>
            </Show>
            <Show when=move || !open.get()>
                <button type="button" class="button button--secondary" on:click=move |_| open.set(true)>{Msg("contact-open")}</button>
            </Show>
            <Show when=move || open.get()>
                <ErrorSummary error=error labels=LABELS prefix="contact-"/>
                <ActionForm action=action attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <div class="field" class:field--error=move || error.get().and_then(|e| e.field("safe_to_contact")).is_some()>
                        <fieldset class="radios" id="contact-safe_to_contact" tabindex="-1">
                            <legend class="field__label">{Msg("contact-safe-to-contact")}</legend>
                            <crate::components::FieldError error=error name="safe_to_contact"/>
                            <label class="radio"><input type="radio" name="contact[safe_to_contact]" value="true" checked=was_safe/>" " {Msg("common-yes")}</label>
                            <label class="radio"><input type="radio" name="contact[safe_to_contact]" value="false" checked=!was_safe/>" " {Msg("common-no")}</label>
                        </fieldset>
                    </div>
                    <Field error=error name="safe_contact" prefix="contact-" label=Msg("contact-new-details").as_str() hint=Msg("contact-new-details-hint").as_str() optional=true>
                        <textarea class="textarea" id="contact-safe_contact" name="contact[safe_contact]" rows="2" autocomplete="off"></textarea>
                    </Field>
                    <div class="field">
                        <label class="checkbox-inline">
                            <input type="checkbox" name="contact[clear_contact]" value="true"/>
                            " " {Msg("contact-clear")}
                        </label>
                    </div>
                    <Field error=error name="reason_category" prefix="contact-" label=Msg("contact-reason-category").as_str()>
                        <select class="select" id="contact-reason_category" name="contact[reason_category]">
                            <option value="">{Msg("contact-reason-choose")}</option>
                            {ContactReason::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{r.label()}</option> }).collect_view()}
                        </select>
                    </Field>
                    <Field error=error name="reason" prefix="contact-" label=Msg("contact-reason").as_str() hint=Msg("contact-reason-hint").as_str()>
                        <input class="input" type="text" id="contact-reason" name="contact[reason]" autocomplete="off"/>
                    </Field>
                    <SubmitButton pending=action.pending() label=Msg("contact-save").as_str()/>
                </ActionForm>
            </Show>
        </section>
    }
}
