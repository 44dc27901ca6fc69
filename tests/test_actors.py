"""Tests of the actors stage (communique.actors): tables, matching, resolution in context."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.actors import find_actors, knowledge
from communique.model import Document
from communique.nlp import load_model

SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "seed-article.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def actors(nlp, text, published=date(2020, 7, 30)):
    document = Document(id="test", text=text, published=published)
    sdoc = nlp(text)
    return sdoc, find_actors(sdoc, document)


def by_text(sdoc, mentions):
    """Mention span text -> mention (the first one with that text)."""
    out = {}
    for m in mentions:
        out.setdefault(sdoc[m.token_start:m.token_end].text, m)
    return out


def codes(mention):
    return [(e.code, e.sector) for e in mention.entities]


# ---------------------------------------------------------------------------- knowledge tables

def test_tables_load_and_validate():
    knowledge.validate_all()
    assert len(knowledge.countries()) >= 249
    assert knowledge.country_by_name("the United States").code == "USA"
    assert knowledge.country_by_name("U.S.").code == "USA"
    assert knowledge.country_by_name("Britain").code == "GBR"
    assert knowledge.country_by_name("North Korea").code == "PRK"
    assert knowledge.country_by_name("the Palestinian territories").code == "PSE"
    assert knowledge.country_by_name("Afghan").code == "AFG"
    assert knowledge.country_by_name("Tokyo").code == "JPN"
    assert knowledge.organization_by_name("IAEA").name == "International Atomic Energy Agency"
    assert knowledge.organization_by_name("Doctors Without Borders").code == "NGO"


def test_bad_data_line_names_file_and_line(tmp_path, monkeypatch):
    for name in ("countries.tsv", "demonyms.tsv"):
        (tmp_path / name).write_text((knowledge.DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "demonyms.tsv").open("a", encoding="utf-8") as handle:
        handle.write("XXZ\tZorgian\n")
    lines = (tmp_path / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(knowledge, "DATA_DIR", tmp_path)
    knowledge.countries.cache_clear()
    knowledge.country_names.cache_clear()
    knowledge.demonyms.cache_clear()
    try:
        with pytest.raises(knowledge.KnowledgeError, match=rf"demonyms.tsv:{len(lines)}: unknown country code"):
            knowledge.demonyms()
    finally:
        monkeypatch.undo()
        knowledge.countries.cache_clear()
        knowledge.country_names.cache_clear()
        knowledge.demonyms.cache_clear()
    assert knowledge.demonyms()["Kenyan"] == "KEN"


def test_office_holder_by_date_same_name_two_terms():
    first = knowledge.office_holder("Wang Yi", on=date(2020, 7, 28))
    second = knowledge.office_holder("Wang Yi", on=date(2024, 2, 1))
    assert first.office == second.office == "foreign minister"
    assert first.start != second.start and first.id == second.id
    # Between his two terms Qin Gang was foreign minister: Wang Yi is no office holder then.
    assert knowledge.office_holder("Wang Yi", on=date(2023, 3, 1)) is None
    assert knowledge.holder_of("foreign minister", "CHN", on=date(2023, 3, 1)).name == "Qin Gang"


def test_office_holder_outside_term_and_without_date():
    assert knowledge.office_holder("Motegi", on=date(2020, 7, 30)).country == "JPN"
    assert knowledge.office_holder("Motegi", on=date(2015, 1, 1)) is None
    assert knowledge.office_holder("Motegi").name == "Toshimitsu Motegi"


def test_one_name_two_people_told_apart_by_date():
    assert knowledge.office_holder("Clinton", on=date(1999, 6, 1)).name == "Bill Clinton"
    assert knowledge.office_holder("Clinton", on=date(2011, 6, 1)).name == "Hillary Clinton"


def test_un_secretary_general_and_new_minister_line():
    assert knowledge.holder_of("secretary-general", "IGO", on=date(2012, 1, 1)).name == "Ban Ki-moon"
    assert knowledge.office_holder("Jaishankar", on=date(2022, 1, 1)).country == "IND"
    assert knowledge.office_holder("Abdoulaye Diop", on=date(2022, 1, 31)).country == "MLI"  # not Senegal's namesake


# ---------------------------------------------------------------------------- countries, bodies, sectors

def test_country_by_name_demonym_and_capital(nlp):
    sdoc, mentions = actors(nlp, "Peru protested on Monday. Ottawa replied that Moroccan diplomats had left.")
    found = by_text(sdoc, mentions)
    assert codes(found["Peru"]) == [("PER", "GOV")] and found["Peru"].kind == "country"
    assert codes(found["Ottawa"]) == [("CAN", "GOV")] and found["Ottawa"].kind == "capital"
    assert codes(found["Moroccan diplomats"]) == [("MAR", "GOV")]


@pytest.mark.parametrize("capital,code", [("Honiara", "SLB"), ("Bujumbura", "BDI"), ("Nur-Sultan", "KAZ"),
                                          ("Port Louis", "MUS"), ("Yamoussoukro", "CIV")])
def test_capitals_of_smaller_states(nlp, capital, code):
    sdoc, mentions = actors(nlp, f"{capital} rejected the report on Tuesday.")
    found = by_text(sdoc, mentions)
    assert codes(found[capital]) == [(code, "GOV")] and found[capital].kind == "capital"


@pytest.mark.parametrize("text,phrase,code", [("Syrian Turkmen rebels fired on the plane.", "Syrian Turkmen rebels", "SYR"),
                                               ("Afghan Uzbek militiamen held the pass.", "Afghan Uzbek militiamen", "AFG")])
def test_minority_named_by_a_neighbours_demonym_belongs_to_its_state(nlp, text, phrase, code):
    sdoc, mentions = actors(nlp, text)
    assert codes(by_text(sdoc, mentions)[phrase])[0][0] == code


def test_a_sector_word_hyphened_to_a_noun_is_no_party_but_a_title_elect_is(nlp):
    sdoc, mentions = actors(nlp, "President-elect Cyril Ramaphosa spoke against people-smuggling "
                                 "near the rebel-held town of Beni.", date(2018, 2, 10))
    found = by_text(sdoc, mentions)
    assert "people" not in found
    assert "President-elect Cyril Ramaphosa" in found and codes(found["President-elect Cyril Ramaphosa"])[0][1] == "GOV"
    assert any("rebel" in text for text in found)


def test_seats_of_government(nlp):
    sdoc, mentions = actors(nlp, "The Pentagon and the White House disagreed, and the Kremlin mocked them.")
    entities = [e for m in mentions for e in m.entities]
    assert [(e.code, e.sector) for e in entities] == [("USA", "MIL"), ("USA", "GOV"), ("RUS", "GOV"),
                                                      ("USA", "MIL"), ("USA", "GOV")]  # "them": the two seats


def test_igo_by_acronym_and_full_name(nlp):
    sdoc, mentions = actors(nlp, "The IMF lent money after the World Food Programme appealed. NATO disagreed.")
    names = [e.name for m in mentions for e in m.entities]
    assert names == ["International Monetary Fund", "World Food Programme", "NATO"]
    assert all(e.code == "IGO" for m in mentions for e in m.entities)
    assert mentions[0].kind == "igo"


def test_ngo_and_armed_groups(nlp):
    sdoc, mentions = actors(nlp, "Greenpeace condemned the spill. Al-Shabaab fighters raided the base.")
    found = by_text(sdoc, mentions)
    assert codes(found["Greenpeace"]) == [("NGO", "ENV")]
    assert codes(found["Al-Shabaab fighters"]) == [("SOM", "REB")]


def test_sector_nouns(nlp):
    sdoc, mentions = actors(nlp, "Kenyan police arrested striking Ugandan workers, and Israeli troops "
                                 "watched as the Mexican opposition marched.")
    found = by_text(sdoc, mentions)
    assert codes(found["Kenyan police"]) == [("KEN", "COP")]
    assert codes(found["Israeli troops"]) == [("ISR", "MIL")]
    assert codes(found["the Mexican opposition"]) == [("MEX", "OPP")]
    worker = next(m for m in mentions if "workers" in sdoc[m.token_start:m.token_end].text)
    assert codes(worker) == [("UGA", "LAB")]


def test_possessive_country_with_sector_noun(nlp):
    sdoc, mentions = actors(nlp, "Brazil's defence ministry denied the report.")
    assert len(mentions) == 1
    assert codes(mentions[0]) == [("BRA", "GOV")]
    assert sdoc[mentions[0].root].text == "ministry"


# ---------------------------------------------------------------------------- people

def test_titled_person_then_surname_title_and_pronoun(nlp):
    text = ("Kenyan Interior Minister Joseph Mwangi met aid agencies on Monday. "
            "Mwangi said the camps would stay open. "
            "The interior minister later toured Dadaab, and he promised more water.")
    sdoc, mentions = actors(nlp, text)
    first = mentions[0]
    assert sdoc[first.token_start:first.token_end].text == "Kenyan Interior Minister Joseph Mwangi"
    assert sdoc[first.root].text == "Mwangi"
    person = first.entities[0]
    assert (person.text, person.code, person.sector) == ("Joseph Mwangi", "KEN", "GOV")
    assert text[person.start:person.end] == "Joseph Mwangi"
    later = [m for m in mentions[1:] if m.kind in ("person", "title", "pronoun")]
    assert [m.kind for m in later] == ["person", "title", "pronoun"]
    assert all(m.entities[0].name == "Joseph Mwangi" and m.entities[0].code == "KEN" for m in later)


def test_bare_name_resolved_by_publication_date(nlp):
    sdoc, mentions = actors(nlp, "Motegi said talks would go on.", published=date(2020, 7, 30))
    assert codes(mentions[0]) == [("JPN", "GOV")]
    assert mentions[0].entities[0].id == "person:toshimitsu-motegi"


def test_holder_outside_term_is_not_an_office_holder(nlp):
    sdoc, mentions = actors(nlp, "Motegi said talks would go on.", published=date(2015, 6, 1))
    person = mentions[0].entities[0]
    assert person.name == "Toshimitsu Motegi"  # still the same person...
    assert person.sector is None  # ...but not coded as holding an office he did not hold then


def test_bare_title_resolved_to_office_holder_of_the_day(nlp):
    sdoc, mentions = actors(nlp, "The Chinese foreign minister arrived in Rome.", published=date(2023, 3, 1))
    assert mentions[0].kind == "title"
    assert mentions[0].entities[0].name == "Qin Gang"


def test_pronoun_prefers_the_last_subject(nlp):
    text = "Sergei Lavrov met Penny Wong in Jakarta. Lavrov thanked Wong, and later he left."
    sdoc, mentions = actors(nlp, text, published=date(2023, 9, 1))
    pronoun = next(m for m in mentions if m.kind == "pronoun")
    assert pronoun.entities[0].name == "Sergei Lavrov"
    assert pronoun.entities[0].code == "RUS"


# ---------------------------------------------------------------------------- compounds and pairs

def test_compound_countries(nlp):
    text = "Chile and Argentina signed a border treaty."
    sdoc, mentions = actors(nlp, text)
    assert len(mentions) == 1 and mentions[0].kind == "compound"
    assert [(e.text, e.code) for e in mentions[0].entities] == [("Chile", "CHL"), ("Argentina", "ARG")]
    assert [text[e.start:e.end] for e in mentions[0].entities] == ["Chile", "Argentina"]


def test_compound_demonyms_share_head_noun(nlp):
    sdoc, mentions = actors(nlp, "Hungarian and Romanian officials met on the border.")
    assert len(mentions) == 1 and mentions[0].kind == "compound"
    assert codes(mentions[0]) == [("HUN", "GOV"), ("ROU", "GOV")]


def test_two_sides_resolved_to_salient_pair(nlp):
    text = "Vietnam and Thailand held talks on Friday. The two sides agreed to open a new crossing."
    sdoc, mentions = actors(nlp, text)
    pair = next(m for m in mentions if sdoc[m.token_start:m.token_end].text == "The two sides")
    assert pair.kind == "compound"
    assert [e.code for e in pair.entities] == ["VNM", "THA"]


def test_two_foreign_ministers_resolved_to_people(nlp):
    text = ("Australian Foreign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi. "
            "Both foreign ministers praised the new maritime pact.")
    sdoc, mentions = actors(nlp, text, published=date(2023, 5, 1))
    pair = mentions[-1]
    assert pair.kind == "compound"
    assert sorted(e.name for e in pair.entities) == ["Penny Wong", "Retno Marsudi"]


# ---------------------------------------------------------------------------- non-actors

def test_months_and_according_to_are_not_actors(nlp):
    sdoc, mentions = actors(nlp, "In March, according to the ministry's figures, exports fell, and May saw a rebound.")
    spans = [sdoc[m.token_start:m.token_end].text for m in mentions]
    assert not any(word in " ".join(spans) for word in ("March", "May", "according"))


def test_location_after_in_is_a_place_and_modifier_names_are_skipped(nlp):
    sdoc, mentions = actors(nlp, "Swiss banks opened branches in Singapore, boosting Singapore-Swiss trade.")
    found = by_text(sdoc, mentions)
    assert found["Singapore"].kind == "place"
    assert "Singapore-Swiss" not in " ".join(found)
    assert codes(found["Swiss banks"]) == [("CHE", "BUS")] if "Swiss banks" in found else True


def test_demonym_on_a_non_actor_noun_is_no_actor(nlp):
    sdoc, mentions = actors(nlp, "Japanese cars sold well in Chile last year, unlike Chile-Peru trade.")
    assert [m.kind for m in mentions] == ["modifier", "place", "modifier", "modifier"]
    assert [m.entities[0].code for m in mentions] == ["JPN", "CHL", "CHL", "PER"]


def test_owner_of_a_proposal_is_a_modifier_mention(nlp):
    sdoc, mentions = actors(nlp, "Kenya rejected an Ethiopian proposal.")
    assert [(m.kind, m.entities[0].code) for m in mentions] == [("country", "KEN"), ("modifier", "ETH")]
    assert sdoc[mentions[1].root].dep_ == "amod"


def test_root_and_offsets_are_consistent(nlp):
    text = "Indian troops and Chinese soldiers clashed, Beijing said."
    sdoc, mentions = actors(nlp, text)
    assert [e.code for m in mentions for e in m.entities] == ["IND", "CHN", "CHN"]  # nothing found fails
    for m in mentions:
        assert m.token_start <= m.root < m.token_end
        for e in m.entities:
            assert text[e.start:e.end] == e.text


# ---------------------------------------------------------------------------- the seed article

def _seed_document():
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    raw = SEED.read_text(encoding="utf-8")
    first, _, rest = raw.lstrip().partition(" ")
    published = None
    if first == "date":  # " date 2020-07-30 <body>": the ingest stage strips this line
        stamp, _, body = rest.partition(" ")
        published = date.fromisoformat(stamp)
    else:
        body = raw
    return Document(id="seed-article", text=body, published=published)


def test_seed_article(nlp):
    document = _seed_document()
    sdoc = nlp(document.text)
    mentions = find_actors(sdoc, document)
    people = [(m, e) for m in mentions for e in m.entities if e.name in ("Wang Yi", "Toshimitsu Motegi")]
    wang = [e for _, e in people if e.name == "Wang Yi"]
    motegi = [e for _, e in people if e.name == "Toshimitsu Motegi"]
    assert wang and all((e.code, e.sector) == ("CHN", "GOV") for e in wang)
    assert motegi and all((e.code, e.sector) == ("JPN", "GOV") for e in motegi)
    assert any(e.text == "Wang Yi" and document.text[e.start:e.end] == "Wang Yi" for e in wang)
    # "Motegi, on his part, said ..." resolves to Japan.
    at = document.text.index("Motegi, on his part")
    bare = [e for e in motegi if e.start == at]
    assert bare and bare[0].code == "JPN"
    # South Korea is only ever part of a larger noun phrase there (a regional grouping, a trade area
    # named after three countries), never an actor of its own.
    korea = [m for m in mentions if "South Korea" in sdoc[m.token_start:m.token_end].text]
    assert korea
    for m in korea:
        if m.kind == "modifier":
            assert sdoc[m.root].head.i >= m.token_end  # it modifies a noun outside the mention
        else:
            assert all(e.code != "KOR" for e in m.entities)


# ---------------------------------------------------------------- spellings, groups and appositions


@pytest.mark.parametrize("text,phrase,code", [
    ("Ethopia and Quatar signed a trade accord.", "Ethopia and Quatar", ["ETH", "QAT"]),  # common misspellings
    ("Kampuchean troops crossed into Thailand.", "Kampuchean troops", ["KHM"]),  # historical names
    ("Zaire closed its border.", "Zaire", ["COD"]),
])
def test_misspelled_and_historical_country_names(nlp, text, phrase, code):
    sdoc, mentions = actors(nlp, text)
    assert [e.code for e in by_text(sdoc, mentions)[phrase].entities] == code


def test_unknown_person_takes_the_country_of_the_title_beside_him(nlp):
    sdoc, mentions = actors(nlp, "Oman's sultan, Sheikh Faisal Haddad, met the Indian envoy.")
    assert codes(by_text(sdoc, mentions)["Faisal Haddad"])[0][0] == "OMN"


def test_people_named_with_the_adjective_of_their_country(nlp):
    sdoc, mentions = actors(nlp, "Bosnian Croats rejected the plan.")
    assert [(sdoc[m.token_start:m.token_end].text, codes(m)[0][0]) for m in mentions] == [("Bosnian Croats", "BIH")]


@pytest.mark.parametrize("text,phrase,code", [
    ("Police in Kosovo arrested ethnic Serbs in northern Kosovo.", "Serbs", "XKX"),
    ("Gunmen attacked the Hungarian minority of the region in Romania.", "Hungarian", "ROU"),
])
def test_ethnic_group_belongs_to_the_country_it_lives_in(nlp, text, phrase, code):
    sdoc, mentions = actors(nlp, text)
    assert codes(by_text(sdoc, mentions)[phrase])[0][0] == code


def test_earlier_heads_of_state_and_extremist_groups(nlp):
    sdoc, mentions = actors(nlp, "Reagan met Gorbachev while Greek extremists marched.", published=date(1987, 5, 1))
    found = by_text(sdoc, mentions)
    assert codes(found["Reagan"])[0][0] == "USA" and codes(found["Gorbachev"])[0][0] == "RUS"
    assert codes(found["Greek extremists"]) == [("GRC", "REB")]


def test_ethnic_and_religious_groups_need_a_country(nlp):
    sdoc, mentions = actors(nlp, "Iraqi Kurds fled to the mountains while Kurds abroad protested.")
    found = by_text(sdoc, mentions)
    assert codes(found["Iraqi Kurds"]) == [("IRQ", "CVL")]
    assert "Kurds" not in found  # a bare group name says no country


def test_partners_and_allies_of_a_body(nlp):
    sdoc, mentions = actors(nlp, "Turkey urged its NATO allies and its European Union partners to act.")
    assert [e.code for m in mentions for e in m.entities if e.text != "Turkey"] == ["IGO", "IGO"]


def test_commissions_and_committees_of_a_country(nlp):
    sdoc, mentions = actors(nlp, "The Kenyan electoral commission rejected the complaint.")
    assert [codes(m) for m in mentions] == [[("KEN", "GOV")]]


# ---------------------------------------------------------------------------- whose people, named bodies

def test_people_from_a_country_or_body_take_its_code(nlp):
    sdoc, mentions = actors(nlp, "Officials from Ghana met the new mayor of Lome on Friday.")
    found = by_text(sdoc, mentions)
    assert codes(found["Officials from Ghana"])[0][0] == "GHA"


def test_from_phrase_of_an_object_is_where_it_leaves(nlp):
    sdoc, mentions = actors(nlp, "Chad withdrew soldiers from Mali.")
    found = by_text(sdoc, mentions)
    assert "Mali" in found and "soldiers from Mali" not in found


def test_a_body_based_in_a_country_belongs_to_it(nlp):
    sdoc, mentions = actors(nlp, "A newspaper based in northern Ghana criticised the electoral commission.")
    found = by_text(sdoc, mentions)
    assert codes(found["A newspaper based in northern Ghana"])[0][0] == "GHA"


def test_forces_in_a_modified_place_belong_to_its_country(nlp):
    sdoc, mentions = actors(nlp, "Rebels attacked government forces in eastern Chad.")
    found = by_text(sdoc, mentions)
    assert codes(found["government forces in eastern Chad"])[0][0] == "TCD"


def test_unlisted_named_bodies_are_organisations(nlp):
    sdoc, mentions = actors(nlp, "The Coastal Fisheries Forum accused the Ghana Fishermen Association of lying.")
    found = {e.text: e.code for m in mentions for e in m.entities}
    assert found.get("Coastal Fisheries Forum") == "NGO"
    assert found.get("Ghana Fishermen Association") == "GHA"


def test_a_month_after_a_title_is_no_name(nlp):
    sdoc, mentions = actors(nlp, "He hopes to be elected president February 4, an aide said.")
    texts = [sdoc[m.token_start:m.token_end].text for m in mentions]
    assert "president" in texts  # the title is found, and stops before the date
    assert not any(e.text.startswith("February") for m in mentions for e in m.entities)


def test_an_unlisted_party_belongs_to_the_country_of_the_story(nlp):
    sdoc, mentions = actors(nlp, "The Green Harvest Party urged the Ghanaian parliament to debate the land law.")
    found = {e.text: e.code for m in mentions for e in m.entities}
    assert found.get("Green Harvest Party") == "GHA"


# ---------------------------------------------------------------------------- kinds the event coder missed

def actors_with_dateline(nlp, text, dateline, published=date(2023, 6, 1)):
    document = Document(id="test", text=text, published=published, dateline_place=dateline)
    sdoc = nlp(text)
    return sdoc, find_actors(sdoc, document)


@pytest.mark.parametrize("text, phrase, expected", [
    ("Georgian border guards turned back a convoy of trucks on Friday.", "Georgian border guards", ("GEO", "MIL")),
    ("Greek coast guards rescued forty migrants off Lesbos.", "Greek coast guards", ("GRC", "MIL")),
    ("Colombian commandos freed two hostages in a dawn raid.", "Colombian commandos", ("COL", "MIL")),
    ("Kenyan investigators questioned the bank's manager.", "Kenyan investigators", ("KEN", "COP")),
    ("Chilean fishermen blocked the port for a second day.", "Chilean fishermen", ("CHL", "AGR")),
    ("Bolivian miners marched on the capital.", "Bolivian miners", ("BOL", "LAB")),
    ("Nigerien army officers seized the state broadcaster.", "Nigerien army officers", ("NER", "MIL")),
    ("Malian traders shut their shops in protest.", "Malian traders", ("MLI", "BUS")),
])
def test_demonym_with_a_security_or_civil_noun_is_an_actor(nlp, text, phrase, expected):
    sdoc, mentions = actors(nlp, text)
    found = by_text(sdoc, mentions)
    assert found[phrase].kind == "sector"
    assert codes(found[phrase]) == [expected]


@pytest.mark.parametrize("text, phrase, code", [
    ("British warplanes bombed Houthi targets near Hodeidah overnight.", "Houthi targets", "YEM"),
    ("Israeli artillery shelled Hezbollah positions along the border.", "Hezbollah positions", "LBN"),
    ("The navy said it had sunk two Houthi boats and destroyed Houthi outposts on the coast.",
     "Houthi outposts", "YEM"),
    ("Drones hit Arakan Army bases in Rakhine state.", "Arakan Army bases", "MMR"),
])
def test_a_group_name_before_a_target_noun_makes_the_group_an_actor(nlp, text, phrase, code):
    sdoc, mentions = actors(nlp, text)
    found = by_text(sdoc, mentions)
    assert found[phrase].kind == "sector"
    assert found[phrase].entities[0].code == code


def test_named_armed_groups_and_parties_resolve():
    for name, code in [("Karen National Union", "MMR"), ("KNU", "MMR"), ("Arakan Army", "MMR"), ("M23", "COD"),
                       ("Boko Haram", "NGA"), ("ISWAP", "NGA"), ("JNIM", "MLI"), ("TPLF", "ETH"), ("ELN", "COL"),
                       ("FARC dissidents", "COL"), ("PKK", "TUR"), ("HTS", "SYR"), ("TTP", "PAK"),
                       ("Pakistan Tehreek-e-Insaf", "PAK"), ("Wagner", "RUS"), ("Baloch Liberation Army", "PAK"),
                       ("Awami League", "BGD"), ("Polisario Front", "ESH")]:
        assert knowledge.organization_by_name(name).code == code, name


def test_an_alias_two_bodies_share_goes_to_the_one_of_the_story_country(nlp):
    assert set(knowledge.shared_organization_aliases()["RSF"]) == {"ngo:rsf", "group:rsf-sudan"}
    sdoc, mentions = actors(nlp, "Sudanese troops clashed with the RSF in Omdurman, residents of Sudan's capital said.")
    rsf = by_text(sdoc, mentions)["the RSF"]
    assert rsf.entities[0].code == "SDN" and rsf.entities[0].name == "Rapid Support Forces"
    sdoc, mentions = actors(nlp, "The press freedom group RSF said three reporters were jailed this year.")
    assert by_text(sdoc, mentions)["RSF"].entities[0].code == "NGO"


def test_a_bare_sector_noun_belongs_to_the_dateline_country(nlp):
    text = "Officers arrested eleven men after the raid. The government also closed two schools."
    sdoc, mentions = actors_with_dateline(nlp, text, "NAIROBI")
    found = by_text(sdoc, mentions)
    assert codes(found["Officers"]) == [("KEN", "COP")]
    assert codes(found["The government"]) == [("KEN", "GOV")]


def test_a_city_dateline_gives_its_country_only_if_the_article_names_it(nlp):
    text = "Police fired tear gas at students in the city, Pakistan's interior ministry said."
    sdoc, mentions = actors_with_dateline(nlp, text, "KARACHI")
    assert by_text(sdoc, mentions)["Police"].entities[0].code == "PAK"
    text = "Police fired tear gas at students, a hospital official said."
    sdoc, mentions = actors_with_dateline(nlp, text, "KARACHI")
    assert by_text(sdoc, mentions)["Police"].entities[0].code is None


def test_no_main_country_when_two_countries_are_equally_prominent(nlp):
    text = "Peru and Chile traded accusations on Monday. Officials said the talks had failed."
    sdoc, mentions = actors(nlp, text)
    assert by_text(sdoc, mentions)["Officials"].entities[0].code is None


@pytest.mark.parametrize("text, phrase, code", [
    ("Students in Mandalay boycotted the exams, a teacher said.", "Students", "MMR"),
    ("Demonstrators in Kharkiv demanded more shelters.", "Demonstrators", "UKR"),
    ("Opposition-run officials in Goma appealed for food aid.", "Opposition-run officials", "COD"),
])
def test_an_actor_noun_in_a_known_city_takes_its_country(nlp, text, phrase, code):
    # The mention is the noun, or the noun with its place where the actor tables name the town.
    sdoc, mentions = actors(nlp, text)
    mention = next(m for m in mentions if sdoc[m.token_start:m.token_end].text.startswith(phrase))
    assert mention.entities[0].code == code


def test_the_junta_refers_back_to_the_country_named_with_its_government(nlp):
    text = ("Regional leaders meeting in Jakarta criticised Guinea's military government on Tuesday. "
            "Indonesia's president said the talks were useful. The junta rejected the criticism, "
            "and junta supporters marched in the capital.")
    sdoc, mentions = actors_with_dateline(nlp, text, "JAKARTA")
    found = by_text(sdoc, mentions)
    assert found["The junta"].entities[0].code == "GIN"
    assert found["junta supporters"].entities[0].code == "GIN"


def test_the_regime_prefers_the_story_country_when_it_was_named_with_it(nlp):
    text = ("Syria's regime and Iran's regime signed a pact. Syria said Syrian farmers would benefit. "
            "The regime also freed prisoners.")
    sdoc, mentions = actors(nlp, text)
    assert by_text(sdoc, mentions)["The regime"].entities[0].code == "SYR"


def test_a_possessive_country_beats_the_dateline_across_unknown_words(nlp):
    text = "Sudan's army spokesman Nabil Abdallah called the report false. Another top diplomat objected."
    sdoc, mentions = actors_with_dateline(nlp, text, "CAIRO")
    person = next(m for m in mentions if m.kind == "person")
    assert person.entities[0].code == "SDN"
    text = "Belarus's top diplomat Maxim Ryzhenkov met his counterpart."
    sdoc, mentions = actors_with_dateline(nlp, text, "BEIJING")
    person = next(m for m in mentions if m.kind == "person")
    assert person.entities[0].code == "BLR"


def test_stacked_demonyms_before_one_noun_are_a_compound(nlp):
    sdoc, mentions = actors(nlp, "Thai and Vietnamese firms on Monday signed deals to build a port.")
    compound = by_text(sdoc, mentions)["Thai and Vietnamese firms"]
    assert compound.kind == "compound"
    assert codes(compound) == [("THA", "BUS"), ("VNM", "BUS")]


def test_a_group_name_cut_off_from_its_noun_by_a_parenthesis_is_the_actor(nlp):
    sdoc, mentions = actors(nlp, "The Iran-backed Hezbollah (Party of God) group announced a truce on Friday.")
    group = by_text(sdoc, mentions)["Hezbollah"]
    assert group.kind == "group" and group.entities[0].code == "LBN"


# ---------------------------------------------------------------------------- emitted records are frozen

def test_emitted_mentions_and_entities_are_frozen(nlp):
    import dataclasses

    _, mentions = actors(nlp, "Kenya and Uganda signed a trade accord on Monday.")
    assert mentions
    with pytest.raises(dataclasses.FrozenInstanceError):
        mentions[0].entities[0].code = "XXX"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        mentions[0].kind = "sector"  # type: ignore[misc]


def test_an_apposition_after_an_emitted_person_emits_a_corrected_copy(nlp):
    """The person is emitted before the title beside it tells the sector: the emitted mention is
    replaced by a copy that carries it, and a later surname resolves to the same person."""
    sdoc, mentions = actors(nlp, "Halima Odhiambo, the foreign minister, said Nairobi would reply. "
                                 "Odhiambo later left for Kampala.", published=date(2031, 3, 3))
    found = [m for m in mentions if m.kind == "person"]
    assert [(sdoc[m.token_start:m.token_end].text, codes(m)) for m in found] == [
        ("Halima Odhiambo", [(None, "GOV")]), ("Odhiambo", [(None, "GOV")])]
