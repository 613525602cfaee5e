//! "What was tried": the earlier plans of a case that comes back, how they ended and why not,
//! the earlier next-step decisions and the closing reason. On the case page (with the
//! next-step form for the chair and coordinator) and beside the case's agenda item (with the
//! last summary, decisions and open actions).

use super::next_step_form::NextStepForm;
use crate::auth::policy::{permits, Action as Do, Resource as Res};
use crate::cases::next_step::{NextStepView, ReviewContext, StepKind, WhatWasTried};
use crate::cases::next_step_fns::meeting_reviews;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::{CaseId, ItemId, MeetingId};
use leptos::prelude::*;

/// Whether the signed-in person records next steps (the chair and coordinator).
fn decides() -> bool {
    signed_in_user().is_some_and(|m| {
        permits(
            &m,
            Do::Update,
            Res::AgendaCase {
                involved: true,
                attending_in_session: false,
            },
        )
    })
}

/// One decision in a sentence.
pub fn decision_words(d: &NextStepView) -> String {
    match d.step {
        StepKind::Review => Msg("reviews-decided-review").with(&[(
            "day",
            d.review_on
                .map(crate::time::format_day)
                .unwrap_or_default()
                .into(),
        )]),
        StepKind::KeepOpen => Msg("reviews-decided-keep-open").text(),
        StepKind::Close => {
            let reason = d.close_reason.map(|r| r.label()).unwrap_or_default();
            match (&d.receiving_group, &d.explanation) {
                (Some(g), _) => Msg("reviews-decided-close-to")
                    .with(&[("reason", reason.into()), ("group", g.clone().into())]),
                (None, Some(e)) => Msg("reviews-decided-close-because")
                    .with(&[("reason", reason.into()), ("explanation", e.clone().into())]),
                (None, None) => Msg("reviews-decided-close").with(&[("reason", reason.into())]),
            }
        }
    }
}

#[component]
pub fn TriedView(tried: WhatWasTried) -> impl IntoView {
    let closing = match (tried.closing_code, tried.closing_reason.clone()) {
        (None, None) => None,
        (code, text) => Some(
            [code.map(|c| c.label().to_string()), text]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" – "),
        ),
    };
    view! {
        <div class="what-was-tried">
            {closing.map(|c| view! {
                <p><strong>{Msg("reviews-tried-closed")}</strong> " " {c}</p>
            })}
            {(!tried.decisions.is_empty()).then(|| view! {
                <h4>{Msg("reviews-tried-decisions")}</h4>
                <ul class="plain-list">
                    {tried.decisions.iter().map(|d| view! {
                        <li>
                            <time>{crate::time::format_local(d.meeting_starts_unix.unwrap_or(d.decided_at_unix))}</time>
                            " · " {decision_words(d)}
                            {d.who.clone().map(|w| view! { <span class="muted">" · " {w}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <h4>{Msg("reviews-tried-actions")}</h4>
            {if tried.actions.is_empty() {
                view! { <p class="muted">{Msg("reviews-tried-no-actions")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {tried.actions.iter().map(|a| view! {
                            <li data-action=a.id.to_string()>
                                <strong>{a.kind.label()}</strong> " · " {a.owner_agency_name.clone()}
                                " · " <crate::actions::pages::StatusTag status=a.status overdue=false/>
                                <br/><span>{a.text.clone()}</span>
                                {a.reason.clone().map(|r| view! { <br/><span>{Msg("reviews-tried-why-not")} " " {r}</span> })}
                                {a.barrier_category.map(|b| view! {
                                    <br/><span class="muted">{Msg("reviews-tried-barrier")} " " {b.label()}
                                        {a.barrier_text.clone().map(|t| format!(" – {t}"))}</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// What was tried on the case of the page (`case_page::case_data` makes it).
#[derive(Clone, Copy)]
pub struct Tried(
    pub Resource<Result<crate::cases::next_step::WhatWasTried, crate::error::AppError>>,
);

/// The case page's section: what was tried, and the next-step form for those who decide it.
#[component]
pub fn CaseNextSteps(case_id: CaseId) -> impl IntoView {
    // Made with the page's other data, outside its `Suspense` (one made here, inside it, would
    // not be the one the browser finds when it hydrates).
    let tried = expect_context::<Tried>().0;
    let decides = decides();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let tried = tried.await.ok();
                let shown = tried.clone().filter(|t| !t.is_empty());
                let current = tried.and_then(|t| t.decisions.first().map(decision_words));
                view! {
                    {shown.map(|t| view! {
                        <section class="section section--wide" aria-labelledby="tried-title">
                            <h2 id="tried-title">{if t.reopened { Msg("reviews-tried-title-reopened") } else { Msg("reviews-tried-title") }}</h2>
                            <TriedView tried=t/>
                        </section>
                    })}
                    {decides.then(|| view! {
                        <section class="section" aria-labelledby="next-step-title">
                            <h2 id="next-step-title">{Msg("reviews-next-step-title")}</h2>
                            {current.map(|c| view! { <p>{Msg("reviews-current")} " " <strong>{c}</strong></p> })}
                            <p class="field__hint">{Msg("reviews-next-step-hint")}</p>
                            <NextStepForm case_id=case_id meeting_id=None/>
                        </section>
                    })}
                }
            })}
        </Suspense>
    }
}

/// What the agenda's case items come back with, read once for the meeting page.
#[derive(Clone, Copy)]
pub struct MeetingReviews(pub Resource<Result<Vec<ReviewContext>, AppError>>);

/// Made by the meeting page outside its `Suspense`, and given to its items as context.
#[track_caller]
pub fn provide_meeting_reviews(id: Memo<Option<MeetingId>>) {
    let r = page_resource(|| {
        Resource::new(
            move || id.get(),
            |id| async move {
                match id {
                    Some(id) => meeting_reviews(id).await,
                    None => Err(AppError::NotFound),
                }
            },
        )
    });
    provide_context(MeetingReviews(r));
}

/// Beside a case item: the last summary and decisions, the open actions, what was tried, and
/// (for the chair and coordinator) the next-step form.
#[component]
pub fn AgendaItemReview(meeting: MeetingId, item: ItemId, case_id: CaseId) -> impl IntoView {
    let Some(MeetingReviews(reviews)) = use_context::<MeetingReviews>() else {
        return ().into_any();
    };
    let decides = decides();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let found = reviews
                    .await
                    .ok()
                    .and_then(|all| all.into_iter().find(|c| c.item_id == item));
                found.map(|c| view! { <ReviewBeside context=c meeting=meeting decides=decides case_id=case_id/> })
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ReviewBeside(
    context: ReviewContext,
    meeting: MeetingId,
    decides: bool,
    case_id: CaseId,
) -> impl IntoView {
    let ReviewContext {
        last_meeting_unix,
        summary_md,
        decisions_md,
        open_actions,
        tried,
        ..
    } = context;
    let tried = (!tried.is_empty()).then_some(tried);
    let open = if open_actions.is_empty() {
        view! { <p class="muted">{Msg("reviews-no-open-actions")}</p> }.into_any()
    } else {
        view! {
            <h4>{Msg("reviews-open-actions")}</h4>
            <ul class="plain-list review-open-actions">
                {open_actions.into_iter().map(|a| view! {
                    <li data-action=a.id.to_string()>
                        <strong>{a.kind.label()}</strong> " · " {a.owner_agency_name.clone()}
                        " · " {Msg("reviews-due")} " " {crate::time::format_day(a.due_on)} " "
                        <crate::actions::pages::StatusTag status=a.status overdue=a.overdue/>
                        <br/><span>{a.text.clone()}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="agenda__review">
            {last_meeting_unix.map(|at| view! {
                <h4>{Msg("reviews-last-time").with(&[("when", crate::time::format_local(at).into())])}</h4>
                <dl class="summary-list">
                    <div><dt>{Msg("reviews-last-summary")}</dt><dd class="review-summary">{summary_md.clone().unwrap_or_default()}</dd></div>
                    <div><dt>{Msg("reviews-last-decisions")}</dt><dd class="review-decisions">{decisions_md.clone().unwrap_or_default()}</dd></div>
                </dl>
            })}
            {open}
            {tried.map(|t| view! {
                <details class="details">
                    <summary>{if t.reopened { Msg("reviews-tried-title-reopened") } else { Msg("reviews-tried-title") }}</summary>
                    <TriedView tried=t/>
                </details>
            })}
            {decides.then(|| view! {
                <details class="details">
                    <summary>{Msg("reviews-next-step-title")}</summary>
                    <NextStepForm case_id=case_id meeting_id=Some(meeting)/>
                </details>
            })}
        </div>
    }
}
