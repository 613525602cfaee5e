//! A tokio-tungstenite client of the live meeting socket, for the tests.

use crate::common::*;
use futures_util::{SinkExt, StreamExt};
use reqwest::Client;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub struct Ws {
    stream: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Every numbered message received, in order: (seq, event kind or "hidden").
    pub seen: Vec<(i64, String)>,
    pub last_seq: i64,
    pub snapshot: Option<Value>,
    /// Numbered messages received since the last `take_numbered`.
    pub inbox: Vec<Value>,
}

/// A signed-in session: its cookie token and a client holding it.
pub async fn session(app: &TestApp, email: &str) -> (String, Client) {
    let c = app.client();
    let r = app.post_sign_in(&c, email, PASSWORD, None).await;
    assert!(r.status().is_success(), "sign in as {email}");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("convene_session="))
        .expect("session cookie")
        .to_string();
    let token = cookie
        .trim_start_matches("convene_session=")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    (token, c)
}

pub fn request(
    app: &TestApp,
    meeting: i64,
    token: Option<&str>,
    origin: Option<&str>,
) -> tokio_tungstenite::tungstenite::handshake::client::Request {
    let mut req = format!("ws://{}/api/v1/meetings/{meeting}/live", app.addr)
        .into_client_request()
        .unwrap();
    if let Some(t) = token {
        req.headers_mut()
            .insert("cookie", format!("convene_session={t}").parse().unwrap());
    }
    if let Some(o) = origin {
        req.headers_mut().insert("origin", o.parse().unwrap());
    }
    req
}

/// The HTTP status a refused handshake answers with.
pub async fn refused_status(
    app: &TestApp,
    meeting: i64,
    token: Option<&str>,
    origin: Option<&str>,
) -> u16 {
    match tokio_tungstenite::connect_async(request(app, meeting, token, origin)).await {
        Ok(_) => 101,
        Err(tokio_tungstenite::tungstenite::Error::Http(r)) => r.status().as_u16(),
        Err(e) => panic!("unexpected handshake error {e}"),
    }
}

impl Ws {
    pub async fn connect(app: &TestApp, meeting: i64, token: &str, last_seq: Option<i64>) -> Ws {
        Self::open(app, meeting, token, last_seq, None).await
    }

    /// As the page opens it: naming the page's language (`?lang=ro`).
    pub async fn connect_in(app: &TestApp, meeting: i64, token: &str, lang: &str) -> Ws {
        Self::open(app, meeting, token, None, Some(lang)).await
    }

    async fn open(
        app: &TestApp,
        meeting: i64,
        token: &str,
        last_seq: Option<i64>,
        lang: Option<&str>,
    ) -> Ws {
        let origin = format!("http://{}", app.addr);
        let mut req = request(app, meeting, Some(token), Some(&origin));
        if let Some(lang) = lang {
            *req.uri_mut() = format!(
                "ws://{}/api/v1/meetings/{meeting}/live?lang={lang}",
                app.addr
            )
            .parse()
            .unwrap();
        }
        let (stream, _) = tokio_tungstenite::connect_async(req)
            .await
            .expect("live socket opens");
        let mut ws = Ws {
            stream,
            seen: vec![],
            last_seq: last_seq.unwrap_or(0),
            snapshot: None,
            inbox: vec![],
        };
        ws.send(json!({ "type": "join", "last_seq": last_seq }))
            .await;
        ws
    }

    pub async fn send(&mut self, v: Value) {
        self.stream
            .send(Message::Text(v.to_string().into()))
            .await
            .unwrap();
    }

    pub async fn send_raw(&mut self, text: String) {
        self.stream.send(Message::Text(text.into())).await.unwrap();
    }

    /// The next message (presence and pongs included), or `None` when the socket closed.
    pub async fn recv(&mut self) -> Option<Value> {
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(10), self.stream.next())
                .await
                .expect("a message within 10 s");
            match msg {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(&t).unwrap();
                    self.note(&v);
                    return Some(v);
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
                Some(Ok(_)) => continue,
            }
        }
    }

    fn note(&mut self, v: &Value) {
        match v["type"].as_str() {
            Some("snapshot") => {
                self.last_seq = v["seq"].as_i64().unwrap();
                self.snapshot = Some(v["state"].clone());
            }
            Some("event") | Some("hidden") => {
                let seq = v["seq"].as_i64().unwrap();
                assert_eq!(
                    seq,
                    self.last_seq + 1,
                    "numbered messages arrive without gaps"
                );
                self.last_seq = seq;
                let kind = v["event"]["kind"].as_str().unwrap_or("hidden").to_string();
                self.seen.push((seq, kind));
                self.inbox.push(v.clone());
            }
            _ => {}
        }
    }

    /// Waits for the snapshot that answers the join.
    pub async fn snapshot(&mut self) -> Value {
        loop {
            let v = self.recv().await.expect("snapshot before close");
            if v["type"] == "snapshot" {
                return v["state"].clone();
            }
        }
    }

    /// Sends a change and returns the server's answer to it (ack or refused).
    pub async fn change(&mut self, key: &str, change: Value) -> Value {
        self.send(json!({ "type": "change", "key": key, "change": change }))
            .await;
        self.answer(key).await
    }

    pub async fn answer(&mut self, key: &str) -> Value {
        loop {
            let v = self.recv().await.expect("an answer before close");
            if matches!(v["type"].as_str(), Some("ack" | "refused")) && v["key"] == key {
                return v;
            }
        }
    }

    /// Reads until the message numbered `seq` has arrived.
    pub async fn until_seq(&mut self, seq: i64) {
        while self.last_seq < seq {
            self.recv().await.expect("socket open until seq");
        }
    }

    /// Reads until a message of this type arrives.
    pub async fn until_type(&mut self, ty: &str) -> Value {
        loop {
            let v = self.recv().await.expect("socket open");
            if v["type"] == ty {
                return v;
            }
        }
    }

    /// Whether anything numbered arrives within `ms` (pongs and presence do not count).
    pub async fn quiet_for(&mut self, ms: u64) -> bool {
        let deadline = tokio::time::Instant::now() + Duration::from_millis(ms);
        loop {
            match tokio::time::timeout_at(deadline, self.stream.next()).await {
                Err(_) => return true,
                Ok(Some(Ok(Message::Text(t)))) => {
                    let v: Value = serde_json::from_str(&t).unwrap();
                    self.note(&v);
                    if matches!(v["type"].as_str(), Some("event" | "hidden" | "snapshot")) {
                        return false;
                    }
                }
                Ok(Some(Ok(_))) => {}
                Ok(_) => return true,
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self.stream.close(None).await;
    }
}
