//! Reviews come back: a case the group asked to see again on or after a day goes under
//! "reviews" on the agenda of the first meeting on or after that day, by itself. Done when
//! the review is set (if that meeting exists) and by the periodic job (for meetings a series
//! creates later). Each review date is placed once (`case_review_placements`).

use super::next_step_store as store;
use crate::db::Conn;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::{CaseId, ItemId, MeetingId, UserId};
use crate::state::AppState;
use chrono::{DateTime, NaiveDate, Utc};

/// The group's local day of an instant (review dates are local days).
pub fn local_day(secs: i64) -> NaiveDate {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| {
            t.with_timezone(&crate::time::Zone::current().0)
                .date_naive()
        })
        .unwrap_or_default()
}

/// The agenda sections up to "reviews", in the agenda's order (the builder's SafeLives order):
/// a review goes after the last of these.
const UP_TO_REVIEWS: [&str; 6] = [
    "confidentiality",
    "previous_minutes",
    "incomplete_actions",
    "new_case_children",
    "new_case",
    "review",
];

/// Where a review item goes: after the last item of its section or an earlier one.
fn review_position(order: &[(ItemId, String)]) -> usize {
    order
        .iter()
        .rposition(|(_, k)| UP_TO_REVIEWS.contains(&k.as_str()))
        .map(|i| i + 1)
        .unwrap_or(0)
}

/// The first meeting not yet held whose local day is on or after `on`: (id, published).
async fn first_meeting_on_or_after(
    conn: &mut Conn,
    on: NaiveDate,
) -> Result<Option<(MeetingId, bool)>, AppError> {
    // A day's start in any zone lies within a day of its UTC midnight.
    let from = crate::time::local_day_start(on) - 24 * 60 * 60;
    Ok(store::meetings_from(conn, from)
        .await?
        .into_iter()
        .find(|(_, starts, _)| local_day(*starts) >= on)
        .map(|(id, _, published)| (id, published)))
}

/// Puts the case's review of `on` on the agenda of the first meeting on or after that day,
/// once. A case already on that agenda (or taken off it by the coordinator) is left as it is.
/// After publication the addition is recorded as an agenda change, and the lead agency is told.
pub async fn place(
    conn: &mut Conn,
    case: CaseId,
    on: NaiveDate,
    by: Option<UserId>,
    minutes: u32,
    now: i64,
) -> Result<Option<MeetingId>, AppError> {
    if store::placed(conn, case, on).await? {
        return Ok(None);
    }
    let Some((meeting, published)) = first_meeting_on_or_after(conn, on).await? else {
        return Ok(None);
    };
    if let Some(item) = store::any_item(conn, meeting, case).await? {
        store::mark_placed(conn, case, on, meeting, item, now).await?;
        return Ok(Some(meeting));
    }
    let item = store::insert_review_item(conn, meeting, case, minutes, now).await?;
    let mut order: Vec<(ItemId, String)> = store::agenda_order(conn, meeting)
        .await?
        .into_iter()
        .filter(|(id, _)| *id != item)
        .collect();
    let at = review_position(&order);
    order.insert(at, (item, "review".into()));
    store::set_order(conn, &order.iter().map(|(i, _)| *i).collect::<Vec<_>>()).await?;
    store::mark_placed(conn, case, on, meeting, item, now).await?;
    let state = store::case_state(conn, case).await?;
    if published {
        let reference = state
            .as_ref()
            .map(|s| s.reference.clone())
            .unwrap_or_default();
        store::note_agenda_change(
            conn,
            meeting,
            by,
            &Msg("reviews-change-placed").with(&[("reference", reference.into())]),
            now,
        )
        .await?;
    }
    if let Some(lead) = state.and_then(|s| s.lead_agency_id) {
        tell_lead(conn, lead, case, meeting, now).await?;
    }
    Ok(Some(meeting))
}

/// The lead agency hears that its case is on the meeting's agenda for review, in the same
/// transaction (the notice names the case by reference only).
async fn tell_lead(
    conn: &mut Conn,
    lead: crate::ids::AgencyId,
    case: CaseId,
    meeting: MeetingId,
    now: i64,
) -> Result<(), AppError> {
    use crate::notices::types::NoticeKind;
    use crate::outbox::service::{self as outbox, Tell};
    let t = Tell::new(NoticeKind::CaseReviewPlaced, now)
        .case(case)
        .meeting(meeting);
    outbox::to_agency(conn, lead, &t).await
}

/// The periodic job: every open case whose review date has not been placed yet goes on the
/// first meeting on or after it, if there is one now. Running it twice changes nothing.
pub async fn run_due(state: &AppState, now: i64) -> Result<(), AppError> {
    let minutes = crate::settings::service::load(state)
        .await?
        .case_item_minutes;
    let mut tx = state.write().await?;
    let mut placed = Vec::new();
    for (case, on) in store::reviews_unplaced(&mut tx).await? {
        let Ok(on) = NaiveDate::parse_from_str(&on, "%Y-%m-%d") else {
            continue;
        };
        if let Some(m) = place(&mut tx, case, on, None, minutes, now).await? {
            placed.push(serde_json::json!({ "case": case.0, "meeting": m.0 }));
        }
    }
    if !placed.is_empty() {
        crate::audit::store::record(
            &mut tx,
            crate::audit::store::AuditEvent::new(None, "place_reviews", "agenda")
                .details(serde_json::json!({ "placed": placed })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_goes_after_the_new_cases_and_before_the_barriers() {
        let order = |kinds: &[&str]| -> Vec<(ItemId, String)> {
            kinds
                .iter()
                .enumerate()
                .map(|(i, k)| (ItemId(i as i64 + 1), k.to_string()))
                .collect()
        };
        let full = order(&[
            "confidentiality",
            "previous_minutes",
            "incomplete_actions",
            "new_case",
            "other",
            "twelve_month_notice",
            "barriers",
            "aob",
        ]);
        assert_eq!(review_position(&full), 4);
        assert_eq!(review_position(&order(&["barriers", "aob"])), 0);
        assert_eq!(
            review_position(&order(&["confidentiality", "review", "barriers"])),
            2
        );
    }
}
