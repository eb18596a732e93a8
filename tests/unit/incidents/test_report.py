"""A report from an enriched article: how totals were stated, where, when, who."""

from __future__ import annotations

from datetime import UTC, date, datetime

from newsstream.incidents import build_report
from newsstream.incidents.when import event_date_of
from newsstream.models import (
    Article,
    CasualtyFinding,
    CasualtyKind,
    CasualtyTotals,
    CountQualifier,
    EntityFinding,
    Location,
    Place,
    Span,
)
from newsstream.models.incident import TotalMethod

NASHVILLE = Place(name="Nashville", country_code="US", geonames_id=4644585, feature="city")
ISRAEL = Place(name="Israel", country_code="IL", geonames_id=294640, feature="country")
SYRIA = Place(name="Syria", country_code="SY", geonames_id=163843, feature="country")
DAMASCUS = Place(name="Damascus", country_code="SY", geonames_id=170654, feature="city")


def _article(body: str, title: str = "A headline") -> Article:
    when = datetime(2024, 3, 7, 15, 0, tzinfo=UTC)  # a Thursday
    return Article(
        event_id="e",
        article_id="art-1",
        producer="test",
        url="https://example.org/a",
        title=title,
        publisher="Example",
        published_at=when,
        published_text=None,
        lang="en",
        body=body,
        word_count=len(body.split()),
        content_hash="h1",
        page_id="p",
        position=0,
        fetched_at=when,
        parsed_at=when,
    )


def _figure(
    figure_id: str,
    count: int,
    sentence: str,
    *,
    kind: CasualtyKind = CasualtyKind.KILLED,
    is_total: bool = True,
    part_of: str | None = None,
    location: Location | None = None,
    time_text: str | None = None,
    start: int = 0,
) -> CasualtyFinding:
    return CasualtyFinding(
        figure_id=figure_id,
        count=count,
        count_qualifier=CountQualifier.EXACT,
        kind=kind,
        is_total=is_total,
        part_of=part_of,
        location=location,
        time_text=time_text,
        evidence=Span(text=sentence, start=start, end=start + len(sentence)),
    )


def _entity(name: str, label: str, salience: float, place: Place | None = None,
            start: int = 0) -> EntityFinding:  # fmt: skip
    mention = Span(text=name, start=start, end=start + len(name))
    return EntityFinding(
        name=name,
        label=label,
        mentions=[mention],
        mention_count=1,
        salience=salience,
        place=place,
    )


def test_how_each_total_was_stated() -> None:
    body = "The death toll rose to 12. Five people were injured. Three were arrested, two held."
    figures = [
        _figure("f1", 12, "The death toll rose to 12."),
        _figure("f2", 5, "Five people were injured.", kind=CasualtyKind.INJURED),
        _figure("f3", 3, "Three were arrested.", kind=CasualtyKind.ARRESTED, is_total=False),
        _figure("f4", 2, "two held.", kind=CasualtyKind.ARRESTED, is_total=False),
    ]
    totals = CasualtyTotals(killed=12, injured=5, arrested=5)
    made = build_report(_article(body), [], figures, totals)
    assert made.figures[CasualtyKind.KILLED].method is TotalMethod.SUPERSEDING
    assert made.figures[CasualtyKind.INJURED].method is TotalMethod.LATEST_STATED
    assert made.figures[CasualtyKind.ARRESTED].method is TotalMethod.SUM_OF_PARTS
    assert made.figures[CasualtyKind.ARRESTED].count == 5
    assert CasualtyKind.MISSING not in made.figures


def test_a_toll_noun_with_a_rising_verb_is_an_update() -> None:
    sentence = "The death toll topped 1,000, a monitor said."
    made = build_report(
        _article(sentence), [], [_figure("f1", 1000, sentence)], CasualtyTotals(killed=1000)
    )
    assert made.figures[CasualtyKind.KILLED].method is TotalMethod.SUPERSEDING


def test_the_place_is_in_the_country_the_article_is_most_about() -> None:
    """A figure placed abroad by mistake does not carry the report out of its country."""
    sentence = "Fifteen were killed in strikes."
    abroad = Location(text="Israel", place=ISRAEL)
    entities = [
        _entity("Damascus", "GPE", 0.55, DAMASCUS),
        _entity("Syria", "GPE", 0.54, SYRIA),
        _entity("Israel", "GPE", 0.46, ISRAEL),
    ]
    made = build_report(
        _article(sentence),
        entities,
        [_figure("f1", 15, sentence, location=abroad)],
        CasualtyTotals(killed=15),
    )
    assert made.country == "SY"
    assert made.place == DAMASCUS
    assert made.admin1 is None  # regions are used only where GeoNames lists them (the US)


def test_us_city_gets_its_state_and_weekday_gives_the_event_date() -> None:
    sentence = "Kevin Barbee was shot dead in Nashville on Tuesday."
    entities = [
        _entity("Nashville", "GPE", 0.6, NASHVILLE, start=sentence.index("Nashville")),
        _entity("Kevin Barbee", "PERSON", 0.7),
        _entity("Glass", "PERSON", 0.2, start=200),
    ]
    figure = _figure(
        "f1",
        1,
        sentence,
        location=Location(text="Nashville", place=NASHVILLE),
        time_text="on Tuesday",
    )
    made = build_report(_article(sentence), entities, [figure], CasualtyTotals(killed=1))
    assert (made.country, made.admin1, made.place_text) == ("US", "TN", "Nashville")
    assert made.event_date == date(2024, 3, 5)
    assert made.people == ["kevin barbee"]  # single names are too ambiguous to compare
    assert made.victims == ["Kevin Barbee"]  # named inside the figure's sentence
    assert len(made.signature) == 64


def test_event_dates_from_time_words() -> None:
    thursday = date(2024, 3, 7)
    assert event_date_of(thursday, "Tuesday evening") == date(2024, 3, 5)
    assert event_date_of(thursday, "early Thursday") == thursday
    assert event_date_of(thursday, "Friday") == date(2024, 3, 1)
    assert event_date_of(thursday, "yesterday") == date(2024, 3, 6)
    assert event_date_of(thursday, "last month") is None
    assert event_date_of(thursday, None) is None
