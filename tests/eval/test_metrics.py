"""The evaluation's own logic: wrong metrics or wrong grouping would make every figure a lie."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.eval import metrics
from tests.eval.service import ServiceError, group, unique_urls
from tests.eval.sets import AnnotatedPage, GoldStory, Incident


@dataclass(frozen=True)
class Parsed:
    title: str | None
    body: str
    publisher: str | None = None
    published_text: str | None = None


def _gold(title: str, first: str, last: str, **entities: tuple[str, ...]) -> GoldStory:
    return GoldStory(title, None, None, first, last, entities, ())


PAGE = AnnotatedPage(
    set_name="pages-dev",
    name="two-stories",
    raw="unused",
    stories=(
        _gold("Fire at the harbour", "A fire broke out", "no one was hurt."),
        _gold("Council votes", "The council voted", "next spring."),
    ),
    boilerplate=("Share this article", "Read more"),
    content_type=None,
    url=None,
)


def test_score_page_counts_each_kind_of_error() -> None:
    stories = [
        Parsed("Fire at the harbour", "A fire broke out\n\nat dawn; no one was hurt."),
        Parsed("Council", "The council voted on the budget. Share this article"),
        Parsed("Cookie notice", "We use cookies."),
    ]
    score = metrics.score_page(PAGE, stories)
    assert score.counts() == {
        "expected": 2,
        "found": 2,
        "titles": 1,
        "starts": 2,
        "ends": 1,
        "bodies": 1,
        "publishers": 2,
        "dates": 2,
        "leaks": 1,
        "invented": 1,
    }
    assert score.matches == {0: 0, 1: 1}
    assert not score.targets(pages=1)["invented per 10 pages"][2]


def test_a_story_is_matched_once_and_in_page_order() -> None:
    same = Parsed("Fire at the harbour", "A fire broke out; no one was hurt.")
    score = metrics.score_page(PAGE, [same, same])
    assert (score.found, score.invented) == (1, 1)
    assert "missing: 'Council votes' / 'The council voted'" in score.notes


def test_leaks_are_whole_words_only() -> None:
    assert metrics.leaked_lines([Parsed(None, "Already read more than once")], ["Read more"]) == []
    assert metrics.leaked_lines([Parsed(None, "Foo. Read more")], ["Read more"]) == ["Read more"]


def test_tally_is_a_multiset_comparison() -> None:
    tally = metrics.Tally()
    tally.add([(3, "killed"), (3, "killed"), (5, "injured")], [(3, "killed"), (2, "missing")])
    assert (tally.tp, tally.fp, tally.fn) == (1, 2, 1)
    assert tally.prf() == pytest.approx((1 / 3, 1 / 2, 0.4))


def test_entities_match_on_names_or_aliases_once_each() -> None:
    scores = metrics.EnrichScores()
    gold = {"PERSON": ("Gideon Sa'ar",), "ORG": ("the United Nations",), "GPE": (), "LOC": ()}
    predicted = [
        ("PERSON", "Gideon Saar", ()),
        ("PERSON", "Sa'ar", ("Gideon Sa'ar",)),  # the same gold name cannot be hit twice
        ("ORG", "UN", ("United Nations",)),
        ("GPE", "Israel", ()),
    ]
    misses = metrics.match_entities(predicted, gold, scores)
    person, org, gpe = (scores.entities[k] for k in ("PERSON", "ORG", "GPE"))
    assert (person.tp, person.fp, person.fn) == (1, 1, 0)
    assert (org.tp, org.fp, org.fn) == (1, 0, 0)
    assert (gpe.tp, gpe.fp, gpe.fn) == (0, 1, 0)
    assert len(misses) == 2


def test_a_story_the_parser_missed_counts_all_its_gold_as_missed() -> None:
    scores = metrics.EnrichScores()
    story = GoldStory("t", None, None, "a", "b", {"GPE": ("Kabul",)}, ((3, "killed"),))
    metrics.score_missing_story(scores, "page#0", story)
    assert (scores.entities["GPE"].fn, scores.figures.fn, scores.stories) == (1, 1, 1)


def test_summary_null_is_zero_and_no_summary_is_wrong() -> None:
    assert metrics.summary_pair({"killed": 4, "injured": None}) == (4, 0)
    scores = metrics.SummaryScores()
    scores.add(Incident("a", "", killed=4, wounded=0), (4, 0))
    scores.add(Incident("b", "", killed=0, wounded=0), None)
    assert (scores.killed, scores.wounded, scores.both, scores.no_summary) == (1, 1, 1, 1)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("killing 1,200 people", 1200),
        ("Twenty-one were hurt", 21),
        ("a dozen wounded", 12),
        ("around 2 dozen others", 24),
        ("one hundred and five", 105),
        ("three hundred", 300),
    ],
)
def test_numbers_in_text_reads_digits_and_words(text: str, number: int) -> None:
    assert number in metrics.numbers_in_text(text)


def test_the_article_a_is_not_a_number() -> None:
    assert metrics.numbers_in_text("A man was shot") == set()


def test_ceiling_counts_coded_numbers_the_text_never_states() -> None:
    incidents = [
        Incident("sum", "killing 31 and injuring 17 on the bus and 1 more later", 31, 18),
        Incident("none", "Three were killed.", 3, 0),
    ]
    result = metrics.ceiling(incidents)
    assert (result.coded, result.absent_killed, result.absent_wounded) == (3, 0, 1)
    assert result.reachable() == {"killed": 2, "wounded": 1, "both": 1}


def test_benchmark_aggregates_as_the_readme_says() -> None:
    score = metrics.BenchmarkScore()
    score.add("p1", "one two three four five", "one two three four five")
    score.add("p2", "", "alpha beta gamma delta")  # empty: left out of precision, recall 0
    figures = score.figures()
    assert figures["precision"] == 1.0
    assert figures["recall"] == 0.5
    assert figures["accuracy"] == 0.5
    assert score.empty == 1


def _event(event_type: str, **data: Any) -> dict[str, Any]:
    return {"type": f"news.{event_type}.v1", "data": data}


def _article(url: str, article_id: str, position: int = 0) -> dict[str, Any]:
    return _event("article", url=url, article_id=article_id, position=position, body="b")


def test_group_gives_enrichment_to_the_page_printed_last() -> None:
    urls = ["u1", "u2", "u3"]
    events = [
        _article("u1", "same"),
        _event("entity", article_id="same", name="Kabul", label="GPE", aliases=[]),
        _article("u2", "same"),  # the same story on a second page: the same article_id
        _event("casualty", article_id="same", count=3, kind="killed", is_total=True),
        _event("casualty_summary", article_id="same", totals={"killed": 3}),
        _event("dead_letter", error={"type": "no_article"}, original={"value": "x", "offset": 3}),
    ]
    pages = group(events, urls)
    first, second = pages["u1"].articles[0], pages["u2"].articles[0]
    assert [e.name for e in first.entities] == ["Kabul"]
    assert (first.casualties, first.totals) == ([], None)
    assert [c.count for c in second.casualties] == [3]
    assert second.totals == {"killed": 3}
    assert [d.error_type for d in pages["u3"].dead_letters] == ["no_article"]


def test_group_refuses_events_it_cannot_place() -> None:
    with pytest.raises(ServiceError):
        group([_event("entity", article_id="nowhere", name="x", label="ORG")], ["u1"])


def test_unique_urls_replace_missing_and_repeated_ones() -> None:
    assert unique_urls(["a", None, "a"], "set") == [
        "a",
        "https://eval.invalid/set/1",
        "https://eval.invalid/set/2",
    ]
