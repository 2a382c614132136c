"""Lean, offline, accessible HTML for the book (a Sphinx extension loaded by conf.py).

What it changes, and why:

- Math is converted to MathML at build time (latex2mathml); browsers show MathML natively, so no page loads
  MathJax (which Sphinx would otherwise fetch from a CDN) and pages without math load nothing for math.
- Extensions' scripts and styles are kept only on pages that use them (through the page context): sphinx-design's
  tabs script where there are tabs, sphinx-togglebutton where something folds.
- The theme's FontAwesome script and, off the search page, Sphinx's search scripts are left out by the book's
  layout template (book/_templates/layout.html), not here. The theme's stylesheet draws the icons from
  FontAwesome's solid webfont, which is subset at the end of the build to the icons the book shows (needs
  fontTools, and brotli for WOFF2; without them the full webfont stays).
- Two accessibility fixes that no template or setting reaches, made in the pages this build wrote
  (tests/test_extensions.py checks on a small book that each still finds what it fixes, so an upgrade that
  changes the markup shows there):
  folded code cells' summaries carry myst-nb's fixed aria-label "Toggle hidden content", which hides what they
  show ("Show code cell source"); docutils wraps the bibliography in role="list" although its entries are not
  list items (axe-core: aria-required-children).
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# --- Math as MathML -----------------------------------------------------------------------------------------------


def _mathml(latex: str, display: str) -> str:
    from latex2mathml.converter import convert

    return convert(latex, display=display)


def visit_math(self, node: nodes.Element) -> None:
    latex = node.astext()
    self.body.append(f'<span class="math" data-latex="{html.escape(latex)}">{_mathml(latex, "inline")}</span>')
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.Element) -> None:
    latex = node["latex"] if "latex" in node else node.astext()
    number = node.get("number")
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if number:
        self.body.append(f'<span class="eqno">({number})</span>')
    self.body.append(_mathml(latex, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


# --- Assets only where they are used ------------------------------------------------------------------------------

# (file name part, pattern in the page body that shows the page needs it)
_TOGGLES = re.compile(r'class="[^"]*\b(?:toggle|dropdown)\b')  # sphinx-togglebutton's selector: .toggle, .admonition.dropdown
_CONDITIONAL = [
    ("design-tabs.js", re.compile(r"\bsd-tab-set\b")),
    ("togglebutton.js", _TOGGLES),
    ("togglebutton.css", _TOGGLES),
]


def _asset_name(asset) -> str:
    return str(getattr(asset, "filename", asset))


def _inline_body(asset) -> str:
    return str(getattr(asset, "attributes", {}).get("body", ""))


def prune_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the script and style files of extensions from pages that have nothing those files act on."""
    if pagename == "search":
        return
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        files = context.get(key)
        if not files:
            continue
        context[key] = [
            asset
            for asset in files
            if all(pattern.search(body) for part, pattern in _CONDITIONAL if part in _asset_name(asset))
        ]
    # sphinx-togglebutton's inline settings (toggleHintShow ...) go with its script.
    if not _TOGGLES.search(body) and context.get("script_files") is not None:
        context["script_files"] = [asset for asset in context["script_files"] if "toggle" not in _inline_body(asset)]


# --- Accessibility fixes in the written pages ----------------------------------------------------------------------
# (pattern, replacement, why, upstream). No upstream report was found for either; both are worth filing.
_FIXES = [
    (
        re.compile(r'<summary aria-label="Toggle hidden content">'),
        "<summary>",
        "myst-nb names every folded cell's summary \"Toggle hidden content\" (myst_nb/sphinx_.py, visit_HideCellInput), "
        "which differs from what the summary shows (WCAG 2.5.3); the summary's own text names it",
        "https://github.com/executablebooks/MyST-NB/issues (not reported yet)",
    ),
    (
        re.compile(r'<div role="list" class="citation-list">'),
        '<div class="citation-list">',
        "docutils' HTML5 writer wraps citations in role=\"list\" although they carry role=\"doc-biblioentry\", "
        "not listitem (axe-core: aria-required-children)",
        "https://github.com/w3c/dpub-aria/pull/22 (doc-biblioentry is not a list item); docutils: not reported yet",
    ),
]


def rewrite_page(text: str) -> tuple[str, set[int]]:
    """The page with the fixes made, and the indexes of the fixes that applied."""
    applied = set()
    for index, (pattern, replacement, _why, _upstream) in enumerate(_FIXES):
        text, count = pattern.subn(replacement, text)
        if count:
            applied.add(index)
    return text, applied


_started: list[float] = [0.0]  # when this build began: pages written since then are rewritten


def note_start(app: Sphinx) -> None:
    _started[0] = time.time() - 1


def rewrite_pages(app: Sphinx, exception) -> None:
    """Rewrite the pages this build wrote (by time: with -j, pages are written in worker processes)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path in outdir.rglob("*.html"):
        if "_static" in path.parts or path.stat().st_mtime < _started[0]:
            continue
        text = path.read_text(encoding="utf-8")
        new, _applied = rewrite_page(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
    subset_icon_font(outdir)


# --- The icon font, cut down to the icons the pages show ---------------------------------------------------------


def subset_icon_font(outdir: Path) -> None:
    """Keep in fa-solid-900.woff2 only the glyphs of the fa-* icons used in the pages (and in the theme's script)."""
    font = outdir / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
    css = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    if not font.exists() or not css.exists() or font.stat().st_size < 20_000:
        return  # missing, or subset already (the theme's full font is about 115 kB)
    try:
        import brotli  # noqa: F401 - fontTools needs it to write WOFF2
        from fontTools import subset
    except ImportError:
        logger.info("book_html: fontTools or brotli missing, the icon font is not subset")
        return
    used = set()
    sources = [*outdir.glob("*.html"), *(outdir / "_static" / "scripts").glob("*.js")]
    for source in sources:
        used |= set(re.findall(r"\bfa-([a-z0-9-]+)", source.read_text(encoding="utf-8", errors="ignore")))
    codepoints = set()
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+,?)+)\{--fa:\"\\([0-9a-f]+)\"", css.read_text(encoding="utf-8")):
        names = set(re.findall(r"\.fa-([a-z0-9-]+)", selectors))
        if names & used:
            codepoints.add(int(code, 16))
    if not codepoints:
        return
    # Sphinx copies the theme's full font again on every build, so this runs on every build (well under a second).
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    loaded = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(loaded)
    subset.save_font(loaded, str(font), options)
    loaded.close()


def config_inited(app: Sphinx, config) -> None:
    config.html_math_renderer = "mathml"


def setup(app: Sphinx) -> dict:
    app.add_html_math_renderer(
        "mathml", inline_renderers=(visit_math, None), block_renderers=(visit_displaymath, None)
    )
    app.connect("config-inited", config_inited)
    app.connect("html-page-context", prune_assets)
    app.connect("builder-inited", note_start)
    app.connect("build-finished", rewrite_pages)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
