//! Starts the real application on port 0 with a fresh SQLite file and the demo group.

use convene_server::config::Config;
use convene_server::{seed, startup};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::SqlitePool;
use std::net::{IpAddr, SocketAddr};
use tokio::sync::oneshot;

pub const PASSWORD: &str = "demo password for tests";

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: SqlitePool,
    /// The app's state, for the clock and the scheduler's tick.
    pub state: convene_app::state::AppState,
    /// How the outbox reaches people (the mail server given by `CONVENE_SMTP_URL`).
    pub post: convene_app::outbox::worker::Post,
    _dir: tempfile::TempDir,
    _shutdown: oneshot::Sender<()>,
}

impl TestApp {
    pub async fn start() -> TestApp {
        Self::start_with(|_| Vec::new()).await
    }

    /// With more configuration, as the environment would give it (`CONVENE_PUBLIC_URL`, ...).
    pub async fn start_with_vars(vars: &[(&'static str, &str)]) -> TestApp {
        let vars: Vec<(&'static str, String)> =
            vars.iter().map(|(k, v)| (*k, v.to_string())).collect();
        Self::start_with(move |_| vars.clone()).await
    }

    /// Started with more configuration; `env` is given the folder of the database.
    /// With the demo seeded as `convene seed-demo --lang <lang>` does: the group's language, its
    /// time zone and the demo's words in that language.
    pub async fn start_in_language(lang: &str) -> TestApp {
        Self::start_seeded(|_| Vec::new(), Some(lang)).await
    }

    /// Started with more configuration; `env` is given the folder of the database.
    pub async fn start_with(
        env: impl Fn(&std::path::Path) -> Vec<(&'static str, String)>,
    ) -> TestApp {
        Self::start_seeded(env, None).await
    }

    async fn start_seeded(
        env: impl Fn(&std::path::Path) -> Vec<(&'static str, String)>,
        lang: Option<&str>,
    ) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("convene.db").display());
        let extra = env(dir.path());
        let config = Config::from_lookup(|k| match k {
            "CONVENE_DATABASE_URL" => Some(url.clone()),
            "CONVENE_ADDR" => Some("127.0.0.1:0".into()),
            k => extra.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()),
        })
        .unwrap();
        let (state, router) = startup::build(&config, startup::security(&config))
            .await
            .unwrap();
        seed::demo_language(&state.db, lang).await.unwrap();
        seed::seed_demo(&state.db, Some(PASSWORD.into()))
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(startup::serve(listener, router, async {
            let _ = rx.await;
        }));
        let post = startup::post(&config).unwrap();
        TestApp {
            addr,
            db: state.db.clone(),
            state,
            post,
            _dir: dir,
            _shutdown: tx,
        }
    }

    /// Runs what time passing does, at the app's clock: reminders, then the outbox's pass
    /// (notices, immediate emails, digests). The background worker does the same every few
    /// seconds; tests call it so as not to wait.
    pub async fn tick(&self) {
        let now = self.state.clock.now();
        convene_app::schedule::tick(&self.state, &self.post, now)
            .await
            .unwrap();
    }

    /// Builds the meeting's agenda and publishes it, as `c` (the coordinator).
    pub async fn build_and_publish(&self, c: &Client, meeting: i64) {
        for step in ["agenda/build", "publish"] {
            let r = c
                .post(self.api(&format!("/meetings/{meeting}/{step}")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{step}");
        }
    }

    /// Moves the app's clock on (what happens "seven days later").
    pub fn advance_days(&self, days: i64) {
        self.state.clock.advance(days * 24 * 3600);
    }

    /// The folder holding the database file (`convene.db`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn api(&self, path: &str) -> String {
        self.url(&format!("/api/v1{path}"))
    }

    /// A client with its own cookie jar, not signed in.
    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A client connecting from another loopback address (another "machine" for rate limits).
    pub fn client_from(&self, ip: &str) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .local_address(ip.parse::<IpAddr>().unwrap())
            .build()
            .unwrap()
    }

    pub async fn sign_in_as(&self, email: &str) -> Client {
        let c = self.client();
        let r = self.post_sign_in(&c, email, PASSWORD, None).await;
        assert_eq!(r.status(), StatusCode::OK, "sign in as {email}");
        c
    }

    pub async fn post_sign_in(
        &self,
        c: &Client,
        email: &str,
        password: &str,
        totp: Option<&str>,
    ) -> Response {
        c.post(self.api("/session"))
            .json(&json!({ "email": email, "password": password, "totp": totp }))
            .send()
            .await
            .unwrap()
    }

    /// The language chosen on "Your account" by the person signed in on `c`.
    pub async fn choose_language(&self, c: &Client, lang: &str) {
        let r = c
            .post(self.api("/language"))
            .json(&json!({ "language": lang }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "choosing {lang}");
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.db)
            .await
            .unwrap()
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
            .bind(email)
            .fetch_one(&self.db)
            .await
            .unwrap()
    }

    /// Refers a case (high risk on the checklist) as `email` for `agency`; its id and reference.
    pub async fn refer_case(
        &self,
        email: &str,
        agency: &str,
        victim: &str,
        children: bool,
    ) -> (i64, String) {
        let c = self.sign_in_as(email).await;
        let body = referral(self.agency_id(agency).await, victim, children);
        let r = c.post(self.api("/cases")).json(&body).send().await.unwrap();
        assert!(r.status().is_success(), "referral refused: {}", r.status());
        let v = json(r).await;
        (
            v["id"].as_i64().unwrap(),
            v["reference"].as_str().unwrap().to_string(),
        )
    }

    /// A case referred by the police (so the police are involved).
    pub async fn refer_police_case(&self, victim: &str, children: bool) -> (i64, String) {
        self.refer_case(
            "police@demo.test",
            "County Police Inspectorate",
            victim,
            children,
        )
        .await
    }

    pub async fn agency_id(&self, name: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM agencies WHERE name = ?")
            .bind(name)
            .fetch_one(&self.db)
            .await
            .unwrap()
    }
}

/// A valid referral: 15 of the 24 checklist answers "yes", consent given, one child or none.
pub fn referral(agency: i64, victim: &str, children: bool) -> Value {
    let checklist: Vec<&str> = (0..24).map(|i| if i < 15 { "yes" } else { "no" }).collect();
    json!({
        "referred_on": "2026-01-10", "referring_agency_id": agency, "checklist": checklist,
        "incidents_last_12_months": 0,
        "victim": { "name": victim, "date_of_birth": "1990-01-01", "safe_to_contact": true },
        "children": if children { json!([{ "initials": "AB", "age": 5 }]) } else { json!([]) },
        "consent": { "victim_informed": "yes", "consent_to_share": "given" },
    })
}

/// The properties (name, value) of each event of an iCalendar text, read by a real parser.
pub fn ics_events(text: &str) -> Vec<Vec<(String, String)>> {
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            e.properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
                .collect()
        })
        .collect()
}

pub async fn json(r: Response) -> Value {
    r.json().await.unwrap()
}

/// Asserts the API's error shape and returns the body.
pub async fn expect_error(r: Response, status: u16, code: &str) -> Value {
    assert_eq!(r.status().as_u16(), status, "status");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    body
}

pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix} {}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A server function's path, registered as `/_fn/<name><hash>`.
pub fn sfn_path(name: &str) -> String {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .find(|p| {
            p.trim_start_matches("/_fn/")
                .trim_end_matches(|c: char| c.is_ascii_digit())
                == name
        })
        .expect("a server function of that name")
}
