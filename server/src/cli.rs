//! The `convene` command line.

use crate::config::Config;
use crate::{seed, startup};
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "convene",
    version,
    about = "Convene: meetings of a high-risk domestic violence intervention group"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve {
        /// Create the demo group first (as `seed-demo` does).
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations and exit.
    Migrate,
    /// Create an administrator. The password is read from standard input; when none is
    /// given (or input is a terminal), one is generated and printed once.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Create the demo group: agencies and users with CONVENE_DEMO_PASSWORD. Safe to repeat.
    SeedDemo,
    /// Erase the personal data of closed cases past the group's retention period and remove
    /// audit rows past theirs (the server also does this daily).
    Purge {
        /// Only show what would go (writes one audit row saying the list was looked at).
        #[arg(long)]
        dry_run: bool,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every row's hash and its link to the row before; names the first that does not fit.
    Verify,
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CONVENE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("convene: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("convene: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(
        cli.command.unwrap_or(Command::Serve { demo: false }),
        config,
    )) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convene: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> Result<(), startup::BoxError> {
    match command {
        Command::Serve { demo } => {
            if demo {
                let pool = startup::open_database(&config.database_url).await?;
                seed::seed_demo(&pool, config.demo_password.clone()).await?;
            }
            let (state, router) = startup::build(&config, startup::security(&config)).await?;
            let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(());
            let listener = tokio::net::TcpListener::bind(config.addr)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
            tracing::info!("Convene is running on http://{}", listener.local_addr()?);
            let retention = startup::spawn_retention(state.db.clone(), async move {
                let _ = stop_rx.changed().await;
            });
            startup::serve(listener, router, async move {
                startup::shutdown_signal().await;
                let _ = stop_tx.send(());
            })
            .await?;
            let _ = retention.await;
            Ok(())
        }
        Command::Migrate => {
            startup::open_database(&config.database_url).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::CreateAdmin { email, name } => {
            let stdin = std::io::stdin();
            let mut given = String::new();
            if !stdin.is_terminal() {
                stdin.lock().read_to_string(&mut given)?;
            }
            let given = given.trim_end_matches(['\n', '\r']).to_string();
            let pool = startup::open_database(&config.database_url).await?;
            let generated =
                seed::create_admin(&pool, &email, &name, (!given.is_empty()).then_some(given))
                    .await?;
            println!("Administrator {email} created.");
            if let Some(p) = generated {
                println!("Their password (shown only this once): {p}");
            }
            Ok(())
        }
        Command::SeedDemo => {
            let pool = startup::open_database(&config.database_url).await?;
            seed::seed_demo(&pool, config.demo_password.clone()).await?;
            Ok(())
        }
        Command::Purge { dry_run } => {
            let pool = startup::open_database(&config.database_url).await?;
            crate::audit_cli::purge(&pool, dry_run).await
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let pool = startup::open_database(&config.database_url).await?;
            crate::audit_cli::verify(&pool).await
        }
    }
}
