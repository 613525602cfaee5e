//! CSV export of actions. A cell that starts with = + - @ (or a tab or carriage return) is
//! prefixed with an apostrophe, so that a spreadsheet shows it instead of running it.

use super::text as t;
use super::types::Action;
use crate::i18n::Msg;

fn cell(v: &str) -> String {
    let guarded = match v.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
        _ => v.to_string(),
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// The header row, in the current language (the cells below keep the wire's `true`/`false`).
const HEADER: &[Msg] = &[
    t::CSV_REFERENCE,
    t::CSV_AGENCY,
    t::CSV_PERSON,
    t::CSV_KIND,
    t::CSV_ACTION,
    t::CSV_DUE_ON,
    t::CSV_STATUS,
    t::CSV_OVERDUE,
    t::CSV_CARRIED_OVER,
    t::CSV_ESCALATED,
    t::CSV_BARRIER,
    t::CSV_BARRIER_DETAIL,
    t::CSV_CREATED_AT,
];

/// A header cell: quoted only when it needs to be, so the English row stays as it always was.
fn header_cell(v: &str) -> String {
    if v.contains([',', '"', '\r', '\n']) {
        cell(v)
    } else {
        v.to_string()
    }
}

pub fn actions(list: &[Action]) -> String {
    let mut out = HEADER
        .iter()
        .map(|m| header_cell(m.as_str()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    for a in list {
        let row = [
            a.reference.clone(),
            a.owner_agency_name.clone(),
            a.owner_user_name.clone().unwrap_or_default(),
            a.kind.label().to_string(),
            a.text.clone(),
            a.due_on.to_string(),
            a.status.label().to_string(),
            a.overdue.to_string(),
            a.carried_over.to_string(),
            a.escalated.to_string(),
            a.barrier_category
                .map(|b| b.label().to_string())
                .unwrap_or_default(),
            a.barrier_text.clone().unwrap_or_default(),
            a.created_at.clone(),
        ];
        out.push_str(&row.iter().map(|v| cell(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_escaped_and_quotes_doubled() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-2"), "\"'-2\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("plain, text"), "\"plain, text\"");
    }

    #[test]
    fn the_header_row_names_the_columns() {
        assert!(actions(&[]).starts_with("reference,agency,person,kind,action,due_on,status,"));
        assert!(actions(&[]).ends_with(",barrier,barrier_detail,created_at\r\n"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_header_row_is_in_the_language_of_the_request() {
        let ro = crate::i18n::Lang::parse("ro").unwrap();
        let csv = crate::i18n::REQUEST_LANG.sync_scope(ro, || actions(&[]));
        assert!(
            csv.starts_with("referință,instituție,persoană,tip,acțiune,termen,stare,"),
            "{csv}"
        );
    }
}
