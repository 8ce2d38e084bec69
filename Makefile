# The two commands of the README: `make site` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: site test lint serve clean bench

site: $(VENV)/.installed
	$(PY) -m generator build
	@echo "Site built in _site/ — open _site/index.html, or run 'make serve' and visit http://127.0.0.1:8000/"

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests

serve: $(VENV)/.installed
	$(PY) -m generator serve

bench: $(VENV)/.installed
	$(PY) benchmarks/bench.py

clean:
	$(PY) -m generator clean || rm -rf _site

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@
