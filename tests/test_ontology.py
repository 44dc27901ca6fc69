import pytest

from communique.model import PLOVER_CATEGORIES
from communique.ontology import UnknownCameoCode, cameo, cameo_table, quad_class


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
