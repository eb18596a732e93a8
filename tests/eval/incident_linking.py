"""Incidents: articles grouped into incidents against a registry's incidents (`--part incidents`).

Every article of casualties-gva-dev goes through the real parse and enrichment as a raw text
page (cached, see `incident_articles`), becomes a `Report`, and is linked per partition key in
the order of the articles' dates. Beside the linker, two baselines from the same reports: one
incident per article, and one incident per resolved place and published day. Scores:

- B-cubed precision, recall and F1 of the grouping of articles against the registry's
  incident ids (each article weighs the same; an article that yielded nothing is alone);
- per registry incident, the predicted incident holding most of its articles: is its killed
  (injured) total the registry's number (an absent total counts as 0)?
- predicted incidents per registry incident (1.0 is right; more is splitting).

Held-out: the registry incidents are cut in two halves by a hash of their id (as the coded sets
are). The threshold is chosen on one half and scored on the other, both ways, beside the
default policy on each half and the in-sample choice on all.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsstream.incidents import (
    IncidentLinker,
    LinkPolicy,
    Report,
    build_report,
    partition_key,
)
from newsstream.incidents.totals import current_totals
from newsstream.models import CasualtyKind
from newsstream.models.incident import IncidentTotals
from tests.eval.coded import DEV, HELD_OUT, half_of
from tests.eval.incident_articles import Enriched, enriched_gva

#: Thresholds tried when one is chosen on a half (the default lies among them).
THRESHOLDS = tuple(round(0.05 + 0.05 * i, 2) for i in range(16))


@dataclass(frozen=True)
class Row:
    """One article: its registry incident and numbers, and its report (None: no article)."""

    id: str
    incident: str
    killed: int
    injured: int
    report: Report | None


@dataclass(frozen=True)
class Grouping:
    """Predicted incidents: row id -> incident key, and each incident's totals."""

    of_row: Mapping[str, str]
    totals: Mapping[str, IncidentTotals]


@dataclass(frozen=True)
class Scores:
    rows: int
    incidents: int
    precision: float
    recall: float
    killed: float
    injured: float
    per_incident: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total

    def figures(self) -> dict[str, float]:
        return {
            "rows": self.rows,
            "incidents": self.incidents,
            "b3_precision": round(self.precision, 4),
            "b3_recall": round(self.recall, 4),
            "b3_f1": round(self.f1, 4),
            "killed_exact": round(self.killed, 4),
            "injured_exact": round(self.injured, 4),
            "predicted_per_incident": round(self.per_incident, 4),
        }


def rows_of(enriched: Sequence[Enriched]) -> list[Row]:
    """Reports of the enriched articles, in the order given (the articles' dates)."""
    rows = []
    for item in enriched:
        report = None
        if item.article is not None and item.summary is not None:
            report = build_report(item.article, item.entities, item.casualties, item.summary.totals)
        row = item.row
        rows.append(Row(row.id, row.incident_id, row.killed, row.injured, report))
    return rows


# --- groupings ----------------------------------------------------------------------------------


def _singleton_key(row: Row) -> str:
    return f"row:{row.id}"


def link(rows: Sequence[Row], policy: LinkPolicy) -> Grouping:
    """The linker, one instance per partition key, fed in the rows' order."""
    linkers: dict[str, IncidentLinker] = {}
    final: dict[str, IncidentTotals] = {}
    member_of: dict[str, str] = {}
    for row in rows:
        if row.report is None:
            continue
        key = partition_key(row.report)
        linker = linkers.setdefault(key, IncidentLinker(policy))
        outcome = linker.add(row.report)
        for retired in outcome.retired:
            final.pop(retired, None)
        for incident in [*outcome.closed, *([outcome.updated] if outcome.updated else [])]:
            final[incident.incident_id] = incident.totals
            for member in incident.reports:
                member_of[member.article_id] = incident.incident_id
    for linker in linkers.values():
        for incident in linker.close_all():
            final[incident.incident_id] = incident.totals
            for member in incident.reports:
                member_of[member.article_id] = incident.incident_id
    of_row = {
        row.id: member_of[row.report.article_id] if row.report else _singleton_key(row)
        for row in rows
    }
    return Grouping(of_row, final)


def _grouped(rows: Sequence[Row], key: Callable[[Row], str]) -> Grouping:
    """Rows grouped by `key`; each group's totals from its reports, as the linker makes them."""
    of_row = {row.id: key(row) for row in rows}
    members: dict[str, list[Report]] = defaultdict(list)
    for row in rows:
        if row.report is not None:
            members[of_row[row.id]].append(row.report)
    totals = {group: current_totals(reports) for group, reports in members.items()}
    return Grouping(of_row, totals)


def per_article(rows: Sequence[Row]) -> Grouping:
    """Baseline: every article its own incident."""
    return _grouped(rows, _singleton_key)


def place_and_day(rows: Sequence[Row]) -> Grouping:
    """Baseline: one incident per resolved place and published day (no place: alone)."""

    def key(row: Row) -> str:
        report = row.report
        if report is None or report.place is None:
            return _singleton_key(row)
        place = report.place.geonames_id or f"{report.place.country_code}:{report.place.name}"
        return f"{place}@{report.published_at.date().isoformat()}"

    return _grouped(rows, key)


# --- scores -------------------------------------------------------------------------------------


def score(rows: Sequence[Row], grouping: Grouping) -> Scores:
    """B-cubed against the registry, the killed and injured of each registry incident's main
    predicted incident, and predicted incidents per registry incident."""
    predicted: dict[str, set[str]] = defaultdict(set)
    gold: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        predicted[grouping.of_row[row.id]].add(row.id)
        gold[row.incident].add(row.id)
    precision = recall = 0.0
    for row in rows:
        mine = predicted[grouping.of_row[row.id]]
        truth = gold[row.incident]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    killed = injured = 0
    spread = 0
    first = {row.incident: row for row in rows}
    for incident, members in gold.items():
        groups = Counter(grouping.of_row[m] for m in members)
        spread += len(groups)
        top = max(groups.values())
        main = min(g for g, n in groups.items() if n == top)
        totals = grouping.totals.get(main, IncidentTotals())
        got_killed = totals.of(CasualtyKind.KILLED)
        got_injured = totals.of(CasualtyKind.INJURED)
        killed += (got_killed.count if got_killed else 0) == first[incident].killed
        injured += (got_injured.count if got_injured else 0) == first[incident].injured
    n = len(rows)
    g = len(gold)
    return Scores(n, g, precision / n, recall / n, killed / g, injured / g, spread / g)


# --- held-out choice of the threshold -----------------------------------------------------------


def choose_threshold(rows: Sequence[Row], policy: LinkPolicy) -> tuple[float, Scores]:
    """The threshold of best B-cubed F1 on `rows` (ties: the higher, more cautious one)."""
    best: tuple[float, Scores] | None = None
    for threshold in THRESHOLDS:
        scores = score(rows, link(rows, replace(policy, threshold=threshold)))
        if best is None or scores.f1 >= best[1].f1:
            best = (threshold, scores)
    assert best is not None
    return best


@dataclass(frozen=True)
class IncidentsEval:
    rows: int
    articles: int
    seconds_enrich: float
    seconds_link: float
    default: dict[str, Scores]  # "all", DEV, HELD_OUT: the default policy
    per_article: dict[str, Scores]
    place_and_day: dict[str, Scores]
    chosen: dict[str, float]  # half the threshold was chosen on -> threshold
    held_out: dict[str, Scores]  # half scored -> scores with the other half's threshold
    in_sample: tuple[float, Scores]  # threshold chosen on all rows, scored on all
    pairs: int  # pairs of articles of one registry incident that both gave a report
    pairs_meeting: int  # ... of them on one partition key within the quiet period


def evaluate(data: Path, policy: LinkPolicy | None = None) -> IncidentsEval | None:
    """Every figure of the part; None when the set is absent."""
    policy = policy or LinkPolicy()
    enriched, seconds_enrich = enriched_gva(data)
    if not enriched:
        return None
    started = time.perf_counter()
    rows = rows_of(enriched)
    halves = {
        "all": rows,
        DEV: [r for r in rows if half_of(r.incident) == DEV],
        HELD_OUT: [r for r in rows if half_of(r.incident) == HELD_OUT],
    }
    default = {name: score(part, link(part, policy)) for name, part in halves.items()}
    baseline_1 = {name: score(part, per_article(part)) for name, part in halves.items()}
    baseline_2 = {name: score(part, place_and_day(part)) for name, part in halves.items()}
    chosen: dict[str, float] = {}
    held_out: dict[str, Scores] = {}
    for fit, test in ((DEV, HELD_OUT), (HELD_OUT, DEV)):
        threshold, _ = choose_threshold(halves[fit], policy)
        chosen[fit] = threshold
        tuned = replace(policy, threshold=threshold)
        held_out[test] = score(halves[test], link(halves[test], tuned))
    in_sample = choose_threshold(rows, policy)
    pairs, meeting = _pairs_meeting(rows, policy)
    return IncidentsEval(
        rows=len(rows),
        articles=sum(r.report is not None for r in rows),
        seconds_enrich=seconds_enrich,
        seconds_link=time.perf_counter() - started,
        default=default,
        per_article=baseline_1,
        place_and_day=baseline_2,
        chosen=chosen,
        held_out=held_out,
        in_sample=in_sample,
        pairs=pairs,
        pairs_meeting=meeting,
    )


def _pairs_meeting(rows: Sequence[Row], policy: LinkPolicy) -> tuple[int, int]:
    """How many same-incident pairs of reports could be linked at all: the ceiling that the
    partitioning and the quiet period leave to the linker."""
    members: dict[str, list[Report]] = defaultdict(list)
    for row in rows:
        if row.report is not None:
            members[row.incident].append(row.report)
    pairs = meeting = 0
    for reports in members.values():
        for i, a in enumerate(reports):
            for b in reports[i + 1 :]:
                pairs += 1
                near = abs(a.published_at - b.published_at) <= policy.quiet_period
                meeting += near and partition_key(a) == partition_key(b)
    return pairs, meeting


def table(result: IncidentsEval) -> str:
    """The part's figures as printed by `make eval`."""
    header = (
        f"{'':44} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'killed':>7} {'injured':>7} {'pred/inc':>8}"
    )
    lines = [header]

    def line(label: str, scores: Scores) -> None:
        lines.append(
            f"{label:44} {scores.precision:6.3f} {scores.recall:6.3f} {scores.f1:6.3f}"
            f" {scores.killed:7.3f} {scores.injured:7.3f} {scores.per_incident:8.3f}"
        )

    default = LinkPolicy().threshold
    for half in ("all", DEV, HELD_OUT):
        lines.append(f"-- {half} ({result.default[half].rows} articles,"
                     f" {result.default[half].incidents} registry incidents)")  # fmt: skip
        line("baseline: one incident per article", result.per_article[half])
        line("baseline: one per resolved place and day", result.place_and_day[half])
        line(f"linker, default threshold {default:.2f}", result.default[half])
        if half in result.held_out:
            fit = HELD_OUT if half == DEV else DEV
            line(
                f"linker, threshold {result.chosen[fit]:.2f} chosen on {fit}",
                result.held_out[half],
            )
    threshold, scores = result.in_sample
    lines.append("-- in-sample: threshold chosen on all and scored on all")
    line(f"linker, threshold {threshold:.2f}", scores)
    held = [result.held_out[h] for h in (DEV, HELD_OUT)]
    mean_f1 = sum(s.f1 for s in held) / len(held)
    lines.append(
        f"held-out B3 F1 (mean of both halves, threshold from the other half): {mean_f1:.3f};"
        f" in-sample {scores.f1:.3f}; gap {scores.f1 - mean_f1:+.3f}"
    )
    lines.append(
        f"same-incident pairs of reports: {result.pairs}; on one partition key within the"
        f" quiet period: {result.pairs_meeting} ({result.pairs_meeting / max(result.pairs, 1):.1%},"
        " the most the linker can join)"
    )
    lines.append(
        f"{result.articles} of {result.rows} articles gave a report"
        f" (the others are alone); linking took {result.seconds_link:.1f} s"
    )
    return "\n".join(lines)


def seed_line(check: SeedCheck | None) -> str:
    if check is None:
        return "seed: the seed page or its twin page is absent"
    verdict = "one incident" if check.one_incident else "NOT one incident"
    total = f"killed {check.killed} ({check.method})" if check.killed is not None else "no total"
    return (
        f"seed: {check.seed_title!r} and the {SEED_TWIN_PAGE} page's story"
        f" (text overlap {check.text_overlap:.2f}): {verdict}, {total};"
        f" {check.incidents} incidents from the two pages' stories"
    )


def figures(result: IncidentsEval, check: SeedCheck | None) -> dict[str, object]:
    """The part's figures for `--json`."""
    return {
        "default": {h: s.figures() for h, s in result.default.items()},
        "per_article": {h: s.figures() for h, s in result.per_article.items()},
        "place_and_day": {h: s.figures() for h, s in result.place_and_day.items()},
        "held_out": {h: s.figures() for h, s in result.held_out.items()},
        "chosen_threshold": result.chosen,
        "in_sample": {"threshold": result.in_sample[0], **result.in_sample[1].figures()},
        "pairs": result.pairs,
        "pairs_meeting": result.pairs_meeting,
        "seed_one_incident": None if check is None else check.one_incident,
    }


# --- the seed's Sweida story and the same wire story on another page ----------------------------

#: The pages-dev page that carries the seed's wire story about Sweida, updated.
SEED_TWIN_PAGE = "brecorder-sweida"
#: The seed page has no fetch time: the one the README's examples give it.
SEED_FETCHED_AT = "2025-07-19T12:00:00Z"


@dataclass(frozen=True)
class SeedCheck:
    """The main story of the twin page, the seed story it shares the most text with, and
    whether the linker (fed every story of both pages) put them in one incident."""

    seed_title: str | None
    twin_title: str | None
    text_overlap: float
    one_incident: bool
    killed: int | None
    method: str | None
    incidents: int  # incidents made of the two pages' stories


def seed_check(data: Path, policy: LinkPolicy | None = None) -> SeedCheck | None:
    """The seed page and its twin through the real pipeline, then the linker."""
    import json

    from newsstream.incidents import reports_from_messages
    from newsstream.incidents.signature import similarity
    from newsstream.offline import OfflinePipeline, file_record
    from newsstream.offline import Overrides as _Overrides
    from newsstream.settings import get_settings

    seed = data / "seed" / "page.txt"
    twin = data / "pages-dev" / f"{SEED_TWIN_PAGE}.json"
    if not seed.exists() or not twin.exists():
        return None
    page = json.loads(twin.read_text(encoding="utf-8"))
    published = page["gold"]["articles"][0].get("published")
    envelopes = [
        {"body": seed.read_text(encoding="utf-8"), "fetched_at": SEED_FETCHED_AT},
        {
            "body": page["raw"],
            "url": page.get("url"),
            "fetched_at": f"{published}T12:00:00Z" if published else None,
        },
    ]
    pipeline = OfflinePipeline(get_settings(), in_process=True)
    pages: list[list[Report]] = []
    try:
        for index, envelope in enumerate(envelopes):
            body = json.dumps({k: v for k, v in envelope.items() if v is not None}).encode()
            record = file_record(f"page{index}", body, _Overrides(), index=index)
            pages.append(reports_from_messages(e.message for e in pipeline.run(record)))
    finally:
        pipeline.close()
    seed_reports, twin_reports = pages
    if not seed_reports or not twin_reports:
        return None
    main = twin_reports[0]
    mate = max(seed_reports, key=lambda r: similarity(r.signature, main.signature))
    linkers: dict[str, IncidentLinker] = {}
    incidents: dict[str, set[str]] = {}
    totals: dict[str, IncidentTotals] = {}
    for report in sorted([*seed_reports, *twin_reports], key=Report.order_key):
        outcome = linkers.setdefault(
            partition_key(report), IncidentLinker(policy or LinkPolicy())
        ).add(report)
        for retired in outcome.retired:
            incidents.pop(retired, None)
        if outcome.updated is not None:
            incidents[outcome.updated.incident_id] = {r.article_id for r in outcome.updated.reports}
            totals[outcome.updated.incident_id] = outcome.updated.totals
    together = [
        i for i, members in incidents.items() if {main.article_id, mate.article_id} <= members
    ]
    killed = totals[together[0]].of(CasualtyKind.KILLED) if together else None
    return SeedCheck(
        seed_title=mate.title,
        twin_title=main.title,
        text_overlap=similarity(mate.signature, main.signature),
        one_incident=bool(together),
        killed=killed.count if killed else None,
        method=killed.method.value if killed else None,
        incidents=len(incidents),
    )
