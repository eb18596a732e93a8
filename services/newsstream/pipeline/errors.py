"""Failures that send an input to its dead-letter topic instead of stopping the worker."""

from __future__ import annotations


class RecordError(Exception):
    """An input that cannot be processed; `kind` names the reason for dead-letter readers."""

    def __init__(self, kind: str, message: str, stage: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.stage = stage
