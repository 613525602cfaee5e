//! One client socket: it connects, joins, sends its person's changes and notes every message
//! it receives, with when.

use crate::plan::SocketPlan;
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

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const CONNECT_WITHIN: Duration = Duration::from_secs(60);

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

/// A change for a sender's socket to send.
pub struct Outgoing {
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum End {
    Running,
    /// Stop once this number is held.
    UntilSeq(i64),
    Now,
}

/// Progress of one meeting, for the main task to know when every change is answered.
#[derive(Default)]
pub struct Progress {
    pub answered: AtomicUsize,
    pub max_seq: AtomicI64,
}

#[derive(Deserialize)]
struct Head<'a> {
    #[serde(rename = "type")]
    ty: &'a str,
    seq: Option<i64>,
    key: Option<String>,
    reason: Option<String>,
}

pub fn request(
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
pub async fn socket(
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
