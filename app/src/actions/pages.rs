//! Action screens: the list with filters and history on demand, the update form, the form to
//! agree an action, and the steering group's report with the barrier register.

use super::server_fns::{
    action_history, get_action_report, get_barrier_register, list_actions, AgreeAction,
    UpdateAction,
};
use super::types::{Action, ActionFilter, ActionKind, ActionStatus, BarrierCategory};
use crate::agencies::types::Agency;
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::ids::{CaseId, MeetingId};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::text;
use crate::i18n::Msg;

#[component]
pub fn StatusTag(status: ActionStatus, overdue: bool) -> impl IntoView {
    let class = match status {
        ActionStatus::Done => "tag tag--green",
        ActionStatus::Open | ActionStatus::InProgress if overdue => "tag tag--red",
        ActionStatus::Open | ActionStatus::InProgress => "tag tag--blue",
        _ => "tag tag--grey",
    };
    view! {
        <span class=class>
            {overdue.then(|| format!("! {} · ", text::OVERDUE))}
            {status.label()}
        </span>
    }
}

#[component]
pub fn ActionsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).filter(|s| !s.is_empty());
        ActionFilter {
            agency_id: get("agency_id"),
            status: get("status"),
            case_id: get("case_id"),
            meeting_id: None,
            overdue: get("overdue"),
        }
    };
    let actions = page_resource(|| Resource::new(filter, list_actions));
    let agencies =
        page_resource(|| Resource::new(|| (), |_| crate::agencies::server_fns::list_agencies()));
    view! {
        <Title text=text::TITLE.as_str()/>
        <h1>{text::TITLE}</h1>
        <p class="lead">{text::INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let f = filter();
                let agencies = agencies.await.unwrap_or_default();
                let csv = format!(
                    "/api/v1/actions.csv?{}",
                    [("agency_id", f.agency_id.clone()), ("status", f.status.clone()), ("overdue", f.overdue.clone())]
                        .into_iter()
                        .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
                        .collect::<Vec<_>>()
                        .join("&")
                );
                let body = match actions.await {
                    Err(e) => error_view(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{text::EMPTY}</p> }.into_any(),
                    Ok(list) => view! { <ActionList actions=list/> }.into_any(),
                };
                view! {
                    <Filters filter=f agencies=agencies/>
                    <p><a href=csv download="actions.csv">{text::DOWNLOAD_CSV}</a></p>
                    {body}
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(filter: ActionFilter, agencies: Vec<Agency>) -> impl IntoView {
    let agency = filter.agency_id.clone().unwrap_or_default();
    let status = filter.status.clone().unwrap_or_default();
    let overdue = filter.overdue.is_some();
    view! {
        <Form method="GET" action="/actions" attr:class="filters">
            <div class="field">
                <label class="field__label" for="agency_id">{text::AGENCY}</label>
                <select class="select" id="agency_id" name="agency_id">
                    <option value="" selected=agency.is_empty()>{text::ANY}</option>
                    {agencies.into_iter().map(|a| {
                        let id = a.id.to_string();
                        let sel = id == agency;
                        view! { <option value=id selected=sel>{a.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="status">{text::STATUS}</label>
                <select class="select" id="status" name="status">
                    <option value="" selected=status.is_empty()>{text::ANY}</option>
                    {ActionStatus::ALL.iter().map(|s| view! { <option value=s.as_str() selected=status == s.as_str()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" id="overdue" name="overdue" value="true" checked=overdue/>
                <label class="checkbox__label" for="overdue">{text::ONLY_OVERDUE}</label>
            </div>
            <button type="submit" class="button button--secondary">{text::FILTER}</button>
        </Form>
    }
}

/// A list of actions, each with its history on demand and, for those who may, the update form.
#[component]
pub fn ActionList(actions: Vec<Action>) -> impl IntoView {
    view! {
        <ul class="actions">
            {actions.into_iter().map(|a| view! { <ActionRow action=a/> }).collect_view()}
        </ul>
    }
}

#[component]
fn ActionRow(action: Action) -> impl IntoView {
    let me = signed_in_user();
    let may_update = !action.status.is_final()
        && me.as_ref().is_some_and(|m| {
            crate::auth::policy::permits(
                m,
                crate::auth::policy::Action::Update,
                crate::auth::policy::Resource::CaseAction {
                    involved: true,
                    own_agency: m.agency_id == Some(action.owner_agency_id),
                },
            )
        });
    let current = RwSignal::new(action.clone());
    let show_history = RwSignal::new(false);
    let id = action.id;
    let history = Resource::new(
        move || show_history.get(),
        move |show| async move {
            if show {
                action_history(id).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    view! {
        <li class="actions__item">
            {move || {
                let a = current.get();
                view! {
                    <div class="actions__head">
                        <A href=format!("/cases/{}", a.case_id)>{a.reference.clone()}</A>
                        " · " <strong>{a.owner_agency_name.clone()}</strong>
                        {a.owner_user_name.clone().map(|n| format!(" ({n})"))}
                        " · " {a.kind.label()}
                        " · " {text::DUE.with(&[("date", crate::time::format_day(a.due_on).into())])}
                        " " <StatusTag status=a.status overdue=a.overdue/>
                        {(a.carried_over > 0).then(|| view! { " " <span class="tag tag--yellow">{text::CARRIED_OVER_TIMES.with(&[("count", a.carried_over.into())])}</span> })}
                        {a.escalated.then(|| view! { " " <span class="tag tag--red">{text::ESCALATED}</span> })}
                    </div>
                    <p class="actions__text">{a.text.clone()}</p>
                    {a.barrier_category.map(|b| view! { <p class="muted">{text::BARRIER_IS} " " {b.label()} {a.barrier_text.clone().map(|t| format!(" – {t}"))}</p> })}
                    {a.what_is_different.clone().map(|w| view! { <p class="muted">{text::WHAT_IS_DIFFERENT_LABEL} ": " {w}</p> })}
                }
            }}
            <button type="button" class="button button--link-dark" aria-expanded=move || show_history.get().to_string()
                on:click=move |_| show_history.update(|s| *s = !*s)>
                {move || if show_history.get() { text::HIDE_HISTORY.as_str() } else { text::SHOW_HISTORY.as_str() }}
            </button>
            <Transition fallback=|| ()>
                {move || history.get().map(|r| match r {
                    Ok(Some(h)) => view! {
                        <ol class="history">
                            {h.into_iter().map(|e| view! {
                                <li>
                                    {crate::time::format_local(e.at_unix)} " · " {e.who.clone().unwrap_or_default()} " · "
                                    {e.from.map(|f| format!("{} → ", f.label()))} {e.to.label()}
                                    {e.reason.clone().map(|r| format!(" · {}", text::HISTORY_BECAUSE.with(&[("reason", r.into())])))}
                                    {e.note.clone().map(|n| format!(" · {n}"))}
                                    {e.due_to.filter(|_| e.due_from.is_some()).map(|d| format!(" · {}", text::HISTORY_NEW_DUE.with(&[("date", crate::time::format_day(d).into())])))}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => error_view(e),
                })}
            </Transition>
            {may_update.then(|| view! { <UpdateForm action=action.clone() current=current/> })}
        </li>
    }
}

/// "(optional)", after a label.
const OPTIONAL: Msg = Msg("common-optional");

/// The fields of the update form, for the summary of problems.
const UPDATE_LABELS: &[(&str, Msg)] = &[
    ("status", text::STATUS),
    ("reason", text::WHY),
    ("barrier.category", text::BARRIER),
    ("due_on", text::NEW_DUE),
    ("note", text::NOTE),
];

#[component]
fn UpdateForm(action: Action, current: RwSignal<Action>) -> impl IntoView {
    let update = ServerAction::<UpdateAction>::new();
    let error = action_error(update.value());
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(a)) = update.value().get() {
            current.set(a);
            open.set(false);
        }
    });
    let p = format!("a{}-", action.id);
    let ids = StoredValue::new(p);
    let id_of = move |f: &str| format!("{}{f}", ids.get_value());
    view! {
        <Show when=move || matches!(update.value().get(), Some(Ok(_)))>
            <p class="notice notice--success" role="status">{text::UPDATED}</p>
        </Show>
        <Show when=move || !open.get() && !current.get().status.is_final()>
            <button type="button" class="button button--secondary button--small" on:click=move |_| open.set(true)>{text::UPDATE}</button>
        </Show>
        <Show when=move || open.get()>
            <ErrorSummary error=error labels=UPDATE_LABELS/>
            <ActionForm action=update attr:class="form form--compact" attr:novalidate=true>
                <input type="hidden" name="id" value=action.id.to_string()/>
                <div class="field">
                    <label class="field__label" for=id_of("status")>{text::STATUS}</label>
                    <select class="select" id=id_of("status") name="form[status]">
                        <option value="">{text::UNCHANGED}</option>
                        {ActionStatus::ALL.iter().filter(|s| **s != ActionStatus::Open).map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for=id_of("reason")>{text::WHY}" " <span class="field__optional">{text::WHY_WHEN}</span></label>
                    <crate::components::FieldError error=error name="reason"/>
                    <input class="input" type="text" id=id_of("reason") name="form[reason]"/>
                </div>
                <div class="field">
                    <label class="field__label" for=id_of("barrier")>{text::IN_THE_WAY}" " <span class="field__optional">{text::FOR_NOT_DONE}</span></label>
                    <crate::components::FieldError error=error name="barrier.category"/>
                    <select class="select" id=id_of("barrier") name="form[barrier_category]">
                        <option value="">"—"</option>
                        {BarrierCategory::ALL.iter().map(|b| view! { <option value=b.as_str()>{b.label()}</option> }).collect_view()}
                    </select>
                    <input class="input" type="text" name="form[barrier_text]" aria-label=text::BARRIER_IN_WORDS placeholder=text::IN_WORDS_OPTIONAL/>
                </div>
                <div class="field">
                    <label class="field__label" for=id_of("due")>{text::NEW_DUE}" " <span class="field__optional">{OPTIONAL}</span></label>
                    <input class="input input--medium" type="date" id=id_of("due") name="form[due_on]"/>
                </div>
                <div class="field">
                    <label class="field__label" for=id_of("note")>{text::NOTE}" " <span class="field__optional">{OPTIONAL}</span></label>
                    <textarea class="textarea" id=id_of("note") name="form[note]" rows="2"></textarea>
                </div>
                <SubmitButton pending=update.pending() label=text::SAVE_UPDATE/>
            </ActionForm>
        </Show>
    }
}

/// The form to agree an action on a case (chair and coordinator).
#[component]
pub fn AgreeActionForm(
    case_id: CaseId,
    agencies: Vec<Agency>,
    #[prop(optional)] meeting_id: Option<MeetingId>,
) -> impl IntoView {
    let agree = ServerAction::<AgreeAction>::new();
    let error = action_error(agree.value());
    const LABELS: &[(&str, Msg)] = &[
        ("owner_agency_id", text::AGENCY),
        ("kind", text::KIND),
        ("text", text::TO_BE_DONE),
        ("due_on", text::DUE_BY),
        ("what_is_different", text::WHAT_IS_DIFFERENT_LABEL),
    ];
    let people: Vec<(String, String)> = agencies
        .iter()
        .flat_map(|a| {
            a.members
                .iter()
                .map(move |m| (m.id.to_string(), format!("{} ({})", m.name, a.name)))
        })
        .collect();
    view! {
        <section class="section" aria-labelledby="agree-title">
            <h2 id="agree-title">{text::AGREE_TITLE}</h2>
            <ErrorSummary error=error labels=LABELS prefix="new-"/>
            {move || agree.value().get().and_then(|r| r.ok()).map(|a| view! {
                <p class="notice notice--success" role="status">{text::AGREED_FOR.with(&[("agency", a.owner_agency_name.into())])}</p>
            })}
            <ActionForm action=agree attr:class="form" attr:novalidate=true>
                <input type="hidden" name="input[case_id]" value=case_id.to_string()/>
                {meeting_id.map(|m| view! { <input type="hidden" name="input[meeting_id]" value=m.to_string()/> })}
                <Field error=error name="owner_agency_id" label=text::AGENCY prefix="new-">
                    <select class="select" id="new-owner_agency_id" name="input[owner_agency_id]">
                        <option value="">{text::CHOOSE}</option>
                        {agencies.iter().filter(|a| a.active).map(|a| view! { <option value=a.id.to_string()>{a.name.clone()}</option> }).collect_view()}
                    </select>
                </Field>
                <Field error=error name="owner_user_id" label=text::PERSON prefix="new-" optional=true>
                    <select class="select" id="new-owner_user_id" name="input[owner_user_id]">
                        <option value="">{text::NOBODY}</option>
                        {people.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                    </select>
                </Field>
                <Field error=error name="kind" label=text::KIND prefix="new-">
                    <select class="select" id="new-kind" name="input[kind]">
                        <option value="">{text::CHOOSE}</option>
                        {ActionKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view()}
                    </select>
                </Field>
                <Field error=error name="text" label=text::TO_BE_DONE prefix="new-">
                    <textarea class="textarea" id="new-text" name="input[text]" rows="2"></textarea>
                </Field>
                <Field error=error name="due_on" label=text::DUE_BY prefix="new-">
                    <input class="input input--medium" type="date" id="new-due_on" name="input[due_on]"/>
                </Field>
                <Field error=error name="what_is_different" label=text::WHAT_IS_DIFFERENT_LABEL prefix="new-" optional=true
                    hint=text::DIFFERENT_HINT>
                    <textarea class="textarea" id="new-what_is_different" name="input[what_is_different]" rows="2"></textarea>
                </Field>
                <SubmitButton pending=agree.pending() label=text::AGREE/>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || {
        let q = query.read();
        (
            q.get("from").filter(|s| !s.is_empty()),
            q.get("to").filter(|s| !s.is_empty()),
        )
    };
    // One resource per server function (see the research page).
    let report = page_resource(|| Resource::new(period, |(from, to)| get_action_report(from, to)));
    let barriers =
        page_resource(|| Resource::new(period, |(from, to)| get_barrier_register(from, to)));
    view! {
        <Title text=text::REPORT_TITLE.as_str()/>
        <h1>{text::REPORT_TITLE}</h1>
        <p><A href="/reports/cases">{crate::i18n::Msg("figures-report-link")}</A></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (report.await, barriers.await) {
                    (Err(e), _) | (_, Err(e)) => error_view(e),
                    (Ok(r), Ok(barriers)) => view! {
                        <Form method="GET" action="/reports" attr:class="filters">
                            <div class="field"><label class="field__label" for="from">{text::FROM}</label>
                                <input class="input input--medium" type="date" id="from" name="from" value=r.from.to_string()/></div>
                            <div class="field"><label class="field__label" for="to">{text::TO}</label>
                                <input class="input input--medium" type="date" id="to" name="to" value=r.to.to_string()/></div>
                            <button type="submit" class="button button--secondary">{text::SHOW}</button>
                        </Form>
                        <div class="cards">
                            <section class="card"><h2>{text::COMPLETION}</h2>
                                <p class="big-number">{r.completion_rate.map(|c| format!("{c}%")).unwrap_or_else(|| "—".into())}</p>
                                <p class="muted">{text::DONE_OF_DUE.with(&[("done", r.done.into()), ("due", r.due.into())])}</p></section>
                            <section class="card"><h2>{text::MEDIAN}</h2>
                                <p class="big-number">{r.median_days_to_done.map(|d| text::DAYS.with(&[("days", d.to_string().into())])).unwrap_or_else(|| "—".into())}</p></section>
                            <section class="card"><h2>{text::ESCALATED_CARD}</h2><p class="big-number">{r.escalations.len()}</p></section>
                        </div>
                        <h2>{text::BY_AGENCY}</h2>
                        <table class="table">
                            <thead><tr><th scope="col">{text::AGENCY}</th><th scope="col">{text::COL_DUE}</th><th scope="col">{text::COL_DONE}</th><th scope="col">{text::COMPLETION}</th><th scope="col">{text::COL_OVERDUE}</th></tr></thead>
                            <tbody>{r.by_agency.iter().map(|a| view! {
                                <tr><td>{a.agency_name.clone()}</td><td>{a.due}</td><td>{a.done}</td>
                                    <td>{a.completion_rate.map(|c| format!("{c}%")).unwrap_or_else(|| "—".into())}</td><td>{a.overdue}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                        <h2>{text::CARRIED_OVER}</h2>
                        <ul class="plain-list">{r.carry_overs.iter().map(|(times, n)| view! { <li>{text::CARRIED.with(&[("count", (*n).into()), ("times", (*times).into())])}</li> }).collect_view()}</ul>
                        <h2>{text::ESCALATIONS}</h2>
                        {if r.escalations.is_empty() { view! { <p class="muted">{text::NONE}</p> }.into_any() } else { view! {
                            <table class="table">
                                <thead><tr><th scope="col">{text::COL_CASE}</th><th scope="col">{text::AGENCY}</th><th scope="col">{text::ACTION}</th><th scope="col">{text::CARRIED_OVER}</th><th scope="col">{text::COL_REASONS}</th></tr></thead>
                                <tbody>{r.escalations.iter().map(|e| view! {
                                    <tr><td>{e.reference.clone()}</td><td>{e.agency_name.clone()}</td><td>{e.kind.label()}</td><td>{e.carried_over}</td><td>{e.reasons.join("; ")}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any() }}
                        <h2>{text::BARRIER_REGISTER}</h2>
                        {if barriers.is_empty() { view! { <p class="muted">{text::NO_BARRIERS}</p> }.into_any() } else { view! {
                            <table class="table">
                                <thead><tr><th scope="col">{text::BARRIER}</th><th scope="col">{text::AGENCY}</th><th scope="col">{text::COL_MONTH}</th><th scope="col">{text::COL_COUNT}</th><th scope="col">{text::COL_IN_WORDS}</th></tr></thead>
                                <tbody>{barriers.iter().map(|g| view! {
                                    <tr><td>{g.category.label()}</td><td>{g.agency_name.clone()}</td><td>{g.period.clone()}</td><td>{g.count}</td>
                                        <td>{g.entries.iter().filter_map(|e| e.text.clone().or(e.reason.clone())).collect::<Vec<_>>().join("; ")}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any() }}
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
