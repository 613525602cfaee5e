//! CSV export of actions. A cell that starts with = + - @ (or a tab or carriage return) is
//! prefixed with an apostrophe, so that a spreadsheet shows it instead of running it.

use super::types::Action;

fn cell(v: &str) -> String {
    let guarded = match v.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
        _ => v.to_string(),
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

pub fn actions(list: &[Action]) -> String {
    let mut out = String::from("reference,agency,person,kind,action,due_on,status,overdue,carried_over,escalated,barrier,barrier_detail,created_at\r\n");
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
}
