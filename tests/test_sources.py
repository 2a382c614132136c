"""The bibliography cites no blog, news site, essay site, mirror, search page or feed.

A history book is judged by its sources.  Every URL in book/references.bib must lead to a primary,
official or scholarly source.  Where no better copy could be reached, an entry may keep a weak host
only if its ``note`` names that host and says why (for example "the only copy reached is on
web.archive.org of the NATO page").
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from pybtex.database import parse_file

from conftest import BOOK

# Hosts the book does not accept as sources: news and magazine sites, op-ed and think-tank pages,
# blogs, essay and homework sites, hobby sites, mirrors and copies of other people's texts.
# A host matches itself and every subdomain ("time.com" matches "content.time.com").
REFUSED_HOSTS = {
    # news, magazines, op-eds, aggregators
    "time.com", "politico.com", "miamiherald.com", "nydailynews.com", "upi.com", "apnews.com",
    "ksl.com", "patch.com", "wnyc.org", "pravdareport.com", "project-syndicate.org", "foreignpolicy.com",
    "atlanticcouncil.org", "escambray.cu", "theguardian.com", "nytimes.com", "washingtonpost.com",
    "bbc.co.uk", "bbc.com", "cnn.com", "rferl.org", "news.google.com", "ebsco.com",
    # blogs and self-publishing
    "hungarianspectrum.org", "blogspot.com", "wordpress.com", "medium.com", "substack.com", "tumblr.com",
    # essay, homework and school-project sites
    "alphahistory.com", "writewellgroup.com", "markedbyteachers.com", "ukessays.com", "studymode.com",
    "bartleby.com", "coursehero.com", "gradesaver.com", "bbc.co.uk/bitesize", "schoolhistory.co.uk",
    # hobby sites and unsourced compilations
    "johnstonsarchive.net", "c-and-e-museum.org", "globalsecurity.org",
    # mirrors and copies
    "docslib.org", "thefreedictionary.com", "latinamericanstudies.org",
    "wikisource.org", "wikipedia.org", "archive.ph", "scribd.com", "yumpu.com", "dokumen.pub",
}

# A search page or a feed stands in for a document, not for the document itself.
REFUSED_PATH_PARTS = ("/search", "search?", "/rss", "/feed", ".rss", "?q=", "&q=")


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.lower().rstrip(".")


def refused(url: str) -> str | None:
    """Why a URL is not accepted as a source, or None when it is."""
    host = _host(url)
    for bad in REFUSED_HOSTS:
        if "/" in bad:
            if bad in url:
                return bad
        elif host == bad or host.endswith("." + bad):
            return bad
    parts = urlsplit(url)
    lowered = (parts.path + ("?" + parts.query if parts.query else "")).lower()
    for part in REFUSED_PATH_PARTS:
        if part in lowered:
            return f"a search page or feed ({part})"
    return None


def entries():
    database = parse_file(str(BOOK / "references.bib"), bib_format="bibtex")
    return sorted(database.entries.items())


def test_refused_hosts_are_recognised():
    """The rule itself: so that the test below can fail."""
    assert refused("https://content.time.com/time/subscriber/article/0,33009,1.html") == "time.com"
    assert refused("https://hungarianspectrum.org/2016/10/23/x/") == "hungarianspectrum.org"
    assert refused("https://search.library.wisc.edu/search/system?q=frus") is not None
    assert refused("https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81605") is not None
    assert refused("https://nsarchive.gwu.edu/taxonomy/term/139/all/feed/feed") is not None
    # A university library's digital collection of FRUS is a source, though its host says "search".
    assert refused("https://search.library.wisc.edu/digital/AKPRO4UXGZLHEX8G/text/AVCYNRUBNY3GPE84") is None
    assert refused("https://history.state.gov/historicaldocuments/frus1961-63v10/d1") is None
    assert refused("https://digitalarchive.wilsoncenter.org/document/115065") is None


@pytest.mark.parametrize("key,entry", entries(), ids=[key for key, _ in entries()])
def test_no_weak_source(key, entry):
    url = entry.fields.get("url", "")
    if not url:
        return
    reason = refused(url)
    if reason is None:
        return
    note = entry.fields.get("note", "")
    host = _host(url)
    assert host and (host in note or host.removeprefix("www.") in note), (
        f"{key}: {url} is not a source the book accepts ({reason}). Cite a primary, official or scholarly "
        f"source instead, or say in the entry's note why this is the only copy reached, naming {host}."
    )
