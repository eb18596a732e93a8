"""The main article of an HTML page: its body text and the page's own metadata.

One story per page. The page is parsed and bounded (`html_clean`), its metadata read
(`html_meta`), its main text extracted as blocks (`html_blocks`) and the blocks that are page
furniture rather than article dropped (`html_trim`).
"""

from __future__ import annotations

from datetime import datetime

from newsstream.parse.errors import ParseError
from newsstream.parse.html_blocks import extract_blocks
from newsstream.parse.html_clean import content_tree, is_heavy, parse_page
from newsstream.parse.html_meta import read_meta
from newsstream.parse.html_trim import article_paragraphs
from newsstream.parse.story import Story


def extract_html_story(body: str, *, url: str | None, fetched_at: datetime) -> Story:
    """The page's main article; ParseError("no_article") when the page holds none."""
    tree = parse_page(body)
    if tree is None:
        raise ParseError("no_article", "the HTML page has no document to extract from")
    light = is_heavy(tree)
    meta = read_meta(tree, url=url, fetched_at=fetched_at, light=light)
    blocks = extract_blocks(content_tree(tree), light=light)  # changes `tree`: metadata first
    paragraphs = article_paragraphs(blocks, meta)
    if not paragraphs:
        raise ParseError("no_article", "no main text found in the HTML page")
    return Story(
        title=meta.title,
        paragraphs=tuple(paragraphs),
        publisher=meta.publisher,
        authors=meta.authors,
        published_text=meta.published_text,
        published_at=meta.published_at,
        canonical_url=meta.canonical_url,
        lang=meta.lang,
    )
