"""The example messages in docs/examples are real: each passes its pydantic model and the
JSON Schema consumers are given, so the docs cannot drift from the contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from newsstream.models import EventType
from newsstream.models.event_types import EVENT_TYPES

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "docs" / "examples").glob("*.json"))
SCHEMAS = REPO / "schemas"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        document = json.loads(path.read_text())
        resources.append((path.name, Resource.from_contents(document)))
        resources.append((f"./{path.name}", Resource.from_contents(document)))
    return Registry().with_resources(resources)


def test_there_is_an_example_of_every_message() -> None:
    assert {path.name.removesuffix(".json") for path in EXAMPLES} == {t.value for t in EventType}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_passes_its_model_and_its_schema(path: Path) -> None:
    document = json.loads(path.read_text())
    event_type = EventType(path.name.removesuffix(".json"))
    if event_type is EventType.RAW_PAGE:
        data = document  # what a producer sends: the envelope itself
    else:
        assert document["specversion"] == "1.0"
        assert document["type"] == event_type.value
        data = document["data"]
    EVENT_TYPES[event_type].model_validate(data)
    schema = json.loads((SCHEMAS / f"{event_type.value}.schema.json").read_text())
    errors = list(Draft202012Validator(schema, registry=_registry()).iter_errors(data))
    assert not errors, [error.message for error in errors]
