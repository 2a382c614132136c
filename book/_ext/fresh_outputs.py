"""Never show stale outputs: a chapter is executed again whenever what its code reads has changed (a Sphinx extension).

jupyter-cache (through myst-nb, execution mode "cache") keys a chapter's stored outputs on the chapter's code
cells only.  But every chapter's code imports the ``exercises`` package, which loads its data tables and
manifests: a new row in ``exercises/data/events.csv`` changes the timeline, the figures and the checks' results
without changing any chapter's code.

So this extension keys the cache on those inputs too.  When the configuration is read it

* computes a digest (sha256) of every file of the ``exercises`` package beside conf.py (modules, tables,
  manifests; not ``__pycache__``), and
* points ``nb_execution_cache_path`` at ``<cache folder>/inputs-<digest>``, where ``<cache folder>`` is the
  ``nb_execution_cache_path`` given to Sphinx (``-D``), or else myst-nb's default ``<build folder>/.jupyter_cache``.

``nb_execution_cache_path`` is an "env" configuration value of myst-nb, so a new digest makes Sphinx read every
page again, and each chapter finds an empty cache and is executed; the cache of the previous state of the package
is removed.  While the package is unchanged nothing else happens: a prose edit reads one page and executes
nothing, and ``make html`` with nothing changed does not even start Sphinx (the Makefile's stamp).

Build serially (the Makefile's ``-j 1``): two Sphinx workers that execute chapters at the same moment race inside
jupyter-cache, whose clean-up of old records (two separate queries in ``NbCacheRecord.records_to_delete``) can
delete the record another worker has just created; that build stops with "Notebook file does not exist for cache
record".  jupyter-cache does not support parallel execution yet (https://github.com/executablebooks/jupyter-cache/issues/37).

The chapters' kernels must import the package the digest was taken of, not another copy installed in the
environment: the folder of conf.py is put first on ``PYTHONPATH``, which the kernels inherit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = "exercises"
PREFIX = "inputs-"


def inputs_digest(package: Path) -> str:
    """sha256 over the relative path and the bytes of every file of the package (sorted, caches left out)."""
    digest = hashlib.sha256()
    files = sorted(
        path for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".pyo"}
    )
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cache_folder(app: Sphinx, given: str) -> Path:
    """The folder that holds the caches: the one given to Sphinx, or myst-nb's default beside the output folder."""
    base = Path(given) if given else Path(app.outdir).parent / ".jupyter_cache"
    return base.resolve()


def _key_cache_on_inputs(app: Sphinx, config) -> None:
    root = Path(app.confdir)
    package = root / PACKAGE
    if not package.is_dir():
        return
    base = cache_folder(app, config.nb_execution_cache_path)
    if base.name.startswith(PREFIX):  # already keyed (a configuration read twice): key the folder above again
        base = base.parent
    current = base / f"{PREFIX}{inputs_digest(package)[:16]}"
    config.nb_execution_cache_path = str(current)
    if base.is_dir():
        for old in base.glob(f"{PREFIX}*"):
            if old != current and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
    # Create the cache's database here, in the main process, before `sphinx-build -j N` forks its workers: each
    # worker would otherwise create its tables at the same moment ("table settings already exists",
    # https://github.com/sphinx-doc/sphinx/issues/12481; jupyter-cache creates them on first use).
    from jupyter_cache import get_cache

    get_cache(str(current)).list_cache_records()
    paths = [str(root), *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(root)]]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)


def setup(app: Sphinx) -> dict:
    # After myst-nb has added its configuration values (it is loaded first, in conf.py's extensions).
    app.connect("config-inited", _key_cache_on_inputs, priority=800)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
