//! Words the HTTP layer itself answers with (one place, for translation).

pub const BODY_TOO_LARGE: &str =
    "The request is larger than Convene accepts. Shorten the text or split it, and try again.";
