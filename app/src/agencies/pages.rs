//! The agency directory, an agency's page, and the forms to add and edit agencies.

use super::server_fns::{get_agency, list_agencies, CreateAgency, UpdateAgency};
use super::text;
use super::types::{Agency, AgencyKind};
use crate::components::forms::action_error;
use crate::components::layout::{can_manage_agencies, signed_in_user};
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::AgencyId;
use crate::users::types::Representation;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const LABELS: &[(&str, Msg)] = &[
    ("name", text::NAME),
    ("kind", text::KIND_OF_AGENCY),
    ("contact_name", text::CONTACT_PERSON),
    ("contact_email", text::CONTACT_EMAIL),
    ("contact_phone", text::CONTACT_PHONE),
    ("children_only", text::CHILDREN_ONLY),
];

/// The "Children's services only" badge, shown next to the kind.
fn children_only_badge(children_only: bool) -> impl IntoView {
    children_only.then(|| view! { " " <span class="tag tag--blue">{text::CHILDREN_ONLY}</span> })
}

fn manager() -> Signal<bool> {
    let can = signed_in_user().is_some_and(|m| can_manage_agencies(&m));
    Signal::derive(move || can)
}

#[component]
pub fn AgenciesPage() -> impl IntoView {
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    let can_manage = manager();
    view! {
        <Title text=text::TITLE.as_str()/>
        <div class="page-heading">
            <h1>{text::TITLE}</h1>
            <Show when=move || can_manage.get()>
                <A href="/agencies/new" attr:class="button">{text::ADD}</A>
            </Show>
        </div>
        <p class="lead">{text::INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match agencies.await {
                    Err(e) => error_view(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{text::EMPTY}</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="table">
                            <caption class="visually-hidden">{text::TITLE}</caption>
                            <thead><tr>
                                <th scope="col">{text::COL_AGENCY}</th>
                                <th scope="col">{text::COL_KIND}</th>
                                <th scope="col">{text::COL_REPRESENTATIVES}</th>
                                <th scope="col">{text::COL_CONTACT}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|a| view! { <AgencyRow agency=a/> }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn representatives(a: &Agency, which: Representation) -> Vec<String> {
    a.members
        .iter()
        .filter(|m| m.representation == which)
        .map(|m| m.name.clone())
        .collect()
}

#[component]
fn AgencyRow(agency: Agency) -> impl IntoView {
    let href = format!("/agencies/{}", agency.id);
    let regular = representatives(&agency, Representation::Regular);
    let deputies = representatives(&agency, Representation::Deputy);
    view! {
        <tr class:row--inactive=!agency.active>
            <td>
                <A href=href>{agency.name.clone()}</A>
                {(!agency.active).then(|| view! { " " <span class="tag tag--grey">{text::INACTIVE}</span> })}
            </td>
            <td>{agency.kind.label()}{children_only_badge(agency.children_only)}</td>
            <td>
                {if regular.is_empty() {
                    view! { <span class="muted">{text::NO_REPRESENTATIVE}</span> }.into_any()
                } else {
                    view! { <span>{regular.join(", ")}</span> }.into_any()
                }}
                {(!deputies.is_empty()).then(|| view! { <br/><span class="muted">{text::DEPUTIES.with(&[("names", deputies.join(", ").into())])}</span> })}
            </td>
            <td>
                {agency.contact_email.clone().map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a><br/> })}
                {agency.contact_phone.clone()}
            </td>
        </tr>
    }
}

/// The agency fields, filled with `initial` when editing.
#[component]
fn AgencyFields(
    #[prop(into)] error: Signal<Option<AppError>>,
    initial: Option<Agency>,
) -> impl IntoView {
    let v = |f: fn(&Agency) -> Option<String>| initial.as_ref().and_then(f).unwrap_or_default();
    let name = v(|a| Some(a.name.clone()));
    let contact_name = v(|a| a.contact_name.clone());
    let contact_email = v(|a| a.contact_email.clone());
    let contact_phone = v(|a| a.contact_phone.clone());
    let kind = initial.as_ref().map(|a| a.kind);
    let children_only = initial.as_ref().is_some_and(|a| a.children_only);
    view! {
        <Field error=error name="name" label=text::NAME hint=text::NAME_HINT>
            <input class="input" type="text" id="name" name="name" value=name required/>
        </Field>
        <Field error=error name="kind" label=text::KIND_OF_AGENCY>
            <select class="select" id="kind" name="kind">
                <option value="" selected=kind.is_none()>{text::CHOOSE}</option>
                {AgencyKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=kind == Some(k)>{k.label()}</option>
                }).collect_view()}
            </select>
        </Field>
        <div class="checkbox">
            <input class="checkbox__input" type="checkbox" id="children_only" name="children_only" value="on" checked=children_only aria-describedby="children_only-hint"/>
            <label class="checkbox__label" for="children_only">{text::CHILDREN_ONLY}</label>
            <p class="field__hint" id="children_only-hint">{text::CHILDREN_ONLY_HINT}</p>
        </div>
        <Field error=error name="contact_name" label=text::CONTACT_PERSON optional=true>
            <input class="input" type="text" id="contact_name" name="contact_name" value=contact_name/>
        </Field>
        <Field error=error name="contact_email" label=text::CONTACT_EMAIL optional=true>
            <input class="input" type="email" id="contact_email" name="contact_email" value=contact_email spellcheck="false"/>
        </Field>
        <Field error=error name="contact_phone" label=text::CONTACT_PHONE optional=true>
            <input class="input input--medium" type="tel" id="contact_phone" name="contact_phone" value=contact_phone/>
        </Field>
    }
}

#[component]
pub fn NewAgencyPage() -> impl IntoView {
    let action = ServerAction::<CreateAgency>::new();
    let error = action_error(action.value());
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(a)) = action.value().get() {
            navigate(&format!("/agencies/{}?saved=1", a.id), Default::default());
        }
    });
    view! {
        <Title text=text::ADD.as_str()/>
        <div class="narrow">
            <p><A href="/agencies">{text::BACK}</A></p>
            <h1>{text::ADD}</h1>
            <ErrorSummary error=error labels=LABELS/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <AgencyFields error=error initial=None/>
                <SubmitButton pending=action.pending() label=text::ADD_SUBMIT/>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn AgencyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<AgencyId>().ok())
    };
    let agency = page_resource(|| {
        Resource::new(id, |id| async move {
            match id {
                Some(id) => get_agency(id).await,
                None => Err(AppError::NotFound),
            }
        })
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match agency.await {
                    Err(e) => error_view(e),
                    Ok(a) => view! { <AgencyDetail agency=a/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgencyDetail(agency: Agency) -> impl IntoView {
    let can_manage = manager();
    let saved_from_create = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("saved")
        .is_some();
    let title = agency.name.clone();
    let members = agency.members.clone();
    view! {
        <Title text=title.clone()/>
        <p><A href="/agencies">{text::BACK}</A></p>
        <h1>
            {title}
            {(!agency.active).then(|| view! { " " <span class="tag tag--grey">{text::INACTIVE}</span> })}
        </h1>
        {saved_from_create.then(|| view! { <p class="notice notice--success" role="status">{text::SAVED}</p> })}
        <dl class="summary-list">
            <div><dt>{text::COL_KIND}</dt><dd>{agency.kind.label()}{children_only_badge(agency.children_only)}</dd></div>
            <div><dt>{text::CONTACT_PERSON}</dt><dd>{agency.contact_name.clone().unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>{text::CONTACT_EMAIL}</dt><dd>{agency.contact_email.clone().unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>{text::CONTACT_PHONE}</dt><dd>{agency.contact_phone.clone().unwrap_or_else(|| "—".into())}</dd></div>
        </dl>
        <h2>{text::PEOPLE}</h2>
        {if members.is_empty() {
            view! { <p class="muted">{text::NOBODY}</p> }.into_any()
        } else {
            view! {
                <ul class="list">
                    {members.into_iter().map(|m| view! {
                        <li>{m.name} " · " <span class="muted">{m.representation.label()}</span>
                            " · " <a href=format!("mailto:{}", m.email)>{m.email.clone()}</a></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Show when=move || can_manage.get()>
            <EditAgency agency=agency.clone()/>
        </Show>
    }
}

#[component]
fn EditAgency(agency: Agency) -> impl IntoView {
    let save = ServerAction::<UpdateAgency>::new();
    let toggle = ServerAction::<UpdateAgency>::new();
    let error = action_error(save.value());
    let active = RwSignal::new(agency.active);
    Effect::new(move |_| {
        if let Some(Ok(a)) = toggle.value().get() {
            active.set(a.active);
        }
    });
    let id = agency.id.to_string();
    let id2 = id.clone();
    view! {
        <section class="section" aria-labelledby="edit-title">
            <h2 id="edit-title">{text::EDIT}</h2>
            <ErrorSummary error=error labels=LABELS/>
            <Show when=move || matches!(save.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{text::SAVED}</p>
            </Show>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <AgencyFields error=error initial=Some(agency)/>
                <SubmitButton pending=save.pending() label=text::SAVE_CHANGES/>
            </ActionForm>
        </section>
        <section class="section" aria-labelledby="status-title">
            <h2 id="status-title">{text::STATUS}</h2>
            <p>{move || if active.get() {
                text::IS_ACTIVE.as_str()
            } else {
                text::IS_INACTIVE.as_str()
            }}</p>
            <ActionForm action=toggle>
                <input type="hidden" name="id" value=id2/>
                <input type="hidden" name="active" value=move || (!active.get()).to_string()/>
                <button type="submit" class="button button--secondary" disabled=move || toggle.pending().get()>
                    {move || if toggle.pending().get() {
                        crate::components::text::SAVING.as_str()
                    } else if active.get() {
                        text::DEACTIVATE.as_str()
                    } else {
                        text::REACTIVATE.as_str()
                    }}
                </button>
            </ActionForm>
        </section>
    }
}
