//! The live phase's server: the real `convene` binary, `convene serve --demo`, on a fresh SQLite
//! file and a free port, configured through its environment as an operator would configure it.

use crate::servers::Server;
use crate::Args;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const START_WITHIN: Duration = Duration::from_secs(120);
/// glibc's malloc thresholds for the server (see `spawn`): mmap 16 MiB, trim twice that.
const MALLOC_TUNABLES: &str =
    "glibc.malloc.mmap_threshold=16777216:glibc.malloc.trim_threshold=33554432";

/// The `convene` binary: `--convene PATH` (or `CONVENE_BIN`), else the one next to this
/// executable, where `cargo build --release -p convene -p convene-bench` puts both.
pub fn binary(args: &Args) -> Result<PathBuf, String> {
    let path = match &args.convene {
        Some(p) => p.clone(),
        None => std::env::current_exe()
            .map_err(|e| format!("cannot find this executable: {e}"))?
            .with_file_name("convene"),
    };
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "the convene binary is not at {}: build it with cargo build --release -p convene \
             (or name another with --convene PATH or CONVENE_BIN)",
            path.display()
        ))
    }
}

/// A port nobody listens on now: bound, read and closed, for the server to bind next.
fn free_port() -> Result<SocketAddr, String> {
    let probe = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot find a free port: {e}"))?;
    probe
        .local_addr()
        .map_err(|e| format!("cannot find a free port: {e}"))
}

/// Starts `convene serve --demo` on `db` and waits until it answers.
pub async fn spawn(args: &Args, db: &Path, demo_password: &str) -> Result<Server, String> {
    let bin = binary(args)?;
    let addr = free_port()?;
    let mut cmd = Command::new(&bin);
    cmd.args(["serve", "--demo"]);
    // Only the configuration below: none of ours (a key file, a public address) leaks in.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("CONVENE_") {
            cmd.env_remove(name);
        }
    }
    cmd.env("CONVENE_DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("CONVENE_ADDR", addr.to_string())
        .env("CONVENE_DEMO_PASSWORD", demo_password)
        // One sign-in per demo user; the default (30 a minute) would do, this leaves room.
        .env("CONVENE_SIGN_IN_PER_MINUTE", "1000")
        // Warnings, and the commit events the tool measures from, without colour codes.
        .env("CONVENE_LOG", crate::clock::log_filter())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    // Each sign-in's Argon2 takes a 19 MiB block. By default glibc raises its mmap threshold to
    // the size of the first such block freed (the demo seed's), so later ones come from the
    // heap and stay resident: nine sign-ins left ~117 MB no socket uses. A fixed threshold
    // below the block (and the trim threshold at twice it, where glibc's own adjustment puts
    // it) gives each block back when freed, so the memory rows count the sockets, as when the
    // tool made the sessions itself. A GLIBC_TUNABLES of ours is passed on instead (set it
    // empty for glibc's defaults).
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        cmd.env("GLIBC_TUNABLES", MALLOC_TUNABLES);
    }
    die_with_parent(&mut cmd);
    let (mut server, _) = Server::start(cmd, "convene")?;
    server.addr = addr;
    wait_until_up(&mut server).await?;
    Ok(server)
}

/// Until `GET /api/v1/me` answers (401 without a session: the server is up, seeded and
/// listening).
async fn wait_until_up(server: &mut Server) -> Result<(), String> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .map_err(|e| e.to_string())?;
    let url = format!("http://{}/api/v1/me", server.addr);
    let start = Instant::now();
    loop {
        if let Some(status) = server.exited() {
            return Err(format!("convene ended before listening ({status})"));
        }
        if http.get(&url).send().await.is_ok() {
            return Ok(());
        }
        if start.elapsed() > START_WITHIN {
            return Err(format!(
                "convene did not answer on {} within {} s",
                server.addr,
                START_WITHIN.as_secs()
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The server is killed when the thread that started it (the tool's main thread) ends, however
/// the tool ends (it kills the server itself when all goes well): none is left behind.
fn die_with_parent(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: between fork and exec, only `prctl`, which is async-signal-safe, and no
    // allocation.
    unsafe {
        cmd.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}
