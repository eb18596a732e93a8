"""The unpacked copy of the language model judges exactly as the packed original does."""

from __future__ import annotations

from pathlib import Path

import numpy

from newsstream.enrich import language

TEXTS = [
    "Three people were killed when a storm hit the coast on Monday, police said.",
    "Drei Menschen kamen ums Leben, als ein Sturm die Küste traf.",
    "Trois personnes ont été tuées lorsqu'une tempête a frappé la côte lundi.",
    "عاصفة تقتل ثلاثة أشخاص على الساحل",
    "Tres personas murieron cuando una tormenta azotó la costa el lunes.",
]


def test_the_copy_is_kept_and_judges_like_the_original(tmp_path: Path) -> None:
    original = language._load(None)
    first = language._load(tmp_path)
    [kept] = tmp_path.glob("langid-*.npz")
    second = language._load(tmp_path)
    assert kept.exists()
    for text in TEXTS:
        expected = original.classify(text)
        assert first.classify(text) == expected
        assert second.classify(text) == expected


def test_a_damaged_copy_falls_back_to_the_original(tmp_path: Path) -> None:
    language._load(tmp_path)
    [kept] = tmp_path.glob("langid-*.npz")
    kept.write_bytes(b"not a model")
    assert language._load(tmp_path).classify(TEXTS[0])[0] == "en"


def test_the_copy_s_large_tables_are_mapped_not_read(tmp_path: Path) -> None:
    language._load(tmp_path)
    loaded = language._load(tmp_path)
    assert isinstance(loaded.nb_ptc, numpy.memmap)
    assert isinstance(loaded.tk_nextmove, memoryview)
    assert isinstance(loaded.tk_nextmove.obj, numpy.memmap)
