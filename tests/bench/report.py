"""Summary statistics and plain-text tables, shared by every part of the benchmark."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path


def peak_mb(pid: int | str) -> float:
    """A process's peak resident set (VmHWM), 0 when it is gone.

    Not `ru_maxrss`: Linux carries that across `exec` from the forked copy of the parent, so
    a child started by a parent holding a loaded model reports the parent's peak.
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def rate(count: float, seconds: float) -> float:
    """Items per second; NaN rather than a division error when nothing was timed."""
    return count / seconds if seconds > 0 else math.nan


def cost(ours: float, baseline: float) -> float:
    """How many times the baseline's time ours takes, from two rates (items per second)."""
    return baseline / ours if ours > 0 and not math.isnan(ours) else math.nan


def number(value: float | None, digits: int = 1) -> str:
    """A figure for a table cell; a dash when there is none."""
    if value is None or math.isnan(value):
        return "-"
    return f"{value:,.{digits}f}"


def times(value: float | None) -> str:
    """A ratio as "×1.23"."""
    return "-" if value is None or math.isnan(value) else f"×{value:.2f}"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An aligned table under a title: first column left, the others right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        parts = [first.ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    body = [line(headers), rule, *(line(row) for row in rows)]
    return "\n".join([title, "=" * len(title), *body])
