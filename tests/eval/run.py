"""Measure the service on every reference set, side by side with baselines (`make eval`).

Usage: python -m tests.eval.run [DATA_DIR] [--json OUT] [--verbose] [--part NAME ...] [--limit N]

DATA_DIR defaults to $NEWSSTREAM_REFERENCE_DATA, else ../shared/data beside the repository.
Parts: `pages` (seed and pages-dev through `newsstream process`: parse scores, and enrichment of
the articles it emitted), `casualties` (casualties-dev through the command: summary totals),
`gold` (the enricher in-process on the gold bodies, and the naive baseline: tells enrichment
errors from parse errors), `coded` (the enricher in-process on the coded casualty sets,
casualties-dev, -wad-dev and -gva-dev: summaries on a dev and a held-out half, beside the naive
baseline; `--limit N` scores a fixed sample of N rows per set), `benchmark` (the HTML
benchmark through the command, and plain trafilatura), `rendered` (the benchmark and
html-more pages rendered to text by Chromium and by the block renderer, through the text parser,
the rules alone and no parser), `crossval` (the text parser by grouped cross-validation on its
training corpus: rules alone, held-out, in-sample and the gap, against the targets), `incidents`
(casualties-gva-dev's articles through parse and enrich, linked into incidents: B-cubed against
the registry's incidents and the incidents' killed and injured, beside two baselines, with the
threshold chosen on one half of the incidents and scored on the other; and the seed's Sweida
story beside the same wire story on another page).
Exit status 0 when every part ran (targets missed or not), 1 when one could not.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from tests.eval import report, report_text
from tests.eval.coded import CodedEval, evaluate_coded
from tests.eval.evaluate import (
    BenchmarkEval,
    GoldEval,
    HtmlMoreEval,
    IncidentsEval,
    PagesEval,
    evaluate_benchmark,
    evaluate_gold,
    evaluate_html_more,
    evaluate_incidents,
    evaluate_pages,
)
from tests.eval.rendered import RenderedSet, crossval_summaries, evaluate_rendered_sets
from tests.eval.service import ServiceError
from tests.eval.sets import default_data_dir, has_benchmark

PARTS = (
    "pages",
    "casualties",
    "gold",
    "coded",
    "benchmark",
    "rendered",
    "crossval",
    "incidents",
)


def _section(title: str) -> None:
    print(f"\n{title}\n{'=' * len(title)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--verbose", "-v", action="store_true", help="print what went wrong")
    parser.add_argument("--part", action="append", choices=PARTS, help="run only these parts")
    parser.add_argument(
        "--limit", type=int, default=None, help="coded sets: score a fixed sample of N rows each"
    )
    args = parser.parse_args(argv)
    data: Path = args.data or default_data_dir()
    parts = args.part or list(PARTS)
    if not data.is_dir():
        print(f"no reference data at {data}", file=sys.stderr)
        return 1
    figures: dict[str, Any] = {"data": str(data), "seconds": {}}
    times: list[tuple[str, float]] = []
    failed: list[str] = []
    pages: PagesEval | None = None
    incidents: IncidentsEval | None = None
    gold: GoldEval | None = None
    bench: BenchmarkEval | None = None
    rendered_sets: list[RenderedSet] = []
    html_more: HtmlMoreEval | None = None
    summaries: dict[str, Any] | None = None
    coded: list[CodedEval] = []
    print(f"reference data: {data}")

    if "pages" in parts:
        try:
            pages = evaluate_pages(data)
        except ServiceError as error:
            failed.append(f"pages: {error}")
        else:
            times.append(("seed + pages-dev: newsstream process", pages.seconds))
            figures["parse"] = report.parse_figures(pages.scores, pages.total)
            figures["enrich_service"] = report.enrich_figures(pages.emitted)
    if "casualties" in parts:
        try:
            incidents = evaluate_incidents(data)
        except ServiceError as error:
            failed.append(f"casualties: {error}")
        else:
            times.append(("casualties-dev: newsstream process", incidents.seconds))
            figures["summary_service"] = report.summary_figures(incidents.summary)
            figures["ceiling"] = {
                "coded_nonzero": incidents.ceiling.coded,
                "absent_killed": incidents.ceiling.absent_killed,
                "absent_wounded": incidents.ceiling.absent_wounded,
                "stated": incidents.ceiling.reachable(),
            }
    if "gold" in parts:
        gold = evaluate_gold(data)
        times.append(("gold bodies: enricher in-process", gold.seconds_ours))
        times.append(("gold bodies: naive baseline (spaCy + regex)", gold.seconds_baseline))
        figures["enrich_gold"] = report.enrich_figures(gold.ours)
        figures["enrich_baseline"] = report.enrich_figures(gold.baseline)
        figures["summary_gold"] = report.summary_figures(gold.ours_summary)
        figures["summary_baseline"] = report.summary_figures(gold.baseline_summary)
    if "coded" in parts:
        coded = evaluate_coded(data, limit=args.limit)
        for result in coded:
            times.append((f"{result.label}: enricher in-process", result.seconds_ours))
            times.append((f"{result.label}: naive baseline", result.seconds_baseline))
        figures["coded"] = {result.label: report.coded_figures(result) for result in coded}
    if "benchmark" in parts:
        if not has_benchmark(data):
            print(f"benchmark skipped: no article-benchmark/dev under {data}")
        else:
            try:
                bench = evaluate_benchmark(data)
            except ServiceError as error:
                failed.append(f"benchmark: {error}")
            else:
                times.append(("HTML benchmark: newsstream process", bench.seconds_ours))
                times.append(("HTML benchmark: plain trafilatura", bench.seconds_trafilatura))
                figures["benchmark"] = {
                    "ours": bench.ours.figures(),
                    "trafilatura": bench.trafilatura.figures(),
                }
        html_more = evaluate_html_more(data)
        if html_more is not None:
            times.append(("html-more: HTML extractor in-process", html_more.seconds_ours))
            times.append(("html-more: plain trafilatura", html_more.seconds_trafilatura))
            figures["html_more"] = {
                group: {
                    "ours": html_more.ours[group].figures(),
                    "trafilatura": html_more.trafilatura[group].figures(),
                }
                for group in html_more.ours
            }
    if "rendered" in parts:
        from newsstream.parse.text.learned import shipped_model

        rendered_sets = evaluate_rendered_sets(data, shipped_model())
        for result in rendered_sets:
            times.append((f"{result.name}: text parsers", sum(result.seconds.values())))
        figures["rendered"] = {
            result.name: {
                label: {**score.figures(), "titles": result.titles[label].share}
                if label in result.titles
                else score.figures()
                for label, score in result.bodies.items()
            }
            for result in rendered_sets
        }
    if "crossval" in parts:
        started = time.perf_counter()
        summaries = crossval_summaries(data)
        times.append(("text parser: grouped cross-validation", time.perf_counter() - started))
        if summaries is not None:
            figures["crossval"] = summaries

    linking = None
    if "incidents" in parts:
        from tests.eval import incident_linking

        linking = incident_linking.evaluate(data)
        seed = incident_linking.seed_check(data)
        if linking is not None:
            times.append(("casualties-gva-dev: parse + enrich (0: cached)", linking.seconds_enrich))
            times.append(("casualties-gva-dev: incident linking, all runs", linking.seconds_link))
            figures["incidents"] = incident_linking.figures(linking, seed)

    if pages is not None:
        _section(
            f"(a) Parse: seed + pages-dev through `newsstream process`"
            f" ({len(pages.scores)} pages, {pages.total.expected} gold stories)"
        )
        print(report.parse_table(pages.scores, pages.total, verbose=args.verbose))
        if pages.dead_letters:
            print("dead letters: " + "; ".join(pages.dead_letters))
    if html_more is not None:
        _section(
            f"(b1) HTML pages of other sites and years: html-more"
            f" ({html_more.ours['all'].pages} pages, never used in development: held-out)"
        )
        print(report_text.html_more_table(html_more))
    if bench is not None:
        _section(f"(b) HTML benchmark: article-benchmark/dev ({bench.ours.pages} pages)")
        print(
            report.benchmark_table(
                [
                    ("ours (newsstream process)", bench.ours, bench.seconds_ours),
                    (
                        f"plain trafilatura {version('trafilatura')}",
                        bench.trafilatura,
                        bench.seconds_trafilatura,
                    ),
                ]
            )
        )
        if bench.dead_letters:
            print(f"dead letters ({len(bench.dead_letters)}): " + "; ".join(bench.dead_letters))
        if args.verbose:
            print("lowest page F1 (ours):")
            print(report.worst_pages(bench.ours))
    for result in rendered_sets:
        _section(f"(b2) Rendered text, main story: {result.name} ({result.pages} pages)")
        print(report_text.rendered_table(result))
    if summaries is not None:
        _section(
            "(b3) Text parser by grouped cross-validation (leave sites / annotated pages out):"
            " rules alone, held-out, in-sample"
        )
        print(report_text.crossval_table(summaries))
    if pages is not None or incidents is not None or gold is not None:
        stories = pages.emitted.stories if pages else gold.ours.stories if gold else 0
        count = incidents.summary.incidents if incidents else 0
        _section(
            f"(c) Enrichment: pages-dev ({stories} gold stories) entities and figures;"
            f" casualties-dev ({count} incidents) summaries"
        )
        columns = [
            report.Column(
                "naive baseline",
                gold.baseline if gold else None,
                gold.baseline_summary if gold else None,
            ),
            report.Column(
                "enricher on gold text",
                gold.ours if gold else None,
                gold.ours_summary if gold else None,
            ),
            report.Column(
                "service output",
                pages.emitted if pages else None,
                incidents.summary if incidents else None,
            ),
        ]
        print(report.enrich_table(columns, incidents.ceiling if incidents else None))
        print(
            "naive baseline and enricher on gold text: pages-dev gold bodies and the incident"
            " texts, in-process;\nservice output: what `newsstream process` emitted for the"
            " article matched to each gold story,\nand the main article's summary of each"
            " incident page (no summary counts as wrong)."
        )
        if incidents is not None:
            print(
                f"casualties-dev through the command: {len(incidents.dead_letters)} of"
                f" {incidents.summary.incidents} texts dead-lettered,"
                f" {incidents.extra_articles} cut into several articles (main one scored)"
            )
        if args.verbose:
            _misses("service output, pages-dev", pages.emitted.misses if pages else [])
            _misses("enricher on gold text, pages-dev", gold.ours.misses if gold else [])
            _misses("service output, casualties-dev", incidents.summary.misses if incidents else [])
            _misses(
                "enricher on gold text, casualties-dev", gold.ours_summary.misses if gold else []
            )
            _misses("coded numbers not in the text", incidents.ceiling.absent if incidents else [])
            _misses("casualties-dev dead letters", incidents.dead_letters if incidents else [])

    for result in coded:
        _section(
            f"(d) Coded casualty set {result.label} ({result.rows} texts): enricher in-process,"
            " casualty summary against the coded numbers"
        )
        print(report.coded_table(result))
        if args.verbose:
            _misses(f"{result.label}, dev half only", result.ours.dev_misses)

    if "incidents" in parts:
        _section("(e) Incidents: casualties-gva-dev articles linked into incidents vs the registry")
        if linking is None:
            print("skipped: no casualties-gva-dev.jsonl")
        else:
            print(incident_linking.table(linking))
        print(incident_linking.seed_line(seed))

    _section("Wall time")
    print(report.times_table(times))
    figures["seconds"] = dict(times)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    for failure in failed:
        print(f"\nFAILED {failure}", file=sys.stderr)
    return 1 if failed else 0


def _misses(title: str, lines: list[str]) -> None:
    if lines:
        print(f"\n{title}:")
        print("\n".join(f"  {line}" for line in lines))


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"(eval finished in {time.perf_counter() - started:.1f} s)")
    sys.exit(status)
