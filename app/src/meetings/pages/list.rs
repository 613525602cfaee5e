//! The meetings list, with scheduling for the chair and coordinator and everyone's calendar link.

use super::reschedule::{Reschedule, ScheduleActions, SeriesControls};
use super::widgets::{when, MeetingStatusTag};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::meetings::server_fns::{list_meetings, CalendarLink, ScheduleMeeting, SetUpSeries};
use crate::meetings::text as t;
use crate::meetings::types::Meeting;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let actions = ScheduleActions::new();
    let meetings = page_resource(|| Resource::new(move || actions.version(), |_| list_meetings()));
    let staff = signed_in_user().is_some_and(|m| crate::components::layout::can_run_meetings(&m));
    view! {
        <Title text=t::LIST_TITLE.as_str()/>
        <h1>{t::LIST_TITLE}</h1>
        <p class="lead">{t::LIST_INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match meetings.await {
                    Err(e) => error_view(e),
                    Ok(list) => view! {
                        <MeetingTable meetings=list.clone()/>
                        {staff.then(|| view! { <Reschedule meetings=list actions=actions/> })}
                    }.into_any(),
                }
            })}
        </Suspense>
        <CalendarFeed/>
        {staff.then(|| view! { <Schedule/> <Series/> <SeriesControls actions=actions/> })}
    }
}

#[component]
fn MeetingTable(meetings: Vec<Meeting>) -> impl IntoView {
    if meetings.is_empty() {
        return view! { <p class="muted">{t::NO_MEETINGS}</p> }.into_any();
    }
    view! {
        <table class="table">
            <caption class="visually-hidden">{t::LIST_TITLE}</caption>
            <thead><tr><th scope="col">{crate::i18n::Msg("meetings-list-col-when")}</th><th scope="col">{crate::i18n::Msg("meetings-list-col-where")}</th><th scope="col">{crate::i18n::Msg("meetings-list-col-chair")}</th><th scope="col">{crate::i18n::Msg("meetings-list-col-status")}</th></tr></thead>
            <tbody>
                {meetings.into_iter().map(|m| {
                    let label = when(&m);
                    let href = format!("/meetings/{}", m.id);
                    view! {
                    <tr>
                        <td><A href=href>{label}</A></td>
                        <td>{m.place.clone().or(m.video_link.clone()).unwrap_or_else(|| "—".into())}</td>
                        <td>{m.chair.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "—".into())}</td>
                        <td><MeetingStatusTag status=m.status/>{m.cancel_reason.clone().map(|r| view! { <p class="muted">{r}</p> })}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn CalendarFeed() -> impl IntoView {
    let action = ServerAction::<CalendarLink>::new();
    view! {
        <section class="section" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{crate::i18n::Msg("meetings-list-calendar-title")}</h2>
            <p>{crate::i18n::Msg("meetings-list-calendar-intro")}</p>
            {move || action.value().get().and_then(|r| r.ok()).map(|path| view! {
                <p class="notice" role="status">{crate::i18n::Msg("meetings-list-calendar-link")} <code data-testid="calendar-link">{path}</code></p>
            })}
            <ActionForm action=action>
                <SubmitButton pending=action.pending() label=crate::i18n::Msg("meetings-list-calendar-show") secondary=true/>
            </ActionForm>
        </section>
    }
}

#[component]
fn Schedule() -> impl IntoView {
    let action = ServerAction::<ScheduleMeeting>::new();
    let error = action_error(action.value());
    const LABELS: &[(&str, crate::i18n::Msg)] = &[
        ("starts_at", crate::i18n::Msg("meetings-list-starts")),
        ("duration_minutes", crate::i18n::Msg("meetings-list-length")),
        ("place", crate::i18n::Msg("meetings-list-place")),
        ("video_link", crate::i18n::Msg("meetings-list-video")),
    ];
    view! {
        <section class="section" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t::NEW_MEETING}</h2>
            <ErrorSummary error=error labels=LABELS/>
            {move || action.value().get().and_then(|r| r.ok()).map(|m| view! {
                <p class="notice notice--success" role="status">{crate::i18n::Msg("meetings-list-scheduled")} <A href=format!("/meetings/{}", m.id)>{when(&m)}</A></p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error name="starts_at" label=crate::i18n::Msg("meetings-list-starts") hint=crate::i18n::Msg("meetings-list-starts-hint")>
                    <input class="input input--medium" type="datetime-local" id="starts_at" name="starts_at"/>
                </Field>
                <Field error=error name="duration_minutes" label=crate::i18n::Msg("meetings-list-length")>
                    <input class="input input--short" type="number" id="duration_minutes" name="duration_minutes" value="180"/>
                </Field>
                <Field error=error name="place" label=crate::i18n::Msg("meetings-list-place") optional=true>
                    <input class="input" type="text" id="place" name="place"/>
                </Field>
                <Field error=error name="video_link" label=crate::i18n::Msg("meetings-list-video") optional=true>
                    <input class="input" type="url" id="video_link" name="video_link"/>
                </Field>
                <SubmitButton pending=action.pending() label=crate::i18n::Msg("meetings-list-schedule")/>
            </ActionForm>
        </section>
    }
}

#[component]
fn Series() -> impl IntoView {
    let action = ServerAction::<SetUpSeries>::new();
    let error = action_error(action.value());
    const LABELS: &[(&str, crate::i18n::Msg)] = &[
        ("name", crate::i18n::Msg("meetings-list-name")),
        ("every_weeks", crate::i18n::Msg("meetings-list-every")),
        ("first_date", crate::i18n::Msg("meetings-list-first")),
        ("start_time", crate::i18n::Msg("meetings-list-starts-at")),
        ("duration_minutes", crate::i18n::Msg("meetings-list-length")),
    ];
    view! {
        <section class="section" aria-labelledby="series-title">
            <h2 id="series-title">{t::NEW_SERIES}</h2>
            <p>{crate::i18n::Msg("meetings-list-six")}</p>
            <ErrorSummary error=error labels=LABELS prefix="series-"/>
            {move || action.value().get().and_then(|r| r.ok()).map(|list| view! {
                <p class="notice notice--success" role="status">{crate::i18n::Msg("meetings-list-series-scheduled").with(&[("count", list.len().into())])}</p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error prefix="series-" name="name" label=crate::i18n::Msg("meetings-list-name")>
                    <input class="input" type="text" id="series-name" name="input[name]" value=crate::i18n::Msg("meetings-list-default-name")/>
                </Field>
                <Field error=error prefix="series-" name="every_weeks" label=crate::i18n::Msg("meetings-list-every")>
                    <input class="input input--short" type="number" id="series-every_weeks" name="input[every_weeks]" value="4"/>
                </Field>
                <Field error=error prefix="series-" name="first_date" label=crate::i18n::Msg("meetings-list-first") hint=crate::i18n::Msg("meetings-list-weekday-hint")>
                    <input class="input input--medium" type="date" id="series-first_date" name="input[first_date]"/>
                </Field>
                <Field error=error prefix="series-" name="start_time" label=crate::i18n::Msg("meetings-list-starts-at") hint=crate::i18n::Msg("meetings-list-time-hint")>
                    <input class="input input--short" type="time" id="series-start_time" name="input[start_time]" value="10:00"/>
                </Field>
                <Field error=error prefix="series-" name="duration_minutes" label=crate::i18n::Msg("meetings-list-length")>
                    <input class="input input--short" type="number" id="series-duration_minutes" name="input[duration_minutes]" value="180"/>
                </Field>
                <Field error=error prefix="series-" name="place" label=crate::i18n::Msg("meetings-list-place") optional=true>
                    <input class="input" type="text" id="series-place" name="input[place]"/>
                </Field>
                <SubmitButton pending=action.pending() label=crate::i18n::Msg("meetings-list-set-up")/>
            </ActionForm>
        </section>
    }
}
