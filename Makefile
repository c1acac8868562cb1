# The two commands of the quickstart: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-render test-all lint themes bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/deckgen build --all

# the fast tests; the ones that render with LibreOffice or use real templates: make test-render
test: $(STAMP) lint
	$(BIN)/python -m pytest -m "not render"

test-render: $(STAMP)
	$(BIN)/python -m pytest -m render

test-all: test test-render

lint: $(STAMP)
	$(BIN)/ruff check deckgen tests themes
	$(BIN)/ruff format --check deckgen tests themes
	$(BIN)/mypy

themes: $(STAMP)
	$(BIN)/python themes/build_themes.py

clean:
	rm -rf build $(VENV)

bench: $(STAMP)
	$(BIN)/python bench/bench.py --write
