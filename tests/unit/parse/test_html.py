"""An HTML page gives one story: its main article with the page's own metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsstream.parse import ParseError, Story, extract_stories
from newsstream.parse.html_blocks import Block, BlockKind
from newsstream.parse.html_clean import MAX_ELEMENTS, is_heavy, parse_page
from newsstream.parse.html_meta import PageMeta
from newsstream.parse.html_trim import (
    article_paragraphs,
    drop_unconfirmed,
    is_byline,
    is_promotion,
    is_sign_off,
)

FETCHED_AT = datetime(2024, 3, 15, 8, 0, tzinfo=UTC)


def parse(html: str, url: str | None = None, fetched_at: datetime = FETCHED_AT) -> Story:
    stories = extract_stories(html, content_type="text/html", url=url, fetched_at=fetched_at)
    assert len(stories) == 1
    return stories[0]


def fixture(fixtures_dir: Path, name: str) -> str:
    return (fixtures_dir / "html" / name).read_text("utf-8")


@pytest.fixture(scope="module")
def story(fixtures_dir: Path) -> Story:
    return parse(
        fixture(fixtures_dir, "article.html"),
        url="https://valley-courier.example/news/flood?utm_source=feed",
    )


def test_metadata_comes_from_the_page(story: Story) -> None:
    assert story.title == "Flood waters recede in river valley as clean-up begins"
    assert story.publisher == "The Valley Courier"
    assert story.authors == ("Hannah Osei",)
    assert story.published_at == datetime(2024, 3, 14, 7, 45, tzinfo=UTC)
    assert story.lang == "en"
    assert story.canonical_url == "https://valley-courier.example/news/2024/03/flood-waters-recede"


def test_published_text_is_the_date_the_page_shows(story: Story) -> None:
    assert story.published_text == "14 March 2024"


def test_published_text_is_the_declared_time_when_none_is_shown() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-03-10T09:00:00Z">'
        "</head><body><article>"
        + "<p>The bridge over the river will close for repairs next week, the council said.</p>" * 4
        + "</article></body></html>"
    )
    published = parse(html)
    assert published.published_at == datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
    assert published.published_text == "2024-03-10T09:00:00Z"


def test_body_is_the_article_paragraphs(story: Story) -> None:
    assert len(story.paragraphs) == 6
    assert story.paragraphs[0].startswith("Flood waters that swamped hundreds of homes")
    assert story.paragraphs[-1].endswith("by Thursday evening, organisers said.")
    assert story.body == "\n\n".join(story.paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "Subscribe",
        "We use cookies",
        "Rain warning extended",
        "Share this article",
        "Log in or register",
        "All rights reserved",
        "Flood waters recede in river valley as clean-up begins",
        "Photo: Sam Reid",
    ],
)
def test_page_furniture_is_not_body(story: Story, furniture: str) -> None:
    assert furniture not in story.body


@pytest.fixture(scope="module")
def furnished(fixtures_dir: Path) -> Story:
    return parse(
        fixture(fixtures_dir, "furniture.html"), fetched_at=datetime(2024, 5, 3, tzinfo=UTC)
    )


def test_title_standfirst_and_byline_above_the_body_are_not_body(furnished: Story) -> None:
    assert furnished.paragraphs[0].startswith("The harbour ferry carried its first passengers")
    for lead in ("Harbour ferry service resumes", "Commuters return to the water", "By Maria"):
        assert lead not in furnished.body


@pytest.mark.parametrize(
    "promotion",
    [
        "Storm damage bill for the coast passes ten million",  # "Related:" line
        "Council unveils plan for new bus lanes",  # a headline that is all link
        "Ferry fares to rise in the autumn",  # "READ MORE:" line
    ],
)
def test_promotions_of_other_stories_are_not_body(furnished: Story, promotion: str) -> None:
    assert promotion not in furnished.body


def test_subheads_and_list_items_inside_the_body_stay(furnished: Story) -> None:
    assert "What changed at the landing stage" in furnished.paragraphs
    assert "a raised walkway with non-slip decking" in furnished.paragraphs
    assert furnished.paragraphs[-1].startswith("The operator said timetables would return")


@pytest.mark.parametrize(
    "sign_off", ["Morning Tide newsletter", "Sign up for our free", "Follow Maria", "© 2024"]
)
def test_the_sign_off_below_the_story_is_not_body(furnished: Story, sign_off: str) -> None:
    assert sign_off not in furnished.body


def test_the_publication_date_as_shown(furnished: Story) -> None:
    assert furnished.published_text == "May 2, 2024 at 6:30 AM"
    assert furnished.authors == ("Maria Lund",)
    assert furnished.publisher == "Coastline Daily"


def test_text_the_reader_cannot_see_is_not_body(fixtures_dir: Path) -> None:
    body = parse(fixture(fixtures_dir, "hidden.html")).body
    assert "Preview text for subscribers" not in body
    assert "machine copy of the article" not in body
    assert "The renovation cost four million pounds" in body


def test_a_quoted_social_media_post_is_body(fixtures_dir: Path) -> None:
    paragraphs = parse(fixture(fixtures_dir, "embedded_post.html")).paragraphs
    post = paragraphs.index(
        "Two hundred entries and this is the one they picked? I have questions about that panel."
    )
    assert paragraphs[post + 1] == "— Dana Whitfield (@danawhit) June 4, 2024"
    assert paragraphs[post - 1].startswith("Not everyone was convinced")


def test_a_link_card_inside_a_sentence_is_dropped_and_the_name_kept(fixtures_dir: Path) -> None:
    first = parse(fixture(fixtures_dir, "link_card.html")).paragraphs[0]
    assert first == (
        "Senator Alma Reyes (D) said on Monday that she would vote for the funding bill"
        " for the northern rail link."
    )


def test_subheads_set_as_named_divs_stay(fixtures_dir: Path) -> None:
    paragraphs = parse(fixture(fixtures_dir, "subheads.html")).paragraphs
    assert "What goes in the blue bin?" in paragraphs
    assert "When do the changes start?" in paragraphs


def test_an_article_shown_only_without_scripts_is_found(fixtures_dir: Path) -> None:
    body = parse(fixture(fixtures_dir, "noscript.html")).body
    assert body.startswith("The hill observatory will open to the public on Friday night")
    assert "Template copy" not in body


def test_invisible_characters_do_not_split_words() -> None:
    paragraph = "The coun\u00adcil vo\u00adted on Tues\u200bday to keep the market open in winter."
    html = "<html><body><article>" + f"<p>{paragraph} It will run every weekend.</p>" * 4
    body = parse(html + "</article></body></html>").body
    assert "The council voted on Tuesday to keep the market open" in body


def test_declared_html_without_a_story_is_no_article() -> None:
    html = "<html><head><title>Login</title></head><body><form><input name=q></form></body></html>"
    with pytest.raises(ParseError) as raised:
        extract_stories(html, content_type="text/html", url=None, fetched_at=FETCHED_AT)
    assert raised.value.kind == "no_article"


_ARTICLE = "".join(
    f"<p>Paragraph {n} of the story about the harbour repairs, long enough to count as body.</p>"
    for n in range(10)
)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            "<ul>" + "".join(f'<li><a href="/l{n}">L{n}</a></li>' for n in range(60_000)) + "</ul>",
            id="120k-elements",
        ),
        pytest.param(
            "".join(f"<div><p>Item {n}</p></div>" for n in range(20_000)), id="many-blocks"
        ),
        pytest.param("<p>" + "word " * 300_000 + "</p>", id="1.5MB-on-one-line"),
    ],
)
def test_pathological_pages_are_cut_to_linear_work(page: str) -> None:
    """Bounded work is shown structurally (speed itself is measured by `make bench`)."""
    html = f"<html><head><title>Harbour</title></head><body><article>{_ARTICLE}</article>{page}"
    tree = parse_page(html + "</body></html>")
    assert tree is not None
    assert sum(1 for _ in tree.iter()) <= MAX_ELEMENTS + 1
    assert is_heavy(tree)
    story = parse(html + "</body></html>")
    assert story.paragraphs[0].startswith("Paragraph 0 of the story")


def _block(text: str, kind: BlockKind = "p", link_share: float = 0.0) -> Block:
    return Block(kind, (text,), link_share)


_META = PageMeta(
    title="Ferry resumes",
    headlines=("Ferry resumes",),
    descriptions=("The ferry carried its first passengers in six weeks on Thursday morning.",),
    authors=("Maria Lund",),
    publisher=None,
    published_text=None,
    published_at=None,
    canonical_url=None,
    lang=None,
)


def test_a_lead_paragraph_that_repeats_the_description_stays() -> None:
    lead = _block("The ferry carried its first passengers in six weeks on Thursday morning.")
    blocks = [_block("Ferry resumes", "head"), lead, _block("Four hundred people used it.")]
    assert article_paragraphs(blocks, _META) == [lead.text, "Four hundred people used it."]


LONG = "Four hundred people used the ferry on its first day back, the operator said. " * 3


def test_controls_above_the_body_are_not_body_and_a_short_first_sentence_is() -> None:
    blocks = [_block("Share"), _block("1 / 8"), _block("It is back."), _block(LONG)]
    assert article_paragraphs(blocks, _META) == ["It is back.", LONG]


def test_a_few_words_below_the_start_of_the_body_stay() -> None:
    blocks = [_block(LONG), _block("Timetable changes"), _block(LONG)]
    assert article_paragraphs(blocks, _META) == [LONG, "Timetable changes", LONG]


def test_a_box_title_in_the_second_half_goes_with_the_links_under_it() -> None:
    box = [_block("More on this story", "head"), _block("Ferry fares to rise", link_share=1.0)]
    blocks = [_block(LONG), _block(LONG), *box, _block("Tags", link_share=0.0)]
    assert article_paragraphs(blocks, _META) == [LONG, LONG]


def test_a_subhead_with_body_under_it_stays() -> None:
    blocks = [_block(LONG), _block("What comes next", "head"), _block(LONG)]
    assert article_paragraphs(blocks, _META) == [LONG, "What comes next", LONG]


def _unconfirmed(text: str, kind: BlockKind = "p", link_share: float = 0.0) -> Block:
    return Block(kind, (text,), link_share, precise=False)


def test_weak_blocks_only_the_lenient_extraction_kept_go_anywhere() -> None:
    weak = [
        _unconfirmed("Home | News | Sport", "row"),
        _unconfirmed("Ferry timetable", link_share=1.0),
        _unconfirmed("Photo gallery"),
    ]
    strong = [
        _unconfirmed("What comes next", "head"),
        _unconfirmed("https://example.org/report.pdf", link_share=1.0),
        _unconfirmed("It is back."),
        _unconfirmed(LONG),
    ]
    blocks = [_block(LONG), weak[0], strong[0], weak[1], _block(LONG), *strong[1:], weak[2]]
    assert drop_unconfirmed(blocks) == [_block(LONG), strong[0], _block(LONG), *strong[1:]]


def test_unconfirmed_blocks_stay_when_the_precision_run_read_another_part_of_the_page() -> None:
    blocks = [_block("It is back."), _unconfirmed(LONG), _unconfirmed("Photo gallery")]
    assert drop_unconfirmed(blocks) == blocks


def test_when_every_block_looks_like_furniture_the_extraction_is_kept() -> None:
    blocks = [_block("Ferry resumes", "head"), _block("Timetable", "head")]
    assert article_paragraphs(blocks, _META) == ["Timetable"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Maria Lund and Tom Okafor", True),
        ("By Maria Lund, Reuters | May 2, 2024", True),
        ("Staff reports", True),
        ("By Monday, twenty people had been rescued from the flats.", False),
        ("By the end of the year the line will be finished.", False),
    ],
)
def test_bylines(text: str, expected: bool) -> None:
    assert is_byline(text) is expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (_block("Related: Storm bill passes ten million", link_share=0.8), True),
        (_block("DON'T MISS"), True),
        (_block("Council unveils plan for bus lanes", link_share=1.0), True),
        (_block("https://example.org/report.pdf", link_share=1.0), False),
        (_block("Tide tables", "head", link_share=1.0), False),
        (_block("Trending stocks rose on Monday after the bank cut rates."), False),
        (_block("The mayor, " + "who spoke at length " * 10, link_share=1.0), False),
    ],
)
def test_promotions(block: Block, expected: bool) -> None:
    assert is_promotion(block) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sign up for our newsletter to get the news in your inbox.", True),
        ("Follow us on Twitter @coastline", True),
        ("© 2024 Coastline Daily. All rights reserved.", True),
        ("Additional reporting by Tom Okafor", True),
        ("copyright Coastline Media 2019 - ISSN: 1234-5678", True),
        ("Get Coastline Monthly delivered through your letterbox. 12 issues for £9.99.", True),
        ("Copyright law changed in 2019, the court said.", False),
        ("The email landed in his inbox on Monday, police said.", False),
        ("Many residents share this view of the plan.", False),
        (
            "It was a hard year. We know we left some things out. Leave a comment and tell us.",
            False,
        ),
    ],
)
def test_sign_offs(text: str, expected: bool) -> None:
    assert is_sign_off(_block(text)) is expected
