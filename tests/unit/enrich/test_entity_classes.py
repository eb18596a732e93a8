"""Entities: general failure classes of the model fixed from syntax, shape and vocabulary."""

from __future__ import annotations

from collections.abc import Callable

from newsstream.enrich import Enrichment
from newsstream.enrich.nlp import load_pipeline
from tests.unit.enrich.conftest import MODEL

Enrich = Callable[..., Enrichment]


def _names(result: Enrichment, label: str) -> set[str]:
    return {e.name for e in result.entities if e.label == label}


def _all_names(result: Enrichment) -> set[str]:
    names = set()
    for entity in result.entities:
        if entity.label in {"PERSON", "ORG", "GPE", "LOC"}:
            names |= {entity.name, *entity.aliases}
    return names


def test_an_outlet_credit_opening_the_text_is_no_entity(enrich_text: Enrich) -> None:
    result = enrich_text(
        "(Bayview Courier) - Prime Minister Alma Reyes said on Monday that elections will be "
        "held in Portugal next spring."
    )
    assert "Bayview Courier" not in _all_names(result)
    assert "Alma Reyes" in _names(result, "PERSON")


def test_a_bracketed_acronym_is_the_name_before_it(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Militants attacked a checkpoint in Khyber Pakhtunkhwa (KP) on Friday. Police in KP "
        "said the attack was the third this month."
    )
    places = {e.name: e for e in result.entities if e.label == "GPE"}
    assert "North Korea" not in places
    assert "KP" in places["Khyber Pakhtunkhwa"].aliases


def test_an_organisation_the_model_missed_is_found_from_its_acronym(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The attack was claimed by Islamic State (ISIS) late on Tuesday. ISIS said four of its "
        "fighters took part."
    )
    orgs = {e.name: e for e in result.entities if e.label == "ORG"}
    assert "Islamic State" in orgs
    assert "ISIS" in orgs["Islamic State"].aliases


def test_a_named_facility_is_a_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The wounded were taken to Saint Bruno Hospital, and two suspects were held at Marlow "
        "County Jail overnight."
    )
    assert {"Saint Bruno Hospital", "Marlow County Jail"} <= _names(result, "LOC")


def test_a_name_continued_by_an_organisation_word_is_the_organisation(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "Deputies from the Los Angeles County Sheriff's Department arrested a man on Tuesday."
    )
    assert "Los Angeles County Sheriff's Department" in _names(result, "ORG")
    assert "Los Angeles County" not in _names(result, "GPE")


def test_a_possessor_stays_apart_from_the_organisation_it_owns(enrich_text: Enrich) -> None:
    result = enrich_text("Iraq's Security Media Cell said two soldiers were wounded near Kirkuk.")
    assert "Iraq" in _names(result, "GPE")
    assert not any(name.startswith("Iraq") for name in _names(result, "ORG"))


def test_a_storm_name_is_an_event_not_a_person_or_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Typhoon Maribel made landfall in the Philippines on Sunday. Maribel weakened as it "
        "crossed Samar, and forecasters compared it with super typhoon Haiyan."
    )
    names = _all_names(result)
    assert not {"Maribel", "Typhoon Maribel", "Haiyan"} & names
    assert "Philippines" in _names(result, "GPE")


def test_the_noun_a_name_completes_gives_its_kind(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The storm hit the town of Kandoro before reaching the island of Tavuni, where the "
        "plains of Moruba were flooded."
    )
    assert "Kandoro" in _names(result, "GPE")
    assert {"Tavuni", "Moruba"} <= _names(result, "LOC")


def test_a_name_placed_by_a_block_number_is_a_street(enrich_text: Enrich) -> None:
    """Police reports place an address as "the 3100 block of Redwood"; the model takes the
    bare street name for a person."""
    result = enrich_text(
        "Officers were sent to the 3100 block of Redwood after a fight. A second man was found "
        "in the 1200 block of South Keeler."
    )
    assert {"Redwood", "South Keeler"} <= _names(result, "LOC")
    assert not _names(result, "PERSON") & {"Redwood", "South Keeler"}


def test_a_name_ending_like_a_street_is_a_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Deputies found the car on Verbena Drive, near Parker Ave and Birch St. Two witnesses "
        "on Cove Crest Trail heard the shots. Federal Way police said the Lucas County Court "
        "would hear the case."
    )
    assert {"Verbena Drive", "Parker Ave", "Cove Crest Trail"} <= _names(result, "LOC")
    assert "Lucas County Court" in _names(result, "ORG")
    assert "Federal Way" not in _names(result, "LOC")


def test_words_all_in_lower_case_are_no_name(enrich_text: Enrich) -> None:
    """The model now and then tags common words ("meth", "a minivan") as names."""
    result = enrich_text(
        "Deputies said Melvyn Peters, 57, of Lambertville, had meth and drug paraphernalia in "
        "a minivan when he was stopped near Trenton."
    )
    names = {entity.name for entity in result.entities}
    assert not [name for name in names if name == name.lower()]
    assert {"Melvyn Peters", "Lambertville"} <= names


def test_an_abbreviated_rank_stays_with_the_name_after_it(enrich_text: Enrich) -> None:
    """Cut at its full stop, "Sgt." ended a sentence and the model took the rank for a name
    of its own; kept whole, it is a title, and it parts an organisation from the person."""
    result = enrich_text(
        "State Police Capt. Doug Cain said the trooper was hurt. Police Sgt. Ryan Hoxmeier "
        "said the car was found in the 4200 block of N. Shadybrook Dr. on Monday."
    )
    assert {"Doug Cain", "Ryan Hoxmeier"} <= _names(result, "PERSON")
    assert "State Police" in _names(result, "ORG")
    assert not {"Sgt", "Sgt.", "Capt", "Capt."} & _all_names(result)
    assert "N. Shadybrook Dr." in _names(result, "LOC")


def test_an_abbreviated_rank_does_not_end_a_sentence() -> None:
    doc = load_pipeline(MODEL)("Police Sgt. Ryan Hoxmeier said the car sped away.")
    assert len(list(doc.sents)) == 1


def test_the_source_before_a_headline_colon_is_no_dateline(enrich_text: Enrich) -> None:
    """ "Police: ..." credits the claim; a town called Police is not where it happened."""
    result = enrich_text(
        "A girl was wounded in East Oakland on Thursday. Detectives said she was hit once.",
        title="Police: 22-month-old girl shot in East Oakland",
    )
    assert _all_names(result) == {"East Oakland"}
    assert "Kabul" in _names(enrich_text("Kabul: Two people were killed in a blast."), "GPE")


def test_a_name_before_the_members_of_an_armed_group_is_the_group(
    enrich_text: Enrich,
) -> None:
    """The model takes "Boko Haram" for a person; "Boko Haram fighters" says it is a group,
    wherever else the article names it. A place stays a place ("Rakhine rebels")."""
    result = enrich_text(
        "Boko Haram killed six villagers in Borno on Sunday. Residents said Boko Haram "
        "fighters arrived on motorcycles. Rakhine rebels were not involved."
    )
    assert "Boko Haram" in _names(result, "ORG")
    assert "Boko Haram" not in _names(result, "PERSON")
    assert "Rakhine" not in _names(result, "ORG")


def test_no_name_runs_on_into_the_next_paragraph(enrich_text: Enrich) -> None:
    """A credit's name on a line of its own, then the text: the model runs them together."""
    result = enrich_text(
        "Created: 11/25/2015 4:15 PM KSTP.com\n\nScott Theisen\n\nAuthorities have identified "
        "four men arrested in connection to the shooting near Minneapolis.\n\nFrancesca Nix"
        "\n\nLorenzo’s mom hopes they would realize there is more to it than themselves."
    )
    names = {entity.name for entity in result.entities}
    assert not [name for name in names if "\n" in name]
    assert "Minneapolis" in names


def test_a_community_word_and_a_name_before_a_group_noun_are_the_group(
    enrich_text: Enrich,
) -> None:
    """The model reads "Islamic" as a community and leaves "State" apart; before "group" or
    "militants" the words name the group. Two communities before one name no group."""
    result = enrich_text(
        "The Islamic State group claimed the attack. Muslim Rohingya militants were blamed "
        "for another."
    )
    assert "Islamic State" in _names(result, "ORG")
    assert "Islamic" not in _all_names(result) | _names(result, "NORP")
    assert not {name for name in _names(result, "ORG") if "Rohingya" in name}


def test_a_name_set_after_a_group_noun_is_the_group(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The Islamist militant group al Shabaab claimed the attacks. al Shabaab said it "
        "targeted the government. The rebel group M23 seized the town of Bunagana."
    )
    assert {"al Shabaab", "M23"} <= _names(result, "ORG")
    assert "Bunagana" in _names(result, "GPE")


def test_a_city_named_as_a_capital_is_a_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "A blast struck a school in the provincial capital of Maimana on Friday, police said."
    )
    assert "Maimana" in _names(result, "GPE")


def test_an_appositive_noun_tells_organisations_from_people(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Jund al-Nour, an armed group with ties to al-Qaeda, claimed the bombing. Tomas "
        "Vrana-Holt, an official of the district, said three people died."
    )
    assert "Jund al-Nour" in _names(result, "ORG")
    assert "Tomas Vrana-Holt" in _names(result, "PERSON")


def test_nationality_descriptions_religions_platforms_and_time_zones_are_not_names(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "A 60-year-old Kazakh national was missing after the fire, officials said on Twitter. "
        "The pilgrims reached Islam's holiest site at 1315 GMT."
    )
    names = _all_names(result)
    assert not {"Kazakh national", "Twitter", "Islam", "GMT"} & names


def test_a_rank_or_role_before_a_name_is_dropped(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Two soldiers, Sepoy Imran Qadir and Sepoy Bilal Hussain, were killed. Lawyer Martin "
        "Okafor, 45, said the families would sue."
    )
    persons = _names(result, "PERSON")
    assert {"Imran Qadir", "Bilal Hussain", "Martin Okafor"} <= persons
    assert not any(name.startswith(("Sepoy", "Lawyer")) for name in persons)


def test_a_known_place_before_a_place_noun_is_not_grown_into_it(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Tourists were on the New Zealand island when the volcano erupted, and the Channel "
        "island of Jersey sent help."
    )
    names = _all_names(result)
    assert "New Zealand" in _names(result, "GPE")
    assert "Jersey" in _names(result, "GPE")
    assert not {"New Zealand island", "Channel island"} & names


def test_a_district_named_like_part_of_a_province_stays_apart(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Troops raided a hideout in Khyber district of Khyber Pakhtunkhwa on Friday, and "
        "officials in Khyber Pakhtunkhwa said two militants were held."
    )
    places = _names(result, "GPE")
    assert {"Khyber", "Khyber Pakhtunkhwa"} <= places


def test_an_unknown_capitalised_place_before_a_long_dash_is_a_dateline(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "KORVANI — Two soldiers were wounded on Monday night, a security source said.\n\n"
        "BREAKING — More details are expected."
    )
    assert "Korvani" in _names(result, "GPE")
    assert not {"Breaking", "BREAKING"} & _all_names(result)


def test_an_organisation_owned_by_a_place_is_found(enrich_text: Enrich) -> None:
    result = enrich_text(
        "On Monday night, Iraq's Security Media Cell said that gunmen attacked a police post."
    )
    assert "Security Media Cell" in _names(result, "ORG")
    assert "Iraq" in _names(result, "GPE")


def test_a_generic_body_is_no_organisation(enrich_text: Enrich) -> None:
    result = enrich_text(
        "An officer of the Army said the clash happened near the village, and the Army's "
        "203rd Brigade sent reinforcements."
    )
    assert "Army" not in _names(result, "ORG")


def test_a_capitalised_compass_word_belongs_to_the_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The typhoon hit the town of Dolores in Eastern Samar, and officials in Eastern Samar "
        "said roads were cut."
    )
    places = _names(result, "GPE") | _names(result, "LOC")
    assert "Eastern Samar" in places
    assert "Samar" not in places


def test_a_hospital_is_a_place_but_a_college_and_hospital_an_institution(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "Two men died at Rampur Medical College and Hospital, and a child was treated at "
        "Rampur Superspeciality Hospital, police said."
    )
    assert "Rampur Superspeciality Hospital" in _names(result, "LOC")
    assert "Rampur Medical College and Hospital" in _names(result, "ORG")


def test_two_places_side_by_side_are_one_place() -> None:
    from newsstream.enrich.mentions import Mention, _join_adjacent_places

    text = "Rebels struck in Oriental Mindoro, Bulalacao and Manila."
    parts = [
        Mention("Oriental", 17, 25, "body", "GPE"),
        Mention("Mindoro", 26, 33, "body", "GPE", locative=True),
        Mention("Bulalacao", 35, 44, "body", "GPE"),
        Mention("Manila", 49, 55, "body", "GPE"),
    ]
    joined = _join_adjacent_places(text, parts)
    assert [m.text for m in joined] == ["Oriental Mindoro", "Bulalacao", "Manila"]
    assert all(text[m.start : m.end] == m.text for m in joined)
    assert joined[0].locative


def test_a_headline_ending_in_a_place_keeps_it(enrich_text: Enrich) -> None:
    result = enrich_text(
        "One worker died in a fire at a factory on Friday, officials said.",
        title="1 Killed in Factory Fire in S. Korea",
    )
    korea = [e for e in result.entities if e.label == "GPE"]
    assert [e.name for e in korea] == ["South Korea"]
    assert "S. Korea" in korea[0].aliases


def test_a_city_and_its_dotted_district_are_one_place(enrich_text: Enrich) -> None:
    result = enrich_text("A 6-year-old was shot in Washington, D.C. earlier this month.")
    assert "Washington, D.C." in _names(result, "GPE")
    assert "D.C." not in _all_names(result) - {"Washington, D.C."}


def test_a_short_place_merges_into_an_unlisted_longer_one(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Strikes hit the Gaza Strip overnight. Officials in Gaza said the hospital was full."
    )
    gaza = {e.name: e for e in result.entities if e.label == "GPE"}
    assert list(gaza) == ["Gaza Strip"]
    assert "Gaza" in gaza["Gaza Strip"].aliases


def test_a_name_for_the_people_of_a_place_is_the_place(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Soldiers raided the village on Friday. Two Tan Kone villagers were detained."
    )
    assert "Tan Kone" in _names(result, "GPE")
    assert "Tan Kone" not in _names(result, "PERSON")


def test_a_place_with_its_administrative_word_is_the_place_without() -> None:
    from newsstream.enrich.canonical import build_entities
    from newsstream.enrich.gazetteer import get_gazetteer
    from newsstream.enrich.mentions import Mention

    mentions = [
        Mention("Tan Kone Village", 0, 16, "body", "GPE"),
        Mention("Tan Kone", 40, 48, "body", "GPE"),
    ]
    [village] = build_entities(mentions, get_gazetteer(), body_length=60)
    assert village.name == "Tan Kone Village"
    assert village.aliases == ["Tan Kone"]


def test_an_appositive_role_makes_a_person(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The only victim named so far is Hayden Marsh-Ingram, a tour guide from Auckland."
    )
    assert "Hayden Marsh-Ingram" in _names(result, "PERSON")


def test_aircraft_and_weapon_designations_are_not_names(enrich_text: Enrich) -> None:
    result = enrich_text(
        "A C-130 Hercules carried the crew to Manila, where police seized an AK-47 rifle. The "
        "G20 summit went ahead."
    )
    names = _all_names(result)
    assert not any(name.startswith(("C-130", "AK-47")) for name in names)
    assert "Manila" in _names(result, "GPE")


def test_an_organisation_named_in_two_word_orders_is_one() -> None:
    from newsstream.enrich.canonical import build_entities
    from newsstream.enrich.gazetteer import get_gazetteer
    from newsstream.enrich.mentions import Mention

    mentions = [
        Mention("Ministry of Health", 0, 18, "body", "ORG"),
        Mention("Health Ministry", 40, 55, "body", "ORG"),
    ]
    [ministry] = build_entities(mentions, get_gazetteer(), body_length=60)
    assert ministry.name == "Ministry of Health"
    assert ministry.aliases == ["Health Ministry"]
