//! The raw baseline: a plain axum WebSocket server (the same WebSocket stack as Convene's) with
//! one `tokio::sync::broadcast` channel per meeting. It speaks just enough of the live protocol
//! for the same client: `join` → `snapshot`, `change` → `event` to everyone and `ack` to the
//! sender. A change is numbered by an in-memory counter and serialised with the protocol's own
//! types, so the messages have the same shape and about the same size as Convene's; nothing is
//! written, signed in or authorised.

use crate::plan::{MeetingPlan, Plan, Role, SocketPlan};
use crate::Args;
use axum::extract::ws::{Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use convene_app::ids::ItemId;
use convene_app::live::protocol::{
    Change, ClientMsg, Contribution, Event, ServerMsg, Timer, COMMITTED_TARGET,
};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::broadcast::{self, error::RecvError};

/// As the live hub's channel.
const CHANNEL: usize = 1024;
/// The WebSocket read buffer, as Convene's: a copy of `READ_BUFFER` in server/src/api/live.rs
/// (the server crate is not a dependency of the tool); change both together.
pub const READ_BUFFER: usize = 8 * 1024;
/// The baseline's made-up agenda: item ids 1..=ITEMS.
const ITEMS: i64 = 12;
const CASE_ITEM: i64 = 5;
const AOB_ITEM: i64 = 11;

/// The same layout of sockets as the live phase, on the baseline server.
pub fn plan(args: &Args, addr: SocketAddr) -> Plan {
    let meetings = (0..args.meetings)
        .map(|m| MeetingPlan {
            sockets: (0..args.per_meeting)
                .map(|i| SocketPlan {
                    url: format!("ws://{addr}/b/{m}/live"),
                    origin: format!("http://{addr}"),
                    cookie: None,
                    role: Role::for_index(i, args.contributors, CASE_ITEM, AOB_ITEM),
                })
                .collect(),
            server_id: m as i64,
            items: (1..=ITEMS).collect(),
        })
        .collect();
    Plan::new(args, meetings)
}

struct Room {
    meeting: u64,
    /// The last number given; held while a change is numbered and broadcast, so that the
    /// broadcast order is the numbering order (as the live room's write lock does).
    seq: tokio::sync::Mutex<i64>,
    tx: broadcast::Sender<(i64, Utf8Bytes)>,
}

#[derive(Default)]
struct Rooms(Mutex<HashMap<u64, Arc<Room>>>);

impl Rooms {
    fn room(&self, meeting: u64) -> Arc<Room> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(meeting)
            .or_insert_with(|| {
                Arc::new(Room {
                    meeting,
                    seq: tokio::sync::Mutex::new(0),
                    tx: broadcast::channel(CHANNEL).0,
                })
            })
            .clone()
    }
}

/// Served as Convene is (`axum::serve`, TCP_NODELAY on, the same WebSocket read buffer unless
/// told otherwise).
pub async fn serve(listener: TcpListener, read_buffer: usize) -> std::io::Result<()> {
    let app = Router::new()
        .route("/b/{meeting}/live", get(upgrade))
        .with_state(Arc::new(Settings {
            rooms: Rooms::default(),
            read_buffer,
        }));
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app).await
}

struct Settings {
    rooms: Rooms,
    read_buffer: usize,
}

async fn upgrade(
    State(s): State<Arc<Settings>>,
    Path(meeting): Path<u64>,
    ws: WebSocketUpgrade,
) -> Response {
    let room = s.rooms.room(meeting);
    ws.read_buffer_size(s.read_buffer)
        .on_upgrade(move |socket| connection(socket, room))
}

fn json(msg: &ServerMsg) -> Utf8Bytes {
    serde_json::to_string(msg)
        .expect("protocol messages serialise")
        .into()
}

fn snapshot(seq: i64) -> Utf8Bytes {
    format!(r#"{{"type":"snapshot","seq":{seq},"state":null}}"#).into()
}

async fn connection(mut socket: WebSocket, room: Arc<Room>) {
    match socket.recv().await {
        Some(Ok(Message::Text(t)))
            if matches!(serde_json::from_str(&t), Ok(ClientMsg::Join { .. })) => {}
        _ => return,
    }
    let (mut rx, mut last) = {
        let seq = room.seq.lock().await;
        (room.tx.subscribe(), *seq)
    };
    if socket.send(Message::Text(snapshot(last))).await.is_err() {
        return;
    }
    loop {
        let text = tokio::select! {
            out = rx.recv() => match out {
                Ok((seq, _)) if seq <= last => continue,
                Ok((seq, text)) => {
                    last = seq;
                    text
                }
                Err(RecvError::Lagged(_)) => {
                    // Fell behind: a fresh "snapshot", as the live server would send.
                    last = *room.seq.lock().await;
                    snapshot(last)
                }
                Err(RecvError::Closed) => return,
            },
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(t))) => match serde_json::from_str::<ClientMsg>(&t) {
                    Ok(ClientMsg::Change { key, change }) => {
                        let seq = commit(&room, *change).await;
                        json(&ServerMsg::Ack { key, seq })
                    }
                    Ok(ClientMsg::Ping) => json(&ServerMsg::Pong),
                    _ => continue,
                },
                Some(Ok(_)) => continue,
                _ => return,
            },
        };
        if socket.send(Message::Text(text)).await.is_err() {
            return;
        }
    }
}

/// Numbers the change, serialises its event once and broadcasts it.
async fn commit(room: &Room, change: Change) -> i64 {
    let mut seq = room.seq.lock().await;
    *seq += 1;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let event = match change {
        Change::Contribute { item_id, body } => Event::Contribution {
            item_id,
            contribution: Contribution {
                id: *seq,
                author: "Load Tester".into(),
                agency: Some("County Police Inspectorate".into()),
                body_html: format!("<p>{body}</p>\n"),
                body_md: body,
                at: chrono::Utc::now().format("%Y-%m-%d %H:%M").to_string(),
            },
        },
        Change::Timer { running } => Event::Timer {
            item_id: ItemId(1),
            timer: Timer {
                used_ms: 0,
                running_since_ms: running.then_some(now_ms),
            },
        },
        Change::GoTo { item_id } => Event::Current {
            item_id: Some(item_id),
            timers: vec![],
        },
        _ => Event::Current {
            item_id: Some(ItemId(1)),
            timers: vec![],
        },
    };
    let text = json(&ServerMsg::Event {
        seq: *seq,
        event: Box::new(event),
    });
    // The moment of "commit", logged as Convene logs its own (app/src/live/hub.rs).
    tracing::trace!(target: COMMITTED_TARGET, meeting = room.meeting, seq = *seq, "live change committed");
    let _ = room.tx.send((*seq, text));
    *seq
}
