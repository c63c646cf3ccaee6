# newsxray — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast venv lock schema bench bench-all train-quotes train-claims train-techniques clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newsxray analyze examples/ --format pretty
	$(VENV)/bin/newsxray ingest examples/ --db corpus.db
	$(VENV)/bin/newsxray search "sanctions" --db corpus.db --limit 5
	$(VENV)/bin/newsxray stats --db corpus.db --top 5
	$(VENV)/bin/newsxray timeline VNM CHN --db corpus.db
	$(VENV)/bin/newsxray stories --db corpus.db --limit 5
	$(VENV)/bin/newsxray claims --db corpus.db --limit 3
	$(VENV)/bin/newsxray serve --db corpus.db

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

# Regenerate the lock file after changing pyproject.toml (needs pip-tools in the venv).
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev -o requirements.lock pyproject.toml

# Regenerate the shipped JSON Schema of the record from the code.
schema: $(STAMP)
	$(PY) -m newsxray.schema > newsxray/record.schema.json

bench: $(STAMP)
	$(PY) benchmarks/throughput.py

# Accuracy of every layer on the dev splits (see README for each figure).
bench-all: $(STAMP)
	$(PY) benchmarks/ner.py
	$(PY) benchmarks/quotes.py
	$(PY) benchmarks/timex.py --split dev
	$(PY) benchmarks/events.py
	$(PY) benchmarks/claims.py
	$(PY) benchmarks/techniques.py

# Retrain the shipped models from ../shared/datasets (fixed seeds).
train-quotes: $(STAMP)
	$(PY) scripts/train_quotes.py

train-claims: $(STAMP)
	$(PY) scripts/train_claims.py

train-techniques: $(STAMP)
	$(PY) scripts/train_techniques.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
