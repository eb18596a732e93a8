"""What a body is when nobody said: markup or rendered text, and whether it is readable at all."""

from __future__ import annotations

import re
import unicodedata

_PROBE = 65536  # characters inspected: enough to judge a page, bounded for huge bodies
_DOCUMENT_START = re.compile(
    r"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--(?:(?!-->).){0,2000}-->\s*){0,20}"
    r"<(?:!doctype\s+html|html\b)",
    re.IGNORECASE | re.DOTALL,
)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)\b[^>]{0,2000}>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>|<!--")
_MIN_TAGS = 5
_MIN_MARKUP_SHARE = 0.05
_MAX_UNREADABLE_SHARE = 0.05
# ASCII control characters other than whitespace; other characters outside ASCII are judged
# one by one (few on most pages, so the per-character lookup stays cheap).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def looks_like_html(body: str) -> bool:
    """Markup: a document start, document tags, or enough tags for their share of the text."""
    probe = body[:_PROBE]
    if _DOCUMENT_START.match(probe) or _DOCUMENT_TAG.search(probe):
        return True
    tags = _TAG.findall(probe)
    if len(tags) < _MIN_TAGS:
        return False
    markup = sum(len(tag) for tag in tags)
    return markup / max(1, len(probe.strip())) >= _MIN_MARKUP_SHARE


def has_markup(body: str) -> bool:
    """Any tag at all: what a body declared as HTML must have for the HTML extractor to help."""
    return bool(_TAG.search(body[:_PROBE]))


def is_unreadable(body: str) -> bool:
    """Binary junk decoded as text: control characters, replacement characters, unassigned code."""
    probe = body[:_PROBE]
    if not probe:
        return False
    bad = len(_ASCII_CONTROL.findall(probe))
    for char in _NON_ASCII.findall(probe):
        if char == "\ufffd" or unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            bad += 1
    return bad / len(probe) > _MAX_UNREADABLE_SHARE
