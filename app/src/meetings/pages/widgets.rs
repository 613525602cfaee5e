//! Pieces shared by the meeting pages.

use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::meetings::types::{Meeting, MeetingStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// The protective marking, with who is looking and when (kept on print).
#[component]
pub fn Marking(marking: String, viewer: String, viewed_at: String) -> impl IntoView {
    view! {
        <p class="marking" role="note">
            <strong>{marking}</strong>
            <span class="marking__viewer">
                " · "
                {crate::i18n::Msg("meetings-viewed-by").with(&[("who", viewer.into()), ("when", viewed_at.into())])}
            </span>
        </p>
    }
}

pub fn when(m: &Meeting) -> String {
    crate::time::format_local(m.starts_at_unix)
}

#[component]
pub fn MeetingStatusTag(status: MeetingStatus) -> impl IntoView {
    let class = match status {
        MeetingStatus::Draft => "tag tag--grey",
        MeetingStatus::AgendaPublished => "tag tag--blue",
        MeetingStatus::InSession => "tag tag--red",
        MeetingStatus::Closed => "tag tag--yellow",
        MeetingStatus::MinutesApproved => "tag tag--green",
        MeetingStatus::Cancelled => "tag tag--grey",
    };
    view! { <span class=class>{status.label()}</span> }
}

/// Links between the pages of one meeting.
#[component]
pub fn MeetingNav(id: MeetingId, current: &'static str) -> impl IntoView {
    let links = [
        (
            "agenda",
            Msg("meetings-nav-agenda").as_str(),
            format!("/meetings/{id}"),
        ),
        (
            "research",
            Msg("meetings-nav-research").as_str(),
            format!("/meetings/{id}/research"),
        ),
        (
            "attendance",
            Msg("meetings-nav-attendance").as_str(),
            format!("/meetings/{id}/attendance"),
        ),
        (
            "minutes",
            Msg("meetings-nav-minutes").as_str(),
            format!("/meetings/{id}/minutes"),
        ),
        (
            "live",
            Msg("meetings-nav-live").as_str(),
            format!("/meetings/{id}/live"),
        ),
    ];
    view! {
        <nav class="subnav" aria-label=Msg("meetings-nav-label")>
            <ul>
                {links.into_iter().map(|(key, label, href)| {
                    let here = key == current;
                    view! {
                        <li>
                            {if here {
                                view! { <span aria-current="page" class="subnav__current">{label}</span> }.into_any()
                            } else {
                                view! { <A href=href>{label}</A> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
                <li><a href=format!("/api/v1/meetings/{id}.ics") download=format!("meeting-{id}.ics")>{Msg("meetings-nav-add-to-calendar")}</a></li>
            </ul>
        </nav>
    }
}
