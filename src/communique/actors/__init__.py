"""The actors stage: who is named in an article, resolved to country, sector and person.

Entry point (called by the pipeline)::

    find_actors(sdoc, document) -> list[ActorMention]

returns every actor mention of the document in text order. A mention covers the whole
noun phrase that names the actor ("Japanese Foreign Minister Toshimitsu Motegi", "Kenyan
police", "the Chinese foreign minister"); ``root`` is the token of that phrase whose
syntactic head lies outside it, which the events stage attaches to verbs. Each entity's
``start``/``end`` are character offsets into ``document.text``: the person's name where
there is one ("Toshimitsu Motegi"), else the phrase without its leading determiner.

``ActorMention.kind`` says what named the actor:

- ``country`` a country name or demonym ("China" -> CHN GOV; "the Israelis" -> ISR, no sector),
- ``capital`` a capital or seat of government ("Beijing", "the Kremlin", "the Pentagon" -> USA MIL),
- ``igo`` an international or non-governmental body (code IGO / NGO / MNC / IMG),
- ``group`` a named national organisation (Taliban -> AFG REB, Hamas -> PSE REB, a party, state media),
- ``sector`` a sector noun ("Kenyan police" -> KEN COP; "the opposition" -> OPP),
- ``person`` a named person, ``title`` a bare title resolved to its holder where possible
  ("the Chinese foreign minister"), ``pronoun`` "he"/"she" as a subject, resolved to a person,
- ``compound`` several actors in one phrase ("China and Japan", "Hungarian and Romanian
  officials", "the two sides"): one entity per actor, each with its own offsets,
- ``place`` a country or capital used as a location ("talks in Geneva" is not matched at all,
  Geneva being no capital; "enterprises in Japan" gives a ``place`` mention of JPN). Place
  mentions are emitted so that other stages can see them; the events stage ignores them.

- ``modifier`` a name that only modifies a noun that is no actor: "an Ethiopian proposal",
  "Japanese cars", each name of "China-Japan ties". Not an actor by itself; it tells the
  events stage whose proposal or offer a verb's object is. ``root`` is the name's own head
  token (an ``amod``/``compound`` child of the noun it modifies).

Whose a sector noun is when the phrase names no country (in this order): a place it is "in"
that the gazetteer knows ("protesters in Lahore" -> PAK, "officials in Idlib" -> SYR); for "the
junta", "the regime", "the military government", "the administration", "the authorities", a
country the article named earlier with a noun of the same kind ("Myanmar's military government
... the junta" -> MMR; the main country wins if it was one of them); else the article's main
country: the dateline's (a country, a capital, or a city whose country the text also names), or,
without one, the country named strictly most often. Two countries named equally often and no
dateline: no country. A possessive country reaches over words the tables do not know ("Russia's
top diplomat Sergei Lavrov" -> RUS, whatever the dateline). A named group before a noun with no
sector of its own ("Houthi targets", "Hezbollah positions") makes that phrase the group's actor;
an alias two bodies share ("RSF") goes to the one whose country the article is about.

Not emitted at all: months and dates, "according to", "talks in Geneva" (no actor table
names Geneva), a lone capitalised word NER calls a person but no table, title or earlier
full name supports. A demonym is an actor with an actor noun ("Japanese enterprises" ->
JPN BUS) or standing alone ("the Japanese"), else a ``modifier``.

Coreference is deliberately conservative: a surname needs the full name earlier in the
article or an office-holder entry; "he"/"she" must be a verb's subject and goes to the
most recent person (the last subject among them) of the nearest of the two previous
sentences; "it" opening a sentence as a verb's subject is the body or state that was the
subject of the sentence before (see postpasses.opening_it), other "it" and every "they" are
never resolved; "the two sides" needs a pair of countries named together earlier (else the
two most-named countries).

The work is done in named steps, each in a module of its own (:mod:`.mentions` runs them):
pre-passes over the table matches (:mod:`.prepasses`), noun phrases and chains of them
(:mod:`.phrases`), the resolver with the article's memory (:mod:`.resolver`, :mod:`.memory`),
post-passes (:mod:`.postpasses`) and discards (:mod:`.discards`). Emitted mentions are frozen.

Knowledge is data (``actors/data/*.tsv``, see :mod:`communique.actors.knowledge`), read and
validated once. Under the hand-written tables lie tables derived from the PETRARCH-2 / Phoenix
dictionaries (``phoenix_*.tsv``, see :mod:`communique.actors.phoenix`); in use by default: about
17,800 people with dated roles, 7,300 bodies and companies and 2,300 sector nouns (armed groups,
other names of countries and discard phrases on request). A hand-written row always wins;
``COMMUNIQUE_PHOENIX`` chooses the derived kinds (``none`` switches them off). Adding a minister is one line of ``office_holders.tsv`` (tab-separated:
id, name, aliases, country, sector, office, start, end; an empty end means still in office)::

    person:mariko-example<TAB>Mariko Example<TAB>Mariko Example;Example<TAB>JPN<TAB>GOV<TAB>foreign minister<TAB>2031-04-01<TAB>

and one test in tests/test_actors.py::

    def test_new_foreign_minister():
        assert knowledge.office_holder("Example", on=date(2031, 5, 1)).country == "JPN"

after which "Example said ..." in an article published in May 2031 resolves to JPN GOV.
For "the Japanese foreign minister" to resolve to her too, also fill in the end date of her
predecessor's open term (two holders of one office on one day are ambiguous: no answer).
"""
from . import discards, knowledge, lexicon, phoenix
from .mentions import find_actors

__all__ = ["find_actors", "knowledge", "reload_knowledge"]


def reload_knowledge() -> None:
    """Forget every table and matcher built so far, so that the next look-up reads the data files
    (and ``COMMUNIQUE_PHOENIX``) again. For tests and long-lived processes whose data changed."""
    for module in (phoenix, knowledge, discards, lexicon):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
