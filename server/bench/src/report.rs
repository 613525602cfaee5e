//! From what the sockets noted to the figures: latencies, throughput, losses, duplicates and
//! memory, printed as one table with the live server beside the baseline.

use crate::client::Run;
use crate::Args;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// Percentiles in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Pct {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

fn percentiles(mut v: Vec<Duration>) -> Option<Pct> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let at = |q: f64| {
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
        v[rank - 1].as_secs_f64() * 1000.0
    };
    Some(Pct {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: at(1.0),
    })
}

pub struct Summary {
    pub sockets: usize,
    pub changes_sent: usize,
    pub acked: usize,
    pub refused: Vec<String>,
    pub failed: Vec<String>,
    /// Numbered messages received after the join's snapshot.
    pub deliveries: usize,
    /// Deliveries whose change was not sent by this tool (none expected).
    pub unmatched: usize,
    /// Commit → receipt on every socket (the commit moment from the server's log).
    pub committed: Option<Pct>,
    /// Commit → acknowledgement.
    pub committed_ack: Option<Pct>,
    /// Deliveries and acknowledgements whose commit moment the server did not report (none
    /// expected), and those that seemed to arrive before it (clock trouble; none expected).
    pub no_commit: usize,
    pub before_commit: usize,
    /// How far the tool's two clocks moved apart during the run (ms).
    pub drift_ms: f64,
    /// Send → receipt on every socket.
    pub latency: Option<Pct>,
    /// Receipt less the first receipt of the same change on any socket: the fan-out spread.
    pub spread: Option<Pct>,
    /// Send → acknowledgement.
    pub ack: Option<Pct>,
    pub deliveries_per_sec: f64,
    pub changes_per_sec: f64,
    pub lost: usize,
    pub duplicates: usize,
    /// Snapshots sent to catch a socket up, and the numbers they stood in for.
    pub resyncs: usize,
    pub covered: usize,
    pub mean_bytes: f64,
    pub connect_secs: f64,
    pub server_idle: Option<(u64, u64)>,
    pub server_end: Option<(u64, u64)>,
    pub client_end: Option<(u64, u64)>,
    pub fsync: Option<Pct>,
    pub cpu: Option<(f64, f64, f64)>,
    /// With `--slow-ms`: the probe's slow flushes, as `slow`.
    pub slow_fsync: Vec<(f64, f64)>,
    /// With `--slow-ms`: deliveries slower than that, on senders' and listeners' sockets, and
    /// the first few (seconds into the traffic when sent, milliseconds to the arrival).
    pub slow_deliveries: (usize, usize, Vec<(f64, f64)>),
    /// With `--slow-ms`: (seconds into the traffic when sent, milliseconds to the ack).
    pub slow: Vec<(f64, f64)>,
}

impl Summary {
    /// Nothing lost, duplicated, refused or failed, and every change acknowledged.
    pub fn clean(&self) -> bool {
        self.lost == 0
            && self.duplicates == 0
            && self.refused.is_empty()
            && self.failed.is_empty()
            && self.acked == self.changes_sent
    }
}

/// Arrival less commit, for each (meeting index, seq, arrival).
fn since_commit<'a>(
    run: &Run,
    commits: &HashMap<(i64, i64), u64>,
    arrivals: impl Iterator<Item = (usize, i64, &'a Instant)>,
) -> (Vec<Duration>, usize, usize) {
    let (mut took, mut unknown, mut early) = (Vec::new(), 0, 0);
    for (meeting, seq, at) in arrivals {
        let Some(&c) = commits.get(&(run.server_ids[meeting], seq)) else {
            unknown += 1;
            continue;
        };
        let a = run.clock.ns(*at);
        if a < c {
            early += 1;
        }
        took.push(Duration::from_nanos(a.saturating_sub(c)));
    }
    (took, unknown, early)
}

pub fn summarize(run: &Run, commits: &HashMap<(i64, i64), u64>, slow_ms: Option<f64>) -> Summary {
    let (committed, unknown, early) = since_commit(
        run,
        commits,
        run.records
            .iter()
            .flat_map(|r| r.received.iter().map(|(s, at)| (r.meeting, *s, at))),
    );
    let (committed_ack, unknown_acks, early_acks) = since_commit(
        run,
        commits,
        run.records
            .iter()
            .flat_map(|r| r.acks.iter().map(|(_, s, at)| (r.meeting, *s, at))),
    );
    // When each numbered change was sent, through its key and acknowledgement.
    let mut sent_at: HashMap<(usize, &str), Instant> = HashMap::new();
    for r in &run.records {
        for (key, at) in &r.sent {
            sent_at.insert((r.meeting, key.as_str()), *at);
        }
    }
    let mut seq_sent: HashMap<(usize, i64), Instant> = HashMap::new();
    let mut acks = Vec::new();
    let mut slow = Vec::new();
    let mut last_ack = run.traffic_start;
    for r in &run.records {
        for (key, seq, at) in &r.acks {
            if let Some(s) = sent_at.get(&(r.meeting, key.as_str())) {
                seq_sent.insert((r.meeting, *seq), *s);
                let took = at.saturating_duration_since(*s);
                if slow_ms.is_some_and(|limit| took.as_secs_f64() * 1000.0 > limit) {
                    slow.push((
                        s.saturating_duration_since(run.traffic_start).as_secs_f64(),
                        took.as_secs_f64() * 1000.0,
                    ));
                }
                acks.push(took);
            }
            last_ack = last_ack.max(*at);
        }
    }
    let mut first_receipt: HashMap<(usize, i64), Instant> = HashMap::new();
    for r in &run.records {
        for (seq, at) in &r.received {
            first_receipt
                .entry((r.meeting, *seq))
                .and_modify(|f| *f = (*f).min(*at))
                .or_insert(*at);
        }
    }
    let (mut latency, mut spread) = (Vec::new(), Vec::new());
    let mut slow_deliveries = (0, 0, Vec::new());
    let (mut deliveries, mut unmatched, mut bytes) = (0, 0, 0);
    let mut last_receipt = run.traffic_start;
    let (mut lost, mut duplicates, mut resyncs, mut covered) = (0, 0, 0, 0);
    for r in &run.records {
        deliveries += r.received.len();
        bytes += r.bytes;
        duplicates += r.duplicates;
        resyncs += r.resyncs.len();
        for (seq, at) in &r.received {
            last_receipt = last_receipt.max(*at);
            match seq_sent.get(&(r.meeting, *seq)) {
                Some(s) => {
                    let took = at.saturating_duration_since(*s);
                    if slow_ms.is_some_and(|limit| took.as_secs_f64() * 1000.0 > limit) {
                        match r.sender {
                            true => slow_deliveries.0 += 1,
                            false => slow_deliveries.1 += 1,
                        }
                        slow_deliveries.2.push((
                            s.saturating_duration_since(run.traffic_start).as_secs_f64(),
                            took.as_secs_f64() * 1000.0,
                        ));
                    }
                    latency.push(took)
                }
                None => unmatched += 1,
            }
            if let Some(f) = first_receipt.get(&(r.meeting, *seq)) {
                spread.push(at.saturating_duration_since(*f));
            }
        }
        let Some(first) = r.first_snapshot else {
            continue;
        };
        let caught_up_to = r.resyncs.iter().copied().fold(first, i64::max);
        let got: HashSet<i64> = r.received.iter().map(|(s, _)| *s).collect();
        let last = run.final_seq[r.meeting];
        lost += (caught_up_to + 1..=last)
            .filter(|s| !got.contains(s))
            .count();
        covered += (first + 1..=caught_up_to.min(last))
            .filter(|s| !got.contains(s))
            .count();
    }
    let secs = |t: Instant| {
        t.saturating_duration_since(run.traffic_start)
            .as_secs_f64()
            .max(1e-9)
    };
    Summary {
        sockets: run.records.len(),
        changes_sent: run.changes_sent,
        acked: acks.len(),
        refused: run
            .records
            .iter()
            .flat_map(|r| r.refused.iter().cloned())
            .collect(),
        failed: run
            .records
            .iter()
            .filter_map(|r| r.failed.clone())
            .collect(),
        deliveries,
        unmatched,
        committed: percentiles(committed),
        committed_ack: percentiles(committed_ack),
        no_commit: unknown + unknown_acks,
        before_commit: early + early_acks,
        drift_ms: run.clock.drift_ns() as f64 / 1e6,
        latency: percentiles(latency),
        spread: percentiles(spread),
        ack: percentiles(acks),
        deliveries_per_sec: deliveries as f64 / secs(last_receipt),
        changes_per_sec: run.changes_sent as f64 / secs(last_ack),
        lost,
        duplicates,
        resyncs,
        covered,
        mean_bytes: if deliveries > 0 {
            bytes as f64 / deliveries as f64
        } else {
            0.0
        },
        connect_secs: run.connect_time.as_secs_f64(),
        server_idle: run.server_idle,
        server_end: run.server_end,
        client_end: run.client_end,
        cpu: run.cpu,
        fsync: percentiles(run.fsync.iter().map(|(_, d)| *d).collect()),
        slow_fsync: run
            .fsync
            .iter()
            .filter(|(_, d)| slow_ms.is_some_and(|limit| d.as_secs_f64() * 1000.0 > limit))
            .map(|(at, d)| {
                (
                    at.saturating_duration_since(run.traffic_start)
                        .as_secs_f64(),
                    d.as_secs_f64() * 1000.0,
                )
            })
            .collect(),
        slow: {
            slow.sort_by(|a, b| a.0.total_cmp(&b.0));
            slow
        },
        slow_deliveries: {
            slow_deliveries.2.sort_by(|a, b| a.0.total_cmp(&b.0));
            slow_deliveries.2.truncate(20);
            slow_deliveries
        },
    }
}

/// One line of the table: live, baseline and, when asked, their ratio.
fn print_row(label: &str, l: Option<f64>, b: Option<f64>, fmt: fn(f64) -> String, ratio: bool) {
    let show = |v: Option<f64>| v.map(fmt).unwrap_or_else(|| "—".into());
    let r = match (ratio, l, b) {
        (true, Some(l), Some(b)) if b > 0.0 => format!("{:.2}×", l / b),
        _ => String::new(),
    };
    println!("{label:<40} {:>12} {:>12} {r:>14}", show(l), show(b));
}

fn ms(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

fn mb(v: Option<(u64, u64)>, peak: bool) -> Option<f64> {
    v.map(|(rss, hwm)| (if peak { hwm } else { rss }) as f64 / (1024.0 * 1024.0))
}

/// Prints the table and the reading against the targets; returns whether the run was clean.
pub fn print(args: &Args, live: Option<&Summary>, base: Option<&Summary>) -> bool {
    println!();
    println!(
        "Live socket load: {} sockets = {} meeting(s) × {}; {} changes per meeting at {}/s per meeting \
         (1 chair + {} contributors per meeting; contribution text {} B)",
        args.sockets(),
        args.meetings,
        args.per_meeting,
        args.changes,
        args.rate,
        args.contributors,
        args.body_bytes
    );
    println!();
    println!(
        "{:<40} {:>12} {:>12} {:>14}",
        "", "live", "baseline", "live/baseline"
    );
    type Get = fn(&Summary) -> Option<f64>;
    let row = |label: &str, get: Get, fmt: fn(f64) -> String, ratio: bool| {
        print_row(label, live.and_then(get), base.and_then(get), fmt, ratio);
    };
    let int = |v: f64| format!("{v:.0}");
    let one = |v: f64| format!("{v:.1}");
    row("sockets", |s| Some(s.sockets as f64), int, false);
    row("all joined in (s)", |s| Some(s.connect_secs), one, false);
    row("changes sent", |s| Some(s.changes_sent as f64), int, false);
    row("changes acknowledged", |s| Some(s.acked as f64), int, false);
    row("changes/s", |s| Some(s.changes_per_sec), one, true);
    row(
        "deliveries (numbered messages)",
        |s| Some(s.deliveries as f64),
        int,
        false,
    );
    row("deliveries/s", |s| Some(s.deliveries_per_sec), int, true);
    row("message size (B, mean)", |s| Some(s.mean_bytes), int, false);
    // Latencies: (measure, its percentiles, which of them to show).
    type GetPct = fn(&Summary) -> Option<Pct>;
    let latencies: [(&str, GetPct, &[&str]); 5] = [
        (
            "commit → receipt",
            |s| s.committed,
            &["p50", "p95", "p99", "max"],
        ),
        (
            "commit → ack",
            |s| s.committed_ack,
            &["p50", "p95", "p99", "max"],
        ),
        (
            "send → receipt",
            |s| s.latency,
            &["p50", "p95", "p99", "max"],
        ),
        ("fan-out spread", |s| s.spread, &["p50", "p99"]),
        ("send → ack", |s| s.ack, &["p50", "p99", "max"]),
    ];
    for (measure, get, which) in latencies {
        for q in which {
            let pick = |s: Option<&Summary>| {
                s.and_then(get).map(|p| match *q {
                    "p50" => p.p50,
                    "p95" => p.p95,
                    "p99" => p.p99,
                    _ => p.max,
                })
            };
            print_row(
                &format!("{measure} {q} (ms)"),
                pick(live),
                pick(base),
                ms,
                true,
            );
        }
    }
    row("lost", |s| Some(s.lost as f64), int, false);
    row("duplicated", |s| Some(s.duplicates as f64), int, false);
    row("resync snapshots", |s| Some(s.resyncs as f64), int, false);
    row(
        "  numbers they stood in for",
        |s| Some(s.covered as f64),
        int,
        false,
    );
    row(
        "deliveries without a known send",
        |s| Some(s.unmatched as f64),
        int,
        false,
    );
    row(
        "messages without a commit moment",
        |s| Some(s.no_commit as f64),
        int,
        false,
    );
    row(
        "  arriving before it (clock trouble)",
        |s| Some(s.before_commit as f64),
        int,
        false,
    );
    row(
        "clock drift over the run (ms)",
        |s| Some(s.drift_ms),
        ms,
        false,
    );
    row(
        "refused changes",
        |s| Some(s.refused.len() as f64),
        int,
        false,
    );
    row(
        "failed sockets",
        |s| Some(s.failed.len() as f64),
        int,
        false,
    );
    row(
        "server RSS, all joined (MB)",
        |s| mb(s.server_idle, false),
        one,
        true,
    );
    row(
        "server RSS, after traffic (MB)",
        |s| mb(s.server_end, false),
        one,
        true,
    );
    row(
        "server peak RSS (MB)",
        |s| mb(s.server_end, true),
        one,
        true,
    );
    row(
        "load tool RSS, after traffic (MB)",
        |s| mb(s.client_end, false),
        one,
        false,
    );
    row(
        "machine CPU busy, all cores (%)",
        |s| s.cpu.map(|c| c.0),
        one,
        false,
    );
    row(
        "machine CPU stolen by the host (%)",
        |s| s.cpu.map(|c| c.1),
        one,
        false,
    );
    row(
        "machine CPU waiting for the disk (%)",
        |s| s.cpu.map(|c| c.2),
        one,
        false,
    );
    row(
        "disk: 4 KiB write + fsync p50 (ms)",
        |s| s.fsync.map(|p| p.p50),
        ms,
        false,
    );
    row(
        "disk: 4 KiB write + fsync p99 (ms)",
        |s| s.fsync.map(|p| p.p99),
        ms,
        false,
    );
    row(
        "disk: 4 KiB write + fsync max (ms)",
        |s| s.fsync.map(|p| p.max),
        ms,
        false,
    );

    for (name, s) in [("live", live), ("baseline", base)] {
        let Some(s) = s else { continue };
        for r in s.refused.iter().take(3) {
            println!("{name}: refused: {r}");
        }
        for f in s.failed.iter().take(3) {
            println!("{name}: failed: {f}");
        }
        if let Some(limit) = args.slow_ms {
            let (on_senders, on_listeners, first) = &s.slow_deliveries;
            if first.is_empty() {
                println!("{name}: no deliveries took more than {limit} ms");
            } else {
                println!(
                    "{name}: {} deliveries took more than {limit} ms ({on_senders} on senders' \
                     sockets, {on_listeners} on listeners'); the first sent at (s into the \
                     traffic): {}",
                    on_senders + on_listeners,
                    first
                        .iter()
                        .map(|(at, took)| format!("{at:.2} s ({took:.0} ms)"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for (what, list) in [
                ("changes acknowledged", &s.slow),
                ("disk probe flushes", &s.slow_fsync),
            ] {
                if list.is_empty() {
                    println!("{name}: no {what} took more than {limit} ms");
                    continue;
                }
                let shown: Vec<String> = list
                    .iter()
                    .map(|(at, took)| format!("{at:.2} s ({took:.0} ms)"))
                    .collect();
                println!(
                    "{name}: {} {what} took more than {limit} ms; they started at (s into the traffic): {}",
                    list.len(),
                    shown.join(", ")
                );
            }
        }
    }

    println!();
    println!(
        "commit → receipt: from the moment the server committed the change (Convene: its \
         transaction committed; the baseline: the change numbered) to its arrival on each \
         socket; commit → ack: to the sender's acknowledgement. send → receipt and send → ack \
         start when the change left its sender instead (so they include the transaction). \
         fan-out spread: arrival less the first arrival of the same change on any socket."
    );
    println!();
    println!("Targets (ratios to the baseline of this run):");
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    if let (Some(l), Some(b)) = (live, base) {
        if let (Some(lp), Some(bp)) = (l.committed, b.committed) {
            let ratio = lp.p99 / bp.p99;
            println!(
                "  commit → receipt p99 within 1.5× baseline: {} / {} ms = {ratio:.2}× — {}",
                ms(lp.p99),
                ms(bp.p99),
                verdict(ratio <= 1.5)
            );
        }
    }
    if let Some(a) = live.and_then(|l| l.committed_ack) {
        println!(
            "  commit → ack p99 ≤ 10 ms: {} ms — {}",
            ms(a.p99),
            verdict(a.p99 <= 10.0)
        );
    }
    let mut clean = true;
    for (name, s) in [("live", live), ("baseline", base)] {
        let Some(s) = s else { continue };
        println!(
            "  {name}: {} lost, {} duplicated — {}",
            s.lost,
            s.duplicates,
            verdict(s.lost == 0 && s.duplicates == 0)
        );
        clean &= s.clean();
    }
    if !clean {
        println!(
            "  NOT CLEAN: messages lost or duplicated, or changes refused, unanswered or failed"
        );
    }
    clean
}
