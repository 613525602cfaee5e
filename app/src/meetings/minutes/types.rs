//! The minutes on the wire.

use crate::ids::{AgencyId, CaseId, CommentId, SectionId, UserId};
use crate::meetings::types::Meeting;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    Draft,
    Circulated,
    Approved,
}

impl MinutesStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MinutesStatus::Draft => "draft",
            MinutesStatus::Circulated => "circulated",
            MinutesStatus::Approved => "approved",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            MinutesStatus::Draft,
            MinutesStatus::Circulated,
            MinutesStatus::Approved,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            MinutesStatus::Draft => "minutes-status-draft",
            MinutesStatus::Circulated => "minutes-status-circulated",
            MinutesStatus::Approved => "minutes-status-approved",
        })
        .as_str()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Section {
    pub id: SectionId,
    pub position: u32,
    pub heading: String,
    pub case_id: Option<CaseId>,
    pub body_md: String,
    /// Rendered and sanitised on the server.
    pub body_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: CommentId,
    pub section_id: Option<SectionId>,
    pub author_id: UserId,
    pub author: String,
    pub body: String,
    pub proposed_text: Option<String>,
    /// open, accepted or declined
    pub status: String,
    pub resolution_note: Option<String>,
    pub created_at: String,
}

impl Comment {
    /// The comment's state in words (`status` is the wire value).
    pub fn status_label(&self) -> &'static str {
        crate::i18n::Msg(match self.status.as_str() {
            "accepted" => "minutes-comment-accepted",
            "declined" => "minutes-comment-declined",
            _ => "minutes-comment-open",
        })
        .as_str()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Addendum {
    pub body_md: String,
    pub body_html: String,
    pub author: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Minutes {
    pub meeting: Meeting,
    pub status: MinutesStatus,
    /// For optimistic concurrency: a save must name the version it edited.
    pub version: i64,
    pub review_deadline: Option<String>,
    pub approved_at: Option<String>,
    pub approved_by: Option<String>,
    pub sections: Vec<Section>,
    pub comments: Vec<Comment>,
    pub addenda: Vec<Addendum>,
    /// Set when this is one agency's extract: only its items.
    pub extract_for: Option<AgencyId>,
    pub marking: String,
    pub viewer: String,
    pub viewed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SectionEdit {
    pub id: SectionId,
    pub body_md: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MinutesUpdate {
    pub version: i64,
    pub sections: Vec<SectionEdit>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CirculateInput {
    /// Last day for comments (YYYY-MM-DD); a week from today when absent.
    #[serde(default)]
    pub review_deadline: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CommentInput {
    #[serde(default)]
    pub section_id: Option<SectionId>,
    #[serde(default)]
    pub body: String,
    /// The wording proposed instead, for a correction.
    #[serde(default)]
    pub proposed_text: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResolveInput {
    /// accepted or declined
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AddendumInput {
    #[serde(default)]
    pub body_md: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct MinutesQuery {
    /// The chair or coordinator asking for one agency's extract.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub agency_id: Option<String>,
}
