"""Metadata lines: outlet, author and time glued together are split apart."""

from __future__ import annotations

import pytest

from newsstream.parse.text.meta import (
    DateRank,
    Meta,
    cut_glued_byline,
    cut_trailing_credit,
    parse_meta_line,
)


@pytest.mark.parametrize(
    ("line", "publisher", "date_text"),
    [
        ("Al Mayadeen4 days ago", "Al Mayadeen", "4 days ago"),
        ("time9 hours ago", None, "9 hours ago"),
        ("timean hour ago", None, "an hour ago"),
        ("• LBCI", "LBCI", None),
        ("- Sky News", "Sky News", None),
        ("January 23, 2020 | Via BBC", "BBC", "January 23, 2020"),
        ("Source: Xinhua   2016-08-03 20:09:19", "Xinhua", "2016-08-03 20:09:19"),
        ("Source: Yahoo News", "Yahoo News", None),
        ("DPA International on MSN", "DPA International", None),
        ("Dec. 24, 2024 14:55 PM EST", None, "Dec. 24, 2024 14:55 PM EST"),
        ("Reuters · 2h", "Reuters", "2h"),
        ("Updated on: March 9, 2025 / 10:07 AM", None, "Updated on March 9, 2025 10:07 AM"),
        (
            "First published on March 9, 2025 / 8:16 AM",
            None,
            "First published on March 9, 2025 8:16 AM",
        ),
        (
            "PUBLISHED: 10:48, Sun, Mar 9, 2025 | UPDATED: 11:05, Sun, Mar 9, 2025",
            None,
            "PUBLISHED 10:48, Sun, Mar 9, 2025",
        ),
    ],
)
def test_outlet_and_time(line: str, publisher: str | None, date_text: str | None) -> None:
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.publisher == publisher
    assert meta.date_text == date_text


@pytest.mark.parametrize(
    ("line", "authors", "publisher"),
    [
        ("Mara Lind, AP National Political Writer", ("Mara Lind",), None),
        ("Mara Lind - Science Contributor", ("Mara Lind",), None),
        ("Mara Lind@maralind", ("Mara Lind",), None),
        ("Mara Lind, Associated Press", ("Mara Lind",), "Associated Press"),
    ],
)
def test_bylines_signed_without_by(
    line: str, authors: tuple[str, ...], publisher: str | None
) -> None:
    assert parse_meta_line(line) == Meta(authors=authors, publisher=publisher)


def test_agency_byline_with_time_names_author_and_publisher() -> None:
    meta = parse_meta_line("By: Agence France Presse November 18,2024 - 08:54 AM")
    assert meta == Meta(
        date_text="November 18,2024 - 08:54 AM",
        publisher="Agence France Presse",
        authors=("Agence France Presse",),
    )


def test_byline_with_several_people() -> None:
    meta = parse_meta_line("By Jane R. Doe and John Smith")
    assert meta is not None
    assert meta.authors == ("Jane R. Doe", "John Smith")
    assert meta.publisher is None


@pytest.mark.parametrize(
    ("line", "date_text", "rank"),
    [
        (
            "(Published 26 November 2023, 04:53 IST)",
            "Published 26 November 2023, 04:53 IST",
            DateRank.PUBLISHED,
        ),
        (
            "Last Updated 26 November 2023, 04:53 IST",
            "Last Updated 26 November 2023, 04:53 IST",
            DateRank.UPDATED,
        ),
        ("April 22, 2019 at 5:47 PM", "April 22, 2019 at 5:47 PM", DateRank.PLAIN),
    ],
)
def test_spaced_labels_are_kept_and_ranked(line: str, date_text: str, rank: DateRank) -> None:
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.date_text == date_text
    assert meta.date_rank is rank


@pytest.mark.parametrize(
    "line", ["AFP", "(Reuters)", "— AP", "(Reporting by Ann Lee; Editing by Bo Yu)"]
)
def test_credit_lines(line: str) -> None:
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.credit


@pytest.mark.parametrize(
    "line",
    [
        "Trump Sues Wall Street Journal Over Epstein Report, Seeks $10 Billion",
        "He died on April 3, 2019, in a hospital in Lagos.",
        "Fire kills 3 on Dec. 24 in Ohio town",
        "Toni Morrison, Nobel prize-winning writer, dies at 88",
        "Biden, Harris visit Korva after the landslide",
        "Mara Lind, Korva's mayor, resigns",
        "Related Articles",
        "MTV Lebanon",
        "",
    ],
)
def test_other_lines_are_not_metadata(line: str) -> None:
    assert parse_meta_line(line) is None


def test_glued_byline_is_cut_from_the_body_start() -> None:
    body, authors, age = cut_glued_byline(
        "by Naharnet Newsdesk 9 hours Hezbollah chief Sheikh Naim Qassem has said that"
    )
    assert body == "Hezbollah chief Sheikh Naim Qassem has said that"
    assert authors == ("Naharnet Newsdesk",)
    assert age == "9 hours"


def test_byline_separated_by_a_bar_is_cut() -> None:
    body, authors, _age = cut_glued_byline("By Maria Lopez | The mayor said on Monday that")
    assert (body, authors) == ("The mayor said on Monday that", ("Maria Lopez",))


def test_sentence_starting_with_by_is_left_alone() -> None:
    text = "By the end of the day, rescuers had pulled 12 people from the rubble."
    assert cut_glued_byline(text) == (text, (), None)


@pytest.mark.parametrize(
    ("paragraph", "kept", "agencies"),
    [
        (
            "Another 15 were killed, the Observatory said. AFP",
            "Another 15 were killed, the Observatory said.",
            ("AFP",),
        ),
        ("The talks resume on Monday. (Reuters)", "The talks resume on Monday.", ("Reuters",)),
        (
            "Officials confirmed the toll. AFP/Reuters",
            "Officials confirmed the toll.",
            ("AFP", "Reuters"),
        ),
    ],
)
def test_trailing_wire_credit(paragraph: str, kept: str, agencies: tuple[str, ...]) -> None:
    assert cut_trailing_credit(paragraph) == (kept, agencies)


def test_agency_inside_a_sentence_stays() -> None:
    text = "She worked for AP before joining the ministry."
    assert cut_trailing_credit(text) == (text, ())


@pytest.mark.parametrize(
    "line",
    ["(The Associated Press contributed to this report.)", "Reuters contributed to this story."],
)
def test_a_contribution_note_is_a_credit(line: str) -> None:
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.credit


def test_a_sentence_about_contributions_is_not_a_credit() -> None:
    assert parse_meta_line("Many people contributed to this report and others.") is None
