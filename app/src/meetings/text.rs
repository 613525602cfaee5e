//! Words about meetings (one place, for translation).

use crate::i18n::Msg;

pub const MARKING: Msg = Msg("meetings-marking");
pub const STATUS_INVALID: Msg = Msg("meetings-status-invalid");
pub const WHEN_INVALID: Msg = Msg("meetings-when-invalid");
pub const WHEN_SKIPPED: Msg = Msg("meetings-when-skipped");
pub const DURATION_INVALID: Msg = Msg("meetings-duration-invalid");
pub const CHAIR_INVALID: Msg = Msg("meetings-chair-invalid");
pub const VIDEO_LINK_INVALID: Msg = Msg("meetings-video-link-invalid");
pub const SERIES_NAME_REQUIRED: Msg = Msg("meetings-series-name-required");
pub const EVERY_WEEKS_INVALID: Msg = Msg("meetings-every-weeks-invalid");
pub const DATE_INVALID: Msg = Msg("meetings-date-invalid");
pub const SERIES_SLOT_TAKEN: Msg = Msg("meetings-series-slot-taken");
pub const TIME_INVALID: Msg = Msg("meetings-time-invalid");
pub const ENDS_BEFORE_START: Msg = Msg("meetings-ends-before-start");
pub const TRANSITION_INVALID: Msg = Msg("meetings-transition-invalid");
pub const NOT_WHILE_DRAFT: Msg = Msg("meetings-not-while-draft");
pub const LIST_TITLE: Msg = Msg("meetings-list-title");
pub const LIST_INTRO: Msg = Msg("meetings-list-intro");
pub const NEW_MEETING: Msg = Msg("meetings-new-meeting");
pub const NEW_SERIES: Msg = Msg("meetings-new-series");
pub const NO_MEETINGS: Msg = Msg("meetings-no-meetings");
pub const CANNOT_START: Msg = Msg("meetings-cannot-start");
pub const NO_ITEMS: Msg = Msg("meetings-no-items");
pub const NOT_IN_SESSION: Msg = Msg("meetings-not-in-session");
