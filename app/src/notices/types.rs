use serde::{Deserialize, Serialize};

/// What a notice is about. Stored by `as_str`; new kinds are added here with their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
    /// Someone asked for a change to the person's access; it waits for a second person.
    AccessAsked,
    /// A change to the person's access was confirmed and applies now.
    AccessChanged,
    /// A change to the person's access was refused.
    AccessRefused,
    /// A change to the person's access was withdrawn before anyone decided it.
    AccessWithdrawn,
    /// The access change the person asked for was confirmed or refused.
    AccessRequestDecided,
    /// A referral the agency made was linked by the coordinator to a case the group holds.
    ReferralLinked,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 10] = [
        NoticeKind::ReferralLinked,
        NoticeKind::AccountSignInLocked,
        NoticeKind::SignInLocked,
        NoticeKind::InvolvedThroughResearch,
        NoticeKind::InvolvementWithdrawn,
        NoticeKind::AccessAsked,
        NoticeKind::AccessChanged,
        NoticeKind::AccessRefused,
        NoticeKind::AccessWithdrawn,
        NoticeKind::AccessRequestDecided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::SignInLocked => "sign_in_locked",
            NoticeKind::InvolvedThroughResearch => "involved_through_research",
            NoticeKind::InvolvementWithdrawn => "involvement_withdrawn",
            NoticeKind::AccountSignInLocked => "account_sign_in_locked",
            NoticeKind::AccessAsked => "access_asked",
            NoticeKind::AccessChanged => "access_changed",
            NoticeKind::AccessRefused => "access_refused",
            NoticeKind::AccessWithdrawn => "access_withdrawn",
            NoticeKind::AccessRequestDecided => "access_request_decided",
            NoticeKind::ReferralLinked => "referral_linked",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A notice as the person sees it (`GET /api/v1/me/notices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    /// The case it concerns, by reference, if any.
    pub reference: Option<String>,
    pub text: String,
    pub created_at: String,
    pub read: bool,
}
