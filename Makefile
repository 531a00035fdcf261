# newslib: two commands for a fresh machine (Python 3.11+ and make).
#   make report   set everything up, run the main job on data/seeds, write reports/seeds.html
#   make test     set everything up (with dev tools) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: report test lab notebooks eval bench setup clean-build

# The stamps are rebuilt when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=23"

$(VENV)/.notebooks-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[notebooks]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslib)" >/dev/null
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.notebooks-installed
	$(PIP) install -e ".[dev]"
	touch $@

setup: $(VENV)/.dev-installed

report: $(VENV)/.notebooks-installed
	@mkdir -p reports
	$(BIN)/newslib report data/seeds --out reports/seeds.html
	@echo "Open $(CURDIR)/reports/seeds.html"

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

lab: $(VENV)/.notebooks-installed
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/

# The py:percent files are the source of truth; regenerate the .ipynb pairs
# (without outputs) after editing them.
notebooks: $(VENV)/.notebooks-installed
	$(BIN)/jupytext --to ipynb notebooks/*.py

eval: $(VENV)/.notebooks-installed
	$(BIN)/python benchmarks/eval_quotes.py
	$(BIN)/python benchmarks/eval_conflicts.py
	$(BIN)/python benchmarks/eval_reuse.py
	$(BIN)/python benchmarks/eval_claims.py

bench: $(VENV)/.notebooks-installed
	$(BIN)/python benchmarks/bench_foundation.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_widgets.py

clean-build:
	rm -rf build reports
