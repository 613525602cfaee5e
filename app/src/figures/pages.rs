//! The "For the figures" section of the case page, the case figures report (`/reports/cases`)
//! and the list of cases behind one figure (`/reports/cases/list`).

use super::codes::{Field, FLAGS, SETS, SINGLE};
use super::period::{quarter, quarter_of};
use super::report::{CaseReport, FigureGroup};
use super::server_fns::{case_figure_list, case_figures_report, SaveCaseFigures};
use super::types::CaseFigures;
use crate::components::forms::action_error;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use crate::i18n::Msg;
use crate::ids::CaseId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

/// The case's figures, made with the case page's other resources outside its Suspense (a
/// resource made inside it would not hydrate).
#[derive(Clone, Copy)]
pub struct FiguresData(pub Resource<Result<super::types::CaseFiguresView, crate::error::AppError>>);

/// Folded on the case page, for whoever may update the case.
#[component]
pub fn FiguresSection(case_id: CaseId) -> impl IntoView {
    let data = expect_context::<FiguresData>().0;
    let action = ServerAction::<SaveCaseFigures>::new();
    let error = action_error(action.value());
    view! {
        <details class="details section section--wide figures-section" id="figures">
            <summary>{Msg("figures-section-title")}</summary>
            <p class="field__hint">{Msg("figures-section-hint")}</p>
            <ErrorSummary error=error labels=&[
                ("gender", Msg("figures-gender")),
                ("age_band", Msg("figures-age-band")),
                ("aged_16_17", Msg("figures-aged-16-17")),
                ("disability", Msg("figures-disability")),
                ("ethnic_minority", Msg("figures-ethnic-minority")),
                ("lgbt", Msg("figures-lgbt")),
                ("relationship", Msg("figures-relationship")),
                ("residence", Msg("figures-residence")),
                ("children_in_household", Msg("figures-children-in-household")),
                ("violence", Msg("figures-violence")),
                ("measures", Msg("figures-measures")),
                ("services", Msg("figures-services")),
            ]/>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{Msg("figures-saved")}</p>
            </Show>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => error_view(e),
                        Ok(v) => {
                            let saved = action.value().get().and_then(|r| r.ok()).map(|v| v.figures);
                            let f = saved.unwrap_or(v.figures);
                            view! { <FiguresForm case_id=case_id figures=f action=action error=error/> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </details>
    }
}

fn single_value(f: &CaseFigures, name: &str) -> Option<&'static str> {
    let v = match name {
        "gender" => f.gender.as_deref(),
        "age_band" => f.age_band.as_deref(),
        "relationship" => f.relationship.as_deref(),
        _ => f.residence.as_deref(),
    };
    // The codes are static: look the value up among them.
    v.and_then(|v| {
        SINGLE
            .iter()
            .find(|x| x.name == name)
            .and_then(|x| x.find(v))
    })
}

fn flag_value(f: &CaseFigures, name: &str) -> Option<bool> {
    match name {
        "aged_16_17" => f.aged_16_17,
        "disability" => f.disability,
        "ethnic_minority" => f.ethnic_minority,
        _ => f.lgbt,
    }
}

fn set_value<'f>(f: &'f CaseFigures, name: &str) -> &'f [String] {
    match name {
        "violence" => &f.violence,
        "measures" => &f.measures,
        _ => &f.services,
    }
}

#[component]
fn FiguresForm(
    case_id: CaseId,
    figures: CaseFigures,
    action: ServerAction<SaveCaseFigures>,
    #[prop(into)] error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let choice = |f: &'static Field, current: Option<&'static str>| {
        view! {
            <crate::components::Field error=error name=f.name label=f.label>
                <select class="select" id=f.name name=format!("form[{}]", f.name)>
                    <option value="">{Msg("figures-not-recorded")}</option>
                    {f.codes.iter().map(|(c, m)| view! { <option value=*c selected=current == Some(*c)>{m.as_str()}</option> }).collect_view()}
                </select>
            </crate::components::Field>
        }
    };
    let singles = SINGLE
        .map(|f| choice(f, single_value(&figures, f.name)))
        .into_iter()
        .collect_view();
    let flags = FLAGS
        .iter()
        .map(|(name, label)| {
            let v = flag_value(&figures, name);
            view! {
                <crate::components::Field error=error name=name label=*label>
                    <select class="select" id=*name name=format!("form[{name}]")>
                        <option value="">{Msg("figures-not-recorded")}</option>
                        <option value="yes" selected=v == Some(true)>{Msg("figures-yes")}</option>
                        <option value="no" selected=v == Some(false)>{Msg("figures-no")}</option>
                    </select>
                </crate::components::Field>
            }
        })
        .collect_view();
    let sets = SETS
        .iter()
        .map(|f| {
            let ticked = set_value(&figures, f.name).to_vec();
            view! {
                <fieldset class="fieldset" id=f.name>
                    <legend class="fieldset__legend">{f.label}</legend>
                    <crate::components::FieldError error=error name=f.name/>
                    <div class="checkboxes">
                        {f.codes.iter().map(|(c, m)| {
                            let id = format!("{}-{}", f.name, c);
                            view! {
                                <div class="checkbox">
                                    <input class="checkbox__input" type="checkbox" id=id.clone() name=format!("form[{}][{}]", f.name, c) value="on" checked=ticked.iter().any(|t| t == c)/>
                                    <label class="checkbox__label" for=id>{m.as_str()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let children = figures
        .children_in_household
        .map(|n| n.to_string())
        .unwrap_or_default();
    view! {
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="id" value=case_id.to_string()/>
            {singles}
            {flags}
            <crate::components::Field error=error name="children_in_household" label=Msg("figures-children-in-household")>
                <input class="input input--short" type="number" min="0" max="20" id="children_in_household" name="form[children_in_household]" value=children/>
            </crate::components::Field>
            {sets}
            <SubmitButton pending=action.pending() label=Msg("figures-save")/>
        </ActionForm>
    }
}

/// The period as the page's address gives it.
fn query_of(q: &leptos_router::params::ParamsMap) -> super::period::ReportQuery {
    let get = |k: &str| q.get(k).filter(|s| !s.is_empty());
    super::period::ReportQuery {
        period: get("period"),
        from: get("from"),
        to: get("to"),
        figure: get("figure"),
        version: None,
    }
}

/// The last eight quarters, newest first, for the presets.
fn presets() -> Vec<String> {
    let mut out = Vec::new();
    let mut d = crate::time::local_today();
    for _ in 0..8 {
        let q = quarter_of(d);
        d = quarter(&q)
            .map(|p| p.from.pred_opt().unwrap_or(p.from))
            .unwrap_or(d);
        out.push(q);
    }
    out
}

fn percent(p: Option<f64>) -> String {
    p.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())
}

#[component]
pub fn CaseFiguresPage() -> impl IntoView {
    let query = use_query_map();
    let report = page_resource(|| {
        Resource::new(
            move || query_of(&query.read()),
            |q| case_figures_report(q.period, q.from, q.to, q.figure),
        )
    });
    view! {
        <Title text=Msg("figures-report-title").as_str()/>
        <h1>{Msg("figures-report-title")}</h1>
        <p><A href="/reports">{Msg("figures-back-to-reports")}</A></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match report.await {
                    Err(e) => error_view(e),
                    Ok(r) => view! { <ReportView report=r/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportView(report: CaseReport) -> impl IntoView {
    let r = report;
    let period = format!("from={}&to={}", r.from, r.to);
    let current = quarter_of(r.from);
    let link = {
        let period = period.clone();
        move |key: &str| format!("/reports/cases/list?{period}&figure={key}")
    };
    let group = {
        let link = link.clone();
        move |g: &FigureGroup| {
            let link = link.clone();
            view! {
                <section class="section section--wide" aria-labelledby=format!("group-{}", g.name)>
                    <h2 id=format!("group-{}", g.name)>{g.label.clone()}</h2>
                    <table class="table figures-table">
                        <thead><tr><th scope="col">{Msg("figures-col-figure")}</th><th scope="col">{Msg("figures-col-count")}</th><th scope="col">{Msg("figures-col-percent")}</th></tr></thead>
                        <tbody>{g.figures.iter().map(|f| view! {
                            <tr data-figure=f.key.clone()>
                                <td>{f.label.clone()}</td>
                                <td><a href=link(&f.key)>{f.count}</a></td>
                                <td>{percent(f.percent)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>
            }
        }
    };
    let a = r.actions.clone();
    view! {
        <Form method="GET" action="/reports/cases" attr:class="filters">
            <div class="field"><label class="field__label" for="period">{Msg("figures-quarter")}</label>
                <select class="select" id="period" name="period">
                    {presets().into_iter().map(|q| { let sel = q == current; let shown = q.clone(); view! { <option value=q selected=sel>{shown}</option> } }).collect_view()}
                </select></div>
            <button type="submit" class="button button--secondary">{Msg("figures-show")}</button>
        </Form>
        <Form method="GET" action="/reports/cases" attr:class="filters">
            <div class="field"><label class="field__label" for="from">{Msg("figures-from")}</label>
                <input class="input input--medium" type="date" id="from" name="from" value=r.from.to_string()/></div>
            <div class="field"><label class="field__label" for="to">{Msg("figures-to")}</label>
                <input class="input input--medium" type="date" id="to" name="to" value=r.to.to_string()/></div>
            <button type="submit" class="button button--secondary">{Msg("figures-show")}</button>
        </Form>
        <p class="muted">{Msg("figures-period").with(&[("from", crate::time::format_day(r.from).into()), ("to", crate::time::format_day(r.to).into())])}</p>
        <p class="figures-downloads">
            <a class="button button--secondary" href=format!("/api/v1/reports/data-return.csv?{period}&version=publication") download>{Msg("figures-download-publication")}</a>
            " "
            <a class="button button--secondary" href=format!("/api/v1/reports/data-return.csv?{period}&version=internal") download>{Msg("figures-download-internal")}</a>
            " "
            <a href=format!("/api/v1/reports/data-return.json?{period}&version=publication")>{Msg("figures-download-json")}</a>
        </p>
        <dl class="summary-list">
            <div><dt>{Msg("figures-per-10000")}</dt><dd>{r.per_10000_adult_women.map(|v| v.to_string()).unwrap_or_else(|| Msg("figures-no-population").text())}</dd></div>
            <div><dt>{Msg("figures-non-police")}</dt><dd>{percent(r.non_police_percent)}</dd></div>
            <div><dt>{Msg("figures-days-to-meeting")}</dt><dd>{r.average_days_to_meeting.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</dd></div>
        </dl>
        {r.groups.iter().map(group).collect_view()}
        <section class="section section--wide" aria-labelledby="group-actions">
            <h2 id="group-actions">{Msg("figures-group-actions")}</h2>
            <dl class="summary-list">
                <div><dt>{Msg("figures-actions-due")}</dt><dd>{a.due}</dd></div>
                <div><dt>{Msg("figures-actions-done")}</dt><dd>{a.done}</dd></div>
                <div><dt>{Msg("figures-actions-completion")}</dt><dd>{percent(a.completion_rate)}</dd></div>
                <div><dt>{Msg("figures-actions-days-to-done")}</dt><dd>{a.median_days_to_done.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{Msg("figures-actions-escalations")}</dt><dd>{a.escalations}</dd></div>
            </dl>
            <h3>{Msg("figures-barriers")}</h3>
            <ul class="plain-list">{a.barriers.iter().map(|(_, label, n)| view! { <li>{format!("{label}: {n}")}</li> }).collect_view()}</ul>
            <p><A href=format!("/reports?{period}")>{Msg("figures-actions-more")}</A></p>
        </section>
    }
}

#[component]
pub fn FigureListPage() -> impl IntoView {
    let query = use_query_map();
    let list = page_resource(|| {
        Resource::new(
            move || query_of(&query.read()),
            |q| case_figure_list(q.period, q.from, q.to, q.figure),
        )
    });
    view! {
        <Title text=Msg("figures-list-title").as_str()/>
        <h1>{Msg("figures-list-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => error_view(e),
                    Ok(l) => {
                        let cases = l.cases.clone();
                        view! {
                        <p><A href=format!("/reports/cases?from={}&to={}", l.from, l.to)>{Msg("figures-back-to-report")}</A></p>
                        <h2>{l.label.clone()}</h2>
                        <p class="muted">{Msg("figures-list-count").with(&[("count", l.count.into()), ("from", crate::time::format_day(l.from).into()), ("to", crate::time::format_day(l.to).into())])}</p>
                        {if cases.is_empty() {
                            view! { <p class="muted">{Msg("figures-list-empty")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list figure-cases">{cases.into_iter().map(|c| view! {
                                    <li><A href=format!("/cases/{}", c.case_id)>{c.reference}</A></li>
                                }).collect_view()}</ul>
                            }.into_any()
                        }}
                    }.into_any() }
                }
            })}
        </Suspense>
    }
}
