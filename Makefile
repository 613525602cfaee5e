# The two commands of the README's quick start, and a few helpers.
.PHONY: run test

run:   ## Build and run Convene on http://127.0.0.1:3000 with demo data
	.dev/run

test:  ## Every test: unit, API and browser
	.dev/test

.PHONY: bench
# The tool runs the `convene` binary built next to it. It is run directly: `cargo run -p
# convene-bench` alone would build the app crate again without the server's features.
LIVE_LOAD = "$${CARGO_TARGET_DIR:-target}/release/live_load"
bench:  ## Load test of the live meeting socket against a raw broadcast baseline (see BENCHMARKS.md)
	cargo build --release -p convene -p convene-bench
	sync  # the build's dirty pages would otherwise be flushed mid-run and stall SQLite's fsync
	$(LIVE_LOAD) --meetings 10 --per-meeting 30 --changes 200
	$(LIVE_LOAD) --meetings 1 --per-meeting 2000 --changes 200
