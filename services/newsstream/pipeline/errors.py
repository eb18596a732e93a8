"""Failures that send an input to its dead-letter topic instead of stopping the worker."""

from __future__ import annotations

from pydantic import ValidationError


class RecordError(Exception):
    """An input that cannot be processed; `kind` names the reason for dead-letter readers."""

    def __init__(self, kind: str, message: str, stage: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.stage = stage


def describe_validation_error(error: ValidationError) -> str:
    """One line per failed field ("body: Input should be a valid string"), for dead letters."""
    return "; ".join(
        f"{'.'.join(str(loc) for loc in item['loc']) or 'value'}: {item['msg']}"
        for item in error.errors(include_url=False)
    )
