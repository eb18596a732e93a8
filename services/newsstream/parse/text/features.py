"""Measurable traits of one line, the evidence every classification rule is written against.

Only traits that carry across sites: size, sentence punctuation, function-word density,
capitalisation, glued link texts, digits, writing system. Work is bounded per line (long lines are
sampled) so the cost stays linear in the page size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from newsstream.parse.text.vocabulary import STOPWORDS

_SAMPLE = 600  # characters of a line inspected for ratios; enough to judge, bounded cost
_TERMINAL = re.compile(r"[.!?…。！？।؟۔](?:[\"'”’»)\]]{0,3})\s*$")
# Abbreviations whose period does not end a sentence ("Trump vs. Biden", "Gen. Smith").
_ABBREVIATIONS = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Jr",
    "Sr",
    "vs",
    "Gen",
    "Gov",
    "Sen",
    "Rep",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Prof",
    "Rev",
    "No",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "Mt",
    "Ft",
    "U",
    "S",
]
_NOT_ABBREVIATION = "".join(rf"(?<!\b{re.escape(word)})" for word in _ABBREVIATIONS)
# A sentence ends, another begins: not before a lower-case letter (also in caseless scripts).
_SENTENCE_BREAK = re.compile(
    r"(?:[^\W_]|[\"'”’)\]%])" + _NOT_ABBREVIATION + r"[.!?…。！？।؟۔]+[\"'”’)\]]{0,2}\s+"
    r"[\"'“‘(\[]{0,2}(?=[^\W_])(?![a-zß-ÿ])"
    r"|[。！？](?=[^\W_])"  # CJK sentences follow each other without a space
)
_WORD = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)
_GLUE = re.compile(r"[a-z][A-Z]")
# "KABUL, Aug. 3 (Xinhua) --", "FORT LAUDERDALE, Fla. (AP) —", "DAMASCUS:",
# "MANTA, Ecuador, April 19 (UPI) --"
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{1,30}(?:\s[A-Z][A-Z.'’-]{1,30}){0,3}"
    r"(?:,\s[A-Z][\w.'’-]{1,20}(?:\s[A-Z][\w.'’-]{1,20}){0,2}){0,2}"
    r"(?:,\s[A-Z][a-z]{2,8}\.?\s\d{1,2})?"
    r"(?:\s\([^()]{1,40}\))?\s?(?:--|—|–|:)\s"
)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class LineFeatures:
    """Traits of one non-blank line."""

    words: int
    terminal: bool  # ends like a sentence
    colon_end: bool
    breaks: int  # sentence breaks inside the line (counted in its first characters)
    sentences: int  # breaks plus the last sentence if terminal
    stopword_ratio: float
    capitalised_ratio: float  # share of words starting with a capital
    starts_upper: bool
    letters_ratio: float  # letters over non-space characters
    digit_ratio: float
    glued_tokens: int  # tokens with lower-to-upper joins: link texts printed without spaces
    max_glue_in_token: int
    script: str  # dominant writing system of the letters
    dateline: bool  # starts like "CITY (Agency) —"


@lru_cache(maxsize=4096)
def _script_of(char: str) -> str:
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "OTHER"
    head = name.split(" ", 1)[0]
    return "CJK" if head in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"} else head


def script_of(text: str) -> str:
    """Writing system of most letters in `text` ("LATIN", "ARABIC", ...); "" without letters."""
    if text.isascii():
        return "LATIN" if _LETTER.search(text) else ""
    counts: dict[str, int] = {}
    for char in _LETTER.findall(text, 0, 2000)[:300]:
        script = _script_of(char)
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return ""
    return max(counts.items(), key=lambda item: item[1])[0]


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_NOT_LETTER = bytes(code for code in range(128) if code not in _ASCII_LETTERS)
_ASCII_NOT_DIGIT = bytes(code for code in range(128) if not 48 <= code <= 57)
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _counts(sample: str) -> tuple[int, int, int]:
    """Non-space characters, letters and digits; byte tables for ASCII, regexes otherwise."""
    if sample.isascii():
        raw = sample.encode("ascii")
        return (
            len(raw.translate(None, _ASCII_SPACE)),
            len(raw.translate(None, _ASCII_NOT_LETTER)),
            len(raw.translate(None, _ASCII_NOT_DIGIT)),
        )
    # vowel signs and other combining marks belong to the letters of many scripts
    marks = sum(1 for char in sample if unicodedata.category(char)[0] == "M")
    return (
        len(sample) - len(_SPACE.findall(sample)),
        len(_LETTER.findall(sample)) + marks,
        len(_DIGIT.findall(sample)),
    )


def _starts_like_a_title(text: str) -> bool:
    """Capital, digit or opening quote; any letter in scripts without capitals."""
    first = text[:1]
    if first.isupper() or first.isdigit() or first in "\"'“‘«([":
        return True
    return first.isalpha() and not first.islower()


def measure(text: str) -> LineFeatures:
    """Features of a stripped, non-blank line (ratios judged on its first characters)."""
    sample = text[:_SAMPLE]
    tail = text[-200:]
    words = _WORD.findall(sample)
    word_count = len(words) if len(text) <= _SAMPLE else len(text.split())
    script = script_of(sample)
    if script == "CJK":  # written without spaces: about two characters a word
        word_count = max(word_count, len(_LETTER.findall(sample)) // 2)
    elif script not in ("", "LATIN"):  # combining vowel signs split \w runs: count by spaces
        word_count = len(text.split())
    stop = sum(1 for word in words if word.lower() in STOPWORDS)
    capitalised = sum(1 for word in words if word[:1].isupper())
    non_space, letters, digits = _counts(sample)
    glue_counts = (
        [len(_GLUE.findall(token)) for token in sample.split()] if _GLUE.search(sample) else []
    )
    terminal = bool(_TERMINAL.search(tail))
    breaks = len(_SENTENCE_BREAK.findall(sample))
    return LineFeatures(
        words=word_count,
        terminal=terminal,
        colon_end=tail.rstrip().endswith(":"),
        breaks=breaks,
        sentences=breaks + (1 if terminal else 0),
        stopword_ratio=stop / len(words) if words else 0.0,
        capitalised_ratio=capitalised / len(words) if words else 0.0,
        starts_upper=_starts_like_a_title(text),
        letters_ratio=letters / non_space if non_space else 0.0,
        digit_ratio=digits / non_space if non_space else 0.0,
        glued_tokens=sum(1 for count in glue_counts if count),
        max_glue_in_token=max(glue_counts, default=0),
        script=script,
        dateline=bool(_DATELINE.match(sample)),
    )
