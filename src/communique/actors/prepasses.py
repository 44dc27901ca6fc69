"""Step 1 of the actors stage, the pre-passes: table matches become the pieces of mentions.

Each pre-pass takes the list of :class:`~communique.actors.lexicon.LexMatch` pieces and returns
a new list (nothing is changed in place):

- :func:`disambiguated_organizations`: an alias two bodies share ("RSF") goes to the one whose
  country the article is about;
- :func:`halves_of_divided_countries`: "the North" and "the South" in a story that names North or
  South Korea are the two Koreas;
- :func:`with_unlisted_bodies`: a named body no table lists ("the Kenya Human Rights
  Commission") becomes an organisation piece of its country, the story's, or NGO;
- :func:`drop_inside`: pieces inside "the two sides"-like phrases go;
- :func:`valid_matches`: matches the context shows are something else go (a surname without a
  name beside it, a place that is a person's first name, blocking sector nouns);
- :func:`with_person_names`: person names no table lists are added (NER persons, proper nouns
  after a title, later surnames of people named in full).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from ..knowledge import english
from ..knowledge.codes import STATE_SECTORS
from ..model import Document
from ..parse import doc_tokens
from . import knowledge
from . import memory
from .lexicon import COUNTRY, DEMONYM, METONYM, ORG, PERSON, SECTOR, UNLISTED, LexMatch

# Words of a body's name that say it works across borders ("the International Crisis Group"): non-governmental.
INTERNATIONAL_WORDS = frozenset({"international", "world", "global", "watch", "borders", "transparency"})
# Last words of the name of a body: "the Ceasefire Violations Committee", "the Kenya Human Rights
# Commission". Courts, ministries and agencies are left out: they are organs of a state.
BODY_HEADS = frozenset({"committee", "commission", "council", "forum", "association", "federation", "union",
                        "league", "society", "foundation", "institute", "front", "movement", "alliance",
                        "congress", "coalition", "organization", "organisation", "network", "party",
                        "confederation", "chamber", "syndicate"})
# Of these, a name without a country is a national political body ("the Karen National Union",
# "the Homeland Union"): it belongs to the country the story is about.
POLITICAL_HEADS = frozenset({"union", "front", "party", "congress", "movement", "alliance", "coalition", "league",
                             "confederation"})


def _possessive_country(sdoc: Doc, lex: list[LexMatch], start: int) -> Optional[str]:
    """The country named in a possessive right before ``start`` ("North Korea's ..."), if any."""
    if start < 2 or sdoc[start - 1].tag_ != "POS":
        return None
    for m in lex:
        if m.end == start - 1 and m.kind in (COUNTRY, METONYM):
            return m.key if m.kind != METONYM else knowledge.metonyms()[m.key].code
    return None


# The halves of a divided country a story calls "the North" and "the South" once it has named either.
DIVIDED_HALVES = {"north": "PRK", "south": "KOR"}


def halves_of_divided_countries(sdoc: Doc, lex: list[LexMatch]) -> list[LexMatch]:
    """"The North's army warned ...", "the South resumed broadcasts": in a story that names North or South
    Korea, "the North" and "the South" (capitalised, after "the", not the start of a longer name or "the
    South of France") are the two Koreas."""
    named = {m.key for m in lex if m.kind == COUNTRY}
    if not named & set(DIVIDED_HALVES.values()):
        return lex
    taken = {i for m in lex for i in range(m.start, m.end)}
    found = [LexMatch(t.i, t.i + 1, COUNTRY, DIVIDED_HALVES[t.lower_]) for t in sdoc
             if t.lower_ in DIVIDED_HALVES and t.text[0].isupper() and t.i > 0 and sdoc[t.i - 1].lower_ == "the"
             and t.i not in taken and not (t.i + 1 < len(sdoc) and (sdoc[t.i + 1].pos_ == "PROPN"
                                                                  or sdoc[t.i + 1].lower_ in ("of", "-")))]
    return sorted(lex + found, key=lambda m: m.start) if found else lex


def with_unlisted_bodies(sdoc: Doc, lex: list[LexMatch], main_country: Optional[str],
                         home_country: Optional[str] = None) -> list[LexMatch]:
    """Named bodies the tables do not know ("the Third World Water Forum"): an NER organisation
    whose name ends in a body word becomes an organisation of the country its name holds
    ("the Kenya Human Rights Commission" -> KEN) or that owns it ("Malawi's Media Standards Council"
    -> MWI); a party, front or union without one, or a "National" body, belongs to
    the story's country, when there is one; any other body in a story filed from a country its lead
    names (``home_country``) is that country's, unless its name says it works across borders; anything
    else is non-governmental (NGO)."""
    found: list[LexMatch] = []
    dropped: set[LexMatch] = set()
    for ent in sdoc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        end = next((t.i for t in ent if t.text == "("), ent.end)  # "the Homeland Union (Conservatives"
        if end - start < 2:
            continue
        # "... Water Forum", "Association of African Jurists", "National Confederation of Truck Owners".
        before_of = next((t for t in sdoc[start + 1:end] if t.lower_ == "of"), None)
        head = sdoc[end - 1] if sdoc[end - 1].lower_ in BODY_HEADS else (
            sdoc[before_of.i - 1] if before_of is not None and sdoc[before_of.i - 1].lower_ in BODY_HEADS else sdoc[start])
        if head.lower_ not in BODY_HEADS or not head.is_title \
                or (head.i < end - 1 and sdoc[head.i + 1].lower_ != "of"):
            continue
        inside = [m for m in lex if start <= m.start and m.end <= end]
        if any(m.start < end and start < m.end for m in lex if m not in inside) \
                or any(m.kind in (ORG, PERSON) or (m.kind == SECTOR and (m.start, m.end) != (head.i, head.i + 1)
                                                   and _state_sector(m))
                       for m in inside):
            continue  # a listed body, a person, a title or an organ of state ("the National Police Commission")
        inside = [m for m in inside if m.kind != SECTOR]
        codes = {m.key if m.kind != METONYM else knowledge.metonyms()[m.key].code for m in inside}
        if len(codes) > 1:
            continue
        owner = _possessive_country(sdoc, lex, start)
        if codes:
            code = codes.pop()
        elif owner is not None:
            code = owner  # "Malawi's Media Standards Council": a body of the state that owns it
        elif head.lower_ in POLITICAL_HEADS or any(t.lower_ == "national" for t in sdoc[start:end]):
            # ("the National Strike Committee": a national body of the country the story is about)
            if main_country is None:
                continue  # whose party it is cannot be told
            code = main_country
        elif home_country is not None and not any(t.lower_ in INTERNATIONAL_WORDS for t in sdoc[start:end]):
            # ("the Investigative Committee", "the Narathiwat Islamic Council" in a story filed from the
            # country: a body of that country)
            code = home_country
        else:
            code = "NGO"
        dropped.update(inside)
        found.append(LexMatch(start, end, ORG, f"{UNLISTED}|{code}|{sdoc[start:end].text}"))
    if not found:
        return lex
    covered = {i for m in found for i in range(m.start, m.end)}
    return sorted([m for m in lex if m not in dropped and not (m.kind == SECTOR and m.start in covered)] + found,
                  key=lambda m: m.start)


def disambiguated_organizations(sdoc: Doc, lex: list[LexMatch], document: Document) -> list[LexMatch]:
    """An alias several bodies share ("RSF": Reporters Without Borders, Sudan's Rapid Support Forces)
    names the one whose country the article is about: the main country, else the country named most
    often; if the article names none of their countries the first row of the table wins."""
    shared = knowledge.shared_organization_aliases()
    generic = [m for m in lex if m.kind == ORG and _generic_party_name(sdoc[m.start:m.end].text)]
    if not generic and (not shared or not any(m.kind == ORG and sdoc[m.start:m.end].text in shared for m in lex)):
        return lex
    # (a generic party name does not itself count for its table row's country)
    counted = [m for m in lex if m not in generic]
    main = memory.main_country(document, counted)
    counts = memory.country_counts(counted)
    orgs = knowledge.organizations()
    out = []
    for m in lex:
        ids = shared.get(sdoc[m.start:m.end].text) if m.kind == ORG else None
        if ids:
            best = max(ids, key=lambda i: (orgs[i].code == main, counts.get(orgs[i].code, 0)))
            m = replace(m, key=best)
        elif m in generic and m.key in orgs:
            # "the Maldivian Democratic Party": a name many countries' parties bear is the party of the
            # country named right before it; else, in a story that never names the table row's country
            # ("the main opposition Democratic Party" in a story about South Korea), the story's country's.
            # ("Senegal's largest opposition Democratic Party": or the country whose possessive it is)
            named = next((p.key for p in lex if p.end == m.start and p.kind in (COUNTRY, DEMONYM)), None)
            owner = None if named else _owner_country(sdoc, lex, m)
            code = named or owner or (main if main and not counts.get(orgs[m.key].code) else None)
            if code and code != orgs[m.key].code:
                m = LexMatch(m.start - (1 if named else 0), m.end, ORG, f"{UNLISTED}|{code}|{sdoc[m.start:m.end].text}")
        out.append(m)
    return out


def _owner_country(sdoc: Doc, lex: list[LexMatch], name: LexMatch) -> Optional[str]:
    """The country a possessive on the name's head names ("Senegal's largest opposition Democratic Party")."""
    for owner in sdoc[name.end - 1].children:
        if owner.dep_ == "poss":
            return next((p.key for p in lex if p.kind == COUNTRY and p.start <= owner.i < p.end), None)
    return None


# Words of party names that many countries' parties bear ("Democratic Party", "Labour Party").
GENERIC_PARTY_WORDS = frozenset({"democratic", "republican", "conservative", "labour", "labor", "liberal", "social",
                                 "socialist", "christian", "national", "people's", "peoples", "green", "communist",
                                 "justice", "and", "development", "progressive", "party", "union"})


def _generic_party_name(text: str) -> bool:
    words = text.lower().split()
    return len(words) >= 2 and words[-1] in ("party", "union") and all(w in GENERIC_PARTY_WORDS for w in words)


def _state_sector(match: LexMatch) -> bool:
    """A title, or a noun of an organ of state ("police", "army"); "fishermen", "farmers" are not."""
    term = knowledge.sector_terms()[match.key]
    return term.role == "title" or term.sector in STATE_SECTORS


def drop_inside(lex: list[LexMatch], spans: list[tuple[int, int]]) -> list[LexMatch]:
    """The pieces that overlap none of the spans."""
    if not spans:
        return lex
    return [m for m in lex if not any(s < m.end and m.start < e for s, e in spans)]


def valid_matches(sdoc: Doc, lex: list[LexMatch]) -> list[LexMatch]:
    """Drop table matches that the context shows are something else."""
    covered = bytearray(len(sdoc))
    for m in lex:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    named = {i for m in lex if m.kind != SECTOR for i in range(m.start, m.end)}  # (a sector word: "People's")
    kept = []
    for m in lex:
        if m.kind == PERSON and m.end - m.start == 1 and not _plausible_surname(sdoc, m.start, covered):
            continue
        if m.kind == PERSON and _other_first_name(sdoc, m, covered):
            continue
        if m.kind == SECTOR and knowledge.sector_terms()[m.key].blocks:
            continue
        if m.kind in (METONYM, COUNTRY) and _first_name(sdoc, m):
            continue
        if m.kind == DEMONYM and m.start > 0 and sdoc[m.start - 1].lower_ == "ethnic" \
                and sdoc[m.end - 1].dep_ in ("amod", "compound"):
            continue  # "ethnic Albanian rebels" in Macedonia: a people, not a nationality
        if m.kind in (DEMONYM, COUNTRY, METONYM) and _names_water(sdoc, m):
            continue  # "the South China Sea", "the Gulf of Oman": a sea, not the country
        if m.kind in (DEMONYM, COUNTRY, METONYM) and _stance_prefix(sdoc, m.start):
            continue  # "pro-Russian separatists" in Ukraine, "anti-American protesters": a stance, not a nationality
        if m.kind in (DEMONYM, COUNTRY, METONYM) and _backer_prefix(sdoc, m):
            continue  # "Iran-backed rebels", "Turkish-allied forces": the backer, not the party's nationality
        if m.kind in (DEMONYM, COUNTRY) and _american_region(sdoc, m, covered):
            continue  # "Latin American countries", "Central America": a region, not the United States
        if m.kind == DEMONYM and _people_of_the_americas(sdoc, m, covered):
            continue  # "Nasa Indians", "Mapuche Indians": an indigenous people, not India's
        if m.kind == ORG and _inside_longer_name(sdoc, m, named):
            continue  # "the People's Democratic Party" of Nigeria is not the "Democratic Party"
        if m.kind == SECTOR and _hyphenated_modifier(sdoc, m):
            continue  # "people-smuggling", "arms-trafficking": a word of a compound noun, not a party
        kept.append(m)
    return kept


def _hyphenated_modifier(sdoc: Doc, m: LexMatch) -> bool:
    """Is the match's last word joined by a hyphen to a noun or gerund after it ("people-smuggling")?
    Not to a participle ("rebel-held", "military-run companies": the party holds or runs) nor to a title's
    "-elect" or "-designate"."""
    last = sdoc[m.end - 1]
    if m.end + 1 >= len(sdoc) or last.whitespace_ or sdoc[m.end].text != "-" or sdoc[m.end].whitespace_:
        return False
    after = sdoc[m.end + 1]
    return after.lower_ not in ("elect", "designate") and after.tag_ in ("NN", "NNS", "VBG")


def _inside_longer_name(sdoc: Doc, m: LexMatch, named: set[int]) -> bool:
    """Does the parser's name run on before the match with words no table knows ("People's" before
    "Democratic Party")? Then the match is the tail of another body's name."""
    first = sdoc[m.start]
    if first.ent_iob_ != "I":
        return False
    start = next(e.start for e in sdoc.ents if e.start <= m.start < e.end)
    return any(sdoc[i].pos_ == "PROPN" and i not in named for i in range(start, m.start))


WATER_AFTER = frozenset({"sea", "ocean"})
WATER_BEFORE = frozenset({"sea", "gulf", "bay"})


def _names_water(sdoc: Doc, m: LexMatch) -> bool:
    """Is the match part of the name of a sea or gulf ("the South China Sea", "the Sea of Japan", "the
    Gulf of Oman")? (A strait is left alone: "sailed through the Taiwan Strait" is aimed at Taiwan.)"""
    after = sdoc[m.end] if m.end < len(sdoc) else None
    if after is not None and after.lower_ in WATER_AFTER and after.text[:1].isupper():
        return True
    return m.start >= 2 and sdoc[m.start - 1].lower_ == "of" and sdoc[m.start - 2].lower_ in WATER_BEFORE \
        and sdoc[m.start - 2].text[:1].isupper()


def _stance_prefix(sdoc: Doc, start: int) -> bool:
    """Is the word at ``start`` the second half of "pro-" or "anti-" ("pro-Moscow", "anti-Western")?"""
    return start >= 2 and sdoc[start - 1].text == "-" and sdoc[start - 2].lower_ in ("pro", "anti") \
        and sdoc[start - 1].idx == sdoc[start - 2].idx + len(sdoc[start - 2].text)


# "Iran-backed", "Saudi-allied", "Western-funded": a party named by who backs it, not by its nationality
# (a "Saudi-led coalition" is led by Saudi Arabia and keeps it).
BACKING_PARTICIPLES = frozenset({"backed", "allied", "aligned", "supported", "sponsored", "funded", "armed",
                                 "trained", "installed", "friendly", "leaning"})


def _backer_prefix(sdoc: Doc, m: LexMatch) -> bool:
    """Is the match the first half of "Iran-backed" ("Iran", "-", "backed", or one token "U.S.-backed")?"""
    last = sdoc[m.end - 1]
    if "-" in last.text and last.lower_.rsplit("-", 1)[1] in BACKING_PARTICIPLES:
        return True
    return m.end + 1 < len(sdoc) and sdoc[m.end].text == "-" and sdoc[m.end + 1].lower_ in BACKING_PARTICIPLES \
        and sdoc[m.end].idx == last.idx + len(last.text)


def _american_region(sdoc: Doc, m: LexMatch, covered: bytearray) -> bool:
    """"American" or "America" after a region's word no table covers ("Latin American", "South America")."""
    return m.start > 0 and english.names_american_region(sdoc[m.start]) and not covered[m.start - 1]


def _people_of_the_americas(sdoc: Doc, m: LexMatch, covered: bytearray) -> bool:
    """"Indians" after a people's own name the tables do not know ("Nasa Indians", "Mapuche Indians")."""
    if m.start == 0 or sdoc[m.end - 1].lower_ not in ("indians", "indian"):
        return False
    before = sdoc[m.start - 1]
    # (a capital at the start of a sentence only counts on a proper noun: "Young Indians rallied")
    return before.is_title and not covered[m.start - 1] and (
        before.pos_ == "PROPN" or (before.pos_ in ("ADJ", "NOUN") and before.i > before.sent.start))


def _other_first_name(sdoc: Doc, m: LexMatch, covered: bytearray) -> bool:
    """"Carlos Ruiz Massieu" is not the office holder "Ruiz Massieu" the table knows by surname: a
    surname alias right after a first name the table did not match is someone else's."""
    if m.start == 0:
        return False
    before = sdoc[m.start - 1]
    return before.pos_ == "PROPN" and before.is_title and not covered[m.start - 1] \
        and before.ent_type_ == "PERSON" and sdoc[m.start].ent_type_ == "PERSON"


def _first_name(sdoc: Doc, m: LexMatch) -> bool:
    """"his girlfriend Sofia Sapega", "Jordan Bardella": a place name that is the first part of a
    person's name the NER marks as one."""
    if m.end - m.start != 1 or m.end >= len(sdoc):
        return False
    token, nxt = sdoc[m.start], sdoc[m.end]
    return token.ent_type_ == "PERSON" and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I" \
        and nxt.pos_ == "PROPN" and nxt.is_title


def _name_like(token) -> bool:
    """A proper noun, or a capitalised word the tagger misread ("Yoon and Kishida met": "Yoon" as ADJ)."""
    return token.pos_ == "PROPN" or (token.is_title and token.pos_ in ("ADJ", "NOUN", "X", "VERB"))


def _plausible_surname(sdoc: Doc, i: int, covered: bytearray) -> bool:
    """A one-word name ("Motegi", "Rice") counts only as a proper noun standing on its own. The
    article named the person in full earlier, so the NER's place labels do not veto it ("Kamikawa"
    tagged GPE); places the actor tables know are already covered."""
    token = sdoc[i]
    if not _name_like(token) or token.ent_type_ in ("DATE", "EVENT"):
        return False
    for j in (i - 1, i + 1):  # part of a longer name we do not know ("Bill Gates", "Fox News")
        if 0 <= j < len(sdoc) and sdoc[j].pos_ == "PROPN" and not covered[j] and sdoc[j].is_title:
            return False
    return True


def with_person_names(sdoc: Doc, lex: list[LexMatch]) -> list[LexMatch]:
    """Add person names the tables do not know: NER persons, names after titles, later surnames."""
    covered = bytearray(len(sdoc))
    for m in lex:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    found: list[LexMatch] = []

    def add(start: int, end: int) -> None:
        while start < end and not _name_token(sdoc[start]):
            start += 1
        while end > start and not _name_token(sdoc[end - 1]):
            end -= 1
        if end <= start or any(covered[start:end]):
            return
        if end - start == 1 and sdoc[start].pos_ != "PROPN":
            return
        covered[start:end] = b"\x01" * (end - start)
        found.append(LexMatch(start, end, PERSON, sdoc[start:end].text))

    for ent in sdoc.ents:
        if ent.label_ == "PERSON":
            run_start = None
            for i in range(ent.start, ent.end + 1):
                free = i < ent.end and not covered[i]
                if free and run_start is None:
                    run_start = i
                elif not free and run_start is not None:
                    add(run_start, i)
                    run_start = None
    # Proper nouns right after a title are a name even where NER missed it ("Minister Joseph Mwangi").
    for m in lex:
        if m.kind == SECTOR and knowledge.sector_terms()[m.key].role == "title":
            end = m.end
            # "... elected prime minister February 4": a date after a title is no name.
            while end < len(sdoc) and end - m.end < 4 and not covered[end] and sdoc[end].pos_ == "PROPN" \
                    and sdoc[end].is_title and sdoc[end].ent_type_ != "DATE" \
                    and sdoc[end].lower_ not in english.MONTH_TOKENS:
                end += 1
            if end > m.end:
                add(m.end, end)
    # A surname or given name of someone named in full earlier ("Wang" after "Wang Yi").
    full_names: dict[str, tuple[int, str]] = {}
    for m in sorted(lex + found, key=lambda p: p.start):
        if m.kind == PERSON and m.end - m.start >= 2:
            parts = [t.text for t in sdoc[m.start:m.end] if _name_token(t)]
            for part in memory.short_names(parts):
                full_names.setdefault(part, (m.end, sdoc[m.start:m.end].text))
    if full_names:
        for token in doc_tokens(sdoc):  # (the document's token list, made once; not a Token per word)
            hit = full_names.get(token.text)
            if hit and token.i >= hit[0] and not covered[token.i] and _name_like(token) \
                    and _plausible_surname(sdoc, token.i, covered):
                covered[token.i] = 1
                found.append(LexMatch(token.i, token.i + 1, PERSON, token.text))
    return sorted(lex + found, key=lambda p: p.start)


def _name_token(token) -> bool:
    return token.is_alpha or (token.text[:1].isupper() and any(c.isalpha() for c in token.text)) \
        or token.text in ("-", ".")

