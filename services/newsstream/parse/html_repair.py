"""Structural repairs before extraction, for article text that extractors misread.

Each fixes a kind of markup every site may use: a quoted social-media post sits in an embed
wrapper that extractors discard as a share widget; a hover card listing a person's other stories
sits inside a sentence and would be read as part of it; a subhead set as a named `<div>` between
paragraphs is skipped as layout.
"""

from __future__ import annotations

import re
from typing import Final

from lxml.html import HtmlElement

# An inline element inside a paragraph with this many links making up this share of its
# text is a link card, not words of the sentence.
CARD_MIN_LINKS: Final = 3
CARD_MIN_CHARS: Final = 60
CARD_LINK_SHARE: Final = 0.8
SUBHEAD_MAX_CHARS: Final = 150

# The class the platforms' embed codes put on a quoted post's blockquote.
_EMBEDDED_POST: Final = re.compile(
    r"\b(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|threads-post|mastodon-embed)\b"
)
_BLOCKS: Final = frozenset(
    {"p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "section"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
# Class or id words that name a heading ("subhead", "section-title"), but not a page header.
_HEADING_NAME: Final = re.compile(r"(?i)head(?:ing|line)|subhead|title(?!-?bar)")


def repair_structure(tree: HtmlElement) -> None:
    """Apply every repair to `tree`, in place."""
    unwrap_embedded_posts(tree)
    drop_inline_link_cards(tree)
    promote_subheads(tree)


def unwrap_embedded_posts(tree: HtmlElement) -> None:
    """Lift quoted social-media posts out of their embed wrappers.

    Extractors drop "social"/"embed" containers as share widgets, but a post a story quotes
    is part of the story: the blockquote replaces the wrappers that hold nothing else.
    """
    for quote in list(tree.iter("blockquote")):
        if not _EMBEDDED_POST.search(quote.get("class") or ""):
            continue
        text = quote.text_content().strip()
        outer = quote
        parent = quote.getparent()
        while parent is not None and parent.tag in ("div", "span", "figure", "section"):
            if parent.text_content().strip() != text:
                break
            outer, parent = parent, parent.getparent()
        quote.attrib.pop("class", None)
        _wrap_loose_text(quote)
        if outer is not quote and parent is not None:
            quote.tail = outer.tail
            parent.replace(outer, quote)


def _wrap_loose_text(box: HtmlElement) -> None:
    """Put text lying loose between the paragraphs of `box` into paragraphs of its own.

    Extractors keep a quote's paragraphs but drop what sits between them, such as the
    "— Name (@handle) date" line that signs a quoted post.
    """
    if not any(child.tag in _BLOCKS for child in box):
        return
    children = list(box)
    arranged: list[HtmlElement] = []
    holder: HtmlElement | None = None

    def add_text(text: str | None) -> None:
        nonlocal holder
        if not text or not text.strip():
            return
        if holder is None:
            holder = box.makeelement("p", {})
            arranged.append(holder)
        if len(holder):
            holder[-1].tail = (holder[-1].tail or "") + text
        else:
            holder.text = (holder.text or "") + text

    add_text(box.text)
    box.text = None
    for child in children:
        tail, child.tail = child.tail, None
        box.remove(child)
        if child.tag in _BLOCKS:
            arranged.append(child)
            holder = None
        else:
            if holder is None:
                holder = box.makeelement("p", {})
                arranged.append(holder)
            holder.append(child)
        add_text(tail)
    box.extend(arranged)


def drop_inline_link_cards(tree: HtmlElement) -> None:
    """Drop link cards nested in a paragraph: hover pop-ups listing a person's other stories.

    They sit inside the sentence, so they would be read as part of it; an inline element
    holding several links and little else is never part of the sentence it interrupts.
    """
    for paragraph in list(tree.iter("p")):
        # innermost first: the card goes, the name it pops up from stays
        for inline in reversed(list(paragraph.iter("span", "div"))):
            links = list(inline.iter("a"))
            if len(links) < CARD_MIN_LINKS:
                continue
            text = " ".join(inline.text_content().split())
            linked = sum(len(" ".join(a.text_content().split())) for a in links)
            if len(text) >= CARD_MIN_CHARS and linked >= CARD_LINK_SHARE * len(text):
                inline.drop_tree()


def promote_subheads(tree: HtmlElement) -> None:
    """Make headings of text-only blocks that sit between paragraphs and are named as headings.

    Some pages set their subheads as `<div class="...subheadline">` between the `<p>`s;
    extractors skip such divs as layout, and the subhead is lost from the body.
    """
    for block in list(tree.iter("div", "span")):
        previous, following = block.getprevious(), block.getnext()
        if previous is None or following is None or previous.tag != "p" or following.tag != "p":
            continue
        names = f"{block.get('class') or ''} {block.get('id') or ''}"
        if not _HEADING_NAME.search(names) or any(child.tag in _BLOCKS for child in block):
            continue
        text = " ".join(block.text_content().split())
        if 0 < len(text) <= SUBHEAD_MAX_CHARS:
            block.tag = "h3"
