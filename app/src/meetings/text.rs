//! Words about meetings (one place, for translation).

pub const MARKING: &str =
    "RESTRICTED — do not share without the agreement of the agencies concerned";
pub const STATUS_INVALID: &str = "Choose a meeting status from the list.";
pub const WHEN_INVALID: &str =
    "Enter the date and time like 2027-01-15T10:00 (the group's local time).";
pub const WHEN_SKIPPED: &str =
    "That time does not exist here: the clocks go forward an hour that night. Choose another time.";
pub const DURATION_INVALID: &str = "Enter the length in minutes, from 15 to 600.";
pub const CHAIR_INVALID: &str = "Choose the chair from the list.";
pub const VIDEO_LINK_INVALID: &str = "Enter a video link starting with https://.";
pub const SERIES_NAME_REQUIRED: &str = "Give the series a name, like “Monthly intervention group”.";
pub const EVERY_WEEKS_INVALID: &str = "Enter how often the group meets, every 1 to 12 weeks.";
pub const DATE_INVALID: &str = "Enter a date like 2027-01-15.";
pub const SERIES_SLOT_TAKEN: &str = "Another meeting of this series already starts at that time.";
pub const TIME_INVALID: &str = "Enter a time like 10:00.";
pub const ENDS_BEFORE_START: &str = "The meeting must end after it starts.";
pub const TRANSITION_INVALID: &str =
    "A meeting goes from published agenda, to in session, to closed; it cannot go that way.";
pub const NOT_WHILE_DRAFT: &str = "Publish the agenda before starting the meeting.";
pub const LIST_TITLE: &str = "Meetings";
pub const LIST_INTRO: &str =
    "The group's meetings. Agendas become visible to members when the coordinator publishes them.";
pub const NEW_MEETING: &str = "Schedule a meeting";
pub const NEW_SERIES: &str = "Set up the meeting rhythm";
pub const NO_MEETINGS: &str = "No meetings are scheduled.";
pub const CANNOT_START: &str =
    "Only a meeting whose agenda is published and that has not been held can be started.";
pub const NO_ITEMS: &str = "The agenda has no items. Build it before starting the meeting.";
pub const NOT_IN_SESSION: &str = "The meeting is not in session.";
