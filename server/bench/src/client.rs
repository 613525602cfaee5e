//! A phase's clients: one tokio-tungstenite socket per planned seat (`socket`), a driver per
//! meeting sending its changes at a steady rate (`traffic`), and what every socket noted.

use crate::plan::{Plan, Role};
use crate::socket::{request, socket, End, Progress, SocketRecord};
use crate::traffic::{drive, hold_write_lock, FsyncProbe};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch, Semaphore};

/// After the last change is sent: how long to wait for the answers, then for every socket to
/// receive the last number.
const ANSWERS_WITHIN: Duration = Duration::from_secs(60);
const DELIVERED_WITHIN: Duration = Duration::from_secs(60);

/// Everything one phase produced.
pub struct Run {
    pub records: Vec<SocketRecord>,
    /// Per meeting: the number of the last change acknowledged.
    pub final_seq: Vec<i64>,
    pub changes_sent: usize,
    pub connect_time: Duration,
    pub traffic_start: Instant,
    /// Per meeting: its number on the server.
    pub server_ids: Vec<i64>,
    /// Turns the arrivals' `Instant`s into the wall clock of the server's commit log.
    pub clock: crate::clock::Clock,
    /// Server memory (resident, peak resident) with every socket open before the traffic,
    /// and after it.
    pub server_idle: Option<(u64, u64)>,
    pub server_end: Option<(u64, u64)>,
    pub client_end: Option<(u64, u64)>,
    /// How long a 4 KiB write + fsync took in the temporary folder during the traffic, every
    /// 20 ms: the disk's share of a commit's time, apart from the server.
    pub fsync: Vec<(Instant, Duration)>,
    /// The machine's CPU during the traffic, in % of all cores: busy, stolen by the
    /// hypervisor, waiting for the disk.
    pub cpu: Option<(f64, f64, f64)>,
}

pub async fn run(plan: &Plan, server_pid: u32, name: &'static str) -> Result<Run, String> {
    // With `--senders-apart`, the people who act (chairs, contributors) get a runtime of their
    // own, as they would have a device of their own: an acknowledgement is then not read late
    // because this process is busy reading everyone else's copy of the previous event.
    let apart = if !plan.senders_apart {
        None
    } else {
        Some(
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("senders")
                .enable_all()
                .build()
                .map_err(|e| format!("senders' runtime: {e}"))?,
        )
    };
    let senders = apart
        .as_ref()
        .map(|r| r.handle().clone())
        .unwrap_or_else(tokio::runtime::Handle::current);
    let result = run_on(plan, server_pid, name, &senders).await;
    if let Some(rt) = apart {
        rt.shutdown_background();
    }
    result
}

async fn run_on(
    plan: &Plan,
    server_pid: u32,
    name: &'static str,
    senders: &tokio::runtime::Handle,
) -> Result<Run, String> {
    let gate = Arc::new(Semaphore::new(plan.connect_concurrency));
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel::<Result<(), String>>();
    let mut tasks = Vec::new();
    let mut ends = Vec::new();
    let mut progress = Vec::new();
    let mut drivers_in = Vec::new();
    let connect_start = Instant::now();
    for (m, meeting) in plan.meetings.iter().enumerate() {
        let (end_tx, end_rx) = watch::channel(End::Running);
        let prog = Arc::new(Progress::default());
        let mut chair = None;
        let mut contributors = Vec::new();
        for seat in &meeting.sockets {
            let outbox = match seat.role {
                Role::Listener => None,
                Role::Chair => {
                    let (tx, rx) = mpsc::channel(plan.changes.max(1));
                    chair = Some(tx);
                    Some(rx)
                }
                Role::Contributor { item } => {
                    let (tx, rx) = mpsc::channel(plan.changes.max(1));
                    contributors.push((tx, item));
                    Some(rx)
                }
            };
            let request = request(seat)?;
            let on = match outbox {
                Some(_) => senders.clone(),
                None => tokio::runtime::Handle::current(),
            };
            tasks.push(on.spawn(socket(
                m,
                request,
                gate.clone(),
                ready_tx.clone(),
                outbox,
                end_rx.clone(),
                prog.clone(),
            )));
        }
        ends.push(end_tx);
        progress.push(prog);
        drivers_in.push((chair.ok_or("a meeting without a chair")?, contributors));
    }
    drop(ready_tx);
    let total: usize = plan.meetings.iter().map(|m| m.sockets.len()).sum();
    let mut ready = 0;
    let mut failures = Vec::new();
    while let Some(r) = ready_rx.recv().await {
        match r {
            Ok(()) => ready += 1,
            Err(e) => failures.push(e),
        }
        if (ready + failures.len()) % 500 == 0 {
            eprintln!("{name}: {ready} of {total} sockets joined");
        }
    }
    let connect_time = connect_start.elapsed();
    if !failures.is_empty() {
        for e in failures.iter().take(5) {
            eprintln!("{name}: socket failed to join: {e}");
        }
        return Err(format!(
            "{name}: {} of {total} sockets failed to join",
            failures.len()
        ));
    }
    eprintln!(
        "{name}: {total} sockets joined in {:.1} s; sending changes",
        connect_time.as_secs_f64()
    );
    // Let presence lists and resync snapshots from the arrivals settle.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let server_idle = crate::servers::memory(Some(server_pid));

    let probe = FsyncProbe::start(plan.probe_dir.clone());
    let cpu_before = crate::servers::cpu_ticks();
    let traffic_start = Instant::now();
    let clock = crate::clock::Clock::start();
    let stagger = Duration::from_secs_f64(1.0 / plan.rate / plan.meetings.len() as f64);
    let mut drivers = Vec::new();
    for (m, (chair, contributors)) in drivers_in.into_iter().enumerate() {
        drivers.push(senders.spawn(drive(
            m,
            chair,
            contributors,
            plan.meetings[m].items.clone(),
            plan.changes,
            plan.rate,
            plan.body_bytes,
            stagger * m as u32,
        )));
    }
    if let Some((db, hold)) = plan.stall.clone() {
        let half = Duration::from_secs_f64(plan.changes as f64 / plan.rate / 2.0);
        tokio::spawn(async move {
            tokio::time::sleep(half).await;
            match hold_write_lock(&db, hold).await {
                Ok(()) => eprintln!(
                    "stall: held the database's write lock for {} ms from {:.2} s",
                    hold.as_millis(),
                    half.as_secs_f64()
                ),
                Err(e) => eprintln!("stall: {e}"),
            }
        });
    }
    let mut changes_sent = 0;
    for d in drivers {
        changes_sent += d.await.map_err(|e| format!("driver: {e}"))?;
    }
    let per_meeting = plan.changes;
    let deadline = Instant::now() + ANSWERS_WITHIN;
    while progress
        .iter()
        .any(|p| p.answered.load(Ordering::Acquire) < per_meeting)
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let final_seq: Vec<i64> = progress
        .iter()
        .map(|p| p.max_seq.load(Ordering::Acquire))
        .collect();
    for (end, f) in ends.iter().zip(&final_seq) {
        let _ = end.send(End::UntilSeq(*f));
    }
    let deadline = tokio::time::Instant::now() + DELIVERED_WITHIN;
    let mut results = Vec::with_capacity(tasks.len());
    let mut late = false;
    for mut t in tasks {
        let r = match late {
            true => t.await,
            false => match tokio::time::timeout_at(deadline, &mut t).await {
                Ok(r) => r,
                Err(_) => {
                    late = true;
                    eprintln!("{name}: some sockets did not receive the last change in time");
                    for end in &ends {
                        let _ = end.send(End::Now);
                    }
                    // Told to stop now: this returns promptly.
                    t.await
                }
            },
        };
        results.push(r);
    }
    let fsync = probe.stop();
    let cpu = match (cpu_before, crate::servers::cpu_ticks()) {
        (Some(a), Some(b)) if b.3 > a.3 => {
            let total = (b.3 - a.3) as f64 / 100.0;
            Some((
                (b.0 - a.0) as f64 / total,
                (b.1 - a.1) as f64 / total,
                (b.2 - a.2) as f64 / total,
            ))
        }
        _ => None,
    };
    let server_end = crate::servers::memory(Some(server_pid));
    let client_end = crate::servers::memory(None);
    let mut records = Vec::with_capacity(results.len());
    let mut sockets = Vec::with_capacity(results.len());
    for r in results {
        let (rec, ws) = r.map_err(|e| format!("socket task: {e}"))?;
        records.push(rec);
        sockets.push(ws);
    }
    // Close every socket before the server goes.
    futures_util::future::join_all(sockets.into_iter().flatten().map(|mut ws| async move {
        let _ = tokio::time::timeout(Duration::from_secs(2), ws.close(None)).await;
    }))
    .await;
    Ok(Run {
        records,
        final_seq,
        changes_sent,
        connect_time,
        traffic_start,
        server_ids: plan.meetings.iter().map(|m| m.server_id).collect(),
        clock,
        server_idle,
        server_end,
        client_end,
        fsync,
        cpu,
    })
}
