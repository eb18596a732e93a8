"""Language of a story's text, with the page's own declaration as a fallback."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_MIN_WORDS = 8
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the text; a declaration wins when the text is too short to judge."""
    fallback = declared.split("-")[0].lower() if declared else None
    if len(text.split()) < _MIN_WORDS:
        return fallback
    code, confidence = _identifier().classify(text)
    if confidence < _MIN_CONFIDENCE:
        return fallback
    return str(code)
