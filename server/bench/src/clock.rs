//! Commit moments, from the server children to the tool, on one clock; and the listeners'
//! lower CPU priority.
//!
//! A server child logs the moment each change is committed (Convene's `live change committed`
//! trace event, the baseline's own) and prints it on its standard output as
//! `COMMITTED <meeting> <seq> <nanoseconds since the Unix epoch>`. The tool notes arrivals as
//! `Instant`s and turns them into the same wall clock through one pair read at the start: on
//! Linux both clocks are slewed alike by NTP and differ only when the time is stepped, which
//! `Clock::drift_ns` shows.

use std::collections::HashMap;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use tracing::field::{Field, Visit};
use tracing::Subscriber;
use tracing_subscriber::layer::Context;
use tracing_subscriber::Layer;

/// (meeting as the server numbers it, seq) → when it was committed (wall clock, ns).
pub type Commits = Arc<Mutex<HashMap<(i64, i64), u64>>>;

pub fn wall_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Turns the tool's `Instant`s into wall-clock nanoseconds.
#[derive(Clone, Copy)]
pub struct Clock {
    at: Instant,
    ns: u64,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            at: Instant::now(),
            ns: wall_ns(),
        }
    }

    pub fn ns(&self, t: Instant) -> u64 {
        match t.checked_duration_since(self.at) {
            Some(d) => self.ns + d.as_nanos() as u64,
            None => self.ns - (self.at - t).as_nanos() as u64,
        }
    }

    /// How far the two clocks have moved apart since the start (0 unless the time was
    /// stepped or slewed differently).
    pub fn drift_ns(&self) -> i64 {
        let now = Clock::start();
        now.ns as i64 - self.ns(now.at) as i64
    }
}

/// Parses a child's `COMMITTED` line.
pub fn parse(line: &str) -> Option<((i64, i64), u64)> {
    let mut parts = line.strip_prefix("COMMITTED ")?.split_whitespace();
    let meeting = parts.next()?.parse().ok()?;
    let seq = parts.next()?.parse().ok()?;
    let ns = parts.next()?.parse().ok()?;
    Some(((meeting, seq), ns))
}

/// In a server child: a tracing layer that takes the moment of each commit event and hands it
/// to a thread that prints it, so the server does no I/O for it.
pub struct CommitLog(mpsc::Sender<(i64, i64, u64)>);

impl CommitLog {
    pub fn start() -> CommitLog {
        let (tx, rx) = mpsc::channel::<(i64, i64, u64)>();
        std::thread::spawn(move || {
            use std::io::Write;
            let stdout = std::io::stdout();
            while let Ok(first) = rx.recv() {
                let mut out = stdout.lock();
                for (m, s, ns) in std::iter::once(first).chain(rx.try_iter()) {
                    let _ = writeln!(out, "COMMITTED {m} {s} {ns}");
                }
                let _ = out.flush();
            }
        });
        CommitLog(tx)
    }
}

#[derive(Default)]
struct Fields {
    meeting: Option<i64>,
    seq: Option<i64>,
}

impl Visit for Fields {
    fn record_i64(&mut self, field: &Field, value: i64) {
        match field.name() {
            "meeting" => self.meeting = Some(value),
            "seq" => self.seq = Some(value),
            _ => {}
        }
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.record_i64(field, value as i64);
    }

    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}

impl<S: Subscriber> Layer<S> for CommitLog {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let at = wall_ns();
        let mut f = Fields::default();
        event.record(&mut f);
        if let (Some(m), Some(s)) = (f.meeting, f.seq) {
            let _ = self.0.send((m, s, at));
        }
    }
}

/// Lowers the calling thread's CPU priority to `nice` (Linux: per thread).
pub fn lower_priority(nice: i32) {
    if nice == 0 {
        return;
    }
    // SAFETY: plain system calls on the calling thread, no pointers involved.
    let failed = unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, nice) != 0
    };
    if failed {
        eprintln!(
            "live_load: could not lower a thread's priority: {}",
            std::io::Error::last_os_error()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_line_is_read_back() {
        assert_eq!(parse("COMMITTED 7 42 1000"), Some(((7, 42), 1000)));
        assert_eq!(parse("COMMITTED 7 x 1000"), None);
        assert_eq!(parse("LISTENING 127.0.0.1:1"), None);
    }

    #[test]
    fn an_instant_turns_into_the_wall_clock_it_was_read_at() {
        let clock = Clock::start();
        let later = Instant::now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let (later_ns, wall) = (clock.ns(later), wall_ns());
        // `later` was read ~20 ms before `wall`, and after the clock's start.
        let gap = wall.abs_diff(later_ns);
        assert!(later_ns >= clock.ns, "{later_ns} < {}", clock.ns);
        assert!((19_000_000..40_000_000).contains(&gap), "{gap} ns");
    }
}
