"""Lean, offline, accessible HTML for the book (a Sphinx extension loaded by conf.py).

What it changes, and why:

- Math is converted to MathML at build time (latex2mathml); browsers show MathML natively, so no page loads
  MathJax (which Sphinx would otherwise fetch from a CDN) and pages without math load nothing for math.
- Scripts and styles are kept only on pages that use them: sphinx-design's tabs script where there are tabs,
  sphinx-togglebutton where something folds, Sphinx's search scripts and search index on the search page only
  (the theme's search box sends the reader there; search-as-you-type is off).
- The theme's FontAwesome script (1.5 MB, 540 kB gzipped, on every page) is dropped: the theme's stylesheet
  already draws the same icons from FontAwesome's solid webfont, which is subset at the end of the build to the
  icons the book shows (needs fontTools, and brotli for WOFF2; without them the full webfont stays).
- Accessibility fixes for what axe-core finds in the theme's HTML: the search button's accessible name matches its
  visible text; folded code cells' summaries are named by what they show; the bibliography's list role only
  wraps list items.
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


# --- Rewrites of the written pages ---------------------------------------------------------------------------------

_FONTAWESOME_JS = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)[^"]*"></script>'
)
_SEARCH_BUTTON_LABEL = re.compile(r'(<button class="btn search-button-field[^>]*?) aria-label="[^"]*"')
_SUMMARY_LABEL = re.compile(r'<summary aria-label="Toggle hidden content">')
_CITATION_LIST = re.compile(r'<div role="list" class="citation-list">')


def rewrite_page(text: str, pagename: str) -> str:
    text = _FONTAWESOME_JS.sub("", text)
    if pagename != "search":
        text = _SEARCH_SCRIPTS.sub("", text)
    text = _SEARCH_BUTTON_LABEL.sub(r"\1", text)
    text = _SUMMARY_LABEL.sub("<summary>", text)
    text = _CITATION_LIST.sub('<div class="citation-list">', text)
    return text


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
        new = rewrite_page(text, path.relative_to(outdir).with_suffix("").as_posix())
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
