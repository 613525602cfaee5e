//! Response headers that keep pages from being framed, sniffed or cached, the content security
//! policy with a per-request nonce, and the refusal of cross-site writes.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use convene_app::error::AppError;
use rand_core::{OsRng, RngCore};
use std::sync::Arc;

/// The nonce of this response's CSP; Leptos puts it on the scripts it writes.
#[derive(Clone)]
pub struct CspNonce(pub String);

pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Two years, as the HSTS preload list asks; no `includeSubDomains`, since other sites on the
/// organisation's domain are not ours to commit to https.
pub const HSTS: &str = "max-age=63072000";

pub async fn headers(
    State(origins): State<Arc<Origins>>,
    mut req: Request,
    next: Next,
) -> Response {
    let mut bytes = [0u8; 18];
    OsRng.fill_bytes(&mut bytes);
    let nonce = base64::engine::general_purpose::STANDARD.encode(bytes);
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    // Built assets are the same for everyone and safe to cache; everything else may be personal.
    let is_asset = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&csp(&nonce)) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if origins.https() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    res
}

/// Where requests may legitimately come from besides the host they were sent to.
pub struct Origins {
    pub public_url: Option<String>,
}

impl Origins {
    /// Served over https: the public address says so (TLS ends at the proxy in front of us).
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

fn is_write(m: &Method) -> bool {
    matches!(
        *m,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// Whether a write request comes from Convene's own pages (or from a non-browser client,
/// which sends neither header). `Sec-Fetch-Site` is set by the browser and cannot be forged by
/// a page, so it decides when present; `Origin` is the fallback for older browsers. (With our
/// `Referrer-Policy: no-referrer`, browsers send `Origin: null` even on same-origin form posts,
/// so `Origin` alone cannot be the test.)
pub fn same_origin(req_headers: &axum::http::HeaderMap, origins: &Origins) -> bool {
    if let Some(site) = req_headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
    {
        return site == "same-origin" || site == "none";
    }
    let Some(origin) = req_headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    origin_is_ours(req_headers, origin, origins)
}

pub async fn refuse_cross_site(
    State(origins): State<Arc<Origins>>,
    mut req: Request,
    next: Next,
) -> Response {
    if is_write(req.method()) && !same_origin(req.headers(), &origins) {
        tracing::warn!("cross-site write refused");
        return AppError::Forbidden.into_response();
    }
    // The live socket's handshake is a GET, so it checks its origin itself.
    req.extensions_mut().insert(origins);
    next.run(req).await
}

/// A WebSocket handshake must name its origin (browsers always do), and it must be ours:
/// another site's page could otherwise open a socket with the user's cookie.
pub fn socket_origin_ok(req_headers: &axum::http::HeaderMap, origins: &Origins) -> bool {
    let Some(origin) = req_headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    origin_is_ours(req_headers, origin, origins)
}

/// The origin is the public address, or the host the request was sent to.
fn origin_is_ours(req_headers: &axum::http::HeaderMap, origin: &str, origins: &Origins) -> bool {
    if origins.public_url.as_deref() == Some(origin) {
        return true;
    }
    let host = req_headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn a_write_from_the_same_host_passes_and_one_from_elsewhere_does_not() {
        let o = Origins { public_url: None };
        assert!(same_origin(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000")
            ]),
            &o
        ));
        assert!(!same_origin(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://evil.example")
            ]),
            &o
        ));
        assert!(!same_origin(
            &h(&[("host", "127.0.0.1:3000"), ("origin", "null")]),
            &o
        ));
    }

    #[test]
    fn sec_fetch_site_cross_site_is_refused_even_without_origin() {
        let o = Origins { public_url: None };
        assert!(!same_origin(&h(&[("sec-fetch-site", "cross-site")]), &o));
        assert!(!same_origin(&h(&[("sec-fetch-site", "same-site")]), &o));
        assert!(same_origin(&h(&[("sec-fetch-site", "same-origin")]), &o));
    }

    #[test]
    fn a_same_origin_form_post_with_a_null_origin_passes_but_a_bare_null_origin_does_not() {
        let o = Origins { public_url: None };
        assert!(same_origin(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "null"),
                ("sec-fetch-site", "same-origin")
            ]),
            &o
        ));
        assert!(!same_origin(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000"),
                ("sec-fetch-site", "cross-site")
            ]),
            &o
        ));
    }

    #[test]
    fn the_configured_public_url_is_accepted_behind_a_proxy() {
        let o = Origins {
            public_url: Some("https://convene.example.org".into()),
        };
        assert!(same_origin(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "https://convene.example.org")
            ]),
            &o
        ));
    }

    #[test]
    fn a_socket_needs_our_own_origin() {
        let o = Origins { public_url: None };
        assert!(socket_origin_ok(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000")
            ]),
            &o
        ));
        assert!(!socket_origin_ok(&h(&[("host", "127.0.0.1:3000")]), &o));
        assert!(!socket_origin_ok(
            &h(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://evil.example")
            ]),
            &o
        ));
    }

    #[test]
    fn the_policy_allows_only_our_own_scripts_and_forbids_framing() {
        let p = csp("abc");
        assert!(p.contains("script-src 'self' 'nonce-abc'"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("unsafe-inline"));
    }
}
