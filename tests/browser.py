"""Browser-test support: the built site served under a sub-path, and Debian's Chromium.

GitHub Pages serves a project site under `/<repo>/`, so the tests do too: a
page that only works at `/` fails here first.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

import pytest
from playwright.sync_api import Browser, Page, expect

#: The sub-path the site is served under, as on GitHub Pages.
BASE_PATH = "/readers-guide/"

#: Flags for Chromium in this sandbox and on CI runners (no GPU, no background traffic).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """Where Chromium is: `$NEWSGUIDE_CHROMIUM` if set (CI runners' Chrome), else `chromium` on PATH."""
    return os.environ.get("NEWSGUIDE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """Return Chromium's path, or skip the test locally (fail on CI) when there is none."""
    path = chromium_path()
    if path:
        return path
    message = "Chromium not found: install Debian's `chromium` (apt-get install chromium) or set NEWSGUIDE_CHROMIUM"
    if os.environ.get("CI"):
        pytest.fail(message + " — CI must run the browser tests")
    pytest.skip(message)


#: File types served gzip-compressed when the browser accepts it, as GitHub Pages does.
_COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@dataclass(frozen=True)
class Served:
    """One response of the test server: the path asked for, the file's size and the bytes sent (gzip or not)."""

    path: str
    size: int
    sent: int


class _SubPathHandler(SimpleHTTPRequestHandler):
    # Serve the site under BASE_PATH; anything else, or a missing file, gets the site's 404 page.
    site: Path
    served: list[Served] | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        file = Path(self.translate_path(self.path))
        if not path.startswith(BASE_PATH) or not file.exists():
            return self._record(path + " (404)", self.site / "404.html", self._not_found())
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix in _COMPRESSIBLE and file.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._record(path, file, self._gzipped(file))
        return self._record(path, file, super().send_head())

    def _record(self, path: str, file: Path, body: BinaryIO | None) -> BinaryIO | None:
        # Note what was sent, for tests that count the bytes a reader's browser fetches.
        if self.served is not None and body is not None and file.is_file():
            sent = len(body.getvalue()) if isinstance(body, io.BytesIO) else file.stat().st_size
            self.served.append(Served(path, file.stat().st_size, sent))
        return body

    def _gzipped(self, file: Path) -> BinaryIO:
        # Text compressed as GitHub Pages sends it, so page weight and timings are measured as readers get them.
        body = gzip.compress(file.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        relative = path[len(BASE_PATH) :] if path.startswith(BASE_PATH) else path.lstrip("/")
        return super().translate_path("/" + relative)

    def _not_found(self) -> BinaryIO:
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path, served: list[Served] | None = None) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 under BASE_PATH; yields the base URL. Each response is added to `served`."""
    handler = type("Handler", (_SubPathHandler,), {"site": site, "served": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def run_search(page: Page, query: str) -> None:
    """Type a query into Material's search box once the search index is ready.

    The index loads in a web worker; Material reads the query on key presses and
    does not re-run a query typed before the index is ready, so wait for its
    "Type to start searching" prompt, then type key by key as a reader would.
    """
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    box.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    # Material answers every key press, and a click on a list still being replaced can miss: wait
    # until the list has stayed the same for a few polls, the answer to the whole query.
    results, last, same = page.locator(".md-search-result"), "", 0
    for _ in range(100):
        shown = results.inner_text()
        same = same + 1 if shown == last else 0
        if same >= 3:
            break
        last = shown
        page.wait_for_timeout(100)


def bytes_to_results(browser: Browser, base_url: str, served: list[Served], query: str) -> list[Served]:
    """What a reader's browser fetches, from opening the home page to the results of a query typed in search.

    A fresh browser context (nothing cached) opens the home page, waits for the
    search prompt, types the query key by key and waits for the answer to the
    whole query (`run_search`); `served` is the list the server (`serve`) fills.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        served.clear()
        page.goto(base_url)
        run_search(page, query)
        page.wait_for_load_state("networkidle")
        return list(served)
    finally:
        context.close()
