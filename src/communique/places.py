"""Event places: where the text says an event took place, resolved with the gazetteer.

A place counts for an event only when it hangs off the trigger's clause through a locative
preposition (``LOCATIVE_PREPOSITIONS``: "talks in Geneva", "here in Tokyo", "at the summit
in Geneva", "in the Syrian city of Aleppo"). The preposition must belong to the same clause
as the trigger (same governing verb), so "said in Tokyo that troops attacked ..." does not
put the attack in Tokyo. "In the capital" is the dateline city when there is one, else the
capital of the country named next to it ("the Afghan capital") or of the event's actor.

When no place is stated, the wire dateline's place is used for the events of the first
paragraph only (the lede reports what happened where the reporter files from; later
paragraphs drift to background and reactions elsewhere), and never for historical events.

Names become places through :mod:`communique.knowledge.gazetteer` (cities, countries with
their capitals' coordinates, regions from ``data/places.tsv``).
"""
from __future__ import annotations

from typing import Optional

from .knowledge.codes import is_country_code
from .knowledge.gazetteer import gazetteer, name_key
from .model import Location
from .parse import doc_tokens, governing_verb

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


# --- attaching places to events -------------------------------------------------------------

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
        # The place-labelled entities of each sentence, by the sentence's first token: built once,
        # because ``Span.ents`` rebuilds every entity of the document on each call, and asking it
        # once per event made coding quadratic in the length of the document.
        self.sentence_places: dict[int, list] = {}
        for ent in sdoc.ents:
            if ent.label_ in PLACE_LABELS:
                self.sentence_places.setdefault(ent.sent.start, []).append(ent)
            if ent.label_ == "GPE":
                place = self.gaz.countries.get(name_key(ent.text))
                if place and place.country:
                    self.countries.add(place.country)
        for event in events:
            for entity in [*event.actor, *event.recipient]:
                if is_country_code(entity.code):
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
        verb = governing_verb(trigger)
        sentence = trigger.sent
        found: Optional[Location] = None
        for ent in self.sentence_places.get(sentence.start, ()):
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
        for token in doc_tokens(self.sdoc)[sentence.start:sentence.end]:
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
        head_verb = governing_verb(prep.head)
        if head_verb.i == verb.i:
            return True
        # "Fighting in Syria killed ...": the place hangs off a gerund that is the subject.
        return head_verb.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj") and governing_verb(head_verb.head).i == verb.i

    def _capital_mention(self, sentence, trigger, verb, event) -> Optional[Location]:
        """'in the capital' / 'in the Afghan capital' (no name given)."""
        for token in doc_tokens(self.sdoc)[sentence.start:sentence.end]:
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
