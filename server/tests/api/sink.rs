//! A real SMTP server for the tests: `.dev/smtp-sink.py` on aiosmtpd (installed by
//! `.dev/setup --test`), writing each message it accepts into a folder as JSON.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    _child: tokio::process::Child,
}

fn python() -> PathBuf {
    if let Ok(p) = std::env::var("CONVENE_SMTP_SINK_PYTHON") {
        return p.into();
    }
    let cache = std::env::var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cache"));
    cache.join("convene/smtp/bin/python")
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_slow(0).await
    }

    /// Each message is held `delay_ms` before the server answers that it took it.
    pub async fn start_slow(delay_ms: u64) -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.dev/smtp-sink.py");
        let py = python();
        assert!(
            py.exists(),
            "the tests' SMTP server is missing: run .dev/setup --test (looked for {})",
            py.display()
        );
        let mut child = tokio::process::Command::new(py)
            .arg(script)
            .arg(dir.path())
            .arg("--delay-ms")
            .arg(delay_ms.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let port = tokio::time::timeout(Duration::from_secs(20), async {
            let line = lines.next_line().await.unwrap().unwrap();
            line.trim_start_matches("listening on ")
                .trim()
                .parse::<u16>()
                .unwrap()
        })
        .await
        .expect("the SMTP sink starts");
        SmtpSink {
            port,
            dir,
            _child: child,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, in order.
    pub fn messages(&self) -> Vec<Mail> {
        let mut names: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|p| {
                let json: Value =
                    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                let raw = std::fs::read_to_string(p.with_extension("eml")).unwrap_or_default();
                Mail { json, raw }
            })
            .collect()
    }

    /// Waits until at least `n` messages arrived (up to 20 s), then returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Mail> {
        for _ in 0..200 {
            let m = self.messages();
            if m.len() >= n {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{n} messages expected, {} arrived", self.messages().len());
    }
}

pub struct Mail {
    pub json: Value,
    /// The message as received, encoded.
    pub raw: String,
}

impl Mail {
    pub fn to(&self) -> Vec<String> {
        self.json["rcpt_to"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    pub fn subject(&self) -> String {
        self.json["subject"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The decoded text of the part of this type (`text/plain`, `text/html`, `text/calendar`).
    pub fn part(&self, kind: &str) -> Option<String> {
        self.json["parts"]
            .as_array()?
            .iter()
            .find(|p| p["type"] == kind)
            .map(|p| p["text"].as_str().unwrap_or_default().to_string())
    }

    /// Everything a reader could see: headers, every decoded part, and the raw message.
    pub fn everything(&self) -> String {
        format!("{}\n{}", self.json, self.raw)
    }
}
