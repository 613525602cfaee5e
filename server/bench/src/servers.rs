//! The server children and what the tool reads of them:
//!
//! - **live**: the real `convene` binary (see `convene.rs`);
//! - **baseline**: this executable again with the hidden `--serve baseline`, printing
//!   `LISTENING addr` once it accepts connections and exiting when its standard input closes.
//!
//! Both log to their standard output in `tracing_subscriber`'s default format, read here line
//! by line on a thread of its own: commit events (see `clock`) are noted, anything else is
//! passed on to our standard error.

use crate::clock::{log_filter, Commits};
use crate::Args;
use std::collections::HashMap;
use std::io::BufRead;
use std::net::SocketAddr;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitCode, ExitStatus, Stdio};
use std::time::Duration;
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A running server child; killed when dropped.
pub struct Server {
    process: Child,
    /// When each change was committed, as the child logs it.
    commits: Commits,
    /// Held open: the baseline child exits when it closes.
    _stdin: Option<ChildStdin>,
    pub addr: SocketAddr,
    pub pid: u32,
}

impl Server {
    /// Starts `cmd` (its standard output piped) and reads its log. The receiver gets the
    /// address of a `LISTENING addr` line, if the child prints one.
    pub fn start(
        mut cmd: Command,
        name: &'static str,
    ) -> Result<(Server, oneshot::Receiver<String>), String> {
        let mut process = cmd
            .spawn()
            .map_err(|e| format!("cannot start {name}: {e}"))?;
        let stdin = process.stdin.take();
        let stdout = process.stdout.take();
        let pid = process.id();
        let commits = Commits::default();
        let (listening_tx, listening) = oneshot::channel();
        if let Some(out) = stdout {
            read_log(out, name, commits.clone(), listening_tx);
        }
        let server = Server {
            process,
            commits,
            _stdin: stdin,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            pid,
        };
        Ok((server, listening))
    }

    /// The child's exit status, if it has ended.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.process.try_wait().ok().flatten()
    }

    /// The commit moments reported so far, after giving the child a moment to print the last.
    pub async fn commits(&self) -> HashMap<(i64, i64), u64> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.commits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Ends the child (as dropping it does).
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Reads the child's log on a thread of its own (so that a busy runtime never leaves the pipe
/// full and the server blocked on its log): commit events into `commits`, the first
/// `LISTENING addr` to `listening`, other lines to our standard error.
fn read_log(
    out: ChildStdout,
    name: &'static str,
    commits: Commits,
    listening: oneshot::Sender<String>,
) {
    std::thread::spawn(move || {
        let mut listening = Some(listening);
        for line in std::io::BufReader::new(out).split(b'\n') {
            let Ok(line) = line else { break };
            let line = String::from_utf8_lossy(&line);
            if let Some((key, ns)) = crate::clock::parse(&line) {
                commits
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, ns);
            } else if let Some(addr) = line.strip_prefix("LISTENING ") {
                if let Some(tx) = listening.take() {
                    let _ = tx.send(addr.trim().to_string());
                }
            } else if !line.trim().is_empty() {
                eprintln!("{name}: {line}");
            }
        }
    });
}

pub async fn spawn_baseline(args: &Args) -> Result<Server, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?;
    let mut cmd = Command::new(exe);
    cmd.args(["--serve", "baseline"]);
    if let Some(b) = args.baseline_read_buffer {
        cmd.arg("--baseline-read-buffer").arg(b.to_string());
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let (mut server, listening) = Server::start(cmd, "baseline")?;
    let addr = tokio::time::timeout(Duration::from_secs(120), listening)
        .await
        .map_err(|_| "the baseline server did not start within 120 s".to_string())?
        .map_err(|_| "the baseline server ended before listening".to_string())?;
    server.addr = addr
        .parse()
        .map_err(|e| format!("baseline address {addr:?}: {e}"))?;
    Ok(server)
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

/// Resets a process's peak resident memory (`VmHWM`) to its present one, so that the peak
/// reported is the sockets' and not that of the preparations (a sign-in's Argon2 block).
pub fn reset_peak(pid: u32) {
    if let Err(e) = std::fs::write(format!("/proc/{pid}/clear_refs"), "5") {
        eprintln!("live_load: could not reset the server's peak memory: {e}");
    }
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

/// The baseline child's side: serves until the parent closes our standard input.
pub fn serve_baseline(args: &Args) -> ExitCode {
    let read_buffer = args
        .baseline_read_buffer
        .unwrap_or(crate::baseline::READ_BUFFER);
    // Logged as the `convene` binary logs (server/src/cli.rs: `fmt()` to standard output) with
    // the filter the tool gives it, so that the commit events are printed, and cost, alike.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(log_filter()))
        .with_ansi(false)
        .try_init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("baseline: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result: std::io::Result<()> = runtime.block_on(async move {
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
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        println!("LISTENING {}", listener.local_addr()?);
        crate::baseline::serve(listener, read_buffer).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("baseline: {e}");
            ExitCode::FAILURE
        }
    }
}
