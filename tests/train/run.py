"""Rebuild the text parser's line model from data whose terms allow it (`make train`).

Usage: python -m tests.train.run [DATA_DIR] [--no-cv] [--no-browser] [--out PATH]

The corpus (`corpus.py`): the article benchmark's dev half (MIT), rendered by Chromium and by
the block renderer; our annotated rendered-text pages; synthetic multi-story pages made from
them. Prints the parser's figures by grouped cross-validation (rules alone, held-out, in-sample,
and the gap), then writes the model fitted on everything into the package.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsstream.parse.text import learned
from tests.eval.render import page_headline
from tests.eval.sets import default_data_dir, load_benchmark, load_pages
from tests.train import crossval
from tests.train.browser import BrowserUnavailable
from tests.train.corpus import training_pages
from tests.train.fit import fit, save
from tests.train.labels import LabelledPage
from tests.train.synthetic import COMPOSED, synthetic_pages

SHIPPED = Path(learned.__file__).with_name(learned.MODEL_FILE)


def references(data: Path, pages: list[LabelledPage]) -> dict[tuple[str, str], crossval.Reference]:
    """What each real training page is scored against."""
    bench = {page.id: page for page in load_benchmark(data)}
    annotated = {page.name: page for page in load_pages(data)}
    found: dict[tuple[str, str], crossval.Reference] = {}
    for page in pages:
        if page.name in bench:
            source = bench[page.name]
            found[(page.source, page.name)] = crossval.Reference(
                body=source.truth, headline=page_headline(source.html)
            )
        elif page.name in annotated:
            found[(page.source, page.name)] = crossval.Reference(annotated=annotated[page.name])
    return found


def print_figures(result: crossval.CrossValidation) -> None:
    rows = (
        ("rules alone", result.rules),
        ("held-out", result.held_out),
        (
            "in-sample",
            result.in_sample,
        ),
    )
    summaries = [(name, figures.summary()) for name, figures in rows]
    sources = sorted({source for _, summary in summaries for source in summary})
    for source in sources:
        print(f"\n{source}")
        keys = [key for key in summaries[0][1].get(source, {}) if key != "counts"]
        print(f"  {'':<14}" + "".join(f"{key[:11]:>12}" for key in keys))
        for name, summary in summaries:
            values = summary.get(source, {})
            print(f"  {name:<14}" + "".join(f"{values.get(key, 0.0):>12.3f}" for key in keys))
        held, inside = summaries[1][1].get(source, {}), summaries[2][1].get(source, {})
        print(
            f"  {'gap (in - out)':<14}"
            + "".join(f"{inside.get(key, 0.0) - held.get(key, 0.0):>12.3f}" for key in keys)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None)
    parser.add_argument("--no-cv", action="store_true", help="fit and write; skip the figures")
    parser.add_argument("--no-browser", action="store_true", help="block renderer only")
    parser.add_argument("--out", type=Path, default=SHIPPED, help="where to write the model")
    args = parser.parse_args(argv)
    data: Path = args.data or default_data_dir()
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    try:
        corpus = training_pages(data, browser=not args.no_browser)
    except BrowserUnavailable as error:
        print(f"make train: {error}; or train on block-rendered pages only: --no-browser",
              file=sys.stderr)  # fmt: skip
        return 2
    real = [page for page in corpus if page.source not in COMPOSED]
    if not real:
        print(f"no training data under {data}", file=sys.stderr)
        return 1
    say(f"corpus: {len(real)} real pages, {len(corpus) - len(real)} synthetic")
    if args.no_cv:
        model = fit([*real, *synthetic_pages(real)])
    else:
        result = crossval.cross_validate(real, references(data, real), progress=say)
        print_figures(result)
        model = result.model
    save(model, args.out)
    say(f"model written to {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
