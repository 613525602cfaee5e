//! Research returns: each agency records, for each case on the agenda, what it holds or
//! "no trace"; the chair and coordinator see the grid of who has sent what.

use super::agenda::{agenda_resource, meeting_id};
use super::widgets::{when, Marking, MeetingNav};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::i18n::Msg;
use crate::ids::{CaseId, MeetingId};
use crate::meetings::agenda::types::Agenda;
use crate::meetings::research::{CaseResearch, ResearchGrid};
use crate::meetings::server_fns::{get_research, get_research_grid, SaveResearch};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const LABELS: &[(&str, Msg)] = &[
    ("state", Msg("meetings-research-what-held")),
    ("body_md", Msg("meetings-research-what-held")),
    ("agency_id", Msg("meetings-research-agency")),
];

#[component]
pub fn ResearchPage() -> impl IntoView {
    let id = meeting_id();
    let query = use_query_map();
    let case = Memo::new(move |_| {
        query
            .read()
            .get("case")
            .and_then(|s| s.parse::<CaseId>().ok())
    });
    let staff = signed_in_user().is_some_and(|m| crate::components::layout::can_run_meetings(&m));
    // One resource per server function: each reads the request's context on its first poll,
    // inside the resource's owner (a second call after an await would not find it).
    let agenda = agenda_resource(id);
    let grid = page_resource(|| {
        Resource::new(
            move || id.get(),
            move |id| async move {
                match id {
                    Some(id) if staff => get_research_grid(id).await.map(Some),
                    _ => Ok(None),
                }
            },
        )
    });
    let research = page_resource(|| {
        Resource::new(
            move || (id.get(), case.get()),
            |(id, case)| async move {
                match (id, case) {
                    (Some(id), Some(c)) => get_research(id, c).await.map(Some),
                    _ => Ok(None),
                }
            },
        )
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (agenda.await, grid.await, research.await) {
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => error_view(e),
                    (Ok(agenda), Ok(grid), Ok(research)) => view! { <ResearchView agenda=agenda grid=grid research=research staff=staff/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResearchView(
    agenda: Agenda,
    grid: Option<ResearchGrid>,
    research: Option<CaseResearch>,
    staff: bool,
) -> impl IntoView {
    let id = agenda.meeting.id;
    let title = Msg("meetings-research-title").with(&[("when", when(&agenda.meeting).into())]);
    let cases: Vec<_> = agenda
        .items
        .iter()
        .filter(|i| !i.removed && i.case_id.is_some())
        .cloned()
        .collect();
    view! {
        <Title text=title.clone()/>
        <Marking marking=agenda.marking.clone() viewer=agenda.viewer.clone() viewed_at=crate::time::format_local(crate::time::parse_rfc3339(&agenda.viewed_at))/>
        <h1>{title}</h1>
        <MeetingNav id=id current="research"/>
        <p class="lead">{Msg("meetings-research-due").with(&[("when", crate::time::format_local(agenda.meeting.research_due_unix).into())])}</p>
        {(staff && agenda.meeting.status == crate::meetings::types::MeetingStatus::AgendaPublished)
            .then(|| view! { <super::reschedule::LateResearchPanel meeting=id/> })}
        {grid.map(|g| view! { <Grid grid=g meeting=id/> })}
        {research.map(|r| view! { <CasePanel research=r meeting=id staff=staff/> })}
        <section class="section section--wide" aria-labelledby="cases-title">
            <h2 id="cases-title">{Msg("meetings-research-cases")}</h2>
            {if cases.is_empty() {
                view! { <p class="muted">{Msg("meetings-research-no-cases")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {cases.into_iter().map(|i| {
                            let c = i.case_id.expect("filtered");
                            view! { <li><A href=format!("/meetings/{id}/research?case={c}")>{i.reference.clone().unwrap_or_default()}</A></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Grid(grid: ResearchGrid, meeting: MeetingId) -> impl IntoView {
    view! {
        <section class="section section--wide" aria-labelledby="grid-title">
            <h2 id="grid-title">{Msg("meetings-research-grid")}</h2>
            <div class="table-scroll">
                <table class="table table--compact grid">
                    <thead><tr>
                        <th scope="col">{Msg("meetings-research-case")}</th>
                        {grid.agencies.iter().map(|(_, n)| view! { <th scope="col" class="grid__agency">{n.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {grid.cases.into_iter().map(|c| view! {
                            <tr>
                                <th scope="row"><A href=format!("/meetings/{meeting}/research?case={}", c.case_id)>{c.reference.clone()}</A></th>
                                {c.states.into_iter().map(|s| match s.as_deref() {
                                    Some("holds") => view! { <td class="grid__cell grid__cell--holds">{Msg("meetings-research-holds")}</td> }.into_any(),
                                    Some(_) => view! { <td class="grid__cell">{Msg("meetings-research-no-trace")}</td> }.into_any(),
                                    None => view! { <td class="grid__cell grid__cell--none"><span class="visually-hidden">{Msg("meetings-research-nothing-yet")}</span>"–"</td> }.into_any(),
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn CasePanel(research: CaseResearch, meeting: MeetingId, staff: bool) -> impl IntoView {
    let action = ServerAction::<SaveResearch>::new();
    let error = action_error(action.value());
    let current = RwSignal::new(research.clone());
    Effect::new(move |_| {
        if let Some(Ok(r)) = action.value().get() {
            current.set(r);
        }
    });
    let own = signed_in_user().and_then(|m| m.agency_id);
    let mine = research
        .returns
        .iter()
        .find(|r| Some(r.agency_id) == own)
        .cloned();
    let body = mine
        .as_ref()
        .and_then(|r| r.body_md.clone())
        .unwrap_or_default();
    let state = mine.as_ref().map(|r| r.state.clone()).unwrap_or_default();
    view! {
        <section class="section section--wide" aria-labelledby="case-title">
            <h2 id="case-title">{research.reference.clone()}</h2>
            {move || {
                let r = current.get();
                if r.returns.is_empty() {
                    view! { <p class="muted">{Msg("meetings-research-none-sent")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="returns">
                            {r.returns.into_iter().map(|x| view! {
                                <li class="returns__item">
                                    <h3>{x.agency_name.clone()} " – " {if x.state == "holds" { Msg("meetings-research-holds-information") } else { Msg("meetings-research-no-trace-found") }}</h3>
                                    // Rendered from Markdown and sanitised on the server.
                                    {x.body_html.clone().map(|h| view! { <div class="prose" inner_html=h></div> })}
                                    <p class="muted">{x.by.clone().unwrap_or_default()} " · " {crate::time::format_local(crate::time::parse_rfc3339(&x.updated_at))}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <h3>{Msg("meetings-research-yours")}</h3>
            <ErrorSummary error=error labels=LABELS/>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{Msg("meetings-research-saved")}</p>
            </Show>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=meeting.to_string()/>
                <input type="hidden" name="case_id" value=research.case_id.to_string()/>
                {staff.then(|| own.map(|a| view! { <input type="hidden" name="agency_id" value=a.to_string()/> }))}
                <div class="field">
                    <fieldset class="radios" id="state">
                        <legend class="field__label">{Msg("meetings-research-question")}</legend>
                        <label class="radio"><input type="radio" name="state_choice" value="holds" checked=state == "holds"/>" " {Msg("meetings-research-choice-holds")}</label>
                        <label class="radio"><input type="radio" name="state_choice" value="no_trace" checked=state == "no_trace"/>" " {Msg("meetings-research-no-trace")}</label>
                        <label class="radio"><input type="radio" name="state_choice" value="none" checked=state.is_empty()/>" " {Msg("meetings-research-choice-none")}</label>
                    </fieldset>
                </div>
                <Field error=error name="body_md" label=Msg("meetings-research-what-held") hint=Msg("meetings-research-hint")>
                    <textarea class="textarea" id="body_md" name="body_md" rows="6">{body}</textarea>
                </Field>
                <SubmitButton pending=action.pending() label=Msg("meetings-research-save")/>
            </ActionForm>
        </section>
    }
}
