//! Server-side sessions. The browser holds only a random token; the database holds its hash,
//! when it was last used and when it must end regardless.

use super::types::{Actor, Role};
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::UserId;
use crate::state::AppState;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "convene_session";
/// The name whenever the cookie is `Secure`: browsers then accept it only from an https page,
/// for the whole host and no subdomain, so a neighbouring site cannot plant a session id.
pub const SECURE_COOKIE: &str = "__Host-convene_session";

pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}
/// Writing `last_seen_at` on every request would turn every page view into a disk flush.
const TOUCH_EVERY_SECS: i64 = 60;

pub fn hash_token(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// Starts a session for `user_id` and returns the token for the cookie.
pub async fn create(
    conn: &mut Conn,
    user_id: UserId,
    now: i64,
    absolute_secs: i64,
) -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    super::store::insert_session(conn, &hash_token(&token), user_id, now, now + absolute_secs)
        .await?;
    Ok(token)
}

pub async fn delete(conn: &mut Conn, session_id: &str) -> Result<(), AppError> {
    super::store::delete_session(conn, session_id).await
}

/// Ends every session of `user` but `keep` (the one making the change).
pub async fn delete_others(conn: &mut Conn, user: UserId, keep: &str) -> Result<(), AppError> {
    super::store::delete_other_sessions(conn, user, keep).await
}

pub async fn delete_all_for_user(conn: &mut Conn, user: UserId) -> Result<(), AppError> {
    super::store::delete_sessions_of(conn, user).await
}

/// The actor behind a session token, or `None` when the token is unknown, the session has
/// been idle too long or reached its absolute end, or the user has been disabled.
pub async fn resolve(state: &AppState, token: &str) -> Result<Option<Actor>, AppError> {
    let now = crate::time::now();
    let id = hash_token(token);
    let mut conn = state.db.acquire().await?;
    let row = super::store::find_session(&mut conn, &id).await?;
    let Some(row) = row else { return Ok(None) };
    if now >= row.expires_at || now - row.last_seen_at >= state.security.session_idle_secs {
        delete(&mut conn, &row.id).await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= TOUCH_EVERY_SECS {
        super::store::touch_session(&mut conn, &row.id, now).await?;
    }
    let role = Role::parse(&row.role).or_internal("a known Role in the stored role")?;
    let required = row.require_totp.as_deref() == Some("true");
    Ok(Some(Actor {
        user_id: row.user_id,
        email: row.email,
        name: row.name,
        role,
        agency_id: row.agency_id,
        totp_enabled: row.totp_enabled,
        must_enrol_totp: required && !row.totp_enabled,
        // A language the catalogue no longer has is as good as none.
        language: row.language.as_deref().and_then(crate::i18n::Lang::parse),
        session_id: row.id,
    }))
}

pub fn set_cookie(token: &str, secure: bool) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_cookie(secure: bool) -> String {
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    )
}

/// The session token from a request's `Cookie` headers, if any. With `secure`, only the
/// `__Host-` cookie counts: a plain one could have been set by another site on the domain.
pub fn token_from_headers(headers: &axum::http::HeaderMap, secure: bool) -> Option<String> {
    cookie(headers, cookie_name(secure))
}

/// The value of the cookie `name` from a request's `Cookie` headers, if any and not empty.
pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// The actor resolved for this request by the session middleware, kept in request extensions.
#[derive(Debug, Clone, Default)]
pub struct CurrentActor(pub Option<Actor>);

/// The actor of the request a server function is answering.
pub fn current_actor() -> Option<Actor> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<CurrentActor>().cloned())
        .and_then(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_when_asked() {
        let c = set_cookie("abc", true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
        assert!(!set_cookie("abc", false).contains("Secure"));
        assert!(c.starts_with("__Host-convene_session=abc; Path=/;"), "{c}");
        assert!(!c.contains("Domain"));
        assert!(set_cookie("abc", false).starts_with("convene_session=abc"));
        assert!(clear_cookie(true).starts_with("__Host-convene_session=;"));
        assert!(clear_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let mut h = axum::http::HeaderMap::new();
        h.insert("cookie", "a=1; convene_session=tok; b=2".parse().unwrap());
        assert_eq!(token_from_headers(&h, false).as_deref(), Some("tok"));
        h.insert("cookie", "convene_session=".parse().unwrap());
        assert_eq!(token_from_headers(&h, false), None);
    }

    #[test]
    fn over_https_only_the_host_prefixed_cookie_is_believed() {
        let mut h = axum::http::HeaderMap::new();
        h.insert("cookie", "convene_session=planted".parse().unwrap());
        assert_eq!(token_from_headers(&h, true), None);
        h.insert(
            "cookie",
            "convene_session=planted; __Host-convene_session=real"
                .parse()
                .unwrap(),
        );
        assert_eq!(token_from_headers(&h, true).as_deref(), Some("real"));
    }
}
