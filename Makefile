# thidua — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
THIDUA := $(BIN)/thidua
STAMP := $(VENV)/.installed
export THIDUA_DEBUG ?= 1

.PHONY: run install serve demo test lint types layers migrations-check pytest pytest-pg \
        messages schema clean worker loadtest bench bench-pg bench-quick

run: install ## Install, migrate, load the demo once, serve on http://127.0.0.1:8000
	$(THIDUA) migrate --noinput
	$(THIDUA) demo
	@echo ""
	@echo "  thidua chạy tại: http://127.0.0.1:8000"
	@echo ""
	$(THIDUA) runserver 127.0.0.1:8000

install: $(STAMP) node_modules/.package-lock.json locale/vi/LC_MESSAGES/django.mo ## Install everything into .venv (idempotent)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PY) >/dev/null || { echo "Cần Python 3.11 ($(PY))"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.package-lock.json

locale/vi/LC_MESSAGES/django.mo: locale/vi/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/pybabel compile --statistics -d locale -D django -l vi

serve: install
	$(THIDUA) runserver 127.0.0.1:8000

worker: install ## Run the background worker (imports); recovers tasks a killed worker left
	$(THIDUA) db_worker --no-reload

loadtest: install ## 200 users for 5 minutes against gunicorn + PostgreSQL (LOADTEST_DATABASE_URL)
	loadtest/run.sh

demo: install
	$(THIDUA) migrate --noinput
	$(THIDUA) demo

test: install lint types layers migrations-check pytest ## Lint, types, layers, migrations, tests (SQLite, then PostgreSQL if set)
	@if [ -n "$$THIDUA_TEST_POSTGRES_URL" ]; then $(MAKE) --no-print-directory pytest-pg; \
	 else echo "THIDUA_TEST_POSTGRES_URL chưa đặt: bỏ qua lượt chạy trên PostgreSQL."; fi

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy thidua

layers:
	$(BIN)/lint-imports

migrations-check:
	$(BIN)/python -m thidua.manage makemigrations --check --dry-run
	$(BIN)/python -m thidua.manage check

pytest:
	$(BIN)/pytest $(PYTEST_ARGS)

pytest-pg:
	THIDUA_TEST_DATABASE_URL="$$THIDUA_TEST_POSTGRES_URL" $(BIN)/pytest $(PYTEST_ARGS)

messages: ## Re-extract translatable strings into locale/vi (then translate the new entries)
	$(BIN)/python -m thidua.manage makemessages -l vi --ignore=.venv --ignore=node_modules --no-obsolete

schema: install ## Regenerate the committed OpenAPI schema
	$(BIN)/python -m thidua.manage export_openapi_schema --api thidua.api.base.api --indent 2 --sorted > schema/openapi.json

# Benchmarks (docs/performance.md): their own databases, never the dev one; production
# settings on loopback. Results: bench/results.json and bench/RESULTS.md.
BENCH_ENV := THIDUA_DEBUG=0 THIDUA_SSL_REDIRECT=0 THIDUA_SECURE_COOKIES=0 \
	THIDUA_ALLOWED_HOSTS=127.0.0.1,localhost,testserver \
	THIDUA_SECRET_KEY=bench-only-secret-key-not-for-production-0123456789abcdef
THIDUA_BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/thidua_bench

bench: install ## Benchmarks at province scale on SQLite (var/bench.sqlite3)
	$(BENCH_ENV) THIDUA_DATABASE_URL= THIDUA_SQLITE_PATH=var/bench.sqlite3 \
		$(THIDUA) bench run --scale province $(ARGS)

bench-pg: install ## Benchmarks at province scale on PostgreSQL (THIDUA_BENCH_DATABASE_URL)
	@$(BIN)/python -c "import psycopg, sys; u = sys.argv[1]; \
	c = psycopg.connect(u.rsplit('/', 1)[0] + '/postgres', autocommit=True); \
	n = u.rsplit('/', 1)[1]; \
	c.execute('SELECT 1 FROM pg_database WHERE datname = %s', [n]).fetchone() \
	or c.execute('CREATE DATABASE \"' + n + '\"')" "$(THIDUA_BENCH_DATABASE_URL)"
	$(BENCH_ENV) THIDUA_DATABASE_URL="$(THIDUA_BENCH_DATABASE_URL)" \
		$(THIDUA) bench run --scale province $(ARGS)

bench-quick: install ## Small-scale benchmarks (CI, report only; under two minutes)
	$(BENCH_ENV) THIDUA_DATABASE_URL= THIDUA_SQLITE_PATH=var/bench-quick.sqlite3 \
		$(THIDUA) bench run --quick $(ARGS)

clean:
	rm -rf $(VENV) node_modules var
