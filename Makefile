# The two commands of the README's quick start, and a few helpers.
.PHONY: run test openapi

run:   ## Build and run Convene on http://127.0.0.1:3000 with demo data
	.dev/run

test:  ## Every test: unit, API and browser
	.dev/test

openapi:  ## Rewrite server/openapi.json from .dev/openapi.py
	python3 .dev/openapi.py
