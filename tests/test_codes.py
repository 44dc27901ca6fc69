"""The actor code sets: one definition of the non-state codes, and CAMEO codes of known bodies."""
from communique.knowledge.codes import NON_STATE_CODES, STATE_SECTORS, SECTORS, is_country_code, known_group_codes


def test_the_non_state_codes_are_those_of_the_output_contract():
    # docs/event-record.md: IGO/NGO/MNC/IMG, IMG being armed groups that act across borders.
    assert NON_STATE_CODES == {"IGO", "NGO", "MNC", "IMG"}
    assert not any(is_country_code(code) for code in NON_STATE_CODES)
    assert is_country_code("IRQ") and not is_country_code(None) and not is_country_code("")


def test_state_sectors_are_sectors():
    assert STATE_SECTORS <= SECTORS


def test_known_groups_by_lower_case_name():
    assert known_group_codes()["united nations"] == "IGOUNO"
    assert known_group_codes()["human rights watch"] == "NGOHRW"


def test_the_coder_codes_armed_groups_img_and_the_gsr_scoring_keeps_img():
    from communique.actors import knowledge
    from communique.evaluate import map_code

    assert knowledge.organization_by_name("al-Qaeda").code == "IMG"
    assert map_code("IMG") == "IMG"
