//! Telling an agency about its actions: when one is assigned, and as its due day comes and
//! goes (within a week, tomorrow, overdue and then weekly). The reminders are written by the
//! scheduler's tick, once each (the outbox's `once` keys), never by someone opening a page.

use super::store;
use super::types::NewAction;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::ActionId;
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;

/// An assignment due within 72 hours cannot wait for tomorrow's digest.
const URGENT_DAYS: u64 = 3;

pub async fn tell_assigned(
    conn: &mut Conn,
    id: ActionId,
    a: &NewAction,
    now: i64,
) -> Result<(), AppError> {
    let mut t = Tell::new(NoticeKind::ActionAssigned, now)
        .action(id)
        .case(a.case_id);
    if a.due_on <= crate::time::Clock::local_day(now) + chrono::Days::new(URGENT_DAYS) {
        t = t.urgent();
    }
    match a.owner_user_id {
        Some(u) => outbox::to_user(conn, u, &t).await,
        None => outbox::to_agency(conn, a.owner_agency_id, &t).await,
    }
}

/// What is due for the open actions on the local day of `now`.
pub async fn run_due(state: &AppState, now: i64) -> Result<(), AppError> {
    let today = crate::time::Clock::local_day(now);
    let mut tx = state.write().await?;
    for d in store::open_due_by(&mut tx, today + chrono::Days::new(7)).await? {
        let (kind, key, notice) = if d.due_on < today {
            let weeks = (today - d.due_on).num_days() / 7;
            (
                NoticeKind::ActionOverdue,
                format!("overdue:{}:{}:{weeks}", d.id.0, d.due_on),
                "overdue",
            )
        } else if d.due_on == today + chrono::Days::new(1) {
            (
                NoticeKind::ActionDueTomorrow,
                format!("due-tomorrow:{}:{}", d.id.0, d.due_on),
                "due_soon",
            )
        } else if d.due_on > today + chrono::Days::new(1) {
            (
                NoticeKind::ActionDueSoon,
                format!("due-soon:{}:{}", d.id.0, d.due_on),
                "due_soon",
            )
        } else {
            // Due today: the within-a-week and tomorrow reminders have said it.
            continue;
        };
        let t = Tell::new(kind, now).action(d.id).case(d.case_id).once(key);
        match d.owner_user_id {
            Some(u) => outbox::to_user(&mut tx, u, &t).await?,
            None => outbox::to_agency(&mut tx, d.owner_agency_id, &t).await?,
        }
        store::notify_agency(&mut tx, d.owner_agency_id, notice, d.id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
