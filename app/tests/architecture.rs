//! The house rules that a machine can check, read from the source tree (docs/architecture.md
//! says why each holds). A rule broken on purpose needs its exception written here, with
//! the reason, where the next reader sees it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Shared by every domain rather than owned by one: the audit trail is written by each use
/// case in its own transaction, so `crate::audit::store::record` is everyone's to call.
const SHARED_STORES: &[&str] = &["audit"];

/// Files of the database layer that name every store on purpose: the list of all statements
/// the schema check prepares, and the store tests.
const ALL_STORES_FILES: &[&str] = &[
    "db/statements.rs",
    "db/store_tests.rs",
    "db/case_store_tests.rs",
];

/// Folders that are the application's kernel, not domains: the policy and sessions, the
/// audit trail, the database and the shared components. Domains use them; they are left out
/// of the domain graph.
const KERNEL: &[&str] = &["auth", "audit", "components", "db", "i18n"];

/// Cross-domain store imports still to be replaced by a call to the other domain's service:
/// (file, the store it reaches). Remove an entry when its import goes; a stale one fails.
const STORE_IMPORTS_TO_REMOVE: &[(&str, &str)] = &[];

/// Dependencies between domains that still go both ways (each pair once, sorted). Remove an
/// entry when the cycle is broken; a stale one fails.
const CYCLES_TO_BREAK: &[(&str, &str)] = &[];

/// Where the application crate may name axum: the glue that hands server functions their
/// state and session, the error's HTTP response, and the live hub's shared socket frames.
const AXUM_ALLOWED: &[&str] = &[
    "auth/server_fns.rs",
    "auth/session.rs",
    "components/status.rs",
    "error.rs",
    "live/hub.rs",
    "sfn.rs",
    "state.rs",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as paths relative to `app/src`.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).expect("source folder readable") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(src()).expect("under src");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn read(rel: &str) -> String {
    fs::read_to_string(src().join(rel)).expect("source file readable")
}

/// The code of a file without its comments (a doc comment may name a module it does not use).
fn code(rel: &str) -> String {
    read(rel)
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each `crate::a::b::c` path in the code, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(after.len());
        let segs: Vec<String> = after[..end]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if !segs.is_empty() {
            out.push(segs);
        }
        rest = &after[end..];
    }
    out
}

fn is_page_layer(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    rel.contains("/pages/")
        || matches!(
            name,
            "pages.rs" | "page.rs" | "widgets.rs" | "forms.rs" | "client.rs" | "server_fns.rs"
        )
}

fn domains() -> BTreeSet<String> {
    fs::read_dir(src())
        .expect("src readable")
        .filter_map(|e| {
            let p = e.ok()?.path();
            if !p.is_dir() {
                return None;
            }
            Some(p.file_name()?.to_string_lossy().to_string())
        })
        .collect()
}

/// (file, the other domain's store it names), outside the shared ones.
fn cross_domain_store_imports() -> BTreeSet<(String, String)> {
    let all = domains();
    let mut found = BTreeSet::new();
    for d in &all {
        for rel in files(&src().join(d)) {
            if ALL_STORES_FILES.contains(&rel.as_str()) {
                continue;
            }
            for segs in crate_paths(&code(&rel)) {
                let target = &segs[0];
                if target == d || !all.contains(target) || SHARED_STORES.contains(&target.as_str())
                {
                    continue;
                }
                if segs.iter().any(|s| s == "store") {
                    found.insert((rel.clone(), target.clone()));
                }
            }
        }
    }
    found
}

/// Which domain's code (pages and doors left out) names which other domain, and where.
fn domain_graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let all: BTreeSet<String> = domains()
        .into_iter()
        .filter(|d| !KERNEL.contains(&d.as_str()))
        .collect();
    let mut g: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for d in &all {
        for rel in files(&src().join(d)) {
            if is_page_layer(&rel) {
                continue;
            }
            for segs in crate_paths(&code(&rel)) {
                let target = &segs[0];
                if target != d && all.contains(target) {
                    g.entry(d.clone())
                        .or_default()
                        .entry(target.clone())
                        .or_insert_with(|| rel.clone());
                }
            }
        }
    }
    g
}

/// The pairs of domains that reach each other (directly or through others).
fn cycles(g: &BTreeMap<String, BTreeMap<String, String>>) -> BTreeSet<(String, String)> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for next in g.get(&n).into_iter().flat_map(|m| m.keys()) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut out = BTreeSet::new();
    for (a, edges) in g {
        for b in edges.keys() {
            if reach(b).contains(a) {
                let pair = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                out.insert(pair);
            }
        }
    }
    out
}

fn listed(list: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn no_domain_imports_another_domains_store() {
    let found = cross_domain_store_imports();
    let allowed = listed(STORE_IMPORTS_TO_REMOVE);
    let new: Vec<_> = found.difference(&allowed).collect();
    let stale: Vec<_> = allowed.difference(&found).collect();
    assert!(
        new.is_empty(),
        "call the other domain's service instead of its store: {new:?}"
    );
    assert!(
        stale.is_empty(),
        "these imports are gone; take them off STORE_IMPORTS_TO_REMOVE: {stale:?}"
    );
}

#[test]
fn meetings_never_depend_on_the_live_screen() {
    let g = domain_graph();
    assert!(
        g.get("live").is_some_and(|e| e.contains_key("meetings")),
        "the live screen shows meetings"
    );
    let back = g.get("meetings").and_then(|e| e.get("live"));
    assert!(
        back.is_none(),
        "meetings publish through meetings::feed, never by naming live ({back:?})"
    );
}

#[test]
fn no_cycles_between_domains() {
    let g = domain_graph();
    let found = cycles(&g);
    let allowed = listed(CYCLES_TO_BREAK);
    let new: Vec<_> = found
        .difference(&allowed)
        .map(|(a, b)| {
            let ab = g.get(a).and_then(|e| e.get(b));
            let ba = g.get(b).and_then(|e| e.get(a));
            format!("{a} <-> {b} (e.g. {ab:?} and {ba:?})")
        })
        .collect();
    let stale: Vec<_> = allowed.difference(&found).collect();
    assert!(new.is_empty(), "domains depending on each other: {new:?}");
    assert!(
        stale.is_empty(),
        "these cycles are broken; take them off CYCLES_TO_BREAK: {stale:?}"
    );
}

#[test]
fn domain_code_does_not_import_axum() {
    let offenders: Vec<String> = files(&src())
        .into_iter()
        .filter(|rel| !AXUM_ALLOWED.contains(&rel.as_str()))
        .filter(|rel| {
            code(rel)
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w == "axum")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "domain code must not name axum (the HTTP layer is in server/): {offenders:?}"
    );
}

#[test]
fn pages_call_server_functions_never_stores_or_services() {
    let offenders: Vec<String> = files(&src())
        .into_iter()
        .filter(|rel| {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            rel.contains("/pages/")
                || matches!(name, "pages.rs" | "page.rs" | "widgets.rs" | "forms.rs")
        })
        .filter(|rel| {
            crate_paths(&code(rel))
                .iter()
                .any(|segs| segs.iter().any(|s| s == "store" || s == "service"))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "pages reach data through server functions: {offenders:?}"
    );
}

#[test]
fn only_stores_and_listed_files_hold_sql() {
    let offenders: Vec<String> = files(&src())
        .into_iter()
        .filter(|rel| !rel.ends_with("store.rs") && !rel.contains("/store/"))
        .filter(|rel| !SQL_STILL_OUTSIDE_STORES.contains(&rel.as_str()))
        .filter(|rel| {
            let c = code(rel);
            ["sqlx::query", "query_as(", "query_scalar(", "QueryBuilder"]
                .iter()
                .any(|p| c.contains(p))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "SQL belongs in the domain's store: {offenders:?}"
    );
}

/// Files that still hold SQL outside a store file, while their SQL is moved into stores
/// (attendance.rs and research.rs keep theirs in an inline `mod store`). A file that no
/// longer holds SQL may stay listed until someone tidies the list.
const SQL_STILL_OUTSIDE_STORES: &[&str] = &[
    // The schema check: its guard names the query calls it looks for in the stores.
    "db/statements.rs",
];

#[test]
fn the_checks_see_the_tree() {
    // A rule that finds no files would pass for the wrong reason.
    assert!(files(&src()).len() > 50);
    assert!(domain_graph().len() > 5);
    assert!(crate_paths("use crate::a::store::x;") == vec![vec!["a", "store", "x"]]);
}
