//! Preparing the live phase, as people would, through the API and the socket: each demo user
//! signs in once (`POST /api/v1/session`) and that session serves all of their sockets, as a
//! person's browser tabs share one; meetings are created, built and published by the
//! coordinator; confidentiality is acknowledged by each demo user for each meeting; each meeting
//! is started by its chair over the socket.

use crate::plan::{MeetingPlan, Plan, Role, SocketPlan};
use crate::Args;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// The demo users' password in the live server's database (`CONVENE_DEMO_PASSWORD`).
pub const DEMO_PASSWORD: &str = "live load tool demo password";
/// The session cookie over plain http on a loopback address (`COOKIE` in
/// app/src/auth/session.rs; `__Host-convene_session` only when cookies are `Secure`).
const SESSION_COOKIE: &str = "convene_session";

const CHAIR: &str = "chair@demo.test";
const COORDINATOR: &str = "coordinator@demo.test";
/// Members who contribute, in turn.
const MEMBERS: [&str; 6] = [
    "police@demo.test",
    "social@demo.test",
    "health@demo.test",
    "probation@demo.test",
    "advocate@demo.test",
    "children@demo.test",
];
const OBSERVER: &str = "observer@demo.test";

struct Api {
    http: reqwest::Client,
    addr: SocketAddr,
}

impl Api {
    async fn post(&self, token: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut req = self
            .http
            .post(format!("http://{}/api/v1{path}", self.addr))
            .header("cookie", format!("{SESSION_COOKIE}={token}"))
            .header("origin", format!("http://{}", self.addr));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.map_err(|e| format!("POST {path}: {e}"))?;
        let status = r.status();
        let text = r.text().await.unwrap_or_default();
        if !status.is_success() {
            return Err(format!("POST {path}: {status}: {text}"));
        }
        serde_json::from_str(&text).map_err(|e| format!("POST {path}: {e}"))
    }

    /// Signs `email` in, as the sign-in page does, with a client of its own (no cookie: a
    /// previous session sent along would be ended); the session token from `Set-Cookie`.
    async fn sign_in(&self, email: &str) -> Result<String, String> {
        let r = self
            .http
            .post(format!("http://{}/api/v1/session", self.addr))
            .header("origin", format!("http://{}", self.addr))
            .json(&json!({ "email": email, "password": DEMO_PASSWORD, "totp": null }))
            .send()
            .await
            .map_err(|e| format!("sign in as {email}: {e}"))?;
        let status = r.status();
        let token = r
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|c| c.split(';').next()?.trim().split_once('='))
            .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
            .map(|(_, value)| value.to_string());
        match token {
            Some(t) if status.is_success() => Ok(t),
            _ => Err(format!(
                "sign in as {email}: {status}: {}",
                r.text().await.unwrap_or_default()
            )),
        }
    }
}

/// The meetings, their agendas published and their sessions started, and a signed-in seat
/// for every socket.
pub async fn prepare(args: &Args, addr: SocketAddr, db: &Path) -> Result<Plan, String> {
    let api = Api {
        http: reqwest::Client::new(),
        addr,
    };
    let people: Vec<&str> = [CHAIR, COORDINATOR]
        .into_iter()
        .chain(MEMBERS)
        .chain([OBSERVER])
        .collect();
    eprintln!("live: signing in {} demo users", people.len());
    let mut tokens: HashMap<&str, String> = HashMap::new();
    for email in &people {
        tokens.insert(email, api.sign_in(email).await?);
    }
    let coordinator = tokens[COORDINATOR].as_str();

    eprintln!(
        "live: creating, building and publishing {} meetings",
        args.meetings
    );
    let first = chrono::NaiveDate::from_ymd_opt(2031, 1, 7).ok_or("date")?;
    let mut meetings = Vec::new();
    for m in 0..args.meetings {
        let day = first + chrono::Duration::days(7 * m as i64);
        let created = api
            .post(
                coordinator,
                "/meetings",
                Some(
                    json!({ "starts_at": format!("{}T09:00", day.format("%Y-%m-%d")),
                             "duration_minutes": 240, "place": "Load test room" }),
                ),
            )
            .await?;
        let id = created["id"].as_i64().ok_or("meeting id")?;
        api.post(coordinator, &format!("/meetings/{id}/agenda/build"), None)
            .await?;
        let agenda = api
            .post(coordinator, &format!("/meetings/{id}/publish"), None)
            .await?;
        let items: Vec<&Value> = agenda["items"]
            .as_array()
            .ok_or("agenda items")?
            .iter()
            .filter(|i| i["removed"] == false)
            .collect();
        let id_of = |i: &Value| i["id"].as_i64().unwrap_or_default();
        let open = items
            .iter()
            .find(|i| i["kind"] == "aob")
            .or_else(|| items.iter().find(|i| i["case_id"].is_null()))
            .map(|i| id_of(i))
            .ok_or("no item without a case on the agenda")?;
        let case = items
            .iter()
            .find(|i| !i["case_id"].is_null())
            .map(|i| id_of(i))
            .unwrap_or(open);
        meetings.push((
            id,
            items.iter().map(|i| id_of(i)).collect::<Vec<_>>(),
            open,
            case,
        ));
    }

    // Everyone who will join acknowledges confidentiality for every meeting.
    let mut joining = Vec::new();
    for email in people {
        let mut ok = true;
        for (id, ..) in &meetings {
            if let Err(e) = api
                .post(&tokens[email], &format!("/meetings/{id}/acknowledge"), None)
                .await
            {
                if email == CHAIR || email == COORDINATOR || MEMBERS.contains(&email) {
                    return Err(format!("{email} cannot acknowledge: {e}"));
                }
                eprintln!("live: {email} left out (cannot acknowledge: {e})");
                ok = false;
                break;
            }
        }
        if ok {
            joining.push(email);
        }
    }

    eprintln!("live: starting every meeting");
    for (id, ..) in &meetings {
        start(addr, *id, &tokens[CHAIR]).await?;
    }

    // The seats: the chair's, the coordinator's, the contributing members', then everyone in
    // turn; each socket with its person's session.
    let mut plans = Vec::new();
    for (id, items, open, case) in &meetings {
        let mut sockets = Vec::new();
        for i in 0..args.per_meeting {
            let role = Role::for_index(i, args.contributors, *case, *open);
            let email = match (i, role) {
                (0, _) => CHAIR,
                (1, Role::Contributor { .. }) => COORDINATOR,
                (_, Role::Contributor { .. }) => MEMBERS[(i - 2) % MEMBERS.len()],
                _ => joining[i % joining.len()],
            };
            sockets.push(SocketPlan {
                url: format!("ws://{addr}/api/v1/meetings/{id}/live"),
                origin: format!("http://{addr}"),
                cookie: Some(tokens[email].clone()),
                role,
            });
        }
        plans.push(MeetingPlan {
            sockets,
            server_id: *id,
            items: items.clone(),
        });
    }
    eprintln!(
        "live: {} sockets planned for {} people, one session each",
        args.sockets(),
        joining.len()
    );
    let mut plan = Plan::new(args, plans);
    plan.stall = args
        .stall_ms
        .map(|ms| (db.to_path_buf(), std::time::Duration::from_millis(ms)));
    Ok(plan)
}

/// The chair starts the meeting over the socket, as in the room.
async fn start(addr: SocketAddr, meeting: i64, token: &str) -> Result<(), String> {
    let mut req = format!("ws://{addr}/api/v1/meetings/{meeting}/live")
        .into_client_request()
        .map_err(|e| e.to_string())?;
    req.headers_mut().insert(
        "cookie",
        format!("{SESSION_COOKIE}={token}")
            .parse()
            .map_err(|_| "cookie")?,
    );
    req.headers_mut().insert(
        "origin",
        format!("http://{addr}").parse().map_err(|_| "origin")?,
    );
    let (mut ws, _) = tokio_tungstenite::connect_async(req)
        .await
        .map_err(|e| format!("chair socket: {e}"))?;
    let send = |v: Value| Message::Text(v.to_string().into());
    ws.send(send(json!({ "type": "join", "last_seq": null })))
        .await
        .map_err(|e| e.to_string())?;
    ws.send(send(
        json!({ "type": "change", "key": format!("start-{meeting}"),
                         "change": { "op": "start_session" } }),
    ))
    .await
    .map_err(|e| e.to_string())?;
    let answer = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Some(Ok(msg)) = ws.next().await {
            if let Message::Text(t) = msg {
                let v: Value = serde_json::from_str(&t).unwrap_or_default();
                if matches!(v["type"].as_str(), Some("ack" | "refused")) {
                    return v;
                }
            }
        }
        Value::Null
    })
    .await
    .map_err(|_| "no answer to start_session within 30 s")?;
    let _ = ws.close(None).await;
    if answer["type"] == "ack" {
        Ok(())
    } else {
        Err(format!("meeting {meeting} did not start: {answer}"))
    }
}
