# casewriter: `make run` opens the TUI on your own data, `make demo` on sample data in a new
# temporary folder, `make test` runs the suite. Each creates .venv first.
# `make run ARGS="--home DIR"` keeps the log, config and templates under DIR instead.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run demo test check bench lint format wheel-check clean

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
	$(BIN)/casewriter $(ARGS)

# A demo home (25 sample cases, sample reports) in a new temporary folder; opened in the app
# when there is a terminal, else the command to open it is printed.
demo: $(VENV)/.run-stamp
	@home=$$(mktemp -d "$${TMPDIR:-/tmp}/casewriter-demo-XXXXXX") && \
	$(BIN)/casewriter --home "$$home" demo && \
	if [ -t 0 ] && [ -t 1 ]; then \
		echo "Opening it now (ctrl+q quits)..." && exec $(BIN)/casewriter --home "$$home"; \
	fi

# The suite runs on every core (pytest-xdist); PYTEST_ARGS="-n0" runs it in one process,
# CASEWRITER_TEST_SHUFFLE=<seed> in a random order, CASEWRITER_TEST_SUBPROCESS=1 with every
# CLI call in a subprocess (tests/conftest.py).
PYTEST_ARGS ?= -n auto

test: $(VENV)/.dev-stamp
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff format --check casewriter tests bench
	$(BIN)/ruff check casewriter tests bench

format: $(VENV)/.dev-stamp
	$(BIN)/ruff format casewriter tests bench
	$(BIN)/ruff check --fix casewriter tests bench

# lint-imports: the package layers and the core/TUI boundary ([tool.importlinter] in
# pyproject.toml; docs/architecture.md draws them).
check: lint
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(VENV)/.dev-stamp
	$(BIN)/python bench/run.py

wheel-check: $(VENV)/.dev-stamp
	$(BIN)/python -m pytest -q tests/test_packaging.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
