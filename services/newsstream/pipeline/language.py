"""Language of a story's text, decided paragraph by paragraph, with the page's own declaration
as a fallback."""

from __future__ import annotations

from newsstream.enrich.language import MIN_WORDS, main_language, paragraphs


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the text; a declaration wins when the text is too short to judge.

    Each paragraph is judged on its own and the language of most words wins, so a mostly
    English story with a few lines in another script stays English.
    """
    fallback = declared.split("-")[0].lower() if declared else None
    if len(text.split()) < MIN_WORDS:
        return fallback
    return main_language(paragraphs(text)) or fallback
