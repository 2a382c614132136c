"""A Content-Security-Policy on every page of the book, as a ``<meta http-equiv>`` tag.

The policy lets the page run only the book's own script files and the few inline scripts the
theme and its extensions write (each allowed by its sha256, computed from the page as written),
and connect only to the book's own origin.  Script injected into a page (an ``<img onerror>``
or a ``<script>`` built from text) does not run, and nothing can be sent elsewhere.

* ``script-src 'self'`` plus the hash of each inline ``<script>`` of the page; an inline event
  handler the theme writes (the print button's ``onclick``) is allowed by its hash with
  ``'unsafe-hashes'``; ``'wasm-unsafe-eval'`` lets Pyodide compile WebAssembly.
* ``connect-src 'self'``, ``worker-src 'self'``, ``img-src 'self' data:``, ``font-src 'self' data:``,
  ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``.
* ``style-src 'self' 'unsafe-inline'``: the theme and MyST-NB write style attributes; styles run no script.

A policy in a ``<meta>`` tag applies to the page, not to the Web Worker that runs Python (a worker
takes its policy from its HTTP response headers, which a static host does not set); the page's
runner reads only plain data from the worker and shows it as text (book/_static/runner.js).

The tag is written after the build (``build-finished``, after book_html's rewrites), into every
page, replacing the tag of an earlier build; it is computed from each page as it is, so an
incremental build keeps it right.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from sphinx.application import Sphinx

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_HANDLER = re.compile(r"""\son[a-z]+=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_OLD_TAG = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

FIXED = {
    "default-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _html_unescape_attribute(value: str) -> str:
    import html

    return html.unescape(value)


def handler_hashes(page: str) -> set[str]:
    """The hashes of the inline event handlers a page has (the theme's print button)."""
    return {_sha256(_html_unescape_attribute(a or b)) for a, b in _HANDLER.findall(page)}


def policy(page: str, handlers: frozenset[str] | set[str] = frozenset()) -> str:
    """The policy for a page (its HTML as written, without a policy tag).

    ``handlers``: hashes of inline event handlers allowed besides the page's own.  The book passes
    those of every page: the search parses other pages (under the search page's policy) to show a
    summary of each result, and Chromium checks their handlers against that policy.
    """
    scripts = sorted({_sha256(body) for body in _INLINE_SCRIPT.findall(page)})
    allowed = sorted(handler_hashes(page) | set(handlers))
    script_src = ["'self'", "'wasm-unsafe-eval'", *scripts]
    if allowed:
        script_src += ["'unsafe-hashes'", *allowed]
    directives = {"default-src": FIXED["default-src"], "script-src": script_src}
    directives.update({key: value for key, value in FIXED.items() if key != "default-src"})
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


def with_policy(page: str, handlers: frozenset[str] | set[str] = frozenset()) -> str:
    """The page with one policy tag, right after its charset (before any script)."""
    page = _OLD_TAG.sub("", page)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page, handlers)}">'
    match = _CHARSET.search(page)
    if match:
        return page[: match.end()] + "\n    " + tag + page[match.end() :]
    head = page.lower().find("<head>")
    if head < 0:
        return page
    return page[: head + 6] + "\n    " + tag + page[head + 6 :]


def _write_policies(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pages = [path for path in outdir.rglob("*.html") if not {"_static", "_sources"}.intersection(path.relative_to(outdir).parts)]
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    handlers: set[str] = set()
    for text in texts.values():
        handlers |= handler_hashes(_OLD_TAG.sub("", text))
    for path, text in texts.items():
        new = with_policy(text, handlers)
        if new != text:
            path.write_text(new, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    # After book_html's rewrites (priority 500): the hashes are of the pages as they are served.
    app.connect("build-finished", _write_policies, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
