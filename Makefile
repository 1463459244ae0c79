# nqgraph: `make run` builds the seed corpus and serves it; `make test` runs every suite CI runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STORE ?= data
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run build serve test lint bench bench-quick clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

build: $(VENV)/.installed
	$(VENV)/bin/nqgraph build seeds --store $(STORE)

run: build
	$(VENV)/bin/nqgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

test: $(VENV)/.installed lint
	bash scripts/virtuoso.sh ensure
	$(PY) -m pytest -q

bench-quick: $(VENV)/.installed
	$(PY) -m bench --quick

bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .ruff_cache
