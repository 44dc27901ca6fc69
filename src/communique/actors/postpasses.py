"""Step 5 of the actors stage, the post-passes: corrections that need the whole list of mentions.

Each post-pass takes the resolved mentions in text order and returns a new list; a mention it
corrects is replaced by a copy (``dataclasses.replace``), never changed in place:

- :func:`stacked_demonyms`: "Bosnian Serbs" are a people of the country the first adjective names;
- :func:`organization_chapters`: "Amnesty International Kenya" is the body's branch, not Kenya;
- :func:`state_envoys`: "Syria's U.N. envoy" is Syria's, not the UN's ("Egypt's National Security
  Agency" Egypt's);
- :func:`appositions`: a person the tables do not know takes the country of a title set beside
  the name by a comma ("Qatar's emir, Sheikh Hamad");
- :func:`heads_of_bodies`: a person said to head or chair an international body ("X, the diplomat who
  heads the UN commission") acts for that body;
- :func:`ethnic_groups`: "ethnic Albanians in southern Serbia" are coded with the country the
  sentence places them in;
- :func:`currencies`: "5 billion U.S. dollars" names a currency, no party;
- :func:`opening_it`: "It" opening a sentence as the doer of an act is the body or state that opened
  the sentence before as its subject ("The league met in Cairo. It called on ...").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..knowledge.codes import NON_STATE_CODES, STATE_SECTORS
from ..model import ActorMention
from ..parse import lemma
from . import knowledge
from .spans import LEADING_WORDS

# Currency words: a country name on one ("U.S. dollars", "Hong Kong dollars") names money, no party.
CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupee",
                            "rupees", "franc", "francs", "rouble", "roubles", "ruble", "rubles", "peso", "pesos",
                            "shekel", "shekels", "riyal", "riyals", "dirham", "dirhams", "won"})
# Codes of bodies, not states: a person named as one's envoy or official acts for it.
BODY_CODES = frozenset({"IGO", "NGO"})


# Verbs of leading a body: a person a relative clause says leads an international body acts for it.
LEADING_VERBS = frozenset({"head", "chair", "lead", "run", "direct", "command"})
STATE_OFFICES = frozenset({"president", "prime", "premier", "minister", "chancellor", "king", "emir", "sultan"})


def heads_of_bodies(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Richard Butler, the Australian diplomat who heads the U.N. arms commission", "Mbeki, who chairs the
    African Union panel": a person a relative clause (on the name or on the noun set beside it) says
    heads an international body acts for that body, whatever country the name or the title gives."""
    body_at = {i: m for m in mentions if len(m.entities) == 1 and m.entities[0].code in BODY_CODES
               for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    for k, m in enumerate(out):
        if m.kind != "person" or len(m.entities) != 1 or m.entities[0].code in BODY_CODES:
            continue
        root = sdoc[m.root]
        nouns = [root] + [c for c in root.children if c.dep_ == "appos"]
        # (the person heads it: "who heads", not "whose country chairs")
        clauses = [c for n in nouns for c in n.children if c.dep_ == "relcl" and c.lemma_.lower() in LEADING_VERBS
                   and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)]
        body = next((body_at[t.i] for c in clauses for o in c.children if o.dep_ == "dobj"
                     for t in o.subtree if t.i in body_at), None)
        # (a sitting president or minister who chairs a bloc still speaks for the state: "Liberian President
        # Sirleaf, who chairs ECOWAS"; a former one heading a panel does not)
        title = {t.lower_ for t in sdoc[max(0, m.token_start - 4):m.root]}
        if body is not None and not (title & STATE_OFFICES and "former" not in title):
            out[k] = replace(m, entities=[replace(m.entities[0], code=body.entities[0].code)])
    return out


def ethnic_groups(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"ethnic Albanians in southern Serbia", "the Turkish minority of the province": an ethnic group is
    coded with the country the sentence places it in, not the country its name comes from."""
    out = list(mentions)
    for k, m in enumerate(out):
        if len(m.entities) != 1 or m.entities[0].text not in knowledge.demonyms():
            continue
        root = sdoc[m.root]
        before = sdoc[m.token_start - 1] if m.token_start > 0 else None
        ethnic = before is not None and before.lower_ == "ethnic"
        if not ethnic and not (m.kind == "modifier" and root.head.lower_ in knowledge.ETHNIC_HEADS):
            continue
        own = m.entities[0].code
        sent = root.sent
        others = [o for o in out if o is not m and sent.start <= o.root < sent.end and len(o.entities) == 1
                  and o.entities[0].code not in (None, own) and len(o.entities[0].code or "") == 3
                  and o.entities[0].code not in NON_STATE_CODES]
        # (a community named by its nationality alone is placed by a place or a state's own body, "Serbian
        # police beat members of the Albanian community", not by a group that attacks it: "Hamas gunmen
        # stormed Israeli communities")
        home = next((o for o in others if o.kind == "place"), None) or next(
            (o for o in others if ethnic or o.kind in ("country", "capital") or o.entities[0].sector in STATE_SECTORS),
            None)
        if home is None:
            continue
        out[k] = replace(m, entities=[replace(m.entities[0], code=home.entities[0].code, name=None, id=None)])
    return out


def _merge_modifier_pairs(sdoc: Doc, mentions: list[ActorMention], merge) -> list[ActorMention]:
    """Each modifier mention followed at once by the country mention of the noun it modifies is
    offered to ``merge``, which returns the one mention both make, or None to keep them apart."""
    out: list[ActorMention] = []
    skip = set()
    for k, m in enumerate(mentions):
        if k in skip:
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if m.kind == "modifier" and nxt is not None and nxt.kind == "country" and nxt.token_start == m.token_end \
                and len(m.entities) == 1 and sdoc[m.root].head.i == nxt.root:
            merged = merge(m, nxt)
            if merged is not None:
                out.append(merged)
                skip.add(k + 1)
                continue
        out.append(m)
    return out


def stacked_demonyms(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Bosnian Serbs", "Kosovar Albanians": a people named with the adjective of the country they
    live in belong to that country; the adjective is a modifier of the people's name."""
    def merge(m: ActorMention, nxt: ActorMention) -> ActorMention | None:
        if len(nxt.entities) != 1 or not m.entities[0].code or sdoc[nxt.root].tag_ not in ("NNS", "NNPS") \
                or sdoc[nxt.root].text not in knowledge.demonyms():
            return None
        first, people = m.entities[0], nxt.entities[0]
        entity = replace(people, text=sdoc[m.token_start:nxt.token_end].text, code=first.code,
                         start=first.start, name=None, id=None)
        return replace(nxt, entities=[entity], token_start=m.token_start)
    return _merge_modifier_pairs(sdoc, mentions, merge)


def organization_chapters(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Amnesty International Kenya", "Oxfam India": a body's national branch is the body, not the
    country its name ends with (the parser makes the country the head of the phrase)."""
    def merge(m: ActorMention, nxt: ActorMention) -> ActorMention | None:
        if m.entities[0].code not in NON_STATE_CODES or sdoc[nxt.root].pos_ != "PROPN":
            return None
        last = sdoc[nxt.token_end - 1]
        entity = replace(m.entities[0], text=sdoc[m.token_start:nxt.token_end].text, end=last.idx + len(last))
        return replace(m, entities=[entity], token_end=nxt.token_end, root=nxt.root, kind="igo")
    return _merge_modifier_pairs(sdoc, mentions, merge)


# Titles of a state's representatives to a body ("Syria's U.N. envoy", "France's EU ambassador").
ENVOY_WORDS = frozenset({"envoy", "envoys", "ambassador", "ambassadors", "representative", "delegate", "delegation"})


def state_envoys(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Syria's U.N. envoy Bashar Ja'afari", "Russia's U.N. ambassador": a state's envoy to a body is
    the state's, though the body's name stands nearer to the title; so is a body a state owns whose
    generic name a table gave to another state ("Egypt's National Security Agency")."""
    out = list(mentions)
    for k in range(1, len(out)):
        state, held = out[k - 1], out[k]
        gap = sdoc[state.token_end:held.token_start]
        if state.kind != "country" or len(held.entities) != 1 or len(gap) != 1 or gap[0].tag_ != "POS":
            continue
        code = held.entities[0].code
        envoy = code in NON_STATE_CODES and any(t.lower_ in ENVOY_WORDS
                                                for t in sdoc[held.token_start:held.token_end])
        foreign_body = held.kind == "group" and code and code not in NON_STATE_CODES \
            and code != state.entities[0].code
        if envoy or foreign_body:
            out[k] = replace(held, entities=[replace(held.entities[0], code=state.entities[0].code)])
    return out


def appositions(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Qatar's emir, Sheikh Hamad ...", "Hamad, the Qatari emir, ...": a person the tables do not
    know takes the country of the title set beside it by a comma; a known person takes the body an
    apposition says he speaks for ("Obasanjo, the African Union's envoy": the AU's, not Nigeria's)."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.kind != "person" or len(m.entities) != 1:
            continue
        known = m.entities[0].code is not None
        # ("the U.N. special coordinator for Lebanon, Jan Kubis": the place a title is for stands between)
        served = out[k - 1] if k > 0 and _served_place(sdoc, out[k - 1]) else None
        for other in (out[k - 1] if k > 0 else None, out[k + 1] if k + 1 < len(out) else None,
                      out[k - 2] if served is not None and k > 1 else None):
            if other is None or len(other.entities) != 1 or other.kind not in ("title", "sector", "modifier"):
                continue
            if other.kind == "modifier" and not (other.token_start < m.token_start and _body_title(sdoc, other, m)):
                continue
            title = other.entities[0]
            if title.code is None or (known and title.code not in BODY_CODES):
                continue
            lo, hi = (other.token_end, m.token_start) if other.token_start < m.token_start \
                else (m.token_end, other.token_start)
            # Leading words and honorifics compounded onto the name ("Sheikh") may stand between.
            between = [t for t in sdoc[lo:hi] if t.lower_ not in LEADING_WORDS and not (
                t.dep_ == "compound" and m.token_start <= t.head.i < m.token_end) and not (
                served is not None and other is out[k - 2] and served.token_start - 1 <= t.i < served.token_end) and not (
                other.kind == "modifier" and t.text != "," and sdoc[other.root].head.i in (t.i, t.head.i))]
            if len(between) == 1 and between[0].text == ",":
                entity = replace(m.entities[0], code=title.code,
                                 sector=title.sector if known else m.entities[0].sector or title.sector)
                out[k] = replace(m, entities=[entity])
                break
    return out



def _body_title(sdoc: Doc, modifier: ActorMention, person: ActorMention) -> bool:
    """"The U.N. special coordinator for Lebanon, Jan Kubis": a body's word on the noun of an office
    the person is set beside (his apposition), which no title table lists."""
    noun = sdoc[modifier.root].head
    return modifier.entities[0].code in BODY_CODES and noun.pos_ == "NOUN" and sdoc[person.root].dep_ == "appos" \
        and sdoc[person.root].head.i == noun.i


def _served_place(sdoc: Doc, m: ActorMention) -> bool:
    """Is the mention the country a title is "for" ("coordinator for Lebanon")?"""
    return m.kind in ("country", "capital") and m.token_start > 0 and sdoc[m.token_start - 1].lower_ == "for"


def currencies(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"lent Kenya 5 billion U.S. dollars": a name on a currency word is no mention."""
    def money(m: ActorMention) -> bool:
        root = sdoc[m.root]
        return root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in CURRENCY_WORDS \
            and root.head.i >= m.token_end
    return [m for m in mentions if not money(m)]


# Bodies and states a sentence-opening "it" may stand for: not people, places or phrases of several parties.
IT_ANTECEDENT_KINDS = frozenset({"country", "capital", "igo", "group", "sector"})
# Verbs whose "it" is no party: "It is ...", "It seems ...", "It remains unclear ...".
EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "take", "become", "look", "happen"})


def opening_it(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "The league met in Cairo on Monday. It called on ...": a sentence that opens with "it" as the subject
    of a verb continues the sentence before, whose subject (a body or state named by one singular noun
    phrase) "it" is; so does "it" subject of a verb joined by "and" to its sentence's main verb. Only the
    subject of that main verb is taken, and only when the text names it; anything else ("It is unclear",
    "it" elsewhere) stays unresolved."""
    sentences = list(sdoc.sents)
    by_root = {m.root: m for m in mentions}
    added: list[ActorMention] = []
    # (also "it" as the subject of a verb joined by "and" to the main verb, whose subject it is: "The
    # ministry said its ships had patrolled the waters, and it urged Japan to ...")
    joined = [(t.head.head, t) for sent in sentences for t in sent if t.lower_ == "it" and t.dep_ == "nsubj"
              and t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT" and t.head.head.i < t.i]
    for before, it in [(before.root, sent[0]) for before, sent in zip(sentences, sentences[1:])] + joined:
        if it.lower_ != "it" or it.dep_ != "nsubj" or it.head.pos_ != "VERB" or lemma(it.head) in EMPTY_IT_VERBS:
            continue
        subjects = [c for c in before.children if c.dep_ == "nsubj"]
        antecedent = by_root.get(subjects[0].i) if subjects else None
        if antecedent is None or antecedent.kind not in IT_ANTECEDENT_KINDS or len(antecedent.entities) != 1 \
                or subjects[0].tag_ not in ("NN", "NNP"):
            continue
        entity = replace(antecedent.entities[0], text=it.text, start=it.idx, end=it.idx + len(it.text))
        added.append(ActorMention(entities=[entity], token_start=it.i, token_end=it.i + 1, root=it.i,
                                  kind=antecedent.kind))
    return sorted(mentions + added, key=lambda m: m.token_start) if added else mentions
