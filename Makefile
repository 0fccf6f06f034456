# Two commands on a fresh machine with only python3 and make:
#   make run    sets up .venv and scans the bundled sample archive
#   make test   sets up .venv with the test extras and runs the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= planscan-out

.PHONY: run test setup chromium lint clean bench samples

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PY) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  (command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null); \
	  $(PY) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/planscan run samples/archive --out $(OUT)
	@echo
	@echo "Tables: $(OUT)/planscan.duckdb and $(OUT)/parquet/<table>.parquet; report: $(OUT)/report.html"
	@echo "Try:    $(BIN)/planscan query \"select rule, severity, message from flags\" --out $(OUT)"

# Browser tests need Chromium; installed from Debian's packages when missing (CI runs as root).
chromium:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium could not be installed: browser tests will be skipped"; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

samples: $(STAMP)
	$(BIN)/python samples/make_archive.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(OUT) .pytest_cache
