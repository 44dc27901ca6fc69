import pytest

from communique.model import PLOVER_CATEGORIES
from communique.ontology import CAMEO_TABLE, UnknownCameoCode, cameo, cameo_table, quad_class, read_cameo_table


def test_phone_call_is_consult_phone():
    c = cameo("041")
    assert (c.plover, c.mode, c.goldstein, c.quad_class) == ("CONSULT", "phone", 1.0, 1)


def test_every_plover_category_has_a_cameo_code():
    cats = {c.plover for c in cameo_table().values()}
    assert set(PLOVER_CATEGORIES) <= cats


@pytest.mark.parametrize("code,quad", [("036", 1), ("057", 1), ("061", 2), ("112", 3), ("145", 3), ("173", 4), ("190", 4)])
def test_quad_class_follows_the_root(code, quad):
    assert cameo(code).quad_class == quad == quad_class(code)


def test_unknown_code_is_a_clear_error():
    with pytest.raises(UnknownCameoCode, match="'999'"):
        cameo("999")


def test_a_bad_line_is_named_by_its_line_in_the_file(tmp_path):
    # The table starts with comment lines; the error names the line as an editor numbers it.
    lines = CAMEO_TABLE.read_text(encoding="utf-8").splitlines()
    lines.append("999\tHUG\t\t\t0.0\t1\tHug")
    path = tmp_path / "cameo.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cameo.tsv:{len(lines)}: unknown PLOVER category 'HUG'"):
        read_cameo_table(path)


def test_destroying_property_is_assault_destroy_as_the_plover_manual_says():
    # The 2021 CAMEO-to-PLOVER table gives 1712 its parent's mode (seize); the manual's ASSAULT
    # 'destroy' names demolition of housing.
    entry = cameo("1712")
    assert (entry.plover, entry.mode) == ("ASSAULT", "destroy")
