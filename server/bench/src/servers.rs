//! The server children: this executable re-run with `--serve live|baseline`, printing
//! `LISTENING addr` once it accepts connections and exiting when its standard input closes.

use crate::clock::{CommitLog, Commits};
use crate::{Args, Phase};
use convene_app::live::hub::COMMITTED_TARGET;
use convene_server::api::live::READ_BUFFER;
use convene_server::config::Config;
use convene_server::{seed, startup};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::TcpListener;
use tokio::process::{Child, ChildStdin, Command};
use tracing::Level;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

/// The demo users' password in the live server's database (nobody signs in with it: the tool
/// creates sessions directly).
pub const DEMO_PASSWORD: &str = "live load tool demo password";

pub struct Server {
    process: Child,
    /// When each change was committed, as the child reports it.
    commits: Commits,
    /// Held open: the child exits when it closes.
    _stdin: ChildStdin,
    pub addr: SocketAddr,
    pub pid: u32,
}

pub async fn spawn(phase: Phase, db: Option<&Path>, args: &Args) -> Result<Server, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?;
    let mut cmd = Command::new(exe);
    cmd.arg("--serve").arg(match phase {
        Phase::Live => "live",
        Phase::Baseline => "baseline",
    });
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    if let Some(b) = args.baseline_read_buffer {
        cmd.arg("--baseline-read-buffer").arg(b.to_string());
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    let mut process = cmd
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let pid = process.id().ok_or("the server exited at once")?;
    let stdin = process.stdin.take().ok_or("no stdin")?;
    let stdout = process.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let addr = tokio::time::timeout(Duration::from_secs(120), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(a) = line.strip_prefix("LISTENING ") {
                return a.trim().parse::<SocketAddr>().map_err(|e| e.to_string());
            }
            eprintln!("server: {line}");
        }
        Err("the server ended before listening".to_string())
    })
    .await
    .map_err(|_| "the server did not start within 120 s".to_string())??;
    let commits = Commits::default();
    let noted = commits.clone();
    tokio::spawn(async move {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some((key, ns)) = crate::clock::parse(&line) {
                noted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, ns);
            }
        }
    });
    Ok(Server {
        process,
        commits,
        _stdin: stdin,
        addr,
        pid,
    })
}

impl Server {
    /// The commit moments reported so far, after giving the child a moment to print the last.
    pub async fn commits(&self) -> HashMap<(i64, i64), u64> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.commits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub async fn stop(mut self) {
        let _ = self.process.kill().await;
    }
}

/// Resident and peak resident memory of a process, in bytes, from `/proc/PID/status`.
pub fn memory(pid: Option<u32>) -> Option<(u64, u64)> {
    let path = match pid {
        Some(p) => format!("/proc/{p}/status"),
        None => "/proc/self/status".to_string(),
    };
    let status = std::fs::read_to_string(path).ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// The machine's CPU time so far, from the first line of `/proc/stat`: (busy, steal, iowait,
/// total) in clock ticks, all cores together.
pub fn cpu_ticks() -> Option<(u64, u64, u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let v: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .take(8)
        .filter_map(|x| x.parse().ok())
        .collect();
    let [user, nice, system, idle, iowait, irq, softirq, steal] = v[..] else {
        return None;
    };
    let busy = user + nice + system + irq + softirq;
    Some((busy, steal, iowait, busy + idle + iowait + steal))
}

/// The soft limit of open files, from `/proc/self/limits`.
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The child's side: runs the server until the parent closes our standard input.
pub fn serve_child(phase: Phase, args: &Args) -> ExitCode {
    let (db, read_buffer) = (
        args.db.clone(),
        args.baseline_read_buffer.unwrap_or(READ_BUFFER),
    );
    let filter = tracing_subscriber::EnvFilter::try_from_env("CONVENE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let commits = Targets::new().with_target(COMMITTED_TARGET, Level::TRACE);
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(filter),
        )
        .with(CommitLog::start().with_filter(commits))
        .try_init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("server: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        tokio::spawn(async {
            let mut stdin = tokio::io::stdin();
            let mut buf = [0u8; 64];
            while let Ok(n) = stdin.read(&mut buf).await {
                if n == 0 {
                    break;
                }
            }
            std::process::exit(0);
        });
        match phase {
            Phase::Baseline => {
                let listener = TcpListener::bind("127.0.0.1:0").await?;
                println!("LISTENING {}", listener.local_addr()?);
                crate::baseline::serve(listener, read_buffer).await?;
                Ok(())
            }
            Phase::Live => serve_live(db.ok_or("--db is required")?).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The real application, started as the API tests start it, with the demo group.
async fn serve_live(db: PathBuf) -> Result<(), startup::BoxError> {
    let url = format!("sqlite://{}", db.display());
    let config = Config::from_lookup(|k| match k {
        "CONVENE_DATABASE_URL" => Some(url.clone()),
        "CONVENE_ADDR" => Some("127.0.0.1:0".into()),
        _ => None,
    })
    .map_err(|e| e.0)?;
    let (state, router) = startup::build(&config, startup::security(&config)).await?;
    seed::seed_demo(&state.db, Some(DEMO_PASSWORD.into())).await?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    println!("LISTENING {}", listener.local_addr()?);
    startup::serve(listener, router, std::future::pending()).await?;
    Ok(())
}
