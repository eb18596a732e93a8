"""An article's language is decided paragraph by paragraph."""

from __future__ import annotations

from newsstream.enrich.language import english_view, paragraphs
from newsstream.pipeline.language import detect_language

ENGLISH = (
    "Firefighters worked through the night to put out a blaze at a timber yard on the edge "
    "of the city, the fire service said on Wednesday.\n\n"
    "Nobody was hurt, but two nearby streets were closed while crews cooled the stacks."
)
ARABIC_FOOTER = "تابعونا على قناة الأخبار\n\nقد يعجبك أيضا"
SPANISH = (
    "Los bomberos trabajaron durante toda la noche para apagar un incendio en un almacén de "
    "madera a las afueras de la ciudad, informó el servicio de bomberos."
)


def test_a_mostly_english_page_with_foreign_script_lines_is_english() -> None:
    assert detect_language(f"{ENGLISH}\n\n{ARABIC_FOOTER}") == "en"


def test_a_mostly_foreign_page_is_foreign_even_with_an_english_paragraph() -> None:
    text = f"{SPANISH}\n\n{SPANISH.replace('madera', 'papel')}\n\nPolice said nobody was hurt."
    assert detect_language(text) == "es"


def test_a_text_too_short_to_judge_keeps_the_declared_language() -> None:
    assert detect_language("Fire at the yard", declared="de-AT") == "de"


def test_short_latin_lines_follow_the_article_around_them() -> None:
    text = f"{ENGLISH}\n\nMore on this later.\n\n{ARABIC_FOOTER}"
    langs = [p.lang for p in paragraphs(text)]
    assert langs == ["en", "en", None, "ar", "ar"]
    view = english_view(text, english=True)
    assert view is not None
    assert "More on this later." in view[0]
    foreign = f"{SPANISH}\n\nMore on this later.\n\n{ENGLISH}"
    view = english_view(foreign, english=False)
    assert view is not None
    assert "More on this later." not in view[0]


def test_foreign_paragraphs_are_blanked_and_offsets_kept() -> None:
    text = f"{ENGLISH}\n\n{ARABIC_FOOTER}"
    view = english_view(text, english=True)
    assert view is not None
    body, dropped = view
    assert len(body) == len(text)
    assert body.startswith(ENGLISH)
    assert not body[len(ENGLISH) :].strip()
    assert [p.lang for p in dropped] == ["ar", "ar"]


def test_a_foreign_article_keeps_only_its_english_paragraphs() -> None:
    text = f"{SPANISH}\n\n{ENGLISH}"
    view = english_view(text, english=False)
    assert view is not None
    body, _ = view
    assert not body[: len(SPANISH)].strip()
    assert body.endswith(ENGLISH)
    assert english_view(SPANISH, english=False) is None


def test_english_lines_full_of_names_are_not_dropped_from_an_english_article() -> None:
    text = (
        "Gunmen shot dead 34 people in Tungar Kafau and Gidan Wawa villages in Shinkafi "
        "district of Zamfara State, police said."
    )
    view = english_view(text, english=True)
    assert view is not None
    assert view[0] == text
