"""Generate `schemas/`: a JSON Schema per message and an AsyncAPI 3 document of the topics.

The files are derived from the pydantic models, so the models stay the one source of truth; a
test regenerates them and fails when the committed copies have drifted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import orjson

from newsstream import __version__
from newsstream.models import EVENT_TYPES, EventType
from newsstream.settings import Settings
from newsstream.topology import STAGES, TOPICS, consumed_by, produced

_CE_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 Kafka binding, binary content mode.",
    "properties": {
        "ce_specversion": {"type": "string", "const": "1.0"},
        "ce_id": {"type": "string", "description": "Equals the payload's event_id."},
        "ce_source": {
            "type": "string",
            "description": "/newsstream/parse, /newsstream/enrich or /newsstream/incidents",
        },
        "ce_type": {"type": "string"},
        "ce_time": {"type": "string", "format": "date-time"},
        "ce_subject": {"type": "string", "description": "The article_id, when there is one."},
        "content-type": {"type": "string", "const": "application/json"},
    },
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"],
}


def schema_file(event_type: EventType) -> str:
    return f"{event_type.value}.schema.json"


def json_schemas() -> dict[str, dict[str, Any]]:
    out = {}
    for event_type, model in EVENT_TYPES.items():
        mode: Literal["validation", "serialization"] = (
            "validation" if event_type is EventType.RAW_PAGE else "serialization"
        )
        schema = model.model_json_schema(mode=mode)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"urn:newsstream:schema:{event_type.value}"
        out[schema_file(event_type)] = schema
    return out


def _message(event_type: EventType, summary: str, key: str) -> dict[str, Any]:
    message: dict[str, Any] = {
        "name": event_type.value,
        "title": summary,
        "contentType": "application/json",
        "payload": {"$ref": f"./{schema_file(event_type)}"},
        "bindings": {"kafka": {"key": {"type": "string", "description": key}}},
    }
    if event_type is not EventType.RAW_PAGE:
        message["headers"] = _CE_HEADERS
    return message


def asyncapi(settings: Settings) -> dict[str, Any]:
    topics = settings.topics
    article_key = "article_id: every event of one article is on one partition, in order."
    messages = {
        "rawPage": _message(
            EventType.RAW_PAGE,
            "A raw page: this JSON envelope, or any other value taken as the page body itself.",
            "Whatever the producer chose; the page URL is recommended.",
        ),
        "article": _message(EventType.ARTICLE, "A clean article.", article_key),
        "entity": _message(EventType.ENTITY, "An entity found in an article.", article_key),
        "casualty": _message(EventType.CASUALTY, "A stated casualty figure.", article_key),
        "casualtySummary": _message(
            EventType.CASUALTY_SUMMARY, "Best casualty totals of an article.", article_key
        ),
        "incident": _message(
            EventType.INCIDENT,
            "An incident with its current toll and the reports behind it.",
            "incident_id: the latest value per incident; a null value deletes an id a merge"
            " retired.",
        ),
        "incidentReport": _message(
            EventType.INCIDENT_REPORT,
            "What one article tells about an incident.",
            "The region: country and admin1 code ('US-TN'), the country, or 'unplaced'.",
        ),
        "deadLetter": _message(
            EventType.DEAD_LETTER,
            "An input that could not be processed, with the reason and the original record.",
            "The key of the original record.",
        ),
    }
    channels = {spec.channel: (topics[spec.topic], spec) for spec in TOPICS}
    operations: dict[str, Any] = {}
    for channel, (_, spec) in channels.items():
        refs = [{"$ref": f"#/channels/{channel}/messages/{n}"} for n in spec.messages]
        # Received: the service's input and what its stages read from each other.
        if spec.topic is STAGES[0].consumes or consumed_by(spec.topic) is not None:
            operations[f"receive{channel[0].upper()}{channel[1:]}"] = {
                "action": "receive",
                "channel": {"$ref": f"#/channels/{channel}"},
                "messages": refs,
            }
        if produced(spec.topic):
            operations[f"send{channel[0].upper()}{channel[1:]}"] = {
                "action": "send",
                "channel": {"$ref": f"#/channels/{channel}"},
                "messages": refs,
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "newsstream",
            "version": __version__,
            "description": (
                "Raw news pages in; clean articles, entity events and casualty events out. "
                "Topic names carry a configurable prefix (default shown)."
            ),
        },
        "defaultContentType": "application/json",
        "servers": {
            "local": {
                "host": "127.0.0.1:9092",
                "protocol": "kafka",
                "description": "The embedded single-node broker of `newsstream run`.",
            }
        },
        "channels": {
            channel: {
                "address": address,
                "messages": {n: {"$ref": f"#/components/messages/{n}"} for n in spec.messages},
            }
            for channel, (address, spec) in channels.items()
        },
        "operations": operations,
        "components": {"messages": messages},
    }


def render() -> dict[str, bytes]:
    """File name → content for everything in `schemas/`."""
    option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    files = {
        name: orjson.dumps(schema, option=option) + b"\n" for name, schema in json_schemas().items()
    }
    files["asyncapi.json"] = (
        orjson.dumps(asyncapi(Settings(topic_prefix="news.")), option=option) + b"\n"
    )
    return files


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render().items():
        path = directory / name
        path.write_bytes(content)
        written.append(path)
    return written
