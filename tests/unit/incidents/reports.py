"""Reports made by hand and by hypothesis, for the linker's tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from newsstream.incidents import Report, ReportFigure
from newsstream.models import CasualtyKind, Place
from newsstream.models.incident import TotalMethod

BASE = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
PEOPLE = ("ann lee", "bo chan", "cy dee", "dov ess")
#: Three unrelated texts' signatures; a report's is one of them with some positions changed.
TEXTS = tuple([1000 * t + i for i in range(64)] for t in range(3))
CITIES = {
    "nashville": Place(name="Nashville", country_code="US", geonames_id=4644585, feature="city"),
    "memphis": Place(name="Memphis", country_code="US", geonames_id=4641239, feature="city"),
    "houston": Place(name="Houston", country_code="US", geonames_id=4699066, feature="city"),
}
ADMIN1 = {"nashville": "TN", "memphis": "TN", "houston": "TX"}


def report(
    article_id: str,
    hours: float = 0.0,
    *,
    people: tuple[str, ...] = (),
    text: int | None = None,
    city: str | None = None,
    country: str | None = None,
    figures: dict[CasualtyKind, tuple[int, TotalMethod]] | None = None,
    revision: str = "r1",
) -> Report:
    """A report `hours` after BASE; `text` picks one of the signatures of TEXTS."""
    place = CITIES[city] if city else None
    return Report(
        article_id=article_id,
        revision=revision,
        published_at=BASE + timedelta(hours=hours),
        place=place,
        place_text=place.name if place else None,
        country=place.country_code if place else country,
        admin1=ADMIN1[city] if city else None,
        people=sorted(people),
        signature=list(TEXTS[text]) if text is not None else [],
        figures={
            kind: ReportFigure(count=count, method=method)
            for kind, (count, method) in (figures or {}).items()
        },
    )


@st.composite
def reports(draw: st.DrawFn, max_size: int = 14, max_hours: int = 24 * 20) -> list[Report]:
    """Adversarial sets: few places, people and texts shared among many reports, close and
    equal times, every kind of figure; article ids unique."""
    size = draw(st.integers(min_value=1, max_value=max_size))
    made = []
    for index in range(size):
        hours = draw(st.integers(min_value=0, max_value=max_hours))
        city = draw(st.sampled_from([None, *CITIES]))
        country = None if city else draw(st.sampled_from([None, "US", "SY"]))
        text = draw(st.sampled_from([None, 0, 1, 2]))
        signature: list[int] = []
        if text is not None:
            signature = list(TEXTS[text])
            for position in draw(st.lists(st.integers(0, 63), max_size=64)):
                signature[position] = -1 - position
        figures = draw(
            st.dictionaries(
                st.sampled_from([CasualtyKind.KILLED, CasualtyKind.INJURED]),
                st.builds(
                    ReportFigure,
                    count=st.integers(min_value=0, max_value=6),
                    method=st.sampled_from(list(TotalMethod)),
                ),
                max_size=2,
            )
        )
        published = BASE + timedelta(hours=hours)
        made.append(
            Report(
                article_id=f"article-{index:03d}",
                published_at=published,
                place=CITIES[city] if city else None,
                country=CITIES[city].country_code if city else country,
                admin1=ADMIN1[city] if city else None,
                people=sorted(draw(st.sets(st.sampled_from(PEOPLE), max_size=2))),
                signature=signature,
                figures=figures,
                event_date=draw(
                    st.sampled_from([None, published.date(), published.date() - timedelta(days=1)])
                ),
                time_text=draw(st.sampled_from([None, "Tuesday"])),
                victims=draw(st.lists(st.sampled_from(["Ann Lee", "two men"]), max_size=2)),
            )
        )
    return made


def day(offset: int) -> date:
    return BASE.date() + timedelta(days=offset)
