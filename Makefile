# One task runner; the README uses `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tkdossiers
SAMPLES := samples/seed/verzamelbrief-2025D43420.docx \
           samples/seed/verzamelbrief-2025D43420-numbered.docx \
           samples/seed/verzamelbrief-2025D43420-styles.docx \
           samples/letters
DEMO_ENV := DEBUG=1 TKD_PUBLIC_READ=$${TKD_PUBLIC_READ:-0}
TEST_ENV := DEBUG=0 SECRET_KEY=test-only DATABASE_URL=$(TEST_DATABASE_URL)

.PHONY: install run demo-data test lint format migrations-check services evaluate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

demo-data: install
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py import_letter $(SAMPLES)
	$(DEMO_ENV) $(PY) manage.py create_demo_users

# The site itself runs as in production (DEBUG=0), so that the demo shows the site's own Dutch
# error pages and whitenoise serves the collected static files; over plain http, on 127.0.0.1
# only, with a key made for this run. (demo-data keeps DEBUG=1: only the demo makes demo users.)
run: demo-data
	@echo "TK Dossiers draait op http://127.0.0.1:8000 (stoppen: Ctrl-C)"
	export DEBUG=0 SECURE_COOKIES=0 TKD_PUBLIC_READ=$${TKD_PUBLIC_READ:-0} \
		SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") && \
	$(PY) manage.py collectstatic --noinput -v0 && \
	$(PY) manage.py runserver 127.0.0.1:8000

services:
	scripts/ensure-services.sh

migrations-check: install
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

test: install services migrations-check
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(TEST_ENV) $(PY) -m pytest

# The extraction on the corpus of real letters (tests/corpus/README.md): precision and recall
# per kind beside the goals; `make test` holds the same figures to tests/corpus/floors.json.
evaluate: install
	DEBUG=1 $(PY) -m tests.corpus.evaluate

# lint-imports checks the architecture contracts in pyproject.toml ([tool.importlinter]).
# --no-cache: the whole graph takes well under a second, and no cache directory is left behind.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
