"""How strongly two reports speak of one event: a score in [0, 1] from evidence that holds
for any kind of event, never from words of a particular story.

Contradictions veto a link: two resolved countries, or two known regions of one country, that
differ; reports further apart in time than the quiet period. Otherwise the score adds up,
weighted by the policy: retold text (MinHash overlap), people named in both, the place (same
city, region or only country), the days (event dates where stated, else published dates) and
matching tolls. The score depends on the two reports only, never on what else arrived, which
is what makes linking independent of arrival order.
"""

from __future__ import annotations

from newsstream.incidents.policy import LinkPolicy
from newsstream.incidents.signature import similarity
from newsstream.models import CasualtyKind
from newsstream.models.incident import Report

_SECONDS_PER_DAY = 86400.0


def conflicting(a: Report, b: Report, policy: LinkPolicy) -> bool:
    """Whether the two cannot be one event: other country, other region, too far apart."""
    if abs(a.published_at - b.published_at) > policy.quiet_period:
        return True
    if a.country and b.country and a.country != b.country:
        return True
    return bool(a.country == b.country and a.admin1 and b.admin1 and a.admin1 != b.admin1)


def place_evidence(a: Report, b: Report) -> float:
    """1 the same city, 0.6 the same region, 0.3 only the same country, 0 unknown."""
    if a.place and b.place and a.place.geonames_id and a.place.geonames_id == b.place.geonames_id:
        return 1.0 if a.place.feature == "city" else 0.6
    if a.country and a.country == b.country:
        return 0.6 if a.admin1 and a.admin1 == b.admin1 else 0.3
    return 0.0


def time_evidence(a: Report, b: Report) -> float:
    """1 on the same day, falling with the days between (event dates where both state one)."""
    if a.event_date and b.event_date:
        days = abs((a.event_date - b.event_date).days)
    else:
        days = int(abs((a.published_at - b.published_at).total_seconds()) // _SECONDS_PER_DAY)
    return 1.0 / (1.0 + days)


def people_evidence(a: Report, b: Report) -> float:
    """1 when a person is named in both (full names, folded), else 0."""
    return 1.0 if set(a.people) & set(b.people) else 0.0


def figures_evidence(a: Report, b: Report) -> float:
    """The share of kinds both give whose counts agree (0 when they share no kind)."""
    shared = [k for k in CasualtyKind if k in a.figures and k in b.figures]
    if not shared:
        return 0.0
    same = sum(a.figures[k].count == b.figures[k].count for k in shared)
    return same / len(shared)


def score(a: Report, b: Report, policy: LinkPolicy) -> float:
    """How strongly `a` and `b` report one event (0 when they contradict each other)."""
    if conflicting(a, b, policy):
        return 0.0
    text = min(1.0, similarity(a.signature, b.signature) / policy.text_saturation)
    return (
        policy.text_weight * text
        + policy.people_weight * people_evidence(a, b)
        + policy.place_weight * place_evidence(a, b)
        + policy.time_weight * time_evidence(a, b)
        + policy.figures_weight * figures_evidence(a, b)
    )


def linked(a: Report, b: Report, policy: LinkPolicy) -> bool:
    """Whether the pair is an edge of the similarity graph."""
    return score(a, b, policy) >= policy.threshold
