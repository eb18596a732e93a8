"""Layouts of rendered-text pages, one rule at a time, on pages written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsstream.parse import ParseError, Story, extract_stories
from newsstream.parse.text import _main_first, extract_text_stories

FETCHED_AT = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

LEAD = (
    "Rescue teams reached the village of Korva on Monday after a landslide buried six houses, "
    "the regional governor said."
)
SECOND = (
    "Four people were pulled alive from the mud and taken to hospital in Tarn, where doctors "
    "said their condition was stable."
)
THIRD = (
    "Heavy rain is forecast for the rest of the week, and the governor asked residents of "
    "nearby valleys to leave their homes."
)


def parse(page: str) -> list[Story]:
    return extract_stories(page, content_type="text/plain", url=None, fetched_at=FETCHED_AT)


def test_headline_meta_and_body() -> None:
    page = f"Landslide buries six houses in Korva\n\nReuters · 2h\n\n{LEAD}\n\n{SECOND}\n"
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.publisher == "Reuters"
    assert story.published_text == "2h"
    assert story.published_at == FETCHED_AT - timedelta(hours=2)
    assert story.paragraphs == (LEAD, SECOND)


def test_linked_headline_between_paragraphs_is_dropped() -> None:
    page = (
        "Landslide buries six houses in Korva\n\n"
        f"{LEAD}\n\nGovernor promises new retaining walls after last year's floods\n\n{SECOND}\n"
    )
    stories = parse(page)
    assert len(stories) == 1
    assert stories[0].paragraphs == (LEAD, SECOND)


def test_inline_furniture_does_not_cut_the_body() -> None:
    page = (
        "Landslide buries six houses in Korva\n\n"
        f"{LEAD}\n\nAdvertisement\n\nRead more: Why slopes fail after heavy rain\n\n"
        f"A view of the valley after the slide. Photo by Ana Vidal/AFP\n\n{SECOND}\n\n{THIRD}\n"
        "\nTags: landslide, weather\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND, THIRD)


def test_deck_repeating_the_lead_is_not_body() -> None:
    deck = LEAD.replace("the regional governor said.", "officials said.")
    page = (
        "Landslide buries six houses in Korva\n\n"
        f"{deck}\n\nPublished 9 March 2025, 18:20\n\nKORVA: {LEAD}\n\n{SECOND}\n"
    )
    [story] = parse(page)
    assert story.paragraphs[0] == f"KORVA: {LEAD}"
    assert story.published_text == "Published 9 March 2025, 18:20"


def test_short_deck_above_the_byline_and_date_is_not_a_story() -> None:
    deck = "Six families lost their homes as rain loosened the hillside above the village."
    page = (
        f"Landslide buries six houses in Korva\n{deck}\nBy\nMara Lind\n"
        f"March 9, 2025 8:03 am ET\n{LEAD}\n{SECOND}\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.paragraphs == (LEAD, SECOND)
    assert story.published_text == "March 9, 2025 8:03 am ET"


@pytest.mark.parametrize(
    "caption",
    [
        "In this March 8, 2025, file photo, rescuers dig through the mud in Korva. "
        "(Korva Police via AP, File)",
        "In this undated handout photo released by the governor's office, a bulldozer clears "
        "the road to Korva.",
        "Rescuers dug through the night to reach the buried houses. (Image: GETTY )",
    ],
)
def test_photo_captions_between_paragraphs_are_not_body(caption: str) -> None:
    page = f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{caption}\n\n{SECOND}\n"
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("button", ["Read more", "Continue reading", "Story continues below"])
def test_a_read_more_button_inside_a_story_does_not_cut_it(button: str) -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{button}\n\nAdvertisement\n\n"
        f"{SECOND}\n\n{THIRD}\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND, THIRD)


def test_a_few_labelled_links_inside_a_story_do_not_cut_it() -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\nMore:\n\n"
        "Why slopes fail after heavy rain across the region\n"
        "Governor under pressure over building permits in valleys\n\n"
        f"{SECOND}\n\n{THIRD}\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.paragraphs == (LEAD, SECOND, THIRD)


def test_a_labelled_card_with_one_paragraph_is_not_joined_to_the_story() -> None:
    blurb = (
        "Engineers in Tarn say the retaining walls built after last year's floods held, "
        "and the council will extend them along the river this summer."
    )
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\nRelated:\n\n"
        f"Tarn's flood walls held, engineers say\n\n{blurb}\n"
    )
    stories = parse(page)
    assert stories[0].paragraphs == (LEAD, SECOND)


def test_read_more_over_links_still_ends_the_story() -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\nRead more\n\n"
        "Why slopes fail after heavy rain across the region\n"
        "Governor under pressure over building permits in valleys\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(
    "line",
    [
        "Mara Lind, AP National Political Writer",
        "Skip to Article",
        "Print this article",
        "Rescuers at the buried houses in Korva (Credit: iStock)",
        "( JANE DOE/KORVA PHOTO AGENCY)",
        "Mara Lind Submitted photo",
        "Rescuers dig through the mud in Korva on Monday [File: Reuters]",
    ],
)
def test_lines_between_headline_and_body_do_not_become_the_title(line: str) -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{line}\n\nMarch 9, 2025\n\n{LEAD}\n\n{SECOND}\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.paragraphs == (LEAD, SECOND)


def test_teaser_links_repeated_over_the_body_are_not_its_headline() -> None:
    teasers = (
        "Governor orders evacuation of nearby valleys\n"
        "Coast road to close for bridge repairs\n"
        "Tarn council votes to extend its flood walls\n"
    )
    page = (
        f"News\nWeather\nSport\n{teasers}Business\nTravel\nVideo\nAutos\nFood\nKids\n"
        "Health\nScience\nOpinion\nPodcasts\nGames\nWeather\n"
        "Landslide buries six houses in Korva\nBy Mara Lind, Korva Daily\n1 day ago\n"
        f"{teasers}{LEAD}\n{SECOND}\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.published_text == "1 day ago"
    assert story.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(
    "notice",
    [
        "The material on this site may not be reproduced, distributed or otherwise used, "
        "except with the prior written permission of Korva Media.",
        "Korva Daily is supported by its audience. When you purchase through links on our "
        "site, we may earn an affiliate commission.",
        "Get all the latest headlines delivered straight to your inbox.",
        "Copyright ©2025 Korva Daily. Todos los derechos reservados.",
    ],
)
def test_site_notices_are_neither_body_nor_stories(notice: str) -> None:
    page = f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\n{notice}\n"
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(
    "sentence",
    [
        "In this case the court said the photo was admissible, the lawyer told reporters.",
        "The court said the builder had cleared the slope without the owners' permission.",
    ],
)
def test_body_sentences_near_furniture_phrases_stay_body(sentence: str) -> None:
    page = f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{sentence}\n\n{SECOND}\n"
    [story] = parse(page)
    assert story.paragraphs == (LEAD, sentence, SECOND)


def test_prose_naming_products_is_body_and_link_texts_run_together_are_not() -> None:
    """Names written with a capital inside ("iPhone", "GoPro") glue like link texts printed
    without spaces; a line that reads as a sentence is prose all the same."""
    products = "Rescuers filmed the slope with an iPhone, an iPad and two GoPro cameras on poles."
    page = (
        "HomeNewsWorldEurope\n\nLandslide buries six houses in Korva\n\n"
        f"{LEAD}\n\n{products}\n\n{SECOND}\n\nTagsLandslideWeatherKorva\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, products, SECOND)


def test_reader_comments_are_not_body_nor_stories() -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\n"
        "Milan K\nMarch 10, 2025 at 9:14 am\nPrayers for the families. Stay safe.\n"
        "Reply\n\nlaura\nMarch 10, 2025 at 9:40 am\nThe government was warned years ago.\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND)


def test_a_page_with_only_a_comment_has_no_article() -> None:
    comment = (
        "You people never learn, and your leaders will keep lying to you until this country "
        "stops voting for them. I have watched this happen for twenty years in my town and "
        "nobody cares about the villages until the cameras come, and then you forget again."
    )
    page = f"• Daniel Mertz\n\n    {comment}\n\nCopyright © 2025, All Rights Reserved\n"
    with pytest.raises(ParseError) as raised:
        parse(page)
    assert raised.value.kind == "no_article"


def test_story_printed_twice_is_one_story() -> None:
    block = (
        f"Landslide buries six houses in Korva\nSource: Xinhua 2025-03-10 08:00:00\n\n{LEAD}\n\n"
    )
    page = block + f"{SECOND}\n\nRelated News\n\n" + block + f"{SECOND}\n\n0100200707500000001\n"
    [story] = parse(page)
    assert story.publisher == "Xinhua"
    assert story.published_at == datetime(2025, 3, 10, 8, 0, tzinfo=UTC)


def test_unrelated_story_after_meanwhile_is_split() -> None:
    other = (
        "Meanwhile, police in Brasova arrested two men suspected of stealing copper cable "
        "from the railway depot on Saturday."
    )
    page = (
        f" date 2025-03-09 {LEAD}\n\n{SECOND}\n\n{THIRD}\n\n{other}\n\n"
        "Both men were released on bail.\n"
    )
    first, second = parse(page)
    assert first.paragraphs == (LEAD, SECOND, THIRD)
    assert second.paragraphs[0] == other
    assert first.published_text == second.published_text == "2025-03-09"
    assert first.title is None
    assert second.title is None


def test_meanwhile_on_the_same_story_is_not_split() -> None:
    same = "Meanwhile, the governor of Korva said the rescue in Korva would continue overnight."
    page = f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n{same}\n"
    [story] = parse(page)
    assert story.paragraphs[-1] == same


def test_live_blog_updates_are_stories_and_housekeeping_is_not() -> None:
    page = (
        "Live: landslide rescue in Korva\n\nFollow our live coverage below.\n\n"
        f"1031 GMT\n\n{SECOND}\n\n"
        "0955 GMT\n\nHello, this is Sara taking over the live blog from Tom. "
        "Thanks for following.\n\n"
        f"0920 GMT\n\n{LEAD}\n"
    )
    stories = parse(page)
    assert [story.published_text for story in stories] == ["1031 GMT", "0920 GMT"]
    assert [story.paragraphs for story in stories] == [(SECOND,), (LEAD,)]
    assert stories[0].published_at == datetime(2025, 3, 10, 10, 31, tzinfo=UTC)


def test_headlines_without_bodies_are_not_stories() -> None:
    page = (
        f"Landslide buries six houses in Korva\n{LEAD}\n{SECOND}\nFurther Reading\n"
        "Why slopes fail after heavy rain across the region\n"
        "Governor under pressure over building permits in valleys\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"


def test_the_article_comes_before_the_teaser_printed_above_it() -> None:
    teaser = (
        "Bridge repairs will close the coast road near Tarn for a month from Friday, "
        "the roads agency said on Sunday."
    )
    page = (
        f"Trending now\n\nCoast road to close for bridge repairs\nSky News · 3h\n{teaser}\n\n"
        f"Landslide buries six houses in Korva\nReuters · 2h\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n"
    )
    main, other = parse(page)
    assert (main.title, main.publisher) == ("Landslide buries six houses in Korva", "Reuters")
    assert main.paragraphs == (LEAD, SECOND, THIRD)
    assert (other.title, other.paragraphs) == ("Coast road to close for bridge repairs", (teaser,))


def test_a_teaser_does_not_lead_when_a_long_story_follows_the_article() -> None:
    teaser = "Bridge repairs will close the coast road near Tarn for a month from Friday."
    page = (
        f"Trending now\n\nCoast road to close for bridge repairs\nSky News · 3h\n{teaser}\n\n"
        f"Landslide buries six houses in Korva\nReuters · 2h\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n"
        f"Governor orders evacuation of nearby valleys\nSky News · 5h\n"
        f"{THIRD} {SECOND}\n\n{LEAD}\n"
    )
    stories = parse(page)
    assert stories[0].title == "Landslide buries six houses in Korva"
    assert {story.title for story in stories[1:]} >= {
        "Coast road to close for bridge repairs",
        "Governor orders evacuation of nearby valleys",
    }


@pytest.mark.parametrize(
    ("sizes", "lead"),
    [
        ((14, 330, 350, 420), 1),  # a teaser above an article and its long neighbours
        ((20, 46, 43, 60, 42), 0),  # an article cut into paragraphs: its lede stays first
        ((40, 45, 38), 0),  # peers
        ((12, 30, 400), 2),  # one story dwarfs the others
    ],
)
def test_the_main_story_leads(sizes: tuple[int, ...], lead: int) -> None:
    stories = [
        Story(title=f"story {n}", paragraphs=("word " * size,)) for n, size in enumerate(sizes)
    ]
    assert _main_first(stories)[0].title == f"story {lead}"


def test_peers_of_similar_length_keep_page_order() -> None:
    page = (
        f"Landslide buries six houses in Korva\nReuters · 2h\n{LEAD}\n\n"
        f"Governor orders evacuation of nearby valleys\nSky News · 3h\n{THIRD} {SECOND}\n"
    )
    first, second = parse(page)
    assert first.title == "Landslide buries six houses in Korva"
    assert second.title == "Governor orders evacuation of nearby valleys"


def test_outlet_chips_and_aggregator_cards() -> None:
    page = (
        "Related Articles\n\nDPA International on MSN\n5h\n"
        "Landslide buries six houses in Korva\n"
        f"{LEAD} {SECOND}\n\nSky News\n\ntimean hour ago\n\n  • Sky News\n\n"
        "Governor orders evacuation of nearby valleys\n\n"
        f"{THIRD} Officials said buses would leave in the morning.\n"
    )
    first, second = parse(page)
    assert (first.publisher, first.published_text) == ("DPA International", "5h")
    assert (second.publisher, second.published_text) == ("Sky News", "an hour ago")
    assert second.title == "Governor orders evacuation of nearby valleys"


def test_glued_byline_and_trailing_credit_become_authors() -> None:
    page = (
        f"Landslide buries six houses in Korva\n\nby Valley Newsdesk 3 hours {LEAD} {SECOND} AFP\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (f"{LEAD} {SECOND}",)
    assert story.authors == ("Valley Newsdesk", "AFP")


def test_dateline_names_the_wire_agency() -> None:
    page = (
        "Landslide buries six houses in Korva\n\nBy Ana Vidal and Tom Brandt\n\n"
        f"KORVA, March 10 (Reuters) - {LEAD}\n\n{SECOND}\n\n(Reporting by Ana Vidal)\n"
    )
    [story] = parse(page)
    assert story.publisher == "Reuters"
    assert story.authors == ("Ana Vidal", "Tom Brandt")
    assert story.paragraphs[-1] == SECOND


def test_interface_strings_in_another_script_are_dropped() -> None:
    page = (
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\n"
        "Заголовок открываемого материала\nقد يعجبك ايضا\n"
    )
    [story] = parse(page)
    assert story.paragraphs == (LEAD, SECOND)


def test_menu_runs_and_promotions_are_not_stories() -> None:
    page = (
        "Home\nWorld News\nBusiness and Markets\nSport\nMenu\n\n"
        "Download the app and get the day's most important stories.\n\n"
        f"Landslide buries six houses in Korva\n\n{LEAD}\n\n{SECOND}\n\n"
        "Get the App: Download it today from your app store and start reading.\n"
    )
    [story] = parse(page)
    assert story.title == "Landslide buries six houses in Korva"
    assert story.paragraphs == (LEAD, SECOND)


def test_linked_card_before_a_dateline_of_the_same_story_is_dropped() -> None:
    page = (
        "Landslide buries six houses in Korva\n\n"
        f"{LEAD}\n\nGovernor promises new retaining walls after last year's floods\n"
        f"KORVA (Reuters) — {SECOND} The governor of Korva visited the site.\n"
    )
    [story] = parse(page)
    assert len(story.paragraphs) == 2
    assert story.paragraphs[1].startswith("KORVA (Reuters) —")


def test_undated_digest_items_with_their_own_datelines_are_separate() -> None:
    page = (
        "Landslide buries six houses in Korva\n\n"
        f"{LEAD}\n\n"
        "Copper thieves arrested at the Brasova railway depot\n\n"
        "BRASOVA (AP) — Police arrested two men suspected of stealing cable from the Brasova "
        "depot, a spokeswoman said on Sunday.\n"
    )
    first, second = parse(page)
    assert first.paragraphs == (LEAD,)
    assert second.title == "Copper thieves arrested at the Brasova railway depot"
    assert second.publisher == "AP"


def test_short_headline_over_its_date_stays_a_headline() -> None:
    page = f"Landslide Buries Korva Homes\nMarch 9, 2025\n\n{LEAD}\n\n{SECOND}\n"
    [story] = parse(page)
    assert story.title == "Landslide Buries Korva Homes"
    assert story.publisher is None
    assert story.published_text == "March 9, 2025"


def test_story_in_another_script_keeps_its_headline_and_body() -> None:
    page = (
        "Home\nSubscribe\n\n"
        "Пожар на складе в Казани потушен\n\n"
        "12 марта 2025\n10 March 2025\n\n"
        "Пожар на складе в Казани полностью потушен утром в понедельник, сообщили спасатели. "
        "Пострадавших нет.\n\n"
        "Причины возгорания устанавливает комиссия, добавили в министерстве.\n\n"
        "Share\nFacebook Twitter WhatsApp\n"
    )
    [story] = parse(page)
    assert story.title == "Пожар на складе в Казани потушен"
    assert story.published_text == "10 March 2025"
    assert (
        story.paragraphs[-1]
        == "Причины возгорания устанавливает комиссия, добавили в министерстве."
    )
    assert len(story.paragraphs) == 2


def test_a_bare_news_brief_is_a_story_and_a_reader_comment_is_not() -> None:
    brief = (
        "Gunmen attacked a checkpoint near the town of Rivermouth on Tuesday. Four police "
        "officers were killed and two others wounded in the attack on the northern highway."
    )
    comment = (
        "This is a disgrace and you know it, the governor should resign today because your "
        "people keep dying on that highway while nothing is done about the gangs there."
    )
    bio = "Jane Roe is a senior correspondent covering security and justice for the paper."
    stories = extract_stories(brief, content_type="text/plain", url=None, fetched_at=FETCHED_AT)
    assert [story.body for story in stories] == [brief]
    for text in (comment, bio):
        with pytest.raises(ParseError):
            extract_stories(text, content_type="text/plain", url=None, fetched_at=FETCHED_AT)


def test_a_page_of_one_reporting_line_is_that_story_but_a_lone_footer_is_not() -> None:
    line = "A roadside bomb kills 35 and injures 27 near the market in Eastport"
    stories = extract_stories(line, content_type="text/plain", url=None, fetched_at=FETCHED_AT)
    assert [(story.title, story.body) for story in stories] == [(None, line)]
    for furniture in ("Copyright © 2015, All Rights Reserved", "Related Articles"):
        with pytest.raises(ParseError):
            extract_stories(furniture, content_type="text/plain", url=None, fetched_at=FETCHED_AT)


def test_a_list_of_headline_and_teaser_cards_is_a_list_of_stories() -> None:
    cards = [
        ("Police arrest suspect in the harbour shooting", "Officers in Portville arrested a man"
         " on Monday over the shooting at the harbour, the police said."),
        ("Council approves the new bridge budget", "The Portville city council voted on Tuesday"
         " to fund the new bridge over the river, officials said."),
        ("Storm closes schools across the county", "Schools across Dale County were closed on"
         " Wednesday as a storm brought heavy rain and wind, officials said."),
        ("Firefighters save horses from a barn fire", "Firefighters rescued six horses from a"
         " burning barn near Portville on Thursday, the fire department said."),
    ]  # fmt: skip
    page = "\n\n".join(f"news\n\n{title}\n\n{body}" for title, body in cards)
    stories = extract_text_stories(page, fetched_at=FETCHED_AT, model=None)
    assert [story.title for story in stories] == [title for title, _ in cards]
    assert [story.body for story in stories] == [body for _, body in cards]
