"""The events stage: trigger words and phrases (a lexicon kept as data), matched over the
dependency parse, with actor and recipient from grammatical roles and PLOVER auxiliary modes.

Entry point: ``extract_events(sdoc, mentions, document) -> list[Event]`` (called by the pipeline).
"""
from .extract import extract_events
from .lexicon import LexiconError, trigger_entries

__all__ = ["extract_events", "trigger_entries", "LexiconError"]
