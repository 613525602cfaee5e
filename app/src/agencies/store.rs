//! Agency rows and the members listed with them.

use super::types::Representation;
use super::types::{Agency, AgencyKind, AgencyMember, AgencyPatch, NewAgency};
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AgencyId, UserId};
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct AgencyRow {
    id: AgencyId,
    name: String,
    kind: String,
    active: bool,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    children_only: bool,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    agency_id: AgencyId,
    id: UserId,
    name: String,
    email: String,
    role: String,
    representation: String,
}

fn to_agency(r: AgencyRow, members: Vec<AgencyMember>) -> Result<Agency, AppError> {
    Ok(Agency {
        id: r.id,
        name: r.name,
        kind: AgencyKind::parse(&r.kind).or_internal("a known AgencyKind in the stored kind")?,
        active: r.active,
        contact_name: r.contact_name,
        contact_email: r.contact_email,
        contact_phone: r.contact_phone,
        children_only: r.children_only,
        members,
    })
}

async fn members(
    conn: &mut Conn,
    only: Option<AgencyId>,
) -> Result<HashMap<AgencyId, Vec<AgencyMember>>, AppError> {
    let rows: Vec<MemberRow> = sqlx::query_as(MEMBERS)
        .bind(only)
        .bind(only)
        .fetch_all(&mut *conn)
        .await?;
    let mut map: HashMap<AgencyId, Vec<AgencyMember>> = HashMap::new();
    for r in rows {
        map.entry(r.agency_id).or_default().push(AgencyMember {
            id: r.id,
            name: r.name,
            email: r.email,
            role: Role::parse(&r.role).or_internal("a known Role in the stored role")?,
            representation: Representation::parse(&r.representation)
                .or_internal("a known Representation in the stored representation")?,
        });
    }
    Ok(map)
}

const SELECT: &str = "SELECT id, name, kind, active, contact_name, contact_email, contact_phone,
    children_only FROM agencies";

pub async fn list(conn: &mut Conn) -> Result<Vec<Agency>, AppError> {
    let rows: Vec<AgencyRow> = sqlx::query_as(LIST).fetch_all(&mut *conn).await?;
    let mut members = members(conn, None).await?;
    rows.into_iter()
        .map(|r| {
            let m = members.remove(&r.id).unwrap_or_default();
            to_agency(r, m)
        })
        .collect()
}

pub async fn get(conn: &mut Conn, id: AgencyId) -> Result<Option<Agency>, AppError> {
    let row: Option<AgencyRow> = sqlx::query_as(GET)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        None => Ok(None),
        Some(r) => {
            let m = members(conn, Some(id))
                .await?
                .remove(&id)
                .unwrap_or_default();
            to_agency(r, m).map(Some)
        }
    }
}

pub async fn is_active(conn: &mut Conn, id: AgencyId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(IS_ACTIVE)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Another agency already using `name` (case-insensitively), if any.
pub async fn name_taken(
    conn: &mut Conn,
    name: &str,
    except: Option<AgencyId>,
) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(NAME_TAKEN)
        .bind(name)
        .bind(except)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn insert(conn: &mut Conn, a: &NewAgency, now: i64) -> Result<AgencyId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT)
        .bind(a.name.as_str())
        .bind(a.kind.as_str())
        .bind(&a.contact.name)
        .bind(&a.contact.email)
        .bind(&a.contact.phone)
        .bind(a.children_only)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(AgencyId(id))
}

pub async fn update(
    conn: &mut Conn,
    id: AgencyId,
    p: &AgencyPatch,
    now: i64,
) -> Result<(), AppError> {
    // Each field is set only when the patch names it: (given, value) pairs.
    sqlx::query(UPDATE_AGENCY)
        .bind(now)
        .bind(p.name.is_some())
        .bind(p.name.as_ref().map(|v| v.as_str().to_string()))
        .bind(p.kind.is_some())
        .bind(p.kind.map(|v| v.as_str()))
        .bind(p.active.is_some())
        .bind(p.active)
        .bind(p.contact_name.is_some())
        .bind(p.contact_name.clone().flatten())
        .bind(p.contact_email.is_some())
        .bind(p.contact_email.clone().flatten())
        .bind(p.contact_phone.is_some())
        .bind(p.contact_phone.clone().flatten())
        .bind(p.children_only.is_some())
        .bind(p.children_only)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    MEMBERS = "SELECT agency_id, id, name, email, role, representation FROM users
         WHERE active = 1 AND agency_id IS NOT NULL AND (? IS NULL OR agency_id = ?)
         ORDER BY CASE representation WHEN 'regular' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END,
                  name COLLATE NOCASE";
    LIST = crate::sql!(SELECT, " ORDER BY active DESC, name COLLATE NOCASE");
    GET = crate::sql!(SELECT, " WHERE id = ?");
    IS_ACTIVE = "SELECT COUNT(*) FROM agencies WHERE id = ? AND active = 1";
    NAME_TAKEN = "SELECT COUNT(*) FROM agencies WHERE name = ? AND id IS NOT ?";
    INSERT = "INSERT INTO agencies (name, kind, active, contact_name, contact_email, contact_phone,
                               children_only, created_at, updated_at)
         VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING id";
    UPDATE_AGENCY = "UPDATE agencies SET updated_at = ?,
            name = CASE WHEN ? THEN ? ELSE name END,
            kind = CASE WHEN ? THEN ? ELSE kind END,
            active = CASE WHEN ? THEN ? ELSE active END,
            contact_name = CASE WHEN ? THEN ? ELSE contact_name END,
            contact_email = CASE WHEN ? THEN ? ELSE contact_email END,
            contact_phone = CASE WHEN ? THEN ? ELSE contact_phone END,
            children_only = CASE WHEN ? THEN ? ELSE children_only END
        WHERE id = ?";
}
