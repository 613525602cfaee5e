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
    // Told through the outbox (app/src/outbox): an in-app notice and, by preference, an email.
    /// A meeting's agenda was published (with its research due date).
    AgendaPublished,
    /// Research for a meeting is still missing from the agency, due soon.
    ResearchDue,
    /// The coordinator asked the agency for its late research (params: `cases`).
    ResearchReminder,
    /// An action was assigned to the agency or to the person.
    ActionAssigned,
    /// An action of the agency is due within seven days.
    ActionDueSoon,
    /// An action of the agency is due tomorrow.
    ActionDueTomorrow,
    /// An action of the agency is overdue (then weekly).
    ActionOverdue,
    /// An action was escalated.
    ActionEscalated,
    /// Minutes were circulated for review (params: `deadline`, a day).
    MinutesCirculated,
    /// The deadline for comments on minutes is tomorrow.
    MinutesDeadline,
    /// A meeting's minutes were approved.
    MinutesApproved,
    /// A meeting was moved (params: `from`, its earlier start; `reason`).
    MeetingMoved,
    /// A meeting was cancelled (params: `reason`, `next_meeting`).
    MeetingCancelled,
    /// A new referral may be a person the group already knows: the coordinator decides.
    ReferralMatchPending,
    /// A change to someone's access waits for a second person's decision.
    AccessAwaitingDecision,
    /// The person was made a case's manager.
    CaseManagerAssigned,
    /// The person was made a case's responsible.
    CaseResponsibleAssigned,
    /// A case's 72-hour or 30-day deadline is tomorrow (params: `deadline`, `due`).
    CaseDeadlineTomorrow,
    /// A case comes back for review at a meeting.
    CaseReviewPlaced,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 29] = [
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
        NoticeKind::AgendaPublished,
        NoticeKind::ResearchDue,
        NoticeKind::ResearchReminder,
        NoticeKind::ActionAssigned,
        NoticeKind::ActionDueSoon,
        NoticeKind::ActionDueTomorrow,
        NoticeKind::ActionOverdue,
        NoticeKind::ActionEscalated,
        NoticeKind::MinutesCirculated,
        NoticeKind::MinutesDeadline,
        NoticeKind::MinutesApproved,
        NoticeKind::MeetingMoved,
        NoticeKind::MeetingCancelled,
        NoticeKind::ReferralMatchPending,
        NoticeKind::AccessAwaitingDecision,
        NoticeKind::CaseManagerAssigned,
        NoticeKind::CaseResponsibleAssigned,
        NoticeKind::CaseDeadlineTomorrow,
        NoticeKind::CaseReviewPlaced,
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
            NoticeKind::AgendaPublished => "agenda_published",
            NoticeKind::ResearchDue => "research_due",
            NoticeKind::ResearchReminder => "research_reminder",
            NoticeKind::ActionAssigned => "action_assigned",
            NoticeKind::ActionDueSoon => "action_due_soon",
            NoticeKind::ActionDueTomorrow => "action_due_tomorrow",
            NoticeKind::ActionOverdue => "action_overdue",
            NoticeKind::ActionEscalated => "action_escalated",
            NoticeKind::MinutesCirculated => "minutes_circulated",
            NoticeKind::MinutesDeadline => "minutes_deadline",
            NoticeKind::MinutesApproved => "minutes_approved",
            NoticeKind::MeetingMoved => "meeting_moved",
            NoticeKind::MeetingCancelled => "meeting_cancelled",
            NoticeKind::ReferralMatchPending => "referral_match_pending",
            NoticeKind::AccessAwaitingDecision => "access_awaiting_decision",
            NoticeKind::CaseManagerAssigned => "case_manager_assigned",
            NoticeKind::CaseResponsibleAssigned => "case_responsible_assigned",
            NoticeKind::CaseDeadlineTomorrow => "case_deadline_tomorrow",
            NoticeKind::CaseReviewPlaced => "case_review_placed",
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
