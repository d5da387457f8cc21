# The README's two commands: `make demo` and `make test`. Both set up
# everything they need on a fresh machine with Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HF_STAMP := $(VENV)/.transformers-stamp
DB ?= data/extract.db
HOST ?= 127.0.0.1
PORT ?= 8001

.PHONY: setup demo test lint bench same-facts browser check-install clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The optional Hugging Face NER path, for its tests. torch is pinned to the
# CPU build that this machine kind keeps on disk: an unpinned torch would pull
# several GB of CUDA packages for no gain here.
$(HF_STAMP): $(STAMP)
	$(BIN)/pip install --quiet torch==2.13.0 -e '.[transformers]'
	touch $(HF_STAMP)

setup: $(STAMP)

# Debian's Chromium drives the end-to-end browser test.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"; }

demo: setup
	# The HTML pages (the five seeds among them) and the team-written gold articles.
	$(BIN)/extract run corpus/html corpus/gold/gold-*.json --db $(DB) --quiet
	$(BIN)/extract serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup $(HF_STAMP) browser lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check extract tests models
	$(BIN)/ruff format --check extract tests models
	$(BIN)/lint-imports --no-cache

# `pip install .` (not editable) into a fresh venv for each supported Python,
# then `extract run` on a bundled page from outside the checkout: the package
# must carry its data and the NER model. Needs the package registry.
check-install:
	@set -e; for v in 3.11 3.12 3.13; do \
	  py=; for c in python$$v $$(ls -d $$(pyenv root 2>/dev/null)/versions/$$v*/bin/python$$v 2>/dev/null); do \
	    [ -z "$$py" ] && $$c --version >/dev/null 2>&1 && py=$$c; done; \
	  [ -n "$$py" ] || { echo "python$$v: not found"; exit 1; }; \
	  dir=$$(mktemp -d); echo "== $$($$py --version) in $$dir"; \
	  $$py -m venv $$dir/venv; \
	  $$dir/venv/bin/pip install --quiet . ; \
	  cp corpus/html/jatimtimes-trenggalek-kerja-sama.html $$dir/; \
	  (cd $$dir && venv/bin/extract run jatimtimes-trenggalek-kerja-sama.html --db out.db --quiet \
	    && venv/bin/python -c "import sqlite3; n = sqlite3.connect('out.db').execute('select count(*) from events').fetchone()[0]; assert n > 0, n; print(n, 'events')" \
	    && ! venv/bin/python -c "import torch" 2>/dev/null); \
	  rm -rf $$dir; \
	done; echo "check-install: ok"

# Throughput at 1k and 10k synthetic articles (figures in the README).
bench: setup
	$(BIN)/extract bench --articles 1000 --articles 10000 --workers 2

# Facts found on the corpus, bench pages and ../shared/gold/real (when present),
# compared with a snapshot taken before a change: `make same-facts BEFORE=old.jsonl`.
SNAPSHOT ?= data/facts-snapshot.jsonl
same-facts: setup
	@mkdir -p $(dir $(SNAPSHOT))
	$(BIN)/python -m extract.bench.same_facts snapshot $(SNAPSHOT) --extra ../shared/gold/real
	@if [ -n "$(BEFORE)" ]; then $(BIN)/python -m extract.bench.same_facts compare $(BEFORE) $(SNAPSHOT); fi

clean:
	rm -rf $(VENV) data
