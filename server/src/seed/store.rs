//! The SQL the demo seed runs beyond the app's own stores: lookups by name and the shortcuts
//! that make a past meeting look held.

use convene_app::db::{Conn, Pool};
use convene_app::ids::{MeetingId, UserId};

pub async fn agency_id(pool: &Pool, name: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(AGENCY_ID)
        .bind(name)
        .fetch_optional(pool)
        .await
}

pub async fn user_id(pool: &Pool, email: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(USER_ID)
        .bind(email)
        .fetch_optional(pool)
        .await
}

pub async fn case_count(pool: &Pool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(CASE_COUNT).fetch_one(pool).await
}

pub async fn meeting_count(pool: &Pool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(MEETING_COUNT).fetch_one(pool).await
}

/// The demo's four-weekly series, named and placed in the group's language.
pub async fn insert_series(
    conn: &mut Conn,
    name: &str,
    place: &str,
    chair: UserId,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(INSERT_SERIES)
        .bind(name)
        .bind(place)
        .bind(chair)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
}

/// Cases referred in [since, before), with how many children each has.
pub async fn cases_referred_between(
    conn: &mut Conn,
    since: i64,
    before: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(CASES_REFERRED_BETWEEN)
        .bind(before)
        .bind(since)
        .fetch_all(&mut *conn)
        .await
}

pub async fn mark_held(conn: &mut Conn, id: MeetingId, agenda_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(MARK_HELD)
        .bind(agenda_at)
        .bind(agenda_at)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Everyone active but the admins attended (the probation officer now and then sent apologies).
pub async fn record_attendance(conn: &mut Conn, id: MeetingId, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(RECORD_ATTENDANCE)
        .bind(id)
        .bind(at)
        .bind(at)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn approve_minutes(
    conn: &mut Conn,
    id: MeetingId,
    circulated_at: i64,
    approved_at: i64,
    chair: UserId,
) -> Result<(), sqlx::Error> {
    sqlx::query(APPROVE_MINUTES)
        .bind(circulated_at)
        .bind(approved_at)
        .bind(chair)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

convene_app::statements! {
    AGENCY_ID = "SELECT id FROM agencies WHERE name = ?";
    USER_ID = "SELECT id FROM users WHERE email = ?";
    CASE_COUNT = "SELECT COUNT(*) FROM cases";
    MEETING_COUNT = "SELECT COUNT(*) FROM meetings";
    INSERT_SERIES = "INSERT INTO meeting_series (name, every_weeks, weekday, start_time, duration_minutes, place, default_chair_id, created_at, updated_at)
         VALUES (?, 4, 2, '10:00', 180, ?, ?, ?, ?) RETURNING id";
    CASES_REFERRED_BETWEEN = "SELECT c.id, (SELECT COUNT(*) FROM case_children ch WHERE ch.case_id = c.id) FROM cases c
         WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.registered_at < ? AND r.registered_at >= ?)
         ORDER BY c.id";
    MARK_HELD = "UPDATE meetings SET status = 'minutes_approved', agenda_built_at = ?, agenda_published_at = ? WHERE id = ?";
    RECORD_ATTENDANCE = "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, acknowledged_at, updated_at)
         SELECT ?, u.id, u.agency_id,
                CASE WHEN u.email = 'probation@demo.test' AND (? / 86400) % 3 = 0 THEN 'apologies_info_sent' ELSE 'present' END,
                u.role = 'observer', ?, ?
         FROM users u WHERE u.active = 1 AND u.role <> 'admin'";
    APPROVE_MINUTES = "UPDATE minutes SET status = 'approved', circulated_at = ?, approved_at = ?, approved_by = ? WHERE meeting_id = ?";
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn every_seed_statement_prepares_against_the_migrated_schema() {
        let pool = convene_app::db::statements::fresh_database().await;
        let refused = convene_app::db::statements::refused(&pool, &[&super::STATEMENTS]).await;
        assert!(refused.is_empty(), "{}", refused.join("\n"));
    }
}
