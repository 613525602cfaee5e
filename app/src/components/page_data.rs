//! Page data that is fetched once per page view, however often the server builds the page.
//!
//! On the server, a `Suspense` walks its children up to three times to find every resource they
//! read (leptos 0.8 re-runs them until nothing new is pending). The access `Guard` builds its page
//! inside such a `Suspense`, so a page that made its resources in its own body fetched — and
//! audited — its data once per walk, and the browser was sent the data of the first walk under
//! the HTML of the last. `page_resource` makes the first walk's resource the one every later walk
//! gets back.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod cache {
    use leptos::prelude::*;
    use std::any::Any;
    use std::collections::HashMap;
    use std::panic::Location;
    use std::sync::{Arc, Mutex};

    type Slot = (Owner, Box<dyn Any + Send + Sync>);

    /// The resources of one guarded page, by the place in the code that made them.
    #[derive(Clone)]
    pub struct PageResources {
        // Made outside the Suspense: a walk's own owner is cleaned up before the next walk.
        owner: Owner,
        made: Arc<Mutex<HashMap<&'static Location<'static>, Slot>>>,
    }

    pub fn provide() {
        provide_context(PageResources {
            owner: Owner::current().unwrap_or_default(),
            made: Arc::default(),
        });
    }

    pub fn get_or_make<T: Send + Sync + 'static>(
        at: &'static Location<'static>,
        make: impl FnOnce() -> Resource<T>,
    ) -> Resource<T> {
        let Some(cache) = use_context::<PageResources>() else {
            return make();
        };
        let mut made = cache.made.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = made
            .get(at)
            .and_then(|(_, r)| r.downcast_ref::<Resource<T>>())
        {
            return *r;
        }
        // The page's own contexts (the signed-in user) stay visible to the fetcher.
        let me = use_context::<crate::auth::types::Me>();
        let owner = cache.owner.child();
        let r = owner.with(|| {
            if let Some(me) = me {
                provide_context(me);
            }
            make()
        });
        made.insert(at, (owner, Box::new(r)));
        r
    }
}

/// Makes the page's resource once per page view: call it where the page would call
/// `Resource::new`, once per place in the code (not in a loop).
#[track_caller]
pub fn page_resource<T: Send + Sync + 'static>(make: impl FnOnce() -> Resource<T>) -> Resource<T> {
    #[cfg(feature = "ssr")]
    {
        cache::get_or_make(std::panic::Location::caller(), make)
    }
    // The browser builds the page once; there is nothing to share.
    #[cfg(not(feature = "ssr"))]
    {
        make()
    }
}

/// Gives the page below a place to keep its resources across the server's walks.
pub fn provide_page_resources() {
    #[cfg(feature = "ssr")]
    cache::provide();
}
