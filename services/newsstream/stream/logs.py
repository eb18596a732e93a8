"""The worker's log: text lines by default, one JSON object per line when asked, and no
ERROR for what every start goes through."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import orjson

#: aiokafka logs this at ERROR while a new group's coordinator is being elected, then retries.
_COORDINATOR_NOT_READY = "GroupCoordinatorNotAvailableError"
_COORDINATOR_LOGGERS = ("aiokafka.consumer.group_coordinator",)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and a record's own fields."""

    def format(self, record: logging.LogRecord) -> str:
        document: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            document.update(fields)
        if record.exc_info:
            document["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(document, default=str).decode()


class _CoordinatorNotReady(logging.Filter):
    """The coordinator of a group that was just created is elected within a second or two;
    until then the client retries. That is part of a normal start: INFO, not ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and _COORDINATOR_NOT_READY in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def configure(root: logging.Logger, *, json: bool) -> None:
    """Apply the format to the root logger's handlers and quieten the start-up noise."""
    if json:
        for handler in root.handlers:
            handler.setFormatter(JsonFormatter())
    for name in _COORDINATOR_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _CoordinatorNotReady) for f in logger.filters):
            logger.addFilter(_CoordinatorNotReady())
