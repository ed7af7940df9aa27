# The few commands everybody runs. `make build` and `make test` set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup system build serve test reliability lint fix typecheck check clean

$(STAMP): pyproject.toml kg/nlp/lac_decode.c hatch_build.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

system:  ## chromium, rapper and the Cypher parser the export tests use
	bash scripts/setup-system.sh

build: setup  ## build the graph of corpus/ into exports/
	$(BIN)/kg build corpus --out exports

serve: setup  ## explore exports/ in a browser: http://127.0.0.1:8000/
	$(BIN)/kg serve exports

test: setup system  ## run the test suite
	$(BIN)/python -m pytest

reliability: setup system  ## only the reliability suite (also part of make test)
	$(BIN)/python -m pytest -m reliability

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: setup  ## apply ruff's fixes, then format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf exports/graph.* exports/neo4j exports/report.json .pytest_cache .mypy_cache .ruff_cache
