# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help install run test check lint typecheck schema

help: ## List the targets with what they do
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the service with its test tools

run: $(STAMP) ## Serve the API on http://127.0.0.1:8000 (PORT overrides; embedded store unless MONGODB_URI is set)
	$(BIN)/segments serve

test: $(STAMP) ## Run the test suite (real MongoDB tests too when MONGODB_URI is set)
	$(BIN)/pytest

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

.PHONY: bench load

bench: $(STAMP) ## Print benchmark tables with the command and machine, about 10 min on 2 cores (BENCH_ARGS="--quick" for a short run)
	$(BIN)/python -m bench $(BENCH_ARGS)

load: $(STAMP) ## Send segment manager requests for 30 s over 64 connections to a local service; fails on any error (LOAD_ARGS="--url URL")
	$(BIN)/python -m bench.load $(LOAD_ARGS)
