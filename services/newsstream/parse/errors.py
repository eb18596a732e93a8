"""Why a page could not be parsed; `kind` becomes the dead-letter error type."""

from __future__ import annotations


class ParseError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
