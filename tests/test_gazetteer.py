"""The gazetteer: cities, countries and regions by name, and its data file."""
import pytest

from communique.knowledge.gazetteer import _load_regions, gazetteer, resolve_place
from communique.knowledge.tables import TableError


def test_city_and_country_resolve_with_iso3_and_coordinates():
    kabul = resolve_place("Kabul")
    assert kabul.country == "AFG" and kabul.lat == pytest.approx(34.5, abs=0.2) and kabul.lon == pytest.approx(69.2, abs=0.2)
    syria = resolve_place("Syria")  # a country gets its capital's coordinates
    assert syria.country == "SYR" and syria.lat == pytest.approx(33.5, abs=0.2)
    assert resolve_place("Kiev").name == "Kyiv"  # alternate names of large cities
    assert resolve_place("New Delhi").name == "New Delhi"  # a city's own name beats an alternate one
    assert resolve_place("the Gaza Strip").country == "PSE"  # regions from data/places.tsv
    assert resolve_place("Georgia").country == "GEO"  # the country, not the US state
    assert resolve_place("Narnia") is None


def test_a_hyphen_and_a_space_name_the_same_place():
    # A wire dateline writes "PORT VILA" where the city list has "Port-Vila": the same capital.
    assert resolve_place("Port Vila").country == "VUT"
    assert resolve_place("Port-au Prince").country == "HTI"
    assert gazetteer().capital_of("VUT").country == "VUT"


def test_ambiguous_city_prefers_a_country_the_article_mentions():
    assert resolve_place("Tripoli").country == "LBY"  # most populous
    assert resolve_place("Tripoli", ["LBN"]).country == "LBN"
    assert resolve_place("Hyderabad").country == "IND"
    assert resolve_place("Hyderabad", {"PAK"}).country == "PAK"


def test_places_data_file_is_valid():
    for place in gazetteer().regions.values():
        assert place.country is None or len(place.country) == 3
        assert place.lat is None or -90 <= place.lat <= 90


def test_a_bad_places_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text("# regions\nname\tcountry\tlat\tlon\taliases\nAtlantis\tGRC\tnorth\t23.0\t\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"places.tsv:3: latitude/longitude 'north'"):
        _load_regions(path)
