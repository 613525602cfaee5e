//! The minutes: a readable document with headings per item, comments beside the text, and the
//! bar to circulate, approve and add addenda.

use super::server_fns::{
    get_minutes, AddMinutesAddendum, ApproveMinutes, CirculateMinutes, CommentOnMinutes,
    ResolveMinutesComment, SaveMinutesSection,
};
use super::types::{Comment, Minutes, MinutesStatus, Section};
use crate::auth::policy::{permits, Action as Do, Resource as Res};
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::meetings::pages::{Marking, MeetingNav};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const LABELS: &[(&str, Msg)] = &[
    ("body", Msg("minutes-label-comment")),
    ("review_deadline", Msg("minutes-label-deadline")),
    ("body_md", Msg("minutes-label-text")),
];

#[component]
pub fn MinutesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<MeetingId>().ok())
    });
    let agency = Memo::new(move |_| query.read().get("agency").filter(|s| !s.is_empty()));
    let minutes = page_resource(|| {
        Resource::new(
            move || (id.get(), agency.get()),
            |(id, agency)| async move {
                match id {
                    Some(id) => get_minutes(id, agency).await,
                    None => Err(AppError::NotFound),
                }
            },
        )
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match minutes.await {
                    Err(AppError::Conflict { message }) => view! {
                        <h1>{Msg("minutes-title")}</h1>
                        {id.get_untracked().map(|id| view! { <MeetingNav id=id current="minutes"/> })}
                        <p class="notice">{message}</p>
                    }.into_any(),
                    Err(e) => error_view(e),
                    Ok(m) => view! { <MinutesView initial=m/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MinutesView(initial: Minutes) -> impl IntoView {
    let me = signed_in_user();
    let meeting = Res::Meeting { published: true };
    let staff = me.as_ref().is_some_and(|m| permits(m, Do::Update, meeting));
    let chair = me
        .as_ref()
        .is_some_and(|m| permits(m, Do::Approve, meeting));
    let minutes = RwSignal::new(initial.clone());
    let save = ServerAction::<SaveMinutesSection>::new();
    let circulate = ServerAction::<CirculateMinutes>::new();
    let comment = ServerAction::<CommentOnMinutes>::new();
    let resolve = ServerAction::<ResolveMinutesComment>::new();
    let approve = ServerAction::<ApproveMinutes>::new();
    let addendum = ServerAction::<AddMinutesAddendum>::new();
    let values = [
        save.value(),
        circulate.value(),
        comment.value(),
        resolve.value(),
        approve.value(),
        addendum.value(),
    ];
    for v in values {
        Effect::new(move |_| {
            if let Some(Ok(m)) = v.get() {
                minutes.set(m);
            }
        });
    }
    let error = Signal::derive(move || values.iter().filter_map(|v| v.get()).find_map(|r| r.err()));
    let id = initial.meeting.id;
    let title = Msg("minutes-page-title").with(&[(
        "when",
        crate::time::format_local(initial.meeting.starts_at_unix).into(),
    )]);
    view! {
        <Title text=title.clone()/>
        <Marking marking=initial.marking.clone() viewer=initial.viewer.clone() viewed_at=crate::time::format_local(crate::time::parse_rfc3339(&initial.viewed_at))/>
        <h1>{title}</h1>
        <MeetingNav id=id current="minutes"/>
        <ErrorSummary error=error labels=LABELS/>
        {move || {
            let m = minutes.get();
            let status = m.status;
            view! {
                <div class="status-bar" role="status">
                    <strong>{status.label()}</strong>
                    {m.review_deadline.clone().map(|d| view! { " · " {Msg("minutes-comments-until")} " " {crate::time::format_local(crate::time::parse_rfc3339(&d))} })}
                    {m.approved_at.clone().map(|a| view! { " · " {Msg("minutes-approved-by").with(&[("who", m.approved_by.clone().unwrap_or_default().into()), ("when", crate::time::format_local(crate::time::parse_rfc3339(&a)).into())])} })}
                    {m.extract_for.map(|_| view! { " · " <span>{Msg("minutes-extract")}</span> })}
                </div>
                {(staff && status == MinutesStatus::Draft).then(|| view! {
                    <ActionForm action=circulate attr:class="toolbar">
                        <input type="hidden" name="id" value=id.to_string()/>
                        <label class="field__label" for="review_deadline">{Msg("minutes-label-deadline")}</label>
                        <input class="input input--medium" type="date" id="review_deadline" name="review_deadline"/>
                        <SubmitButton pending=circulate.pending() label=Msg("minutes-circulate")/>
                    </ActionForm>
                })}
                {(chair && status == MinutesStatus::Circulated).then(|| view! {
                    <ActionForm action=approve attr:class="toolbar approval-bar">
                        <input type="hidden" name="id" value=id.to_string()/>
                        <p>{Msg("minutes-approve-note")}</p>
                        <SubmitButton pending=approve.pending() label=Msg("minutes-approve")/>
                    </ActionForm>
                })}
                <article class="minutes">
                    {m.sections.iter().cloned().map(|s| {
                        let comments: Vec<Comment> = m.comments.iter().filter(|c| c.section_id == Some(s.id)).cloned().collect();
                        view! {
                            <SectionView section=s comments=comments meeting=id version=m.version status=status staff=staff
                                save=save comment=comment resolve=resolve/>
                        }
                    }).collect_view()}
                </article>
                {(!m.addenda.is_empty()).then(|| view! {
                    <section class="section section--wide" aria-labelledby="addenda-title">
                        <h2 id="addenda-title">{Msg("minutes-addenda")}</h2>
                        {m.addenda.iter().map(|a| view! {
                            <div class="addendum">
                                <p class="muted">{crate::time::format_local(crate::time::parse_rfc3339(&a.created_at))} " · " {a.author.clone()}</p>
                                // Rendered from Markdown and sanitised on the server.
                                <div class="prose" inner_html=a.body_html.clone()></div>
                            </div>
                        }).collect_view()}
                    </section>
                })}
                {(staff && status == MinutesStatus::Approved).then(|| view! {
                    <ActionForm action=addendum attr:class="form">
                        <input type="hidden" name="id" value=id.to_string()/>
                        <div class="field">
                            <label class="field__label" for="addendum">{Msg("minutes-addendum-label")}</label>
                            <textarea class="textarea" id="addendum" name="body_md" rows="3"></textarea>
                        </div>
                        <SubmitButton pending=addendum.pending() label=Msg("minutes-add-addendum") secondary=true/>
                    </ActionForm>
                })}
            }
        }}
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn SectionView(
    section: Section,
    comments: Vec<Comment>,
    meeting: MeetingId,
    version: i64,
    status: MinutesStatus,
    staff: bool,
    save: ServerAction<SaveMinutesSection>,
    comment: ServerAction<CommentOnMinutes>,
    resolve: ServerAction<ResolveMinutesComment>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let body_md = StoredValue::new(section.body_md.clone());
    let section_id = section.id;
    let comment_id = format!("comment-{}", section.id);
    let proposal_id = format!("proposal-{}", section.id);
    view! {
        <section class="minutes__section" aria-labelledby=format!("h-{}", section.id)>
            <h2 id=format!("h-{}", section.id)>{section.heading.clone()}</h2>
            <div class="minutes__columns">
                <div class="minutes__text">
                    // Rendered from Markdown and sanitised on the server.
                    <div class="prose" inner_html=section.body_html.clone()></div>
                    {(staff && status != MinutesStatus::Approved).then(|| view! {
                        <Show when=move || !editing.get()>
                            <button type="button" class="button button--secondary button--small" on:click=move |_| editing.set(true)>{Msg("minutes-edit-section")}</button>
                        </Show>
                        <Show when=move || editing.get()>
                            <ActionForm action=save attr:class="form">
                                <input type="hidden" name="id" value=meeting.to_string()/>
                                <input type="hidden" name="version" value=version.to_string()/>
                                <input type="hidden" name="section_id" value=section.id.to_string()/>
                                <label class="field__label" for=format!("section-{section_id}")>{Msg("minutes-text-markdown")}</label>
                                <textarea class="textarea" id=format!("section-{section_id}") name="body_md" rows="8">{body_md.get_value()}</textarea>
                                <SubmitButton pending=save.pending() label=Msg("minutes-save-section")/>
                            </ActionForm>
                        </Show>
                    })}
                </div>
                <aside class="minutes__comments" aria-label=Msg("minutes-comments")>
                    {comments.into_iter().map(|c| view! {
                        <div class="comment" class:comment--open=c.status == "open">
                            <p><strong>{c.author.clone()}</strong> <span class="muted">" · " {c.status_label()}</span></p>
                            <p>{c.body.clone()}</p>
                            {c.proposed_text.clone().map(|p| view! { <p class="comment__proposal">{Msg("minutes-proposed")} " " {p}</p> })}
                            {c.resolution_note.clone().map(|n| view! { <p class="muted">{Msg("minutes-resolution")} " " {n}</p> })}
                            {(staff && c.status == "open").then(|| view! {
                                <ActionForm action=resolve attr:class="inline-form">
                                    <input type="hidden" name="id" value=meeting.to_string()/>
                                    <input type="hidden" name="comment_id" value=c.id.to_string()/>
                                    <input class="input input--medium" type="text" name="note" aria-label=Msg("minutes-resolution-note") placeholder=Msg("minutes-note-optional")/>
                                    <button type="submit" class="button button--secondary button--small" name="status" value="accepted">{Msg("minutes-accept")}</button>
                                    <button type="submit" class="button button--secondary button--small" name="status" value="declined">{Msg("minutes-decline")}</button>
                                </ActionForm>
                            })}
                        </div>
                    }).collect_view()}
                    {(status == MinutesStatus::Circulated).then(|| view! {
                        <ActionForm action=comment attr:class="form form--compact">
                            <input type="hidden" name="id" value=meeting.to_string()/>
                            <input type="hidden" name="section_id" value=section.id.to_string()/>
                            <label class="field__label" for=comment_id.clone()>{Msg("minutes-label-comment")}</label>
                            <textarea class="textarea" id=comment_id.clone() name="body" rows="2"></textarea>
                            <label class="field__label" for=proposal_id.clone()>{Msg("minutes-proposed-wording")} " " <span class="field__optional">{Msg("common-optional")}</span></label>
                            <textarea class="textarea" id=proposal_id.clone() name="proposed_text" rows="2"></textarea>
                            <SubmitButton pending=comment.pending() label=Msg("minutes-send-comment") secondary=true/>
                        </ActionForm>
                    })}
                </aside>
            </div>
        </section>
    }
}
