"""Where an incident's reports meet: the partition key of a report.

Reports of one event must reach the same worker to be linked, so incidents are keyed by the
place a report resolves to: the country and its first-level region (admin1) where the gazetteer
knows it ("US-TN"), else the country ("SY"), else one key for every report without a resolved
place.

What this costs:
- reports that resolve to different regions or countries never meet, so they never merge, even
  when they tell one event (a town near a border, a place resolved wrongly in one report, one
  report naming only the country and another the region — the country-only report lands on the
  country key, not on the region's); the linker would refuse most such pairs anyway, as a
  contradiction, but a report that names only the country can never join a regional incident;
- keys are as uneven as the news: a capital's region or a war zone is a hot key that one worker
  carries alone, and every unplaced report shares one key (the hottest). The linker's cost per
  report grows with the open incidents of its key, which the quiet period bounds.
"""

from __future__ import annotations

from typing import Final

from newsstream.models.incident import Report

#: The key of reports without a resolved place.
UNPLACED_KEY: Final[str] = "unplaced"


def partition_key(report: Report) -> str:
    """ "CC-ADMIN1", "CC" or `UNPLACED_KEY`."""
    if report.country is None:
        return UNPLACED_KEY
    if report.admin1 is not None:
        return f"{report.country}-{report.admin1}"
    return report.country
