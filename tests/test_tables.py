"""The one reader of the knowledge tables: comments, header, column counts, file-and-line errors."""
import pytest

from communique.knowledge.tables import TableError, label_of, read_table, PACKAGE_DIR


def write(tmp_path, text, name="table.tsv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_comments_blank_lines_and_the_header_are_skipped_and_lines_keep_their_numbers(tmp_path):
    path = write(tmp_path, "# a comment\n\nname\tcode\nOslo\tNOR\n# another\nLima \t PER\r\n")
    rows = list(read_table(path, ("name", "code")))
    assert [(r.line, r["name"], r["code"]) for r in rows] == [(4, "Oslo", "NOR"), (6, "Lima", "PER")]
    assert rows[1].fields == ("Lima ", " PER") and rows[1].values() == {"name": "Lima", "code": "PER"}
    assert rows[0][1] == "NOR" and rows[0].where.endswith("table.tsv:4")


def test_optional_last_columns_may_be_left_out(tmp_path):
    path = write(tmp_path, "name\tcode\taliases\nOslo\tNOR\n")
    (row,) = read_table(path, ("name", "code", "aliases"), optional=1)
    assert row["aliases"] == ""


@pytest.mark.parametrize("text, message", [
    ("# only comments\n", r"t.tsv: no header line"),
    ("name\tcountry\nOslo\tNOR\n", r"t.tsv:1: header must be name \| code"),
    ("name\tcode\nOslo\tNOR\textra\n", r"t.tsv:2: expected 2 tab-separated columns, got 3"),
    ("name\tcode\nOslo\n", r"t.tsv:2: expected 2 tab-separated columns, got 1"),
    (b"name\tcode\nOslo\tNOR\nL\xefma\tPER\n", r"t.tsv:3: not UTF-8 text"),
])
def test_errors_name_the_file_and_the_line(tmp_path, text, message):
    path = write(tmp_path, text, "t.tsv")
    with pytest.raises(TableError, match=message):
        list(read_table(path, ("name", "code")))


def test_callers_raise_their_own_error_class_at_a_row(tmp_path):
    class KnowledgeError(ValueError):
        pass

    path = write(tmp_path, "name\tcode\nOslo\tNORWAY\n")
    with pytest.raises(KnowledgeError, match=r"table.tsv:2: bad code 'NORWAY'"):
        for row in read_table(path, ("name", "code"), error=KnowledgeError):
            raise row.error(f"bad code {row['code']!r}")
    with pytest.raises(KnowledgeError, match="header must be"):
        list(read_table(path, ("name",), error=KnowledgeError))


def test_files_of_the_package_are_named_by_their_path_in_it():
    assert label_of(PACKAGE_DIR / "actors" / "data" / "countries.tsv") == "actors/data/countries.tsv"


def test_without_columns_the_header_is_skipped_and_rows_may_differ_in_length(tmp_path):
    path = write(tmp_path, "anything\nmeet\tVERB\nmet\n")
    assert [r.fields for r in read_table(path)] == [("meet", "VERB"), ("met",)]
