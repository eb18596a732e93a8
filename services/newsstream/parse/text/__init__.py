"""Stories from the rendered text of a page: classify lines, segment, assemble."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from newsstream.parse.story import Story
from newsstream.parse.text.assemble import assemble, narrates
from newsstream.parse.text.boilerplate import is_caption, is_furniture, is_section_marker
from newsstream.parse.text.classify import classify_page
from newsstream.parse.text.learned import (
    LineModel,
    join_continuations,
    judge,
    retitle,
    shipped_model,
    split_stories,
)
from newsstream.parse.text.lines import Line, split_page
from newsstream.parse.text.segment import MAIN_STORY_RATIO, segment


def extract_text_stories(
    text: str,
    *,
    fetched_at: datetime,
    model: LineModel | Literal["shipped"] | None = "shipped",
) -> list[Story]:
    """Every story in the page text, main story first, then the others in page order
    (possibly none). `model` corrects the rules' line kinds: the shipped one by default, another
    one when measuring, none to see the rules alone."""
    page = split_page(text)
    line_model = shipped_model() if model == "shipped" else model
    judgement = judge(classify_page(page.lines), line_model)
    drafts = segment(judgement.items)
    if line_model is not None:
        drafts = split_stories(drafts, judgement, line_model)
        drafts = join_continuations(drafts, judgement, line_model)
        drafts = retitle(drafts, judgement, line_model.title_on)
    stories = assemble(drafts, stamp=page.stamp, fetched_at=fetched_at)
    if stories:
        return _main_first(stories)
    return _single_statement(page.lines)


def _main_first(stories: list[Story]) -> list[Story]:
    """An article page leads with whatever sits above its article (a teaser, a widget, a
    trending list): the main story is the first that the largest story does not dwarf and
    that dwarfs each story above it. One story dwarfing all others leads; a teaser above an
    article leads no more, though a long related story sits below; on a page of peers (a
    digest, a tag page) or an article cut into short paragraphs, the first story leads."""
    sizes = [len(story.body.split()) for story in stories]
    largest = max(sizes)
    lead = next(
        (
            index
            for index, size in enumerate(sizes)
            if MAIN_STORY_RATIO * size > largest
            and all(MAIN_STORY_RATIO * before <= size for before in sizes[:index])
        ),
        0,
    )
    return [stories[lead], *stories[:lead], *stories[lead + 1 :]]


def _single_statement(lines: Sequence[Line]) -> list[Story]:
    """A page that is one line reporting an event ("A roadside bomb kills 35 and injures 27")
    is that story, though it reads like a headline: there is no other text it could head."""
    texts = [line.text.strip() for line in lines if line.text.strip()]
    if len(texts) != 1:
        return []
    text, words = texts[0], len(texts[0].split())
    if is_furniture(text, words) or is_caption(text, words, terminal=False):
        return []
    if is_section_marker(text) or not narrates(text):
        return []
    return [Story(title=None, paragraphs=(text,))]


__all__ = ["LineModel", "extract_text_stories"]
