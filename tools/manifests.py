"""Check, or with --write refresh, the sha256 recorded in each data table's manifest.

    python tools/manifests.py          # exit 1 and list the tables whose sha256 is stale
    python tools/manifests.py --write  # write the current sha256 into each manifest
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "exercises" / "data"
LINE = re.compile(r'^sha256 = ".*"$', re.MULTILINE)


def main(write: bool) -> int:
    stale = []
    for csv_path in sorted(DATA.glob("*.csv")):
        manifest = csv_path.with_suffix(".toml")
        if not manifest.exists():
            print(f"{csv_path.name}: no manifest {manifest.name}")
            stale.append(csv_path.name)
            continue
        digest = hashlib.sha256(csv_path.read_bytes()).hexdigest()
        text = manifest.read_text(encoding="utf-8")
        wanted = f'sha256 = "{digest}"'
        if not LINE.search(text):
            print(f"{manifest.name}: has no sha256 line")
            stale.append(csv_path.name)
            continue
        if LINE.search(text).group(0) != wanted:
            if write:
                manifest.write_text(LINE.sub(wanted, text, count=1), encoding="utf-8")
                print(f"{manifest.name}: sha256 updated")
            else:
                print(f"{manifest.name}: sha256 is stale")
                stale.append(csv_path.name)
    return 1 if stale and not write else 0


if __name__ == "__main__":
    sys.exit(main("--write" in sys.argv[1:]))
