# casewriter: `make run` opens the TUI, `make test` runs the suite. Both create .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test check bench lint format wheel-check clean

$(VENV)/.run-stamp: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-stamp: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(VENV)/.run-stamp $@

run: $(VENV)/.run-stamp
	$(BIN)/casewriter

test: $(VENV)/.dev-stamp
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff format --check casewriter tests bench
	$(BIN)/ruff check casewriter tests bench

format: $(VENV)/.dev-stamp
	$(BIN)/ruff format casewriter tests bench
	$(BIN)/ruff check --fix casewriter tests bench

check: lint
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev-stamp
	$(BIN)/python bench/run.py

wheel-check: $(VENV)/.dev-stamp
	$(BIN)/python -m pytest -q tests/test_packaging.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
