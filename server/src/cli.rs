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
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CONVENE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
    crate::startup::log_panics_without_data();
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
            let (_, router) = startup::build(&config, startup::security(&config)).await?;
            let listener = tokio::net::TcpListener::bind(config.addr)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
            tracing::info!("Convene is running on http://{}", listener.local_addr()?);
            startup::serve(listener, router, startup::shutdown_signal()).await?;
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
    }
}
