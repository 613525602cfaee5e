//! What the outbox shows: messages by state (to the admin) and each person's choices.

use crate::ids::{MeetingId, UserId};
use crate::notices::types::NoticeKind;
use serde::{Deserialize, Serialize};

/// How a kind of message reaches a person by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// At once.
    Immediate,
    /// In the daily summary.
    Digest,
    /// No email (the in-app notice stays).
    None,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Delivery::Immediate, Delivery::Digest, Delivery::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Immediate => "immediate",
            Delivery::Digest => "digest",
            Delivery::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Delivery> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            Delivery::Immediate => "outbox-delivery-immediate",
            Delivery::Digest => "outbox-delivery-digest",
            Delivery::None => "outbox-delivery-none",
        })
        .as_str()
    }
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting: for the worker, the digest hour or a retry.
    Pending,
    /// Handed to the mail server just now.
    Sending,
    Sent,
    /// Given up after retries, or refused by the mail server for good.
    Failed,
    /// No email wanted (the person's choice, or no mail server configured).
    Skipped,
    /// Convene stopped while handing it over: it may not have arrived, and is not sent again
    /// by itself.
    Interrupted,
}

impl OutboxState {
    pub const ALL: [OutboxState; 6] = [
        OutboxState::Pending,
        OutboxState::Sending,
        OutboxState::Sent,
        OutboxState::Failed,
        OutboxState::Skipped,
        OutboxState::Interrupted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
            OutboxState::Skipped => "skipped",
            OutboxState::Interrupted => "interrupted",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxState> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            OutboxState::Pending => "outbox-state-pending",
            OutboxState::Sending => "outbox-state-sending",
            OutboxState::Sent => "outbox-state-sent",
            OutboxState::Failed => "outbox-state-failed",
            OutboxState::Skipped => "outbox-state-skipped",
            OutboxState::Interrupted => "outbox-state-interrupted",
        })
        .as_str()
    }
}

/// One message of the outbox as the admin sees it (`GET /api/v1/outbox`): the recipient by
/// account number, the case by reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: NoticeKind,
    pub user_id: UserId,
    pub reference: Option<String>,
    pub meeting_id: Option<MeetingId>,
    pub state: OutboxState,
    pub delivery: Option<Delivery>,
    pub attempts: i64,
    /// What the mail server or the connection answered (never the message).
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

/// `GET /api/v1/outbox?state=failed&limit=100`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams, utoipa::ToSchema))]
pub struct OutboxQuery {
    #[serde(default)]
    pub state: Option<OutboxState>,
    #[serde(default)]
    pub limit: Option<i64>,
}

impl OutboxQuery {
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(100).clamp(1, 500)
    }
}

/// A person's choice for one kind (`GET /api/v1/me/notification-preferences`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Preference {
    pub kind: NoticeKind,
    pub label: String,
    pub delivery: Delivery,
    /// What applies when the person has not chosen.
    pub default: Delivery,
    /// Cannot be turned off for this person (research requests to an agency's regular
    /// representative).
    pub mandatory: bool,
}

/// A change of choices (`PUT /api/v1/me/notification-preferences`): absent kinds stay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PreferencesInput {
    pub choices: Vec<PreferenceChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PreferenceChoice {
    /// A kind's code (`agenda_published`, ...).
    pub kind: String,
    /// `immediate`, `digest` or `none`.
    pub delivery: String,
}
