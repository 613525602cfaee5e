//! The per-account brake on password guessing, across all client addresses: someone with many
//! addresses (a botnet, or forged ones) gets past the per-address limits, but not past this.
//! After `FREE_FAILURES` failures within `WINDOW_SECS` each further attempt waits, the wait
//! doubling up to `MAX_WAIT_SECS`; the owner and the admins are told once a window.
//!
//! The wait stays short on purpose: an attacker can hold an account back, but not lock its
//! owner out for long, and a correct password is refused only while the wait lasts.

use crate::audit::store::{record, AuditEvent};
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::UserId;
use crate::notices::service::{self as notices, NewNotice};
use crate::notices::types::NoticeKind;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::OwnedMutexGuard;

pub const WINDOW_SECS: i64 = 15 * 60;
pub const FREE_FAILURES: i64 = 10;
const FIRST_WAIT_SECS: i64 = 30;
pub const MAX_WAIT_SECS: i64 = 5 * 60;

fn key(email: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"account|");
    h.update(email.trim().to_lowercase().as_bytes());
    format!("{:x}", h.finalize())
}

/// Seconds an attempt must wait after the last failure, with `failures` in the window.
pub fn wait_after(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        0
    } else {
        let exp = (failures - FREE_FAILURES).min(10) as u32;
        (FIRST_WAIT_SECS << exp).min(MAX_WAIT_SECS)
    }
}

async fn recent(conn: &mut Conn, account: &str, now: i64) -> Result<(i64, i64), AppError> {
    let (count, last) = super::store::account_failures(conn, account, now - WINDOW_SECS).await?;
    Ok((count, last.unwrap_or(0)))
}

/// Refuses the attempt while the account's wait has not passed, whoever makes it.
pub async fn check(conn: &mut Conn, email: &str, now: i64) -> Result<(), AppError> {
    let (failures, last) = recent(conn, &key(email), now).await?;
    let until = last + wait_after(failures);
    if failures >= FREE_FAILURES && now < until {
        return Err(AppError::RateLimited {
            retry_after_secs: (until - now) as u64,
        });
    }
    Ok(())
}

/// Counts a failure against the account (`user`, when the email has one). When this failure
/// starts the wait and nobody was told within the window, tells the owner and the admins, in
/// the caller's transaction.
pub async fn record_failure(
    conn: &mut Conn,
    email: &str,
    user: Option<UserId>,
    now: i64,
) -> Result<(), AppError> {
    let account = key(email);
    super::store::count_account_failure(conn, &account, now - WINDOW_SECS, now).await?;
    let (failures, _) = recent(conn, &account, now).await?;
    let Some(user) = user.filter(|_| failures >= FREE_FAILURES) else {
        return Ok(());
    };
    let told = super::store::claim_lock_notice(conn, &account, now, now - WINDOW_SECS).await?;
    if !told {
        return Ok(());
    }
    notices::to_user(conn, user, &NewNotice::new(NoticeKind::SignInLocked, now)).await?;
    let for_admins = NewNotice::new(NoticeKind::AccountSignInLocked, now)
        .params(serde_json::json!({ "user_id": user }));
    notices::to_roles(conn, &[Role::Admin], &for_admins).await?;
    record(
        conn,
        AuditEvent::new(None, "sign_in_held_back", "user")
            .id(user)
            .details(serde_json::json!({ "failures": failures, "window_secs": WINDOW_SECS })),
    )
    .await?;
    Ok(())
}

/// One password check at a time per account. Without it a thousand guesses sent at once would
/// all pass `check` before the first failure is recorded.
#[derive(Default)]
pub struct OneAtATime(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl OneAtATime {
    /// Waits for the account's turn; the turn lasts as long as the guard.
    pub async fn turn(&self, email: &str) -> OwnedMutexGuard<()> {
        let lock = {
            let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if map.len() > 10_000 {
                map.retain(|_, l| Arc::strong_count(l) > 1);
            }
            map.entry(key(email)).or_default().clone()
        };
        lock.lock_owned().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_failures_are_free_then_each_attempt_waits_longer_up_to_a_cap() {
        assert_eq!(wait_after(0), 0);
        assert_eq!(wait_after(FREE_FAILURES - 1), 0);
        assert_eq!(wait_after(FREE_FAILURES), 30);
        assert_eq!(wait_after(FREE_FAILURES + 1), 60);
        assert_eq!(wait_after(FREE_FAILURES + 50), MAX_WAIT_SECS);
    }

    #[tokio::test]
    async fn a_second_check_on_the_same_account_waits_for_the_first() {
        let turns = OneAtATime::default();
        let first = turns.turn("chair@demo.test").await;
        let other = tokio::time::timeout(
            std::time::Duration::from_millis(50),
            turns.turn("police@demo.test"),
        )
        .await;
        assert!(other.is_ok(), "another account does not wait");
        let same = tokio::time::timeout(
            std::time::Duration::from_millis(50),
            turns.turn("Chair@Demo.Test"),
        )
        .await;
        assert!(same.is_err(), "the same account waits");
        drop(first);
        assert!(tokio::time::timeout(
            std::time::Duration::from_millis(50),
            turns.turn("chair@demo.test")
        )
        .await
        .is_ok());
    }

    #[test]
    fn the_account_is_the_email_whatever_its_case_or_spaces() {
        assert_eq!(key(" Chair@Demo.Test "), key("chair@demo.test"));
        assert_ne!(key("chair@demo.test"), key("police@demo.test"));
    }
}
