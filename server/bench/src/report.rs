//! The figures printed as one table with the live server beside the baseline, and read
//! against the targets.

use crate::summary::{Pct, Summary};
use crate::Args;

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
