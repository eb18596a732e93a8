"""The rendered text of an HTML page, as a crawler that stores a page's visible text keeps it.

Roughly a browser's `innerText` without a style sheet: one line per block element, inline
elements run together, scripts, styles, forms and hidden elements left out, blank lines
dropped. It turns the HTML benchmark into rendered-text pages from sites the text parser has
never seen, with the benchmark's gold body to score the main story against.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

_SKIPPED = frozenset((
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed",
    "select", "option", "button", "input", "textarea", "canvas", "math",
))  # fmt: skip
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def render_text(html: str) -> str:
    """The page's visible text, one block per line; empty when the page does not parse."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []
    pending: list[Any] = [root]  # elements still to open, and text to write when reached
    while pending:  # an explicit stack: a deeply nested page cannot exhaust the call stack
        element = pending.pop()
        if isinstance(element, str):
            pieces.append(element)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        tail = element.tail or ""
        if not tag or tag in _SKIPPED or _hidden(element):
            pending.append(tail)
            continue
        is_block = tag in _BLOCKS
        closing = ("\n" if is_block or tag == "br" else "") + tail
        pending.append(closing)
        pending.extend(reversed(list(element)))
        pending.append(("\n" if is_block else "") + (element.text or ""))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _hidden(element: Any) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


def page_headline(html: str) -> str | None:
    """The page's one <h1> of three words or more: the article's headline on most article
    pages. None when there is no such heading, or several."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    found = [" ".join(h1.text_content().split()) for h1 in root.iter("h1")]
    found = [text for text in found if len(text.split()) >= 3]
    return found[0] if len(found) == 1 else None
