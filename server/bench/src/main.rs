//! Load tool for the live meeting socket (`/api/v1/meetings/{id}/live`). See BENCHMARKS.md.
//!
//! One run has two phases that share the client code, the layout of the sockets, the size of
//! the messages and the rate of changes:
//!
//! 1. **baseline**: a plain axum WebSocket server with one `tokio::sync::broadcast` channel per
//!    meeting; a change gets its number from an in-memory counter and is broadcast at once (no
//!    database, no sign-in, no authorisation);
//! 2. **live**: the real `convene` binary (`convene serve --demo`) on a fresh SQLite file with
//!    the demo group, its meetings built, published and started through the API, each demo
//!    user signed in once and their session used for all of their sockets.
//!
//! Each server runs in a child process (the baseline is this executable again, with the hidden
//! `--serve baseline` option), so that its memory is read from `/proc/PID/status` apart from
//! the clients'. The tool shares only the protocol's types with the application.
//!
//! In every meeting the chair's socket moves the agenda and starts and pauses timers while a few
//! contributors' sockets add contributions, all at a steady rate. Every socket notes when each
//! numbered message (`event`, `hidden`) arrives. The servers log the moment each change is
//! committed (Convene right after its transaction commits, the baseline when it numbers the
//! change; both on their standard output, read by the tool), so the latency of a delivery is
//! its arrival less that moment (commit → receipt); arrival less the moment the change left its
//! sender (send → receipt) is shown too. The tool prints the figures and exits non-zero only
//! when a message was lost or duplicated or something failed, never because of timing.

mod baseline;
mod client;
mod clock;
mod convene;
mod plan;
mod report;
mod servers;
mod setup;
mod socket;
mod summary;
mod traffic;

use clap::{Parser, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "live_load",
    about = "Load test of the live meeting socket against a raw tokio broadcast baseline"
)]
pub struct Args {
    /// Meetings, each a room with its own broadcast channel and its own chair.
    #[arg(long, default_value_t = 10)]
    pub meetings: usize,
    /// Sockets per meeting (the chair's and the contributors' included).
    #[arg(long, default_value_t = 30)]
    pub per_meeting: usize,
    /// Changes sent in each meeting.
    #[arg(long, default_value_t = 200)]
    pub changes: usize,
    /// Changes per second in each meeting.
    #[arg(long, default_value_t = 10.0)]
    pub rate: f64,
    /// Contributing sockets per meeting besides the chair's (the first is the coordinator's,
    /// on a case item; the others are members' on "any other business").
    #[arg(long, default_value_t = 4)]
    pub contributors: usize,
    /// Length of a contribution's text, in bytes.
    #[arg(long, default_value_t = 160)]
    pub body_bytes: usize,
    /// WebSocket handshakes in flight at once.
    #[arg(long, default_value_t = 100)]
    pub connect_concurrency: usize,
    /// Also list the changes whose acknowledgement took longer than this (milliseconds), with
    /// when they were sent, to see whether slow ones come in bursts.
    #[arg(long)]
    pub slow_ms: Option<f64>,
    /// Where to put the live server's database (a temporary folder is made inside): by
    /// default the system's temporary folder; e.g. /dev/shm to take the disk out.
    #[arg(long)]
    pub db_dir: Option<PathBuf>,
    /// Live phase: halfway through the traffic, hold the database's write lock for this many
    /// milliseconds (as a slow disk flush would), to see how the meetings recover.
    #[arg(long)]
    pub stall_ms: Option<u64>,
    /// Experiment: the baseline server's WebSocket read buffer, in bytes (by default the same
    /// as Convene's; axum's own default is 128 KiB, which tungstenite zero-fills on every read).
    #[arg(long)]
    pub baseline_read_buffer: Option<usize>,
    /// Experiment: run the chairs' and contributors' sockets on a runtime of their own (as
    /// they would be on a device of their own), not behind the listeners' sockets.
    #[arg(long)]
    pub senders_apart: bool,
    /// Experiment: the CPU priority (nice, 0–19) of the threads that read the listeners'
    /// sockets (they stand for other people's devices, which would not take the server's CPU).
    /// By default 0, the servers' priority.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i32).range(0..=19))]
    pub listeners_nice: i32,
    /// Run one phase only.
    #[arg(long, value_enum)]
    pub only: Option<Phase>,
    /// The `convene` binary the live phase runs; by default the one next to this executable
    /// (`cargo build --release -p convene -p convene-bench` builds both there).
    #[arg(long, env = "CONVENE_BIN")]
    pub convene: Option<PathBuf>,
    /// Internal: run as the baseline's server child.
    #[arg(long, value_enum, hide = true)]
    pub serve: Option<Served>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Live,
    Baseline,
}

/// The server child this executable can be (the live one is the `convene` binary).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    Baseline,
}

impl Args {
    pub fn sockets(&self) -> usize {
        self.meetings * self.per_meeting
    }

    fn check(&self) -> Result<(), String> {
        if self.meetings == 0 || self.changes == 0 {
            return Err("--meetings and --changes must be at least 1".into());
        }
        if self.per_meeting < 1 + self.contributors {
            return Err(format!(
                "--per-meeting must be at least 1 + --contributors ({})",
                1 + self.contributors
            ));
        }
        if !(self.rate > 0.0 && self.rate.is_finite()) {
            return Err("--rate must be a positive number".into());
        }
        if self.connect_concurrency == 0 {
            return Err("--connect-concurrency must be at least 1".into());
        }
        if let Some(limit) = servers::open_files_limit() {
            // Each phase's sockets are open in this process and in the server child.
            if self.sockets() as u64 + 64 > limit {
                return Err(format!(
                    "{} sockets need more open files than the limit of {limit} (ulimit -n)",
                    self.sockets()
                ));
            }
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(Served::Baseline) = args.serve {
        return servers::serve_baseline(&args);
    }
    if let Err(e) = args.check() {
        eprintln!("live_load: {e}");
        return ExitCode::from(2);
    }
    let nice = args.listeners_nice;
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .on_thread_start(move || clock::lower_priority(nice))
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("live_load: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("live_load: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the phases and prints the report; `Ok(false)` when a message was lost or duplicated
/// or a change or socket failed.
async fn run(args: &Args) -> Result<bool, String> {
    eprintln!(
        "live_load: {} sockets ({} meetings × {}), {} changes per meeting at {}/s per meeting",
        args.sockets(),
        args.meetings,
        args.per_meeting,
        args.changes,
        args.rate
    );
    if args.only != Some(Phase::Baseline) {
        // Before the baseline's minutes, not after them.
        convene::binary(args)?;
    }
    let baseline = match args.only {
        Some(Phase::Live) => None,
        _ => Some(run_baseline(args).await?),
    };
    let live = match args.only {
        Some(Phase::Baseline) => None,
        _ => Some(run_live(args).await?),
    };
    Ok(report::print(args, live.as_ref(), baseline.as_ref()))
}

async fn run_baseline(args: &Args) -> Result<summary::Summary, String> {
    eprintln!("live_load: baseline phase: starting the broadcast server");
    let child = servers::spawn_baseline(args).await?;
    let plan = baseline::plan(args, child.addr);
    servers::reset_peak(child.pid);
    let run = client::run(&plan, child.pid, "baseline").await;
    let commits = child.commits().await;
    child.stop();
    Ok(summary::summarize(&run?, &commits, args.slow_ms))
}

async fn run_live(args: &Args) -> Result<summary::Summary, String> {
    eprintln!(
        "live_load: live phase: starting convene serve --demo with a fresh database ({})",
        convene::binary(args)?.display()
    );
    let dir = match &args.db_dir {
        Some(d) => tempfile::tempdir_in(d),
        None => tempfile::tempdir(),
    }
    .map_err(|e| format!("temporary folder: {e}"))?;
    let db = dir.path().join("convene.db");
    let child = convene::spawn(args, &db, setup::DEMO_PASSWORD).await?;
    let result = async {
        let plan = setup::prepare(args, child.addr, &db).await?;
        servers::reset_peak(child.pid);
        client::run(&plan, child.pid, "live").await
    }
    .await;
    let commits = child.commits().await;
    child.stop();
    Ok(summary::summarize(&result?, &commits, args.slow_ms))
}
