//! Every SQL statement the app runs is a constant declared in a store module's `statements!`
//! block, so that one test can prepare each against the migrated schema: a typo, a dropped
//! column or a wrong table fails the test suite with the statement's name instead of a 500 at
//! run time. Unlike sqlx's compile-time macros this needs no database at build time and works
//! for any engine the tests can open (PostgreSQL later).

/// One store's statements: where they are declared and each by name.
pub struct Statements {
    pub file: &'static str,
    pub module: &'static str,
    pub all: &'static [(&'static str, &'static str)],
}

/// Declares a store's statements as constants (usable by the store's functions) and lists
/// them in `STATEMENTS` for the schema check. One block per store module.
#[macro_export]
macro_rules! statements {
    ($($(#[$meta:meta])* $vis:vis $name:ident = $sql:expr;)*) => {
        $( $(#[$meta])* $vis const $name: &str = $sql; )*
        /// This store's statements, for the check against the migrated schema.
        #[allow(dead_code)]
        pub(crate) const STATEMENTS: $crate::db::statements::Statements =
            $crate::db::statements::Statements {
                file: file!(),
                module: module_path!(),
                all: &[$((stringify!($name), $name)),*],
            };
    };
}

/// Joins string constants at compile time (`concat!` takes only literals), so a statement can
/// be a shared column list plus its own clause: `sql!(SELECT, " WHERE id = ?")`.
#[macro_export]
macro_rules! sql {
    ($($part:expr),+ $(,)?) => {{
        const LEN: usize = 0 $(+ $part.len())+;
        const BYTES: [u8; LEN] = {
            let mut out = [0u8; LEN];
            let mut i = 0;
            $(
                let part = $part.as_bytes();
                let mut j = 0;
                while j < part.len() {
                    out[i] = part[j];
                    i += 1;
                    j += 1;
                }
            )+
            out
        };
        match ::core::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("SQL fragments are UTF-8"),
        }
    }};
}

/// The app's stores, each once: the schema check prepares all of these.
pub fn app_stores() -> Vec<&'static Statements> {
    vec![
        &crate::actions::store::STATEMENTS,
        &crate::auth::case_access_store::STATEMENTS,
        &crate::actions::follow_up_store::STATEMENTS,
        &crate::actions::follow_up_store::carry::STATEMENTS,
        &crate::agencies::store::STATEMENTS,
        &crate::audit::store::STATEMENTS,
        &crate::audit::chain_store::STATEMENTS,
        &crate::auth::store::STATEMENTS,
        &crate::cases::store::STATEMENTS,
        &crate::cases::contact_store::STATEMENTS,
        &crate::cases::queries_store::STATEMENTS,
        &crate::cases::next_step_store::STATEMENTS,
        &crate::cases::matching::store::STATEMENTS,
        &crate::figures::store::STATEMENTS,
        &crate::db::store::STATEMENTS,
        &crate::db::backup_store::STATEMENTS,
        &crate::db::rotate_store::STATEMENTS,
        &crate::live::store::STATEMENTS,
        &crate::meetings::store::STATEMENTS,
        &crate::meetings::agenda::store::STATEMENTS,
        &crate::meetings::agenda::store::carry::STATEMENTS,
        &crate::meetings::reschedule_store::STATEMENTS,
        &crate::meetings::attendance_store::STATEMENTS,
        &crate::meetings::research_store::STATEMENTS,
        &crate::meetings::reminders_store::STATEMENTS,
        &crate::meetings::minutes::store::STATEMENTS,
        &crate::notices::store::STATEMENTS,
        &crate::outbox::store::STATEMENTS,
        &crate::retention::store::STATEMENTS,
        &crate::settings::store::STATEMENTS,
        &crate::users::store::STATEMENTS,
        &crate::users::access::store::STATEMENTS,
    ]
}

/// A fresh database with every migration applied, the way the app opens one at start
/// ([`super::connect`] then [`super::migrate`]), in memory: one connection that never closes.
pub async fn fresh_database() -> super::Pool {
    let options = super::options("sqlite::memory:", None).expect("in-memory options");
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await
        .expect("an in-memory database opens");
    super::migrate(&pool).await.expect("migrations apply");
    pool
}

/// Prepares every statement of `stores` on `pool`; one line per statement the engine refuses,
/// naming it and quoting the engine's message.
pub async fn refused(pool: &super::Pool, stores: &[&Statements]) -> Vec<String> {
    use sqlx::Executor;
    let mut conn = pool.acquire().await.expect("a connection");
    let mut refused = Vec::new();
    for store in stores {
        for (name, sql) in store.all {
            if let Err(e) = (&mut *conn).prepare(sql).await {
                refused.push(format!("{}::{name}: {e}", store.module));
            }
        }
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    #[tokio::test]
    async fn every_store_statement_prepares_against_the_migrated_schema() {
        let pool = fresh_database().await;
        let stores = app_stores();
        let n: usize = stores.iter().map(|s| s.all.len()).sum();
        assert!(n > 150, "only {n} statements registered");
        let refused = refused(&pool, &stores).await;
        assert!(
            refused.is_empty(),
            "statements the schema refuses:\n{}",
            refused.join("\n")
        );
    }

    #[tokio::test]
    async fn a_statement_naming_a_missing_column_is_refused_with_its_name() {
        static BAD: Statements = Statements {
            file: file!(),
            module: "example",
            all: &[("MISSING", "SELECT no_such_column FROM cases")],
        };
        let refused = refused(&fresh_database().await, &[&BAD]).await;
        assert_eq!(refused.len(), 1);
        assert!(
            refused[0].starts_with("example::MISSING: "),
            "{}",
            refused[0]
        );
        assert!(refused[0].contains("no_such_column"), "{}", refused[0]);
    }

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// app/src and server/src, as paths relative to the workspace (how `file!()` names them).
    fn workspace_sources() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("workspace");
        let mut files = Vec::new();
        sources(&root.join("app/src"), &mut files);
        sources(&root.join("server/src"), &mut files);
        files
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(root)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read_to_string(&p).expect("readable"))
            })
            .collect()
    }

    pub(super) fn is_store(path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        name == "store.rs" || name.ends_with("_store.rs") || path.contains("/store/")
    }

    /// What runs SQL text: sqlx's query functions, raw SQL, built queries, or an executor
    /// handed a string.
    const RUNS_SQL: &[&str] = &[
        "sqlx::query",
        "query_as(",
        "query_as::<",
        "query_scalar(",
        "query_scalar::<",
        "raw_sql(",
        "QueryBuilder",
        ".execute(\"",
        ".fetch_one(\"",
        ".fetch_all(\"",
        ".fetch_optional(\"",
        ".prepare(\"",
    ];

    fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
        // Stops at the tests: they may use SQL to arrange data.
        text.lines()
            .take_while(|l| !l.starts_with("#[cfg(test)]"))
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .enumerate()
    }

    #[test]
    fn sql_runs_only_from_store_modules() {
        let mut outside = Vec::new();
        for (path, text) in workspace_sources() {
            if is_store(&path) || path.ends_with("db/statements.rs") {
                continue;
            }
            for (i, line) in code_lines(&text) {
                if RUNS_SQL.iter().any(|p| line.contains(p)) {
                    outside.push(format!("{path}:{}: {}", i + 1, line.trim()));
                }
            }
        }
        assert!(
            outside.is_empty(),
            "SQL outside a store module:\n{}",
            outside.join("\n")
        );
    }

    /// The names a `statements!` block in `text` declares.
    fn declared(text: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        let mut inside = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("crate::statements! {") || t.starts_with("convene_app::statements! {")
            {
                inside = true;
            } else if inside && line.starts_with('}') {
                inside = false;
            } else if inside {
                let t = t
                    .strip_prefix("pub(crate) ")
                    .or(t.strip_prefix("pub "))
                    .unwrap_or(t);
                if let Some((name, _)) = t.split_once(" = ") {
                    if name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                    {
                        names.insert(name.to_string());
                    }
                }
            }
        }
        names
    }

    /// The only statements built at run time, each for a reason no static statement can meet.
    const BUILT: &[(&str, &str)] = &[
        // PRAGMA takes no bound parameters, and the key is the statement.
        ("app/src/db/rotate_store.rs", "PRAGMA rekey"),
        // Table names cannot be bound; the names come from sqlite_master.
        ("app/src/db/store.rs", "row_count"),
    ];

    #[test]
    fn store_queries_take_only_statements_the_check_prepares() {
        let registered: BTreeSet<&str> = app_stores().iter().map(|s| s.file).collect();
        let mut problems = Vec::new();
        for (path, text) in workspace_sources() {
            if !is_store(&path) {
                continue;
            }
            let names = declared(&text);
            let runs_sql = code_lines(&text).any(|(_, l)| RUNS_SQL.iter().any(|p| l.contains(p)));
            if runs_sql && names.is_empty() {
                problems.push(format!("{path}: runs SQL but has no statements! block"));
            }
            if !names.is_empty() && path.starts_with("app/") && !registered.contains(path.as_str())
            {
                problems.push(format!("{path}: not listed in db::statements::app_stores"));
            }
            for (i, line) in code_lines(&text) {
                if line.contains("QueryBuilder") || line.contains("raw_sql(") {
                    problems.push(format!("{path}:{}: builds SQL the check cannot see", i + 1));
                }
            }
            let code: String = code_lines(&text).map(|(_, l)| format!("{l}\n")).collect();
            for (at, _) in code.match_indices("sqlx::query") {
                let rest = &code[at..];
                let Some(open) = rest.find('(') else { continue };
                let arg: String = rest[open + 1..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `sql` is the loop variable over a list of declared statements.
                let built = BUILT.iter().any(|(file, _)| *file == path) && arg.is_empty();
                if !(names.contains(&arg) || arg == "sql" || built) {
                    let line = code[..at].lines().count();
                    let shown: String = rest[open + 1..].trim_start().chars().take(60).collect();
                    problems.push(format!("{path}: line {line} of the code: takes {shown}"));
                }
            }
        }
        assert!(
            problems.is_empty(),
            "statements the schema check does not see:\n{}",
            problems.join("\n")
        );
    }
}
