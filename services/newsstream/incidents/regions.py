"""First-level regions (admin1) of resolved places, from the same GeoNames data as the gazetteer.

A `Place` carries a country and a GeoNames id but not the region it lies in, and reports of one
event often name it at different levels: the town in one, the state in another. The region is
what both share, so it is what incidents compare and partition on. GeoNames gives every indexed
city its admin1 code, and US states their own ids; regions of other countries come from
ISO 3166-2 without a GeoNames id. So the region is given only in countries whose regions GeoNames
lists with ids (the US): elsewhere a report naming a city would get a code that a report naming
only its region could not, and the two would be kept apart. There the region stays unknown
(None) and the country alone places the report.

The codes are kept in the gazetteer's tables, built and stored with them: reading GeoNames'
city file again here took 0.4 s and some 75 MB at its peak on the first report.
"""

from __future__ import annotations

from newsstream.enrich.gazetteer import loaded_gazetteer
from newsstream.models import Place


def admin1_of(place: Place | None) -> str | None:
    """The admin1 code of a city or region place where GeoNames knows it, else None.

    The gazetteer's table holds only cities and regions of `place_tables.REGION_COUNTRIES`,
    so countries and places elsewhere have none. The code is only meaningful with the
    place's country ("TN" of US).
    """
    if place is None or place.geonames_id is None:
        return None
    return loaded_gazetteer().admin1_of(place.geonames_id)
