//! The case page: reference and status on top, restricted details masked until asked for
//! with a reason, the risk history, who is involved, and the timeline.

use super::widgets::{CriteriaList, DeadlineTag, RiskTag, StatusTag};
use crate::agencies::server_fns::list_agencies;
use crate::agencies::types::Agency;
use crate::auth::policy::{permits, Action as Do, Resource as Res};
use crate::cases::server_fns::{case_timeline, get_case, RevealField, UpdateCase};
use crate::cases::text as t;
use crate::cases::types::{CaseDetail, CaseStatus, ReferralView, RestrictedField, TimelineEntry};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::CaseId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the case page shows, made by the route outside the access guard: the guard's
/// `Suspense` builds its children more than once on the server, and resources made inside
/// would read the case (and audit the read) once per build.
#[derive(Clone, Copy)]
pub struct CaseData {
    case: Resource<Result<CaseDetail, AppError>>,
    timeline: Resource<Result<Vec<TimelineEntry>, AppError>>,
    agencies: Resource<Result<Vec<Agency>, AppError>>,
    tried: super::what_was_tried::Tried,
    figures: crate::figures::pages::FiguresData,
}

pub fn case_data() -> CaseData {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<CaseId>().ok())
    };
    CaseData {
        case: Resource::new(id, |id| async move {
            match id {
                Some(id) => get_case(id).await,
                None => Err(AppError::NotFound),
            }
        }),
        timeline: Resource::new(id, |id| async move {
            match id {
                Some(id) => case_timeline(id).await,
                None => Err(AppError::NotFound),
            }
        }),
        agencies: Resource::new(|| (), |_| list_agencies()),
        tried: super::what_was_tried::Tried(Resource::new(id, |id| async move {
            match id {
                Some(id) => crate::cases::next_step_fns::case_what_was_tried(id).await,
                None => Err(AppError::NotFound),
            }
        })),
        figures: crate::figures::pages::FiguresData(Resource::new(id, |id| async move {
            match id {
                Some(id) => crate::figures::server_fns::case_figures(id).await,
                None => Err(AppError::NotFound),
            }
        })),
    }
}

#[component]
pub fn CasePage(data: CaseData) -> impl IntoView {
    let CaseData {
        case,
        timeline,
        agencies,
        tried,
        figures,
    } = data;
    provide_context(tried);
    provide_context(figures);
    // One wait for everything the page shows, so that it arrives whole.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (case.await, timeline.await, agencies.await) {
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => error_view(e),
                    (Ok(c), Ok(t), Ok(a)) => view! { <CaseView case=c timeline=t agencies=a/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseView(
    case: CaseDetail,
    timeline: Vec<TimelineEntry>,
    agencies: Vec<Agency>,
) -> impl IntoView {
    let me = signed_in_user();
    let leads = me.as_ref().is_some_and(|m| {
        m.agency_id.is_some() && case.lead_agency.as_ref().map(|a| a.id) == m.agency_id
    });
    // What the page offers follows the same policy the server decides by.
    let may = |action, resource| me.as_ref().is_some_and(|m| permits(m, action, resource));
    let case_of_mine = Res::Case {
        involved: true,
        lead: leads,
    };
    let staff = may(Do::Assign, case_of_mine);
    let agrees = may(
        Do::Create,
        Res::CaseAction {
            involved: true,
            own_agency: false,
        },
    );
    let updates = may(Do::Update, case_of_mine);
    let corrects_contact = may(Do::Reveal, case_of_mine);
    let not_safe = RwSignal::new(case.not_safe_to_contact);
    let referred = use_query_map().get_untracked().get("referred");
    let latest = case.referrals.last().cloned();
    let id = case.id;
    view! {
        <Title text=case.reference.clone()/>
        <p><A href="/cases">{Msg("cases-back")}</A></p>
        <div class="case-heading">
            <h1>{case.reference.clone()}</h1>
            <StatusTag status=case.status/>
            {latest.as_ref().map(|r| view! { <RiskTag criteria=r.criteria/> })}
        </div>
        <super::contact::NotSafeToContact not_safe=not_safe/>
        {referred.map(|how| view! {
            <div class="notice notice--success" role="status">
                {match how.as_str() {
                    "existing" => Msg("cases-submitted-existing").as_str(),
                    "again" => Msg("cases-submitted-again").as_str(),
                    _ => t::RECEIVED.as_str(),
                }}
            </div>
        })}
        <div class="deadlines">
            <DeadlineTag label=t::INITIAL_ASSESSMENT.as_str() deadline=case.deadlines.initial_assessment/>
            " "
            <DeadlineTag label=t::INTERVENTION_PLAN.as_str() deadline=case.deadlines.intervention_plan/>
        </div>
        <p><A href=format!("/cases/{id}/refer") attr:class="button button--secondary">{t::REFER_AGAIN}</A></p>

        <div class="case-columns">
            <section class="section" aria-labelledby="who-title">
                <h2 id="who-title">{Msg("cases-who")}</h2>
                <dl class="summary-list">
                    <div><dt>{Msg("cases-col-lead")}</dt><dd>{case.lead_agency.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| Msg("cases-not-decided-yet").text())}</dd></div>
                    <div><dt>{Msg("cases-case-manager")}</dt><dd>{case.case_manager.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| Msg("cases-not-named-yet").text())}</dd></div>
                    <div><dt>{Msg("cases-case-responsible")}</dt><dd>{case.case_responsible.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>{Msg("cases-form-children")}</dt><dd>{if case.children_ages.is_empty() {
                        Msg("cases-none").text()
                    } else {
                        Msg("cases-children-aged").with(&[
                            ("count", case.children_ages.len().into()),
                            ("ages", case.children_ages.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ").into()),
                        ])
                    }}</dd></div>
                    <div><dt>{Msg("cases-agencies")}</dt><dd>
                        <super::involved::AgencyList id=id agencies=case.agencies.clone()/>
                    </dd></div>
                </dl>
            </section>
            <Restricted id=id fields=case.restricted.clone()/>
        </div>
        {corrects_contact.then(|| view! { <super::contact::ContactDetailsForm id=id not_safe=not_safe/> })}
        {updates.then(|| view! { <super::people::CasePeople case=case.clone() agencies=agencies.clone()/> })}

        <RiskHistory referrals=case.referrals.clone()/>
        {latest.map(|r| view! { <LatestReferral referral=r/> })}
                <section class="section section--wide" aria-labelledby="actions-title">
            <h2 id="actions-title">{Msg("cases-actions")}</h2>
            {if case.actions.is_empty() {
                view! { <p class="muted">{Msg("cases-no-actions")}</p> }.into_any()
            } else {
                view! { <crate::actions::pages::ActionList actions=case.actions.clone()/> }.into_any()
            }}
        </section>
        {agrees.then(|| view! { <crate::actions::pages::AgreeActionForm case_id=case.id agencies=agencies.clone()/> })}
        <super::what_was_tried::CaseNextSteps case_id=id/>
        {updates.then(|| view! { <Manage case=case.clone() staff=staff agencies=agencies/> })}
        {updates.then(|| view! { <crate::figures::pages::FiguresSection case_id=id/> })}
        <Timeline entries=timeline/>
    }
}

#[component]
fn Restricted(id: CaseId, fields: Vec<RestrictedField>) -> impl IntoView {
    view! {
        <section class="section restricted" aria-labelledby="restricted-title">
            <h2 id="restricted-title">{Msg("cases-restricted-title")}</h2>
            <p class="field__hint">{Msg("cases-restricted-hint")}</p>
            <dl class="summary-list">
                {fields.into_iter().map(|f| view! { <RevealRow id=id field=f/> }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn RevealRow(id: CaseId, field: RestrictedField) -> impl IntoView {
    let action = ServerAction::<RevealField>::new();
    let open = RwSignal::new(false);
    let error = action_error(action.value());
    let value = move || {
        action
            .value()
            .get()
            .and_then(|r| r.ok())
            .map(|r| match r.value {
                serde_json::Value::String(s) => s,
                serde_json::Value::Bool(b) => {
                    if b {
                        Msg("common-yes").text()
                    } else {
                        Msg("common-no").text()
                    }
                }
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|c| format!("{} ({})", c["initials"].as_str().unwrap_or(""), c["age"]))
                    .collect::<Vec<_>>()
                    .join(", "),
                serde_json::Value::Null => t::NOTHING_RECORDED.into(),
                other => other.to_string(),
            })
    };
    view! {
        <div>
            <dt>{field.label()}</dt>
            <dd>
                {move || match value() {
                    Some(v) => view! { <span class="revealed" data-field=field.as_str()>{v}</span> }.into_any(),
                    None => view! {
                        <span class="masked" aria-label=Msg("cases-hidden")>{t::MASKED}</span>
                        " "
                        <Show when=move || !open.get()>
                            <button type="button" class="button button--link-dark" on:click=move |_| open.set(true)>{t::SHOW_BECAUSE}</button>
                        </Show>
                        <Show when=move || open.get()>
                            <ActionForm action=action attr:class="reveal-form" attr:novalidate=true>
                                <input type="hidden" name="id" value=id.to_string()/>
                                <input type="hidden" name="field" value=field.as_str()/>
                                <div class="field" class:field--error=move || error.get().is_some()>
                                    <label class="field__label" for=format!("reason-{}", field.as_str())>{Msg("cases-reveal-why")}</label>
                                    <crate::components::FieldError error=error name="reason"/>
                                    <input class="input" type="text" id=format!("reason-{}", field.as_str()) name="reason" autocomplete="off"/>
                                </div>
                                <SubmitButton pending=action.pending() label=Msg("cases-reveal-show").as_str() pending_label=Msg("cases-reveal-showing").as_str() secondary=true/>
                            </ActionForm>
                        </Show>
                    }.into_any(),
                }}
            </dd>
        </div>
    }
}

#[component]
fn RiskHistory(referrals: Vec<ReferralView>) -> impl IntoView {
    view! {
        <section class="section section--wide" aria-labelledby="risk-title">
            <h2 id="risk-title">{Msg("cases-risk-title")}</h2>
            <table class="table">
                <thead><tr>
                    <th scope="col">{Msg("cases-col-referred")}</th>
                    <th scope="col">{Msg("cases-col-by")}</th>
                    <th scope="col">{Msg("cases-col-yes")}</th>
                    <th scope="col">{Msg("cases-col-criteria")}</th>
                    <th scope="col">{Msg("cases-col-incidents")}</th>
                </tr></thead>
                <tbody>
                    {referrals.into_iter().rev().map(|r| view! {
                        <tr>
                            <td>{crate::time::format_day(r.referred_on)}</td>
                            <td>{r.referring_agency_name.clone()}</td>
                            <td>
                                <span class="meter" aria-hidden="true"><span class=format!("meter__bar meter__bar--{}", r.criteria.dash_yes.min(24).div_ceil(3))></span></span>
                                " " {Msg("cases-of-24").with(&[("count", r.criteria.dash_yes.into())])}
                            </td>
                            <td><CriteriaList criteria=r.criteria/></td>
                            <td>{r.incidents_last_12_months}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn LatestReferral(referral: ReferralView) -> impl IntoView {
    let yes: Vec<(usize, &'static str)> = referral
        .checklist
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == crate::cases::checklist::Answer::Yes)
        .map(|(i, _)| (i + 1, crate::cases::checklist::QUESTIONS[i].as_str()))
        .collect();
    view! {
        <section class="section section--wide" aria-labelledby="latest-title">
            <h2 id="latest-title">{Msg("cases-latest-title")}</h2>
            <dl class="summary-list">
                <div><dt>{Msg("cases-latest-referred-on")}</dt><dd>{Msg("cases-latest-referred-by").with(&[("day", crate::time::format_day(referral.referred_on).into()), ("agency", referral.referring_agency_name.clone().into())])}
                    {referral.referrer.clone().map(|p| format!(" ({p})"))}</dd></div>
                <div><dt>{Msg("cases-latest-informed")}</dt><dd>{referral.victim_informed.label()}</dd></div>
                <div><dt>{Msg("cases-latest-consent")}</dt><dd>{referral.consent_to_share.label()}
                    {referral.lawful_basis.clone().map(|b| view! { <br/><span class="muted">{Msg("cases-latest-lawful-basis").with(&[("basis", b.into())])}</span> })}</dd></div>
                <div><dt>{t::PROFESSIONAL_JUDGEMENT}</dt><dd>{referral.judgement_reasons.clone().unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{Msg("cases-latest-views")}</dt><dd>{referral.victim_views.clone().unwrap_or_else(|| t::NOTHING_RECORDED.text())}
                    {referral.advocate_name.clone().map(|a| view! { <br/><span class="muted">{Msg("cases-latest-advocate").with(&[("name", a.into())])}
                        {referral.advocate_agency_name.clone().map(|n| format!(", {n}"))}</span> })}</dd></div>
            </dl>
            <h3>{Msg("cases-latest-yes-title")}</h3>
            {if yes.is_empty() {
                view! { <p class="muted">{Msg("cases-none-sentence")}</p> }.into_any()
            } else {
                view! { <ul class="plain-list">{yes.into_iter().map(|(n, q)| view! { <li>{n} ". " {q}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Manage(case: CaseDetail, staff: bool, agencies: Vec<Agency>) -> impl IntoView {
    let action = ServerAction::<UpdateCase>::new();
    let error = action_error(action.value());
    let latest = case.referrals.last().cloned();
    const LABELS: &[(&str, Msg)] = &[
        ("status", Msg("cases-filter-status")),
        ("closing_reason", Msg("cases-manage-closing-reason")),
        ("lead_agency_id", Msg("cases-col-lead")),
        ("added_agency_ids", Msg("cases-manage-agencies-added")),
        ("initial_assessment_on", Msg("cases-manage-ia-on")),
        ("intervention_plan_on", Msg("cases-manage-ip-on")),
    ];
    let lead = case.lead_agency.as_ref().map(|a| a.id);
    let added: Vec<_> = case
        .agencies
        .iter()
        .filter(|a| a.reasons.iter().any(|r| r == "added"))
        .map(|a| a.id)
        .collect();
    let ia = latest
        .as_ref()
        .and_then(|r| r.initial_assessment_on)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let ip = latest
        .as_ref()
        .and_then(|r| r.intervention_plan_on)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let lead_options = agencies
        .iter()
        .filter(|a| a.active)
        .map(|a| view! { <option value=a.id.to_string() selected=lead == Some(a.id)>{a.name.clone()}</option> })
        .collect_view();
    let agency_boxes = agencies
        .iter()
        .filter(|a| a.active)
        .enumerate()
        .map(|(i, a)| {
            view! {
                <label class="checkbox-inline">
                    <input type="checkbox" name=format!("form[added_agency_ids][{i}]") value=a.id.to_string() checked=added.contains(&a.id)/>
                    " " {a.name.clone()}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="section" aria-labelledby="manage-title">
            <h2 id="manage-title">{Msg("cases-manage-title")}</h2>
            <ErrorSummary error=error labels=LABELS/>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{Msg("cases-manage-updated")}</p>
            </Show>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=case.id.to_string()/>
                <Field error=error name="status" label=Msg("cases-filter-status").as_str()>
                    <select class="select" id="status" name="form[status]">
                        {CaseStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=s == case.status>{s.label()}</option> }).collect_view()}
                    </select>
                </Field>
                <Field error=error name="closing_reason" label=Msg("cases-manage-closing-reason").as_str() hint=Msg("cases-manage-closing-hint").as_str() optional=true>
                    <textarea class="textarea" id="closing_reason" name="form[closing_reason]" rows="2"></textarea>
                </Field>
                {staff.then(|| view! {
                    <Field error=error name="lead_agency_id" label=Msg("cases-col-lead").as_str()>
                        <select class="select" id="lead_agency_id" name="form[lead_agency_id]">
                            <option value="" selected=lead.is_none()>{Msg("cases-not-decided")}</option>
                            {lead_options}
                        </select>
                    </Field>
                    <div class="field">
                        <fieldset class="checkboxes" id="added_agency_ids">
                            <legend class="field__label">{Msg("cases-manage-agencies-added")}</legend>
                            <p class="field__hint">{Msg("cases-manage-agencies-hint")}</p>
                            <input type="hidden" name="form[agencies_listed]" value="1"/>
                            {agency_boxes}
                        </fieldset>
                    </div>
                })}
                <Field error=error name="initial_assessment_on" label=Msg("cases-manage-ia-on").as_str() optional=true>
                    <input class="input input--medium" type="date" id="initial_assessment_on" name="form[initial_assessment_on]" value=ia/>
                </Field>
                <Field error=error name="intervention_plan_on" label=Msg("cases-manage-ip-on").as_str() optional=true>
                    <input class="input input--medium" type="date" id="intervention_plan_on" name="form[intervention_plan_on]" value=ip/>
                </Field>
                <SubmitButton pending=action.pending() label=Msg("cases-manage-save").as_str()/>
            </ActionForm>
        </section>
    }
}

#[component]
fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    view! {
        <section class="section section--wide" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{Msg("cases-timeline")}</h2>
            <ol class="timeline">
                {entries.into_iter().rev().map(|e| view! {
                    <li class="timeline__item">
                        <time datetime=e.at.clone()>{crate::time::format_local(e.at_unix)}</time>
                        " · " <strong>{e.what}</strong>
                        {e.who.map(|w| view! { " · " <span>{w}</span> })}
                        {e.detail.map(|d| view! { <br/><span class="muted">{d}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
