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

use crate::i18n::Msg;

/// How an audited action on a case reads in its timeline.
pub fn text_for_action(action: &str) -> String {
    let key = match action {
        "create" => "cases-timeline-create",
        "refer" => "cases-timeline-refer",
        "update" => "cases-timeline-update",
        "reveal" => "cases-timeline-reveal",
        "merge" => "cases-timeline-merge",
        "withdraw_research" => "cases-timeline-withdraw-research",
        other => return other.to_string(),
    };
    Msg(key).text()
}

/// A field name of an audit row as its timeline names it.
fn field_name(name: &str) -> String {
    let key = match name {
        "status" => "cases-changed-status",
        "lead_agency" => "cases-changed-lead-agency",
        "case_manager" => "cases-changed-case-manager",
        "case_responsible" => "cases-changed-case-responsible",
        "added_agencies" => "cases-changed-added-agencies",
        "initial_assessment_on" => "cases-changed-initial-assessment-on",
        "intervention_plan_on" => "cases-changed-intervention-plan-on",
        "victim_name" => "cases-changed-victim-name",
        "victim_date_of_birth" => "cases-changed-victim-date-of-birth",
        "victim_safe_contact" => "cases-changed-victim-safe-contact",
        "safe_to_contact" => "cases-changed-safe-to-contact",
        "perpetrator_name" => "cases-changed-perpetrator-name",
        "perpetrator_date_of_birth" => "cases-changed-perpetrator-date-of-birth",
        "children_initials" => "cases-changed-children-initials",
        other => return other.replace('_', " "),
    };
    Msg(key).text()
}

/// A short description of an audit row's details (field names only, never values).
pub fn describe_details(details: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(details).ok()?;
    if let Some(changed) = v.get("changed").and_then(|c| c.as_array()) {
        let names: Vec<String> = changed
            .iter()
            .filter_map(|c| c.as_str())
            .map(field_name)
            .collect();
        return (!names.is_empty())
            .then(|| Msg("cases-detail-changed").with(&[("names", names.join(", ").into())]));
    }
    if let Some(criteria) = v.get("criteria").and_then(|c| c.as_array()) {
        let names: Vec<&str> = criteria.iter().filter_map(|c| c.as_str()).collect();
        return Some(Msg("cases-detail-criteria").with(&[("names", names.join(", ").into())]));
    }
    if let Some(r) = v.get("merged_reference").and_then(|r| r.as_str()) {
        return Some(Msg("cases-detail-linked").with(&[("reference", r.into())]));
    }
    v.get("field")
        .and_then(|f| f.as_str())
        .map(|f| Msg("cases-detail-field").with(&[("field", field_name(f).into())]))
}
