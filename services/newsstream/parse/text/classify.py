"""Give every line of a rendered page a kind: body, headline, metadata, or a kind of furniture.

Each line is first judged alone, from its features and the phrase families; then a page pass
uses what only the page can tell: the page's main writing system, comment threads (a name line,
a timestamp, the comment), outlet names printed just above a time, menus (runs of short lines)
and short sentences that only count as body next to body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from newsstream.parse.text.boilerplate import is_caption, is_furniture, is_section_marker
from newsstream.parse.text.features import LineFeatures, measure
from newsstream.parse.text.lines import Line
from newsstream.parse.text.meta import Meta, is_name, parse_meta_line


class Kind(Enum):
    BLANK = "blank"
    BODY = "body"
    HEADLINE = "headline"
    META = "meta"
    SECTION = "section"  # header of related links, comments or promotions: a body ends here
    FURNITURE = "furniture"  # ads, promotions, tags, credits: dropped, a body may continue after
    CAPTION = "caption"
    NOISE = "noise"  # short fragments: menu items, counters, widget labels
    COMMENT = "comment"
    RELATED = "related"  # a linked headline inside a body (set by segmentation)
    WEAK = "weak"  # a short sentence: body only next to body


# Kinds a body runs straight through.
TRANSPARENT = frozenset(
    {Kind.BLANK, Kind.FURNITURE, Kind.CAPTION, Kind.NOISE, Kind.RELATED, Kind.WEAK}
)


@dataclass(frozen=True)
class Classified:
    line: Line
    kind: Kind
    features: LineFeatures | None = None
    meta: Meta | None = None

    @property
    def text(self) -> str:
        return self.line.text


# An embedded post's signature belongs to the story: "— Jane Doe (@jdoe) April 21, 2019".
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)")
_CODE_TOKEN = re.compile(r"[{};<>=]|^[\w-]+(?:-[\w-]+){2,}$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _is_junk(text: str, features: LineFeatures) -> bool:
    """Tracking ids, CSS class names, stray symbols: nothing a reader was meant to read."""
    if features.letters_ratio < 0.5 and features.words <= 3:
        return True
    if " " not in text and (len(text) > 25 or features.digit_ratio > 0.5):
        return True
    return " " not in text and bool(_CODE_TOKEN.search(text))


def _is_body(features: LineFeatures) -> bool:
    if features.dateline and features.words >= 3:
        return True
    if features.breaks >= 1 and features.words >= 8:
        return True
    if features.colon_end and features.words >= 12 and features.stopword_ratio >= 0.25:
        return True
    if not features.terminal or features.words < 5:
        return False
    # A period-less headline is common; a Title Case line with a period is still a headline.
    return not (
        features.capitalised_ratio >= 0.85 and features.words <= 14 and features.sentences <= 1
    )


def _is_headline(text: str, features: LineFeatures) -> bool:
    if not 3 <= features.words <= 30 or not features.starts_upper:
        return False
    if features.breaks or features.letters_ratio < 0.6:
        return False
    if text.endswith((":", ",", ";")):
        return False
    return not features.terminal or text.rstrip("\"'”’»)]").endswith(("?", "!"))


def _kind_alone(text: str, features: LineFeatures, main_script: str) -> tuple[Kind, Meta | None]:
    if features.script not in ("", "LATIN", main_script) and main_script and features.words <= 12:
        return Kind.FURNITURE, None  # interface strings in another script around the story
    if is_section_marker(text):
        return Kind.SECTION, None
    if _POST_SIGNATURE.match(text):
        return Kind.BODY, None
    if is_caption(text, features.words, features.terminal):
        return Kind.CAPTION, None
    if is_furniture(text, features.words):
        return Kind.FURNITURE, None
    meta = parse_meta_line(text)
    if meta is not None:
        return Kind.META, meta
    return _kind_of_text(text, features), None


def _kind_of_text(text: str, features: LineFeatures) -> Kind:
    if _is_junk(text, features):
        return Kind.NOISE
    if _is_body(features):
        return Kind.BODY  # though it glues names ("iPhone, iPad and AirPods"): it reads as prose
    if features.max_glue_in_token >= 2 or features.glued_tokens >= 3:
        return Kind.FURNITURE  # link texts printed without spaces: breadcrumbs, tag lists
    if _is_headline(text, features):
        return Kind.HEADLINE
    if features.terminal and features.words >= 2 and features.stopword_ratio > 0:
        return Kind.WEAK
    return Kind.NOISE


def main_script(features: list[LineFeatures | None]) -> str:
    """The writing system most of the page's words are in."""
    weights: dict[str, int] = {}
    for measured in features:
        if measured is not None and measured.script:
            weights[measured.script] = weights.get(measured.script, 0) + measured.words
    return max(weights.items(), key=lambda item: item[1])[0] if weights else ""


def classify_page(lines: tuple[Line, ...]) -> list[Classified]:
    """Kinds for all lines, with the page-level corrections applied."""
    measured: dict[str, LineFeatures] = {}  # pages repeat lines (menus, headlines, ads)
    for line in lines:
        if line.text and line.text not in measured:
            measured[line.text] = measure(line.text)
    features = [measured.get(line.text) for line in lines]
    script = main_script(features)
    judged: dict[str, tuple[Kind, Meta | None]] = {}
    items = []
    for line, feature in zip(lines, features, strict=True):
        if feature is None:
            items.append(Classified(line, Kind.BLANK))
            continue
        if line.text not in judged:
            judged[line.text] = _kind_alone(line.text, feature, script)
        kind, meta = judged[line.text]
        items.append(Classified(line, kind, feature, meta))
    _mark_comment_threads(items)
    _mark_menus(items)
    _mark_outlet_names(items)
    _settle_weak_lines(items)
    _mark_cut_off_end(items)
    return items


def _next_content(items: list[Classified], index: int, step: int = 1) -> int | None:
    position = index + step
    while 0 <= position < len(items):
        if items[position].kind is not Kind.BLANK:
            return position
        position += step
    return None


def _is_commenter(item: Classified) -> bool:
    text = item.text
    if item.kind not in (Kind.NOISE, Kind.HEADLINE, Kind.WEAK):
        return False
    tokens = text.split()
    return 1 <= len(tokens) <= 4 and len(text) <= 40 and text[-1:].isalnum()


def _mark_comment_threads(items: list[Classified]) -> None:
    """Reader comments: a name, a timestamp with a clock time, the comment; at least twice."""
    headers: list[int] = []
    for index, item in enumerate(items):
        if item.kind is Kind.BLANK:
            continue
        if item.text.endswith(" says:") and len(item.text) <= 60:
            headers.append(index)
            continue
        stamp = _next_content(items, index)
        if stamp is None:
            continue
        meta = items[stamp].meta
        if meta is None or not meta.has_date or meta.publisher or meta.authors:
            continue
        if not _CLOCK.search(meta.date_text or "") or not _is_commenter(item):
            continue
        after = _next_content(items, stamp)
        if after is not None and items[after].kind not in (Kind.META, Kind.HEADLINE, Kind.SECTION):
            headers.append(index)
    if len(headers) < 2:
        return
    end = len(items)
    last = headers[-1]
    for position in range(last + 1, len(items)):
        if items[position].kind is Kind.SECTION or (
            items[position].kind is Kind.BLANK and position > last + 2
        ):
            end = position
            break
    for position in range(headers[0], end):
        if items[position].kind is not Kind.BLANK:
            items[position] = replace(items[position], kind=Kind.COMMENT)


def _mark_menus(items: list[Classified]) -> None:
    """Three or more short lines in a row, no blank between: a menu, not headlines."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= 3:
            for position in run:
                if items[position].kind is Kind.HEADLINE:
                    items[position] = replace(items[position], kind=Kind.NOISE)
        run.clear()

    for index, item in enumerate(items):
        features = item.features
        short = (
            features is not None
            and features.words <= 4
            and not features.terminal
            and item.kind in (Kind.NOISE, Kind.HEADLINE, Kind.FURNITURE, Kind.SECTION)
        )
        if short:
            run.append(index)
        else:
            close()
    close()


def _mark_outlet_names(items: list[Classified]) -> None:
    """A bare name printed just above a time line is the outlet: "MTV Lebanon" / "9 hours ago".

    A headline-sized name (three or four words) followed by a time and then straight by body is
    more likely a short headline over its date, so it stays a headline.
    """
    for index, item in enumerate(items):
        if item.kind not in (Kind.NOISE, Kind.HEADLINE):
            continue
        below = _next_content(items, index)
        meta = items[below].meta if below is not None else None
        if meta is None or not meta.has_date or meta.publisher is not None or meta.authors:
            continue
        if not is_name(item.text, max_tokens=4):
            continue
        after = _next_content(items, below) if below is not None else None
        if item.kind is Kind.HEADLINE and after is not None and items[after].kind is Kind.BODY:
            continue
        items[index] = replace(items[index], kind=Kind.META, meta=Meta(publisher=item.text))


def _settle_weak_lines(items: list[Classified]) -> None:
    """Short sentences are body when body is next to them, otherwise page noise."""
    for index, item in enumerate(items):
        if item.kind is not Kind.WEAK:
            continue
        neighbours = [_next_content(items, index, -1), _next_content(items, index, 1)]
        near_body = any(
            position is not None and items[position].kind is Kind.BODY for position in neighbours
        )
        items[index] = replace(item, kind=Kind.BODY if near_body else Kind.NOISE)


def _mark_cut_off_end(items: list[Classified]) -> None:
    """Excerpts stop mid-sentence: prose ending the page after body is body without a full stop."""
    last = _next_content(items, len(items), -1)
    if last is None:
        return
    item = items[last]
    features = item.features
    before = last - 1
    while before >= 0 and items[before].kind in TRANSPARENT:
        before -= 1
    if (
        item.kind in (Kind.HEADLINE, Kind.NOISE)
        and features is not None
        and features.words >= 8
        and features.stopword_ratio >= 0.2
        and before >= 0
        and items[before].kind is Kind.BODY
    ):
        items[last] = replace(item, kind=Kind.BODY)
