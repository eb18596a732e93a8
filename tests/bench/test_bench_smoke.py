"""The benchmark code runs: every part but Kafka, `--quick`, on tiny inputs. No timings checked."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.bench.run import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _tiny_data(root: Path) -> Path:
    """A data folder of committed fixtures: two HTML pages with bodies, two rendered pages."""
    text = (FIXTURES / "pages" / "harbour-fire.txt").read_text()
    prose = [line for line in text.splitlines() if len(line.split()) > 12]
    headline = "Fire at Port Elm harbour warehouse injures four workers"
    built = "".join(f"<p>{line}</p>" for line in prose)
    pages = {
        "article": (FIXTURES / "html" / "article.html").read_text(),
        "harbour": f"<html><head><title>{headline}</title></head><body><article>"
        f"<h1>{headline}</h1>{built}</article></body></html>",
    }
    dev = root / "article-benchmark" / "dev"
    dev.mkdir(parents=True)
    truth = {}
    for index, (name, html) in enumerate(pages.items()):
        (dev / f"{name}.html.gz").write_bytes(gzip.compress(html.encode()))
        body = "\n\n".join(prose[index:])
        truth[name] = {"url": f"https://example.org/{name}", "articleBody": body}
    (dev / "ground-truth.json").write_text(json.dumps(truth))
    (root / "seed").mkdir()
    (root / "seed" / "page.txt").write_text((FIXTURES / "seed" / "page.txt").read_text())
    (root / "pages-dev").mkdir()
    page = {"url": "https://example.org/harbour", "raw": text, "gold": {"articles": []}}
    (root / "pages-dev" / "harbour-fire.json").write_text(json.dumps(page))
    return root


def test_parsing_and_enrichment_parts_print_and_write_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _tiny_data(tmp_path / "data")
    out = tmp_path / "figures.json"
    parts = ["--part", "html", "--part", "text", "--part", "enrich", "--part", "assembly"]

    status = main([str(data), "--quick", *parts, "--json", str(out)])

    printed = capsys.readouterr().out
    assert status == 0, printed
    for title in ("machine:", "1. Parsing, HTML", "2. Parsing, rendered text", "2b. Scaling"):
        assert title in printed
    assert "3. Enrichment" in printed
    assert "0. Side by side on one core" in printed
    assert "Summary" in printed
    figures = json.loads(out.read_text())
    assert figures["failed"] == {}
    assert figures["machine"]["cpus"] >= 1
    html = figures["parts"]["html"]
    assert html["ours"]["pages"] == html["trafilatura"]["pages"] == 2
    assert figures["parts"]["text"]["pages"]["pages"] == 2
    assert len(figures["parts"]["text"]["scaling"]) == 2
    enrich = figures["parts"]["enrich"]
    assert enrich["ours"]["articles"] == enrich["spacy"]["articles"] == 2
    sides = figures["parts"]["assembly"]
    # Three pages yield distinct articles (the harbour story is on two): the first warms up.
    assert sides["assembly"]["pages"] == sides["ours"]["pages"] == 2
    assert sides["ours"]["articles"] >= 2
    assert set(figures["seconds"]) == {"html", "text", "enrich", "assembly", "total"}


def test_html_part_is_skipped_with_a_reason_without_the_benchmark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([str(tmp_path), "--quick", "--part", "html"])

    assert status == 0
    assert "1. Parsing, HTML: skipped, no article-benchmark" in capsys.readouterr().out
