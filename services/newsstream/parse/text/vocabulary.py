"""Word lists the line features rely on: small, cross-site, and about language, not about sites."""

from __future__ import annotations

import re

# Function words: prose is dense with them, menus, headlines-in-title-case and credits are not.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "said",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

# Wire agencies: their credit lines and datelines name a story's source on any site.
WIRE_AGENCIES = (
    "AFP",
    "AP",
    "Reuters",
    "Xinhua",
    "UNI",
    "PTI",
    "IANS",
    "dpa",
    "DPA",
    "ANI",
    "EFE",
    "TASS",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "Bernama",
    "Interfax",
    "IRNA",
    "WAFA",
    "SANA",
    "UPI",
    "APA",
    "NAN",
    "KUNA",
    "MENA",
    "Sputnik",
    "Agence France-Presse",
    "Agence France Presse",
    "Associated Press",
    "The Associated Press",
    "United Press International",
    "Press Trust of India",
    "United News of India",
    "Indo-Asian News Service",
    "Asian News International",
    "Deutsche Presse-Agentur",
    "Anadolu Agency",
    "News Agency of Nigeria",
)
_AGENCY_ALTERNATION = "|".join(
    re.escape(name) for name in sorted(WIRE_AGENCIES, key=len, reverse=True)
)
AGENCY = r"(?:" + _AGENCY_ALTERNATION + r")"
_AGENCY_LINE = re.compile(
    r"^[\s(\[—–-]*(?:" + AGENCY + r")(?:\s*[/,&]\s*(?:" + AGENCY + r"))*[\s)\]]*$"
)


def is_wire_agency(name: str) -> bool:
    """True when `name` is a wire agency (or several, "AFP/Reuters")."""
    return bool(_AGENCY_LINE.match(name.strip()))


# Labels printed next to a date; glued to it they are not part of the expression.
DATE_LABELS = frozenset(
    {
        "time",
        "date",
        "on",
        "at",
        "posted",
        "published",
        "updated",
        "modified",
        "created",
        "edited",
        "last updated",
        "posted on",
        "published on",
        "updated on",
        "updated at",
        "first published",
        "first published on",
        "originally published",
        "originally published on",
        "last updated on",
        "last modified",
    }
)

# Days and months: capitalised, yet not names; a day named in a paragraph dates its event, as a
# news lede does ("... on Tuesday, killing at least 10 people").
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
CALENDAR_WORDS = frozenset((*WEEKDAYS, *MONTHS))

# Verbs that attribute a report to its source: a news lede closes with one ("..., officials said").
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according\s+to|reported|reports)\b", re.IGNORECASE)

# Aggregators re-serve other outlets' stories: "DPA International on MSN" names DPA.
AGGREGATORS = r"(?:MSN|Yahoo(?:\s+News)?|Google\s+News|Apple\s+News|Flipboard|NewsBreak|SmartNews)"

# Openers that switch to an unrelated story inside one body ("Meanwhile, in Enugu ...").
TOPIC_SHIFT = re.compile(
    r"^(?:Meanwhile|In other news|Elsewhere|Separately|In (?:a|another) (?:separate |related )?"
    r"(?:development|incident)|In a separate incident)\b[,:]?\s"
)

# Words that keep a name a name: particles inside outlet and person names.
NAME_PARTICLES = frozenset(
    {
        "of",
        "the",
        "and",
        "&",
        "de",
        "da",
        "del",
        "der",
        "di",
        "du",
        "la",
        "le",
        "el",
        "al",
        "al-",
        "bin",
        "ibn",
        "van",
        "von",
        "y",
        "on",
        "for",
        "-",
    }
)

# Link labels that close a teaser card ("Read More »", "Source link", "Continue reading →").
# Pages that print cards inline run them into the next card's headline or onto the end of the
# card's text: "Read More »Three dead after blast", "... caused the blast. Source link".
# A bare "More" closes a card only with its arrow: "... the elections will be held... More »".
MORE_ARROW = r"more\s*[»›→]+"
LINK_LABEL = (
    r"(?:read\s+more|continue\s+reading|keep\s+reading|read\s+(?:the\s+)?full\s+(?:story|article)"
    r"|source\s+link|view\s+(?:the\s+)?(?:full\s+)?(?:story|article))"
)
