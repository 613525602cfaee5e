//! The attendance register, apologies in advance, and each agency's continuity over the year.

use super::agenda::meeting_id;
use super::widgets::MeetingNav;
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::ErrorSummary;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::meetings::attendance::{AgencyContinuity, AttendanceRow, AttendanceStatus};
use crate::meetings::server_fns::{attendance_continuity, get_attendance, SetAttendance};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AttendancePage() -> impl IntoView {
    let id = meeting_id();
    let staff = signed_in_user().is_some_and(|m| crate::components::layout::can_run_meetings(&m));
    // One resource per server function (see the research page).
    let data = page_resource(|| {
        Resource::new(
            move || id.get(),
            |id| async move {
                let id = id.ok_or(AppError::NotFound)?;
                Ok::<_, AppError>((id, get_attendance(id).await?))
            },
        )
    });
    let continuity = page_resource(|| {
        Resource::new(
            || (),
            move |_| async move {
                match staff {
                    true => attendance_continuity().await.map(Some),
                    false => Ok(None),
                }
            },
        )
    });
    view! {
        <Title text=Msg("meetings-attendance-title").as_str()/>
        <h1>{Msg("meetings-attendance-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (data.await, continuity.await) {
                    (Err(e), _) | (_, Err(e)) => error_view(e),
                    (Ok((id, rows)), Ok(continuity)) => view! {
                        <MeetingNav id=id current="attendance"/>
                        <Register id=id rows=rows staff=staff/>
                        {continuity.map(|c| view! { <Continuity rows=c/> })}
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Register(id: MeetingId, rows: Vec<AttendanceRow>, staff: bool) -> impl IntoView {
    let action = ServerAction::<SetAttendance>::new();
    let error = action_error(action.value());
    let current = RwSignal::new(rows);
    Effect::new(move |_| {
        if let Some(Ok(r)) = action.value().get() {
            current.set(r);
        }
    });
    let me = signed_in_user().map(|m| m.id);
    view! {
        <ErrorSummary error=error labels=crate::components::forms::NO_LABELS/>
        <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
            <p class="notice notice--success" role="status">{Msg("meetings-attendance-saved")}</p>
        </Show>
        {move || view! {
            <table class="table">
                <caption class="visually-hidden">{Msg("meetings-attendance-register")}</caption>
                <thead><tr>
                    <th scope="col">{Msg("meetings-attendance-person")}</th><th scope="col">{Msg("meetings-attendance-agency")}</th><th scope="col">{Msg("meetings-attendance-title")}</th><th scope="col">{Msg("meetings-attendance-acknowledged")}</th>
                </tr></thead>
                <tbody>
                    {current.get().into_iter().map(|r| {
                        let editable = staff || Some(r.user_id) == me;
                        let choices: Vec<AttendanceStatus> = if staff {
                            AttendanceStatus::ALL.to_vec()
                        } else {
                            vec![AttendanceStatus::Apologies, AttendanceStatus::ApologiesInfoSent]
                        };
                        let select_id = format!("attendance-{}", r.user_id);
                        view! {
                            <tr>
                                <td>{r.name.clone()} {r.observer.then(|| view! { " " {Msg("meetings-attendance-observer")} })}</td>
                                <td>{r.agency_name.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>
                                    {r.status.map(|s| s.label()).unwrap_or(Msg("meetings-attendance-not-recorded").as_str())}
                                    {editable.then(|| view! {
                                        <ActionForm action=action attr:class="inline-form">
                                            <input type="hidden" name="id" value=id.to_string()/>
                                            <input type="hidden" name="user_id" value=r.user_id.to_string()/>
                                            <label class="visually-hidden" for=select_id.clone()>{Msg("meetings-attendance-of").with(&[("name", r.name.clone().into())])}</label>
                                            <select class="select select--small" id=select_id.clone() name="status">
                                                {choices.into_iter().map(|s| view! {
                                                    <option value=s.as_str() selected=r.status == Some(s)>{s.label()}</option>
                                                }).collect_view()}
                                            </select>
                                            <button type="submit" class="button button--secondary button--small">
                                                {if staff { Msg("meetings-attendance-record") } else { Msg("meetings-attendance-send-apologies") }}
                                            </button>
                                        </ActionForm>
                                    })}
                                </td>
                                <td>{r.acknowledged_at.as_deref().map(|a| crate::time::format_local(crate::time::parse_rfc3339(a))).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }}
    }
}

#[component]
fn Continuity(rows: Vec<AgencyContinuity>) -> impl IntoView {
    view! {
        <section class="section section--wide" aria-labelledby="continuity-title">
            <h2 id="continuity-title">{Msg("meetings-attendance-by-agency")}</h2>
            <p>{Msg("meetings-attendance-continuity")}</p>
            <table class="table">
                <thead><tr>
                    <th scope="col">{Msg("meetings-attendance-agency")}</th><th scope="col">{Msg("meetings-attendance-attended")}</th><th scope="col">{Msg("meetings-attendance-apologies-col")}</th><th scope="col">{Msg("meetings-attendance-who-came")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.agency_name.clone()}</td>
                            <td>{Msg("meetings-attendance-of-held").with(&[("attended", r.meetings_attended.into()), ("held", r.meetings_held.into())])}</td>
                            <td>{r.apologies}</td>
                            <td>{if r.people.is_empty() {
                                Msg("meetings-attendance-nobody").text()
                            } else {
                                r.people.iter().map(|(n, c)| format!("{n} ({c})")).collect::<Vec<_>>().join(", ")
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
