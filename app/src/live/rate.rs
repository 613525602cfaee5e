//! A cap on the changes one live socket sends: a token bucket refilled at `PER_SEC`, so a
//! person clicking quickly is never held up but a script flooding the room is. Changes over the
//! cap are refused (nothing is written); a socket that keeps sending over it is closed, so one
//! connection cannot keep the room's writer busy for everyone else.

use std::time::{Duration, Instant};

/// Changes (and joins, which cost a snapshot) per socket per second, and the burst allowed.
pub const PER_SEC: u32 = 20;
/// Refusals within one second after which the socket is closed.
pub const REFUSALS_TO_CLOSE: u32 = 2 * PER_SEC;

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Go,
    /// Refuse this one; the connection stays.
    Refuse,
    /// Refuse and close the connection.
    Close,
}

pub struct ChangeRate {
    tokens: f64,
    last: Instant,
    refusals: u32,
    refusals_since: Instant,
}

impl ChangeRate {
    pub fn new(now: Instant) -> Self {
        Self {
            tokens: PER_SEC as f64,
            last: now,
            refusals: 0,
            refusals_since: now,
        }
    }

    pub fn take(&mut self, now: Instant) -> Verdict {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * PER_SEC as f64).min(PER_SEC as f64);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return Verdict::Go;
        }
        if now.saturating_duration_since(self.refusals_since) >= Duration::from_secs(1) {
            self.refusals = 0;
            self.refusals_since = now;
        }
        self.refusals += 1;
        if self.refusals >= REFUSALS_TO_CLOSE {
            Verdict::Close
        } else {
            Verdict::Refuse
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_up_to_the_cap_passes_and_the_next_is_refused() {
        let t = Instant::now();
        let mut r = ChangeRate::new(t);
        for _ in 0..PER_SEC {
            assert_eq!(r.take(t), Verdict::Go);
        }
        assert_eq!(r.take(t), Verdict::Refuse);
        // A twentieth of a second buys one more.
        assert_eq!(r.take(t + Duration::from_millis(50)), Verdict::Go);
    }

    #[test]
    fn a_steady_pace_under_the_cap_is_never_refused() {
        let t = Instant::now();
        let mut r = ChangeRate::new(t);
        for i in 0..200u64 {
            assert_eq!(r.take(t + Duration::from_millis(i * 60)), Verdict::Go);
        }
    }

    #[test]
    fn flooding_past_the_cap_ends_in_a_close() {
        let t = Instant::now();
        let mut r = ChangeRate::new(t);
        let verdicts: Vec<Verdict> = (0..PER_SEC + REFUSALS_TO_CLOSE)
            .map(|_| r.take(t))
            .collect();
        assert_eq!(verdicts.last(), Some(&Verdict::Close));
        assert_eq!(
            verdicts.iter().filter(|v| **v == Verdict::Refuse).count() as u32,
            REFUSALS_TO_CLOSE - 1
        );
    }
}
