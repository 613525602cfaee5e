//! The first draft of the minutes, assembled from what the meeting recorded: when and where,
//! who chaired, who came and who sent apologies, the confidentiality reminder, and for each
//! agenda item what was shared and decided. Written in the language of the person drafting it
//! (the request's), as the stored document everyone then reads.

use super::store;
use super::text as t;
use crate::db::Conn;
use crate::error::AppError;
use crate::i18n::Msg;
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
            let observer = if r.observer {
                format!(", {}", Msg("minutes-doc-observer"))
            } else {
                String::new()
            };
            format!("{}{agency}{observer}", r.name)
        })
        .collect();
    if list.is_empty() {
        Msg("minutes-doc-nobody").text()
    } else {
        list.join("; ") + "."
    }
}

/// Writes the draft sections for a held meeting that has no minutes yet.
pub async fn draft(conn: &mut Conn, meeting: &Meeting, now: i64) -> Result<(), AppError> {
    let id = meeting.id;
    store::create(conn, id, now).await?;
    let register = attendance::register(conn, id).await?;
    let not_recorded = || Msg("minutes-doc-not-recorded").text();
    let header = format!(
        "**{}:** {}  \n**{}:** {}  \n**{}:** {}\n\n**{}:** {}\n\n**{}:** {}\n\n**{}:** {}\n\n**{}:** {}",
        Msg("minutes-doc-date"),
        crate::time::format_local(meeting.starts_at_unix),
        Msg("minutes-doc-place"),
        meeting.place.clone().or(meeting.video_link.clone()).unwrap_or_else(not_recorded),
        Msg("minutes-doc-chair"),
        meeting.chair.as_ref().map(|c| c.name.clone()).unwrap_or_else(not_recorded),
        Msg("minutes-doc-present"),
        people(&register, AttendanceStatus::Present),
        Msg("minutes-doc-apologies"),
        people(&register, AttendanceStatus::Apologies),
        Msg("minutes-doc-apologies-info"),
        people(&register, AttendanceStatus::ApologiesInfoSent),
        Msg("minutes-doc-absent"),
        people(&register, AttendanceStatus::Absent),
    );
    let mut position = 1;
    store::add_section(
        conn,
        id,
        position,
        None,
        None,
        &Msg("minutes-doc-attendance").text(),
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
            body.push_str(&t::CONFIDENTIALITY.text());
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
                            Msg("minutes-doc-holds")
                        } else {
                            Msg("minutes-doc-no-trace")
                        }
                    )
                })
                .collect();
            body.push_str(&format!("**{}:**\n\n", Msg("minutes-doc-shared")));
            body.push_str(&if shared.is_empty() {
                format!("- {}", Msg("minutes-doc-no-returns"))
            } else {
                shared.join("\n")
            });
            body.push_str(&format!(
                "\n\n**{}:**\n\n",
                Msg("minutes-doc-actions-agreed")
            ));
            let mine: Vec<String> = agreed
                .iter()
                .filter(|a| a.case_id == case)
                .map(|a| {
                    let line = Msg("minutes-doc-action").with(&[
                        ("agency", a.owner_agency_name.clone().into()),
                        ("kind", a.kind.label().into()),
                        ("text", a.text.clone().into()),
                        ("due", crate::time::format_day(a.due_on).into()),
                    ]);
                    format!("- {line}")
                })
                .collect();
            body.push_str(&if mine.is_empty() {
                format!("- {}", Msg("minutes-doc-no-actions"))
            } else {
                mine.join("\n")
            });
        }
        if kind == ItemKind::IncompleteActions {
            body.push_str(
                &Msg("minutes-doc-reviewed").with(&[("count", brought_back.len().into())]),
            );
            body.push_str("\n\n");
        }
        // What the room recorded live: each agency's contribution, the summary, the decisions.
        let (shared, (summary_md, decisions_md)) = store::room_record(conn, item.id).await?;
        if !shared.is_empty() {
            body.push_str(&format!("\n\n**{}:**\n\n", Msg("minutes-doc-shared-live")));
            for c in &shared {
                let who = match &c.agency {
                    Some(a) => format!("{a} ({})", c.author),
                    None => c.author.clone(),
                };
                body.push_str(&format!("- {who}: {}\n", c.body_md.replace('\n', " ")));
            }
        }
        if !summary_md.is_empty() {
            body.push_str(&format!(
                "\n\n**{}:** {summary_md}",
                Msg("minutes-doc-summary")
            ));
        }
        if item.case_id.is_some() || !decisions_md.is_empty() {
            body.push_str(&format!(
                "\n\n**{}:** {decisions_md}",
                Msg("minutes-doc-decisions")
            ));
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
                let heading = Msg("minutes-doc-earlier-action").with(&[
                    ("reference", a.reference.clone().into()),
                    ("agency", a.owner_agency_name.clone().into()),
                ]);
                let text = format!(
                    "{}: {}\n\n**{}:** {}{}",
                    a.kind.label(),
                    a.text,
                    Msg("minutes-doc-outcome"),
                    a.status.label(),
                    if a.status.is_final() {
                        String::new()
                    } else {
                        format!(
                            " {}",
                            Msg("minutes-doc-still-open").with(&[
                                ("due", crate::time::format_day(a.due_on).into()),
                                ("count", a.carried_over.into()),
                            ])
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
