use crate::ids::{AuditId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: AuditId,
    /// RFC 3339, UTC.
    pub at: String,
    pub at_unix: i64,
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub reason: Option<String>,
    pub details: Option<serde_json::Value>,
}

/// Filters for browsing the log; every one is optional. Dates are `YYYY-MM-DD`, inclusive, UTC.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct AuditFilter {
    pub actor_user_id: Option<UserId>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Paging: entries older than this id.
    pub before_id: Option<AuditId>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Pass as `before_id` for the next (older) page; absent on the last page.
    pub next_before_id: Option<AuditId>,
}

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

/// A filter whose dates have been checked: the range in unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditQuery {
    pub actor_user_id: Option<UserId>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub from_unix: Option<i64>,
    pub to_unix_exclusive: Option<i64>,
    pub before_id: Option<AuditId>,
    pub limit: u32,
}

impl AuditFilter {
    pub fn parse(self) -> Result<AuditQuery, crate::error::AppError> {
        use chrono::NaiveDate;
        let mut p = crate::error::Problems::new();
        let day = |s: &Option<String>| -> Result<Option<NaiveDate>, String> {
            match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| super::text::DATE_INVALID.to_string()),
            }
        };
        let from = p.take("from", day(&self.from)).flatten();
        let to = p.take("to", day(&self.to)).flatten();
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                p.add("to", super::text::RANGE_BACKWARDS);
            }
        }
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            p.add("limit", super::text::LIMIT_INVALID);
        }
        p.into_result()?;
        let start = |d: NaiveDate| Some(crate::time::local_day_start(d));
        let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(AuditQuery {
            actor_user_id: self.actor_user_id,
            entity: clean(self.entity),
            entity_id: clean(self.entity_id),
            action: clean(self.action),
            from_unix: from.and_then(start),
            to_unix_exclusive: to.and_then(|d| d.succ_opt()).and_then(start),
            before_id: self.before_id,
            limit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_range_covers_whole_days_in_utc() {
        let q = AuditFilter {
            from: Some("2026-01-01".into()),
            to: Some("2026-01-01".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(q.from_unix, Some(1_767_225_600));
        assert_eq!(q.to_unix_exclusive, Some(1_767_225_600 + 86_400));
        assert_eq!(q.limit, DEFAULT_LIMIT);
    }

    #[test]
    fn bad_dates_and_limits_name_their_field() {
        let e = AuditFilter {
            from: Some("yesterday".into()),
            limit: Some(0),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("from").is_some());
        assert!(e.field("limit").is_some());
        let e = AuditFilter {
            from: Some("2026-02-01".into()),
            to: Some("2026-01-01".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("to").is_some());
    }
}
