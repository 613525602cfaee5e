use serde::{Deserialize, Serialize};

/// What a notice is about. Stored by `as_str`; new kinds are added here with their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Sign-in to the account was held back after many failed attempts.
    SignInLocked,
    /// The person's agency became involved with a case because it holds information.
    InvolvedThroughResearch,
    /// The coordinator withdrew an involvement recorded through research.
    InvolvementWithdrawn,
    /// To the admins: sign-in to someone's account was held back (params: `user_id`).
    AccountSignInLocked,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::SignInLocked,
        NoticeKind::InvolvedThroughResearch,
        NoticeKind::InvolvementWithdrawn,
        NoticeKind::AccountSignInLocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::SignInLocked => "sign_in_locked",
            NoticeKind::InvolvedThroughResearch => "involved_through_research",
            NoticeKind::InvolvementWithdrawn => "involvement_withdrawn",
            NoticeKind::AccountSignInLocked => "account_sign_in_locked",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A notice as the person sees it (`GET /api/v1/me/notices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    /// The case it concerns, by reference, if any.
    pub reference: Option<String>,
    pub text: String,
    pub created_at: String,
    pub read: bool,
}
