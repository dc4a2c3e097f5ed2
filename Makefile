# Two commands: `make build` sets up and builds the warehouse from seeds/; `make test` sets up and runs the tests
# (with the optional Spark group, whose test builds the samples on Spark in local mode).
# Set-up is idempotent: .venv/ is created once and re-synced only when uv.lock changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.synced

.PHONY: setup build test bench eval ui docs clean

setup: $(STAMP)

$(STAMP): uv.lock pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(VENV)/bin/uv sync --frozen --inexact --compile-bytecode --python $(VENV)/bin/python
	touch $(STAMP)

build: setup
	$(VENV)/bin/python -m pipelines build

test: setup
	$(VENV)/bin/uv sync --frozen --inexact --group spark --python $(VENV)/bin/python
	$(VENV)/bin/ruff check pipelines tests
	$(VENV)/bin/ruff format --check pipelines tests
	$(VENV)/bin/python -m pytest

bench: setup
	$(VENV)/bin/uv sync --frozen --inexact --group bench --python $(VENV)/bin/python
	$(VENV)/bin/python -m pipelines bench

eval: setup
	$(VENV)/bin/uv sync --frozen --inexact --group bench --python $(VENV)/bin/python
	$(VENV)/bin/python -m pipelines evaluate

ui: setup
	$(VENV)/bin/python -m pipelines ui

docs: setup
	$(VENV)/bin/python -m pipelines docs

clean:
	rm -rf warehouse/news.duckdb warehouse/.work .dagster_home
