//! The message catalogue is compiled into the crate (fluent-templates' `include_str!`), but cargo
//! does not see those files as inputs: an edited or added `.ftl` would leave a build with the old
//! words. A digest of the catalogue, handed to the crate as an environment variable, makes any
//! change to `locales/` rebuild it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

fn visit(dir: &Path, h: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            visit(&p, h);
        } else {
            p.hash(h);
            std::fs::read(&p).unwrap_or_default().hash(h);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut h = DefaultHasher::new();
    visit(Path::new("locales"), &mut h);
    println!("cargo:rustc-env=CONVENE_LOCALES_DIGEST={:x}", h.finish());
}
