//! Cases and referrals: the risk checklist, the referral criteria, same-victim matching,
//! restricted fields and need-to-know.

pub mod checklist;
pub mod children;
pub mod criteria;
pub mod deadlines;
pub mod matching;
pub mod pages;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod involvement;
#[cfg(feature = "ssr")]
pub mod queries_store;
#[cfg(feature = "ssr")]
pub use queries_store as queries;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod victim;

/// How an audited action on a case reads in its timeline.
pub fn text_for_action(action: &str) -> String {
    match action {
        "create" => "Case opened with its first referral",
        "refer" => "Referred again",
        "update" => "Case details changed",
        "reveal" => "A restricted detail was shown",
        "merge" => "A referral held for checking was linked to this case",
        "withdraw_research" => "An agency's involvement through research was withdrawn",
        other => other,
    }
    .to_string()
}

/// A short description of an audit row's details (field names only, never values).
pub fn describe_details(details: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(details).ok()?;
    if let Some(changed) = v.get("changed").and_then(|c| c.as_array()) {
        let names: Vec<&str> = changed.iter().filter_map(|c| c.as_str()).collect();
        return (!names.is_empty())
            .then(|| format!("Changed: {}", names.join(", ").replace('_', " ")));
    }
    if let Some(criteria) = v.get("criteria").and_then(|c| c.as_array()) {
        let names: Vec<&str> = criteria.iter().filter_map(|c| c.as_str()).collect();
        return Some(format!("Criteria: {}", names.join(", ")));
    }
    if let Some(r) = v.get("merged_reference").and_then(|r| r.as_str()) {
        return Some(format!("Linked from {r}"));
    }
    v.get("field")
        .and_then(|f| f.as_str())
        .map(|f| format!("Field: {}", f.replace('_', " ")))
}
