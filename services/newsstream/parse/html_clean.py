"""Parse an HTML page and bound the work its extraction can cost.

Extraction time grows faster than the page: trafilatura's justext fallback compares
neighbouring paragraphs pairwise, so a page of a few thousand small blocks takes seconds and one
of forty thousand takes minutes; htmldate's extensive date search scans all of a page's text.
So, before any extraction: what is never text (scripts, styles, vector graphics, frames) goes;
past `MAX_ELEMENTS` the document is cut, keeping its beginning, where the article of a page
almost always sits; and a page past `LIGHT_ELEMENTS` elements, `LIGHT_BLOCKS` text blocks or
`LIGHT_TEXT_CHARS` characters is "heavy": it gets only the linear-time steps. Text the reader
cannot see (hidden elements) is not article.
"""

from __future__ import annotations

import re
from typing import Final

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from newsstream.parse.html_repair import repair_structure

LIGHT_ELEMENTS: Final = 5_000
LIGHT_BLOCKS: Final = 1_500
LIGHT_TEXT_CHARS: Final = 200_000
MAX_ELEMENTS: Final = 8_000
# JSON-LD larger than this is not page metadata but an embedded data store.
MAX_METADATA_SCRIPT_CHARS: Final = 100_000

_NEVER_TEXT: Final = ("style", "svg", "template", "iframe", "object", "embed", "canvas")
# Elements that start a new paragraph for justext, whose pairwise pass is the quadratic one.
_TEXT_BLOCKS: Final = (
    *("p", "div", "li", "td", "th", "dd", "dt", "pre", "blockquote", "br"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
)
_HIDDEN_STYLE: Final = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE
)


def parse_page(body: str) -> HtmlElement | None:
    """The page's element tree, less scripts (JSON-LD kept), styles and the like.

    None when the body does not parse as a document.
    """
    try:
        tree = trafilatura.load_html(body)
    except (ValueError, TypeError):
        return None
    if tree is None:
        return None
    for fallback in list(tree.iter("noscript")):
        # what a browser without scripts shows: sometimes the article itself, mostly a pixel
        if any(paragraph.text_content().strip() for paragraph in fallback.iter("p")):
            fallback.drop_tag()
        else:
            fallback.drop_tree()
    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json" or len(script.text or "") > MAX_METADATA_SCRIPT_CHARS:
            script.drop_tree()
    etree.strip_elements(
        tree, *_NEVER_TEXT, etree.Comment, etree.ProcessingInstruction, with_tail=False
    )
    _truncate(tree, MAX_ELEMENTS)
    return tree


def is_heavy(tree: HtmlElement) -> bool:
    """Past these sizes only the linear-time steps of extraction are affordable."""
    elements = sum(1 for _ in tree.iter())
    blocks = sum(1 for _ in tree.iter(*_TEXT_BLOCKS))
    return (
        elements > LIGHT_ELEMENTS
        or blocks > LIGHT_BLOCKS
        or len(tree.text_content()) > LIGHT_TEXT_CHARS
    )


def content_tree(tree: HtmlElement) -> HtmlElement:
    """`tree` made ready to extract the body from, in place: nothing hidden, structure
    repaired. The page's metadata is read before (hidden elements can hold it); copying a
    large page instead cost as much as parsing it.

    JSON-LD stays: trafilatura falls back on its `articleBody` when the markup holds little.
    """
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and _is_hidden(element):
            element.drop_tree()
    repair_structure(tree)
    return tree


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return element.tag not in ("html", "body")
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _truncate(tree: HtmlElement, limit: int) -> None:
    """Cut the document after its first `limit` elements, as if the file ended there."""
    for position, element in enumerate(tree.iter()):
        if position < limit:
            continue
        node, keep_node = element, False
        while (parent := node.getparent()) is not None:
            index = parent.index(node)
            del parent[index + 1 if keep_node else index :]
            node, keep_node = parent, True
        return
