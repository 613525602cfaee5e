//! The browser's end of the live socket: connects, applies what arrives in order, keeps
//! unacknowledged changes queued (resending them, with the same keys, after a reconnect),
//! sends heartbeats, and reconnects with backoff and jitter.

use super::page::{Conn, LiveCtl};
use super::protocol::{ClientMsg, ServerMsg};
use crate::ids::MeetingId;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};

const PING_EVERY: Duration = Duration::from_secs(15);
/// Nothing heard for this long (the server pings every 15 s): the connection is dead.
const SILENT_MS: f64 = 45_000.0;
const MAX_BACKOFF_MS: f64 = 15_000.0;

thread_local! {
    static SOCKET: RefCell<Option<WebSocket>> = const { RefCell::new(None) };
    static ATTEMPT: Cell<u32> = const { Cell::new(0) };
    static LAST_HEARD: Cell<f64> = const { Cell::new(0.0) };
    /// The page was left or the server ended the session: do not reconnect.
    static STOPPED: Cell<bool> = const { Cell::new(false) };
    /// Which connection is current, so a late event of an old one is ignored.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh idempotency key.
pub fn new_key() -> String {
    format!(
        "{:x}-{:x}",
        now_ms() as u64,
        (js_sys::Math::random() * 1e15) as u64
    )
}

/// Starts the connection for the page; it ends when the page is left.
pub fn start(ctl: LiveCtl, meeting: MeetingId) {
    STOPPED.set(false);
    connect(ctl, meeting);
    let beat = set_interval_with_handle(
        move || {
            if now_ms() - LAST_HEARD.get() > SILENT_MS {
                // Closing makes onclose reconnect.
                with_socket(|ws| {
                    let _ = ws.close();
                });
            } else {
                send_msg(&ClientMsg::Ping);
            }
        },
        PING_EVERY,
    )
    .ok();
    let tick =
        set_interval_with_handle(move || ctl.now_ms.set(now_ms()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        STOPPED.set(true);
        if let Some(h) = beat {
            h.clear();
        }
        if let Some(h) = tick {
            h.clear();
        }
        with_socket(|ws| {
            let _ = ws.close();
        });
        SOCKET.with(|s| s.borrow_mut().take());
    });
}

fn with_socket(f: impl FnOnce(&WebSocket)) {
    SOCKET.with(|s| {
        if let Some(ws) = s.borrow().as_ref() {
            f(ws)
        }
    })
}

fn send_msg(msg: &ClientMsg) -> bool {
    let Ok(text) = serde_json::to_string(msg) else {
        return false;
    };
    let mut sent = false;
    with_socket(|ws| {
        if ws.ready_state() == WebSocket::OPEN {
            sent = ws.send_with_str(&text).is_ok();
        }
    });
    sent
}

/// Sends a queued change now if the socket is open (otherwise it goes after reconnecting).
pub fn transmit(key: &str, change: &super::protocol::Change) {
    send_msg(&ClientMsg::Change {
        key: key.to_string(),
        change: Box::new(change.clone()),
    });
}

fn url(meeting: MeetingId) -> Option<String> {
    let loc = web_sys::window()?.location();
    let scheme = if loc.protocol().ok()? == "https:" {
        "wss:"
    } else {
        "ws:"
    };
    // The handshake need not carry the browser's languages: the page says which it speaks.
    Some(format!(
        "{scheme}//{}/api/v1/meetings/{meeting}/live?lang={}",
        loc.host().ok()?,
        crate::i18n::of_document().code()
    ))
}

fn connect(ctl: LiveCtl, meeting: MeetingId) {
    if STOPPED.get() {
        return;
    }
    let generation = GENERATION.get() + 1;
    GENERATION.set(generation);
    let Some(ws) = url(meeting).and_then(|u| WebSocket::new(&u).ok()) else {
        retry(ctl, meeting);
        return;
    };
    let current = move || GENERATION.get() == generation;
    let on_open = Closure::<dyn FnMut()>::new(move || {
        if !current() {
            return;
        }
        ATTEMPT.set(0);
        LAST_HEARD.set(now_ms());
        let last_seq = ctl.state.with_untracked(|s| s.seq);
        send_msg(&ClientMsg::Join {
            last_seq: Some(last_seq),
        });
        // Whatever was not acknowledged goes again, with its key: applied once either way.
        for (key, change) in ctl.pending.get_untracked() {
            transmit(&key, &change);
        }
        ctl.conn.set(Conn::Open);
    });
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if !current() {
            return;
        }
        LAST_HEARD.set(now_ms());
        if let Some(text) = e.data().as_string() {
            if let Ok(msg) = serde_json::from_str::<ServerMsg>(&text) {
                receive(ctl, msg);
            }
        }
    });
    let on_close = Closure::<dyn FnMut()>::new(move || {
        if !current() {
            return;
        }
        SOCKET.with(|s| s.borrow_mut().take());
        if STOPPED.get() {
            return;
        }
        ctl.conn.set(Conn::Reconnecting);
        retry(ctl, meeting);
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // The handlers live as long as the socket; a page holds few sockets over its life.
    on_open.forget();
    on_message.forget();
    on_close.forget();
    SOCKET.with(|s| *s.borrow_mut() = Some(ws));
}

/// Reconnects after a delay that doubles up to 15 s, with jitter so that a room full of
/// laptops does not come back all at once.
fn retry(ctl: LiveCtl, meeting: MeetingId) {
    let attempt = ATTEMPT.get();
    ATTEMPT.set(attempt + 1);
    let base = (500.0 * 2f64.powi(attempt.min(8) as i32)).min(MAX_BACKOFF_MS);
    let delay = base * (0.5 + js_sys::Math::random() * 0.5);
    set_timeout(
        move || connect(ctl, meeting),
        Duration::from_millis(delay as u64),
    );
}

fn receive(ctl: LiveCtl, msg: ServerMsg) {
    match msg {
        ServerMsg::Snapshot { state, .. } => {
            ctl.offset_ms.set(state.now_ms as f64 - now_ms());
            ctl.state.set(*state);
        }
        ServerMsg::Event { seq, event } => numbered(ctl, seq, Some(*event)),
        ServerMsg::Hidden { seq } => numbered(ctl, seq, None),
        ServerMsg::Ack { key, .. } => ctl.pending.update(|p| p.retain(|(k, _)| *k != key)),
        ServerMsg::Refused { key, error } => {
            if let Some(key) = key {
                ctl.pending.update(|p| p.retain(|(k, _)| *k != key));
            }
            ctl.error.set(Some(error));
        }
        ServerMsg::Presence { people } => ctl.state.update(|s| s.people = people),
        ServerMsg::Pong => {}
        ServerMsg::Closing { reason } => {
            STOPPED.set(true);
            ctl.conn.set(Conn::Ended(reason));
        }
    }
}

/// Applies the next numbered message; a gap means something was missed, so reconnect and
/// let the server replay from the last number held.
fn numbered(ctl: LiveCtl, seq: i64, event: Option<super::protocol::Event>) {
    let held = ctl.state.with_untracked(|s| s.seq);
    if seq <= held {
        return;
    }
    if seq > held + 1 {
        with_socket(|ws| {
            let _ = ws.close();
        });
        return;
    }
    ctl.state.update(|s| {
        if let Some(e) = &event {
            s.apply(e);
        }
        s.seq = seq;
    });
}
