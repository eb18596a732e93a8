"""Names folded into comparable keys, for places and people alike.

Kept apart from the gazetteer because the stored place tables are keyed by these functions:
a change here must rebuild them (`place_tables` hashes this file).
"""

from __future__ import annotations

import unicodedata

from newsstream.enrich.lexicon import NAME_ARTICLES, PLACE_ABBREVIATIONS

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})
_DASHES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " "})


def name_key(text: str) -> str:
    """Comparable form of a place or person name: accents folded, case and punctuation evened.

    "U.S." and "US", "Balıkesir" and "Balikesir"-like spellings, "Al-Jawf" and "al Jawf" meet.
    """
    if text.isascii():
        folded = text.casefold()
        if folded.isalpha():
            return folded
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
        folded = folded.replace("ı", "i")
    folded = folded.replace(".", "").replace("'", "").translate(_DASHES)
    words = folded.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def expanded_key(key: str) -> str:
    """`key` with an abbreviated first word written out ("st helier" -> "saint helier",
    "s korea" -> "south korea")."""
    words = key.split()
    if len(words) > 1 and words[0] in PLACE_ABBREVIATIONS:
        return " ".join([PLACE_ABBREVIATIONS[words[0]], *words[1:]])
    return key


def bare_key(key: str) -> str:
    """`key` without a leading Arabic-style article ("al jawf" -> "jawf")."""
    words = key.split()
    if len(words) > 1 and words[0] in NAME_ARTICLES | {"as", "ar", "ad", "an", "ash", "az"}:
        return " ".join(words[1:])
    return key


def usable_alternate(alias: str) -> bool:
    """ASCII alternate names only (other scripts have ASCII forms too), and no all-capital
    codes such as "NYC"."""
    return len(alias) >= 3 and alias.isascii() and not (alias.isupper() and len(alias) <= 4)
