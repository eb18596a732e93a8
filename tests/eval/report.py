"""Tables for people and a flat dictionary of figures for machines (`--json`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from tests.eval import coded, metrics
from tests.eval.coded import CodedEval, CodedScores
from tests.eval.metrics import (
    BenchmarkScore,
    Ceiling,
    EnrichScores,
    PageScore,
    SummaryScores,
    Tally,
)
from tests.eval.sets import LABELS


def yes(met: bool) -> str:
    return "yes" if met else "NO"


def pct(value: float) -> str:
    return f"{100 * value:5.1f}%"


def parse_table(scores: Sequence[PageScore], total: PageScore, *, verbose: bool = False) -> str:
    """Per page and overall parse counts, then the targeted figures and whether they are met."""
    header = (
        f"{'page':28} {'found':>7} {'title':>5} {'start':>5} {'end':>5} {'body':>5}"
        f" {'publ':>5} {'date':>5} {'leaks':>5} {'invent':>6}"
    )
    lines = [header, "-" * len(header)]

    def row(s: PageScore) -> str:
        return (
            f"{s.name:28} {s.found:>3}/{s.expected:<3} {s.titles:>5} {s.starts:>5} {s.ends:>5}"
            f" {s.bodies:>5} {s.publishers:>5} {s.dates:>5} {s.leaks:>5} {s.invented:>6}"
        )

    for score in scores:
        lines.append(row(score))
        if verbose:
            lines.extend(f"    {note}" for note in score.notes)
    lines += ["-" * len(header), row(total), ""]
    lines.append(f"{'':28} {'value':>8}  {'target':>8}  met")
    for name, (value, target, met) in total.targets(len(scores)).items():
        shown = f"{value:>6.2f}" if "per 10" in name else pct(value)
        lines.append(f"{name:28} {shown:>8}  {target:>8}  {yes(met)}")
    lines.append(
        f"{'publisher right':28} {pct(metrics.share(total.publishers, total.expected)):>8}"
        f"  {'':>8}  (not targeted)"
    )
    lines.append(
        f"{'published text right':28} {pct(metrics.share(total.dates, total.expected)):>8}"
        f"  {'':>8}  (not targeted)"
    )
    return "\n".join(lines)


def benchmark_table(
    systems: Sequence[tuple[str, BenchmarkScore, float]], *, target: bool = True
) -> str:
    """Body P/R/F1/accuracy per system, with the F1 target where one applies."""
    goal = f"  F1 >= {metrics.TARGET_BENCHMARK_F1}" if target else ""
    lines = [
        f"{'system':36} {'precision':>9} {'recall':>7} {'F1':>7} {'accuracy':>9}"
        f" {'empty':>6} {'time':>7}{goal}"
    ]
    for name, score, seconds in systems:
        f = score.figures()
        met = f"  {yes(f['f1'] >= metrics.TARGET_BENCHMARK_F1)}" if target else ""
        lines.append(
            f"{name:36} {f['precision']:>9.4f} {f['recall']:>7.4f} {f['f1']:>7.4f}"
            f" {f['accuracy']:>9.4f} {score.empty:>6} {seconds:>6.1f}s{met}"
        )
    return "\n".join(lines)


def worst_pages(score: BenchmarkScore, count: int = 10) -> str:
    return "\n".join(
        f"    {page_id[:12]}  F1 {f1:.3f}" for f1, page_id in sorted(score.worst)[:count]
    )


@dataclass(frozen=True)
class Column:
    """One system in the enrichment table; a part that did not run leaves its cells empty."""

    name: str
    enrich: EnrichScores | None
    summary: SummaryScores | None


_CELL = 24
_PRF_HEADER = f"{'P':>4}  {'R':>4}  {'F1':>4}    "


def _prf(tally: Tally, target: float | None) -> str:
    p, r, f1 = tally.prf()
    mark = f" {yes(f1 >= target):>3}" if target is not None else "    "
    return f"{p:.2f}  {r:.2f}  {f1:.2f}{mark}"


def _label_tally(label: str, scores: EnrichScores) -> Tally:
    return scores.entities[label]


def enrich_table(columns: Sequence[Column], ceiling: Ceiling | None = None) -> str:
    """Entities per label and overall, casualty figures, summary exact rates: side by side."""
    lines = [
        f"{'':26}" + "".join(f"{c.name:>{_CELL}}" for c in columns) + "   target",
        f"{'':26}" + "".join(f"{_PRF_HEADER:>{_CELL}}" for _ in columns),
    ]

    def row(name: str, cells: Sequence[str], target: str = "") -> None:
        lines.append(f"{name:26}" + "".join(f"{cell:>{_CELL}}" for cell in cells) + target)

    def prf(pick: Callable[[EnrichScores], Tally], target: float | None) -> list[str]:
        return [_prf(pick(c.enrich), target) if c.enrich else "" for c in columns]

    def exact(attr: str) -> list[str]:
        cells = []
        for c in columns:
            if c.summary is None:
                cells.append("")
                continue
            hits, n = getattr(c.summary, attr), c.summary.incidents
            met = yes(metrics.share(hits, n) >= metrics.TARGET_SUMMARY_EXACT)
            cells.append(f"{hits}/{n} = {metrics.share(hits, n):.2f} {met:>3}")
        return cells

    for label in LABELS:
        row(f"entities {label}", prf(partial(_label_tally, label), None))
    entity_target, figure_target = metrics.TARGET_ENTITY_F1, metrics.TARGET_CASUALTY_F1
    row("entities (all four)", prf(EnrichScores.all_entities, entity_target),
        f"   F1 >= {entity_target}")  # fmt: skip
    row("casualty figures", prf(lambda s: s.figures, figure_target), f"   F1 >= {figure_target}")
    for attr in ("killed", "wounded", "both"):
        target = f"   >= {metrics.TARGET_SUMMARY_EXACT:.0%}" if attr != "both" else ""
        row(f"summary exact: {attr}", exact(attr), target)
    row(
        "  no summary emitted",
        [f"{c.summary.no_summary}/{c.summary.incidents}    " if c.summary else "" for c in columns],
    )
    if ceiling is not None:
        reach = ceiling.reachable()
        lines.append(
            f"ceiling: {ceiling.absent_killed + ceiling.absent_wounded} of {ceiling.coded}"
            f" nonzero coded numbers are not stated in the text (killed {ceiling.absent_killed},"
            f" wounded {ceiling.absent_wounded}); stated for killed {reach['killed']}/"
            f"{ceiling.incidents}, wounded {reach['wounded']}/{ceiling.incidents},"
            f" both {reach['both']}/{ceiling.incidents}"
        )
    return "\n".join(line.rstrip() for line in lines)


_MEASURE_NAMES = {
    "killed": "killed",
    "wounded": "wounded",
    "killed_victims": "killed, victims only",
    "wounded_victims": "wounded, victims only",
}


def _rate(scores: CodedScores, measure: str, subset: str, half: str | None) -> str:
    rate = scores.rate(measure, subset, half)
    return f"{rate.value:.3f}" if rate.rows else "  -  "


def coded_table(result: CodedEval) -> str:
    """Summary exact rates on one coded set: both halves, each half, the gap, the baseline."""
    ours, base = result.ours, result.baseline
    target = coded.TARGETS.get(result.name)
    header = (
        f"{'summary exact':34} {'rows':>5} {'whole':>6} {'dev':>6} {'held-out':>8}"
        f" {'gap':>6}   {'baseline':>8} {'(held-out)':>10}"
    )
    lines = [header, "-" * len(header)]
    for measure, subset in coded.rows_of(ours):
        name = f"{_MEASURE_NAMES[measure]}, {subset} rows"
        mark = ""
        met = result.target_met(measure) if subset == "stated" else None
        if met is not None and target is not None:
            mark = f"   held-out >= {target:.2f}: {yes(met)}"
        lines.append(
            f"{name:34} {ours.rate(measure, subset).rows:>5}"
            f" {_rate(ours, measure, subset, None):>6}"
            f" {_rate(ours, measure, subset, coded.DEV):>6}"
            f" {_rate(ours, measure, subset, coded.HELD_OUT):>8}"
            f" {ours.gap(measure, subset):>+6.3f}"
            f"   {_rate(base, measure, subset, None):>8}"
            f" {_rate(base, measure, subset, coded.HELD_OUT):>10}{mark}"
        )
    halves = ", ".join(f"{half} {ours.rows[half]}" for half in coded.HALVES)
    lines.append(
        f"rows per half: {halves}; gap = dev minus held-out; stated rows: the coded number"
        " appears in the text; rows without a coded number are not scored"
        + ("; SAMPLE (--limit)" if result.limited else "")
    )
    return "\n".join(lines)


def coded_figures(result: CodedEval) -> dict[str, Any]:
    """The coded set's rates as plain data, for --json."""

    def rates(scores: CodedScores) -> dict[str, Any]:
        return {
            f"{measure}/{subset}": {
                half or "whole": {
                    "hits": scores.rate(measure, subset, half).hits,
                    "rows": scores.rate(measure, subset, half).rows,
                    "rate": scores.rate(measure, subset, half).value,
                }
                for half in (None, *coded.HALVES)
            }
            for measure, subset in coded.rows_of(scores)
        }

    return {
        "rows": result.rows,
        "limited": result.limited,
        "ours": rates(result.ours),
        "baseline": rates(result.baseline),
    }


def times_table(times: Sequence[tuple[str, float]]) -> str:
    lines = [f"  {name:44} {seconds:7.1f} s" for name, seconds in times]
    lines.append(f"  {'total':44} {sum(s for _, s in times):7.1f} s")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Figures as plain data, for --json.


def tally_figures(tally: Tally) -> dict[str, float | int]:
    p, r, f1 = tally.prf()
    return {"precision": p, "recall": r, "f1": f1, "tp": tally.tp, "fp": tally.fp, "fn": tally.fn}


def enrich_figures(scores: EnrichScores) -> dict[str, Any]:
    return {
        "stories": scores.stories,
        "entities": {label: tally_figures(t) for label, t in scores.entities.items()},
        "entities_all": tally_figures(scores.all_entities()),
        "casualty_figures": tally_figures(scores.figures),
    }


def summary_figures(scores: SummaryScores) -> dict[str, Any]:
    return {
        "incidents": scores.incidents,
        "killed": scores.killed,
        "wounded": scores.wounded,
        "both": scores.both,
        "no_summary": scores.no_summary,
        "rates": scores.rates(),
    }


def parse_figures(scores: Sequence[PageScore], total: PageScore) -> dict[str, Any]:
    return {
        "pages": {s.name: s.counts() for s in scores},
        "total": total.counts(),
        "targets": {
            name: {"value": value, "target": target, "met": met}
            for name, (value, target, met) in total.targets(len(scores)).items()
        },
    }
