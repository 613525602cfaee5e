//! Slowing down password guessing without letting an attacker lock anyone out.
//!
//! Two brakes: failures are counted per (account, client address) and each further failure
//! from that address waits longer before the next try; and each client address gets a fixed
//! number of attempts a minute whatever the account. A legitimate user elsewhere is never held
//! up by someone else's guessing.

use crate::db::Conn;
use crate::error::AppError;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;

/// Failures allowed before delays start.
const FREE_FAILURES: i64 = 3;
const MAX_DELAY_SECS: i64 = 15 * 60;

/// Seconds to wait after the last failure, for `failures` consecutive failures.
pub fn delay_after(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        0
    } else {
        let exp = (failures - FREE_FAILURES).min(20) as u32;
        (1i64 << exp).min(MAX_DELAY_SECS)
    }
}

fn key(email: &str, addr: IpAddr) -> String {
    let mut h = Sha256::new();
    h.update(email.trim().to_lowercase().as_bytes());
    h.update(b"|");
    h.update(addr.to_string().as_bytes());
    format!("{:x}", h.finalize())
}

/// Refuses the attempt while the delay earned by earlier failures has not passed.
pub async fn check(conn: &mut Conn, email: &str, addr: IpAddr, now: i64) -> Result<(), AppError> {
    let row = super::store::address_failures(conn, &key(email, addr)).await?;
    if let Some((failures, last)) = row {
        let wait_until = last + delay_after(failures);
        if now < wait_until {
            return Err(AppError::RateLimited {
                retry_after_secs: (wait_until - now) as u64,
            });
        }
    }
    Ok(())
}

pub async fn record_failure(
    conn: &mut Conn,
    email: &str,
    addr: IpAddr,
    now: i64,
) -> Result<(), AppError> {
    super::store::count_address_failure(conn, &key(email, addr), now).await
}

pub async fn clear(conn: &mut Conn, email: &str, addr: IpAddr) -> Result<(), AppError> {
    super::store::clear_address_failures(conn, &key(email, addr)).await
}

/// Attempts per client address in the last sixty seconds (a sliding window), kept in memory.
pub struct AddressLimiter {
    per_minute: u32,
    windows: Mutex<HashMap<IpAddr, VecDeque<i64>>>,
}

impl AddressLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt from `addr` at `now`; refuses it when the last minute's budget is spent.
    pub fn attempt(&self, addr: IpAddr, now: i64) -> Result<(), AppError> {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() > 10_000 {
            windows.retain(|_, times| times.back().is_some_and(|t| now - t < 60));
        }
        let times = windows.entry(addr).or_default();
        while times.front().is_some_and(|t| now - t >= 60) {
            times.pop_front();
        }
        if times.len() as u32 >= self.per_minute {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(AppError::RateLimited {
                retry_after_secs: (60 - (now - oldest)).max(1) as u64,
            });
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failures_cost_nothing_then_the_wait_doubles_up_to_a_cap() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(2), 0);
        assert_eq!(delay_after(3), 1);
        assert_eq!(delay_after(4), 2);
        assert_eq!(delay_after(8), 32);
        assert_eq!(delay_after(50), MAX_DELAY_SECS);
    }

    #[test]
    fn an_address_gets_its_budget_per_minute_and_a_new_one_the_next_minute() {
        let l = AddressLimiter::new(2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(l.attempt(a, 120).is_ok());
        assert!(l.attempt(a, 121).is_ok());
        assert!(matches!(
            l.attempt(a, 130),
            Err(AppError::RateLimited {
                retry_after_secs: 50
            })
        ));
        assert!(l.attempt(b, 130).is_ok(), "another address is not affected");
        assert!(l.attempt(a, 180).is_ok());
    }
}
