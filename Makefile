# The README's two commands: `make demo` and `make test`. Both set up
# everything they need on a fresh machine with Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= data/extract.db
HOST ?= 127.0.0.1
PORT ?= 8001

.PHONY: setup demo test bench browser clean

# torch is pinned to the CPU build that this machine kind keeps on disk; an
# unpinned torch would pull several GB of CUDA packages for no gain here.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

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

test: setup browser
	$(BIN)/python -m pytest

# Throughput at 1k and 10k synthetic articles (figures in the README).
bench: setup
	$(BIN)/extract bench --articles 1000 --articles 10000 --workers 2

clean:
	rm -rf $(VENV) data
