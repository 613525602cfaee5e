//! Meetings over time, for the chair and coordinator: move or cancel a meeting, change or end
//! a series, and the late research of a published agenda with its one reminder.

use super::widgets::when;
use crate::components::forms::action_error;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::meetings::reschedule_fns::{
    get_late_research, list_series, CancelMeeting, ChangeSeries, EndSeries, MoveMeeting,
    RemindLateResearch,
};
use crate::meetings::types::{Meeting, MeetingStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// The actions of the meetings page, made once so the list reloads after each.
#[derive(Clone, Copy)]
pub struct ScheduleActions {
    pub moved: ServerAction<MoveMeeting>,
    pub cancelled: ServerAction<CancelMeeting>,
    pub changed: ServerAction<ChangeSeries>,
    pub ended: ServerAction<EndSeries>,
}

impl ScheduleActions {
    pub fn new() -> Self {
        Self {
            moved: ServerAction::new(),
            cancelled: ServerAction::new(),
            changed: ServerAction::new(),
            ended: ServerAction::new(),
        }
    }

    /// Changes whenever one of them has run.
    pub fn version(&self) -> (usize, usize, usize, usize) {
        (
            self.moved.version().get(),
            self.cancelled.version().get(),
            self.changed.version().get(),
            self.ended.version().get(),
        )
    }
}

impl Default for ScheduleActions {
    fn default() -> Self {
        Self::new()
    }
}

fn ahead(meetings: &[Meeting]) -> Vec<(MeetingId, String)> {
    meetings
        .iter()
        .filter(|m| {
            matches!(
                m.status,
                MeetingStatus::Draft | MeetingStatus::AgendaPublished
            )
        })
        .map(|m| (m.id, when(m)))
        .collect()
}

#[component]
fn MeetingSelect(id: &'static str, options: Vec<(MeetingId, String)>) -> impl IntoView {
    view! {
        <select class="select" id=id name="id">
            {options.into_iter().map(|(m, label)| view! { <option value=m.to_string()>{label}</option> }).collect_view()}
        </select>
    }
}

#[component]
pub fn Reschedule(meetings: Vec<Meeting>, actions: ScheduleActions) -> impl IntoView {
    let options = ahead(&meetings);
    let cancel_options = options.clone();
    if options.is_empty() {
        return ().into_any();
    }
    let (moved, cancelled) = (actions.moved, actions.cancelled);
    let move_error = action_error(moved.value());
    let cancel_error = action_error(cancelled.value());
    const MOVE_LABELS: &[(&str, Msg)] = &[
        ("starts_at", Msg("schedule-move-starts")),
        ("duration_minutes", Msg("schedule-move-length")),
        ("place", Msg("schedule-move-place")),
        ("reason", Msg("schedule-move-reason")),
    ];
    const CANCEL_LABELS: &[(&str, Msg)] = &[("reason", Msg("schedule-cancel-reason"))];
    view! {
        <section class="section" aria-labelledby="move-title">
            <h2 id="move-title">{Msg("schedule-move-title")}</h2>
            <p>{Msg("schedule-move-intro")}</p>
            <ErrorSummary error=move_error labels=MOVE_LABELS prefix="move-"/>
            {move || moved.value().get().and_then(|r| r.ok()).map(|m| view! {
                <p class="notice notice--success" role="status">{Msg("schedule-moved-done")} " " <A href=format!("/meetings/{}", m.id)>{when(&m)}</A></p>
            })}
            <ActionForm action=moved attr:class="form" attr:novalidate=true>
                <div class="field">
                    <label class="field__label" for="move-id">{Msg("schedule-which-meeting")}</label>
                    <MeetingSelect id="move-id" options=options/>
                </div>
                <Field error=move_error prefix="move-" name="starts_at" label=Msg("schedule-move-starts") hint=Msg("schedule-move-starts-hint")>
                    <input class="input input--medium" type="datetime-local" id="move-starts_at" name="starts_at"/>
                </Field>
                <Field error=move_error prefix="move-" name="duration_minutes" label=Msg("schedule-move-length") optional=true>
                    <input class="input input--short" type="number" id="move-duration_minutes" name="duration_minutes"/>
                </Field>
                <Field error=move_error prefix="move-" name="place" label=Msg("schedule-move-place") hint=Msg("schedule-move-place-hint") optional=true>
                    <input class="input" type="text" id="move-place" name="place"/>
                </Field>
                <Field error=move_error prefix="move-" name="reason" label=Msg("schedule-move-reason") hint=Msg("schedule-reason-hint")>
                    <textarea class="textarea" id="move-reason" name="reason" rows="2" maxlength="300"></textarea>
                </Field>
                <SubmitButton pending=moved.pending() label=Msg("schedule-move-submit")/>
            </ActionForm>
        </section>
        <section class="section" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{Msg("schedule-cancel-title")}</h2>
            <p>{Msg("schedule-cancel-intro")}</p>
            <ErrorSummary error=cancel_error labels=CANCEL_LABELS prefix="cancel-"/>
            {move || cancelled.value().get().and_then(|r| r.ok()).map(|o| view! {
                <p class="notice notice--success" role="status">
                    {Msg("schedule-cancelled-done").with(&[("items", (o.items_moved as i64).into()), ("actions", (o.actions_moved as i64).into())])}
                    {o.next_meeting.map(|n| view! { " " <A href=format!("/meetings/{n}")>{Msg("schedule-next-meeting")}</A> })}
                </p>
            })}
            <ActionForm action=cancelled attr:class="form" attr:novalidate=true>
                <div class="field">
                    <label class="field__label" for="cancel-id">{Msg("schedule-which-meeting")}</label>
                    <MeetingSelect id="cancel-id" options=cancel_options/>
                </div>
                <Field error=cancel_error prefix="cancel-" name="reason" label=Msg("schedule-cancel-reason") hint=Msg("schedule-reason-hint")>
                    <textarea class="textarea" id="cancel-reason" name="reason" rows="2" maxlength="300"></textarea>
                </Field>
                <SubmitButton pending=cancelled.pending() label=Msg("schedule-cancel-submit")/>
            </ActionForm>
        </section>
    }
    .into_any()
}

const WEEKDAYS: [Msg; 7] = [
    Msg("schedule-weekday-1"),
    Msg("schedule-weekday-2"),
    Msg("schedule-weekday-3"),
    Msg("schedule-weekday-4"),
    Msg("schedule-weekday-5"),
    Msg("schedule-weekday-6"),
    Msg("schedule-weekday-7"),
];

#[component]
pub fn SeriesControls(actions: ScheduleActions) -> impl IntoView {
    let series = page_resource(|| Resource::new(move || actions.version(), |_| list_series()));
    let (changed, ended) = (actions.changed, actions.ended);
    let change_error = action_error(changed.value());
    let end_error = action_error(ended.value());
    const CHANGE_LABELS: &[(&str, Msg)] = &[
        ("from", Msg("schedule-series-from")),
        ("every_weeks", Msg("schedule-series-every")),
        ("weekday", Msg("schedule-series-weekday")),
        ("start_time", Msg("schedule-series-time")),
        ("duration_minutes", Msg("schedule-move-length")),
        ("place", Msg("schedule-move-place")),
    ];
    const END_LABELS: &[(&str, Msg)] = &[("last_day", Msg("schedule-series-last-day"))];
    let outcome = |c: crate::meetings::reschedule_types::SeriesChange| {
        view! {
            <div class="notice notice--success" role="status">
                <p>{Msg("schedule-series-done").with(&[
                    ("rescheduled", (c.rescheduled.len() as i64).into()),
                    ("cancelled", (c.cancelled.len() as i64).into()),
                    ("scheduled", (c.scheduled.len() as i64).into()),
                ])}</p>
                {(!c.kept.is_empty()).then(move || view! {
                    <p>{Msg("schedule-series-kept")}</p>
                    <ul>{c.kept.into_iter().map(|m| view! { <li><A href=format!("/meetings/{}", m.id)>{when(&m)}</A></li> }).collect_view()}</ul>
                })}
            </div>
        }
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = match series.await {
                    Err(e) => return error_view(e),
                    Ok(l) => l,
                };
                let active: Vec<_> = list.into_iter().filter(|s| s.ends_on.is_none()).collect();
                if active.is_empty() {
                    return ().into_any();
                }
                let options = move |id: &'static str| {
                    let active = active.clone();
                    view! {
                        <select class="select" id=id name="id">
                            {active.into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                        </select>
                    }
                };
                let (change_select, end_select) = (options("change-id"), options("end-id"));
                view! {
                    <section class="section" aria-labelledby="series-change-title">
                        <h2 id="series-change-title">{Msg("schedule-series-change-title")}</h2>
                        <p>{Msg("schedule-series-change-intro")}</p>
                        <ErrorSummary error=change_error labels=CHANGE_LABELS prefix="change-"/>
                        {move || changed.value().get().and_then(|r| r.ok()).map(outcome)}
                        <ActionForm action=changed attr:class="form" attr:novalidate=true>
                            <div class="field">
                                <label class="field__label" for="change-id">{Msg("schedule-which-series")}</label>
                                {change_select}
                            </div>
                            <Field error=change_error prefix="change-" name="from" label=Msg("schedule-series-from")>
                                <input class="input input--medium" type="date" id="change-from" name="input[from]"/>
                            </Field>
                            <Field error=change_error prefix="change-" name="every_weeks" label=Msg("schedule-series-every") optional=true>
                                <input class="input input--short" type="number" id="change-every_weeks" name="input[every_weeks]"/>
                            </Field>
                            <Field error=change_error prefix="change-" name="weekday" label=Msg("schedule-series-weekday") optional=true>
                                <select class="select" id="change-weekday" name="input[weekday]">
                                    <option value="">{Msg("schedule-series-same")}</option>
                                    {WEEKDAYS.iter().enumerate().map(|(i, d)| view! { <option value=(i + 1).to_string()>{*d}</option> }).collect_view()}
                                </select>
                            </Field>
                            <Field error=change_error prefix="change-" name="start_time" label=Msg("schedule-series-time") optional=true>
                                <input class="input input--short" type="time" id="change-start_time" name="input[start_time]"/>
                            </Field>
                            <Field error=change_error prefix="change-" name="duration_minutes" label=Msg("schedule-move-length") optional=true>
                                <input class="input input--short" type="number" id="change-duration_minutes" name="input[duration_minutes]"/>
                            </Field>
                            <Field error=change_error prefix="change-" name="place" label=Msg("schedule-move-place") optional=true>
                                <input class="input" type="text" id="change-place" name="input[place]"/>
                            </Field>
                            <SubmitButton pending=changed.pending() label=Msg("schedule-series-change-submit")/>
                        </ActionForm>
                    </section>
                    <section class="section" aria-labelledby="series-end-title">
                        <h2 id="series-end-title">{Msg("schedule-series-end-title")}</h2>
                        <p>{Msg("schedule-series-end-intro")}</p>
                        <ErrorSummary error=end_error labels=END_LABELS prefix="end-"/>
                        {move || ended.value().get().and_then(|r| r.ok()).map(outcome)}
                        <ActionForm action=ended attr:class="form" attr:novalidate=true>
                            <div class="field">
                                <label class="field__label" for="end-id">{Msg("schedule-which-series")}</label>
                                {end_select}
                            </div>
                            <Field error=end_error prefix="end-" name="last_day" label=Msg("schedule-series-last-day")>
                                <input class="input input--medium" type="date" id="end-last_day" name="last_day"/>
                            </Field>
                            <SubmitButton pending=ended.pending() label=Msg("schedule-series-end-submit")/>
                        </ActionForm>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// On the research page of a published agenda: who still owes research on which case.
#[component]
pub fn LateResearchPanel(meeting: MeetingId) -> impl IntoView {
    let remind = ServerAction::<RemindLateResearch>::new();
    let late = page_resource(|| {
        Resource::new(
            move || remind.version().get(),
            move |_| get_late_research(meeting),
        )
    });
    let error = action_error(remind.value());
    const LABELS: &[(&str, Msg)] = &[];
    view! {
        <section class="section section--wide" aria-labelledby="late-title">
            <h2 id="late-title">{Msg("schedule-late-title")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    // Before the agenda is published nobody has been asked: nothing to show.
                    let Ok(l) = late.await else { return ().into_any() };
                    if l.agencies.is_empty() {
                        return view! { <p class="muted">{Msg("schedule-late-none")}</p> }.into_any();
                    }
                    view! {
                        <p>{if l.overdue { Msg("schedule-late-overdue") } else { Msg("schedule-late-intro") }}</p>
                        <table class="table table--compact" data-testid="late-research">
                            <thead><tr><th scope="col">{Msg("schedule-late-agency")}</th><th scope="col">{Msg("schedule-late-cases")}</th></tr></thead>
                            <tbody>
                                {l.agencies.into_iter().map(|a| view! {
                                    <tr><th scope="row">{a.agency_name}</th><td>{a.cases.join(", ")}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Suspense>
            <ErrorSummary error=error labels=LABELS/>
            {move || remind.value().get().and_then(|r| r.ok()).map(|r| view! {
                <p class="notice notice--success" role="status">{Msg("schedule-late-reminded").with(&[("count", (r.agencies.len() as i64).into())])}</p>
            })}
            <ActionForm action=remind attr:class="form">
                <input type="hidden" name="id" value=meeting.to_string()/>
                <SubmitButton pending=remind.pending() label=Msg("schedule-late-remind") secondary=true/>
            </ActionForm>
        </section>
    }
}
