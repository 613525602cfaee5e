//! The settings' key/value rows.

use super::types::Settings;
use crate::db::Conn;
use crate::error::AppError;

pub async fn read(conn: &mut Conn) -> Result<Settings, AppError> {
    let rows: Vec<(String, String)> = sqlx::query_as(READ).fetch_all(&mut *conn).await?;
    let mut s = Settings::default();
    for (k, v) in rows {
        let slot = match k.as_str() {
            "require_totp" => {
                s.require_totp = v == "true";
                continue;
            }
            "default_language" => {
                s.default_language = v;
                continue;
            }
            "time_zone" => {
                s.time_zone = v;
                continue;
            }
            "escalation_incidents" => &mut s.escalation_incidents,
            "case_item_minutes" => &mut s.case_item_minutes,
            "research_due_hours" => &mut s.research_due_hours,
            "carry_over_limit" => &mut s.carry_over_limit,
            "retention_case_months" => &mut s.retention_case_months,
            "retention_audit_months" => &mut s.retention_audit_months,
            "adult_women" => &mut s.adult_women,
            _ => continue,
        };
        *slot = v.parse().unwrap_or(*slot);
    }
    Ok(s)
}

pub async fn write(conn: &mut Conn, key: &str, value: String) -> Result<(), AppError> {
    sqlx::query(WRITE)
        .bind(key)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    READ = "SELECT key, value FROM settings";
    WRITE = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
}
