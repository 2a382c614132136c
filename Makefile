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
# --keep-going reports all of them at once. The build is serial: with -j N, two workers that execute chapters at
# the same moment race inside jupyter-cache (one worker's clean-up of old records, two separate queries in
# jupyter_cache/cache/db.py NbCacheRecord.records_to_delete, can delete the record the other worker has just
# created, and its build stops with "Notebook file does not exist for cache record"); parallel execution is not
# supported upstream yet (https://github.com/executablebooks/jupyter-cache/issues/37). Serial costs about 12 % of
# a cold build on two cores and nothing on a warm one.
SPHINXOPTS ?= -nW --keep-going -j 1
# Test workers (pytest-xdist): auto is one per core; TEST_JOBS=0 runs the tests in this one process.
TEST_JOBS ?= auto
SPHINXBUILD = $(BIN)/sphinx-build -c . $(SPHINXOPTS)
export BUILDDIR

.PHONY: help html html-student workbooks lab wheel test manifests clean venv

# `make help` lists these first, in this order, then every other target in the order of this file.
EVERYDAY := html html-student test workbooks lab wheel manifests clean
help: ## Show the targets and what each does (the everyday ones first)
	@awk -v everyday="$(EVERYDAY)" 'BEGIN {FS = ":.*## "} \
	  /^[a-zA-Z_-]+:.*## / {desc[$$1] = $$2; order[++n] = $$1} \
	  END {k = split(everyday, first, " "); print "Everyday:"; \
	    for (i = 1; i <= k; i++) {printf "  make %-15s %s\n", first[i], desc[first[i]]; seen[first[i]] = 1} \
	    print "\nSet-up, measuring and the rest:"; \
	    for (i = 1; i <= n; i++) if (!seen[order[i]]) printf "  make %-15s %s\n", order[i], desc[order[i]]}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# The in-page Python runtime: the pyodide npm package pinned by package.json and
# package-lock.json, installed into the ignored node_modules/; book/_ext/runner.py copies its
# core into $(BUILDDIR)/html/_static/pyodide/.
.PHONY: runtime measure-runner
RUNTIME := node_modules/.runtime-installed
$(RUNTIME): package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

runtime: $(RUNTIME) ## Install the pinned in-page Python runtime (pyodide, npm ci) into node_modules/

measure-runner: browser html ## Time Run-to-result of the in-page runner and count its bytes (figures for the README)
	$(BIN)/python tools/measure_runner.py --html $(BUILDDIR)/html --json $(BUILDDIR)/measure-runner.json

# Browser tests: Debian's chromium (apt-get, as root; never a browser download) and axe-core, pinned by
# tests/browser/package.json and package-lock.json, installed by npm ci into the ignored tests/browser/node_modules/.
.PHONY: browser measure bench bench-tests
AXE := tests/browser/node_modules/.installed
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	@touch $@

browser: ## Install what the browser tests need: Debian's chromium and npm (apt-get) and axe-core (npm ci)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm; }
	@$(MAKE) --no-print-directory $(AXE)

measure: $(STAMP) $(RUNTIME) browser ## Page weight: gzipped bytes each chapter loads, against a default Jupyter Book style build
	$(BIN)/python tools/measure_weight.py

bench: $(STAMP) $(RUNTIME) ## Build speed: cold, no-op, prose edit, code edit, serial vs parallel (in a temp copy)
	$(BIN)/python tools/bench_build.py

bench-tests: ## Test-suite speed: `make test` of a commit (BASE=..., default HEAD) against the working tree, in temp clones
	python3 tools/bench_tests.py $(if $(BASE),--base $(BASE))

venv: $(STAMP) ## Create .venv and install the pinned packages (the other targets do this themselves)

# A no-op `make html` skips Sphinx (about 2 s of start-up and checks) when the last good build used the same
# command and no file it reads (conf.py, book/, exercises/, Makefile, pins, runtime) is newer; FORCE=1 always builds.
HTML_STAMP = $(BUILDDIR)/.make-html
HTML_INPUTS = conf.py book exercises Makefile requirements.txt constraints.txt $(wildcard package-lock.json node_modules/.runtime-installed)
html: $(STAMP) $(RUNTIME) ## Build the book into _build/html, executing the chapters whose code or data changed
	@cmd='$(SPHINXBUILD) -b html book $(BUILDDIR)/html'; \
	if [ -z "$(FORCE)" ] && [ -f $(HTML_STAMP) ] && [ -f $(BUILDDIR)/html/index.html ] && [ "$$(cat $(HTML_STAMP))" = "$$cmd" ] \
	  && [ -z "$$(find $(HTML_INPUTS) -newer $(HTML_STAMP) -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*' -print -quit)" ]; then \
	  echo "Nothing changed since the last build of $(BUILDDIR)/html (FORCE=1 builds anyway)."; \
	else \
	  mkdir -p $(BUILDDIR); touch $(HTML_STAMP).start; rm -f $(HTML_STAMP); echo "$$cmd"; $$cmd; \
	  echo "$$cmd" > $(HTML_STAMP); touch -r $(HTML_STAMP).start $(HTML_STAMP); rm -f $(HTML_STAMP).start; \
	fi
	@echo "The book is at $(abspath $(BUILDDIR))/html/index.html"

html-student: $(STAMP) $(RUNTIME) ## Build the student edition (no solutions at all) into _build/student/html
	$(SPHINXBUILD) -t student -D nb_execution_cache_path=$(abspath $(BUILDDIR))/.jupyter_cache -b html book $(BUILDDIR)/student/html
	@echo "The student edition is at $(abspath $(BUILDDIR))/student/html/index.html"

workbooks: $(STAMP) ## Write one .ipynb per chapter, without solutions, in plain Markdown, into workbooks/ (FORCE=1 replaces, keeping a copy)
	$(BIN)/python tools/workbooks.py $(if $(FORCE),--force)

LAB_STAMP := $(VENV)/.installed-lab
$(LAB_STAMP): $(STAMP) requirements-lab.txt constraints-lab.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt -c constraints.txt -c constraints-lab.txt
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}, "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

lab: $(LAB_STAMP) ## Start JupyterLab on book/: every chapter opens as a notebook, its MyST rendered (jupyterlab-myst)
	$(BIN)/jupyter lab --notebook-dir=book $(if $(filter 0,$(shell id -u)),--allow-root)

wheel: $(STAMP) ## Build the exercises package as a wheel into dist/ (for `pip install` in any Jupyter)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist/*.whl

test: browser sandbox $(STAMP) $(RUNTIME) ## Run every test: exercises, data, sources, both editions built, the browser (in parallel)
	$(BIN)/python -m pytest -n $(TEST_JOBS)

manifests: $(STAMP) ## Refresh the sha256 in each data table's manifest after editing a CSV
	$(BIN)/python tools/manifests.py --write

clean: ## Remove the build (the execution cache goes with it)
	rm -rf $(BUILDDIR)

# --- For teachers (issue 14): mark a class in a sandbox, print, publish ----------------------------------------
# bubblewrap (Debian's bwrap) isolates each submission; installed with apt-get like chromium (as root).
.PHONY: mark sandbox measure-marking print site
sandbox: ## Install what marking needs: Debian's bubblewrap (apt-get, as root)
	@command -v bwrap >/dev/null || { apt-get update -qq && apt-get install -y -qq bubblewrap; }

mark: $(STAMP) sandbox ## Mark a folder of handed-in work: make mark SUBMISSIONS=folder [OUT=marking] [CHAPTER=berlin]
	@test -n "$(SUBMISSIONS)" || { echo "usage: make mark SUBMISSIONS=folder [OUT=marking] [CHAPTER=slug]"; exit 2; }
	$(BIN)/python -m tools.mark "$(SUBMISSIONS)" --out "$(or $(OUT),marking)" $(if $(CHAPTER),--chapter $(CHAPTER))

measure-marking: $(STAMP) sandbox ## Time marking 30 submissions of one chapter (figures for the README)
	$(BIN)/python -m tools.measure_marking

print: html browser ## PDFs into _build/print: the whole book; per chapter a knowledge organiser, a worksheet, a teacher pack
	$(BIN)/python -m tools.print_book --html $(BUILDDIR)/html --out $(BUILDDIR)/print

site: html ## The built book as one zip for any static host or a school intranet: _build/thaw-to-brink-site.zip
	$(BIN)/python -m tools.site --html $(BUILDDIR)/html --out $(BUILDDIR)/thaw-to-brink-site.zip
