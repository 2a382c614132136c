"""book/_ext/csp.py on the small test book: one Content-Security-Policy on every page, computed from the page as
served, allowing the page's own inline scripts by hash and nothing from another host."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from small_book import MARKS, pages_built  # noqa: F401  (a fixture)

import csp  # noqa: E402  (book/_ext, on the path from small_book)

pytestmark = MARKS

TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"""\son[a-z]+=(?:"([^"]*)"|'([^']*)')""", re.I)
KEYWORDS = {"'self'", "'none'", "'unsafe-inline'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "data:"}


def served_pages(out) -> dict[str, str]:
    pages = {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8") for path in out.rglob("*.html")
             if not {"_static", "_sources"} & set(path.relative_to(out).parts)}
    assert {"index.html", "chapter.html", "sources.html", "search.html", "genindex.html"} <= set(pages)
    return pages


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_one_policy_before_any_script(pages_built):
    for name, page in served_pages(pages_built).items():
        assert len(TAG.findall(page)) == 1, name
        tag = TAG.search(page).start()
        assert re.search(r"<meta charset=[^>]*>\s*$", page[:tag]), name
        assert "<script" not in page[:tag], name


def test_the_policy_names_no_other_host_and_allows_no_inline_script_by_default(pages_built):
    for name, page in served_pages(pages_built).items():
        policy = directives(TAG.search(page).group(1))
        assert set(policy) == {"default-src", "script-src", *csp.FIXED}, name
        for directive, values in policy.items():
            for value in values:
                assert value in KEYWORDS or re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", value), (name, directive, value)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        for directive in ("default-src", "connect-src", "worker-src", "base-uri", "form-action"):
            assert policy[directive] == ["'self'"], (name, directive)
        assert policy["object-src"] == ["'none'"]


def test_each_inline_script_and_handler_of_the_page_as_served_is_allowed_by_its_hash(pages_built):
    pages = served_pages(pages_built)
    handlers = {sha256(html.unescape(a or b)) for page in pages.values() for a, b in HANDLER.findall(page)}
    assert handlers, "the theme's print button has an onclick handler"
    for name, page in pages.items():
        script_src = directives(TAG.search(page).group(1))["script-src"]
        scripts = {sha256(body) for body in INLINE.findall(page)}
        assert scripts, name
        assert set(script_src) == {"'self'", "'wasm-unsafe-eval'", "'unsafe-hashes'"} | scripts | handlers, name


def test_writing_the_policy_again_replaces_it_and_follows_the_pages_scripts():
    page = ('<html><head><meta charset="utf-8">\n<script>let a = 1;</script></head>'
            '<body><button onclick="print()">Print</button></body></html>')
    once = csp.with_policy(page)
    assert csp.with_policy(once) == once
    changed = csp.with_policy(once.replace("let a = 1;", "let a = 2;"))
    assert len(TAG.findall(changed)) == 1
    script_src = directives(TAG.search(changed).group(1))["script-src"]
    assert sha256("let a = 2;") in script_src and sha256("let a = 1;") not in script_src
    assert script_src[-2:] == ["'unsafe-hashes'", sha256("print()")]
    other = directives(TAG.search(csp.with_policy(page, {sha256("go()")})).group(1))["script-src"]
    assert sha256("go()") in other, "the handlers of other pages (the search shows them) are allowed too"
    no_charset = csp.with_policy("<html><head><title>t</title></head></html>")
    assert no_charset.startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')
