//! "Who manages this case": the case manager and the case responsible, chosen among the active
//! people of the agencies involved with the case.

use crate::agencies::types::Agency;
use crate::auth::types::Role;
use crate::cases::people_fns::SetCasePeople;
use crate::cases::types::{CaseDetail, PersonRef};
use crate::components::forms::action_error;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::i18n::Msg;
use leptos::prelude::*;

const LABELS: &[(&str, Msg)] = &[
    ("case_manager_id", Msg("cases-case-manager")),
    ("case_responsible_id", Msg("cases-case-responsible")),
];

/// (id, "Name (Agency)") of everyone who may be named: active chairs, coordinators and members
/// of the active agencies involved with the case.
fn candidates(case: &CaseDetail, agencies: &[Agency]) -> Vec<(String, String)> {
    agencies
        .iter()
        .filter(|a| a.active && case.agencies.iter().any(|i| i.id == a.id))
        .flat_map(|a| {
            a.members
                .iter()
                .filter(|m| matches!(m.role, Role::Chair | Role::Coordinator | Role::Member))
                .map(move |m| (m.id.to_string(), format!("{} ({})", m.name, a.name)))
        })
        .collect()
}

fn named(p: &Option<PersonRef>) -> String {
    match p {
        Some(p) => match &p.agency_name {
            Some(a) => format!("{} ({a})", p.name),
            None => p.name.clone(),
        },
        None => Msg("contact-people-nobody").text(),
    }
}

#[component]
pub fn CasePeople(case: CaseDetail, agencies: Vec<Agency>) -> impl IntoView {
    let action = ServerAction::<SetCasePeople>::new();
    let error = action_error(action.value());
    let people = RwSignal::new((case.case_manager.clone(), case.case_responsible.clone()));
    Effect::new(move |_| {
        if let Some(Ok(c)) = action.value().get() {
            people.set((c.case_manager, c.case_responsible));
        }
    });
    let choices = candidates(&case, &agencies);
    let options = |selected: Option<String>| {
        choices
            .iter()
            .map(|(id, label)| {
                let sel = selected.as_deref() == Some(id.as_str());
                view! { <option value=id.clone() selected=sel>{label.clone()}</option> }
            })
            .collect_view()
    };
    let manager = case.case_manager.as_ref().map(|p| p.id.to_string());
    let responsible = case.case_responsible.as_ref().map(|p| p.id.to_string());
    let manager_options = options(manager.clone());
    let responsible_options = options(responsible.clone());
    view! {
        <section class="section" aria-labelledby="people-title" data-testid="case-people">
            <h2 id="people-title">{Msg("contact-people-title")}</h2>
            <p class="field__hint">{Msg("contact-people-hint")}</p>
            <dl class="summary-list">
                <div><dt>{Msg("cases-case-manager")}</dt><dd data-testid="case-manager">{move || named(&people.get().0)}</dd></div>
                <div><dt>{Msg("cases-case-responsible")}</dt><dd data-testid="case-responsible">{move || named(&people.get().1)}</dd></div>
            </dl>
            <ErrorSummary error=error labels=LABELS prefix="people-"/>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{Msg("contact-people-saved")}</p>
            </Show>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=case.id.to_string()/>
                <Field error=error name="case_manager_id" prefix="people-" label=Msg("cases-case-manager").as_str()>
                    <select class="select" id="people-case_manager_id" name="people[case_manager_id]">
                        <option value="" selected=manager.is_none()>{Msg("cases-not-named")}</option>
                        {manager_options}
                    </select>
                </Field>
                <Field error=error name="case_responsible_id" prefix="people-" label=Msg("cases-case-responsible").as_str() optional=true>
                    <select class="select" id="people-case_responsible_id" name="people[case_responsible_id]">
                        <option value="" selected=responsible.is_none()>{Msg("cases-none")}</option>
                        {responsible_options}
                    </select>
                </Field>
                <SubmitButton pending=action.pending() label=Msg("contact-people-save").as_str()/>
            </ActionForm>
        </section>
    }
}
