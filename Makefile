# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint bench fuzz clean

# Install briefing and its pinned dependencies (constraints.txt pins every package, torch to the CPU build).
$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(PY) -m briefing.nlp.text.word_frequency  # wordfreq's lists as a table: quick start-up (see the module)
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/briefing today

test: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check briefing tests bench
	$(PY) -m mypy briefing
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/easc.py
	$(PY) bench/events.py
	$(PY) bench/events_heldout.py
	$(PY) bench/ner.py
	$(PY) bench/fetch.py
	$(PY) bench/tui.py

# A longer run of the ingest fuzzer (atheris when installed, else Hypothesis); findings in /tmp/briefing-fuzz.
fuzz: $(STAMP)
	$(PY) bench/fuzz_ingest.py --seconds 600

clean:
	rm -rf $(VENV) build *.egg-info
