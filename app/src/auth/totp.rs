//! Time-based one-time codes (RFC 6238): 6 digits, 30-second steps, one step of clock skew.

use totp_rs::{Algorithm, Secret, TOTP};

const STEP: u64 = 30;
const ISSUER: &str = "Convene";

pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => unreachable!("to_encoded returns an encoded secret"),
    }
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP,
        bytes,
        Some(ISSUER.to_string()),
        account.replace(':', ""),
    )
    .ok()
}

pub fn otpauth_uri(secret: &str, account: &str) -> Option<String> {
    totp(secret, account).map(|t| t.get_url())
}

pub fn qr_svg(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

/// The time step `code` belongs to, if it is valid at `now` (± one step) and newer than
/// `last_step`: a code is accepted once, and never one older than the last accepted.
pub fn accept(secret: &str, code: &str, now: u64, last_step: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret, "x")?;
    let current = (now / STEP) as i64;
    [current - 1, current, current + 1]
        .into_iter()
        .filter(|step| *step > last_step && *step >= 0)
        .find(|step| constant_time_eq(t.generate(*step as u64 * STEP).as_bytes(), code.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Where a user's secret is kept: sealed (see `db::seal`), bound to the user, so a copy in
/// another account's row does not open. Enrolment keeps the pending secret in the same form.
fn context(user: crate::ids::UserId) -> String {
    format!("users.totp_secret:{user}")
}

pub fn seal_secret(sealer: &crate::db::Sealer, user: crate::ids::UserId, secret: &str) -> String {
    sealer.seal(&context(user), secret)
}

/// The secret in clear; one that does not open is a fault of the server, never the user's.
pub fn open_secret(
    sealer: &crate::db::Sealer,
    user: crate::ids::UserId,
    stored: &str,
) -> Result<String, crate::error::AppError> {
    sealer.open(&context(user), stored).map_err(|_| {
        tracing::error!(%user, "a TOTP secret does not open with this database's data key");
        crate::error::AppError::Internal
    })
}

/// The code an authenticator app would show at `time` (used by the demo tooling and tests).
pub fn code_at(secret: &str, time: u64) -> Option<String> {
    totp(secret, "x").map(|t| t.generate(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_once_and_older_codes_never_after_it() {
        let s = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&s, now).unwrap();
        let step = accept(&s, &code, now, 0).expect("fresh code accepted");
        assert_eq!(accept(&s, &code, now, step), None, "replay refused");
        let previous = code_at(&s, now - 30).unwrap();
        assert_eq!(accept(&s, &previous, now, step), None);
    }

    #[test]
    fn codes_from_one_step_either_side_are_accepted_but_not_two() {
        let s = new_secret();
        let now = 1_800_000_015;
        assert!(accept(&s, &code_at(&s, now - 30).unwrap(), now, 0).is_some());
        assert!(accept(&s, &code_at(&s, now + 30).unwrap(), now, 0).is_some());
        let old = code_at(&s, now - 90).unwrap();
        if old != code_at(&s, now).unwrap() {
            assert_eq!(accept(&s, &old, now, 0), None);
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        let s = new_secret();
        assert_eq!(accept(&s, "12345", 1_800_000_000, 0), None);
        assert_eq!(accept(&s, "abcdef", 1_800_000_000, 0), None);
    }

    #[test]
    fn the_uri_names_the_issuer_and_renders_as_a_qr_svg() {
        let s = new_secret();
        let uri = otpauth_uri(&s, "chair@demo.test").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Convene:chair%40demo.test?"),
            "{uri}"
        );
        assert!(qr_svg(&uri).unwrap().contains("<svg"));
    }
}
