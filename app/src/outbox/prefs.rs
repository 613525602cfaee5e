//! Each person's choice of how each kind reaches them by email, and the defaults.

use super::store;
use super::types::{Delivery, Preference, PreferencesInput};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::{AppError, Problems};
use crate::notices::types::NoticeKind;
use crate::state::AppState;

/// The kinds the outbox tells, in the order "Your account" lists them.
pub const TOLD: [NoticeKind; 19] = [
    NoticeKind::AgendaPublished,
    NoticeKind::MeetingMoved,
    NoticeKind::MeetingCancelled,
    NoticeKind::ResearchDue,
    NoticeKind::ResearchReminder,
    NoticeKind::ActionAssigned,
    NoticeKind::ActionDueSoon,
    NoticeKind::ActionDueTomorrow,
    NoticeKind::ActionOverdue,
    NoticeKind::ActionEscalated,
    NoticeKind::MinutesCirculated,
    NoticeKind::MinutesDeadline,
    NoticeKind::MinutesApproved,
    NoticeKind::CaseManagerAssigned,
    NoticeKind::CaseResponsibleAssigned,
    NoticeKind::CaseDeadlineTomorrow,
    NoticeKind::CaseReviewPlaced,
    NoticeKind::ReferralMatchPending,
    NoticeKind::AccessAwaitingDecision,
];

/// What cannot wait goes at once; the rest in the daily digest.
pub fn default_for(kind: NoticeKind, urgent: bool) -> Delivery {
    use NoticeKind::*;
    let at_once = matches!(
        kind,
        ActionEscalated
            | MinutesCirculated
            | MeetingMoved
            | MeetingCancelled
            | ResearchReminder
            | CaseDeadlineTomorrow
            | AccessAwaitingDecision
    );
    if urgent || at_once {
        Delivery::Immediate
    } else {
        Delivery::Digest
    }
}

/// Research requests reach an agency's regular representative whatever they chose.
pub fn mandatory(kind: NoticeKind, regular_representative: bool) -> bool {
    regular_representative && matches!(kind, NoticeKind::ResearchDue | NoticeKind::ResearchReminder)
}

/// The delivery of one message: the person's choice, unless the kind is mandatory for them and
/// they chose none.
pub fn decide(
    kind: NoticeKind,
    urgent: bool,
    chosen: Option<Delivery>,
    regular_representative: bool,
) -> Delivery {
    let default = default_for(kind, urgent);
    match chosen {
        Some(Delivery::None) if mandatory(kind, regular_representative) => default,
        Some(d) => d,
        None => default,
    }
}

pub async fn mine(state: &AppState, actor: Option<&Actor>) -> Result<Vec<Preference>, AppError> {
    let actor = authorize(actor, Action::Read, Resource::OwnAccount)?;
    let mut conn = state.db.acquire().await?;
    let (chosen, regular) = store::preferences(&mut conn, actor.user_id).await?;
    Ok(TOLD
        .into_iter()
        .map(|kind| {
            let default = default_for(kind, false);
            let mandatory = mandatory(kind, regular);
            let own = chosen.iter().find(|(k, _)| *k == kind).map(|(_, d)| *d);
            Preference {
                kind,
                label: super::text::kind_label(kind).to_string(),
                delivery: decide(kind, false, own, regular),
                default,
                mandatory,
            }
        })
        .collect())
}

/// Parsed choices: every kind known and told, every delivery known, nothing mandatory
/// turned off. Field names are `choices.<kind>`.
pub fn parse(
    input: &PreferencesInput,
    regular: bool,
) -> Result<Vec<(NoticeKind, Delivery)>, AppError> {
    let mut p = Problems::new();
    let mut out = Vec::new();
    for c in &input.choices {
        let field = format!("choices.{}", c.kind);
        let Some(kind) = NoticeKind::parse(&c.kind).filter(|k| TOLD.contains(k)) else {
            p.add(&field, super::text::UNKNOWN_KIND.to_string());
            continue;
        };
        let Some(delivery) = Delivery::parse(&c.delivery) else {
            p.add(&field, super::text::UNKNOWN_DELIVERY.to_string());
            continue;
        };
        if delivery == Delivery::None && mandatory(kind, regular) {
            p.add(&field, super::text::MANDATORY.to_string());
            continue;
        }
        out.push((kind, delivery));
    }
    p.into_result()?;
    Ok(out)
}

pub async fn set_mine(
    state: &AppState,
    actor: Option<&Actor>,
    input: &PreferencesInput,
) -> Result<Vec<Preference>, AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let (_, regular) = store::preferences(&mut tx, actor.user_id).await?;
    let choices = parse(input, regular)?;
    for (kind, delivery) in &choices {
        store::set_preference(&mut tx, actor.user_id, *kind, *delivery).await?;
    }
    crate::audit::store::record(
        &mut tx,
        crate::audit::store::AuditEvent::new(
            Some(actor.user_id),
            "update",
            "notification_preferences",
        )
        .id(actor.user_id.0)
        .details(serde_json::json!({
            "choices": choices.iter().map(|(k, d)| [k.as_str(), d.as_str()]).collect::<Vec<_>>()
        })),
    )
    .await?;
    tx.commit().await?;
    mine(state, Some(actor)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::types::PreferenceChoice;

    fn input(kind: &str, delivery: &str) -> PreferencesInput {
        PreferencesInput {
            choices: vec![PreferenceChoice {
                kind: kind.into(),
                delivery: delivery.into(),
            }],
        }
    }

    #[test]
    fn an_escalation_goes_at_once_and_an_agenda_in_the_digest_by_default() {
        assert_eq!(
            default_for(NoticeKind::ActionEscalated, false),
            Delivery::Immediate
        );
        assert_eq!(
            default_for(NoticeKind::AgendaPublished, false),
            Delivery::Digest
        );
        assert_eq!(
            default_for(NoticeKind::ActionAssigned, true),
            Delivery::Immediate
        );
    }

    #[test]
    fn a_regular_representative_cannot_turn_research_requests_off() {
        let e = parse(&input("research_due", "none"), true).unwrap_err();
        assert!(format!("{e:?}").contains("choices.research_due"), "{e:?}");
        assert_eq!(
            parse(&input("research_due", "none"), false).unwrap(),
            vec![(NoticeKind::ResearchDue, Delivery::None)]
        );
        // A choice made before they became the representative does not silence it.
        assert_eq!(
            decide(NoticeKind::ResearchDue, false, Some(Delivery::None), true),
            Delivery::Digest
        );
    }

    #[test]
    fn unknown_kinds_and_deliveries_are_refused_by_field() {
        for (k, d) in [
            ("sign_in_locked", "none"),
            ("nonsense", "digest"),
            ("agenda_published", "weekly"),
        ] {
            let e = parse(&input(k, d), false).unwrap_err();
            assert!(format!("{e:?}").contains(&format!("choices.{k}")), "{e:?}");
        }
    }
}
