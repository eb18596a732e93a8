"""Incidents: many reports of one event become one incident with its current toll.

Pure logic, without Kafka: `Report` (what one article contributes), `partition_key` (where
reports of one event meet), `IncidentLinker` (per key: report in, incident changes out, with ids
and totals independent of arrival order) and the state's bytes (`dumps`/`loads`).
"""

from newsstream.incidents.linker import IncidentLinker, LinkOutcome, incident_id, to_incident
from newsstream.incidents.partition import UNPLACED_KEY, partition_key
from newsstream.incidents.policy import LinkPolicy
from newsstream.incidents.report import (
    build_report,
    report_from_enrichment,
    reports_from_messages,
)
from newsstream.incidents.state import LinkerState, OpenIncident, dumps, loads
from newsstream.models.incident import Report, ReportFigure

__all__ = [
    "UNPLACED_KEY",
    "IncidentLinker",
    "LinkOutcome",
    "LinkPolicy",
    "LinkerState",
    "OpenIncident",
    "Report",
    "ReportFigure",
    "build_report",
    "dumps",
    "incident_id",
    "loads",
    "partition_key",
    "report_from_enrichment",
    "reports_from_messages",
    "to_incident",
]
