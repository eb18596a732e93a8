"""Properties of `Enricher.enrich` on arbitrary text: it never raises, offsets always point at
the text they quote, counts are never negative, and parts refer to figures that exist."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.enrich import Enricher, Enrichment
from newsstream.enrich.language import english_view
from newsstream.models import Article
from tests.unit.enrich.helpers import make_article

_VOCABULARY = (
    "killed wounded injured died dead missing abducted kidnapped arrested captured evacuated "
    "displaced eliminated executed shot people civilians soldiers fighters children women "
    "others of whom them including another Another at least more than nearly some dozens "
    "hundreds dozen a the toll death rose to included and or were was in by The dead They also "
    "Syria Sweida Israel 'Israel' Israel's US U.S. America President Trump Donald Sheikh Naim "
    "Qassem Observatory Druze Bedouin Monday since last weekend 21-year-old $10 billion 40% 1974"
)
_WORDS = _VOCABULARY.split()
_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=1000, max_value=10**7).map(lambda n: f"{n:,}"),
    st.sampled_from(["one", "three", "twelve", "twenty-one", "a hundred", "1.5 million"]),
)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    _NUMBERS,
    st.sampled_from([".", ",", ";", ":", "—", "(AP)", '"', "'", "\n\n", "\n", "ISTANBUL", "-"]),
    st.text(max_size=6),
)
_NEWSY = st.lists(_PIECES, max_size=60).map(" ".join)
_TEXT = st.one_of(st.text(max_size=200), _NEWSY)
_ARTICLES = st.lists(
    st.tuples(st.one_of(st.none(), _TEXT), _TEXT, st.sampled_from(["en", None, "en-GB", "de"])),
    min_size=1,
    max_size=3,
)

PROPERTY_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _articles(specs: list[tuple[str | None, str, str | None]]) -> list[Article]:
    return [
        make_article(body, title, lang=lang, index=i) for i, (title, body, lang) in enumerate(specs)
    ]


def _field_text(article: Article, field: str) -> str:
    return article.body if field == "body" else article.title or ""


def check_invariants(article: Article, result: Enrichment) -> None:
    for entity in result.entities:
        assert entity.name
        assert entity.mention_count == len(entity.mentions) >= 1
        assert 0.0 <= entity.salience <= 1.0
        for mention in entity.mentions:
            text = _field_text(article, mention.field)
            assert text[mention.start : mention.end] == mention.text
            assert mention.start < mention.end
    ids = [figure.figure_id for figure in result.casualties]
    assert len(ids) == len(set(ids))
    parents = {figure.figure_id: figure.part_of for figure in result.casualties}
    for figure in result.casualties:
        assert figure.count is None or figure.count >= 0
        if figure.count is None:
            assert figure.count_low is not None
            assert figure.count_high is not None
            assert 0 <= figure.count_low <= figure.count_high
        evidence = figure.evidence
        assert _field_text(article, evidence.field)[evidence.start : evidence.end] == evidence.text
        assert evidence.text.strip()
        if figure.part_of is not None:
            assert figure.part_of in parents
            assert figure.part_of != figure.figure_id
        seen = {figure.figure_id}
        current = figure.part_of
        while current is not None:
            assert current not in seen, "part_of must not loop"
            seen.add(current)
            current = parents[current]
    for value in result.totals.model_dump().values():
        assert value is None or value >= 0


def check_foreign_article(article: Article, result: Enrichment) -> None:
    """An article in another language yields only what its English paragraphs say."""
    view = english_view(article.body, english=False)
    if view is None:
        assert (result.entities, result.casualties) == ([], [])
        assert result.notes
        return
    english = view[0]
    for entity in result.entities:
        for mention in entity.mentions:
            if mention.field == "body":
                assert english[mention.start : mention.end] == mention.text
    for figure in result.casualties:
        if figure.evidence.field == "body":
            evidence = figure.evidence
            assert english[evidence.start : evidence.end] == evidence.text


@PROPERTY_SETTINGS
@given(_ARTICLES)
def test_enrich_never_raises_and_keeps_its_invariants(
    enricher: Enricher, specs: list[tuple[str | None, str, str | None]]
) -> None:
    articles = _articles(specs)
    results = enricher.enrich(articles)
    assert len(results) == len(articles)
    for article, result in zip(articles, results, strict=True):
        check_invariants(article, result)
        if article.lang == "de":
            check_foreign_article(article, result)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLES)
def test_enrich_is_deterministic(
    enricher: Enricher, specs: list[tuple[str | None, str, str | None]]
) -> None:
    articles = _articles(specs)
    assert enricher.enrich(articles) == enricher.enrich(articles)
