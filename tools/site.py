"""`make site`: the built book as one zip that any static web host or a school intranet serves as it is.

    python -m tools.site [--html _build/html] [--out _build/thaw-to-brink-site.zip] [--student]

The zip holds the folder's files at its top level (index.html first), the in-page Python included
(_static/pyodide/, _static/wheels/), plus an empty .nojekyll so that hosts which run Jekyll (GitHub Pages)
serve the folders whose names start with "_".  Files are stored in a fixed order with a fixed date, so the same
build gives the same zip.  It leaves out the build's bookkeeping (.buildinfo and its backups, .doctrees).
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".buildinfo", ".doctrees"}
EPOCH = (1980, 1, 1, 0, 0, 0)
STORED = {".wasm", ".zip", ".whl", ".png", ".jpg", ".jpeg", ".woff2", ".gz"}  # already compressed


def make_zip(html: Path, target: Path) -> int:
    if not (html / "index.html").exists():
        raise SystemExit(f"site: {html}/index.html does not exist: run `make html` first")
    files = sorted(p for p in html.rglob("*") if p.is_file() and not any(part.startswith(tuple(SKIP)) for part in p.relative_to(html).parts))
    files.sort(key=lambda p: (p.relative_to(html).as_posix() != "index.html", p.relative_to(html).as_posix()))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w") as archive:
        for path in files:
            name = path.relative_to(html).as_posix()
            info = zipfile.ZipInfo(name, EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if path.suffix in STORED else zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
        info = zipfile.ZipInfo(".nojekyll", EPOCH)
        info.external_attr = 0o644 << 16
        archive.writestr(info, b"")
    partial.replace(target)
    return len(files) + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.site", description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "thaw-to-brink-site.zip")
    args = parser.parse_args(argv)
    count = make_zip(args.html, args.out)
    print(f"wrote {args.out}: {count} files, {args.out.stat().st_size / 1e6:.1f} MB. Unzip it into any folder a web server serves.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
