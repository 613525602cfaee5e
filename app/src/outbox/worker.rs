//! The outbox's worker: makes each new row a notice, decides its email by the person's choice,
//! sends what is due at once, and each person's daily digest from 07:00 in the group's zone.
//!
//! At most once per recipient: a row is marked `sending` and committed before it is handed to
//! the mail server, and marked `sent` after. A row still `sending` when Convene starts was
//! interrupted mid-hand-over: it is shown to the admin, never sent again by itself.

use super::compose;
use super::mailer::{Mailer, SendError};
use super::prefs;
use super::store::{self, Waiting};
use super::types::{Delivery, OutboxState};
use crate::error::AppError;
use crate::notices::types::NoticeKind;
use crate::state::AppState;
use std::sync::Arc;

/// The hour (local) from which the day's digest goes.
pub const DIGEST_HOUR: u32 = 7;
/// Waits before the attempts after the first (then the row fails).
const BACKOFF: [i64; 4] = [60, 5 * 60, 30 * 60, 2 * 3600];

/// How the worker reaches people: the mail server (if configured) and the address links
/// point to.
#[derive(Clone)]
pub struct Post {
    pub mailer: Option<Arc<Mailer>>,
    pub base_url: String,
}

/// Marks what an earlier run left half-sent; call once at start-up, before the worker runs.
pub async fn recover(state: &AppState) -> Result<u64, AppError> {
    let mut tx = state.write().await?;
    let n = store::interrupt_sending(&mut tx).await?;
    tx.commit().await?;
    if n > 0 {
        tracing::warn!(
            messages = n,
            "outbox: messages interrupted by a stop are waiting for the admin"
        );
    }
    Ok(n)
}

/// One pass at `now`: notices, then immediate messages, then digests.
pub async fn pass(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    make_notices(state, post, now).await?;
    send_due(state, post, now).await?;
    send_digests(state, post, now).await
}

async fn make_notices(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    loop {
        let mut tx = state.write().await?;
        let rows = store::unnoticed(&mut tx, 200).await?;
        if rows.is_empty() {
            return Ok(());
        }
        for w in &rows {
            let Some(kind) = NoticeKind::parse(&w.kind) else {
                // Written by a newer build: leave it for that build.
                store::mark_noticed(
                    &mut tx,
                    w.id,
                    Delivery::None,
                    OutboxState::Skipped,
                    now,
                    None,
                )
                .await?;
                continue;
            };
            // Actions keep their notices in the actions' own list, which shows what was agreed.
            if !is_action(kind) {
                crate::notices::service::from_outbox_in(
                    &mut tx,
                    crate::notices::service::FromOutbox {
                        outbox_id: w.id,
                        user: crate::ids::UserId(w.user_id),
                        kind,
                        case: w.case_id.map(crate::ids::CaseId),
                        meeting: w.meeting_id.map(crate::ids::MeetingId),
                        params: compose::params(w),
                        at: w.created_at,
                    },
                )
                .await?;
            }
            let chosen = w.chosen.as_deref().and_then(Delivery::parse);
            let delivery = prefs::decide(kind, w.urgent, chosen, w.representation == "regular");
            let (state_now, why) = match (delivery, &post.mailer) {
                (Delivery::None, _) => (OutboxState::Skipped, None),
                (_, None) => (OutboxState::Skipped, Some("no_server")),
                _ => (OutboxState::Pending, None),
            };
            store::mark_noticed(&mut tx, w.id, delivery, state_now, now, why).await?;
        }
        tx.commit().await?;
    }
}

pub fn is_action(kind: NoticeKind) -> bool {
    matches!(
        kind,
        NoticeKind::ActionAssigned
            | NoticeKind::ActionDueSoon
            | NoticeKind::ActionDueTomorrow
            | NoticeKind::ActionOverdue
            | NoticeKind::ActionEscalated
    )
}

async fn send_due(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    let Some(mailer) = &post.mailer else {
        return Ok(());
    };
    let due = {
        let mut conn = state.db.acquire().await?;
        store::due_now(&mut conn, now, 100).await?
    };
    for w in due {
        if !claim(state, &[w.id]).await? {
            continue;
        }
        let mail = compose::single(&w, &post.base_url);
        let result = mailer.send(&mail).await;
        settle(state, &[&w], result, now).await?;
    }
    Ok(())
}

async fn send_digests(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    let Some(mailer) = &post.mailer else {
        return Ok(());
    };
    let local = chrono::DateTime::<chrono::Utc>::from_timestamp(now, 0)
        .unwrap_or_default()
        .with_timezone(&crate::time::Zone::group().0);
    if chrono::Timelike::hour(&local) < DIGEST_HOUR {
        return Ok(());
    }
    let today = local.date_naive().format("%Y-%m-%d").to_string();
    // Today's digest holds what came before this morning's hour; the rest waits for tomorrow.
    let cutoff = crate::time::local_instant(
        local
            .date_naive()
            .and_hms_opt(DIGEST_HOUR, 0, 0)
            .unwrap_or_default(),
    )
    .min(now);
    let people = {
        let mut conn = state.db.acquire().await?;
        store::digest_people(&mut conn, cutoff, &today).await?
    };
    for user in people {
        let rows = {
            let mut conn = state.db.acquire().await?;
            store::digest_rows(&mut conn, user, cutoff).await?
        };
        let ids: Vec<i64> = rows.iter().map(|w| w.id).collect();
        if rows.is_empty() || !claim(state, &ids).await? {
            continue;
        }
        let Some(mail) = compose::digest(&rows, &post.base_url) else {
            continue;
        };
        let result = mailer.send(&mail).await;
        let ok = result.is_ok();
        settle(state, &rows.iter().collect::<Vec<_>>(), result, now).await?;
        if ok {
            let mut tx = state.write().await?;
            store::set_digest_day(&mut tx, user, &today).await?;
            tx.commit().await?;
        }
    }
    Ok(())
}

/// Takes every row for sending in one commit, or none of them.
async fn claim(state: &AppState, ids: &[i64]) -> Result<bool, AppError> {
    let mut tx = state.write().await?;
    for id in ids {
        if !store::claim(&mut tx, *id).await? {
            return Ok(false);
        }
    }
    tx.commit().await?;
    Ok(true)
}

async fn settle(
    state: &AppState,
    rows: &[&Waiting],
    result: Result<(), SendError>,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = state.write().await?;
    for w in rows {
        match &result {
            Ok(()) => store::mark_sent(&mut tx, w.id, now).await?,
            Err(e) => {
                // `attempts` was read before this attempt's claim counted it.
                let next = BACKOFF
                    .get(w.attempts as usize)
                    .filter(|_| e.retry)
                    .map(|wait| now + wait);
                tracing::warn!(outbox_id = w.id, retry = next.is_some(), reason = %e.reason, "outbox: an email was not accepted");
                store::mark_unsent(&mut tx, w.id, next, &e.reason).await?;
            }
        }
    }
    tx.commit().await.map_err(AppError::from)
}
