//! The agencies involved with a case and why; the coordinator and chair may withdraw an
//! involvement that came from research.

use crate::auth::policy::{permits, Action, Resource as Res};
use crate::cases::server_fns::WithdrawResearchInvolvement;
use crate::cases::types::InvolvedAgency;
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::ids::CaseId;
use leptos::prelude::*;

pub mod text {
    use crate::i18n::Msg;

    pub const THROUGH_RESEARCH: Msg = Msg("cases-through-research");
    pub const WITHDRAW: Msg = Msg("cases-withdraw");
    /// "Withdraw { $agency } (involved through research)", for screen readers.
    pub const WITHDRAW_AGENCY: Msg = Msg("cases-withdraw-agency");
}

/// Why an agency is involved (a wire value), as the page says it.
fn reason_text(reason: &str) -> String {
    crate::i18n::Msg(match reason {
        "research" => return text::THROUGH_RESEARCH.text(),
        "referring" => "cases-reason-referring",
        "lead" => "cases-reason-lead",
        "added" => "cases-reason-added",
        "action" => "cases-reason-action",
        other => return other.to_string(),
    })
    .text()
}

#[component]
pub fn AgencyList(id: CaseId, agencies: Vec<InvolvedAgency>) -> impl IntoView {
    let may_withdraw = signed_in_user().is_some_and(|m| {
        permits(
            &m,
            Action::Assign,
            Res::Case {
                involved: false,
                lead: false,
            },
        )
    });
    let list = RwSignal::new(agencies);
    let withdraw = ServerAction::<WithdrawResearchInvolvement>::new();
    let error = action_error(withdraw.value());
    Effect::new(move |_| {
        if let Some(Ok(c)) = withdraw.value().get() {
            list.set(c.agencies);
        }
    });
    view! {
        <crate::components::FieldError error=error name="agency_id"/>
        <ul class="plain-list" data-testid="involved-agencies">
            {move || list.get().into_iter().map(|a| {
                let research = a.reasons.iter().any(|r| r == "research");
                let reasons = a.reasons.iter()
                    .map(|r| reason_text(r))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li>{a.name.clone()} " " <span class="muted">"(" {reasons} ")"</span>
                        {(research && may_withdraw).then(|| view! {
                            " "
                            <ActionForm action=withdraw attr:class="inline-form">
                                <input type="hidden" name="id" value=id.to_string()/>
                                <input type="hidden" name="agency_id" value=a.id.to_string()/>
                                <button type="submit" class="button button--secondary button--small"
                                    aria-label=text::WITHDRAW_AGENCY.with(&[("agency", a.name.clone().into())])>
                                    {text::WITHDRAW}
                                </button>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
