"""One progress line per notebook that the build executes, with its time; and a faster no-op build (a Sphinx extension).

myst-nb (execution mode "cache") executes a chapter only when jupyter-cache has no result for its code; this
wraps that execution and prints, for example::

    executed berlin in 3.1 s

Chapters taken from the cache print nothing. The lines go to standard output straight away, also from the worker
processes of a parallel build (sphinx-build -j), so the reader sees each chapter as it finishes.
tools/bench_build.py counts these lines to know how many notebooks a build executed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sphinx.application import Sphinx

PREFIX = "executed "
_current: list[str] = []  # the source path of the notebook being read in this process


def _wrap(execute):
    def single_nb_execution(nb, cwd=None, **kwargs):
        name = Path(_current[0]).stem if _current else "notebook"
        start = time.perf_counter()
        result = execute(nb, cwd=cwd, **kwargs)
        seconds = time.perf_counter() - start
        status = "FAILED " if getattr(result, "err", None) is not None else ""
        print(f"{status}{PREFIX}{name} in {seconds:.1f} s", file=sys.stdout, flush=True)
        return result

    single_nb_execution._book_progress = True
    return single_nb_execution


def _wrap_client():
    """Let the wrapper know which chapter it runs: the client knows its path, the execution function does not."""
    from myst_nb.core.execute import cache

    if getattr(cache.single_nb_execution, "_book_progress", False):
        return
    cache.single_nb_execution = _wrap(cache.single_nb_execution)
    start_client = cache.NotebookClientCache.start_client

    def start_client_named(self):
        _current[:] = [str(self.path)] if self.path is not None else []
        try:
            return start_client(self)
        finally:
            _current.clear()

    cache.NotebookClientCache.start_client = start_client_named


# --- No-op builds: skip sphinxcontrib-bibtex's formatting of every reference --------------------------------------
# sphinxcontrib-bibtex formats all references again on every build (env-updated), about 1 s here, even when no page
# was read. When no page was read its results (kept in the pickled environment) cannot have changed: a changed
# .bib file makes bibtex mark the pages that cite it as outdated, so they are read.
_read_nothing: list[bool] = [False]


def _note_reads(app: Sphinx, env, docnames: list[str]) -> None:
    _read_nothing[0] = not docnames


def _wrap_bibtex() -> None:
    try:
        from sphinxcontrib.bibtex.domain import BibtexDomain
    except ImportError:
        return
    if getattr(BibtexDomain.env_updated, "_book_skip", False):
        return
    env_updated = BibtexDomain.env_updated

    def env_updated_unless_nothing_read(self):
        if _read_nothing[0] and self.citations:
            return []
        return env_updated(self)

    env_updated_unless_nothing_read._book_skip = True
    BibtexDomain.env_updated = env_updated_unless_nothing_read


# --- Parallel builds: create jupyter-cache's database before Sphinx forks its workers ----------------------------
# With sphinx-build -j N on a fresh build folder, N workers would each create the database's tables at the same
# moment ("table settings already exists"); creating it once in the main process first avoids that race.


def _create_cache(app: Sphinx) -> None:
    config = getattr(app.env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache" or not config.execution_cache_path:
        return
    from jupyter_cache import get_cache

    get_cache(config.execution_cache_path).list_cache_records()


def _one_page_per_chunk() -> None:
    """Hand the parallel workers one page at a time instead of Sphinx's large, uneven batches.

    Sphinx splits 13 pages among 2 workers as batches of 6, 6 and 1, so one worker may execute the slowest
    chapters while the other idles; one page per task keeps every core busy until the end. A page is one fork.
    """
    import sphinx.builders

    def make_chunks(arguments, nproc, maxbatch=10):
        return [[argument] for argument in arguments]

    sphinx.builders.make_chunks = make_chunks


def _terminate_for_sure() -> None:
    """When a parallel worker fails (say a notebook cell raises), make sure the other workers end.

    Sphinx sends them SIGTERM and moves on; a worker busy in a notebook kernel's client may survive it, and then
    sphinx-build waits for it at exit (seen here: a failing chapter left the build hanging for 10 minutes instead of
    failing). Workers that do not end within 5 s of SIGTERM are killed.
    """
    from sphinx.util import parallel

    if getattr(parallel.ParallelTasks.terminate, "_book_sure", False):
        return
    terminate = parallel.ParallelTasks.terminate

    def terminate_for_sure(self):
        procs = [self._procs[tid] for tid in list(self._precvs)]
        terminate(self)
        for proc in procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join(5)

    terminate_for_sure._book_sure = True
    parallel.ParallelTasks.terminate = terminate_for_sure


def setup(app: Sphinx) -> dict:
    _wrap_client()
    _one_page_per_chunk()
    _terminate_for_sure()
    _wrap_bibtex()
    app.connect("env-before-read-docs", _note_reads)
    app.connect("builder-inited", _create_cache, priority=900)  # after myst-nb has set the cache path
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
