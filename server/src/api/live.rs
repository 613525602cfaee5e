//! The live meeting socket, `GET /api/v1/meetings/{id}/live`, and its state as JSON.
//! The protocol is described in `docs/live-protocol.md`.

use super::extract::{Auth, Id};
use super::Api;
use crate::http::security::{socket_origin_ok, Origins};
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use convene_app::error::AppError;
use convene_app::ids::MeetingId;
use convene_app::live::hub::{Outgoing, Room, Viewer};
use convene_app::live::protocol::{
    ClientMsg, LiveState, ServerMsg, CLOSING_TOO_MANY_CHANGES, MAX_MESSAGE_BYTES,
};
use convene_app::live::rate::{ChangeRate, Verdict};
use convene_app::live::{service, text as t};
use convene_app::state::AppState;
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

/// Server pings this often; a socket silent for `SILENT` is taken for dead.
const PING_EVERY: Duration = Duration::from_secs(15);
const SILENT: Duration = Duration::from_secs(45);
const JOIN_WITHIN: Duration = Duration::from_secs(10);
/// How long a closed-off client has to answer the close.
const CLOSE_WITHIN: Duration = Duration::from_secs(2);
/// How long the room's order may wait for a sender's socket to take its acknowledgement before
/// the change is broadcast anyway.
const ACK_FIRST_WITHIN: Duration = Duration::from_millis(10);
/// The socket's read buffer. Clients send small messages; the default (128 KiB) is zero-filled
/// on every read and, with thousands of sockets, is most of the server's memory. Larger
/// messages still arrive (up to the message size limit), over several reads.
pub const READ_BUFFER: usize = 8 * 1024;

pub fn routes(api: Api) -> Api {
    api.get("/meetings/{id}/live", socket)
        .get("/meetings/{id}/live/state", state)
}

#[utoipa::path(get, path = "/meetings/{id}/live/state", tag = "live", responses((status = 200, body = LiveState)))]
async fn state(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<LiveState>, AppError> {
    let (room, viewer) = service::admit(&s, auth.actor(), id).await?;
    service::snapshot(&s, &room, &viewer).await.map(axum::Json)
}

#[utoipa::path(get, path = "/meetings/{id}/live", tag = "live", params(("lang" = Option<String>, Query, description = "The language the socket's messages are worded in (default: the request's)")), responses((status = 101, description = "Switched to the live meeting WebSocket protocol (see app/src/live/protocol.rs)")))]
async fn socket(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Extension(origins): Extension<Arc<Origins>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    if auth.actor().is_none() {
        return AppError::unauthorized().into_response();
    }
    if !socket_origin_ok(&headers, &origins) {
        tracing::warn!("live socket from a foreign origin refused");
        return AppError::Forbidden.into_response();
    }
    let (room, viewer) = match service::admit(&s, auth.actor(), id).await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let Ok(ws) = ws else {
        return AppError::validation("upgrade", convene_app::i18n::Msg("api-websocket-required"))
            .into_response();
    };
    // The socket lives in a task of its own, outside the request's scope: what it says
    // (refusals, times) stays in the language of the person who opened it.
    // The page names its language (`?lang=ro`): a browser's handshake may not say it.
    let lang = query
        .as_deref()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")))
        .and_then(convene_app::i18n::Lang::parse)
        .unwrap_or_else(convene_app::i18n::current);
    ws.max_message_size(MAX_MESSAGE_BYTES * 4)
        .read_buffer_size(READ_BUFFER)
        .on_upgrade(move |socket| {
            convene_app::i18n::REQUEST_LANG.scope(lang, async move {
                Connection {
                    state: s,
                    room,
                    viewer,
                    socket,
                    last_sent: 0,
                    rate: ChangeRate::new(std::time::Instant::now()),
                }
                .run()
                .await
            })
        })
}

struct Connection {
    state: AppState,
    room: Arc<Room>,
    viewer: Arc<Viewer>,
    socket: WebSocket,
    /// The last sequence number this client has been given.
    last_sent: i64,
    /// Changes and joins this socket may still send (see `live::rate`).
    rate: ChangeRate,
}

enum Flow {
    Go,
    Stop,
}

fn json(msg: &ServerMsg) -> String {
    serde_json::to_string(msg).unwrap_or_else(|_| r#"{"type":"pong"}"#.into())
}

impl Connection {
    async fn send(&mut self, text: impl Into<Utf8Bytes>) -> Flow {
        match self.socket.send(Message::Text(text.into())).await {
            Ok(()) => Flow::Go,
            Err(_) => Flow::Stop,
        }
    }

    async fn send_msg(&mut self, msg: &ServerMsg) -> Flow {
        self.send(json(msg)).await
    }

    async fn run(mut self) {
        let last_seq = match tokio::time::timeout(JOIN_WITHIN, self.socket.recv()).await {
            Ok(Some(Ok(Message::Text(t)))) => match serde_json::from_str::<ClientMsg>(&t) {
                Ok(ClientMsg::Join { last_seq }) => last_seq,
                _ => {
                    let _ = self
                        .refuse(None, AppError::validation("type", t::JOIN_FIRST))
                        .await;
                    return;
                }
            },
            _ => return,
        };
        // Subscribe before reading the state, so nothing committed in between is missed.
        let mut rx = self.room.subscribe();
        let mut kicked = self.viewer.kick.subscribe();
        self.room.join(self.viewer.clone());
        if let Flow::Go = self.catch_up(last_seq).await {
            self.serve(&mut rx, &mut kicked).await;
        }
        self.room.leave(self.viewer.conn);
    }

    /// Replays what the client missed, or sends a snapshot.
    async fn catch_up(&mut self, last_seq: Option<i64>) -> Flow {
        if let Some(after) = last_seq {
            match service::replay(&self.state, &self.room, &self.viewer, after).await {
                Ok(Some((seq, messages))) => {
                    for m in messages {
                        if let Flow::Stop = self.send(m).await {
                            return Flow::Stop;
                        }
                    }
                    self.last_sent = seq;
                    return Flow::Go;
                }
                Ok(None) => {}
                Err(e) => return self.fail(e).await,
            }
        }
        self.snapshot().await
    }

    async fn snapshot(&mut self) -> Flow {
        match service::snapshot(&self.state, &self.room, &self.viewer).await {
            Ok(state) => {
                self.last_sent = state.seq;
                self.send_msg(&ServerMsg::Snapshot {
                    seq: state.seq,
                    state: Box::new(state),
                })
                .await
            }
            Err(e) => self.fail(e).await,
        }
    }

    /// Access is gone or the server failed: say so and close.
    async fn fail(&mut self, e: AppError) -> Flow {
        let _ = self.refuse(None, e).await;
        let _ = self.socket.send(Message::Close(None)).await;
        Flow::Stop
    }

    /// Reads (and drops) what the client still sends until it answers our close. Closing with
    /// its flood unread would reset the connection, and the client would lose the `closing`
    /// message that says why.
    async fn drain_until_closed(&mut self) {
        let _ = tokio::time::timeout(CLOSE_WITHIN, async {
            while let Some(Ok(m)) = self.socket.recv().await {
                if matches!(m, Message::Close(_)) {
                    break;
                }
            }
        })
        .await;
    }

    async fn refuse(&mut self, key: Option<String>, error: AppError) -> Flow {
        self.send_msg(&ServerMsg::Refused { key, error }).await
    }

    async fn serve(
        &mut self,
        rx: &mut tokio::sync::broadcast::Receiver<Outgoing>,
        kicked: &mut tokio::sync::watch::Receiver<Option<&'static str>>,
    ) {
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.tick().await;
        let mut heard = Instant::now();
        loop {
            let flow = tokio::select! {
                out = rx.recv() => self.deliver(out).await,
                msg = self.socket.recv() => {
                    heard = Instant::now();
                    match msg {
                        Some(Ok(Message::Text(text))) => {
                            // A panic while handling one message rolls its transaction back
                            // (dropped unfinished) and ends this socket only, leaving the room
                            // properly; the client reconnects and catches up.
                            match AssertUnwindSafe(self.receive(&text)).catch_unwind().await {
                                Ok(flow) => flow,
                                Err(_) => {
                                    tracing::error!("a live socket's message handler panicked");
                                    Flow::Stop
                                }
                            }
                        }
                        Some(Ok(Message::Binary(_))) => {
                            self.refuse(None, AppError::validation("type", t::UNREADABLE)).await
                        }
                        Some(Ok(Message::Close(_))) | None | Some(Err(_)) => Flow::Stop,
                        Some(Ok(_)) => Flow::Go,
                    }
                }
                _ = kicked.changed() => {
                    let reason = kicked.borrow().unwrap_or("signed_out").to_string();
                    let _ = self.send_msg(&ServerMsg::Closing { reason }).await;
                    let _ = self.socket.send(Message::Close(None)).await;
                    Flow::Stop
                }
                _ = ping.tick() => {
                    let alive = heard.elapsed() <= SILENT
                        && self.socket.send(Message::Ping(Default::default())).await.is_ok();
                    if alive { Flow::Go } else { Flow::Stop }
                }
            };
            if let Flow::Stop = flow {
                return;
            }
        }
    }

    async fn deliver(&mut self, out: Result<Outgoing, RecvError>) -> Flow {
        match out {
            Ok(Outgoing::Presence(p)) => self.send(p).await,
            Ok(Outgoing::Committed(c)) => {
                if c.seq <= self.last_sent {
                    return Flow::Go;
                }
                if c.seq > self.last_sent + 1 || self.viewer.must_resync(&c) {
                    // A gap (this socket fell behind) or a change in what may be seen.
                    return self.catch_up(Some(self.last_sent)).await;
                }
                self.last_sent = c.seq;
                let text = if self.viewer.may_see(c.item, c.case) {
                    c.json.clone()
                } else {
                    c.hidden_json.clone()
                };
                self.send(text).await
            }
            Err(RecvError::Lagged(_)) => self.catch_up(Some(self.last_sent)).await,
            Err(RecvError::Closed) => Flow::Stop,
        }
    }

    async fn receive(&mut self, text: &str) -> Flow {
        if text.len() > MAX_MESSAGE_BYTES {
            return self
                .refuse(None, AppError::validation("message", t::TOO_LARGE))
                .await;
        }
        let parsed = serde_json::from_str::<ClientMsg>(text);
        if let Ok(msg @ (ClientMsg::Change { .. } | ClientMsg::Join { .. })) = &parsed {
            let key = match msg {
                ClientMsg::Change { key, .. } => Some(key.clone()),
                _ => None,
            };
            let refused = AppError::RateLimited {
                retry_after_secs: 1,
            };
            match self.rate.take(std::time::Instant::now()) {
                Verdict::Go => {}
                Verdict::Refuse => return self.refuse(key, refused).await,
                Verdict::Close => {
                    tracing::warn!(meeting = %self.room.meeting, "live socket closed: too many changes");
                    let _ = self.refuse(key, refused).await;
                    let _ = self
                        .send_msg(&ServerMsg::Closing {
                            reason: CLOSING_TOO_MANY_CHANGES.into(),
                        })
                        .await;
                    let _ = self.socket.send(Message::Close(None)).await;
                    self.drain_until_closed().await;
                    return Flow::Stop;
                }
            }
        }
        match parsed {
            Ok(ClientMsg::Ping) => self.send_msg(&ServerMsg::Pong).await,
            Ok(ClientMsg::Join { last_seq }) => self.catch_up(last_seq).await,
            Ok(ClientMsg::Change { key, change }) => {
                let room = self.room.clone();
                let applied = service::apply(&self.state, &room, &self.viewer, &key, *change).await;
                match applied {
                    Ok(committed) => {
                        // Acknowledged before the broadcast (which holds the room's order), so
                        // the sender hears back before thousands of copies go out. A socket
                        // that cannot take it at once (a slow link still busy with a snapshot)
                        // does not hold the room: the change goes out and the ack follows.
                        let ack = json(&ServerMsg::Ack {
                            key,
                            seq: committed.seq,
                        });
                        let send = self.socket.send(Message::Text(ack.into()));
                        tokio::pin!(send);
                        let first = tokio::time::timeout(ACK_FIRST_WITHIN, &mut send).await;
                        committed.publish();
                        let sent = match first {
                            Ok(sent) => sent,
                            Err(_) => send.await,
                        };
                        match sent {
                            Ok(()) => Flow::Go,
                            Err(_) => Flow::Stop,
                        }
                    }
                    Err(error) => self.refuse(Some(key), error).await,
                }
            }
            Err(e) => {
                let msg = e.to_string();
                let detail = msg.split(" at line ").next().unwrap_or("");
                self.refuse(
                    None,
                    AppError::validation("message", format!("{} ({detail})", t::UNREADABLE)),
                )
                .await
            }
        }
    }
}
