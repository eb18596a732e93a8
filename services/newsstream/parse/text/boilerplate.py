"""Phrase families of page furniture that recur across sites and languages.

Each family is a kind of widget (related-links headers, app promotions, comment widgets, share
bars, photo credits), never the strings of one site. Families only fire on short lines, or when
anchored at the start of a line, so a news paragraph that mentions "subscribers" stays a paragraph.
"""

from __future__ import annotations

import re

from newsstream.parse.text.vocabulary import AGENCY

# Headers that open a block of links, comments or promotions: a story's body ends there.
_SECTION = re.compile(
    r"^[\W\d]{0,4}(?:"
    r"related(?:\s+(?:articles?|news|stories|posts|links|content|coverage|reading|topics|videos))?"
    r"|(?:further|recommended|suggested|more|additional)\s+reading"
    r"|read\s+(?:more|next|also)|also\s+read|see\s+also|more\s+on\s+this(?:\s+(?:story|topic))?"
    r"|more\s+(?:stories|news|articles|headlines|videos|like\s+this)"
    r"|(?:you|we\s+think\s+you)\s+(?:may|might|will|'ll)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|videos))?"
    r"|most\s+(?:read|viewed|popular|shared|commented)|popular(?:\s+now|\s+stories)?"
    r"|trending(?:\s+(?:now|stories|news|topics))?"
    r"|(?:latest|top|breaking|other|editor'?s'?)\s+(?:news|stories|headlines|picks)"
    r"|comments?|no\s+comments(?:\s+yet)?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment"
    r"|add\s+(?:a\s+)?comment|show\s+comments|view\s+comments|be\s+the\s+first\s+to\s+comment"
    r"|join\s+the\s+(?:conversation|discussion)|newsfeed|news\s+feed|hashtags|tags|topics"
    r"|share(?:\s+this)?(?:\s+(?:article|story|post|page))?|sponsored(?:\s+(?:content|stories))?"
    r"|(?:digest|see|show|load|view)\s+more|you\s+may\s+have\s+missed|don'?t\s+miss"
    r"|قد يعجبك (?:ا|أ)يضا|اقرأ (?:ا|أ)يضا|(?:مواضيع|أخبار) ذات صلة|تعليقات"
    r"|читайте\s+также|похожие\s+новости|новости\s+по\s+теме|комментарии"
    r"|(?:à\s+|a\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|commentaires|articles\s+similaires"
    r"|lea\s+también|leer\s+más|te\s+puede\s+interesar|noticias\s+relacionadas|comentarios"
    r"|leia\s+também|notícias\s+relacionadas|comentários"
    r"|lesen\s+sie\s+auch|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|kommentare"
    r"|leggi\s+anche|potrebbe\s+interessarti|commenti|ilgili\s+haberler|yorumlar"
    r"|baca\s+juga|berita\s+terkait|komentar|यह\s+भी\s+पढ़ें|संबंधित\s+खबरें"
    r")(?:\s*\(\d+\))?[\W\d]{0,4}$",
    re.IGNORECASE,
)

# Lines that are furniture wherever they sit, even between two body paragraphs.
_ANCHORED = re.compile(
    r"^[\W]{0,3}(?:"
    r"(?:read\s+more|read\s+also|also\s+read|see\s+also|related|recommended|watch|listen|more"
    r"|click\s+here|tap\s+here|lire\s+aussi|leer\s+más|lesen\s+sie\s+auch|читайте\s+также)"
    r"\s*[:|»›>–—-]"
    r"|(?:click|tap)\s+(?:here\s+)?to\s+(?:read|see|watch|learn|view|listen|download|subscribe)"
    r"|(?:click|tap)\s+(?:here\s+)?for\b"
    r"|(?:skip|jump)\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+)?"
    r"(?:content|article|story|navigation|menu|search)\b"
    r"|print\s+(?:this\s+)?(?:article|page|story)\s*$|browse\s+all\b|sharing\s+is\s+caring"
    r"|(?:reading\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture"
    r"|lesezeit)\s*:"
    r"|(?:advertisement|advertising|advertorial|sponsored|promoted|partner\s+content|ad)\s*$"
    r"|(?:tags?|topics?|filed\s+under|categories|category|keywords)\s*:"
    r"|\[?\s*(?:editor|editors|edited\s+by|editing\s+by|writing\s+by|compiled\s+by"
    r"|translated\s+by|additional\s+reporting\s+by)\s*:"
    r"|copyright\b|©|\(c\)\s*\d{4}|all\s+rights\s+reserved"
    r"|(?:subscribe|sign\s+up|sign\s+in|log\s+in|login|register|download|get\s+the\s+app"
    r"|follow\s+us|join\s+us|share\s+(?:on|via|this))\b"
    r")",
    re.IGNORECASE,
)
_ANCHORED_MAX_WORDS = 40

# Promotions, account and consent widgets, counters: only trusted on short lines.
_SHORT_FAMILY = re.compile(
    r"(?:\bdownload\b(?:\s+\S+){0,3}?\s+app\b|\bapp[\s-]?store\b|\bgoogle\s+play\b|\bplay[\s-]?store\b"
    r"|\bour\s+newsletter\b|\bsubscribe\s+(?:to|now|today|for)\b|\blog\s+in\s+or\s+register\b"
    r"|\bparticipate\s+in\s+the\s+discussion\b|\bsign\s+in\s+to\s+comment\b"
    r"|\bcookies?\b|\bprivacy\s+policy\b|\bterms\s+of\s+(?:use|service)\b"
    r"|\ball\s+rights\s+reserved\b|\bAI\s+features\b|\btry\s+our\b"
    r"|\bskip\s+to\s+(?:main\s+)?content\b|\btoggle\s+navigation\b|\bback\s+to\s+top\b"
    r"|^\s*[\d.,]+\s*[KkMm]?\s+(?:views|shares|likes|reads|comments)\s*$|\b\d+\s+min(?:ute)?s?\s+read\b"
    r"|\blisten\s+to\s+(?:this\s+)?(?:article|story)\b|\benable\s+javascript\b"
    r"|\b(?:opens|will\s+open)\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)\s*$)",
    re.IGNORECASE,
)
_SHORT_MAX_WORDS = 25
# A site's notices about itself: rights, reuse, affiliate income, newsletters, data delays, its
# software. Legal notices run longer than a widget label, so these are trusted up to 50 words.
_NOTICE = re.compile(
    r"©\s*\d{4}|\bcopyright\s+(?:©\s*)?\d{4}|\ball\s+rights?\s+reserved\b"
    r"|\bmay\s+not\s+be\s+(?:reproduced|republished|redistributed|copied)\b"
    r"|\b(?:prior|express)\s+writt?e?r?n\s+(?:permission|consent)\b"
    r"|\bregistered\s+trademarks?\s+of\b"
    r"|\baffiliate\s+commission\b|\baffiliate\s+(?:and/or\s+referral\s+)?links\b"
    r"|\bsupported\s+by\s+(?:its|our)\s+(?:audience|readers)\b"
    r"|\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox\b|\bno\s+spam\b"
    r"|\bsign\s+up\s+for\s+(?:our|the)\b[^.]{0,30}\b(?:newsletters?|e-?mails?)\b"
    r"|\bmarket\s+data\b[^.]{0,20}\bdelayed\b|\bdata\s+is\s+delayed\b"
    r"|\b(?:got|have)\s+a\s+(?:confidential\s+)?(?:news\s+)?tip\?"
    r"|\bdesigned\s+(?:and|&)\s+developed\s+by\b|\bpowered\s+by\s+wordpress\b|\bwordpress\.com\b"
    r"|\btodos\s+los\s+derechos\s+reservados\b|\btous\s+droits\s+réservés\b"
    r"|\balle\s+rechte\s+vorbehalten\b|\bвсе\s+права\s+защищены\b|\bhak\s+cipta\b"
    r"|\bdireitos\s+reservados\b|\btutti\s+i\s+diritti\s+riservati\b",
    re.IGNORECASE,
)
_NOTICE_MAX_WORDS = 50
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|email|print|copy\s+link"
    r"|messenger|threads|bluesky)\b",
    re.IGNORECASE,
)

# Captions and credits show it at the start ("© ...", "1 of 3 |"), in a credit phrase anywhere
# ("Photo by ...", "Getty Images"), or as a photographer/agency credit closing the line.
_CAPTION_HEAD = re.compile(
    r"^\s*(?:©|\(c\)\s|(?i:photo|image|picture|credit|video)s?\s*:|\d{1,3}\s+of\s+\d{1,3}\s*[|:])"
)
_CAPTION_PHRASE = re.compile(
    r"(?:^|[|.;(]\s*|\s)(?:Photo|Photograph|Image|Picture|Video)s?(?:\s+credit)?(?:\s+by|\s*:)\s*\S"
    r"|\bLicense\s+Photo\b|\bGetty\s+Images\b|\bShutterstock\b|\bFILE\s+PHOTO\b|\bFile\s+photo\b"
    # the wire caption's opening and closing: "In this Dec. 12, 2006, file photo, ..." and
    # "(NASA via AP, File)"
    r"|^In\s+this\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4},?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:photo|image|picture|handout)\b"
    r"|\((?:[^()]{1,40}\s)?via\s+(?:" + AGENCY + r")\b[^()]{0,20}\)\s*$"
    # a credit closing the line: "(Credit: iStock)", "(AP Photo/Jane Doe)", "Submitted photo"
    r"|(?i:\(\s*(?:photo\s+)?credit\s*:[^()]{1,60}\)\s*$|\([^()]{0,60}\bphoto\b[^()]{0,60}\)\s*$)"
    r"|(?i:\b(?:submitted|contributed|courtesy|staff|handout)\s+(?:photo|image)s?\s*$)"
    r"|(?i:\[\s*(?:file|photo|image|picture|handout)s?\s*:[^\[\]]{1,40}\]\s*$)"
)
_CAPTION_TAIL = re.compile(
    r"[A-Za-z.]\s*/\s*(?:" + AGENCY + r"|EPA|Getty|SIPA|Shutterstock)\s*\)?\s*$"
)
_CAPTION_MAX_WORDS = 90
# Image alt text credited to its site: "... at the UN headquarters - Sputnik International".
_SITE_SUFFIX = re.compile(r"\s[-–—|]\s(?:[A-Z][\w.&'’-]*\s?){1,4}$")

# Live-blog housekeeping: the editors talking about the blog, not news.
_HOUSEKEEPING = re.compile(
    r"\b(?:(?:tak(?:e|ing)|hand(?:ing)?)\s+over\s+(?:the|this|our)\s+(?:live\s+)?"
    r"(?:blog|coverage)|(?:thanks|thank\s+you)\s+for\s+(?:following|joining|reading)"
    r"|follow\s+(?:our|the|this)\s+live\s+(?:coverage|updates|blog)"
    r"|this\s+(?:live\s+)?blog\s+is\s+(?:now\s+)?(?:closed|paused)|signing\s+off"
    r"|(?:pausing|ending|closing|wrapping\s+up)\s+(?:our|this|the)\s+(?:live\s+)?"
    r"(?:coverage|blog))\b",
    re.IGNORECASE,
)


# Cheap substring checks before the costly family searches: each family needs one of these.
_SHORT_HINTS = (
    "download",
    "app",
    "play",
    "newsletter",
    "subscribe",
    "log in",
    "discussion",
    "sign in",
    "cookie",
    "privacy",
    "terms of",
    "rights reserved",
    "ai features",
    "try our",
    "skip to",
    "navigation",
    "back to top",
    "views",
    "shares",
    "likes",
    "reads",
    "comments",
    "read",
    "listen to",
    "javascript",
    "new tab",
    "new window",
)
_CAPTION_HINTS = (
    "photo",
    "image",
    "picture",
    "video",
    "license",
    "getty",
    "shutterstock",
    "file",
    "credit",
)
_SHORT_LINE = 400  # characters: the families judge short lines; longer text is never furniture
_CAPTION_LINE = 1200


def is_section_marker(text: str) -> bool:
    """A header that opens related links, comments or promotions."""
    return len(text) <= 60 and bool(_SECTION.match(text))


# An author's bio at the foot of a story: "Jane Doe is a senior reporter covering ...".
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s){1,4}(?:is|was|has\s+been)\s+(?:an?|the)\s+(?:[\w-]+\s){0,4}"
    r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|producer"
    r"|photographer|photojournalist|blogger|intern)s?\b"
)
_AUTHOR_BIO_MAX_WORDS = 60


def is_furniture(text: str, words: int) -> bool:
    """A line of page furniture: teaser labels, ads, tags, credits, promotions, counters."""
    if len(text) > _SHORT_LINE:
        return False
    if words <= _AUTHOR_BIO_MAX_WORDS and _AUTHOR_BIO.match(text):
        return True
    if words <= _ANCHORED_MAX_WORDS and _ANCHORED.match(text):
        return True
    lowered = text.lower()
    if (
        words <= _SHORT_MAX_WORDS
        and any(hint in lowered for hint in _SHORT_HINTS)
        and _SHORT_FAMILY.search(text)
    ):
        return True
    if words <= _NOTICE_MAX_WORDS and _NOTICE.search(text):
        return True
    return words <= 12 and len(_SOCIAL.findall(text)) >= 2


def is_caption(text: str, words: int, terminal: bool) -> bool:
    """Photo captions, credits and image alt text."""
    if len(text) > _CAPTION_LINE:
        return False
    if words <= _CAPTION_MAX_WORDS:
        if _CAPTION_HEAD.match(text[:40]):
            return True
        lowered = text.lower()
        if any(hint in lowered for hint in _CAPTION_HINTS) and _CAPTION_PHRASE.search(text):
            return True
        tail = text[-80:]
        if "/" in tail and _CAPTION_TAIL.search(tail):
            return True
    return words >= 12 and not terminal and bool(_SITE_SUFFIX.search(text))


def is_housekeeping(text: str) -> bool:
    """A live-blog post about the blog itself (hand-overs, sign-offs)."""
    return bool(_HOUSEKEEPING.search(text[:400]))
