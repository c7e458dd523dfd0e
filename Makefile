# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck bench clean

# Install briefing and its pinned dependencies (constraints.txt pins every package, torch to the CPU build).
$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/briefing today

test: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check briefing tests bench
	$(PY) -m mypy briefing

bench: $(STAMP)
	$(PY) bench/easc.py
	$(PY) bench/events.py
	$(PY) bench/ner.py

clean:
	rm -rf $(VENV) build *.egg-info
