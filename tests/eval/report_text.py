"""Tables of the rendered-text path: parsers on rendered HTML pages, and the grouped
cross-validation of the text parser (rules alone, held-out, in-sample, gap) against targets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.eval.evaluate import HtmlMoreEval
from tests.eval.metrics import (
    TARGET_BODIES,
    TARGET_FOUND,
    TARGET_GAP,
    TARGET_INVENTED_PER_10_PAGES,
    TARGET_LEAKS_PER_10_PAGES,
    TARGET_RENDERED_F1,
    TARGET_TITLES,
)
from tests.eval.rendered import RenderedSet
from tests.eval.report import yes


def rendered_table(result: RenderedSet) -> str:
    lines = [
        f"{'parser':28} {'precision':>9} {'recall':>7} {'F1':>7} {'exact':>6} {'titles':>7}"
        f" {'time':>7}"
    ]
    for label, score in result.bodies.items():
        figures = score.figures()
        titles = result.titles.get(label)
        title = f"{titles.share:>7.3f}" if titles else f"{'-':>7}"
        lines.append(
            f"{label:28} {figures['precision']:>9.4f} {figures['recall']:>7.4f}"
            f" {figures['f1']:>7.4f} {score.exact:>6} {title} {result.seconds[label]:>6.1f}s"
        )
    counted = next(iter(result.titles.values()), None)
    lines.append(
        f"{result.pages} pages ({result.unrendered} rendered to nothing); titles against the"
        f" reference headline on {counted.headlined if counted else 0} pages"
    )
    return "\n".join(lines)


_KEYS_BODIES = ("precision", "recall", "f1", "titles")
_KEYS_PAGES = ("stories", "titles", "bodies", "leaks_per_10_pages", "invented_per_10_pages")
_TARGETS: Mapping[str, tuple[float, bool]] = {  # value, higher is better
    "f1": (TARGET_RENDERED_F1, True),
    "stories": (TARGET_FOUND, True),
    "titles": (TARGET_TITLES, True),
    "bodies": (TARGET_BODIES, True),
    "leaks_per_10_pages": (TARGET_LEAKS_PER_10_PAGES, False),
    "invented_per_10_pages": (TARGET_INVENTED_PER_10_PAGES, False),
}


def crossval_table(summaries: Mapping[str, Mapping[str, Any]]) -> str:
    """`summaries`: "rules alone", "held-out", "in-sample" → source → figures."""
    held = summaries["held-out"]
    lines: list[str] = []
    for source in held:
        keys = _KEYS_PAGES if source == "annotated" else _KEYS_BODIES
        lines.append(f"{source}")
        lines.append(f"  {'':16}" + "".join(f"{key[:12]:>13}" for key in keys))
        for name, summary in summaries.items():
            values = summary.get(source, {})
            lines.append(f"  {name:16}" + "".join(f"{values.get(key, 0.0):>13.3f}" for key in keys))
        inside = summaries["in-sample"].get(source, {})
        gaps = [inside.get(key, 0.0) - held[source].get(key, 0.0) for key in keys]
        lines.append(f"  {'gap (in - out)':16}" + "".join(f"{gap:>13.3f}" for gap in gaps))
        marks = []
        for key in keys:
            target = _TARGETS.get(key)
            if key == "titles" and source != "annotated":
                target = None  # the <h1> is only a proxy of the headline there
            if target is None:
                marks.append(f"{'':>13}")
                continue
            goal, higher = target
            value = held[source].get(key, 0.0)
            met = value >= goal if higher else value <= goal
            marks.append(f"{('>=' if higher else '<=') + f' {goal:g} ' + yes(met):>13}")
        lines.append(f"  {'held-out target':16}" + "".join(marks))
        worst_gap = max((abs(gap) for gap in gaps if True), default=0.0)
        lines.append(
            f"  largest |gap| {worst_gap:.3f} (target <= {TARGET_GAP}):"
            f" {yes(worst_gap <= TARGET_GAP)}"
        )
    return "\n".join(lines)


TARGET_HTML_MORE_MARGIN = 0.02  # F1 over plain trafilatura on pages never developed on


def html_more_table(result: HtmlMoreEval) -> str:
    lines = [
        f"{'group':8} {'pages':>5}   {'ours P':>7} {'R':>6} {'F1':>6}   {'trafilatura P':>13}"
        f" {'R':>6} {'F1':>6}   {'F1 gain':>7}"
    ]
    for group, ours in result.ours.items():
        mine, plain = ours.figures(), result.trafilatura[group].figures()
        gain = mine["f1"] - plain["f1"]
        mark = (
            f"  >= {TARGET_HTML_MORE_MARGIN} {yes(gain >= TARGET_HTML_MORE_MARGIN)}"
            if group == "all"
            else ""
        )
        lines.append(
            f"{group:8} {ours.pages:>5}   {mine['precision']:>7.4f} {mine['recall']:>6.4f}"
            f" {mine['f1']:>6.4f}   {plain['precision']:>13.4f} {plain['recall']:>6.4f}"
            f" {plain['f1']:>6.4f}   {gain:>+7.4f}{mark}"
        )
    lines.append(
        f"time: ours {result.seconds_ours:.1f} s, plain trafilatura"
        f" {result.seconds_trafilatura:.1f} s; the reference's leading headline is left out of"
        " it for both"
    )
    return "\n".join(lines)
