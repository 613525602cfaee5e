//! The `convene` command line.

use crate::config::Config;
use crate::{seed, startup};
use clap::{Parser, Subcommand};
use convene_app::db::{self, DbKey};
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
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
        /// With --demo: the demo group's language (`en`, or `ro` for the Cluj-Napoca group,
        /// which also sets its time zone to Europe/Bucharest).
        #[arg(long)]
        lang: Option<String>,
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
    SeedDemo {
        /// The demo group's language (`en`, or `ro`, which also sets Europe/Bucharest).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Make a new database key file (CONVENE_KEY_FILE, or --out). Never overwrites a file.
    Keygen {
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Re-encrypt the database with a new key and replace the key file (server stopped).
    RotateKey,
    /// Encrypt a database made without a key, with the key in CONVENE_KEY_FILE (server stopped).
    EncryptDatabase,
    /// Copy the database, while the server keeps running, to a new file (encrypted like it).
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup into a new or empty database.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Check that a backup opens with the key and is intact; print what it holds.
    VerifyBackup {
        file: PathBuf,
        /// The key the backup was made with, if not the current CONVENE_KEY_FILE
        /// (backups made before a rotation).
        #[arg(long)]
        key_file: Option<PathBuf>,
    },
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
        cli.command.unwrap_or(Command::Serve {
            demo: false,
            lang: None,
        }),
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
        Command::Serve { demo, lang } => {
            if demo {
                let db = startup::open_database(&config).await?;
                // The language first: its time zone places the demo's meetings.
                seed::demo_language(&db.pool, lang.as_deref()).await?;
                seed::seed_demo(&db.pool, config.demo_password.clone()).await?;
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
            startup::open_database(&config).await?;
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
            let pool = startup::open_database(&config).await?.pool;
            let generated =
                seed::create_admin(&pool, &email, &name, (!given.is_empty()).then_some(given))
                    .await?;
            println!("Administrator {email} created.");
            if let Some(p) = generated {
                println!("Their password (shown only this once): {p}");
            }
            Ok(())
        }
        Command::SeedDemo { lang } => {
            let pool = startup::open_database(&config).await?.pool;
            seed::demo_language(&pool, lang.as_deref()).await?;
            seed::seed_demo(&pool, config.demo_password.clone()).await?;
            Ok(())
        }
        Command::Keygen { out } => {
            let path = out
                .or(config.key_file)
                .ok_or("name the key file: set CONVENE_KEY_FILE or give --out FILE")?;
            DbKey::generate().write_new_file(&path)?;
            println!(
                "A new key is in {}. Keep a copy apart from the database and its backups: without it they cannot be read.",
                path.display()
            );
            Ok(())
        }
        Command::RotateKey => {
            let key_file = config
                .key_file
                .ok_or("CONVENE_KEY_FILE is not set: there is no key to rotate")?;
            let r = db::rotate::rotate(&config.database_url, &key_file).await?;
            println!(
                "The database has a new key in {}. The old key is now {}: keep it as long as the backups made before today.",
                key_file.display(),
                r.old_key_file.display()
            );
            Ok(())
        }
        Command::EncryptDatabase => {
            let key_file = config.key_file.ok_or(
                "set CONVENE_KEY_FILE to the key to encrypt with (make one with `convene keygen`)",
            )?;
            let r = db::rotate::encrypt(&config.database_url, &key_file).await?;
            println!(
                "The database is encrypted with the key in {}. The unencrypted original is {}: check that the server starts, then delete it for good (for example with shred -u).",
                key_file.display(),
                r.plain_copy.display()
            );
            Ok(())
        }
        Command::Backup { to } => {
            let summary =
                db::backup::backup(&config.database_url, config.key()?.as_ref(), &to).await?;
            println!("Backed up to {}: {}.", to.display(), summary.describe());
            Ok(())
        }
        Command::Restore { from } => {
            let summary =
                db::backup::restore(&from, &config.database_url, config.key()?.as_ref()).await?;
            println!("Restored {}: {}.", from.display(), summary.describe());
            Ok(())
        }
        Command::VerifyBackup { file, key_file } => {
            let key = match key_file {
                Some(p) => Some(DbKey::read_file(&p)?),
                None => config.key()?,
            };
            let summary = db::backup::verify(&file, key.as_ref()).await?;
            println!("{} is intact: {}.", file.display(), summary.describe());
            Ok(())
        }
        Command::Purge { dry_run } => {
            let pool = startup::open_database(&config).await?.pool;
            crate::audit_cli::purge(&pool, dry_run).await
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let pool = startup::open_database(&config).await?.pool;
            crate::audit_cli::verify(&pool).await
        }
    }
}
