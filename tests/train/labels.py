"""Line labels for rendered pages, read off their references: body, title or other.

A reference body is text, not line numbers, so each rendered line is matched against it: a line
printed inside the reference is body (short lines must be a whole reference line, so that
"Advertisement" or "Share" is not body because the story happens to use the word). A page of
annotated stories gives its spans directly: the lines from a story's first to its last words,
less the page's listed boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsstream.parse.text.lines import split_page

_TOKEN = re.compile(r"\w+")
_SHORT_WORDS = 5  # lines this short are body only when the reference has them as a line
_COVERED = 0.7  # share of a long line's 3-word shingles that must be in the reference


@dataclass(frozen=True)
class LabelledPage:
    """A rendered page with one label per line of `split_page(text)`, and its group for
    cross-validation (a site, or an annotated page)."""

    name: str
    group: str
    source: str  # which corpus: "benchmark-browser", "pages-dev", "synthetic", ...
    text: str
    labels: tuple[str, ...]
    # the story each line belongs to (-1 for none); by default one story of all body lines
    stories: tuple[int, ...] | None = None

    def story_of_lines(self) -> tuple[int, ...]:
        if self.stories is not None:
            return self.stories
        return tuple(0 if label in ("body", "start") else -1 for label in self.labels)


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _shingles(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def label_against_body(text: str, body: str, title: str | None) -> tuple[str, ...]:
    """Labels of the lines of `text` given the page's reference body and headline."""
    reference = _norm(body)
    reference_lines = {_norm(line) for line in body.splitlines() if line.strip()}
    reference_shingles = _shingles(reference.split())
    wanted_title = _norm(title) if title else None
    labels: list[str] = []
    title_seen = False
    for line in split_page(text).lines:
        norm = _norm(line.text)
        if not norm:
            labels.append("other")
            continue
        if wanted_title and norm == wanted_title and not title_seen:
            labels.append("title")
            title_seen = True
            continue
        words = norm.split()
        if len(words) < _SHORT_WORDS:
            labels.append("body" if norm in reference_lines else "other")
            continue
        if f" {norm} " in f" {reference} ":
            labels.append("body")
            continue
        shingles = _shingles(words)
        covered = len(shingles & reference_shingles) / len(shingles)
        labels.append("body" if covered >= _COVERED else "other")
    if "body" in labels:
        labels[labels.index("body")] = "start"
    return mark_inside(labels, [0 if label in ("body", "start") else None for label in labels])


def mark_inside(labels: Sequence[str], story: Sequence[int | None]) -> tuple[str, ...]:
    """Non-body lines between two body lines of the same story are "inside": the story runs
    on through them (a caption, an ad, a subheading the reference left out); lines between two
    stories, or outside any, stay "other"."""
    result = list(labels)
    last_body: int | None = None
    for index, label in enumerate(labels):
        if label not in ("body", "start"):
            continue
        if last_body is not None and story[last_body] == story[index]:
            for between in range(last_body + 1, index):
                if result[between] == "other" and story[between] is None:
                    result[between] = "inside"
        last_body = index
    return tuple(result)


def label_spans(
    text: str,
    spans: Sequence[tuple[str, str, str | None]],
    boilerplate: Sequence[str],
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Labels and story numbers from annotated stories: (first words, last words, title) per
    story, in page order."""
    page = split_page(text)
    starts: list[int] = []
    position = 0
    joined_lines = [line.text for line in page.lines]
    for line in joined_lines:
        starts.append(position)
        position += len(line) + 1
    joined = "\n".join(joined_lines)
    dropped = {line.strip() for line in boilerplate}
    labels = ["other"] * len(joined_lines)
    story: list[int | None] = [None] * len(joined_lines)
    for number, (first, last, title) in enumerate(spans):
        begin = joined.find(first.strip())
        if begin < 0:
            continue
        end = joined.find(last.strip(), begin)
        if end < 0:
            continue
        end += len(last.strip())
        for index, start in enumerate(starts):
            stop = start + len(joined_lines[index])
            text = joined_lines[index]
            if stop > begin and start < end and text and text not in dropped:
                labels[index] = "body" if story.count(number) else "start"
                story[index] = number
        if title:
            wanted = _norm(title)
            for index in range(len(joined_lines) - 1, -1, -1):
                if starts[index] < begin and _norm(joined_lines[index]) == wanted:
                    labels[index] = "title"
                    break
    return mark_inside(labels, story), tuple(-1 if value is None else value for value in story)
