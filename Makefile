# Everything a person runs. `make run` and `make test` do all the set-up on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Bundles to load instead of the demo's two (docs/demo.md), e.g. DEMO=province.yaml
DEMO ?=
SYSTEM_PACKAGES := chromium fonts-liberation fonts-liberation2 fonts-noto-core fonts-noto-cjk poppler-utils gettext

.PHONY: install system-deps run serve test test-fast lint format bench bench-small bench-national bench-docs \
	bench-import-export bench-clean messages screenshots demo-bundle clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# Chromium (browser tests, screenshots) and fonts for every script the partners' names use;
# gettext for makemessages/compilemessages (tests/i18n checks the catalogue with them).
# fonts-liberation2: Liberation Serif 2.x (Times New Roman's metrics) has the Vietnamese letters
# that 1.x lacks, so PDF reports don't mix fonts inside Vietnamese words.
# Installed only where missing and only when we may (root with apt-get); otherwise the
# browser tests are skipped with a message.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || \
	    ! fc-list 2>/dev/null | grep -q "liberation2/LiberationSerif" || ! command -v xgettext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(SYSTEM_PACKAGES) (one time)"; \
	    (apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null)) || \
	     echo "warning: could not install $(SYSTEM_PACKAGES); browser tests will be skipped"; \
	  else echo "note: install $(SYSTEM_PACKAGES) for the browser tests"; fi; \
	fi

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py demo_setup $(DEMO)
	$(MAKE) serve

serve:
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/gunicorn foreign_affairs.wsgi -b 127.0.0.1:$(PORT) -w 2 --access-logfile - --error-logfile -

test: install system-deps
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/python manage.py compilemessages -v0 --ignore=.venv 2>/dev/null || true
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages -l vi --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The illustrative part of the demo (docs/demo.md), written by a seeded generator: the same file on
# every run. Commit the result; `make run` imports it after demo/nghe-an.yaml.
demo-bundle: install
	$(BIN)/python demo/generate.py

screenshots: install system-deps
	$(BIN)/python -m tests.screenshots

# Performance (docs/benchmarks.md): a synthetic national register (~1 million records) on SQLite
# and PostgreSQL; generated once (about 15 minutes each), then reused from the cache.
bench: install
	$(BIN)/python -m bench.run

bench-national: bench

# A quick check of the bench on a small data set (a few minutes; docs left alone).
bench-small: install
	$(BIN)/python -m bench.run --small

# docs/benchmarks.md from the results already in bench/results/.
bench-docs: install
	$(BIN)/python -m bench.run --docs-only

# The older bundle import/export measurements (six minutes), then the document.
bench-import-export: install
	$(BIN)/python -m bench.import_export
	$(BIN)/python -m bench.run --docs-only

# Throw the bench's databases away (the SQLite files and the bench_national* PostgreSQL databases).
bench-clean: install
	$(BIN)/python -m bench.db --drop

clean:
	rm -rf $(VENV) var/static
