"""When an event happened, from the report's date and the time text its figures carry.

Local news dates an event relative to publication ("Tuesday evening", "yesterday"), so the
date of the event is the report's date moved back to the weekday or by the days named. Only
those forms are read: an explicit date in the text is left to the report's date, which is close
enough for linking, and nothing is guessed when the text names no day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsstream.enrich.lexicon import RELATIVE_DAYS, WEEKDAYS

_WORD = re.compile(r"[a-z]+")


def event_date_of(published: date, time_text: str | None) -> date | None:
    """The event's date when `time_text` names a weekday or a relative day, else None.

    A weekday is the latest such day on or before the report's date (news tells the past).
    """
    if not time_text:
        return None
    for word in _WORD.findall(time_text.casefold()):
        if word in RELATIVE_DAYS:
            return published + timedelta(days=RELATIVE_DAYS[word])
        if word in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS.index(word)) % 7
            return published - timedelta(days=back)
    return None
