# The two commands of the README's quick start, and a few helpers.
.PHONY: run test

run:   ## Build and run Convene on http://127.0.0.1:3000 with demo data
	.dev/run

test:  ## Every test: unit, API and browser
	.dev/test

.PHONY: bench
bench:  ## Load test of the live meeting socket against a raw broadcast baseline (see BENCHMARKS.md)
	cargo build --release -p convene-bench
	sync  # the build's dirty pages would otherwise be flushed mid-run and stall SQLite's fsync
	cargo run --release -p convene-bench -- --meetings 10 --per-meeting 30 --changes 200
	cargo run --release -p convene-bench -- --meetings 1 --per-meeting 2000 --changes 200
