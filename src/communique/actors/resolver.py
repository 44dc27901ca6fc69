"""Step 4 of the actors stage, the resolver: chains, pair phrases and pronouns become mentions.

:class:`Resolver` walks the article in text order (:meth:`Resolver.resolve`) with an
:class:`~communique.actors.memory.ArticleMemory`, so that everything it looks back at is what
the article said *so far*: surnames of people named earlier, bare titles ("the foreign
minister": a person named with that office, else the office holder on the article's date),
"he"/"she" subjects and "him"/"her"/"them" objects, "the two sides" and "the four governments",
whose a sector noun is.

Mentions it has emitted are never changed in place: when a later apposition tells more about a
person already emitted ("Wang Yi, China's foreign minister"), the emitted mention and the
memory's records are replaced by copies carrying the new country or sector.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from ..knowledge.codes import NON_STATE_CODES, STATE_SECTORS
from ..model import ActorMention, Entity
from ..parse import doc_tokens, shared_subject
from . import knowledge, owners, pronouns, spans
from .lexicon import COUNTRY, DEMONYM, METONYM, ORG, organization
from .memory import FORCE_BODIES, ArticleMemory, PersonRecord
from .phrases import Unit
from .spans import HYPHENS, SUBJECT_DEPS

# A country or capital that is the object of one of these prepositions is where something
# happened, not who did it ("talks in Geneva", "enterprises in Japan"); "at" and "into" often
# introduce a target ("fired at Saudi Arabia"), so they are not among them.
PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "within", "inside", "near", "outside", "around"})
# Dependency labels of a word that only modifies another noun ("China-Japan ties", "U.S. economy").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# "urging him to open talks", "bundled him into a car": a person named just before, not the clause's subject.
OBJECT_PRONOUNS = frozenset({"him", "her"})
# Words that may stand between the parts of one list of parties ("Chile, the Dominican Republic, Peru and Brazil").
LIST_GLUE = frozenset({",", "and", "or", "the"})
PRONOUN_WINDOW = 2  # sentences back that "he"/"she" may reach
# Words that put a group outside the story's own country.
FOREIGN_WORDS = frozenset({"foreign", "overseas", "international", "other", "western", "outside", "neighbouring",
                           "neighboring", "regional", "european", "african", "arab", "asian", "allied"})
# Groups of an international mandate, with no country of their own, are a body's (peacekeepers in Kosovo: NATO's).
INTERNATIONAL_GROUPS = frozenset({"peacekeepers", "peacekeeping force", "peacekeeping forces"})
# Parties outside the state (opposition, rebels, insurgents): their title with no country is the main country's.
OUTSIDE_STATE_SECTORS = frozenset({"OPP", "REB", "INS"})


class Resolver:
    """Resolves one document's chains, pair phrases and pronouns, in text order."""

    def __init__(self, sdoc: Doc, memory: ArticleMemory):
        self.sdoc = sdoc
        self.memory = memory
        self.sentence_starts = [s.start for s in sdoc.sents]
        self.last_person_unit: Optional[tuple[Unit, Entity]] = None
        self.mentions: list[ActorMention] = []  # emitted so far, in text order
        self._open_chain: list[tuple[Unit, Entity, str]] = []  # units of the chain being resolved
        self._list_so_far: tuple[list[Entity], Optional[int]] = ([], None)  # a list of parties being read, its end

    def resolve(self, items: list[tuple[int, str, object]]) -> list[ActorMention]:
        """Every mention of the items ``(token, "chain" | "pair" | "pronoun" | "them", payload)``, which
        come sorted by token so that the memory always holds what the article said before."""
        for _, what, payload in items:
            if what == "chain":
                mention = self.chain(payload)  # type: ignore[arg-type]
            elif what == "pair":
                mention = self.pair(*payload)  # type: ignore[misc]
            elif what == "them":
                mention = self.them(payload)  # type: ignore[arg-type]
            else:
                mention = self.pronoun(payload)  # type: ignore[arg-type]
            if mention is not None:
                self.mentions.append(mention)
        return self.mentions

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def _amend_person(self, old: Entity, new: Entity) -> None:
        """Put ``new`` wherever the person entity ``old`` was emitted or remembered (by copies)."""
        self.mentions = [replace(m, entities=[new if e is old else e for e in m.entities])
                         if any(e is old for e in m.entities) else m for m in self.mentions]
        self._open_chain[:] = [(u, new if e is old else e, k) for u, e, k in self._open_chain]
        self.memory.replace_entity(old, new)
        if self.last_person_unit is not None and self.last_person_unit[1] is old:
            self.last_person_unit = (self.last_person_unit[0], new)

    # -- chains

    def chain(self, chain: list[Unit]) -> Optional[ActorMention]:
        # A shared head noun belongs to every conjunct: "Hungarian and Romanian officials".
        if len(chain) > 1 and chain[-1].sectors:
            for unit in chain[:-1]:
                if not unit.sectors and not unit.person and all(m.kind in (COUNTRY, DEMONYM) for m in unit.mods):
                    unit.sectors = list(chain[-1].sectors)
        start, end = chain[0].start, chain[-1].end
        place = self._is_place(chain, start, end)
        results: list[tuple[Unit, Entity, str]] = []
        self._open_chain = results
        for unit in chain:
            resolved = self.unit(unit, in_chain=len(chain) > 1, place=place)
            if resolved is not None:
                results.append((unit, *resolved))
        self._open_chain = []
        if not results:
            return None
        entities = [entity for _, entity, _ in results]
        if place:
            kind = "place"
        elif len(entities) > 1:
            kind = "compound"
        else:
            kind = results[0][2]
        if kind not in ("place", "modifier"):
            self.memory.remember_countries(entities)
        if kind != "modifier":
            self._remember_list(entities, start, end)
        if len(results) == 1 and len(chain) > 1:  # one conjunct only is an actor: span just that one
            start, end = results[0][0].start, results[0][0].end
        if kind == "modifier":  # "the" of "the China-Japan relations" belongs to the noun modified
            start = results[0][0].head_start
        return ActorMention(entities=entities, token_start=start, token_end=end,
                            root=spans.root(self.sdoc, start, end), kind=kind)

    def _remember_list(self, entities: list[Entity], start: int, end: int) -> None:
        """Tell the memory the list of states this mention ends ("Chile, the Dominican Republic, Peru and
        Brazil" may come as two mentions: only commas, "and", "or" and "the" between)."""
        before, last_end = self._list_so_far
        if last_end is None or not 0 <= start - last_end <= 3 \
                or any(t.lower_ not in LIST_GLUE for t in doc_tokens(self.sdoc)[last_end:start]) \
                or self.sentence_of(start) != self.sentence_of(last_end - 1):
            before = []
        self._list_so_far = (before + entities, end)
        self.memory.remember_group(before + entities)

    def _is_place(self, chain: list[Unit], start: int, end: int) -> bool:
        if any(u.sectors or u.person or any(m.kind in (ORG, DEMONYM) for m in u.mods) for u in chain):
            return False
        root = self.sdoc[spans.root(self.sdoc, start, end)]
        return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS

    def unit(self, unit: Unit, in_chain: bool, place: bool) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        if unit.person is not None:
            return self._person(unit)
        if unit.sectors:
            return self._sector(unit)
        # Only names of countries, capitals or bodies.
        root = sdoc[spans.root(sdoc, unit.head_start, unit.end)]
        mod = unit.mods[-1]
        modifier = not in_chain and not place and _only_modifies(sdoc, unit, root) \
            and not _names_its_head(unit, root)
        text_span = sdoc[unit.head_start:unit.end]
        if modifier:  # "an Indian proposal", "China-Japan ties": whose thing it is, not an actor
            code, sector, name, entity_id = self._modifier_code(unit)
            if mod.kind in (COUNTRY, DEMONYM, METONYM):
                name, entity_id = spans.country_name(code), f"country:{code}"
            return spans.entity(text_span, code, sector, name, entity_id), "modifier"
        if mod.kind == ORG:
            org = organization(mod.key)
            kind = "igo" if org.code in NON_STATE_CODES else "group"
            return spans.entity(text_span, org.code, org.sector, org.name, org.id), kind
        if mod.kind == METONYM:
            meto = knowledge.metonyms()[mod.key]
            return spans.entity(text_span, meto.code, meto.sector, spans.country_name(meto.code), f"country:{meto.code}"), \
                "capital"
        code = mod.key
        if mod.kind == DEMONYM:  # "the Israelis", "Palestinians": the people, no sector
            return spans.entity(text_span, code, None, spans.country_name(code), f"country:{code}"), "country"
        return spans.entity(text_span, code, "GOV", spans.country_name(code), f"country:{code}"), "country"

    def _modifier_code(self, unit: Unit):
        """(code, sector, name, id) given by the unit's country, capital or body words."""
        for mod in reversed(unit.mods):
            if mod.kind == ORG:
                org = organization(mod.key)
                return org.code, org.sector, org.name, org.id
            if mod.kind == METONYM:
                meto = knowledge.metonyms()[mod.key]
                return meto.code, None, None, None
            return mod.key, None, None, None
        return None, None, None, None

    def _sector_of(self, unit: Unit, base: Optional[str]) -> tuple[Optional[str], Optional[knowledge.SectorTerm]]:
        """The sector the nouns give ("police spokesman" -> COP) and the last title, if the head is one."""
        sector = base
        term = None
        for piece in unit.sectors:
            term = knowledge.sector_terms()[piece.key]
            if term.sector:
                sector = term.sector
        title = term if term is not None and term.role == "title" else None
        # A bare title ("spokesman") speaks for a government unless the phrase says otherwise; a body ("group") has no sector.
        return sector or ("GOV" if title else None), title

    def _sector(self, unit: Unit) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        code, org_sector, org_name, org_id = self._modifier_code(unit)
        sector, title = self._sector_of(unit, org_sector)
        last_term = knowledge.sector_terms()[unit.sectors[-1].key]
        has_modifier, owner = bool(unit.mods), None
        if not has_modifier and not last_term.alone and not any(
                knowledge.sector_terms()[p.key].alone for p in unit.sectors):
            # "his supporters": whose they are is the person "his" stands for.
            code, owner = self._possessor_country(unit)
            if code is None:
                return None
        text_span = sdoc[min(unit.head_start, owner):unit.end] if owner is not None else sdoc[unit.head_start:unit.end]
        if title is not None:
            person = self._title_person(unit, title, code)
            if person is not None:
                entity = replace(person, text=text_span.text, start=text_span.start_char, end=text_span.end_char)
                self._remember(entity, None, {title.office or ""}, unit)
                return entity, "title"
        if code is None and unit.sectors[-1].key in INTERNATIONAL_GROUPS and not self._own_force(sdoc[unit.end - 1]):
            code = "IGO"
        elif code is None and sector == "DEV" and self._foreign(unit):
            code = "NGO"  # "foreign aid agencies", "international relief workers": non-governmental, of no country
        if code is None:
            # "protesters in Lahore", "the junta" after "Myanmar's military government", else the
            # story's country.
            code = self._sentence_country(unit, sector) or next(
                (found for p in reversed(unit.sectors) if (p is unit.sectors[-1] or p.key not in FORCE_BODIES)
                 and (found := self.memory.body_country(p.key))), None) \
                or (None if self._foreign(unit) else self.memory.main_country)
        elif has_modifier:
            for piece in unit.sectors:
                self.memory.remember_body(piece.key, code)
        return spans.entity(text_span, code, sector, org_name, org_id), "title" if title else "sector"

    @staticmethod
    def _own_force(head) -> bool:
        """"their peacekeeping force", "refused to send peacekeepers": a force owned or sent by a party is
        that party's, not an international body's."""
        return any(c.dep_ == "poss" for c in head.children) or (
            head.dep_ == "dobj" and head.head.lemma_.lower() in owners.SENDING_VERBS)

    def _sentence_country(self, unit: Unit, sector: Optional[str]) -> Optional[str]:
        """The country the sentence gives a group with none of its own: a place it is "in", the state
        body or government it is joined to, else what ``owners.sentence_country`` reads."""
        root = self.sdoc[spans.root(self.sdoc, unit.head_start, unit.end)]
        return owners.place_country(root, self._known_countries) or self._state_partner_country(sector) or \
            owners.sentence_country(self.sdoc, unit.start, unit.end, sector, self.mentions) or \
            owners.acting_place_country(root, sector, self._known_countries)

    def _known_countries(self) -> list[str]:
        """The countries the story has named, and its main country: where a town's name is looked up first."""
        return list(self.memory.country_counts) + [c for c in (self.memory.main_country,) if c]

    def _possessor_country(self, unit: Unit) -> tuple[Optional[str], Optional[int]]:
        """The country of the person a possessive "his"/"her" before the noun stands for (the
        nearest person named in this sentence or the one before), and where "his" stands."""
        head = self.sdoc[unit.end - 1]
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None or any(c.lower_ in ("fellow", "other") for c in head.children):
            return None, None  # "his fellow leaders" are not his country's
        sentence = self.sentence_of(owner.i)
        people = [r for r in self.memory.people if r.token < owner.i and sentence - 1 <= r.sentence <= sentence]
        if not people or not people[-1].entity.code or people[-1].entity.code in NON_STATE_CODES:
            return None, None
        # ("asylum for Ortiz and her sons": a name the tables do not know came between)
        if any(t.ent_type_ == "PERSON" for t in self.sdoc[people[-1].token + 1:owner.i]):
            return None, None
        return people[-1].entity.code, owner.i

    def _state_partner_country(self, sector: Optional[str]) -> Optional[str]:
        """A bare state body joined to one a country names shares its country: "Polish border
        guards and police" -> both POL; so do rebels or an opposition joined to a government. Never
        across sides of a fight ("Israeli troops and militants")."""
        # ("the Nepali government and Maoist rebels": a government's own insurgents or opposition)
        partners = STATE_SECTORS if sector in STATE_SECTORS else {"GOV"} if sector in ("REB", "OPP") else set()
        for partner, entity, _ in self._open_chain:
            if partner.mods and entity.sector in partners and entity.code:
                return entity.code
        return None

    def _foreign(self, unit: Unit) -> bool:
        """"any foreign government", "other countries", "Western diplomats": not the story's country."""
        head = self.sdoc[unit.end - 1]
        mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "det", "nmod")]
        # ("foreign aid workers": the adjective may hang on the compound)
        mods += [c for m in mods if m.dep_ == "compound" for c in m.lefts if c.dep_ == "amod"]
        return bool({c.lower_ for c in mods} & FOREIGN_WORDS)

    def _title_person(self, unit: Unit, title: knowledge.SectorTerm, code: Optional[str]) -> Optional[Entity]:
        """Who "the Chinese foreign minister" / "the minister" is: named earlier, or the office holder."""
        office = title.office or ""
        # Apposition: "Wang Yi, China's foreign minister, ..."
        previous = self.last_person_unit
        if previous is not None:
            prev_unit, prev_entity = previous
            between = [t.text for t in self.sdoc[prev_unit.end:unit.start]]
            if between == [","] and (code is None or prev_entity.code in (None, code)):
                amended = replace(prev_entity, code=code if prev_entity.code is None else prev_entity.code,
                                  sector=(title.sector or "GOV") if prev_entity.sector is None else prev_entity.sector)
                if amended != prev_entity:
                    self._amend_person(prev_entity, amended)
                return amended
        entity = self.memory.person_with_office(office, code)
        if entity is not None:
            return entity
        holder_country = code or ((spans.leading_capital(self.sdoc, unit.start) or self.memory.title_country)
                                  if title.alone else None)
        if holder_country and self.memory.published is not None:
            holder = knowledge.holder_of(office, holder_country, on=self.memory.published)
            if holder is not None:
                return Entity(text="", code=holder.country, sector=holder.sector, name=holder.name, id=holder.id)
        return None

    def _owner_code(self, unit: Unit) -> Optional[str]:
        """ "Ban's spokesman Martin Nesirky": a title owned by a party named just before speaks for it."""
        owners = {c.i for t in self.sdoc[unit.start:unit.end] for c in t.children if c.dep_ == "poss"}
        codes = {e.code for m in self.mentions if m.kind in ("person", "igo", "country", "capital")
                 and any(m.token_start <= i < m.token_end for i in owners) for e in m.entities if e.code}
        return next(iter(codes)) if len(codes) == 1 else None

    def _person(self, unit: Unit) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        piece = unit.person
        assert piece is not None
        name_span = sdoc[piece.start:piece.end]
        name_text = name_span.text
        code, org_sector, _, _ = self._modifier_code(unit)
        title = None
        sector = None
        if unit.sectors:
            sector, title = self._sector_of(unit, org_sector)
        known = self.memory.by_name.get(name_text) if piece.end - piece.start == 1 else None
        published = self.memory.published
        holder = knowledge.office_holder(name_text, on=published) if published else knowledge.office_holder(name_text)
        shared = holder is None and published is not None and len(knowledge.office_holders_on(name_text, published)) > 1
        if shared:  # "King Abdullah" in 2009: the Saudi king or Jordan's, by the story's country
            holder = next((h for h in (knowledge.office_holder(name_text, on=published, prefer=c)
                                       for c in (self.memory.title_country, self.memory.main_country) if c) if h), None)
        identity = knowledge.person_identity(name_text)
        if piece.end - piece.start == 1 and not (known or holder or identity or unit.sectors or unit.mods):
            return None  # a lone capitalised word NER calls a person ("Dadaab") is too weak alone
        if known is not None and identity is not None and known.id and known.id != identity.id:
            identity = holder = None  # the article's own "Wang" beats the table's
        name = (holder or identity).name if (holder or identity) else (known.name if known else name_text)
        person_id = (holder or identity).id if (holder or identity) else (known.id if known else None)
        if code is None:
            if known is not None and known.code:
                code = known.code
            elif holder is not None:
                code = holder.country
            elif identity is not None and len({t.country for t in knowledge.holder_terms(name_text)}) == 1:
                code = identity.country
            elif title is not None and not shared:
                # (the opposition's or the rebels' man is the main country's even where the story is
                # filed from the capital that hosts the talks: "OSLO -- ... rebel negotiator X said")
                code = self._owner_code(unit) or spans.leading_capital(self.sdoc, unit.start) or (
                    self.memory.main_country if self.memory.main_country and (sector in OUTSIDE_STATE_SECTORS or any(
                        knowledge.sector_terms()[p.key].sector in OUTSIDE_STATE_SECTORS for p in unit.sectors))
                    else self.memory.title_country)
        if sector is None:
            sector = known.sector if known is not None and known.sector else (holder.sector if holder else None)
        entity = Entity(text=name_text, code=code, sector=sector, name=name, id=person_id,
                        start=name_span.start_char, end=name_span.end_char)
        offices = {knowledge.sector_terms()[p.key].office or "" for p in unit.sectors
                   if knowledge.sector_terms()[p.key].role == "title"}
        if holder is not None:
            offices.add(holder.office)
        if known is not None:
            offices |= self._offices_of(known)
        self._remember(entity, name_text if piece.end - piece.start > 1 else None, offices, unit)
        return entity, "person"

    def _offices_of(self, entity: Entity) -> set[str]:
        for record in reversed(self.memory.people):
            if record.entity.name == entity.name and record.entity.code == entity.code:
                return set(record.offices)
        return set()

    def _remember(self, entity: Entity, name_text: Optional[str], offices: set[str], unit: Unit) -> None:
        root = self.sdoc[spans.root(self.sdoc, unit.start, unit.end)]
        self.memory.remember_person(entity, name_text, {o for o in offices if o}, root.i,
                                    self.sentence_of(root.i), root.dep_ in SUBJECT_DEPS)
        self.last_person_unit = (unit, entity)

    # -- "the two sides", "the four governments"

    def pair(self, start: int, end: int, refers: str, count: int = 2) -> Optional[ActorMention]:
        sdoc = self.sdoc
        span = sdoc[start:end]
        head_start = start + 1 if sdoc[start].lower_ == "the" else start
        text_span = sdoc[head_start:end]
        entities: list[Entity] = []
        if refers == "persons" and count == 2:
            entities = self._person_pair(span)
        if not entities:
            pair = self.memory.group(count)
            if pair is None:
                return None
            sector = "GOV"
            entities = [spans.entity(text_span, code, sector, spans.country_name(code), f"country:{code}") for code in pair]
        else:
            entities = [replace(e, text=text_span.text, start=text_span.start_char, end=text_span.end_char)
                        for e in entities]
        root = spans.root(sdoc, start, end)
        token = sdoc[root]
        kind = "place" if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS else "compound"
        return ActorMention(entities=entities, token_start=start, token_end=end, root=root, kind=kind)

    def _person_pair(self, span) -> list[Entity]:
        words = {t.lower_ for t in span}
        chosen: list[Entity] = []
        for record in reversed(self.memory.people):
            entity = record.entity
            offices_words = {w for office in record.offices for w in office.split()}
            qualifier = words & {"foreign", "defence", "defense", "prime", "finance", "trade"}
            if qualifier and not qualifier <= offices_words:
                continue
            if any(e.name == entity.name or e.code == entity.code for e in chosen):
                continue
            chosen.append(entity)
            if len(chosen) == 2:
                return list(reversed(chosen))
        return []

    # -- "he" / "she"

    def pronoun(self, i: int) -> Optional[ActorMention]:
        token = self.sdoc[i]
        sentence = self.sentence_of(i)
        candidates = [r for r in self.memory.people
                      if r.token < i and sentence - PRONOUN_WINDOW <= r.sentence <= sentence and r.entity.name]
        if token.lower_ in OBJECT_PRONOUNS:
            # Not the one who acts in this clause ("Barclay ... asking him": him is not Barclay's subject;
            # "X called Y and pressed him": nor the subject the joined verbs share).
            subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
            shared = shared_subject(token.head) if not subjects else None
            subjects += [shared] if shared is not None else []
            doer_names = {r.entity.name for r in candidates
                          if any(r.token in range(c.left_edge.i, c.right_edge.i + 1) for c in subjects)}
            candidates = [r for r in candidates if r.entity.name not in doer_names]
            if not candidates:
                return None
        if not candidates:
            return None
        nearest = max(r.sentence for r in candidates)
        same = [r for r in candidates if r.sentence == nearest]
        subjects = [r for r in same if r.subject]
        antecedent = (subjects or same)[-1].entity
        entity = replace(antecedent, text=token.text, start=token.idx, end=token.idx + len(token.text))
        self.memory.people.append(PersonRecord(antecedent, self._offices_of(antecedent), i, sentence, True))
        # An object pronoun names the person as any other mention of them would; "pronoun" marks subjects,
        # which the events stage may hand to the speaker.
        kind = "person" if token.lower_ in OBJECT_PRONOUNS else "pronoun"
        return ActorMention(entities=[entity], token_start=i, token_end=i + 1, root=i, kind=kind)


    # -- "them"

    def them(self, i: int) -> Optional[ActorMention]:
        return pronouns.them(self.sdoc, i, self.mentions, self.sentence_of)


# ---------------------------------------------------------------------------- helpers

def _only_modifies(sdoc: Doc, unit: Unit, root) -> bool:
    """A name that only modifies another noun: "China-Japan ties", "Japanese cars", "U.S. economy"."""
    # (a name the parser hung on a verb as an adverbial, "UNHCR on Thursday appealed", is its subject)
    if root.dep_ in NOUN_MODIFIER_DEPS and not (unit.start <= root.head.i < unit.end) \
            and not (root.dep_ == "npadvmod" and root.head.pos_ in ("VERB", "AUX") and root.i < root.head.i):
        return True
    before = sdoc[unit.head_start - 1] if unit.head_start > 0 else None
    after = sdoc[unit.end] if unit.end < len(sdoc) else None
    return any(t is not None and _tight_hyphen(t) for t in (before, after))


def _names_its_head(unit: Unit, root) -> bool:
    """"the Hizbollah (Party of God) group", "the Houthi-led movement": a named body that modifies an
    actor noun the parenthesis or hyphen kept out of its phrase is the actor that noun names."""
    if unit.mods[-1].kind != ORG or organization(unit.mods[-1].key).code in NON_STATE_CODES:
        return False
    term = knowledge.sector_terms().get(root.head.lower_)
    return term is not None and not term.blocks and root.head.i >= unit.end


def _tight_hyphen(token) -> bool:
    """A hyphen with no space on either side joins names into one modifier ("China-Japan")."""
    return token.text in HYPHENS and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_
