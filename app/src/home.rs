//! The home page: the next meeting, the person's agency's actions (overdue first) and their
//! notifications.

use crate::actions::pages::StatusTag;
use crate::actions::server_fns::{my_actions, my_notifications, MarkNotificationsRead};
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::meetings::server_fns::list_meetings;
use crate::notices::server_fns::my_notices;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

pub mod text {
    use crate::i18n::Msg;

    pub const TITLE: Msg = Msg("home-title");
    pub const GREETING: Msg = Msg("home-greeting");
    pub const NEXT_MEETING: Msg = Msg("home-next-meeting");
    pub const NO_MEETING: Msg = Msg("home-no-meeting");
    pub const MY_ACTIONS: Msg = Msg("home-my-actions");
    pub const NO_ACTIONS: Msg = Msg("home-no-actions");
    pub const NO_AGENCY: Msg = Msg("home-no-agency");
    pub const NOTICES: Msg = Msg("home-notices");
    pub const NO_NOTICES: Msg = Msg("home-no-notices");
    pub const DIRECTORY: Msg = Msg("home-directory");
    /// With `$count`.
    pub const OVERDUE_COUNT: Msg = Msg("home-overdue-count");
    pub const DUE_SOON_COUNT: Msg = Msg("home-due-soon-count");
    pub const OPEN_COUNT: Msg = Msg("home-open-count");
    /// With `$when`, the day.
    pub const DUE_ON: Msg = Msg("home-due-on");
}

#[component]
pub fn HomePage() -> impl IntoView {
    let me = signed_in_user();
    let name = me.as_ref().map(|m| m.name.clone()).unwrap_or_default();
    let has_agency = me.as_ref().is_some_and(|m| m.agency_id.is_some());
    // One resource per call: each server function then reads the request's context on its
    // first poll, inside the resource's owner (a second call after an await would not).
    let meetings = page_resource(|| {
        Resource::new(
            || (),
            |_| async move {
                // Taken where the data is fetched, so the server's render and the browser agree.
                (
                    list_meetings().await.unwrap_or_default(),
                    crate::time::now(),
                )
            },
        )
    });
    let actions = page_resource(|| {
        Resource::new(
            || (),
            |_| async move { my_actions().await.unwrap_or_default() },
        )
    });
    let notices = page_resource(|| {
        Resource::new(
            || (),
            |_| async move { my_notifications().await.unwrap_or_default() },
        )
    });
    let other_notices = page_resource(|| {
        Resource::new(
            || (),
            |_| async move { my_notices().await.unwrap_or_default() },
        )
    });
    let mark = ServerAction::<MarkNotificationsRead>::new();
    view! {
        <Title text=text::TITLE.as_str()/>
        <h1>{text::GREETING.with(&[("name", name.clone().into())])}</h1>
        <crate::users::access::pages::PendingAccessRequests/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let ((meetings, now), actions, notices, others) = (meetings.await, actions.await, notices.await, other_notices.await);
                let others: Vec<_> = others.into_iter().filter(|n| !n.read).take(8).collect();
                let next = meetings.into_iter().find(|m| m.ends_at_unix > now);
                let today = chrono::DateTime::from_timestamp(now, 0).map(|t| t.with_timezone(&crate::time::Zone::current().0).date_naive()).unwrap_or_default();
                let soon: Vec<_> = actions.iter().filter(|a| !a.overdue && a.due_on <= today + chrono::Days::new(7)).cloned().collect();
                let overdue: Vec<_> = actions.iter().filter(|a| a.overdue).cloned().collect();
                view! {
                    <div class="cards">
                        <section class="card" aria-labelledby="next-meeting">
                            <h2 id="next-meeting">{text::NEXT_MEETING}</h2>
                            {match next {
                                Some(m) => view! {
                                    <p><A href=format!("/meetings/{}", m.id)>{crate::time::format_local(m.starts_at_unix)}</A></p>
                                    <p class="muted">{m.place.clone().unwrap_or_default()} " · " {m.status.label()}</p>
                                    <p>{crate::i18n::Msg("home-research-due").with(&[("when", crate::time::format_local(m.research_due_unix).into())])}</p>
                                }.into_any(),
                                None => view! { <p class="muted">{text::NO_MEETING}</p> }.into_any(),
                            }}
                        </section>
                        <section class="card" aria-labelledby="my-actions">
                            <h2 id="my-actions">{text::MY_ACTIONS}</h2>
                            {if !has_agency {
                                view! { <p class="muted">{text::NO_AGENCY}</p> }.into_any()
                            } else if actions.is_empty() {
                                view! { <p class="muted">{text::NO_ACTIONS}</p> }.into_any()
                            } else {
                                view! {
                                    <p><strong>{text::OVERDUE_COUNT.with(&[("count", overdue.len().into())])}</strong> " · " <strong>{text::DUE_SOON_COUNT.with(&[("count", soon.len().into())])}</strong> " · " {text::OPEN_COUNT.with(&[("count", actions.len().into())])}</p>
                                    <ul class="plain-list">
                                        {actions.clone().into_iter().take(8).map(|a| view! {
                                            <li><A href=format!("/actions?case_id={}", a.case_id)>{a.reference.clone()}</A> " · " {a.kind.label()}
                                                " · " {text::DUE_ON.with(&[("when", crate::time::format_day(a.due_on).into())])} " " <StatusTag status=a.status overdue=a.overdue/></li>
                                        }).collect_view()}
                                    </ul>
                                    <p><A href="/actions">{crate::i18n::Msg("home-all-actions")}</A></p>
                                }.into_any()
                            }}
                        </section>
                        <section class="card" aria-labelledby="notices">
                            <h2 id="notices">{text::NOTICES}</h2>
                            {if notices.iter().all(|n| n.read) && others.is_empty() {
                                view! { <p class="muted">{text::NO_NOTICES}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plain-list">
                                        {notices.clone().into_iter().filter(|n| !n.read).take(8).map(|n| view! {
                                            <li><span class="tag tag--blue">{crate::actions::notification_label(&n.kind)}</span> " " {n.reference.clone()} " – " {n.text.clone()}</li>
                                        }).collect_view()}
                                        {others.clone().into_iter().map(|n| view! {
                                            <li><span class="tag tag--blue">{crate::notices::text::label(n.kind)}</span> " " {n.reference.clone().map(|r| format!("{r} – "))} {n.text.clone()}</li>
                                        }).collect_view()}
                                    </ul>
                                    <ActionForm action=mark>
                                        <button type="submit" class="button button--secondary button--small">{crate::i18n::Msg("home-mark-read")}</button>
                                    </ActionForm>
                                }.into_any()
                            }}
                        </section>
                    </div>
                    <p><A href="/agencies">{text::DIRECTORY}</A></p>
                }
            })}
        </Suspense>
        <crate::cases::pages::pending::PendingMatches/>
    }
}
