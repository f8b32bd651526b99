# politiebijstand: set-up, run and test. Needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= politiebijstand.conf.dev
# The embedded database, huey's queue and the demo's e-mail files (conf.base: PB_DATA_DIR).
DATA := $(if $(PB_DATA_DIR),$(PB_DATA_DIR),var)

.PHONY: install run run-prod test test-fast lint audit bench bench-load volumedata backup docs openapi lock lock-audit lock-load clean

$(BIN)/politiebijstand: pyproject.toml requirements/lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

install: $(BIN)/politiebijstand  ## create .venv and install the project with its pinned dependencies

run: install  ## the product on embedded SQLite with demo data, at http://$(HOST):$(PORT)/
	$(if $(PB_EMAIL_BACKEND),,@echo "E-mail gaat in deze demo niet de deur uit: de werker verstuurt elk bericht over SMTP naar de mailvanger op 127.0.0.1 (poort 8025; bezet? zet PB_MAILVANGER_POORT), die het als bestand in $(DATA)/mail/ bewaart; een beheerder leest ze in het product (menu E-mail).")
	$(BIN)/politiebijstand manage migrate --noinput -v 0
	$(BIN)/politiebijstand manage referentiedata_laden
	$(BIN)/politiebijstand manage gebieden_laden
	$(BIN)/politiebijstand manage capaciteit_laden
	$(BIN)/politiebijstand manage demo_mailboxen_laden
	$(BIN)/politiebijstand manage demo_accounts_laden > $(DATA)/demo-accounts.txt
	$(BIN)/politiebijstand manage demo_verzoeken_laden
	@# The address and the log-ins last, so that they are on screen when the server starts.
	@echo ""
	@cat $(DATA)/demo-accounts.txt
	@echo ""
	@echo "politiebijstand draait op http://$(HOST):$(PORT)/ : log in met een demo-account hierboven (Ctrl-C stopt)."
	@echo ""
	@# The mail catcher (SMTP on 127.0.0.1, ADR 0034) and the worker (huey: outbox, timers)
	@# run next to the web server and stop with it.
	@$(BIN)/politiebijstand manage mailvanger & vanger=$$!; \
	$(BIN)/politiebijstand manage run_huey & worker=$$!; \
	trap 'kill $$worker $$vanger 2>/dev/null; wait $$worker $$vanger 2>/dev/null' EXIT INT TERM; \
	$(BIN)/politiebijstand manage runserver --noreload $(HOST):$(PORT)

run-prod: install  ## production mode on loopback: own PostgreSQL in $(DATA)/pg, 2 gunicorn web processes, 2 huey workers (docs/deployment.md)
	exec env BIN=$(BIN) PORT=$(PORT) bash scripts/run-prod.sh  # make's own pid is run-prod's parent

test: install  ## every test: lint, types, import contracts, pytest on SQLite (and PostgreSQL when installed)
	$(MAKE) lint
	bash scripts/test.sh

test-fast: install  ## pytest on SQLite only, without browser tests
	DJANGO_SETTINGS_MODULE=politiebijstand.conf.test $(BIN)/pytest -q -m "not browser"

lint: install  ## ruff, mypy and the import-linter contracts
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy src tests scripts
	$(BIN)/lint-imports

# The dependency audit's tool lives in its own virtualenv, out of the product's lock (ADR 0030).
AUDIT_VENV := .venv-audit
# Where pip-audit looks up advisories: pypi (PyPI's JSON API) or osv (api.osv.dev).
AUDIT_SOURCE ?= pypi

$(AUDIT_VENV)/bin/pip-audit: requirements/audit.txt
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/audit.txt
	@touch $@

audit: $(AUDIT_VENV)/bin/pip-audit  ## known vulnerabilities in requirements/lock.txt; fails when not every package was checked
	$(AUDIT_VENV)/bin/python scripts/dependency_audit.py --pip-audit $(AUDIT_VENV)/bin/pip-audit --source $(AUDIT_SOURCE)

bench: install  ## speed figures (printed), never asserted in tests
	DJANGO_SETTINGS_MODULE=politiebijstand.conf.test $(BIN)/python scripts/bench.py

# The load benchmark's tools (locust, psutil, pyotp) live in their own virtualenv (ADR 0054).
LOAD_VENV := .venv-load

$(LOAD_VENV)/bin/locust: requirements/load.txt
	$(PYTHON) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/load.txt
	@touch $@

# BENCH_LOAD_OPTIES: e.g. "--data /tmp/pb-bench-proef --fase1 4:20 --fase2 20:30 --verzoeken 2000
# --audit 20000" for a try (printed; only the standard run is written into docs/performance.md).
bench-load: install $(LOAD_VENV)/bin/locust  ## mixed load on make run-prod with ten years of data, into docs/performance.md (ADR 0054)
	$(LOAD_VENV)/bin/python scripts/load/bench_load.py --locust $(LOAD_VENV)/bin/locust --bin $(BIN) $(BENCH_LOAD_OPTIES)

# The sizes of `make volumedata` (empty: the script's defaults, 50000 requests, 1000000 audit rows,
# 200 accounts in 60 organisations, 10 years); OOK_ALS_NIET_LEEG=1 adds to a database with requests.
VOLUME_OPTIES = $(if $(VERZOEKEN),--verzoeken $(VERZOEKEN)) $(if $(AUDIT),--audit $(AUDIT)) \
	$(if $(GEBRUIKERS),--gebruikers $(GEBRUIKERS)) $(if $(ORGANISATIES),--organisaties $(ORGANISATIES)) \
	$(if $(JAREN),--jaren $(JAREN)) $(if $(SEED),--seed $(SEED)) $(if $(OOK_ALS_NIET_LEEG),--ook-als-niet-leeg)

volumedata: install  ## ten years of history in the (empty, migrated) database of PB_DATABASE_URL; VERZOEKEN=, AUDIT=, GEBRUIKERS=, ORGANISATIES=, JAREN=, SEED=
	$(BIN)/python scripts/volumedata.py $(strip $(VOLUME_OPTIES))

backup: install  ## a backup of the database to TO=FILE (docs/backup.md)
	@test -n "$(TO)" || { echo "make backup TO=FILE: geef het nieuwe bestand (TO)" >&2; exit 2; }
	$(BIN)/politiebijstand manage backup --to "$(TO)"

docs: install  ## regenerate docs/regels.md and the ADR index from the code
	$(BIN)/politiebijstand regels --markdown > docs/regels.md
	$(BIN)/python scripts/adr_index.py

# Under the test settings, the ones the check in tests/api/test_openapi_document.py serves it with.
openapi: install  ## regenerate docs/openapi.yaml, the committed OpenAPI document (ADR 0046)
	DJANGO_SETTINGS_MODULE=politiebijstand.conf.test $(BIN)/politiebijstand manage spectacular --fail-on-warn --validate --file docs/openapi.yaml

lock:  ## re-pin dependencies (needs uv: pip install uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements/lock.txt

lock-audit:  ## re-pin the audit tool (needs uv)
	uv pip compile requirements/audit.in --python-version 3.11 -o requirements/audit.txt

lock-load:  ## re-pin the load benchmark's tools (needs uv)
	uv pip compile requirements/load.in --python-version 3.11 -o requirements/load.txt

clean:
	rm -rf $(VENV) $(AUDIT_VENV) $(LOAD_VENV) var .mypy_cache .ruff_cache .pytest_cache
