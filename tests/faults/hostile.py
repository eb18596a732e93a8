"""Hostile records, one per class: encodings, JSON, bytes, HTML, sizes, scripts, numbers.

Each is what a broken crawler, a hostile site or a fuzzer could put on the raw topic. Bodies
are built from a short real story so that a record which survives decoding has something to
parse. Sizes stay under the broker's record limit, except where compression carries more.
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass

import orjson

STORY = (
    "Storm kills three in coastal town\n\n"
    "Three people were killed and five injured when a storm hit the coastal town of Puri on "
    "Monday, police said.\n\nRescue teams were searching for two fishermen who are missing."
)
SENTENCE = "Three people were killed when a storm hit the coast on Monday. "


@dataclass(frozen=True)
class Hostile:
    name: str
    value: bytes | None
    compressed: bool = False  # sent gzip-compressed, so a value over the record limit fits


def _envelope(body: object, **fields: object) -> bytes:
    return orjson.dumps({"body": body, **fields})


def _deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + STORY + "</div>" * depth + "</body></html>"


def _numbers(count: int) -> str:
    numbers = " ".join(str(n) for n in range(count))
    return f"Storm toll, {count:,} figures\n\n{numbers} people were killed, police said."


def hostile_records() -> list[Hostile]:
    """Every class, in a fixed order; random parts come from a fixed seed."""
    rng = random.Random(7)
    text = STORY.encode()
    entities = ['<!ENTITY l0 "lol">']
    entities += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    laughs = "".join(entities)
    values: dict[str, bytes | None] = {
        # Encodings.
        "invalid utf-8": b"\xff\xfe\xfa\xfb " + text,
        "latin-1 inside utf-8": text + " caf\xe9 cr\xe8me".encode("latin-1"),
        "utf-16 with bom": STORY.encode("utf-16"),
        "utf-8 bom": b"\xef\xbb\xbf" + text,
        "overlong utf-8": b"\xc0\xaf\xe0\x80\xaf " + text,
        "lone surrogate escape": (b'{"body": "\\ud800 ' + text.replace(b"\n", b"\\n") + b'"}'),
        # JSON.
        "truncated json": b'{"body": "Storm kills three in coast',
        "deeply nested json": b"[" * 100_000 + b"]" * 100_000,
        "nested envelope": orjson.dumps({"body": {"body": {"body": STORY}}}),
        "huge json array": orjson.dumps({"body": STORY, "extra": list(range(150_000))}),
        "body a number": _envelope(5),
        "body null": _envelope(None),
        "body a list": _envelope(["Storm", "kills"]),
        "url a number": _envelope(STORY, url=7),
        "fetched_at garbage": _envelope(STORY, fetched_at="the day before yesterday-ish"),
        "content type unknown": _envelope(STORY, content_type="image/png"),
        "json array at top": b"[1, 2, 3]",
        "json string at top": b'"just a string"',
        "duplicate keys": b'{"body": "first", "body": ' + orjson.dumps(STORY) + b"}",
        "number overflowing a double": (b'{"body": ' + orjson.dumps(STORY) + b', "n": 1e309}'),
        "forty-digit count": _envelope(
            "Toll rises\n\n1234567890123456789012345678901234567890 people were killed."
        ),
        # Empty and odd values.
        "empty value": b"",
        "null value (tombstone)": None,
        "whitespace only": b"   \n\t  \r\n ",
        # Bytes.
        "nul bytes in text": STORY.replace(" ", "\x00 ", 5).encode(),
        "random binary": rng.randbytes(20_000),
        "png image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(5_000),
        "gzip bytes": gzip.compress(text * 50),
        "ansi and control characters": ("\x1b[31m\x07\x08" + STORY + "\x1b[0m\x0c").encode(),
        # HTML.
        "deep html": _deep_html(20_000).encode(),
        "wide html": ("<html><body>" + "<span>x</span>" * 100_000 + "</body></html>").encode(),
        "entity expansion": (
            f'<?xml version="1.0"?><!DOCTYPE lolz [{laughs}]><html><body><p>&l9;</p>'
            f"<p>{STORY}</p></body></html>"
        ).encode(),
        "external entity": (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f"<html><body><p>&e;</p><p>{STORY}</p></body></html>"
        ).encode(),
        "scripts only": (b"<html><head><script>while(true){}</script></head><body></body></html>"),
        "broken markup": b"<<<<html<body>>>><p<p>>" + text + b"</</</div>>>",
        "ten thousand paragraphs": (
            "<html><body><h1>Storm</h1>" + "<p>word</p>" * 10_000 + "</body></html>"
        ).encode(),
        # Sizes.
        "one 10 MB line": b"x" * 10_000_000,
        "2 MB of repeated sentences": (SENTENCE * 30_000).encode()[:1_990_000],
        "a 500,000-character word": b"Storm\n\n" + b"x" * 500_000,
        "200,000 one-letter lines": b"Storm\n\n" + b"a\n" * 200_000,
        # Scripts.
        "right-to-left and mixed scripts": (
            "عاصفة تقتل ثلاثة\n\nסערה הרגה שלושה אנשים. " + STORY + " 暴风雨造成三人死亡。"
        ).encode(),
        "combining marks flood": ("Storm\n\n" + "a\u0301\u0302\u0303" * 50_000).encode(),
        # Built to make expressions backtrack.
        "backtracking bait": (
            "Toll\n\n" + "1, " * 30_000 + "and " + "killed " * 2 + "(" * 5_000 + "people"
        ).encode(),
        "100,000 numbers in one article": _envelope(_numbers(100_000)),
        "20,000 numbers in one article": _envelope(_numbers(20_000)),
    }
    compressed = {"one 10 MB line"}
    return [Hostile(name, value, name in compressed) for name, value in values.items()]
