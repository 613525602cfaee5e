//! The clients: one tokio-tungstenite socket per planned seat, a driver per meeting sending its
//! changes at a steady rate, and what every socket noted.

use crate::Args;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::json;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, watch, Semaphore};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const CONNECT_WITHIN: Duration = Duration::from_secs(60);
/// After the last change is sent: how long to wait for the answers, then for every socket to
/// receive the last number.
const ANSWERS_WITHIN: Duration = Duration::from_secs(60);
const DELIVERED_WITHIN: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy)]
pub enum Role {
    /// Moves the agenda and starts and pauses timers.
    Chair,
    /// Adds contributions on this item.
    Contributor {
        item: i64,
    },
    Listener,
}

impl Role {
    /// Seat 0 chairs, seat 1 is the coordinator contributing on a case item, the next
    /// `contributors - 1` seats contribute on "any other business", the rest listen.
    pub fn for_index(i: usize, contributors: usize, case_item: i64, aob_item: i64) -> Role {
        match i {
            0 => Role::Chair,
            1 if contributors >= 1 => Role::Contributor { item: case_item },
            n if n <= contributors => Role::Contributor { item: aob_item },
            _ => Role::Listener,
        }
    }
}

pub struct SocketPlan {
    pub url: String,
    pub origin: String,
    /// The session token, for the `Cookie` header.
    pub cookie: Option<String>,
    pub role: Role,
}

pub struct MeetingPlan {
    pub sockets: Vec<SocketPlan>,
    /// The meeting's number on the server (in its commit log).
    pub server_id: i64,
    /// The agenda's items in order; the first is current when the traffic starts.
    pub items: Vec<i64>,
}

pub struct Plan {
    pub meetings: Vec<MeetingPlan>,
    pub changes: usize,
    pub rate: f64,
    pub body_bytes: usize,
    pub connect_concurrency: usize,
    /// The senders' sockets have a runtime of their own (see `run`).
    pub senders_apart: bool,
    /// Where the disk probe writes (the live database's folder).
    pub probe_dir: Option<std::path::PathBuf>,
    /// With `--stall-ms`: the live database, and how long to hold its write lock halfway
    /// through the traffic.
    pub stall: Option<(std::path::PathBuf, Duration)>,
}

impl Plan {
    pub fn new(args: &Args, meetings: Vec<MeetingPlan>) -> Plan {
        Plan {
            meetings,
            changes: args.changes,
            rate: args.rate,
            body_bytes: args.body_bytes,
            connect_concurrency: args.connect_concurrency,
            senders_apart: args.senders_apart,
            probe_dir: args.db_dir.clone(),
            stall: None,
        }
    }
}

/// What one socket noted.
#[derive(Default)]
pub struct SocketRecord {
    pub meeting: usize,
    /// The socket sends changes (the chair's or a contributor's).
    pub sender: bool,
    /// The number of the snapshot that answered the join.
    pub first_snapshot: Option<i64>,
    /// Snapshots sent later (the server resynchronised this socket).
    pub resyncs: Vec<i64>,
    /// Every numbered message (`event`, `hidden`) in arrival order, with when it arrived.
    pub received: Vec<(i64, Instant)>,
    /// Numbered messages at or below a number already held.
    pub duplicates: usize,
    /// Bytes of the numbered messages.
    pub bytes: usize,
    /// Changes sent: key and when.
    pub sent: Vec<(String, Instant)>,
    /// Acknowledgements: key, number and when.
    pub acks: Vec<(String, i64, Instant)>,
    pub refused: Vec<String>,
    /// Why the socket failed or closed before the end, if it did.
    pub failed: Option<String>,
    /// The highest number held (by event or snapshot).
    held: i64,
}

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

struct Outgoing {
    key: String,
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    Running,
    /// Stop once this number is held.
    UntilSeq(i64),
    Now,
}

/// Progress of one meeting, for the main task to know when every change is answered.
#[derive(Default)]
struct Progress {
    answered: AtomicUsize,
    max_seq: AtomicI64,
}

#[derive(Deserialize)]
struct Head<'a> {
    #[serde(rename = "type")]
    ty: &'a str,
    seq: Option<i64>,
    key: Option<String>,
    reason: Option<String>,
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

fn request(
    seat: &SocketPlan,
) -> Result<tokio_tungstenite::tungstenite::handshake::client::Request, String> {
    let mut req = seat
        .url
        .as_str()
        .into_client_request()
        .map_err(|e| format!("socket address: {e}"))?;
    let h = req.headers_mut();
    if let Some(token) = &seat.cookie {
        h.insert(
            "cookie",
            format!("convene_session={token}")
                .parse()
                .map_err(|_| "cookie")?,
        );
    }
    h.insert("origin", seat.origin.parse().map_err(|_| "origin")?);
    Ok(req)
}

async fn next_out(outbox: &mut Option<mpsc::Receiver<Outgoing>>) -> Option<Outgoing> {
    match outbox {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// Connects (at most `gate` handshakes at once), joins, reports ready, then reads and sends
/// until told to end. Returns what it noted and the socket, still open.
async fn socket(
    meeting: usize,
    request: tokio_tungstenite::tungstenite::handshake::client::Request,
    gate: Arc<Semaphore>,
    ready: mpsc::UnboundedSender<Result<(), String>>,
    mut outbox: Option<mpsc::Receiver<Outgoing>>,
    mut end: watch::Receiver<End>,
    progress: Arc<Progress>,
) -> (SocketRecord, Option<Ws>) {
    let mut rec = SocketRecord {
        meeting,
        sender: outbox.is_some(),
        ..Default::default()
    };
    let permit = gate.acquire_owned().await;
    let joined = tokio::time::timeout(CONNECT_WITHIN, async {
        // Nagle off, as browsers do.
        let (mut ws, _) = tokio_tungstenite::connect_async_with_config(request, None, true)
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        ws.send(Message::Text(
            json!({ "type": "join", "last_seq": null })
                .to_string()
                .into(),
        ))
        .await
        .map_err(|e| format!("join: {e}"))?;
        loop {
            match ws.next().await {
                Some(Ok(Message::Text(t))) => {
                    let head: Head = serde_json::from_str(&t).map_err(|e| e.to_string())?;
                    match head.ty {
                        "snapshot" => return Ok((ws, head.seq.unwrap_or(0))),
                        "refused" | "closing" => return Err(format!("join refused: {t}")),
                        _ => {}
                    }
                }
                Some(Ok(_)) => {}
                other => return Err(format!("closed before the snapshot: {other:?}")),
            }
        }
    })
    .await
    .unwrap_or_else(|_| Err("no snapshot within 60 s".into()));
    drop(permit);
    let mut ws = match joined {
        Ok((ws, seq)) => {
            rec.first_snapshot = Some(seq);
            rec.held = seq;
            let _ = ready.send(Ok(()));
            ws
        }
        Err(e) => {
            rec.failed = Some(e.clone());
            let _ = ready.send(Err(e));
            return (rec, None);
        }
    };
    drop(ready);
    loop {
        let done = match *end.borrow_and_update() {
            End::Running => false,
            End::UntilSeq(f) => rec.held >= f,
            End::Now => true,
        };
        if done {
            break;
        }
        tokio::select! {
            msg = ws.next() => {
                let at = Instant::now();
                match msg {
                    Some(Ok(Message::Text(t))) => rec.note(&t, at, &progress),
                    Some(Ok(Message::Close(_))) | None => {
                        rec.failed = Some("closed by the server".into());
                        break;
                    }
                    Some(Err(e)) => {
                        rec.failed = Some(format!("socket error: {e}"));
                        break;
                    }
                    Some(Ok(_)) => {}
                }
            }
            out = next_out(&mut outbox) => match out {
                Some(o) => {
                    rec.sent.push((o.key, Instant::now()));
                    if let Err(e) = ws.send(Message::Text(o.text.into())).await {
                        rec.failed = Some(format!("send: {e}"));
                        break;
                    }
                }
                None => outbox = None,
            },
            r = end.changed() => {
                if r.is_err() {
                    break;
                }
            }
        }
    }
    if let Some(f) = &rec.failed {
        eprintln!("socket in meeting {meeting}: {f}");
    }
    (rec, Some(ws))
}

impl SocketRecord {
    fn note(&mut self, text: &str, at: Instant, progress: &Progress) {
        let Ok(head) = serde_json::from_str::<Head>(text) else {
            self.failed = Some(format!(
                "unreadable message: {}",
                text.chars().take(200).collect::<String>()
            ));
            return;
        };
        match (head.ty, head.seq) {
            ("event" | "hidden", Some(seq)) => {
                self.received.push((seq, at));
                self.bytes += text.len();
                if seq <= self.held {
                    self.duplicates += 1;
                }
                self.held = self.held.max(seq);
            }
            ("snapshot", Some(seq)) => {
                self.resyncs.push(seq);
                self.held = self.held.max(seq);
            }
            ("ack", Some(seq)) => {
                self.acks.push((head.key.unwrap_or_default(), seq, at));
                progress.max_seq.fetch_max(seq, Ordering::AcqRel);
                progress.answered.fetch_add(1, Ordering::AcqRel);
            }
            ("refused", _) => {
                self.refused
                    .push(text.chars().take(300).collect::<String>());
                if head.key.is_some() {
                    progress.answered.fetch_add(1, Ordering::AcqRel);
                }
            }
            ("closing", _) => {
                self.failed = Some(format!(
                    "server closing: {}",
                    head.reason.unwrap_or_default()
                ));
            }
            _ => {}
        }
    }
}

/// What the chair does next: start the timer, move on, pause the timer, jump elsewhere.
struct Chair {
    n: usize,
    current: usize,
}

impl Chair {
    fn next(&mut self, items: &[i64]) -> serde_json::Value {
        let n = self.n;
        self.n += 1;
        match n % 4 {
            0 => json!({ "op": "timer", "running": true }),
            1 if self.current + 1 < items.len() => {
                self.current += 1;
                json!({ "op": "next" })
            }
            2 => json!({ "op": "timer", "running": false }),
            _ => {
                self.current = (self.current + items.len() / 2 + 1) % items.len();
                json!({ "op": "go_to", "item_id": items[self.current] })
            }
        }
    }
}

/// Sends the meeting's changes at `rate` per second, in turn from the chair and each
/// contributor; returns how many were sent.
#[allow(clippy::too_many_arguments)]
async fn drive(
    meeting: usize,
    chair: mpsc::Sender<Outgoing>,
    contributors: Vec<(mpsc::Sender<Outgoing>, i64)>,
    items: Vec<i64>,
    changes: usize,
    rate: f64,
    body_bytes: usize,
    offset: Duration,
) -> usize {
    tokio::time::sleep(offset).await;
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    let mut state = Chair { n: 0, current: 0 };
    let turns = 1 + contributors.len();
    let mut sent = 0;
    for i in 0..changes {
        tick.tick().await;
        let key = format!("m{meeting}-c{i}");
        let (to, change) = match i % turns {
            0 => (&chair, state.next(&items)),
            k => {
                let (to, item) = &contributors[k - 1];
                (
                    to,
                    json!({ "op": "contribute", "item_id": item, "body": body(meeting, i, body_bytes) }),
                )
            }
        };
        let text = json!({ "type": "change", "key": key, "change": change }).to_string();
        if to.send(Outgoing { key, text }).await.is_ok() {
            sent += 1;
        }
    }
    sent
}

fn body(meeting: usize, i: usize, len: usize) -> String {
    let mut s = format!("Load note {i} in meeting {meeting}: ");
    const WORDS: &str = "the agency checked the order and will report back to the group ";
    while s.len() < len {
        s.push_str(WORDS);
    }
    s.truncate(len.max(1));
    s.trim_end().to_string()
}

/// Writes and flushes a small file in the temporary folder (where the live database is) every
/// 20 ms on a thread of its own, timing each flush.
struct FsyncProbe {
    stop: Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<Vec<(Instant, Duration)>>,
}

impl FsyncProbe {
    fn start(dir: Option<std::path::PathBuf>) -> FsyncProbe {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            use std::io::Write;
            let mut times = Vec::new();
            let file = match &dir {
                Some(d) => tempfile::tempfile_in(d),
                None => tempfile::tempfile(),
            };
            let Ok(mut file) = file else {
                return times;
            };
            let block = [7u8; 4096];
            while !flag.load(Ordering::Acquire) {
                let t = Instant::now();
                if file
                    .write_all(&block)
                    .and_then(|_| file.sync_all())
                    .is_err()
                {
                    break;
                }
                times.push((t, t.elapsed()));
                std::thread::sleep(Duration::from_millis(20));
            }
            times
        });
        FsyncProbe { stop, thread }
    }

    fn stop(self) -> Vec<(Instant, Duration)> {
        self.stop.store(true, Ordering::Release);
        self.thread.join().unwrap_or_default()
    }
}

/// Holds SQLite's write lock on the database for `hold`, as a slow disk flush or a long
/// transaction would: how long do the meetings take to recover?
async fn hold_write_lock(db: &std::path::Path, hold: Duration) -> Result<(), String> {
    use sqlx::Connection;
    let url = format!("sqlite://{}", db.display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    tokio::time::sleep(hold).await;
    sqlx::query("COMMIT")
        .execute(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}
