# From Thaw to Brink: build, test and set up, from a machine with only python3 and make.
# Every target that needs Python makes the virtual environment first (.venv, pinned by constraints.txt).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILDDIR ?= _build
# Warnings are errors, so a broken reference or a failing notebook stops the build;
# --keep-going reports all of them at once.
SPHINXOPTS ?= -nW --keep-going
SPHINXBUILD = $(BIN)/sphinx-build -c . $(SPHINXOPTS)
export BUILDDIR

.PHONY: help html html-student workbooks lab wheel test manifests clean venv

help: ## Show the targets and what each does
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP) ## Create .venv and install the pinned packages (the other targets do this themselves)

html: $(STAMP) ## Build the book, every notebook executed (cached), into _build/html
	$(SPHINXBUILD) -b html book $(BUILDDIR)/html
	@echo "The book is at $(abspath $(BUILDDIR))/html/index.html"

html-student: $(STAMP) ## Build the student edition (no solutions at all) into _build/student/html
	$(SPHINXBUILD) -t student -D nb_execution_cache_path=$(abspath $(BUILDDIR))/.jupyter_cache -b html book $(BUILDDIR)/student/html
	@echo "The student edition is at $(abspath $(BUILDDIR))/student/html/index.html"

workbooks: $(STAMP) ## Write one .ipynb per chapter, without solutions, into workbooks/ (FORCE=1 replaces, keeping a copy)
	$(BIN)/python tools/workbooks.py $(if $(FORCE),--force)

LAB_STAMP := $(VENV)/.installed-lab
$(LAB_STAMP): $(STAMP) requirements-lab.txt constraints-lab.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt -c constraints.txt -c constraints-lab.txt
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}}' > $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

lab: $(LAB_STAMP) ## Start JupyterLab on book/: every chapter opens as a notebook
	$(BIN)/jupyter lab --notebook-dir=book

wheel: $(STAMP) ## Build the exercises package as a wheel into dist/ (for `pip install` in any Jupyter)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist/*.whl

test: $(STAMP) ## Run every test: exercises, data, sources and a full build
	$(BIN)/python -m pytest

manifests: $(STAMP) ## Refresh the sha256 in each data table's manifest after editing a CSV
	$(BIN)/python tools/manifests.py --write

clean: ## Remove the build (the execution cache goes with it)
	rm -rf $(BUILDDIR)
