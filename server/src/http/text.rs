//! Words the HTTP layer itself answers with (one place, for translation).

use convene_app::i18n::Msg;

pub const BODY_TOO_LARGE: Msg = Msg("api-body-too-large");
