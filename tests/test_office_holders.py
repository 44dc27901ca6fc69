"""The office-holder table: lookups by name and by title on a date, and the table's own consistency."""
from datetime import date, timedelta
from itertools import combinations

import pytest

from communique.actors import knowledge


def test_surname_resolves_to_country_on_a_date():
    assert knowledge.office_holder("Petro", on=date(2023, 6, 9)).country == "COL"
    assert knowledge.office_holder("Duque", on=date(2020, 2, 1)).country == "COL"
    assert knowledge.office_holder("Pashinyan", on=date(2020, 10, 1)).country == "ARM"
    assert knowledge.office_holder("Kobakhidze", on=date(2024, 11, 30)).country == "GEO"
    assert knowledge.office_holder("Lukashenko", on=date(2020, 8, 10)).country == "BLR"


def test_name_outside_any_term_is_no_office_holder():
    # Petro took office on 7 August 2022; Boric left no office before March 2022.
    assert knowledge.office_holder("Petro", on=date(2022, 8, 6)) is None
    assert knowledge.office_holder("Boric", on=date(2021, 12, 1)) is None


def test_title_resolves_to_holder_of_the_day():
    assert knowledge.holder_of("president", "PER", on=date(2023, 1, 18)).name == "Dina Boluarte"
    assert knowledge.holder_of("president", "PER", on=date(2021, 1, 18)).name == "Francisco Sagasti"
    assert knowledge.holder_of("president", "NER", on=date(2023, 5, 1)).name == "Mohamed Bazoum"
    assert knowledge.holder_of("head of state", "NER", on=date(2023, 9, 1)).name == "Abdourahamane Tiani"
    assert knowledge.holder_of("head of state", "SDN", on=date(2023, 5, 1)).name == "Abdel Fattah al-Burhan"
    assert knowledge.holder_of("prime minister", "IRQ", on=date(2021, 3, 1)).name == "Mustafa al-Kadhimi"
    assert knowledge.holder_of("head of government", "BGD", on=date(2024, 12, 1)).name == "Muhammad Yunus"
    assert knowledge.holder_of("chancellor", "AUT", on=date(2022, 6, 1)).name == "Karl Nehammer"


def test_one_person_with_terms_in_several_offices():
    # Rutte: Dutch prime minister until July 2024, NATO chief from October 2024.
    assert knowledge.office_holder("Rutte", on=date(2023, 1, 1)).country == "NLD"
    assert knowledge.office_holder("Rutte", on=date(2025, 1, 1)).country == "IGO"
    # Tusk: European Council president in 2018, Polish prime minister in 2024.
    assert knowledge.office_holder("Tusk", on=date(2018, 1, 1)).office == "european council president"
    assert knowledge.office_holder("Tusk", on=date(2024, 6, 1)).country == "POL"
    # Kallas: Estonian prime minister, then EU High Representative.
    assert knowledge.holder_of("prime minister", "EST", on=date(2023, 1, 1)).name == "Kaja Kallas"


def test_foreign_ministers():
    assert knowledge.holder_of("foreign minister", "POL", on=date(2024, 3, 1)).name == "Radosław Sikorski"
    assert knowledge.holder_of("foreign minister", "HUN", on=date(2022, 3, 1)).name == "Péter Szijjártó"
    assert knowledge.holder_of("foreign minister", "ISR", on=date(2023, 6, 1)).name == "Eli Cohen"
    assert knowledge.holder_of("foreign minister", "PAK", on=date(2022, 10, 1)).name == "Bilawal Bhutto Zardari"
    assert knowledge.holder_of("foreign minister", "EGY", on=date(2024, 10, 1)).name == "Badr Abdelatty"
    assert knowledge.office_holder("Szijjarto", on=date(2019, 1, 1)).office == "foreign minister"


def test_shared_surname_is_told_apart_by_date():
    # Two Lebanese presidents named Aoun, years apart.
    assert knowledge.office_holder("Aoun", on=date(2019, 1, 1)).name == "Michel Aoun"
    assert knowledge.office_holder("Aoun", on=date(2025, 3, 1)).name == "Joseph Aoun"
    # Without a date the surname fits both, so it names no one.
    assert knowledge.office_holder("Aoun") is None


def test_acting_head_between_two_presidents():
    assert knowledge.holder_of("president", "IRN", on=date(2024, 6, 15)).name == "Mohammad Mokhber"


def _overlap(a, b) -> bool:
    far = date.max - timedelta(days=1)
    return a.start < (b.end or far) and b.start < (a.end or far)


def test_no_two_people_hold_one_office_on_one_day():
    # Spokespersons serve several at a time; in 1991 the Soviet and the Russian president
    # (both coded RUS) overlapped. Every other office has one holder a day, else a bare
    # title ("the Peruvian president") could not be resolved.
    by_office: dict[tuple[str, str], list] = {}
    for term in knowledge.office_holders():
        if "spokesperson" in term.office or (term.end and term.end < date(1992, 1, 1)):
            continue
        by_office.setdefault((term.office, term.country), []).append(term)
    clashes = [(a.name, b.name, a.office, a.country)
               for terms in by_office.values()
               for a, b in combinations(terms, 2)
               if a.id != b.id and _overlap(a, b)]
    assert clashes == []


@pytest.mark.parametrize("alias", ["Ali", "Khan", "Kim", "Lee", "Hussein", "Sharif"])
def test_common_names_are_not_aliases(alias):
    assert alias not in knowledge.person_aliases()


def test_a_name_two_office_holders_share_goes_by_the_story_country():
    # Saudi Arabia's King Abdullah reigned 2005-2015, when Jordan's King Abdullah II was also called "King Abdullah".
    on = date(2009, 8, 28)
    assert knowledge.office_holder("King Abdullah", on=on) is None
    assert knowledge.office_holder("King Abdullah", on=on, prefer="SAU").country == "SAU"
    assert knowledge.office_holder("King Abdullah", on=on, prefer="JOR").country == "JOR"
    assert knowledge.office_holder("King Abdullah", on=on, prefer="PSE") is None
    assert knowledge.office_holder("King Abdullah", on=date(2019, 1, 1)).country == "JOR"
