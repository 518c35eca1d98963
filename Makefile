# The two set-up commands: `make run` (the app) and `make test` (ruff, mypy on the core, the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ARGS ?=

.PHONY: run test lint bench fuzz qt-libs package clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,dev]"
	@touch $(STAMP)

qt-libs:
	@bash scripts/ensure-qt-libs.sh

run: $(STAMP) qt-libs
	$(PY) -m reader $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check reader tests benchmarks scripts
	$(PY) -m mypy reader

test: $(STAMP) qt-libs lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Hypothesis fuzzing of every loader, the exporters and the annotation importer: FUZZ_SECONDS in all (20 minutes),
# each input under FUZZ_PER_INPUT_SECONDS, the process under FUZZ_MEMORY_MB. `make test` runs a small slice.
FUZZ_SECONDS ?= 1200
fuzz: $(STAMP)
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_MEMORY_MB=$${FUZZ_MEMORY_MB:-3072} $(PY) -m pytest tests/fuzz -x -p no:pytestqt

bench: $(STAMP) qt-libs
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# The Linux one-folder app, its .tar.gz and .deb in dist/ (packaging/linux/build.sh says what it checks).
package: $(STAMP) qt-libs
	PY=$(PY) bash packaging/linux/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
