# Soulcaster ingest. `make run` serves on the embedded default (`make run PORT=8080 HOST=...`
# to choose where); `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PLUGINS := $(wildcard plugins/soulcaster_*)
STAMP := $(VENV)/.installed

.PHONY: install run test lint format bench-ingest bench-mapping bench-clustering browser clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[gemini,upstash,test]' $(foreach p,$(PLUGINS),-e $(p))
	touch $(STAMP)

install: $(STAMP)

# `make run PORT=8080 HOST=0.0.0.0`: only what is given on the command line counts (a shell's
# own HOST, or a PaaS's PORT, in the environment is not taken as a choice).
run: install
	$(VENV)/bin/soulcaster serve \
	  $(if $(filter command line,$(origin HOST)),--host $(HOST)) \
	  $(if $(filter command line,$(origin PORT)),--port $(PORT))

# Debian's Chromium for the dashboard's browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; }

# One pytest worker per core (pytest-xdist): each starts its own Redis Cluster and servers.
test: install browser
	$(PY) -m pytest -q -p no:cacheprovider -n auto

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench-ingest: install
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(PY) bench/ingest.py

bench-mapping: install
	$(PY) bench/mapping.py

bench-clustering: install
	$(PY) bench/clustering.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
