"""The events stage: trigger words and phrases (a lexicon kept as data), matched over the
dependency parse, with actor and recipient from grammatical roles and PLOVER auxiliary modes.

Entry points (called by the pipeline): ``extract_events(sdoc, mentions, document) -> list[Event]``
codes every trigger (each decided once, in ``decide``); ``report(events, sentences, all_modalities)``
keeps the events a document reports.
"""
from .decide import report
from .extract import extract_events
from .lexicon import LexiconError, trigger_entries

__all__ = ["extract_events", "report", "trigger_entries", "LexiconError"]
