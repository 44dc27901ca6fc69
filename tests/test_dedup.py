"""Near-duplicate fingerprints and the index (communique.dedup), on texts written for these tests."""
from __future__ import annotations

import pytest

from communique import dedup

STORY = """Ministers from Norway and Iceland agreed in Oslo on Thursday to share data on cod stocks in the
waters between the two countries, ending a dispute that had kept fishing boats in port for weeks.

The agreement sets up a joint survey that will count the stocks every spring and publish its
figures before quotas are set. Fishing groups in both countries had asked for such a survey.

"We have chosen to trust the same numbers," the Norwegian minister Ingrid Solberg said after the talks.
Her Icelandic counterpart said the deal would be reviewed after three years.

The quarrel began last winter when Iceland raised its quota by a fifth without consulting Oslo,
and Norwegian boats were turned away from two Icelandic harbours in retaliation."""

SAME_EVENT_OTHER_WRITER = """Iceland and Norway have settled their row over cod, their fisheries ministers announced on
Thursday after a day of talks in the Norwegian capital. Under the deal a survey run by scientists from
both sides will measure the stocks each year, a step the fishing industry had long demanded.
Ingrid Solberg, Norway's minister, told a news conference that both governments would now work from one
set of figures. Relations had soured after Reykjavik raised its catch limit last year and Norway
responded by closing harbours to Icelandic trawlers. The arrangement will be reviewed in three years."""


def _copy_with_headline() -> str:
    return "Norway, Iceland end cod quarrel with joint survey\n\n" + STORY


def _trimmed_copy() -> str:
    return "\n\n".join(STORY.split("\n\n")[:-1])


def _credited_copy() -> str:
    return "OSLO, March 4 (Harbour Wire) - " + STORY + "\n\n(Reporting by Mei Lin; editing by Carlos Ruiz)"


def test_credit_lines_and_datelines_are_not_part_of_the_main_text():
    assert dedup.main_text(_credited_copy()).strip() == STORY.strip()
    assert dedup.main_text("No dateline here (really) - and none removed.") == \
        "No dateline here (really) - and none removed."


@pytest.mark.parametrize("make", [_copy_with_headline, _trimmed_copy, _credited_copy])
def test_copies_with_small_edits_are_found(make):
    index = dedup.NearDuplicateIndex()
    index.add("first", dedup.fingerprint(STORY))
    match = index.find(dedup.fingerprint(make()))
    assert match is not None and match.original == "first"
    assert match.similarity >= dedup.THRESHOLD


def test_another_report_of_the_same_event_is_not_a_copy():
    assert dedup.jaccard(STORY, SAME_EVENT_OTHER_WRITER) < 0.1
    index = dedup.NearDuplicateIndex()
    index.add("first", dedup.fingerprint(STORY))
    assert index.find(dedup.fingerprint(SAME_EVENT_OTHER_WRITER)) is None


def test_the_same_template_about_other_countries_is_not_a_copy():
    # Many shingles in common, but other names: the names check keeps them apart.
    other = (STORY.replace("Norway", "Chile").replace("Norwegian", "Chilean").replace("Iceland", "Peru")
             .replace("Icelandic", "Peruvian").replace("Oslo", "Santiago").replace("Ingrid Solberg", "Lucia Ferraz")
             .replace("cod", "anchovy").replace("Thursday", "Monday").replace("three", "five"))
    index = dedup.NearDuplicateIndex()
    index.add("first", dedup.fingerprint(STORY))
    assert dedup.jaccard(STORY, other) > 0.3
    assert index.find(dedup.fingerprint(other)) is None


def test_short_texts_are_never_folded():
    brief = "Norway and Iceland signed a fisheries deal in Oslo on Thursday, officials said."
    assert dedup.fingerprint(brief) is None
    index = dedup.NearDuplicateIndex()
    index.add("a", dedup.fingerprint(brief))
    assert len(index) == 0 and index.find(dedup.fingerprint(brief)) is None


def test_fingerprints_round_trip_through_their_stored_form():
    fp = dedup.fingerprint(STORY)
    blob, names = fp.to_row()
    assert isinstance(blob, bytes) and len(blob) == 4 * dedup.NUM_PERM
    back = dedup.Fingerprint.from_row(blob, names)
    assert back.names == fp.names and "Solberg" in back.names
    assert back.minhash.jaccard(fp.minhash) == 1.0
    with pytest.raises(ValueError, match="expected 128"):
        dedup.Fingerprint.from_row(blob[:40], names)


def test_the_best_match_wins_and_a_removed_report_is_forgotten():
    index = dedup.NearDuplicateIndex()
    index.add("trimmed", dedup.fingerprint(_trimmed_copy()))
    index.add("full", dedup.fingerprint(STORY))
    assert index.find(dedup.fingerprint(_copy_with_headline())).original == "full"
    index.remove("full")
    assert "full" not in index
    assert index.find(dedup.fingerprint(_copy_with_headline())).original == "trimmed"


def test_a_copy_is_published_within_the_window_of_its_first_report():
    from datetime import date, timedelta

    index = dedup.NearDuplicateIndex()
    index.add("first", dedup.fingerprint(STORY), date(2024, 3, 4))
    near = date(2024, 3, 4) + timedelta(days=dedup.WINDOW_DAYS)
    assert index.find(dedup.fingerprint(_copy_with_headline()), near).original == "first"
    assert index.find(dedup.fingerprint(_copy_with_headline()), date(2025, 3, 4)) is None
    assert index.find(dedup.fingerprint(_copy_with_headline())).original == "first"  # undated
