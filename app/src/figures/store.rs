//! The aggregate fields of a case, and what the case figures report reads: the referrals of
//! a period with their case's fields, and the meetings the cases were on the agenda of.

use super::report::ReferralRow;
use super::types::CaseFigures;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, UserId};
use std::collections::BTreeMap;

#[derive(sqlx::FromRow)]
struct Row {
    gender: Option<String>,
    age_band: Option<String>,
    aged_16_17: Option<bool>,
    disability: Option<bool>,
    ethnic_minority: Option<bool>,
    lgbt: Option<bool>,
    relationship: Option<String>,
    residence: Option<String>,
    children_in_household: Option<i64>,
}

/// Cases with no aggregate fields recorded yet (the demo fills these).
pub async fn cases_without(conn: &mut Conn) -> Result<Vec<CaseId>, AppError> {
    let ids: Vec<i64> = sqlx::query_scalar(CASES_WITHOUT)
        .fetch_all(&mut *conn)
        .await?;
    Ok(ids.into_iter().map(CaseId).collect())
}

pub async fn reference(conn: &mut Conn, case: CaseId) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(REFERENCE)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Every case's fields at once (the report reads them for its cases).
pub async fn all(conn: &mut Conn) -> Result<BTreeMap<i64, CaseFigures>, AppError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(ALL_CODES).fetch_all(&mut *conn).await?;
    let mut out: BTreeMap<i64, CaseFigures> = BTreeMap::new();
    #[derive(sqlx::FromRow)]
    struct WithId {
        case_id: i64,
        #[sqlx(flatten)]
        row: Row,
    }
    let fields: Vec<WithId> = sqlx::query_as(ALL).fetch_all(&mut *conn).await?;
    for f in fields {
        out.insert(f.case_id, figures_of(f.row));
    }
    for (case, kind, code) in rows {
        let f = out.entry(case).or_default();
        match kind.as_str() {
            "violence" => f.violence.push(code),
            "measure" => f.measures.push(code),
            _ => f.services.push(code),
        }
    }
    for f in out.values_mut() {
        sort(f);
    }
    Ok(out)
}

fn figures_of(r: Row) -> CaseFigures {
    CaseFigures {
        gender: r.gender,
        age_band: r.age_band,
        aged_16_17: r.aged_16_17,
        disability: r.disability,
        ethnic_minority: r.ethnic_minority,
        lgbt: r.lgbt,
        relationship: r.relationship,
        residence: r.residence,
        children_in_household: r.children_in_household.map(|n| n as u8),
        ..Default::default()
    }
}

fn sort(f: &mut CaseFigures) {
    use super::codes::{MEASURES, SERVICES, VIOLENCE};
    for (list, field) in [
        (&mut f.violence, &VIOLENCE),
        (&mut f.measures, &MEASURES),
        (&mut f.services, &SERVICES),
    ] {
        list.sort_by_key(|c| field.codes.iter().position(|(k, _)| k == c));
    }
}

pub async fn get(conn: &mut Conn, case: CaseId) -> Result<CaseFigures, AppError> {
    let row: Option<Row> = sqlx::query_as(GET)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?;
    let mut f = row.map(figures_of).unwrap_or_default();
    let codes: Vec<(String, String)> = sqlx::query_as(CODES)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    for (kind, code) in codes {
        match kind.as_str() {
            "violence" => f.violence.push(code),
            "measure" => f.measures.push(code),
            _ => f.services.push(code),
        }
    }
    sort(&mut f);
    Ok(f)
}

pub async fn put(
    conn: &mut Conn,
    case: CaseId,
    f: &CaseFigures,
    user: Option<UserId>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(PUT)
        .bind(case)
        .bind(&f.gender)
        .bind(&f.age_band)
        .bind(f.aged_16_17)
        .bind(f.disability)
        .bind(f.ethnic_minority)
        .bind(f.lgbt)
        .bind(&f.relationship)
        .bind(&f.residence)
        .bind(f.children_in_household.map(i64::from))
        .bind(user)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query(CLEAR_CODES)
        .bind(case)
        .execute(&mut *conn)
        .await?;
    for (kind, list) in [
        ("violence", &f.violence),
        ("measure", &f.measures),
        ("service", &f.services),
    ] {
        for code in list {
            sqlx::query(ADD_CODE)
                .bind(case)
                .bind(kind)
                .bind(code)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

pub async fn referrals_between(
    conn: &mut Conn,
    from: &str,
    to: &str,
) -> Result<Vec<ReferralRow>, AppError> {
    Ok(sqlx::query_as(REFERRALS)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?)
}

/// (case, reference, meeting start) of every case item kept on an agenda (not removed) of a
/// meeting that was not cancelled.
pub async fn agenda_cases(conn: &mut Conn) -> Result<Vec<(i64, String, i64)>, AppError> {
    Ok(sqlx::query_as(AGENDA_CASES).fetch_all(&mut *conn).await?)
}

crate::statements! {
    REFERENCE = "SELECT reference FROM cases WHERE id = ?";
    CASES_WITHOUT = "SELECT c.id FROM cases c LEFT JOIN case_figures f ON f.case_id = c.id
                      WHERE f.case_id IS NULL ORDER BY c.id";
    GET = "SELECT gender, age_band, aged_16_17, disability, ethnic_minority, lgbt, relationship, residence,
                  children_in_household
             FROM case_figures WHERE case_id = ?";
    ALL = "SELECT case_id, gender, age_band, aged_16_17, disability, ethnic_minority, lgbt, relationship, residence,
                  children_in_household
             FROM case_figures";
    CODES = "SELECT kind, code FROM case_figure_codes WHERE case_id = ?";
    ALL_CODES = "SELECT case_id, kind, code FROM case_figure_codes";
    PUT = "INSERT INTO case_figures (case_id, gender, age_band, aged_16_17, disability, ethnic_minority, lgbt,
                                     relationship, residence, children_in_household, updated_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(case_id) DO UPDATE SET gender = excluded.gender, age_band = excluded.age_band,
               aged_16_17 = excluded.aged_16_17, disability = excluded.disability,
               ethnic_minority = excluded.ethnic_minority, lgbt = excluded.lgbt,
               relationship = excluded.relationship, residence = excluded.residence,
               children_in_household = excluded.children_in_household,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    CLEAR_CODES = "DELETE FROM case_figure_codes WHERE case_id = ?";
    ADD_CODE = "INSERT INTO case_figure_codes (case_id, kind, code) VALUES (?, ?, ?)";
    REFERRALS = "SELECT r.case_id, c.reference, r.referred_on, r.referring_agency_id AS agency_id,
                        a.name AS agency_name, a.kind AS agency_kind, r.visible_high_risk,
                        r.professional_judgement, r.potential_escalation, r.is_repeat, r.children_count
                   FROM referrals r JOIN cases c ON c.id = r.case_id JOIN agencies a ON a.id = r.referring_agency_id
                  WHERE r.referred_on >= ? AND r.referred_on <= ?
                  ORDER BY r.referred_on, r.id";
    AGENDA_CASES = "SELECT ai.case_id, c.reference, m.starts_at
                      FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN cases c ON c.id = ai.case_id
                     WHERE ai.case_id IS NOT NULL AND ai.removed_at IS NULL AND ai.deferred_to IS NULL AND m.cancelled_at IS NULL
                     ORDER BY m.starts_at";
}
