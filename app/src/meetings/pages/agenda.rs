//! The meeting page: its agenda in order with times, who may see which case, research
//! chips, and for the chair and coordinator the controls to build, edit and publish it.

use super::widgets::{when, Marking, MeetingNav, MeetingStatusTag};
use crate::cases::pages::widgets::RiskTag;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::meetings::agenda::types::{Agenda, AgendaItem};
use crate::meetings::server_fns::{
    get_agenda, AcknowledgeConfidentiality, BuildAgenda, ChangeAgenda, MoveMeetingOn, PublishAgenda,
};
use crate::meetings::types::MeetingStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const LABELS: &[(&str, Msg)] = &[
    ("reason", Msg("agenda-label-reason")),
    ("minutes", Msg("agenda-label-minutes")),
    ("title", Msg("agenda-label-title")),
    ("position", Msg("agenda-label-position")),
];

/// The meeting id of the route, read reactively (the page stays mounted when it changes).
pub fn meeting_id() -> Memo<Option<MeetingId>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").and_then(|s| s.parse().ok()))
}

/// The meeting's agenda as the signed-in person may see it, following the page's id.
#[track_caller]
pub fn agenda_resource(id: Memo<Option<MeetingId>>) -> Resource<Result<Agenda, AppError>> {
    page_resource(|| {
        Resource::new(
            move || id.get(),
            |id| async move {
                match id {
                    Some(id) => get_agenda(id).await,
                    None => Err(AppError::NotFound),
                }
            },
        )
    })
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let id = meeting_id();
    let agenda = agenda_resource(id);
    crate::cases::pages::what_was_tried::provide_meeting_reviews(id);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match agenda.await {
                    Err(e) => error_view(e),
                    Ok(a) => view! { <AgendaView initial=a/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgendaView(initial: Agenda) -> impl IntoView {
    let staff = signed_in_user().is_some_and(|m| crate::components::layout::can_run_meetings(&m));
    let agenda = RwSignal::new(initial.clone());
    let id = initial.meeting.id;
    let build = ServerAction::<BuildAgenda>::new();
    let publish = ServerAction::<PublishAgenda>::new();
    let change = ServerAction::<ChangeAgenda>::new();
    let ack = ServerAction::<AcknowledgeConfidentiality>::new();
    let move_on = ServerAction::<MoveMeetingOn>::new();
    for value in [
        build.value(),
        publish.value(),
        change.value(),
        ack.value(),
        move_on.value(),
    ] {
        Effect::new(move |_| {
            if let Some(Ok(a)) = value.get() {
                agenda.set(a);
            }
        });
    }
    let errors = Signal::derive(move || {
        [
            build.value().get(),
            publish.value().get(),
            change.value().get(),
            ack.value().get(),
            move_on.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
    });
    let title = Msg("agenda-page-title").with(&[("when", when(&initial.meeting).into())]);
    view! {
        <Title text=title.clone()/>
        <Marking marking=initial.marking.clone() viewer=initial.viewer.clone() viewed_at=crate::time::format_local(crate::time::parse_rfc3339(&initial.viewed_at))/>
        <p><A href="/meetings">{Msg("agenda-back")}</A></p>
        <div class="case-heading">
            <h1>{title}</h1>
            {move || view! { <MeetingStatusTag status=agenda.get().meeting.status/> }}
        </div>
        <MeetingNav id=id current="agenda"/>
        <dl class="summary-list">
            <div><dt>{Msg("agenda-place")}</dt><dd>{initial.meeting.place.clone().or(initial.meeting.video_link.clone()).unwrap_or_else(|| Msg("agenda-not-set").text())}</dd></div>
            <div><dt>{Msg("agenda-chair")}</dt><dd>{initial.meeting.chair.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| Msg("agenda-not-set").text())}</dd></div>
            <div><dt>{Msg("agenda-research-due")}</dt><dd>{crate::time::format_local(initial.meeting.research_due_unix)}</dd></div>
        </dl>
        <ErrorSummary error=errors labels=LABELS/>
        {staff.then(|| view! {
            <div class="toolbar" role="group" aria-label=Msg("agenda-toolbar")>
                <ActionForm action=build>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <SubmitButton pending=build.pending() label=Msg("agenda-build") pending_label=Msg("agenda-building") secondary=true/>
                </ActionForm>
                <Show when=move || agenda.get().meeting.status == MeetingStatus::Draft>
                    <ActionForm action=publish>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <SubmitButton pending=publish.pending() label=Msg("agenda-publish") pending_label=Msg("agenda-publishing")/>
                    </ActionForm>
                </Show>
                <Show when=move || agenda.get().meeting.status == MeetingStatus::AgendaPublished>
                    <ActionForm action=move_on>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <input type="hidden" name="status" value="in_session"/>
                        <SubmitButton pending=move_on.pending() label=Msg("agenda-start")/>
                    </ActionForm>
                </Show>
                <Show when=move || agenda.get().meeting.status == MeetingStatus::InSession>
                    <ActionForm action=move_on>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <input type="hidden" name="status" value="closed"/>
                        <SubmitButton pending=move_on.pending() label=Msg("agenda-close") secondary=true/>
                    </ActionForm>
                </Show>
            </div>
        })}
        {move || {
            let a = agenda.get();
            view! {
                {a.must_acknowledge.then(|| view! {
                    <div class="notice notice--warning" role="alert">
                        <p><strong>{Msg("agenda-before-details")}</strong>" "{crate::meetings::minutes::text::CONFIDENTIALITY}</p>
                        <ActionForm action=ack>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <SubmitButton pending=ack.pending() label=Msg("agenda-acknowledge")/>
                        </ActionForm>
                    </div>
                })}
                {(!a.changes_since_publication.is_empty()).then(|| view! {
                    <section class="notice" aria-labelledby="changes-title">
                        <h2 id="changes-title" class="notice__title">{Msg("agenda-changed-title")}</h2>
                        <ul>{a.changes_since_publication.iter().map(|c| view! {
                            <li><time datetime=c.at.clone()>{crate::time::format_local(c.at_unix)}</time> " – " {c.description.clone()}</li>
                        }).collect_view()}</ul>
                    </section>
                })}
                <Timing agenda=a.clone()/>
                {if !a.built {
                    view! { <p class="muted">{Msg("agenda-not-built-yet")}</p> }.into_any()
                } else {
                    view! { <Items agenda=a staff=staff change=change/> }.into_any()
                }}
            }
        }}
        {staff.then(|| view! { <AddItem id=id change=change/> })}
    }
}

#[component]
fn Timing(agenda: Agenda) -> impl IntoView {
    let end = crate::time::format_local(agenda.expected_end_unix);
    let planned = crate::time::format_local(agenda.meeting.ends_at_unix);
    view! {
        <p class="timing">
            {Msg("agenda-expected-end")} " " <strong>{end}</strong> " " {Msg("agenda-booked-until").with(&[("when", planned.into())])}
        </p>
        {(agenda.overrun_minutes > 0).then(|| view! {
            <p class="notice notice--warning" role="status">
                <span aria-hidden="true">"! "</span>
                {Msg("agenda-overrun").with(&[("minutes", agenda.overrun_minutes.into())])}
            </p>
        })}
    }
}

#[component]
fn Items(agenda: Agenda, staff: bool, change: ServerAction<ChangeAgenda>) -> impl IntoView {
    let id = agenda.meeting.id;
    let (live, removed): (Vec<AgendaItem>, Vec<AgendaItem>) =
        agenda.items.into_iter().partition(|i| !i.removed);
    let count = live.len();
    let previous = agenda.previous_meeting.clone();
    let mut last_section = "";
    let mut rows = Vec::new();
    for item in live {
        let section = item.kind.section();
        // A case item shows the heading of its section when it opens one.
        let opens = (item.kind.is_case() && section != last_section).then_some(section);
        last_section = section;
        let previous = (item.kind == crate::meetings::agenda::types::ItemKind::PreviousMinutes)
            .then(|| previous.clone())
            .flatten();
        rows.push(view! {
            <Item item=item staff=staff change=change meeting=id count=count previous=previous section=opens/>
        });
    }
    view! {
        <ol class="agenda">{rows}</ol>
        {(!removed.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="removed-title">
                <h2 id="removed-title">{Msg("agenda-removed-title")}</h2>
                <ul class="plain-list">
                    {removed.into_iter().map(|i| view! {
                        <li>
                            <strong>{i.title.clone()}</strong> " – " {i.removed_reason.clone().unwrap_or_default()}
                            {staff.then(|| view! {
                                " "
                                <ActionForm action=change attr:class="inline-form">
                                    <input type="hidden" name="id" value=id.to_string()/>
                                    <input type="hidden" name="op" value="restore"/>
                                    <input type="hidden" name="item_id" value=i.id.to_string()/>
                                    <button type="submit" class="button button--secondary button--small">{Msg("agenda-put-back")}</button>
                                </ActionForm>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn Item(
    item: AgendaItem,
    staff: bool,
    change: ServerAction<ChangeAgenda>,
    meeting: MeetingId,
    count: usize,
    previous: Option<crate::meetings::agenda::types::PreviousMeeting>,
    section: Option<&'static str>,
) -> impl IntoView {
    let time = crate::time::format_local(item.starts_unix);
    let time = time.rsplit(", ").next().unwrap_or("").to_string();
    let heading = match (&item.reference, item.kind.is_case()) {
        (Some(r), true) => r.clone(),
        _ => item.title.clone(),
    };
    let hidden = item.case_id.is_some() && item.details.is_none();
    let mid = meeting.to_string();
    let iid = item.id.to_string();
    let pos = item.position;
    let small = move |op: &'static str,
                      label: &'static str,
                      position: Option<u32>,
                      disabled: bool| {
        let mid = mid.clone();
        let iid = iid.clone();
        view! {
            <ActionForm action=change attr:class="inline-form">
                <input type="hidden" name="id" value=mid/>
                <input type="hidden" name="op" value=op/>
                <input type="hidden" name="item_id" value=iid/>
                {position.map(|p| view! { <input type="hidden" name="position" value=p.to_string()/> })}
                <button type="submit" class="button button--secondary button--small" disabled=disabled>{label}</button>
            </ActionForm>
        }
    };
    view! {
        <li class="agenda__item" data-kind=item.kind.as_str()>
            <div class="agenda__time">{time} <span class="muted">" · " {Msg("agenda-item-minutes").with(&[("minutes", item.minutes.into())])}</span></div>
            <div class="agenda__body">
                {section.map(|s| view! { <p class="agenda__section">{s}</p> })}
                <h3 class="agenda__title">{heading}</h3>
                {previous.map(|p| view! {
                    <p><A href=format!("/meetings/{}/minutes", p.id)>
                        {Msg("agenda-previous-minutes").with(&[("when", crate::time::format_local(p.starts_at_unix).into())])}
                    </A> " " {if p.minutes_approved { Msg("agenda-approved") } else { Msg("agenda-not-yet-approved") }}</p>
                })}
                {item.details.clone().map(|d| view! {
                    <p class="agenda__details">
                        <RiskTag criteria=d.criteria/>
                        " · " {if d.children_count == 0 { Msg("agenda-no-children").text() } else { Msg("agenda-children").with(&[("count", d.children_count.into())]) }}
                        " · " {Msg("agenda-referred-by")} " " {if d.referring_agencies.is_empty() { "—".to_string() } else { d.referring_agencies.join(", ") }}
                        " · " {Msg("agenda-lead")} " " {d.lead_agency.clone().unwrap_or_else(|| Msg("agenda-lead-not-decided").text())}
                        {(d.referral_count > 1).then(|| format!(" · {}", Msg("agenda-referrals").with(&[("count", d.referral_count.into())])))}
                    </p>
                })}
                {hidden.then(|| view! { <p class="muted">{Msg("agenda-details-hidden")}</p> })}
                {(!item.research.is_empty()).then(|| view! {
                    <p class="chips" aria-label=Msg("agenda-research-sent-by")>
                        {Msg("agenda-research")} " "
                        {item.research.iter().map(|c| view! {
                            <span class="tag" class:tag--green=c.state == "holds" class:tag--grey=c.state != "holds">
                                {c.agency_name.clone()} " – " {if c.state == "holds" { Msg("meetings-research-holds-information") } else { Msg("meetings-research-no-trace-found") }}
                            </span> " "
                        }).collect_view()}
                    </p>
                })}
                {item.case_id.map(|c| view! {
                    <p><A href=format!("/meetings/{meeting}/research?case={c}")>{Msg("agenda-research-link")}</A></p>
                })}
                {(!item.actions.is_empty()).then(|| view! {
                    <ul class="agenda__actions">
                        {item.actions.iter().map(|a| view! {
                            <li>
                                <strong>{a.reference.clone()}</strong> " · " {a.owner_agency_name.clone()} " · " {a.kind.label()}
                                " · " {Msg("agenda-action-due")} " " {crate::time::format_day(a.due_on)} " "
                                <crate::actions::pages::StatusTag status=a.status overdue=a.overdue/>
                                " " <span class="tag tag--yellow">{Msg("agenda-carried-over").with(&[("count", a.carried_over.into())])}</span>
                                {a.escalated.then(|| view! { " " <span class="tag tag--red">{Msg("agenda-escalated")}</span> })}
                                {a.text.clone().map(|t| view! { <br/><span>{t}</span> })}
                                {(!a.history.is_empty()).then(|| view! {
                                    <br/><span class="muted">{a.history.iter().filter_map(|h| h.reason.clone().or(h.note.clone())).collect::<Vec<_>>().join(" · ")}</span>
                                })}
                                {a.text.is_some().then(|| view! { <br/><A href=format!("/actions?case_id={}", a.case_id)>{Msg("agenda-record-outcome")}</A> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(item.kind == crate::meetings::agenda::types::ItemKind::IncompleteActions && item.actions.is_empty()).then(|| view! {
                    <p class="muted">{Msg("agenda-no-outstanding")}</p>
                })}
                {item.notes.clone().map(|n| view! { <p class="agenda__notes">{n}</p> })}
                {item.case_id.filter(|_| !hidden).map(|c| view! {
                    <crate::cases::pages::what_was_tried::AgendaItemReview meeting=meeting item=item.id case_id=c/>
                })}
                {staff.then(|| view! {
                    <div class="agenda__controls" role="group" aria-label=Msg("agenda-change-item").with(&[("title", item.title.clone().into())])>
                        {small("move", Msg("agenda-move-up").as_str(), Some(pos.saturating_sub(1).max(1)), pos <= 1)}
                        {small("move", Msg("agenda-move-down").as_str(), Some((pos + 1).min(count as u32)), pos as usize >= count)}
                        {small("defer", Msg("agenda-defer").as_str(), None, false)}
                        <ActionForm action=change attr:class="inline-form">
                            <input type="hidden" name="id" value=meeting.to_string()/>
                            <input type="hidden" name="op" value="set_minutes"/>
                            <input type="hidden" name="item_id" value=item.id.to_string()/>
                            <label class="visually-hidden" for=format!("minutes-{}", item.id)>{Msg("agenda-minutes-for-item")}</label>
                            <input class="input input--tiny" type="number" min="0" max="240" id=format!("minutes-{}", item.id) name="minutes" value=item.minutes.to_string()/>
                            <button type="submit" class="button button--secondary button--small">{Msg("agenda-set-minutes")}</button>
                        </ActionForm>
                        <ActionForm action=change attr:class="inline-form">
                            <input type="hidden" name="id" value=meeting.to_string()/>
                            <input type="hidden" name="op" value="remove"/>
                            <input type="hidden" name="item_id" value=item.id.to_string()/>
                            <label class="visually-hidden" for=format!("reason-{}", item.id)>{Msg("agenda-why-remove")}</label>
                            <input class="input input--medium" type="text" id=format!("reason-{}", item.id) name="reason" placeholder=Msg("agenda-remove-reason")/>
                            <button type="submit" class="button button--secondary button--small">{Msg("agenda-remove")}</button>
                        </ActionForm>
                    </div>
                })}
            </div>
        </li>
    }
}

#[component]
fn AddItem(id: MeetingId, change: ServerAction<ChangeAgenda>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="add-title">
            <h2 id="add-title">{Msg("agenda-add-title")}</h2>
            <ActionForm action=change attr:class="form">
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="op" value="add"/>
                <div class="field">
                    <label class="field__label" for="new-item-title">{Msg("agenda-label-title")}</label>
                    <input class="input" type="text" id="new-item-title" name="title"/>
                </div>
                <div class="field">
                    <label class="field__label" for="new-item-minutes">{Msg("agenda-label-minutes")}</label>
                    <input class="input input--short" type="number" min="0" max="240" id="new-item-minutes" name="minutes" value="10"/>
                </div>
                <SubmitButton pending=change.pending() label=Msg("agenda-add") secondary=true/>
            </ActionForm>
        </section>
    }
}
