//! Cases and referrals: the risk checklist, the referral criteria, same-victim matching,
//! restricted fields and need-to-know.

pub mod checklist;
pub mod children;
pub mod criteria;
pub mod deadlines;
pub mod matching;
pub mod next_step;
pub mod next_step_fns;
pub mod pages;
pub mod people_fns;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod contact_store;
#[cfg(feature = "ssr")]
pub mod contact_update;
#[cfg(feature = "ssr")]
pub mod deadline_reminders;
#[cfg(feature = "ssr")]
pub mod involvement;
#[cfg(feature = "ssr")]
pub mod next_step_service;
#[cfg(feature = "ssr")]
pub mod next_step_store;
#[cfg(feature = "ssr")]
pub mod people;
#[cfg(feature = "ssr")]
pub mod queries_store;
#[cfg(feature = "ssr")]
pub use queries_store as queries;
#[cfg(feature = "ssr")]
pub mod reviews;
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
        "next_step" => "reviews-timeline-next-step",
        "update_contact" => "contact-timeline-update",
        "remind_deadline" => "contact-timeline-reminder",
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
        // Rows written before the codes were kept hold the English names: shown as written.
        let names: Vec<&str> = criteria
            .iter()
            .filter_map(|c| c.as_str())
            .map(|c| criteria::label_of(c).unwrap_or(c))
            .collect();
        return Some(Msg("cases-detail-criteria").with(&[("names", names.join(", ").into())]));
    }
    if let Some(r) = v.get("merged_reference").and_then(|r| r.as_str()) {
        return Some(Msg("cases-detail-linked").with(&[("reference", r.into())]));
    }
    v.get("field")
        .and_then(|f| f.as_str())
        .map(|f| Msg("cases-detail-field").with(&[("field", field_name(f).into())]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_timeline_names_changed_fields_in_words() {
        assert_eq!(
            describe_details(r#"{"changed":["status","lead_agency","something_new"]}"#).as_deref(),
            Some("Changed: status, lead agency, something new")
        );
        assert_eq!(
            describe_details(r#"{"field":"victim_date_of_birth"}"#).as_deref(),
            Some("Field: victim date of birth")
        );
        assert_eq!(text_for_action("refer"), "Referred again");
        assert_eq!(text_for_action("unknown_action"), "unknown_action");
    }

    #[test]
    fn romanian_counts_and_lists_take_their_forms() {
        let ro = Lang::parse("ro").unwrap();
        let n = |count: i64| Msg("cases-referral-count").with_in(ro, &[("count", count.into())]);
        assert_eq!(n(1), "1 trimitere");
        assert_eq!(n(3), "3 trimiteri");
        assert_eq!(n(20), "20 de trimiteri");
        let few = |count: i64, numbers: &str| {
            Msg("cases-unanswered-few")
                .with_in(ro, &[("count", count.into()), ("numbers", numbers.into())])
        };
        assert_eq!(few(1, "3"), "Fără răspuns încă: întrebarea 3");
        assert_eq!(few(2, "3, 5"), "Fără răspuns încă: întrebările 3, 5");
        let en = Msg("cases-unanswered-few").with_in(
            Lang::english(),
            &[("count", 1i64.into()), ("numbers", "3".into())],
        );
        assert_eq!(en, "Not answered yet: question 3");
    }
}
