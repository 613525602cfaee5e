//! The JSON API under `/api/v1`. Every route is registered through `Api`, which keeps the list
//! of (method, path) pairs that the OpenAPI test compares with the generated document.

mod actions;
mod agencies;
mod audit;
mod case_people;
mod cases;
pub mod extract;
mod figures;
mod language;
pub mod live;
mod me;
mod meetings;
mod minutes;
mod notices;
mod openapi;
mod outbox;
mod reviews;
mod schedule;
mod session;
mod settings;
mod users;

use axum::handler::Handler;
use axum::routing::{delete, get, patch, post, put, MethodRouter};
use axum::Router;
use convene_app::error::AppError;
use convene_app::state::AppState;

pub struct Api {
    router: Router<AppState>,
    routes: Vec<(&'static str, &'static str)>,
}

impl Api {
    fn new() -> Self {
        Self {
            router: Router::new(),
            routes: Vec::new(),
        }
    }

    /// Every route needs a session unless it is registered as public: a request without
    /// one is refused before its body is even read (401, never a 422 about its shape).
    fn add(mut self, method: &'static str, path: &'static str, mr: MethodRouter<AppState>) -> Self {
        self.routes.push((method, path));
        self.router = self.router.route(
            path,
            mr.route_layer(axum::middleware::from_fn(require_session)),
        );
        self
    }

    fn add_public(
        mut self,
        method: &'static str,
        path: &'static str,
        mr: MethodRouter<AppState>,
    ) -> Self {
        self.routes.push((method, path));
        self.router = self.router.route(path, mr);
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("get", path, get(h))
    }
    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("post", path, post(h))
    }
    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("put", path, put(h))
    }
    pub fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("patch", path, patch(h))
    }
    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("delete", path, delete(h))
    }

    /// Served without a session: the API document, signing in and out, a calendar feed.
    pub fn public_get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add_public("get", path, get(h))
    }
    pub fn public_post<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        h: H,
    ) -> Self {
        self.add_public("post", path, post(h))
    }
    pub fn public_delete<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        h: H,
    ) -> Self {
        self.add_public("delete", path, delete(h))
    }

    /// Serves `route` but documents it as `documented` (for paths like `/x/{id}.ics`, which
    /// the router matches as `/x/{id}` and the handler tells apart). `public`: as `public_get`.
    pub fn get_as<H: Handler<T, AppState>, T: 'static>(
        mut self,
        route: &'static str,
        documented: &'static str,
        public: bool,
        h: H,
    ) -> Self {
        let mr = get(h);
        self = if public {
            self.add_public("get", route, mr)
        } else {
            self.add("get", route, mr)
        };
        // Documented under its own spelling: replace the route's entry.
        if let Some(last) = self.routes.last_mut() {
            *last = ("get", documented);
        }
        self
    }

    /// Documents another spelling of a route already served.
    pub fn also(mut self, method: &'static str, documented: &'static str) -> Self {
        self.routes.push((method, documented));
        self
    }
}

async fn require_session(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let signed_in = req
        .extensions()
        .get::<convene_app::auth::session::CurrentActor>()
        .is_some_and(|c| c.0.is_some());
    if signed_in {
        next.run(req).await
    } else {
        AppError::unauthorized().into_response()
    }
}

fn build() -> Api {
    let api = Api::new().public_get("/openapi.json", openapi::document);
    let api = session::routes(api);
    let api = language::routes(api);
    let api = me::routes(api);
    let api = agencies::routes(api);
    let api = users::routes(api);
    let api = audit::routes(api);
    let api = cases::routes(api);
    let api = reviews::routes(api);
    let api = case_people::routes(api);
    let api = meetings::routes(api);
    let api = schedule::routes(api);
    let api = live::routes(api);
    let api = minutes::routes(api);
    let api = actions::routes(api);
    let api = figures::routes(api);
    let api = notices::routes(api);
    let api = outbox::routes(api);
    settings::routes(api)
}

/// Every (method, path) the API serves, paths relative to `/api/v1`.
pub fn routes() -> Vec<(&'static str, &'static str)> {
    build().routes
}

pub fn router() -> Router<AppState> {
    build()
        .router
        .fallback(|| async { AppError::NotFound })
        .method_not_allowed_fallback(|| async {
            let body = serde_json::json!({ "error": {
                "code": "method_not_allowed",
                "message": "This endpoint does not accept that method."
            }});
            (axum::http::StatusCode::METHOD_NOT_ALLOWED, axum::Json(body))
        })
}
