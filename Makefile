# The two commands of the README: `make run` and `make test`.
# python3 is the pyenv shim: with .python-version (3.13) at the root it runs 3.13.
PYTHON ?= python3
UV := $(PYTHON) -m uv
MANAGE := $(UV) run --frozen python manage.py
# Python keeps what it compiles (__pycache__, ignored by git): this machine's environment
# sets PYTHONDONTWRITEBYTECODE=1, with which every process compiled Django, Wagtail and
# the project again from source, 2.4 s of the 4.3 s a `manage.py` start took; the test
# suite starts some 60 Python processes (workers, manage.py, gunicorn, the worker).
unexport PYTHONDONTWRITEBYTECODE
# Where `make run` serves the site: `make run PORT=8001` or `make run HOST=0.0.0.0`.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint checks pytest quick clean

# No --compile-bytecode: compiling all of .venv (Playwright, Wagtail...) cost 22 s of CPU
# on a fresh clone; Python compiles what is imported, once, on first import, and keeps it
# (PYTHONDONTWRITEBYTECODE is unexported above).
install:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen
	@# ical.js, the third calendar reader of the tests (tests/calendar_readers), when npm exists.
	@if ! command -v npm >/dev/null 2>&1; then echo "npm absent : le lecteur d'agenda ical.js des tests n'est pas installé." >&2; \
	elif [ ! tests/calendar_readers/node_modules/.package-lock.json -nt tests/calendar_readers/package-lock.json ]; then \
	npm ci --prefix tests/calendar_readers --no-audit --no-fund --silent; fi

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) update_index --verbosity 0
	HOST=$(HOST) PORT=$(PORT) $(UV) run --frozen bash scripts/run-dev.sh

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

checks: install
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(UV) run --frozen bash scripts/check-deploy.sh

pytest: install
	$(UV) run --frozen bash scripts/run-tests.sh

# The quick loop on the code under work: `make quick APP=guide` runs tests/guide on SQLite
# without the browser and without the tests that start other processes (README « Tests »).
APP ?=
quick: install
	@test -n "$(APP)" || { echo "Indiquez l'application : make quick APP=guide" >&2; exit 2; }
	$(UV) run --frozen python -m pytest tests/$(APP) -m "not browser and not processes" -n auto -q

# Each stage prints its time (scripts/timed.sh; the pytest stages in their own summary),
# then the total.
test:
	@start=$$(date +%s); \
	bash scripts/timed.sh "installation" $(MAKE) --no-print-directory install && \
	bash scripts/timed.sh "lint (ruff)" $(MAKE) --no-print-directory lint && \
	bash scripts/timed.sh "vérifications Django" $(MAKE) --no-print-directory checks && \
	$(MAKE) --no-print-directory pytest; \
	status=$$?; \
	echo "=== make test : $$(($$(date +%s) - start)) s au total"; \
	exit $$status

clean:
	rm -rf .venv staticfiles test.sqlite3 .pytest_cache .ruff_cache
