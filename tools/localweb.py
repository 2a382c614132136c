"""What the browser tests and the measuring scripts share: Debian's chromium and a local server.

The server listens on 127.0.0.1 only, on a free port; Chromium starts headless with the flags
this machine needs (no sandbox as root, no background network traffic, no first-run pages).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """The path of Debian's chromium; installing it is `make browser`'s job."""
    path = shutil.which("chromium")
    if not path:
        raise RuntimeError("Debian's chromium is not installed: run `make browser` (apt-get install -y chromium)")
    return path


def chromium_version() -> str:
    """The version of Debian's chromium, e.g. "156.0.8078.108" (from `chromium --version`)."""
    done = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, timeout=60)
    found = re.search(r"Chromium (\d+(?:\.\d+)+)", done.stdout)
    if not found:
        raise RuntimeError(f"cannot read the version of chromium: {done.stdout.strip()} {done.stderr.strip()}")
    return found.group(1)


def launch(playwright):
    """Headless Debian chromium under Playwright (no browser is downloaded)."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, format, *args):  # noqa: A002 - the name is http.server's
        pass


def serve(directory: Path, handler: type = QuietHandler):
    """Serve ``directory`` on 127.0.0.1 in a thread; return (server, base URL, thread).

    Stop it with ``server.shutdown(); server.server_close()``.
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", thread
