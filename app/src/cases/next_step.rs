//! What comes next for a case once it has been discussed: a review at a later meeting, kept
//! open without one, or closed with a reason from a fixed list. On the wire, and parsed here
//! (the same input from the agenda item, the case page and the API).

use crate::actions::types::{Action, ActionKind, ActionStatus, BarrierCategory};
use crate::error::{AppError, Problems};
use crate::i18n::Msg;
use crate::ids::{ActionId, CaseId, ItemId, MeetingId};
use crate::lenient;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

pub const RECEIVING_GROUP_MAX: usize = 200;
pub const EXPLANATION_MAX: usize = 500;
pub const WEEKS_MAX: u32 = 52;

pub mod text {
    use crate::i18n::Msg;
    pub const STEP_INVALID: Msg = Msg("reviews-step-invalid");
    pub const WHEN_REQUIRED: Msg = Msg("reviews-when-required");
    pub const WHEN_BOTH: Msg = Msg("reviews-when-both");
    pub const DATE_INVALID: Msg = Msg("reviews-date-invalid");
    pub const DATE_PAST: Msg = Msg("reviews-date-past");
    pub const WEEKS_INVALID: Msg = Msg("reviews-weeks-invalid");
    pub const REASON_INVALID: Msg = Msg("reviews-reason-invalid");
    pub const GROUP_REQUIRED: Msg = Msg("reviews-group-required");
    pub const GROUP_TOO_LONG: Msg = Msg("reviews-group-too-long");
    pub const EXPLANATION_REQUIRED: Msg = Msg("reviews-explanation-required");
    pub const EXPLANATION_TOO_LONG: Msg = Msg("reviews-explanation-too-long");
    pub const NOT_ON_AGENDA: Msg = Msg("reviews-not-on-agenda");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Review,
    KeepOpen,
    Close,
}

impl StepKind {
    pub const ALL: [StepKind; 3] = [StepKind::Review, StepKind::KeepOpen, StepKind::Close];

    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Review => "review",
            StepKind::KeepOpen => "keep_open",
            StepKind::Close => "close",
        }
    }

    pub fn label(self) -> &'static str {
        Msg(match self {
            StepKind::Review => "reviews-step-review",
            StepKind::KeepOpen => "reviews-step-keep-open",
            StepKind::Close => "reviews-step-close",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Option<StepKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// Why a case closed: the fixed list the group reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    RiskReduced,
    MovedOut,
    VictimDisengaged,
    Other,
}

impl CloseReason {
    pub const ALL: [CloseReason; 4] = [
        CloseReason::RiskReduced,
        CloseReason::MovedOut,
        CloseReason::VictimDisengaged,
        CloseReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CloseReason::RiskReduced => "risk_reduced",
            CloseReason::MovedOut => "moved_out",
            CloseReason::VictimDisengaged => "victim_disengaged",
            CloseReason::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        Msg(match self {
            CloseReason::RiskReduced => "reviews-reason-risk-reduced",
            CloseReason::MovedOut => "reviews-reason-moved-out",
            CloseReason::VictimDisengaged => "reviews-reason-victim-disengaged",
            CloseReason::Other => "reviews-reason-other",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Option<CloseReason> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// The decision as the chair sends it (the agenda item's form, the case page's, the API).
/// Everything is text so that a wrong value comes back as a field error, never a decode one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NextStepInput {
    /// The meeting at which it was decided (the case must be on its agenda); absent when
    /// decided from the case page between meetings.
    #[serde(default, deserialize_with = "lenient::text")]
    pub meeting_id: Option<String>,
    /// `review`, `keep_open` or `close`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<StepKind>))]
    pub step: Option<String>,
    /// Review on or after this day (`YYYY-MM-DD`), or…
    #[serde(default, deserialize_with = "lenient::text")]
    pub review_on: Option<String>,
    /// …in this many weeks from the meeting's day (from today outside a meeting).
    #[serde(default, deserialize_with = "lenient::text")]
    pub review_in_weeks: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<CloseReason>))]
    pub close_reason: Option<String>,
    /// With `moved_out`: the group or service that takes the case over (an organisation).
    #[serde(default)]
    pub receiving_group: Option<String>,
    /// With `other`: a short explanation.
    #[serde(default)]
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closing {
    RiskReduced,
    MovedOut { receiving_group: String },
    VictimDisengaged,
    Other { explanation: String },
}

impl Closing {
    pub fn reason(&self) -> CloseReason {
        match self {
            Closing::RiskReduced => CloseReason::RiskReduced,
            Closing::MovedOut { .. } => CloseReason::MovedOut,
            Closing::VictimDisengaged => CloseReason::VictimDisengaged,
            Closing::Other { .. } => CloseReason::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    Review {
        on: NaiveDate,
        in_weeks: Option<u32>,
    },
    KeepOpen,
    Close(Closing),
}

impl NextStep {
    pub fn kind(&self) -> StepKind {
        match self {
            NextStep::Review { .. } => StepKind::Review,
            NextStep::KeepOpen => StepKind::KeepOpen,
            NextStep::Close(_) => StepKind::Close,
        }
    }
}

fn words(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

impl NextStepInput {
    /// The meeting named, if any (an unreadable one is a field error).
    pub fn meeting(&self) -> Result<Option<MeetingId>, AppError> {
        match self.meeting_id.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => s
                .parse::<i64>()
                .map(|i| Some(MeetingId(i)))
                .map_err(|_| AppError::validation("meeting_id", text::NOT_ON_AGENDA)),
        }
    }

    /// `base`: the day "in N weeks" counts from (the meeting's, or today outside a meeting).
    /// A review must fall after `base` and not before `today`.
    pub fn parse(&self, base: NaiveDate, today: NaiveDate) -> Result<NextStep, AppError> {
        let mut p = Problems::new();
        let step = match self.step.as_deref().and_then(StepKind::parse) {
            Some(s) => s,
            None => return Err(AppError::validation("step", text::STEP_INVALID)),
        };
        let out = match step {
            StepKind::KeepOpen => Some(NextStep::KeepOpen),
            StepKind::Review => {
                let date = self.review_on.as_deref().map(str::trim);
                let weeks = self.review_in_weeks.as_deref().map(str::trim);
                let found = match (date, weeks) {
                    (Some(_), Some(_)) => {
                        p.add("review_on", text::WHEN_BOTH);
                        None
                    }
                    (None, None) => {
                        p.add("review_on", text::WHEN_REQUIRED);
                        None
                    }
                    (Some(d), None) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                        Ok(d) => Some((d, None)),
                        Err(_) => {
                            p.add("review_on", text::DATE_INVALID);
                            None
                        }
                    },
                    (None, Some(w)) => match w.parse::<u32>() {
                        Ok(n) if (1..=WEEKS_MAX).contains(&n) => base
                            .checked_add_days(Days::new(7 * n as u64))
                            .map(|d| (d, Some(n))),
                        _ => {
                            p.add("review_in_weeks", text::WEEKS_INVALID);
                            None
                        }
                    },
                };
                match found {
                    Some((d, w)) if d <= base || d < today => {
                        p.add(
                            if w.is_some() {
                                "review_in_weeks"
                            } else {
                                "review_on"
                            },
                            text::DATE_PAST,
                        );
                        None
                    }
                    Some((on, in_weeks)) => Some(NextStep::Review { on, in_weeks }),
                    None => None,
                }
            }
            StepKind::Close => {
                let group = words(&self.receiving_group);
                let explanation = words(&self.explanation);
                match self.close_reason.as_deref().and_then(CloseReason::parse) {
                    None => {
                        p.add("close_reason", text::REASON_INVALID);
                        None
                    }
                    Some(CloseReason::RiskReduced) => Some(Closing::RiskReduced),
                    Some(CloseReason::VictimDisengaged) => Some(Closing::VictimDisengaged),
                    Some(CloseReason::MovedOut) => match group {
                        None => {
                            p.add("receiving_group", text::GROUP_REQUIRED);
                            None
                        }
                        Some(g) if g.chars().count() > RECEIVING_GROUP_MAX => {
                            p.add("receiving_group", text::GROUP_TOO_LONG);
                            None
                        }
                        Some(receiving_group) => Some(Closing::MovedOut { receiving_group }),
                    },
                    Some(CloseReason::Other) => match explanation {
                        None => {
                            p.add("explanation", text::EXPLANATION_REQUIRED);
                            None
                        }
                        Some(e) if e.chars().count() > EXPLANATION_MAX => {
                            p.add("explanation", text::EXPLANATION_TOO_LONG);
                            None
                        }
                        Some(explanation) => Some(Closing::Other { explanation }),
                    },
                }
                .map(NextStep::Close)
            }
        };
        p.into_result()?;
        out.ok_or_else(|| AppError::validation("step", text::STEP_INVALID))
    }
}

/// One decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NextStepView {
    pub step: StepKind,
    pub review_on: Option<NaiveDate>,
    pub review_in_weeks: Option<u32>,
    pub close_reason: Option<CloseReason>,
    pub receiving_group: Option<String>,
    pub explanation: Option<String>,
    pub meeting_id: Option<MeetingId>,
    pub meeting_starts_unix: Option<i64>,
    pub decided_at_unix: i64,
    pub who: Option<String>,
}

/// What a decision did: the decision, and the meeting a review was put on (if one exists yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NextStepDone {
    pub case_id: CaseId,
    pub decision: NextStepView,
    pub placed_on: Option<MeetingId>,
}

/// An earlier action and what became of it, with the reason when it was not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TriedAction {
    pub id: ActionId,
    pub owner_agency_name: String,
    pub kind: ActionKind,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub barrier_category: Option<BarrierCategory>,
    pub barrier_text: Option<String>,
    /// Why it was not done, as recorded with the outcome.
    pub reason: Option<String>,
}

/// The earlier plans and how they ended, for a case that comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WhatWasTried {
    pub case_id: CaseId,
    pub reference: String,
    /// The case was closed and came back with a new referral.
    pub reopened: bool,
    pub closing_code: Option<CloseReason>,
    pub closing_reason: Option<String>,
    /// Newest first.
    pub decisions: Vec<NextStepView>,
    /// Finished actions (done, not done, superseded), newest first.
    pub actions: Vec<TriedAction>,
}

impl WhatWasTried {
    pub fn is_empty(&self) -> bool {
        self.closing_code.is_none()
            && self.closing_reason.is_none()
            && self.decisions.is_empty()
            && self.actions.is_empty()
    }
}

/// Beside a case item of an agenda: what the group last said and agreed, what is still open,
/// and what was tried before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReviewContext {
    pub item_id: ItemId,
    pub case_id: CaseId,
    pub reference: String,
    /// The earlier meeting the last summary is from.
    pub last_meeting_id: Option<MeetingId>,
    pub last_meeting_unix: Option<i64>,
    pub summary_md: Option<String>,
    pub decisions_md: Option<String>,
    pub open_actions: Vec<Action>,
    pub tried: WhatWasTried,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn input(step: &str) -> NextStepInput {
        NextStepInput {
            step: Some(step.into()),
            ..Default::default()
        }
    }

    fn fields(e: AppError) -> Vec<String> {
        match e {
            AppError::Validation { fields } => fields.into_keys().collect(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_review_in_six_weeks_counts_from_the_meetings_day() {
        let i = NextStepInput {
            review_in_weeks: Some(" 6 ".into()),
            ..input("review")
        };
        assert_eq!(
            i.parse(day("2027-03-09"), day("2027-03-01")).unwrap(),
            NextStep::Review {
                on: day("2027-04-20"),
                in_weeks: Some(6)
            }
        );
    }

    #[test]
    fn a_review_by_date_must_come_after_the_meeting_and_not_before_today() {
        let on = |d: &str| NextStepInput {
            review_on: Some(d.into()),
            ..input("review")
        };
        let base = day("2027-03-09");
        assert_eq!(
            on("2027-05-01").parse(base, base).unwrap(),
            NextStep::Review {
                on: day("2027-05-01"),
                in_weeks: None
            }
        );
        assert_eq!(
            fields(on("2027-03-09").parse(base, base).unwrap_err()),
            ["review_on"]
        );
        assert_eq!(
            fields(on("2027-03-20").parse(base, day("2027-03-21")).unwrap_err()),
            ["review_on"]
        );
        assert_eq!(
            fields(on("9 May").parse(base, base).unwrap_err()),
            ["review_on"]
        );
    }

    #[test]
    fn a_review_needs_one_of_a_date_or_a_number_of_weeks() {
        let base = day("2027-03-09");
        assert_eq!(
            fields(input("review").parse(base, base).unwrap_err()),
            ["review_on"]
        );
        let both = NextStepInput {
            review_on: Some("2027-05-01".into()),
            review_in_weeks: Some("4".into()),
            ..input("review")
        };
        assert_eq!(fields(both.parse(base, base).unwrap_err()), ["review_on"]);
        for bad in ["0", "53", "six"] {
            let w = NextStepInput {
                review_in_weeks: Some(bad.into()),
                ..input("review")
            };
            assert_eq!(
                fields(w.parse(base, base).unwrap_err()),
                ["review_in_weeks"]
            );
        }
    }

    #[test]
    fn closing_takes_a_reason_from_the_list_with_what_each_needs() {
        let base = day("2027-03-09");
        let close = |reason: &str, group: Option<&str>, why: Option<&str>| NextStepInput {
            close_reason: Some(reason.into()),
            receiving_group: group.map(Into::into),
            explanation: why.map(Into::into),
            ..input("close")
        };
        assert_eq!(
            close("risk_reduced", None, None).parse(base, base).unwrap(),
            NextStep::Close(Closing::RiskReduced)
        );
        assert_eq!(
            close("moved_out", Some("  Bistrița   intervention group "), None)
                .parse(base, base)
                .unwrap(),
            NextStep::Close(Closing::MovedOut {
                receiving_group: "Bistrița intervention group".into()
            })
        );
        assert_eq!(
            fields(
                close("moved_out", Some("  "), None)
                    .parse(base, base)
                    .unwrap_err()
            ),
            ["receiving_group"]
        );
        let long = "x".repeat(RECEIVING_GROUP_MAX + 1);
        assert_eq!(
            fields(
                close("moved_out", Some(&long), None)
                    .parse(base, base)
                    .unwrap_err()
            ),
            ["receiving_group"]
        );
        assert_eq!(
            fields(close("other", None, None).parse(base, base).unwrap_err()),
            ["explanation"]
        );
        assert_eq!(
            fields(close("tired", None, None).parse(base, base).unwrap_err()),
            ["close_reason"]
        );
        assert_eq!(
            close("victim_disengaged", Some("ignored"), None)
                .parse(base, base)
                .unwrap(),
            NextStep::Close(Closing::VictimDisengaged)
        );
    }

    #[test]
    fn an_unknown_step_or_meeting_is_a_field_error() {
        let base = day("2027-03-09");
        assert_eq!(
            fields(input("wait").parse(base, base).unwrap_err()),
            ["step"]
        );
        assert_eq!(
            input("keep_open").parse(base, base).unwrap(),
            NextStep::KeepOpen
        );
        let m = NextStepInput {
            meeting_id: Some("twelve".into()),
            ..input("keep_open")
        };
        assert_eq!(fields(m.meeting().unwrap_err()), ["meeting_id"]);
    }

    #[test]
    fn the_next_step_words_read_in_romanian() {
        use crate::i18n::Lang;
        let ro = Lang::parse("ro").unwrap();
        assert_eq!(
            Msg("reviews-reason-moved-out").in_lang(ro),
            "S-a mutat din zonă"
        );
        assert_eq!(
            Msg("reviews-step-review").in_lang(ro),
            "Reevaluare la o ședință ulterioară"
        );
    }
}
