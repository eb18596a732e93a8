"""trafilatura's main-text extraction, as blocks that keep what the later choices need.

trafilatura's plain-text output loses what tells article from furniture: whether a line was a
heading, a list item or a paragraph, and how much of it was link text. Its XML body keeps that,
so the body is read block by block from there.

Three extractions are compared. The recall one skips trafilatura's link-density pruning and its
escalation to other algorithms; the balanced one applies both. Each errs its own way (the recall
run keeps link-dense boxes, the balanced one sometimes escalates to a whole-page dump), so the
body is what both kept, in the recall run's order; when they share less than half of the recall
run's text they read different parts of the page, and the recall run, which stays in one region,
is taken. The precision run (stricter link-density and boilerplate rules) marks blocks it would
drop, so later rules can drop those on weaker evidence.
"""

from __future__ import annotations

import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from typing import Final, Literal

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Document

BlockKind = Literal["p", "head", "item", "quote", "row", "other"]

_KINDS: Final[dict[str, BlockKind]] = {
    "p": "p",
    "head": "head",
    "item": "item",
    "quote": "quote",
    "row": "row",
}
_CONTAINERS: Final = frozenset({"list", "table", "div", "quote"})
Focus = Literal["recall", "balanced", "precision"]
# Below this share of the recall run's text kept by the balanced run, the two runs disagree
# on where the article is rather than on its edges.
AGREEMENT_MIN_SHARE: Final = 0.5
# Invisible format and control characters (soft hyphens, zero-width spaces, byte-order marks)
# would split words the reader sees whole. Whitespace stays (it breaks lines), and so do the
# zero-width joiners that Persian, Indic scripts and emoji sequences need.
_INVISIBLE: Final = {
    code: None
    for code in range(0x10000)
    if unicodedata.category(chr(code)) in ("Cc", "Cf")
    and not chr(code).isspace()
    and code not in (0x200C, 0x200D)
}


@dataclass(frozen=True)
class Block:
    """One block of extracted text: its lines, its kind, and how much of it is link text."""

    kind: BlockKind
    lines: tuple[str, ...]
    link_share: float
    precise: bool = True  # also kept by the precision extraction

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def extract_blocks(tree: HtmlElement, *, light: bool) -> list[Block]:
    """The main text of `tree` as blocks in page order.

    `light` (a heavy page) gets one balanced run without trafilatura's costly fallbacks.
    """
    if light:
        balanced = _body(tree, focus="balanced", light=True)
        return [] if balanced is None else _blocks(balanced)
    recall = _body(tree, focus="recall", light=False)
    balanced = _body(tree, focus="balanced", light=False)
    if recall is None and balanced is None:
        return []
    if recall is None or balanced is None:
        blocks = _blocks(recall if balanced is None else balanced)
    else:
        blocks = agreed_blocks(_blocks(recall), _blocks(balanced))
    precise = _body(tree, focus="precision", light=False)
    if precise is None:
        return blocks
    kept = {_key(block) for block in _blocks(precise)}
    return [
        Block(block.kind, block.lines, block.link_share, precise=_key(block) in kept)
        for block in blocks
    ]


def agreed_blocks(recall: list[Block], balanced: list[Block]) -> list[Block]:
    """The recall run's blocks the balanced run also kept, unless the runs read different
    regions of the page."""
    kept = {_key(block) for block in balanced}
    agreed = [block for block in recall if _key(block) in kept]
    shared = sum(len(block.text) for block in agreed)
    if shared < AGREEMENT_MIN_SHARE * sum(len(block.text) for block in recall):
        return recall
    return agreed


def _body(tree: HtmlElement, *, focus: Focus, light: bool) -> _Element | None:
    document = trafilatura.bare_extraction(
        tree,
        url=None,  # link targets are never read, and resolving each one is costly
        fast=light,
        favor_precision=focus == "precision",
        favor_recall=focus == "recall",
        include_comments=False,
        include_links=True,  # keeps <ref> in the body: link share is read from it
        include_tables=True,
    )
    if not isinstance(document, Document):
        return None
    body: _Element | None = document.body
    return body


def _key(block: Block) -> str:
    return " ".join(block.text.split()).casefold()


def _blocks(body: _Element) -> list[Block]:
    """Blocks of an extracted body, containers (lists, tables, quotes of paragraphs) opened up."""
    found: list[Block] = []
    pending: list[_Element] = list(reversed(body))
    while pending:  # an explicit stack: deep nesting cannot exhaust the call stack
        element = pending.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _CONTAINERS and any(
            child.tag in _KINDS or child.tag in _CONTAINERS for child in element
        ):
            pending.extend(reversed(element))
            continue
        if tag == "graphic":
            continue
        block = _block(element, _KINDS.get(tag, "other"))
        if block is not None:
            found.append(block)
    return found


def _block(element: _Element, kind: BlockKind) -> Block | None:
    own = deepcopy(element)
    own.tail = None
    for node in own.iter("lb", "cell"):
        if node.tag == "lb":
            node.text = "\n"
        elif node.getnext() is not None:
            node.tail = " | " + (node.tail or "")
    text = "".join(own.itertext()).translate(_INVISIBLE)
    lines = tuple(" ".join(line.split()) for line in text.split("\n"))
    lines = tuple(line for line in lines if line)
    if not lines:
        return None
    linked = sum(
        len(" ".join("".join(ref.itertext()).split()))
        for ref in own.iter("ref")
        if not any(above.tag == "ref" for above in ref.iterancestors())
    )
    total = sum(len(line) for line in lines)
    return Block(kind, lines, min(1.0, linked / total))
