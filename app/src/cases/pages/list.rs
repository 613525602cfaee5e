use super::widgets::{CriteriaList, DeadlineTag, RiskTag, StatusTag};
use crate::agencies::server_fns::list_agencies;
use crate::cases::server_fns::list_cases;
use crate::cases::text as t;
use crate::cases::types::{CaseFilter, CaseStatus, CaseSummary};
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

#[component]
pub fn CasesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        CaseFilter {
            status: q.get("status").filter(|s| !s.is_empty()),
            agency_id: q.get("agency_id").filter(|s| !s.is_empty()),
        }
    };
    let cases = page_resource(|| Resource::new(filter, list_cases));
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    let refer_allowed =
        signed_in_user().is_some_and(|m| crate::components::layout::can_see_cases(&m));
    let can_refer = move || refer_allowed;
    view! {
        <Title text=t::LIST_TITLE.as_str()/>
        <div class="page-heading">
            <h1>{t::LIST_TITLE}</h1>
            <Show when=can_refer>
                <A href="/cases/new" attr:class="button">{t::REFER}</A>
            </Show>
        </div>
        <p class="lead">{t::LIST_INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let f = filter();
                let agencies = agencies.await.unwrap_or_default();
                let status = f.status.clone().unwrap_or_default();
                let agency = f.agency_id.clone().unwrap_or_default();
                let filters = view! {
                    <Form method="GET" action="/cases" attr:class="filters">
                        <div class="field">
                            <label class="field__label" for="status">{crate::i18n::Msg("cases-filter-status")}</label>
                            <select class="select" id="status" name="status">
                                <option value="" selected=status.is_empty()>{crate::i18n::Msg("cases-filter-any")}</option>
                                {CaseStatus::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_str() selected=status == s.as_str()>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label class="field__label" for="agency_id">{crate::i18n::Msg("cases-filter-agency")}</label>
                            <select class="select" id="agency_id" name="agency_id">
                                <option value="" selected=agency.is_empty()>{crate::i18n::Msg("cases-filter-any")}</option>
                                {agencies.into_iter().map(|a| {
                                    let id = a.id.to_string();
                                    let selected = agency == id;
                                    view! { <option value=id selected=selected>{a.name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button button--secondary">{crate::i18n::Msg("cases-filter")}</button>
                    </Form>
                };
                let body = match cases.await {
                    Err(e) => error_view(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{t::LIST_EMPTY}</p> }.into_any(),
                    Ok(list) => view! { <CaseTable cases=list/> }.into_any(),
                };
                view! { {filters} {body} }
            })}
        </Suspense>
    }
}

#[component]
fn CaseTable(cases: Vec<CaseSummary>) -> impl IntoView {
    view! {
        <table class="table">
            <caption class="visually-hidden">{t::LIST_TITLE}</caption>
            <thead><tr>
                <th scope="col">{crate::i18n::Msg("cases-col-case")}</th>
                <th scope="col">{crate::i18n::Msg("cases-filter-status")}</th>
                <th scope="col">{crate::i18n::Msg("cases-col-risk")}</th>
                <th scope="col">{crate::i18n::Msg("cases-col-children")}</th>
                <th scope="col">{crate::i18n::Msg("cases-col-lead")}</th>
                <th scope="col">{crate::i18n::Msg("cases-col-deadlines")}</th>
            </tr></thead>
            <tbody>
                {cases.into_iter().map(|c| view! {
                    <tr>
                        <td>
                            <A href=format!("/cases/{}", c.id)>{c.reference.clone()}</A>
                            <br/><span class="muted">{crate::i18n::Msg("cases-referred-on").with(&[("day", crate::time::format_day(c.last_referred_on).into())])}
                                {(c.referral_count > 1).then(|| format!(" · {}", crate::i18n::Msg("cases-referral-count").with(&[("count", c.referral_count.into())])))}</span>
                        </td>
                        <td><StatusTag status=c.status/></td>
                        <td><RiskTag criteria=c.criteria/><br/><CriteriaList criteria=c.criteria/></td>
                        <td>{if c.children_count == 0 { crate::i18n::Msg("cases-none").text() } else { c.children_count.to_string() }}</td>
                        <td>{c.lead_agency_name.clone().unwrap_or_else(|| crate::i18n::Msg("cases-not-decided").text())}</td>
                        <td class="deadlines">
                            <DeadlineTag label=crate::i18n::Msg("cases-deadline-assessment").as_str() deadline=c.deadlines.initial_assessment/>
                            " "
                            <DeadlineTag label=crate::i18n::Msg("cases-deadline-plan").as_str() deadline=c.deadlines.intervention_plan/>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
