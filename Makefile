# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help install run test test-long test-e2e web check lint typecheck schema

help: ## List the targets with what they do
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the service with its test tools

# GraphiQL's npm files; the segment manager page needs none of them.
WEB_STAMP := web/node_modules/.installed

# Short network timeouts, so that `make run` goes on soon when the registry is unreachable.
$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --silent --fetch-retries=1 --fetch-timeout=30000
	touch $(WEB_STAMP)

web: $(WEB_STAMP) ## Install GraphiQL's pinned npm packages into web/node_modules, so /graphql works offline

# `run` installs GraphiQL's files when npm can; without them GraphiQL loads its files from the CDN.
run: $(STAMP) ## Serve the API on http://127.0.0.1:8000 (PORT overrides; embedded store unless MONGODB_URI is set)
	@$(MAKE) --no-print-directory web || echo "warning: 'make web' failed; GraphiQL at /graphql will load its files from the CDN"
	$(BIN)/segments serve

test: $(STAMP) ## Run the test suite (real MongoDB tests too when MONGODB_URI is set)
	$(BIN)/pytest

test-e2e: $(STAMP) web ## Drive the segment manager and GraphiQL in headless Chromium (/usr/bin/chromium); fails when no test ran
	SEGMENTS_E2E_REQUIRED=1 $(BIN)/pytest -q tests/e2e

test-long: $(STAMP) ## Run the engine property tests with 5000 random examples each (make test runs 500, fixed)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/engines

check: lint typecheck test ## Run the linters, the type checker and the tests

lint: $(STAMP) ## Check style and common mistakes with ruff
	$(BIN)/ruff check api resolvers mongo_filters models storage tests

typecheck: $(STAMP) ## Check types with mypy (strict)
	$(BIN)/mypy

schema: $(STAMP) ## Write schema.graphql from the code
	$(BIN)/segments export-schema --output schema.graphql

.PHONY: conformance

conformance: $(STAMP) ## Run the graphql-http server audits on 127.0.0.1 (needs node and npm); fails on any error or warning
	cd conformance && npm ci --no-audit --no-fund --silent
	$(BIN)/python conformance/run_audit.py

.PHONY: fuzz-long

fuzz-long: $(STAMP) ## Fuzz the GraphQL API with 5000 generated documents in process and 2000 over HTTP (make test sends 200 and 200)
	FUZZ_EXAMPLES=2500 FUZZ_LIVE_EXAMPLES=1000 $(BIN)/pytest -q tests/security/test_fuzz.py tests/security/test_fuzz_live.py

.PHONY: bench load

bench: $(STAMP) ## Print benchmark tables with the command and machine, about 10 min on 2 cores (BENCH_ARGS="--quick" for a short run)
	$(BIN)/python -m bench $(BENCH_ARGS)

load: $(STAMP) ## Send segment manager requests for 30 s over 64 connections to a local service; fails on any error (LOAD_ARGS="--url URL")
	$(BIN)/python -m bench.load $(LOAD_ARGS)
