"""Grammar patterns of casualty figures and summaries, each on made-up sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsstream.enrich import Enrichment
from newsstream.enrich.quantities import attach_counts

Enrich = Callable[..., Enrichment]


def _figures(result: Enrichment) -> list[tuple[int | None, str]]:
    return [(f.count, f.kind.value) for f in result.casualties]


def _totals(result: Enrichment) -> tuple[int | None, int | None]:
    return result.totals.killed, result.totals.injured


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Four hikers were hit by falling rocks on the trail.", 4),
        ("Three men were treated in hospital after the brawl.", 3),
        ("Two guards sustained injuries when the wall collapsed.", 2),
        ("Five passengers suffered burns in the fire.", 5),
        ("Two others are in critical condition.", 2),
        ("The crash sent three others to the hospital.", 3),
        ("Six villagers were taken to a medical center.", 6),
        ("Seven pilgrims were hospitalized after the stampede.", 7),
    ],
)
def test_injury_wording_beyond_injured_and_wounded(
    text: str, injured: int, enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == (None, injured)


def test_a_stay_in_hospital_that_ends_in_death_is_no_injury(enrich_text: Enrich) -> None:
    result = enrich_text("Two men were rushed to a hospital, where they died.")
    assert result.totals.injured is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three miners were fatally injured in the collapse.", 3),
        ("Two guards were mortally wounded in the raid.", 2),
        ("The bodies of nine fishermen were found on the beach.", 9),
    ],
)
def test_fatal_wounds_and_bodies_are_deaths(text: str, killed: int, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text)) == (killed, None)


def test_a_count_of_victims_takes_its_kind_from_its_predicate(enrich_text: Enrich) -> None:
    result = enrich_text("All four victims were treated at the hospital and released.")
    assert _totals(result) == (None, 4)


def test_the_second_half_of_a_verb_chain_keeps_its_own_count(enrich_text: Enrich) -> None:
    result = enrich_text("The explosion killed three and injured five.")
    assert _figures(result) == [(3, "killed"), (5, "injured")]


def test_a_casualty_word_after_another_count_is_not_this_counts(enrich_text: Enrich) -> None:
    result = enrich_text("The city bans meetings of more than 50 people after 20 were killed.")
    assert _figures(result) == [(20, "killed")]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two soldiers and one civilian were killed in the attack.", 3),
        ("Four farmers and two herders died in the clashes.", 6),
        ("Ten officers, 26 sergeants and 94 soldiers were among those killed.", 130),
        ("Nine people were killed, including two guards and a cook.", 9),
        ("Eight people were killed, or 12 according to the rebels.", 12),
    ],
)
def test_disjoint_groups_add_up_and_a_stated_toll_wins(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    assert enrich_text(text).totals.killed == killed


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("The shopkeeper was shot dead outside his store.", (1, None)),
        ("A teenager suffered gunshot wounds to the leg.", (None, 1)),
        ("A woman is in critical condition after the crash.", (None, 1)),
        ("A man was shot in the arm on Main Street.", (None, 1)),
        ("An officer shot the boy in the chest and killed him.", (1, None)),
        ("A man was shot and killed on Elm Street. The suspect was arrested.", (1, None)),
        ("Police said a 17-year-old was shot and killed near the park.", (1, None)),
        ("A 15-year-old was shot outside a store. He later died at the hospital.", (1, None)),
        ("The 16-year-old was shot in the leg on Friday.", (None, 1)),
        ("A 4 yo boy was shot on Main Street on Sunday, police said.", (None, 1)),
        ("Police said a 23 y/o man was shot and killed.", (1, None)),
    ],
)
def test_one_victim_counts_as_one(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale, 15, was shot in the face on Friday. Hale died soon after at the hospital.",
        "A stray bullet struck the driver in the neck. He was pronounced dead at the scene.",
        "Police said a girl was shot in the chest at her home. The child died at the hospital.",
        "The victim was flown to a trauma center. Police later said the boy had died.",
    ],
)
def test_a_victim_hit_then_dead_is_one_death(text: str, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text)) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot dead outside the bar. A second victim was shot in the leg.",
        "A man was killed on Friday night. Another man was shot in the leg.",
        "A woman was shot and killed on Elm Street. Her neighbour was also shot.",
        "A teenager was killed in the shooting. His friend was shot in the arm and survived.",
        "A woman died after the crash. Her husband was taken to the hospital and released.",
        "The gunman killed a shopkeeper before the gunman was shot by a deputy.",
    ],
)
def test_one_dead_and_one_hit_set_apart_from_them(text: str, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text)) == (1, 1)


def test_a_pronoun_without_a_victim_before_it_is_no_figure(enrich_text: Enrich) -> None:
    assert enrich_text("He died in 1998, long before the war.").casualties == []


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Eight people were shot at a party, and one of them died of his wounds.", (1, 7)),
        ("Twenty people were wounded, two of whom later died.", (2, 18)),
    ],
)
def test_the_dead_among_the_hit_are_taken_out_of_the_injured(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


def test_people_rushed_to_hospital_and_counted_dead_are_not_injured(
    enrich_text: Enrich,
) -> None:
    text = "Four guards were rushed to the hospital. Four guards were killed in the raid."
    assert _totals(enrich_text(text)) == (4, None)


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A gunman opened fire on four men outside a bar. They were all hit.", (None, 4)),
        ("Raiders stormed a farm with six workers inside. All of them were killed.", (6, None)),
        ("Two brothers were found in the car. Both were dead.", (2, None)),
    ],
)
def test_a_group_counted_before_is_told_of_again(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("The toddler was reported to be shot near the school.", (None, 1)),
        ("At least eight traders are feared to have been killed in the clashes.", (8, None)),
        ("Officers learned four adult males had been shot.", (None, 4)),
    ],
)
def test_reported_casualties_and_people_by_age_or_sex(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


def test_an_intended_casualty_is_still_no_figure(enrich_text: Enrich) -> None:
    assert enrich_text("The gang threatened to kill three villagers.").casualties == []


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Police said five people were shot on Friday night. Two men were killed.", (2, 3)),
        ("Six people were shot at the party, and two of them died.", (2, 4)),
        ("One man was killed and two others were shot.", (1, 2)),
        ("A boy was killed on Friday. Two other teens who were with him were also shot.", (1, 2)),
        ("Police said Miller and the four other men were shot. Miller was killed.", (1, 4)),
        ("A woman was shot in the leg. A man was killed in a separate attack.", (1, 1)),
    ],
)
def test_people_hit_include_the_dead_unless_they_are_others(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Three people were killed, and another injured in the crash.", (3, 1)),
        ("Two others are now fighting for their lives.", (None, 2)),
        ("Relatives identified one of the victims as Dana Reed, 19.", (None, None)),
    ],
)
def test_one_more_a_fight_for_life_and_an_age_beside_a_name(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("An airstrike claimed the lives of at least ten people near the town.", 10),
        ("The floods have claimed 12 lives so far.", 12),
        ("No fewer than seven traders have been feared killed in the violence.", 7),
        ("One of the founding members of the club was gunned down on Tuesday.", 1),
        ("Six boys who were abducted in the north were shot dead by their captors.", 6),
        ("Residents buried 27 victims of the latest massacre.", 27),
    ],
)
def test_lives_taken_gunned_down_and_the_main_predicate(
    killed: int, text: str, enrich_text: Enrich
) -> None:
    assert enrich_text(text).totals.killed == killed


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("The boy accidentally shot himself. He was pronounced dead soon after.", (1, None)),
        ("The victim was taken to a hospital, where she was pronounced dead.", (1, None)),
        ("The hunter shot himself in the foot while cleaning his rifle.", (None, 1)),
    ],
)
def test_a_shot_at_oneself_and_a_death_at_the_hospital(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("The drive-by shooting injured three adults and an 11-year-old child.", (None, 4)),
        ("The raid killed two soldiers and a civilian.", (3, None)),
    ],
)
def test_one_person_beside_a_counted_group_adds_one(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Ruth Baxter, 33, and Omar Lind, 28, were killed in the shooting.", (2, None)),
        ("The bus driver and a passenger were shot dead at the depot.", (2, None)),
        ("Gunmen wounded a shopkeeper and his son.", (None, 2)),
        ("Witnesses said he and four others were gunned down outside the bar.", (5, None)),
        ("The fire killed three tenants and their neighbour.", (4, None)),
    ],
)
def test_people_listed_one_by_one_are_counted(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The gunman killed three people at the mall. The gunman was shot dead by police.", 4),
        ("A woman killed her two children before killing herself.", 3),
        ("The boy accidentally shot himself. He was pronounced dead at the hospital.", 1),
    ],
)
def test_a_perpetrator_killed_is_not_among_the_victims(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Two are dead and two are in critical condition after the attack.", (2, 2)),
        ("The blast left two workers dead and three others in the hospital.", (2, 3)),
        ("Three teenagers were found with gunshot wounds near the park.", (None, 3)),
        ("Deputies found four people suffering from stab wounds. One of them died.", (1, 3)),
    ],
)
def test_people_in_a_state_of_injury(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police arrested a man in the shooting death of a 4-year-old boy.", 1),
        ("Two men were charged in the slaying of a 9-year-old and her grandmother.", 2),
        ("A teenager was arrested for the fatal shooting of Marla Quint in June.", 1),
        ("He was convicted of the attempted murder of a neighbour.", None),
    ],
)
def test_a_death_named_with_its_victims(text: str, killed: int | None, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Two of the four men died before reaching the hospital.", (2, None)),
        ("Police said one of the three victims died on Sunday.", (1, None)),
    ],
)
def test_the_whole_a_part_is_taken_from(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


def test_an_age_before_a_semicolon_is_no_count(enrich_text: Enrich) -> None:
    result = enrich_text("The gunman killed his uncle Tom Reed, 50; his aunt Ann Reed, 49.")
    counts = [count for count, _ in _figures(result)]
    assert 50 not in counts
    assert 49 not in counts


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A gunman opened fire, killing Lewis and wounding his cousin.", (1, 1)),
        ("A 17-year-old boy killed in the crossfire was identified by his mother.", (1, None)),
        ("The young man shot Friday evening in Stowe has died, the examiner said.", (1, None)),
        ("The gunman shot two people and then fled.", (None, 2)),
    ],
)
def test_victims_by_name_participle_shared_subject_and_the_doers_own_acts(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    "text",
    ["Three people were killed by two gunmen on Friday.", "Ray was shot by one of his friends."],
)
def test_a_count_of_the_doers_is_no_figure(text: str, enrich_text: Enrich) -> None:
    result = enrich_text(text)
    assert all(f.count != 2 and "friends" not in (f.victims or "") for f in result.casualties)


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Four people were shot on Friday. One of them did not survive.", (1, 3)),
        ("A man was shot in the chest on Main Street. He did not survive.", (1, None)),
        ("Six people were shot, one fatally, during an attack.", (1, 5)),
        ("Five people were shot, two fatally, outside a nightclub.", (2, 3)),
    ],
)
def test_a_death_told_by_survival_denied_or_by_an_adverb_alone(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A shooting in the park left a boy dead and a woman wounded.", (1, 1)),
        ("A shooting on Friday left a man dead and another injured.", (1, 1)),
        ("The wounded men, ages 19, 24 and 37, were listed in stable condition.", (None, None)),
        ("Four men and five women, all younger than 45, were injured.", (None, 9)),
        ("A woman called 911 and said she accidentally shot her boyfriend.", (None, 1)),
        ("A fight broke out and four people out of the 75 inside were shot.", (None, 4)),
    ],
)
def test_states_people_are_left_in_and_numbers_that_count_no_one_hurt(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        (
            "A man was shot dead on Friday. So far this year, 126 people have been killed.",
            (1, None),
        ),
        (
            "Two men were killed on Sunday. Nine people have been killed since the unrest began.",
            (2, None),
        ),
        ("A woman was wounded. The city has seen 40 people shot this year.", (None, 1)),
    ],
)
def test_a_count_of_a_period_running_up_to_now_is_no_toll_of_the_event(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A man shot two neighbours and then turned the gun on himself.", (1, 2)),
        ("The standoff ended with a man killing his son and then taking his own life.", (2, None)),
        ("A farmer took his own life last week.", (None, None)),
        ("He shot his daughter and killed her mother before turning the gun on himself.", (2, 1)),
    ],
)
def test_a_killers_own_death_told_by_an_idiom(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The toll rose to six injured after the blast.", [(6, "injured")]),
        ("The toll climbed to nine missing after the flood.", [(9, "missing")]),
        ("The death toll rose to 12 dead and 30 injured.", [(12, "killed"), (30, "injured")]),
        ("The death toll rose to 15, police said.", [(15, "killed")]),
    ],
)
def test_a_kind_word_right_after_a_toll_count_says_what_the_toll_counts(
    text: str, figures: list[tuple[int, str]], enrich_text: Enrich
) -> None:
    assert _figures(enrich_text(text)) == figures


def test_a_named_victim_among_a_counted_group_is_no_figure_of_its_own(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "Police fired on the crowd, leaving four people dead. "
        "A man identified as Steve was among those shot dead by police."
    )
    assert _figures(result) == [(4, "killed")]


@pytest.mark.parametrize(
    ("title", "body", "totals"),
    [
        ("Teen who died after a fall at the quarry is named", "Police named him.", (1, None)),
        ("", "The woman who was stabbed on Friday is in stable condition.", (None, 1)),
        ("", "Three miners who were injured in the blast went home.", (None, 3)),
    ],
)
def test_a_relative_pronoun_stands_for_the_person_its_clause_describes(
    title: str, body: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    assert _totals(enrich_text(body, title or None)) == totals


def test_the_parts_of_a_headline_around_a_colon_are_read_apart(enrich_text: Enrich) -> None:
    result = enrich_text(
        "A witness described the scene.",
        "2 killed, 2 wounded at a gas station: 'Old Man Bill got shot!'",
    )
    assert _totals(result) == (2, 2)


def test_people_found_shot_to_death_were_killed(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Four people, including a child, were found shot to death on Sunday, police said."
    )
    assert _totals(result) == (4, None)


def test_a_pronoun_victim_with_no_victim_before_it_counts_when_alone_of_its_kind(
    enrich_text: Enrich,
) -> None:
    lone = enrich_text("Joe Banda, 38, was driving his van home when he was killed at dawn.")
    counted = enrich_text("Three people were killed. He was shot dead by the gunman.")
    assert _totals(lone) == (1, None)
    assert _totals(counted) == (3, None)


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Snipers shot dead a cameraman who was covering the clashes.", (1, None)),
        ("Militants shot dead Sheikh Omar Farah, a local imam, in the market.", (1, None)),
        ("Gunmen shot two policemen dead at a checkpoint.", (2, None)),
        ("Gunmen shot a trader dead in the market on Monday.", (1, None)),
        ("4 women shot, 2 dead in a nightclub shooting", (2, 2)),
    ],
)
def test_shot_dead_in_either_order_is_a_death(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """A resultative "dead", before or after the object, makes the shooting a killing; after
    a comma it is a clause of its own."""
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    "text",
    [
        "Suspected militants killed a senior village administrator on Sunday night.",
        "A prominent political commentator was gunned down at a gas station.",
        "A lawyer who investigated crimes against the environment was shot dead near her home.",
        "Soldiers killed the commissioner of the district in an ambush.",
    ],
)
def test_a_victim_named_by_office_counts_as_one(text: str, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text)) == (1, None)


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A Lodi eighth-grader died Friday after being accidentally shot at home.", (1, None)),
        ("A seventh grader was shot and killed outside the school.", (1, None)),
        ("Two freshmen were wounded in the parking lot.", (None, 2)),
    ],
)
def test_pupils_named_by_school_year_are_people(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """A school year ("eighth-grader", "freshmen") names pupils; its ordinal is no count."""
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("title", "totals"),
    [
        ("Student shot, killed near the stadium", (1, None)),
        ("Girl Shot And Killed Outside Her Home In Denver", (1, None)),
        ("Five-year-old fatally shot in Tulsa", (1, None)),
        ("7 shot at block party in Camden", (None, 7)),
        ("Toddler shot in Akron; father arrested", (None, 1)),
        ("3 dead, 4 hurt in Omaha crash", (3, 4)),
    ],
)
def test_a_headline_drops_the_auxiliary_of_its_passive(
    title: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """ "Toddler shot in Akron" is "a toddler was shot": its subject is the victim."""
    assert _totals(enrich_text("Police are investigating.", title)) == totals


@pytest.mark.parametrize(
    ("title", "body", "totals"),
    [
        ("Gunman shot two officers before fleeing", "Police are investigating.", (None, 2)),
        ("Suspect shot at deputies during chase", "Police are investigating.", (None, None)),
        ("Police are investigating", "The suspect shot at officers before he fled.", (None, None)),
    ],
)
def test_a_past_with_an_object_or_people_shot_at_stays_active(
    title: str, body: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """Whoever shoots someone, or shoots at people, is no victim."""
    assert _totals(enrich_text(body, title)) == totals


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A girl, two women and a man were shot on Friday.", (None, 4)),
        ("The gunfire killed a woman and two children.", (3, None)),
    ],
)
def test_single_people_listed_with_counted_groups_add_to_them(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """Each person listed beside a counted group is one more: two people of one predicate
    are never one person told of twice."""
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("title", "totals"),
    [
        ("Woman, 31, shot dead in Dayton", (1, None)),
        ("Teen, 16, dies after crash on I-70", (1, None)),
        ("John Smith, 40, killed in crash", (1, None)),
        ("Man, 25, dies after crash on I-70", (1, None)),
        ("Boy, 14, shot dead in Leeds", (1, None)),
        ("Shooting victim, 18, dies in hospital", (1, None)),
    ],
)
def test_a_number_between_commas_after_one_person_is_an_age(
    title: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """ "Teen, 16, dies": one death, however the headline is parsed; 16 is no count."""
    assert _totals(enrich_text("Police are investigating.", title)) == totals


@pytest.mark.parametrize(
    ("title", "age"),
    [("Boy, 14, dies after accidental shooting", 14), ("Boy, 15, killed in crash", 15)],
)
def test_an_age_between_commas_is_never_a_count(title: str, age: int, enrich_text: Enrich) -> None:
    """The tagger may take "Boy" for an interjection; the number after it is still an age."""
    result = enrich_text("Police are investigating.", title)
    assert age not in {f.count for f in result.casualties}
    assert _totals(result)[0] != age


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        (
            "Four people were shot, one fatally, on Wednesday. Police said there were 530 "
            "murders and 2,900 shooting victims in 2015.",
            (1, 3),
        ),
        (
            "Police said there were 530 murders in the city in 2015. A man was shot dead on "
            "Main Street on Friday.",
            (1, None),
        ),
        ("A gunman killed 49 people at a nightclub in 2016.", (49, None)),
    ],
)
def test_a_tally_of_a_whole_year_is_no_toll_of_the_event(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """A year's statistic told as a tally ("there were 530 murders in 2015") is not the
    event's count; a predicate's count set in a year stays one."""
    assert _totals(enrich_text(text)) == totals


def test_people_joined_by_or_are_alternatives_not_a_list(enrich_text: Enrich) -> None:
    result = enrich_text("It is unclear whether the driver or his passenger was shot.")
    assert 2 not in {f.count for f in result.casualties}


@pytest.mark.parametrize(
    ("title", "totals"),
    [
        ("Teen, 3 adults shot at house party", (None, 4)),
        ("Man, woman shot near downtown bar", (None, 2)),
        ("Girl, 2 men killed in crash on I-5", (3, None)),
    ],
)
def test_a_headline_comma_between_people_is_and(
    title: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """Headlines write "and" as a comma and drop "a": "Man, woman shot" is two people."""
    assert _totals(enrich_text("Police are investigating.", title)) == totals


def test_people_listed_without_articles_are_each_one(enrich_text: Enrich) -> None:
    assert _totals(enrich_text("Man and woman were shot on Main Street.")) == (None, 2)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Three hostages were killed during the rescue attempt.", [(3, "killed")]),
        ("The kidnappers executed two hostages on Monday.", [(2, "killed")]),
        ("Guards shot dead four detainees at the camp.", [(4, "killed")]),
        ("Five displaced people were killed when the camp was shelled.", [(5, "killed")]),
        ("Two detainees were wounded in the riot.", [(2, "injured")]),
        ("Police freed 12 hostages on Sunday.", [(12, "kidnapped")]),
    ],
)  # fmt: skip
def test_people_held_or_displaced_take_the_kind_of_what_befell_them(
    text: str, figures: list[tuple[int, str]], enrich_text: Enrich
) -> None:
    """ "hostages", "detainees", "displaced" say what the people were before the event; a
    predicate that killed or hurt them says what the event did."""
    assert _figures(enrich_text(text)) == figures


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Fourteen traders sustained various degrees of injuries in the blast.", 14),
        ("Eleven passengers suffered all kinds of injuries in the crash.", 11),
        ("Six guards were found with different degrees of wounds.", 6),
    ],
)
def test_a_measure_or_sort_of_injuries_is_an_injury(
    text: str, injured: int, enrich_text: Enrich
) -> None:
    """ "various degrees of injuries": the parse makes the measure the object, yet what the
    people bear is injuries."""
    assert _totals(enrich_text(text)) == (None, injured)


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("A guard was shot in the leg on Friday. He almost died.", (None, 1)),
        ("A cyclist was nearly killed by a falling branch.", (None, None)),
        ("The rebels killed nearly 50 people in the village.", (50, None)),
    ],
)
def test_what_nearly_happened_did_not_happen(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """ "nearly", "almost" before a casualty predicate deny it; before a count they only
    round it."""
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("At least 17 villagers lost their lives in the raid.", 17),
        ("A night watchman lost his life in the ambush.", 1),
        ("A guard was shot in the arm. He nearly lost his life.", None),
        ("The ruling party lost 12 seats in the vote.", None),
    ],
)
def test_people_who_lost_their_lives_died(
    text: str, killed: int | None, enrich_text: Enrich
) -> None:
    """ "lost their lives": the subject of a transitive verb is the one who died; a life
    nearly lost was kept."""
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    ("title", "totals"),
    [
        ("6 Shot, 1 Fatally, At Block Party In Camden", (1, 5)),
        ("4 shot, 1 fatally, outside Dayton bar", (1, 3)),
        ("Man fatally shot outside Dayton bar", (1, None)),
    ],
)
def test_a_fatal_adverb_after_a_count_tells_of_that_count(
    title: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """ "6 shot, 1 fatally": one of the six died, however the headline is parsed."""
    assert _totals(enrich_text("Police are investigating.", title)) == totals


@pytest.mark.parametrize(
    "text",
    [
        "The suspect had fatally stabbed his first wife in ’88, records show.",
        "He was convicted of killing a clerk in '04 and paroled last spring.",
    ],
)
def test_two_digits_after_an_apostrophe_are_a_year(text: str, enrich_text: Enrich) -> None:
    """ "in ’88": the year written short, never a count of the dead."""
    assert all(finding.count in {None, 1} for finding in enrich_text(text).casualties)


def test_the_whole_of_a_partitive_keeps_its_own_predicate(enrich_text: Enrich) -> None:
    """ "two of the four people who were shot died": the four were shot; only two died."""
    text = "Officers said two of the four people who were shot died at the hospital."
    assert _totals(enrich_text(text)) == (2, 2)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A deputy was killed after a standoff with four suspects on Friday.", 1),
        ("Twelve villagers were killed in clashes with 30 gunmen overnight.", 12),
    ],
)
def test_the_other_side_of_an_event_is_not_its_victims(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    """ "after a standoff with four suspects": the four were the other side of the standoff,
    not the dead."""
    assert _totals(enrich_text(text))[0] == killed


def test_ages_listed_beside_listed_names_are_ages(enrich_text: Enrich) -> None:
    """ "Ana and Tom Ruiz -- 34 and 12 --": each number is an age, neither is a count."""
    text = "The victims, Ana Ruiz and Tom Ruiz -- 34 and 12 -- were found shot dead at home."
    assert all(finding.count not in {12, 34} for finding in enrich_text(text).casualties)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz, 41, Lena Ruiz, 19, and Tomas Ruiz, 7, were shot dead at home.",
        "Police said Dora Vance, 62, Elsa Vance, 30 and pregnant, and Ian Vance, 9, were killed.",
    ],
)
def test_names_listed_with_their_ages_each_count_one(text: str, enrich_text: Enrich) -> None:
    """A list of names, each with its age in commas, is as many people, however the parser
    hung the names on one another."""
    assert _totals(enrich_text(text))[0] == 3


@pytest.mark.parametrize("name", ["Ruben Ardilla", "Tino Bellcastle"])
def test_a_name_with_an_age_is_a_person(name: str, enrich_text: Enrich) -> None:
    """ "a 19-year-old Ruben Ardilla": the age makes the name a person's, though the entity
    model takes these names for an organisation or a building."""
    text = f"A man was charged with shooting and killing a 19-year-old {name} at a party."
    assert _totals(enrich_text(text))[0] == 1


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("A gunman wounded a 20-year-old man, two others on Sunday.", 3),
        ("Police said a 12-year-old boy, three women and a man were shot.", 5),
        ("A gunman wounded a 20-year-old man and two others on Sunday.", 3),
    ],
)
def test_a_list_the_parser_split_still_adds_up(
    text: str, injured: int, enrich_text: Enrich
) -> None:
    """ "a man, two others": the others add to the man; "a boy, three women and a man": the
    boy is one more, though the parser made him a second subject of the verb."""
    assert _totals(enrich_text(text))[1] == injured


@pytest.mark.parametrize(
    "text",
    [
        "A child was shot in the arm, and a man believed to be in his 20's was also hit.",
        "Neighbours said the gunman, a man in his 40’s, wounded a passer-by.",
    ],
)
def test_a_decade_is_not_a_count(text: str, enrich_text: Enrich) -> None:
    """ "in his 20's": an age by its decade."""
    assert all(finding.count == 1 for finding in enrich_text(text).casualties)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The attackers killed 12 soldiers, a policeman and two civilians.", 15),
        ("Police say the man killed his wife, two children and himself.", 4),
        ("Three people, a man and two children, were killed.", 3),
        ("Three people, a man and two children were killed in the blast.", 3),
    ],
)
def test_one_person_beside_a_counted_group_is_another_member_of_the_list(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    """The parser sets the second member of a list in apposition to the first; one person and
    a counted group cannot be the same people, unless the people named add up to the group."""
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    "text",
    [
        "Three people were found bleeding from gunshot wounds outside the bar.",
        "Three men were found lying in the street with stab wounds.",
    ],
)
def test_people_found_in_a_state_of_injury_are_injured(text: str, enrich_text: Enrich) -> None:
    """ "found bleeding from gunshot wounds": the participle tells the state they were found
    in."""
    assert _totals(enrich_text(text))[1] == 3


@pytest.mark.parametrize(
    "text",
    [
        "A shooting on Friday left a 6-year-old dead, police said.",
        "The crash on the coast road left a nine-year-old dead.",
    ],
)
def test_an_age_left_dead_is_one_death(text: str, enrich_text: Enrich) -> None:
    """ "left a 6-year-old dead": the tagger makes "dead" the noun the age describes."""
    assert _totals(enrich_text(text))[0] == 1


def test_a_part_of_those_killed_belongs_to_the_dead_not_to_the_last_group(
    enrich_text: Enrich,
) -> None:
    """ "Six of those killed": the pronoun says which group the six are taken from."""
    result = enrich_text(
        "At least nine villagers were killed on Monday in the raid. Fourteen others were "
        "wounded. Five of those killed died when a shell hit their house."
    )
    assert _totals(result) == (9, 14)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 14 March eleven people were killed in an attack on the market.", 11),
        ("On March 14 six people were killed in an attack on the market.", 6),
        ("On 14 March 2018 three soldiers were shot dead at a checkpoint.", 3),
    ],
)
def test_a_count_run_into_a_date_is_still_a_count(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    """With no comma after the date, the parser reads the count as part of it."""
    result = enrich_text(text)
    assert _totals(result)[0] == killed
    assert all(f.victims in {"people", "soldiers"} for f in result.casualties)


def test_a_bare_count_after_a_reporting_verb_is_the_subject_of_its_clause() -> None:
    """ "Reports indicated 75 were wounded": the parser may make 75 the object of "indicated",
    leaving "were wounded" without a subject (the parse it gave, set here by hand)."""
    words = ["Reports", "indicated", "75", "were", "wounded", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 4, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "auxpass", "ccomp", "punct"],
        tags=["NNS", "VBD", "CD", "VBD", "VBN", "."],
    )
    attach_counts(doc)
    assert (doc[2].head.i, doc[2].dep_) == (4, "nsubjpass")


def test_a_count_on_the_first_piece_of_a_hyphenated_word_goes_to_the_word() -> None:
    """ "Two ex-combatants were killed": the tokenizer cuts the word at its hyphen and the
    parser gives each piece the word's role, with the count on "ex" (the parse it gave, set
    here by hand). The count moves to "combatants", the other pieces hang on it."""
    words = ["Two", "ex", "-", "combatants", "were", "killed", "."]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, False, False, True, True, False, False],
        heads=[1, 5, 5, 5, 5, 5, 5],
        deps=["nummod", "nsubjpass", "nsubjpass", "nsubjpass", "auxpass", "ROOT", "punct"],
    )
    attach_counts(doc)
    assert (doc[0].head.i, doc[0].dep_) == (3, "nummod")
    assert [(t.head.i, t.dep_) for t in doc[1:4]] == [
        (3, "compound"),
        (3, "punct"),
        (5, "nsubjpass"),
    ]


def test_pieces_of_a_hyphenated_word_with_roles_of_their_own_stay() -> None:
    """ "five anti-government protesters": the pieces modify the noun, which holds the count."""
    words = ["Five", "anti", "-", "government", "protesters", "died"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, False, False, True, True, False],
        heads=[4, 4, 4, 4, 5, 5],
        deps=["nummod", "amod", "amod", "amod", "nsubj", "ROOT"],
    )
    before = [(t.head.i, t.dep_) for t in doc]
    attach_counts(doc)
    assert [(t.head.i, t.dep_) for t in doc] == before


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two ex-combatants have been shot to death near the border.", 2),
        ("Gunmen killed three co-workers at the plant.", 3),
        ("Nine non-combatants were killed in the shelling.", 9),
    ],
)
def test_a_hyphenated_noun_keeps_its_count(text: str, killed: int, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("40 people, 6 soldiers and 34 civilians, were killed in the assault.", 40),
        ("Twelve people, five policemen and seven villagers, were killed on Sunday.", 12),
        ("Six soldiers, two policemen and four civilians were killed on Sunday.", 12),
    ],
)
def test_a_list_led_by_its_own_sum_is_a_whole_and_its_breakdown(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    """People in general numbering exactly the groups after them are those groups; groups of
    their own add up, even when one happens to equal the others together."""
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed and over 100 more including 35 children injured in the attack.",
        "Five people were killed and over 100 others, including 35 children, injured in the blast.",
    ],
)
def test_a_participle_closing_a_breakdown_tells_the_whole_group(
    text: str, enrich_text: Enrich
) -> None:
    """The parser hangs "injured" on the breakdown's last noun and joins the 100 to "killed"."""
    assert _totals(enrich_text(text)) == (5, 100)


@pytest.mark.parametrize(
    "text",
    [
        "A former lawmaker and one of his bodyguards were killed after gunmen opened fire.",
        "A policeman and one of his colleagues were shot dead at the checkpoint.",
    ],
)
def test_one_of_a_group_listed_beside_a_person_is_one_more(text: str, enrich_text: Enrich) -> None:
    assert _totals(enrich_text(text))[0] == 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Militants have killed at least five people from a group of eight abducted in May.", 5),
        ("Rebels have killed four hostages from a group of nine seized on the highway.", 4),
        ("The blast killed three members of a family of seven in the village.", 3),
    ],
)
def test_a_number_hung_on_a_counted_group_counts_other_people(
    text: str, killed: int, enrich_text: Enrich
) -> None:
    """ "five people from a group of eight": the eight are the group the five came from."""
    assert _totals(enrich_text(text))[0] == killed


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Two women ended up getting shot when a gunman opened fire.", (None, 2)),
        ("Two officers happened to be wounded in the exchange.", (None, 2)),
        (
            "Two women took a wrong turn and ended up getting shot in the housing complex.",
            (None, 2),
        ),
        ("A woman took a wrong turn and ended up getting shot.", (None, 1)),
        ("The man ended up being killed by police.", (1, None)),
        ("Three men ended up shooting two neighbours.", (None, 2)),
    ],
)
def test_what_befell_the_subject_of_an_outcome_verb(
    text: str, totals: tuple[int | None, int | None], enrich_text: Enrich
) -> None:
    """ "ended up getting shot": the passive complement of an outcome verb befell its
    subject, also when the verb shares the subject of one before it; an active one is what
    they did."""
    assert _totals(enrich_text(text)) == totals


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Morgan Slaight died Tuesday morning.", 1),
        ("Main Street was shot up on Tuesday.", None),
    ],
)
def test_a_name_the_model_left_unlabelled_can_be_a_lone_victim(
    text: str, killed: int | None, enrich_text: Enrich
) -> None:
    """A first name and surname without a label still die; a street does not."""
    assert _totals(enrich_text(text))[0] == killed
