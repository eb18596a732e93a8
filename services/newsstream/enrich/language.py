"""Language per paragraph (py3langid), so that a mixed text is judged part by part.

A mostly English article with a few lines in another script (a footer in Arabic, a quoted
tweet in Russian) is English, and those lines are left out of enrichment; the English
paragraphs of an article mostly in another language are still enriched. Short lines in the
Latin script say too little to judge: they follow the text around them.
"""

from __future__ import annotations

import logging
import lzma
import re
import shutil
import struct
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any, BinaryIO

import numpy

from newsstream.enrich import derived_cache

#: Fewer words than this are judged by their script only.
MIN_WORDS = 8
#: Below this confidence a paragraph's language is left undecided.
MIN_CONFIDENCE = 0.5
#: A Latin-script paragraph is dropped from an article in another language only above this:
#: English lines full of names are taken for other languages with less.
CERTAIN_CONFIDENCE = 0.9
_LINE = re.compile(r"[^\n]+")
log = logging.getLogger(__name__)
# A zip member's local header: signature, then fixed fields, then the name and extra lengths.
_ZIP_LOCAL_HEADER = struct.Struct("<4s22xHH")
_ZIP_LOCAL_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Paragraph:
    """One line of a text with its language (ISO 639-1), or None when it cannot be told.

    `certain` marks a judgement strong enough to drop the line from an article in another
    language: a script other than Latin, or a confident identification.
    """

    start: int
    end: int
    lang: str | None
    words: int
    certain: bool = False


#: The loaded language model, once per process.
_MODEL: list[Any] = []


def _identifier() -> Any:
    if not _MODEL:
        _MODEL.append(_load(None))
    return _MODEL[0]


def warm_up(cache_dir: Path | None = None) -> None:
    """Read the language model now rather than inside the first article.

    py3langid ships it LZMA-compressed, and unpacking takes most of a second at every start;
    an unpacked copy kept in `cache_dir` (about 70 MB) is mapped in a twentieth of that.
    """
    if not _MODEL:
        _MODEL.append(_load(cache_dir))


def _load(cache_dir: Path | None) -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if cache_dir is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    source = MODEL_DIR / MODEL_FILE
    key = derived_cache.fingerprint([f"py3langid=={version('py3langid')}"], [source])
    path = derived_cache.cache_path(cache_dir, "langid", key, ".npz")
    if not path.exists():
        derived_cache.write(path, "langid", lambda out: _unpack(source, out))
    try:
        return _from_unpacked(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        log.info("language model copy %s unreadable (%s); reading the original", path, error)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _unpack(source: Path, out: BinaryIO) -> None:
    with lzma.open(source) as packed:
        shutil.copyfileobj(packed, out, length=1 << 20)


def _from_unpacked(path: Path) -> Any:
    """The identifier py3langid's own loader builds, its two large tables mapped from the copy.

    The feature table and the tokenizer's transitions are some 66 MB, of which a text touches
    a few rows: mapped, the rest stays on disk (and is shared by the workers of one machine)
    instead of being read into each process.
    """
    from py3langid.langid import LanguageIdentifier

    arrays = _mapped_arrays(path)
    return LanguageIdentifier(
        arrays["ptc"],
        numpy.array(arrays["pc"]),
        arrays["classes"].tolist(),
        _int_view(arrays["nextmove"]),
        _int_view(arrays["out_feat"]),
        norm_probs=True,
        tk_row=arrays["nextmove_row"].tolist(),
    )


def _int_view(array: numpy.ndarray[Any, Any]) -> memoryview:
    """The tokenizer walks its tables byte by byte: a memoryview gives plain ints, fast."""
    if not array.dtype.isnative or array.dtype.kind not in "iu":
        raise ValueError(f"expected native integers, found {array.dtype}")
    return array.data.cast("B").cast(array.dtype.char)


def _mapped_arrays(path: Path) -> dict[str, numpy.ndarray[Any, Any]]:
    """The arrays of an uncompressed .npz file, each mapped read-only where it lies in it.

    numpy maps single .npy files only; an .npz stores each array as one, so the mapping starts
    past the member's zip header and its .npy header.
    """
    arrays: dict[str, numpy.ndarray[Any, Any]] = {}
    with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
        for member in archive.infolist():
            if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
                raise ValueError(f"{member.filename} is not a stored array")
            raw.seek(member.header_offset)
            header = raw.read(_ZIP_LOCAL_HEADER.size)
            magic, *_, name_length, extra_length = _ZIP_LOCAL_HEADER.unpack(header)
            if magic != _ZIP_LOCAL_MAGIC:
                raise ValueError(f"{member.filename} has no local header")
            raw.seek(member.header_offset + len(header) + name_length + extra_length)
            major, _ = numpy.lib.format.read_magic(raw)
            read_header = (
                numpy.lib.format.read_array_header_1_0
                if major == 1
                else numpy.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(raw)
            arrays[member.filename.removesuffix(".npy")] = numpy.memmap(
                path,
                dtype=dtype,
                mode="r",
                offset=raw.tell(),
                shape=shape,
                order="F" if fortran else "C",
            )
    return arrays


def classify(text: str) -> str | None:
    """Language of one stretch of text, or None when it is too short or unclear.

    A short stretch is judged only when most of its letters are outside the Latin script,
    where the script itself is strong evidence.
    """
    return _judge(text)[0]


def _judge(text: str) -> tuple[str | None, bool]:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None, False
    latin = _latin_share(letters) >= 0.5
    if len(text.split()) < MIN_WORDS and latin:
        return None, False
    code, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE:
        return None, False
    return str(code), not latin or confidence >= CERTAIN_CONFIDENCE


def paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line of `text` with its language.

    Lines too short to judge alone are judged together: their pooled text gives them one
    language (None when even the pool is too short or unclear).
    """
    found = []
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        lang, certain = _judge(line)
        found.append(Paragraph(match.start(), match.end(), lang, len(line.split()), certain))
    undecided = [p for p in found if p.lang is None]
    if not undecided:
        return found
    pooled, certain = _judge("\n".join(text[p.start : p.end] for p in undecided))
    if pooled is None:
        return found
    return [replace(p, lang=pooled, certain=certain) if p.lang is None else p for p in found]


def main_language(parts: list[Paragraph]) -> str | None:
    """The language holding the most words among the paragraphs that have one."""
    weights: Counter[str] = Counter()
    for part in parts:
        if part.lang is not None:
            weights[part.lang] += part.words
    if not weights:
        return None
    return weights.most_common(1)[0][0]


def english_view(text: str, *, english: bool) -> tuple[str, list[Paragraph]] | None:
    """`text` as enrichment reads it, with the paragraphs it leaves out; None when no
    paragraph is English.

    In an article taken for English (`english`), only paragraphs surely in another language
    are left out; in an article in another language, every paragraph not found English.
    Left-out paragraphs are blanked (spaces, line breaks kept), so every character offset
    stays as it was and spans found in the result point into the original text.
    """
    parts = paragraphs(text)
    if english:
        dropped = [p for p in parts if p.lang not in {None, "en"} and p.certain]
    else:
        dropped = [p for p in parts if p.lang != "en"]
    if len(dropped) == len(parts) and (dropped or not english):
        return None
    chars = list(text)
    for part in dropped:
        chars[part.start : part.end] = " " * (part.end - part.start)
    return "".join(chars), dropped


def _latin_share(letters: list[str]) -> float:
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)
