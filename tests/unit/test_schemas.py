"""schemas/ is generated from the pydantic models; this fails when the two have drifted."""

from __future__ import annotations

from pathlib import Path

import orjson

from newsstream.schema_export import render

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_schemas_match_the_models() -> None:
    expected = render()
    committed = {path.name: path.read_bytes() for path in SCHEMAS.glob("*.json")}
    assert sorted(committed) == sorted(expected), "run `make schemas`"
    for name, content in expected.items():
        assert committed[name] == content, f"{name} is stale: run `make schemas`"


def test_asyncapi_references_resolve() -> None:
    document = orjson.loads((SCHEMAS / "asyncapi.json").read_bytes())
    assert document["asyncapi"].startswith("3.")
    for message in document["components"]["messages"].values():
        target = message["payload"]["$ref"]
        assert (SCHEMAS / target).exists(), target
    for operation in document["operations"].values():
        channel = operation["channel"]["$ref"].split("/")[-1]
        assert channel in document["channels"]
        for ref in operation["messages"]:
            parts = ref["$ref"].split("/")
            assert parts[-1] in document["channels"][parts[2]]["messages"]
