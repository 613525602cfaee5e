//! The meetings list, with scheduling for the chair and coordinator and everyone's calendar link.

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
    let meetings = page_resource(|| Resource::new(|| (), |_| list_meetings()));
    let staff = signed_in_user().is_some_and(|m| crate::components::layout::can_run_meetings(&m));
    view! {
        <Title text=t::LIST_TITLE/>
        <h1>{t::LIST_TITLE}</h1>
        <p class="lead">{t::LIST_INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match meetings.await {
                    Err(e) => error_view(e),
                    Ok(list) => view! { <MeetingTable meetings=list/> }.into_any(),
                }
            })}
        </Suspense>
        <CalendarFeed/>
        {staff.then(|| view! { <Schedule/> <Series/> })}
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
            <thead><tr><th scope="col">"When"</th><th scope="col">"Where"</th><th scope="col">"Chair"</th><th scope="col">"Status"</th></tr></thead>
            <tbody>
                {meetings.into_iter().map(|m| {
                    let label = when(&m);
                    let href = format!("/meetings/{}", m.id);
                    view! {
                    <tr>
                        <td><A href=href>{label}</A></td>
                        <td>{m.place.clone().or(m.video_link.clone()).unwrap_or_else(|| "—".into())}</td>
                        <td>{m.chair.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "—".into())}</td>
                        <td><MeetingStatusTag status=m.status/></td>
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
            <h2 id="calendar-title">"Your calendar"</h2>
            <p>"Subscribe your calendar to a private link: it shows when and where meetings are, never anything about cases."</p>
            {move || action.value().get().and_then(|r| r.ok()).map(|path| view! {
                <p class="notice" role="status">"Your private link (keep it to yourself): " <code data-testid="calendar-link">{path}</code></p>
            })}
            <ActionForm action=action>
                <SubmitButton pending=action.pending() label="Show my calendar link" secondary=true/>
            </ActionForm>
        </section>
    }
}

#[component]
fn Schedule() -> impl IntoView {
    let action = ServerAction::<ScheduleMeeting>::new();
    let error = action_error(action.value());
    const LABELS: &[(&str, &str)] = &[
        ("starts_at", "Starts"),
        ("duration_minutes", "Length in minutes"),
        ("place", "Place"),
        ("video_link", "Video link"),
    ];
    view! {
        <section class="section" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t::NEW_MEETING}</h2>
            <ErrorSummary error=error labels=LABELS/>
            {move || action.value().get().and_then(|r| r.ok()).map(|m| view! {
                <p class="notice notice--success" role="status">"Meeting scheduled: " <A href=format!("/meetings/{}", m.id)>{when(&m)}</A></p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error name="starts_at" label="Starts" hint="Date and time (UTC).">
                    <input class="input input--medium" type="datetime-local" id="starts_at" name="starts_at"/>
                </Field>
                <Field error=error name="duration_minutes" label="Length in minutes">
                    <input class="input input--short" type="number" id="duration_minutes" name="duration_minutes" value="180"/>
                </Field>
                <Field error=error name="place" label="Place" optional=true>
                    <input class="input" type="text" id="place" name="place"/>
                </Field>
                <Field error=error name="video_link" label="Video link" optional=true>
                    <input class="input" type="url" id="video_link" name="video_link"/>
                </Field>
                <SubmitButton pending=action.pending() label="Schedule meeting"/>
            </ActionForm>
        </section>
    }
}

#[component]
fn Series() -> impl IntoView {
    let action = ServerAction::<SetUpSeries>::new();
    let error = action_error(action.value());
    const LABELS: &[(&str, &str)] = &[
        ("name", "Name"),
        ("every_weeks", "Every how many weeks"),
        ("first_date", "First meeting"),
        ("start_time", "Starts at"),
        ("duration_minutes", "Length in minutes"),
    ];
    view! {
        <section class="section" aria-labelledby="series-title">
            <h2 id="series-title">{t::NEW_SERIES}</h2>
            <p>"Convene schedules the next six meetings of the rhythm straight away."</p>
            <ErrorSummary error=error labels=LABELS prefix="series-"/>
            {move || action.value().get().and_then(|r| r.ok()).map(|list| view! {
                <p class="notice notice--success" role="status">{format!("{} meetings scheduled. Reload the page to see them in the list.", list.len())}</p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error prefix="series-" name="name" label="Name">
                    <input class="input" type="text" id="series-name" name="input[name]" value="Intervention group"/>
                </Field>
                <Field error=error prefix="series-" name="every_weeks" label="Every how many weeks">
                    <input class="input input--short" type="number" id="series-every_weeks" name="input[every_weeks]" value="4"/>
                </Field>
                <Field error=error prefix="series-" name="first_date" label="First meeting" hint="The weekday of this date is the group's meeting day.">
                    <input class="input input--medium" type="date" id="series-first_date" name="input[first_date]"/>
                </Field>
                <Field error=error prefix="series-" name="start_time" label="Starts at" hint="UTC, like 10:00.">
                    <input class="input input--short" type="time" id="series-start_time" name="input[start_time]" value="10:00"/>
                </Field>
                <Field error=error prefix="series-" name="duration_minutes" label="Length in minutes">
                    <input class="input input--short" type="number" id="series-duration_minutes" name="input[duration_minutes]" value="180"/>
                </Field>
                <Field error=error prefix="series-" name="place" label="Place" optional=true>
                    <input class="input" type="text" id="series-place" name="input[place]"/>
                </Field>
                <SubmitButton pending=action.pending() label="Set up the rhythm"/>
            </ActionForm>
        </section>
    }
}
