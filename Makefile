# crisis-stream: `make run` (broker + worker + seeds + live tallies) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint unit broker-tests browser-tests eval bench schemas kafka clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "crisis-stream needs Python 3.11, got " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: start a local Kafka (unless KAFKA_BOOTSTRAP_SERVERS is set) and a worker, replay seeds/, show tallies
run: $(STAMP)
	$(PY) scripts/run.py $(RUN_ARGS)

## test: lint and the whole suite, including the tests against the real broker and in Chromium
test: $(STAMP)
	bash scripts/install_chromium.sh
	$(PY) -m ruff check .
	$(PY) -m streams kafka --fetch-only
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

unit: $(STAMP)
	$(PY) -m pytest tests/unit

eval: $(STAMP)
	$(PY) -m streams eval --gold ../shared/eval/dev.jsonl
	$(PY) -m streams eval --gold ../shared/eval/articles-dev.jsonl

bench: $(STAMP)
	$(PY) bench/run_all.py

schemas: $(STAMP)
	$(PY) -m schemas.export

kafka: $(STAMP)
	$(PY) -m streams kafka

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache
