//! Commit moments, from the servers' logs to the tool, on one clock; and the listeners' lower
//! CPU priority.
//!
//! Both servers log the moment each change is committed as a trace event of target
//! `convene::live::committed` (fields `meeting` and `seq`), printed on their standard output by
//! `tracing_subscriber`'s default format (the `convene` binary's, see server/src/cli.rs):
//!
//! ```text
//! 2026-11-27T10:15:42.123456Z TRACE convene::live::committed: live change committed meeting=3 seq=17
//! ```
//!
//! The timestamp is the wall clock (UTC, microseconds) read as the event is formatted. The tool
//! notes arrivals as `Instant`s and turns them into the same wall clock through one pair read at
//! the start: on Linux both clocks are slewed alike by NTP and differ only when the time is
//! stepped, which `Clock::drift_ns` shows.

use convene_app::live::protocol::COMMITTED_TARGET;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The servers' log filter (`CONVENE_LOG`): warnings, and the commit events.
pub fn log_filter() -> String {
    format!("warn,{COMMITTED_TARGET}=trace")
}

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

/// Reads a commit event off a line of a server's log: ((meeting, seq), wall-clock ns). Colour
/// codes are skipped, should the log have them.
pub fn parse(line: &str) -> Option<((i64, i64), u64)> {
    let line = without_ansi(line);
    let (head, fields) = line.split_once(&format!(" {COMMITTED_TARGET}: "))?;
    let at = chrono::DateTime::parse_from_rfc3339(head.split_whitespace().next()?).ok()?;
    let field = |name: &str| -> Option<i64> {
        fields
            .split_whitespace()
            .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))?
            .parse()
            .ok()
    };
    let ns = u64::try_from(at.timestamp_nanos_opt()?).ok()?;
    Some(((field("meeting")?, field("seq")?), ns))
}

/// The line with its ANSI escape sequences (`ESC [ … letter`) taken out.
fn without_ansi(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\x1b') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // The introducer, parameters, then one final byte in @..~.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) && c != '[' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out.into()
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

    /// As the `convene` binary printed it (release build, run by the tool:
    /// `CONVENE_LOG=warn,convene::live::committed=trace`, `NO_COLOR=1`).
    const CAPTURED: &str = "2026-12-03T14:36:52.858145Z TRACE convene::live::committed: live change committed meeting=19 seq=1";

    #[test]
    fn a_line_of_the_servers_log_is_read_back() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T14:36:52.858145Z").unwrap();
        let ns = at.timestamp_nanos_opt().unwrap() as u64;
        assert_eq!(parse(CAPTURED), Some(((19, 1), ns)));
        // Microseconds: the last three digits of the nanoseconds are zero.
        assert_eq!(ns % 1_000, 0);
    }

    #[test]
    fn the_baselines_line_and_a_coloured_one_are_read_alike() {
        let plain = "2026-11-27T10:15:42.123456Z TRACE convene::live::committed: live change committed meeting=3 seq=17";
        let ns = 1_795_774_542_123_456_000;
        assert_eq!(parse(plain), Some(((3, 17), ns)));
        let coloured = "\x1b[2m2026-11-27T10:15:42.123456Z\x1b[0m \x1b[35mTRACE\x1b[0m \x1b[2mconvene::live::committed\x1b[0m\x1b[2m:\x1b[0m live change committed \x1b[3mmeeting\x1b[0m\x1b[2m=\x1b[0m3 \x1b[3mseq\x1b[0m\x1b[2m=\x1b[0m17";
        assert_eq!(parse(coloured), Some(((3, 17), ns)));
    }

    #[test]
    fn other_lines_are_not_commits() {
        // The other lines `convene serve --demo` printed in the same run.
        assert_eq!(
            parse("Demo group: 15 agencies, 10 users, 40 cases and 18 meetings created."),
            None
        );
        assert_eq!(
            parse("2026-12-03T14:36:52.593446Z  WARN convene_server::startup: CONVENE_KEY_FILE is not set: the database, its WAL and backups are NOT encrypted (fine for the demo; see docs/encryption.md)"),
            None
        );
        assert_eq!(parse("LISTENING 127.0.0.1:1"), None);
        assert_eq!(
            parse("2026-11-27T10:15:42.123456Z TRACE convene::live::committed: live change committed meeting=3"),
            None
        );
        assert_eq!(
            parse(
                "yesterday TRACE convene::live::committed: live change committed meeting=3 seq=17"
            ),
            None
        );
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
