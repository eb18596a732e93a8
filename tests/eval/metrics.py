"""Metric logic, in one place: parse scores, entity and casualty scores, benchmark body F1.

Pure functions over plain values. The evaluation runner feeds them what `newsstream process`
printed; the tools in `tests/tools/` feed them what the parser or enricher returns in-process;
both get the same numbers for the same outputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tests.eval.sets import LABELS, AnnotatedPage, GoldStory, Incident
from tests.tools.score_benchmark import page_scores

# ---------------------------------------------------------------------------------------------
# Targets (from the project brief): what "good enough" means for each figure.

TARGET_FOUND = 0.92
TARGET_TITLES = 0.85
TARGET_BODIES = 0.85
TARGET_LEAKS_PER_10_PAGES = 1.0
TARGET_INVENTED_PER_10_PAGES = 1.0
TARGET_BENCHMARK_F1 = 0.975
TARGET_RENDERED_F1 = 0.92  # main-story body of HTML pages rendered to text
TARGET_GAP = 0.03  # in-sample minus held-out, any figure
TARGET_ENTITY_F1 = 0.85
TARGET_CASUALTY_F1 = 0.88
TARGET_SUMMARY_EXACT = 0.90


def norm(text: str) -> str:
    """Whitespace-insensitive text: line breaks and blank lines do not decide a match."""
    return " ".join(text.split())


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# ---------------------------------------------------------------------------------------------
# Parse: stories found, titles, body boundaries, boilerplate leaks, invented articles.


class ParsedStory(Protocol):
    """What the parse scores look at; parse `Story` objects and emitted articles both fit."""

    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> str: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def published_text(self) -> str | None: ...


PARSE_COUNTS = (
    "expected",
    "found",
    "titles",
    "starts",
    "ends",
    "bodies",
    "publishers",
    "dates",
    "leaks",
    "invented",
)


@dataclass
class PageScore:
    """Parse counts for one page (or, summed, for a set)."""

    name: str
    expected: int = 0
    found: int = 0
    titles: int = 0
    starts: int = 0
    ends: int = 0
    bodies: int = 0  # start and end both right
    publishers: int = 0
    dates: int = 0
    leaks: int = 0
    invented: int = 0
    notes: list[str] = field(default_factory=list)
    # gold story index -> index of the parsed story matched to it (by its body's first words)
    matches: dict[int, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {key: int(getattr(self, key)) for key in PARSE_COUNTS}

    def targets(self, pages: int = 1) -> dict[str, tuple[float, str, bool]]:
        """Each targeted figure over `pages` pages: value, target as written, met."""
        leaks, invented = 10 * self.leaks / max(1, pages), 10 * self.invented / max(1, pages)
        found = share(self.found, self.expected)
        titles = share(self.titles, self.expected)
        bodies = share(self.bodies, self.expected)
        return {
            "stories found": (found, f">= {TARGET_FOUND:.0%}", found >= TARGET_FOUND),
            "titles exact": (titles, f">= {TARGET_TITLES:.0%}", titles >= TARGET_TITLES),
            "bodies right": (bodies, f">= {TARGET_BODIES:.0%}", bodies >= TARGET_BODIES),
            "leaks per 10 pages": (
                leaks,
                f"<= {TARGET_LEAKS_PER_10_PAGES:g}",
                leaks <= TARGET_LEAKS_PER_10_PAGES,
            ),
            "invented per 10 pages": (
                invented,
                f"<= {TARGET_INVENTED_PER_10_PAGES:g}",
                invented <= TARGET_INVENTED_PER_10_PAGES,
            ),
        }


def story_matches(story: ParsedStory, gold: GoldStory) -> bool:
    """The matching rule: the gold body's first words appear in the parsed body."""
    first = norm(gold.first_words)
    return bool(first) and first in norm(story.body)


def leaked_lines(stories: Sequence[ParsedStory], boilerplate: Iterable[str]) -> list[str]:
    """Boilerplate lines found, as whole words, inside any parsed body."""
    leaked = []
    for line in boilerplate:
        pattern = re.compile(r"(?<!\w)" + re.escape(norm(line)) + r"(?!\w)")
        if any(pattern.search(norm(story.body)) for story in stories):
            leaked.append(line)
    return leaked


def score_page(
    page: AnnotatedPage, stories: Sequence[ParsedStory], error: str | None = None
) -> PageScore:
    """Match gold stories to parsed ones in page order and count what is right."""
    score = PageScore(page.name, expected=len(page.stories))
    if error:
        score.notes.append(error)
    unused = list(range(len(stories)))
    for gold_index, gold in enumerate(page.stories):
        match = next((i for i in unused if story_matches(stories[i], gold)), None)
        if match is None:
            score.notes.append(f"missing: {gold.title!r} / {gold.first_words!r}")
            continue
        unused.remove(match)
        score.matches[gold_index] = match
        story = stories[match]
        body = norm(story.body)
        score.found += 1
        if story.title == gold.title:
            score.titles += 1
        else:
            score.notes.append(f"title {story.title!r} != {gold.title!r}")
        starts = body.startswith(norm(gold.first_words))
        ends = body.endswith(norm(gold.last_words))
        score.starts += starts
        score.ends += ends
        score.bodies += starts and ends
        if not starts:
            score.notes.append(f"start {body[:60]!r} != {gold.first_words!r}")
        if not ends:
            score.notes.append(f"end {body[-60:]!r} != {gold.last_words!r}")
        if story.publisher == gold.publisher:
            score.publishers += 1
        else:
            score.notes.append(f"publisher {story.publisher!r} != {gold.publisher!r}")
        if story.published_text == gold.published:
            score.dates += 1
        else:
            score.notes.append(f"published {story.published_text!r} != {gold.published!r}")
    for index in unused:
        score.invented += 1
        score.notes.append(f"invented: {stories[index].title!r} / {stories[index].body[:60]!r}")
    leaked = leaked_lines(stories, page.boilerplate)
    score.leaks = len(leaked)
    score.notes.extend(f"leak: {line!r}" for line in leaked)
    return score


def total_score(scores: Iterable[PageScore], name: str = "TOTAL") -> PageScore:
    total = PageScore(name)
    for score in scores:
        for key in PARSE_COUNTS:
            setattr(total, key, getattr(total, key) + getattr(score, key))
    return total


# ---------------------------------------------------------------------------------------------
# Enrichment: entities per label, casualty figures, casualty totals.


@dataclass
class Tally:
    """True and false positives and false negatives, for P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[Any], gold: Iterable[Any]) -> None:
        """Multiset comparison: each gold item can be hit once."""
        p, g = Counter(predicted), Counter(gold)
        hit = sum((p & g).values())
        self.tp += hit
        self.fp += sum(p.values()) - hit
        self.fn += sum(g.values()) - hit

    def __iadd__(self, other: Tally) -> Tally:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def prf(self) -> tuple[float, float, float]:
        precision = share(self.tp, self.tp + self.fp)
        recall = share(self.tp, self.tp + self.fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def f1(self) -> float:
        return self.prf()[2]


# (label, canonical name, aliases) of one predicted entity
Entity = tuple[str, str, Sequence[str]]


@dataclass
class EnrichScores:
    """Entity and casualty-figure tallies over a set of gold stories."""

    entities: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in LABELS})
    figures: Tally = field(default_factory=Tally)
    stories: int = 0
    misses: list[str] = field(default_factory=list)

    def all_entities(self) -> Tally:
        total = Tally()
        for tally in self.entities.values():
            total += tally
        return total


def norm_name(name: str) -> str:
    """Names compared without case, accents, dots, apostrophes, hyphens or a leading "the"."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"['’‘`.]", "", folded)
    folded = re.sub(r"\s+", " ", folded.replace("-", " ")).strip()
    return folded.removeprefix("the ")


def match_entities(
    predicted: Iterable[Entity], gold: Mapping[str, Sequence[str]], scores: EnrichScores
) -> list[str]:
    """Greedy one-to-one matching per label, on canonical names first, then aliases.

    A predicted entity is right when its name or an alias equals a gold name of the same label;
    each gold name counts once. Returns what differed, for the verbose report.
    """
    misses = []
    predicted = list(predicted)
    for label in LABELS:
        wanted = {norm_name(g): g for g in gold.get(label, ())}
        found = [(name, aliases) for lab, name, aliases in predicted if lab == label]
        tally = scores.entities[label]
        unmatched: list[str] = []
        for name, aliases in sorted(found, key=lambda f: norm_name(f[0]) not in wanted):
            keys = [norm_name(name), *(norm_name(a) for a in aliases)]
            hit = next((k for k in keys if k in wanted), None)
            if hit is None:
                tally.fp += 1
                unmatched.append(name)
            else:
                tally.tp += 1
                del wanted[hit]
        tally.fn += len(wanted)
        if unmatched or wanted:
            misses.append(f"{label}: extra {unmatched} missing {sorted(wanted.values())}")
    return misses


def score_story(
    scores: EnrichScores,
    name: str,
    gold: GoldStory,
    entities: Iterable[Entity],
    figures: Iterable[tuple[int, str]],
) -> None:
    """Add one story's entities and (count, kind) figures to the tallies."""
    scores.stories += 1
    misses = match_entities(entities, gold.entities, scores)
    figures = list(figures)
    scores.figures.add(figures, gold.figures)
    if Counter(figures) != Counter(gold.figures):
        misses.append(f"figures: got {sorted(figures)} gold {sorted(gold.figures)}")
    if misses:
        scores.misses.append(f"{name}\n" + "\n".join(f"    {m}" for m in misses))


def score_missing_story(scores: EnrichScores, name: str, gold: GoldStory) -> None:
    """A gold story the parser did not deliver: everything it holds is missed."""
    score_story(scores, f"{name} (story not found by the parser)", gold, [], [])


@dataclass
class SummaryScores:
    """Per-incident casualty summaries against the coded killed and wounded numbers."""

    incidents: int = 0
    killed: int = 0
    wounded: int = 0
    both: int = 0
    no_summary: int = 0  # incidents for which nothing was emitted (dead-lettered, or no article)
    misses: list[str] = field(default_factory=list)

    def add(self, incident: Incident, got: tuple[int, int] | None) -> None:
        """`got` is (killed, injured) with null totals as 0, or None when no summary came out."""
        self.incidents += 1
        if got is None:
            self.no_summary += 1
            self.misses.append(f"{incident.id}: no summary, coded {incident_codes(incident)}")
            return
        killed, wounded = got
        self.killed += killed == incident.killed
        self.wounded += wounded == incident.wounded
        self.both += killed == incident.killed and wounded == incident.wounded
        if got != incident_codes(incident):
            self.misses.append(f"{incident.id}: got {got} coded {incident_codes(incident)}")

    def rates(self) -> dict[str, float]:
        return {
            "killed": share(self.killed, self.incidents),
            "wounded": share(self.wounded, self.incidents),
            "both": share(self.both, self.incidents),
        }


def incident_codes(incident: Incident) -> tuple[int, int]:
    return incident.killed, incident.wounded


def summary_pair(totals: Mapping[str, int | None]) -> tuple[int, int]:
    """Summary totals as (killed, wounded): a null total counts as 0, as the data codes it."""
    return int(totals.get("killed") or 0), int(totals.get("injured") or 0)


# ---------------------------------------------------------------------------------------------
# The naive baseline: spaCy's entities as they come, and a regular-expression figure counter.

_SMALL_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve"
_BASELINE_WORDS = {word: value for value, word in enumerate(_SMALL_NUMBERS.split())}
_BASELINE_FIGURE = re.compile(
    r"\b(\d[\d,]*|" + "|".join(_BASELINE_WORDS) + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(killed|dead|died|injured|wounded|hurt|missing|kidnapped|abducted|arrested|displaced)\b",
    re.IGNORECASE,
)
_BASELINE_KINDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "injured": "injured",
    "wounded": "injured", "hurt": "injured", "missing": "missing", "kidnapped": "kidnapped",
    "abducted": "kidnapped", "arrested": "arrested", "displaced": "displaced",
}  # fmt: skip


def baseline_figures(text: str) -> list[tuple[int, str]]:
    """A number followed within four words by a casualty word; each (count, kind) once."""
    found = set()
    for match in _BASELINE_FIGURE.finditer(text):
        raw = match.group(1).lower().replace(",", "")
        count = _BASELINE_WORDS.get(raw, int(raw) if raw.isdigit() else -1)
        if count >= 0:
            found.add((count, _BASELINE_KINDS[match.group(2).lower()]))
    return sorted(found)


def baseline_totals(text: str) -> tuple[int, int]:
    """The baseline's summary: the largest killed and injured figure, 0 when none."""
    figures = baseline_figures(text)
    return (
        max((c for c, k in figures if k == "killed"), default=0),
        max((c for c, k in figures if k == "injured"), default=0),
    )


def baseline_entities(nlp: Any, title: str | None, body: str) -> list[Entity]:
    """spaCy's entities of the four labels in title and body, each (label, text) once."""
    seen: set[tuple[str, str]] = set()
    for text in (title or "", body):
        for ent in nlp(text).ents:
            if ent.label_ in LABELS:
                seen.add((ent.label_, ent.text))
    return [(label, name, ()) for label, name in sorted(seen)]


# ---------------------------------------------------------------------------------------------
# The ceiling on casualties-dev: coded numbers that the text never states.

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+|[a-z]+")


def numbers_in_text(text: str) -> set[int]:
    """Every number the text states, in digits ("1,200") or words ("twenty-one", "a dozen")."""
    tokens = _WORD.findall(text.lower().replace("-", " "))
    found: set[int] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token[0].isdigit():
            number = int(token.replace(",", ""))
            found.add(number)
            after = tokens[index + 1] if index + 1 < len(tokens) else ""
            if after == "dozen" or after in _SCALES:  # "2 dozen", "3 hundred"
                found.add(number * (12 if after == "dozen" else _SCALES[after]))
            index += 1
            continue
        value, current, used = 0, 0, 0
        while index + used < len(tokens):
            word = tokens[index + used]
            if word in _TENS:
                current += _TENS[word]
            elif word in _UNITS and not (word in ("a", "an") and current):
                current = current * 12 if word == "dozen" and current else current + _UNITS[word]
            elif word in _SCALES and current:
                value += current * _SCALES[word]
                current = 0
            elif word == "and" and value and not current:  # "one hundred and five"
                pass
            else:
                break
            used += 1
        if used and not (used == 1 and token in ("a", "an")):  # "a" alone is not a number
            found.add(value + current)
        index += max(used, 1)
    return found


@dataclass
class Ceiling:
    """How far reading the stated numbers can go on casualties-dev.

    A coded number that the text never states (a sum, or a figure from elsewhere) cannot be
    matched by an extractor of stated figures; 0 ("none stated") needs no number.
    """

    incidents: int = 0
    coded: int = 0  # nonzero coded numbers
    absent_killed: int = 0  # nonzero coded killed numbers the text does not state
    absent_wounded: int = 0
    reachable_both: int = 0  # incidents whose every nonzero coded number is stated
    absent: list[str] = field(default_factory=list)

    def reachable(self) -> dict[str, int]:
        return {
            "killed": self.incidents - self.absent_killed,
            "wounded": self.incidents - self.absent_wounded,
            "both": self.reachable_both,
        }


def ceiling(incidents: Iterable[Incident]) -> Ceiling:
    """Count the coded numbers missing from each incident's text."""
    result = Ceiling()
    for incident in incidents:
        stated = numbers_in_text(incident.text)
        result.incidents += 1
        killed = bool(incident.killed) and incident.killed not in stated
        wounded = bool(incident.wounded) and incident.wounded not in stated
        result.coded += bool(incident.killed) + bool(incident.wounded)
        result.absent_killed += killed
        result.absent_wounded += wounded
        result.reachable_both += not (killed or wounded)
        if killed or wounded:
            result.absent.append(
                f"{incident.id}: coded {incident_codes(incident)}, not stated:"
                + (f" killed {incident.killed}" if killed else "")
                + (f" wounded {incident.wounded}" if wounded else "")
            )
    return result


# ---------------------------------------------------------------------------------------------
# The HTML benchmark: per-page scores from tests/tools/score_benchmark.py, aggregated as the
# benchmark's README says (means over pages with shingles, F1 of the two means).


@dataclass
class BenchmarkScore:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    exact: int = 0
    pages: int = 0
    empty: int = 0  # pages with no body at all (dead-lettered, or nothing extracted)
    worst: list[tuple[float, str]] = field(default_factory=list)  # (page F1, page id)

    def add(self, page_id: str, predicted: str, truth: str) -> None:
        precision, recall, same = page_scores(predicted, truth)
        self.pages += 1
        self.empty += not predicted.strip()
        self.exact += same
        if precision is not None:
            self.precisions.append(precision)
        if recall is not None:
            self.recalls.append(recall)
        p, r = precision or 0.0, recall or 0.0
        self.worst.append((2 * p * r / (p + r) if p + r else 0.0, page_id))

    def figures(self) -> dict[str, float]:
        precision = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        recall = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "accuracy": share(self.exact, self.pages),
        }
