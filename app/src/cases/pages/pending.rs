//! The coordinator's and chair's list of referrals held as possible matches, on the home
//! page: the pair of references, to confirm (the same person: merge) or reject.

use crate::auth::policy::{permits, Action, Resource as Res};
use crate::cases::matching::server_fns::{pending_matches, DecideMatch};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use leptos::prelude::*;
use leptos_router::components::A;

pub mod text {
    use crate::i18n::Msg;

    pub const TITLE: Msg = Msg("cases-match-title");
    pub const INTRO: Msg = Msg("cases-match-intro");
    pub const NONE: Msg = Msg("cases-match-none");
    pub const MAY_BE: Msg = Msg("cases-match-may-be");
    pub const CONFIRM: Msg = Msg("cases-match-confirm");
    pub const REJECT: Msg = Msg("cases-match-reject");
    /// "…now belongs to { $reference }."
    pub const CONFIRMED: Msg = Msg("cases-match-confirmed");
    /// "Kept apart: { $reference }."
    pub const REJECTED: Msg = Msg("cases-match-rejected");
}

/// Shown only to those who may decide matches.
#[component]
pub fn PendingMatches() -> impl IntoView {
    let may = signed_in_user().is_some_and(|m| permits(&m, Action::Assign, Res::Cases));
    may.then(|| view! { <PendingList/> })
}

#[component]
fn PendingList() -> impl IntoView {
    let decide = ServerAction::<DecideMatch>::new();
    let error = action_error(decide.value());
    // Read again after each decision.
    let matches = page_resource(|| {
        Resource::new(
            move || decide.version().get(),
            |_| async move { pending_matches().await.unwrap_or_default() },
        )
    });
    view! {
        <section class="card card--wide" aria-labelledby="pending-matches" data-testid="pending-matches">
            <h2 id="pending-matches">{text::TITLE}</h2>
            <p class="muted">{text::INTRO}</p>
            <crate::components::FieldError error=error name="decision"/>
            {move || decide.value().get().and_then(|r| r.ok()).map(|d| view! {
                <p class="notice notice--success" role="status">{match d.decision {
                    crate::cases::matching::types::Decision::Confirm => text::CONFIRMED.with(&[("reference", d.reference.clone().into())]),
                    crate::cases::matching::types::Decision::Reject => text::REJECTED.with(&[("reference", d.reference.clone().into())]),
                }}</p>
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = matches.await;
                    if list.is_empty() {
                        return view! { <p class="muted">{text::NONE}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|m| view! {
                                <li data-testid="pending-match">
                                    <A href=format!("/cases/{}", m.case_id)>{m.case_reference.clone()}</A>
                                    {m.referring_agency_name.clone().map(|a| format!(" ({a})"))}
                                    " " {text::MAY_BE} " "
                                    <A href=format!("/cases/{}", m.matched_case_id)>{m.matched_reference.clone()}</A>
                                    " "
                                    <ActionForm action=decide attr:class="inline-form">
                                        <input type="hidden" name="id" value=m.id.to_string()/>
                                        <input type="hidden" name="decision" value="confirm"/>
                                        <button type="submit" class="button button--small">{text::CONFIRM}</button>
                                    </ActionForm>
                                    " "
                                    <ActionForm action=decide attr:class="inline-form">
                                        <input type="hidden" name="id" value=m.id.to_string()/>
                                        <input type="hidden" name="decision" value="reject"/>
                                        <button type="submit" class="button button--secondary button--small">{text::REJECT}</button>
                                    </ActionForm>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
