"""Why a page could not be parsed; `kind` becomes the dead-letter error type."""

from __future__ import annotations


class ParseError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str]]:
        """Keep both fields when the error crosses from the parser process to the worker."""
        return (ParseError, (self.kind, self.message))
