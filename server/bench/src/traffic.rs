//! What runs during the traffic besides the sockets: a driver per meeting sending its changes at
//! a steady rate, the disk probe, and the `--stall-ms` write lock.

use crate::socket::Outgoing;
use serde_json::json;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

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
pub async fn drive(
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
pub struct FsyncProbe {
    stop: Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<Vec<(Instant, Duration)>>,
}

impl FsyncProbe {
    pub fn start(dir: Option<std::path::PathBuf>) -> FsyncProbe {
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

    pub fn stop(self) -> Vec<(Instant, Duration)> {
        self.stop.store(true, Ordering::Release);
        self.thread.join().unwrap_or_default()
    }
}

/// Holds SQLite's write lock on the database for `hold`, as a slow disk flush or a long
/// transaction would: how long do the meetings take to recover?
pub async fn hold_write_lock(db: &std::path::Path, hold: Duration) -> Result<(), String> {
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
