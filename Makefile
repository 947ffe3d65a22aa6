# The two commands of the README: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint check eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps record what was installed, so a second `make` does not reinstall.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/helpdesk serve

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check helpdesk tests
	$(BIN)/ruff format --check helpdesk tests
	$(BIN)/mypy

check: $(VENV)/.installed
	$(BIN)/helpdesk kb check

test: lint check
	@test -x /usr/bin/chromium || echo "NOTE: /usr/bin/chromium is missing: the widget's browser tests will be SKIPPED (apt-get install chromium fonts-noto-cjk)"
	$(BIN)/python -m pytest

eval: $(VENV)/.installed-dev
	$(BIN)/helpdesk eval

# Speed and memory beside the reference libraries, then HTTP load with wrk (see docs/performance.md).
bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_search.py
	@command -v wrk >/dev/null || (test "$$(id -u)" = 0 && apt-get install -y -qq wrk >/dev/null) || echo "install wrk for the HTTP benchmark"
	HELPDESK_RECORD_QUESTIONS=false benchmarks/bench_http.sh 15 1
	benchmarks/bench_http.sh 15 1
	benchmarks/bench_http.sh 15 8

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
