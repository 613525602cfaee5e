//! Identifier newtypes: an agency id cannot be passed where a user id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse::<i64>().map($name)
            }
        }
    };
}

id_type!(UserId);
id_type!(AgencyId);
id_type!(AuditId);
id_type!(CaseId);
id_type!(MatchId);
id_type!(ReferralId);
id_type!(MeetingId);
id_type!(SeriesId);
id_type!(ItemId);
id_type!(SectionId);
id_type!(CommentId);
id_type!(ActionId);
id_type!(AccessRequestId);
