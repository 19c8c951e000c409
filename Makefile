# Two commands do everything: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal} \
            REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/15}

.PHONY: demo test bench screenshots fuzz mutation lint install system-deps browser services messages messages-update demo-data serve backup restore clean

demo: install system-deps messages demo-data serve

test: install system-deps browser services messages lint
	$(TEST_ENV) $(PY) -m pytest -n 2 --dist loadgroup -p no:cacheprovider $(PYTEST_ARGS)

bench: install system-deps services
	$(TEST_ENV) $(PY) -m pytest tests/bench -o python_files='bench_*.py' -p no:cacheprovider -s $(PYTEST_ARGS)

# Every page of the demo walk per role, both languages, desktop and phone widths (for review).
screenshots: install system-deps browser services messages
	$(TEST_ENV) $(PY) -m pytest tests/e2e/shots_pages.py -o python_files='shots_*.py' -n 2 -p no:cacheprovider $(PYTEST_ARGS)
	@echo "Screenshots: test-artifacts/screenshots/pages/<role>/<language>-<desktop|phone>/"

# The schemathesis run of the suite with many more examples per operation and role.
fuzz: install services
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} $(TEST_ENV) $(PY) -m pytest tests/portal/test_api_fuzz.py -n 2 -p no:cacheprovider $(PYTEST_ARGS)

# mutmut over the pure modules ([tool.mutmut] in pyproject.toml); survivors: docs/testing.md.
mutation: install
	$(TEST_ENV) $(VENV)/bin/mutmut run --max-children $${MUTATION_JOBS:-2}
	$(VENV)/bin/mutmut results

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed ($(PYTHON) is older)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

system-deps:
	@scripts/system-deps.sh fonts

browser:
	@scripts/system-deps.sh browser

services:
	@scripts/services.sh

messages: install
	$(PY) manage.py compilemessages --ignore=.venv -v0

messages-update: install
	$(PY) manage.py makemessages -l zh_Hans --ignore=.venv --ignore=tests --ignore=test-artifacts

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run -v0

demo-data: install
	$(PY) manage.py migrate -v0
	$(PY) manage.py seed_demo

serve:
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py runserver 127.0.0.1:8000

# The database and the uploaded files into one dated directory under PORTAL_BACKUP_DIR
# (default backups/; BACKUP_DIR=... for another); see docs/development.md (operations).
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--to $(BACKUP_DIR))

# make restore BACKUP=backups/portal-YYYYmmdd-HHMMSS RESTORE_DB=<new database name or SQLite path>
restore: install
	@test -n "$(BACKUP)" && test -n "$(RESTORE_DB)" || \
	  { echo "Usage: make restore BACKUP=<backup directory> RESTORE_DB=<new database>"; exit 1; }
	$(PY) manage.py restore $(BACKUP) --database $(RESTORE_DB)

clean:
	rm -rf $(VENV) demo.sqlite3 staticfiles media
