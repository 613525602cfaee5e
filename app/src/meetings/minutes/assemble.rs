//! The first draft of the minutes, assembled from what the meeting recorded: when and where,
//! who chaired, who came and who sent apologies, the confidentiality reminder, and for each
//! agenda item what was shared and decided.

use super::store;
use super::text as t;
use crate::db::Conn;
use crate::error::AppError;
use crate::meetings::agenda::store as agenda;
use crate::meetings::agenda::types::ItemKind;
use crate::meetings::attendance::{store as attendance, AttendanceStatus};
use crate::meetings::research::store as research;
use crate::meetings::types::Meeting;

fn people(rows: &[crate::meetings::attendance::AttendanceRow], status: AttendanceStatus) -> String {
    let list: Vec<String> = rows
        .iter()
        .filter(|r| r.status == Some(status))
        .map(|r| {
            let agency = r
                .agency_name
                .clone()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            let observer = if r.observer { ", observer" } else { "" };
            format!("{}{agency}{observer}", r.name)
        })
        .collect();
    if list.is_empty() {
        "None.".into()
    } else {
        list.join("; ") + "."
    }
}

/// Writes the draft sections for a held meeting that has no minutes yet.
pub async fn draft(conn: &mut Conn, meeting: &Meeting, now: i64) -> Result<(), AppError> {
    let id = meeting.id;
    store::create(conn, id, now).await?;
    let register = attendance::register(conn, id).await?;
    let header = format!(
        "**Date:** {}  \n**Place:** {}  \n**Chair:** {}\n\n**Present:** {}\n\n**Apologies:** {}\n\n**Apologies, information sent:** {}\n\n**Absent:** {}",
        crate::time::format_local(meeting.starts_at_unix),
        meeting.place.clone().or(meeting.video_link.clone()).unwrap_or_else(|| "Not recorded".into()),
        meeting.chair.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "Not recorded".into()),
        people(&register, AttendanceStatus::Present),
        people(&register, AttendanceStatus::Apologies),
        people(&register, AttendanceStatus::ApologiesInfoSent),
        people(&register, AttendanceStatus::Absent),
    );
    let mut position = 1;
    store::add_section(
        conn,
        id,
        position,
        None,
        None,
        "Meeting and attendance",
        &header,
    )
    .await?;
    position += 1;
    let returns = research::states(conn, id).await?;
    let agreed = crate::actions::service::agreed_at(conn, id).await?;
    let brought_back = crate::actions::follow_up::on_agenda(conn, id).await?;
    for item in agenda::items(conn, id)
        .await?
        .into_iter()
        .filter(|i| i.removed_at.is_none())
    {
        let kind = item.kind();
        let heading = match (&item.reference, &item.title) {
            (_, Some(title)) => format!("{} – {title}", kind.section()),
            (Some(reference), None) => format!("{} – {reference}", kind.section()),
            (None, None) => kind.section().to_string(),
        };
        let mut body = String::new();
        if kind == ItemKind::Confidentiality {
            body.push_str(t::CONFIDENTIALITY);
            body.push_str("\n\n");
        }
        if let Some(case) = item.case_id {
            let shared: Vec<String> = returns
                .iter()
                .filter(|r| r.0 == case)
                .map(|r| {
                    format!(
                        "- {}: {}",
                        r.2,
                        if r.3 == "holds" {
                            "holds information (research return)"
                        } else {
                            "no trace"
                        }
                    )
                })
                .collect();
            body.push_str("**What was shared:**\n\n");
            body.push_str(&if shared.is_empty() {
                "- No research returns were recorded.".to_string()
            } else {
                shared.join("\n")
            });
            body.push_str("\n\n**Actions agreed:**\n\n");
            let mine: Vec<String> = agreed
                .iter()
                .filter(|a| a.case_id == case)
                .map(|a| {
                    format!(
                        "- {} – {}: {} (due {})",
                        a.owner_agency_name,
                        a.kind.label(),
                        a.text,
                        a.due_on
                    )
                })
                .collect();
            body.push_str(&if mine.is_empty() {
                "- None.".to_string()
            } else {
                mine.join("\n")
            });
        }
        if kind == ItemKind::IncompleteActions {
            body.push_str(&format!(
                "{} earlier action(s) were reviewed; each outcome follows.\n\n",
                brought_back.len()
            ));
        }
        // What the room recorded live: each agency's contribution, the summary, the decisions.
        let (shared, (summary_md, decisions_md)) = store::room_record(conn, item.id).await?;
        if !shared.is_empty() {
            body.push_str("\n\n**Shared in the meeting:**\n\n");
            for c in &shared {
                let who = match &c.agency {
                    Some(a) => format!("{a} ({})", c.author),
                    None => c.author.clone(),
                };
                body.push_str(&format!("- {who}: {}\n", c.body_md.replace('\n', " ")));
            }
        }
        if !summary_md.is_empty() {
            body.push_str(&format!("\n\n**Summary:** {summary_md}"));
        }
        if item.case_id.is_some() || !decisions_md.is_empty() {
            body.push_str(&format!("\n\n**Decisions:** {decisions_md}"));
            if !decisions_md.is_empty() && item.notes.is_some() {
                body.push_str("\n\n");
            }
        }
        body.push_str(item.notes.as_deref().unwrap_or(""));
        store::add_section(
            conn,
            id,
            position,
            Some(item.id),
            item.case_id,
            &heading,
            body.trim_end(),
        )
        .await?;
        position += 1;
        if kind == ItemKind::IncompleteActions {
            // One section per action, tied to its case, so that extracts keep need-to-know.
            for a in &brought_back {
                let heading = format!("Earlier action – {} – {}", a.reference, a.owner_agency_name);
                let text = format!(
                    "{}: {}\n\n**Outcome:** {}{}",
                    a.kind.label(),
                    a.text,
                    a.status.label(),
                    if a.status.is_final() {
                        String::new()
                    } else {
                        format!(
                            " (now due {}, carried over {} time(s))",
                            a.due_on, a.carried_over
                        )
                    }
                );
                store::add_section(
                    conn,
                    id,
                    position,
                    Some(item.id),
                    Some(a.case_id),
                    &heading,
                    &text,
                )
                .await?;
                position += 1;
            }
        }
    }
    Ok(())
}
