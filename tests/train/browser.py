"""A page's visible text as a browser renders it: headless Chromium's `innerText` of the body.

Crawlers that keep a page's visible text store what a browser shows, which is not what a
block-per-line walk of the HTML gives: hidden menus, line breaks inside paragraphs, tables and
lists all come out the browser's way. The rendered text is cached by the hash of the HTML, so a
corpus is rendered once per machine. JavaScript is off and every request is refused: a stored
page renders the same each time, and nothing is fetched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "rendered"
CHROMIUM_ENV = "NEWSSTREAM_CHROMIUM"
_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_TIMEOUT_MS = 15_000


class BrowserUnavailable(RuntimeError):
    """No Chromium (or no playwright) here: browser-rendered corpora cannot be built."""


def chromium_path() -> str:
    """The Chromium executable: $NEWSSTREAM_CHROMIUM, else the usual system locations."""
    configured = os.environ.get(CHROMIUM_ENV)
    candidates = [configured] if configured else [*_CANDIDATES, shutil.which("chromium") or ""]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    raise BrowserUnavailable(
        f"no Chromium found (apt-get install chromium, or set ${CHROMIUM_ENV})"
    )


def _cache_path(html: str) -> Path:
    digest = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()
    return CACHE / digest[:2] / f"{digest}.txt"


def cached(html: str) -> str | None:
    path = _cache_path(html)
    return path.read_text(encoding="utf-8") if path.exists() else None


def render_many(pages: Iterable[str]) -> Iterator[str]:
    """The body's innerText of each HTML page, in order; one browser for the whole run."""
    browser: Any = None
    playwright: Any = None
    context: Any = None
    try:
        for html in pages:
            hit = cached(html)
            if hit is not None:
                yield hit
                continue
            if context is None:
                playwright, browser, context = _start()
            text = _render(context, html)
            path = _cache_path(html)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            yield text
    finally:
        if browser is not None:
            browser.close()
        if playwright is not None:
            playwright.stop()


def _start() -> tuple[Any, Any, Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - a dev dependency
        raise BrowserUnavailable("playwright is not installed") from error
    executable = chromium_path()
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
    except Exception as error:  # any launch failure means there is no browser here
        playwright.stop()
        raise BrowserUnavailable(f"Chromium did not start: {error}") from error
    context = browser.new_context(java_script_enabled=False, offline=True)
    context.route("**/*", lambda route: route.abort())
    return playwright, browser, context


def _render(context: Any, html: str) -> str:
    page = context.new_page()
    try:
        page.set_content(html, wait_until="domcontentloaded", timeout=_TIMEOUT_MS)
        text: str = page.evaluate("() => document.body ? document.body.innerText : ''")
        return text
    except Exception:  # a page the browser cannot show renders as nothing
        return ""
    finally:
        page.close()
