"""Knowledge that several stages read, each kind in one module.

* :mod:`~communique.knowledge.tables`: the one reader of the package's tab-separated data
  files (comments, header, column checks; every error names the file and the line).
* :mod:`~communique.knowledge.english`: the words of the language itself (month and weekday
  names, number words, reporting verbs), the first step toward a second language.
* :mod:`~communique.knowledge.codes`: the actor code sets (non-state codes, sectors) and the
  CAMEO codes of known international bodies.
* :mod:`~communique.knowledge.gazetteer`: places by name (cities, countries, regions) for the
  actors, events and places stages.
* :mod:`~communique.knowledge.words`: word classes (named sets of lemmas, ``data/word_classes.tsv``)
  that the trigger lexicon's conditions name and both the events and the actors stage read.

Knowledge that belongs to one stage stays with it (``actors/data/``, ``events/data/``); the
PLOVER and CAMEO tables are read by :mod:`communique.ontology`. Nothing is imported here, so
that loading one of these modules never loads the others.
"""
