"""Word classes: named sets of lemmas that the events and actors stages both read.

A class is one line of ``data/word_classes.tsv`` (its name, then its lemmas, lower case,
space separated): "populace" (people, civilians, residents, ...), "place" (town, city,
region, ...), "troops", "proposal" and so on. The trigger lexicon's conditions name them
(``obj=@restriction``), the event grammar reads some by name, and the actors stage reads the
classes of people and places to find the parties a place or situation implies. The words of
the language itself (``month``, ``report``) come from :mod:`communique.knowledge.english` and
are classes too. The file is read once and validated; every error names the file and the line.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Union

from . import english
from .tables import PACKAGE_DIR, read_table

WORD_CLASSES_FILE = PACKAGE_DIR / "data" / "word_classes.tsv"


class WordClassError(ValueError):
    """A bad line in the word classes file; the message names the file and the line."""


def read_word_classes(path: Union[str, Path] = WORD_CLASSES_FILE) -> dict[str, frozenset[str]]:
    """Every class of the file at ``path``, with the classes of :mod:`~communique.knowledge.english`."""
    classes: dict[str, frozenset[str]] = dict(english.WORD_CLASSES)
    for row in read_table(path, ("name", "lemmas"), error=WordClassError):
        name, lemmas = row["name"], row["lemmas"]
        if not name or not lemmas:
            raise row.error("expected 'name<TAB>lemmas'")
        if name in classes:
            raise row.error(f"class {name!r} defined twice")
        classes[name] = frozenset(row.fields[1].lower().split())
    return classes


@lru_cache(maxsize=None)
def word_classes() -> dict[str, frozenset[str]]:
    """The package's word classes by name (read once)."""
    return read_word_classes()


def word_class(name: str) -> frozenset[str]:
    """The lemmas of one class (``KeyError`` for a class no file defines)."""
    return word_classes()[name]
