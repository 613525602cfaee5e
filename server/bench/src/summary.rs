//! From what the sockets noted to the figures: latencies, throughput, losses, duplicates and
//! memory (printed by `report`).

use crate::client::Run;
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
