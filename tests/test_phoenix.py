"""The derived (PETRARCH-2 / Phoenix) actor tables: which rows are used, and what they add.

One test per imported kind of row, each with a sentence written for these tests: a person known
only to the derived people, resolved by the article's date; a state agency; an armed group coded
IMG; a sector noun; a province standing for its country; a discard phrase. The loader's rules (hand-written rows win, one-word names
and chronology markers left out) are tested on small tables written here.
"""
from __future__ import annotations

from datetime import date

import pytest

from communique.actors import find_actors, knowledge, phoenix, reload_knowledge
from communique.model import Document
from communique.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module", autouse=True)
def every_kind():
    """Every derived kind in use (``COMMUNIQUE_PHOENIX=all``) for this module, whatever the default."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNIQUE_PHOENIX", "all")
        reload_knowledge()
        yield
    reload_knowledge()


@pytest.fixture
def kinds(monkeypatch):
    """Use other derived kinds for one test (reading the tables again), then all of them again."""
    used = []

    def use(value: str, reload: bool = True) -> None:
        used.append(value)
        monkeypatch.setenv("COMMUNIQUE_PHOENIX", value)
        reload_knowledge() if reload else phoenix.kinds.cache_clear()
    yield use
    if used:
        monkeypatch.setenv("COMMUNIQUE_PHOENIX", "all")
        reload_knowledge()


def mentions(nlp, text, published=date(2015, 6, 1)):
    sdoc = nlp(text)
    found = find_actors(sdoc, Document(id="t", text=text, published=published))
    return {sdoc[m.token_start:m.token_end].text: m for m in found}


def codes(mention):
    return [(e.code, e.sector) for e in mention.entities]


# ---------------------------------------------------------------------------- one test per kind

def test_a_person_only_the_derived_people_know_is_resolved_by_the_articles_date(nlp, kinds):
    text = "Deng Alor Kuol met Kenyan officials in Nairobi on Tuesday."
    before = mentions(nlp, text, published=date(2008, 6, 3))["Deng Alor Kuol"]
    after = mentions(nlp, text, published=date(2012, 6, 3))["Deng Alor Kuol"]
    assert codes(before) == [("SDN", "GOV")] and codes(after) == [("SSD", "GOV")]
    assert before.entities[0].id == "person:phx-deng-alor-kuol"


def test_a_state_agency_gives_its_country(nlp):
    found = mentions(nlp, "The Expediency Council rejected the proposal on Sunday.")
    assert codes(found["The Expediency Council"]) == [("IRN", "GOV")]


def test_an_armed_group_acting_across_borders_is_img(nlp):
    found = mentions(nlp, "The Abu Nidal Organization claimed the attack on the embassy.")
    assert codes(found["The Abu Nidal Organization"]) == [("IMG", "REB")]


def test_an_armed_groups_acronym_is_matched_only_as_written_in_capitals(nlp):
    assert codes(mentions(nlp, "The ANA claimed the attack in Tetovo.")["The ANA"]) == [("MKD", "REB")]
    found = mentions(nlp, "Foreign Minister Ana Gervasi spoke in Lima.")
    assert all(e.code != "MKD" for m in found.values() for e in m.entities)  # "Ana" is a given name


def test_a_derived_sector_noun_names_an_actor_with_its_country(nlp):
    found = mentions(nlp, "Ugandan schoolteachers marched to parliament on Monday.")
    assert codes(found["Ugandan schoolteachers"]) == [("UGA", "EDU")]


def test_without_the_derived_tables_none_of_this_is_known(nlp, kinds):
    kinds("none")
    person = mentions(nlp, "Deng Alor Kuol met Kenyan officials in Nairobi on Tuesday.", date(2008, 6, 3))
    assert codes(person["Deng Alor Kuol"]) == [(None, None)]
    assert "Ugandan schoolteachers" not in mentions(nlp, "Ugandan schoolteachers marched to parliament on Monday.")
    assert "Kenya" in mentions(nlp, "Kenya beat Uganda 2-1 in a World Cup qualifier on Sunday.")
    assert "Helmand" not in mentions(nlp, "Militants shelled Helmand on Friday.")


def test_a_province_the_country_names_list_stands_for_its_country(nlp):
    # Cities the gazetteer knows are left to it ("protesters in Mosul"); a province it lacks is not.
    found = mentions(nlp, "Militants shelled Helmand on Friday.")
    assert codes(found["Helmand"]) == [("AFG", None)]


def test_a_province_the_country_names_list_is_a_place_even_where_the_names_make_no_party(nlp, kinds):
    # With the default kinds, "Helmand" is no actor; it still tells whose a place is.
    from communique.actors.index import gazetteer_place
    kinds("people")
    sdoc = nlp("A bomb exploded in Helmand province on Sunday.")
    span = next(e for e in sdoc.ents if e.text == "Helmand")
    assert "Helmand" not in mentions(nlp, sdoc.text)
    assert gazetteer_place(span).entities[0].code == "AFG"
    river = next(e for e in nlp("Police pushed them back across the Nile on Sunday.").ents if e.text == "Nile")
    assert "nile" in phoenix.place_names() and gazetteer_place(river) is None  # a river is no one's place


def test_a_discard_phrase_leaves_its_story_without_actors(nlp):
    assert mentions(nlp, "Kenya beat Uganda 2-1 in a World Cup qualifier on Sunday.") == {}
    assert set(mentions(nlp, "Kenya accused Uganda of arming rebels on Sunday.")) >= {"Kenya", "Uganda"}


def test_derived_names_match_only_where_the_text_writes_a_name(nlp):
    assert codes(mentions(nlp, "Peshmerga fighters advanced on the town.")["Peshmerga fighters"])[0][0] == "IRQ"
    assert mentions(nlp, "The peshmerga fighters advanced on the town.") == {}


# ---------------------------------------------------------------------------- the loader's rules

PEOPLE_HEADER = "id\tname\taliases\tcountry\tsector\tstart\tend\tsource\n"


def test_dated_roles_beat_the_default_role_and_hand_written_people_win(tmp_path):
    (tmp_path / "phoenix_people.tsv").write_text(PEOPLE_HEADER + "".join([
        "person:phx-a\tAmina Wanjiru\tAmina Wanjiru\tKEN\tGOV\t2003-01-01\t2008-01-01\tx:1\n",
        "person:phx-a\tAmina Wanjiru\tAmina Wanjiru\tKEN\tELI\t\t\tx:2\n",
        "person:phx-b\tJoseph Otieno\tJoseph Otieno;Otieno\tKEN\tGOV\t2003-01-01\t\tx:3\n",
        "person:phx-c\tJoseph Kamau Otieno\tJoseph Otieno Kamau\tKEN\tMIL\t2001-01-01\t\tx:4\n",
    ]), encoding="utf-8")
    people = phoenix.people(frozenset({"KEN"}), frozenset({"joseph otieno"}), [], folder=tmp_path)
    assert {person for _, person in people.names} == {"person:phx-a", "person:phx-c"}  # phx-b's name is hand-written
    assert people.terms("Otieno") == ()  # a one-word name (of someone left out) is no name here
    amina = people.terms("AMINA WANJIRU")
    assert [r.sector for r in phoenix.best_role(amina, date(2005, 1, 1))] == ["GOV"]
    assert [r.sector for r in phoenix.best_role(amina, date(2010, 1, 1))] == ["ELI"]
    assert people.terms("Joseph Otieno Kamau")[0].sector == "MIL"
    hand_pairs = phoenix.people(frozenset({"KEN"}), frozenset(), [["Joseph Kamau"]], folder=tmp_path)
    assert hand_pairs.terms("Joseph Otieno Kamau") == ()  # same first and last name as a hand-written one


def test_a_surname_is_a_name_only_when_one_derived_person_bears_it(tmp_path):
    (tmp_path / "phoenix_people.tsv").write_text(PEOPLE_HEADER + "".join([
        "person:phx-a\tAmina Wanjiru\tAmina Wanjiru;Wanjiru\tKEN\tGOV\t2003-01-01\t\tx:1\n",
        "person:phx-b\tPeter Kamau\tPeter Kamau;Kamau;Peter\tKEN\tGOV\t2003-01-01\t\tx:2\n",
        "person:phx-c\tGrace Kamau\tGrace Kamau\tKEN\tMIL\t2001-01-01\t\tx:3\n",
    ]), encoding="utf-8")
    people = phoenix.people(frozenset({"KEN"}), frozenset(), [], folder=tmp_path)
    assert [r.id for r in people.terms("Wanjiru")] == ["person:phx-a"]
    assert people.terms("Kamau") == () and people.terms("Peter") == ()


def test_the_knowledge_base_prefers_a_dated_role_to_the_default_one():
    terms = knowledge.holder_terms("Deng Alor Kuol")
    assert terms and all(t.office == "" for t in terms)
    assert knowledge.office_holder("Deng Alor Kuol", on=date(2008, 1, 1)).country == "SDN"
    assert knowledge.office_holder("deng alor kuol", on=date(2013, 1, 1)).country == "SSD"  # case-folded
    assert knowledge.office_holder("Deng Alor Kuol").country == "SSD"  # undated: the latest role


def test_a_bad_derived_line_names_the_file_and_line(tmp_path):
    (tmp_path / "phoenix_people.tsv").write_text(
        PEOPLE_HEADER + "person:phx-a\tAmina Wanjiru\tAmina Wanjiru\tXXZ\tGOV\t\t\tx:1\n", encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=r"phoenix_people.tsv:2: unknown country code 'XXZ'"):
        phoenix.people(frozenset({"KEN"}), frozenset(), [], folder=tmp_path)


def test_agents_holding_a_hand_written_phrase_or_left_open_are_not_used(tmp_path):
    (tmp_path / "phoenix_agents.tsv").write_text("phrase\tsector\tsource\n" + "".join(
        f"{p}\t{s}\tx:{n}\n" for n, (p, s) in enumerate(
            [("former president", "ELI"), ("embassy in", "GOV"), ("the court", "JUD"), ("ferrymen", "BUS")], 2)),
        encoding="utf-8")
    used = phoenix.agents(frozenset({"president"}), folder=tmp_path)
    assert [(t.phrase, t.sector, t.role, t.alone) for t in used] == [("ferrymen", "BUS", "group", False)]


def test_chronology_markers_are_no_discards(tmp_path):
    (tmp_path / "phoenix_discards.tsv").write_text("phrase\tscope\twhole_word\tsource\n" + "".join(
        f"{p}\t{s}\tno\tx:{n}\n" for n, (p, s) in enumerate(
            [("1990", "sentence"), ("years ago", "sentence"), ("world cup", "story")], 2)), encoding="utf-8")
    assert [d.phrase for d in phoenix.discards(folder=tmp_path)] == ["world cup"]


def test_the_kinds_switch(kinds):
    kinds("people,agents", reload=False)
    assert phoenix.kinds() == {"people", "agents"}
    kinds("none", reload=False)
    assert phoenix.kinds() == frozenset()
    kinds("peple", reload=False)
    with pytest.raises(knowledge.KnowledgeError, match="unknown kinds"):
        phoenix.kinds()
