"""In the page, ``load`` refuses a table whose file no longer matches its manifest's sha256."""

from __future__ import annotations

import pytest

from exercises import _data


def test_verification_is_on_in_the_page_only():
    import sys

    assert _data.VERIFY_CHECKSUMS == (sys.platform == "emscripten")


@pytest.mark.parametrize("name", _data.tables())
def test_unchanged_tables_load_with_verification(monkeypatch, name):
    monkeypatch.setattr(_data, "VERIFY_CHECKSUMS", True)
    assert _data.load(name)


def test_changed_table_gets_a_clear_message(monkeypatch):
    monkeypatch.setattr(_data, "VERIFY_CHECKSUMS", True)
    real = _data.table_bytes
    monkeypatch.setattr(_data, "table_bytes", lambda name: real(name) + b"1999,1\n" if name == "refugees" else real(name))
    with pytest.raises(_data.ChangedTableError, match=r"'refugees' was changed in this session.*Restart Python"):
        _data.load("refugees")
    assert _data.load("events")  # the others still load
    monkeypatch.setattr(_data, "VERIFY_CHECKSUMS", False)
    assert _data.load("refugees")[-1]["year"] == 1999  # off: read as it is
