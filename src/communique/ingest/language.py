"""Which language a document is in, with py3langid (its model ships inside the package).

The coder reads English only. A document is skipped as non-English when the detector is
sure (probability at least ``MIN_CONFIDENCE``) on enough text (``MIN_WORDS``); shorter or
uncertain texts are coded, since a headline-length English text can look like anything. An
English-lexified creole (Nigerian Pidgin) must be near certain (``CREOLE_CONFIDENCE``): a plain
English sentence about Nigerian traders scores 0.89 for it, a sentence of Pidgin 0.9999.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional, Union

from ..model import CodingError, Document
from .tally import NON_ENGLISH, Skipped

MIN_WORDS = 12
MIN_CONFIDENCE = 0.8
# Creoles whose words are English: only a near-certain reading says the text is not English.
ENGLISH_CREOLES = frozenset({"pcm"})
CREOLE_CONFIDENCE = 0.99
SAMPLE_CHARS = 4000  # the first few paragraphs decide; a whole long article only costs time


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return language, float(probability)


def foreign_language(text: str, wanted: str = "en") -> Optional[str]:
    """The language of ``text`` when it is surely not ``wanted``, else None."""
    if len(text.split()) < MIN_WORDS:
        return None
    language, probability = detect_language(text)
    needed = CREOLE_CONFIDENCE if wanted == "en" and language in ENGLISH_CREOLES else MIN_CONFIDENCE
    if language != wanted and probability >= needed:
        return language
    return None


Item = Union[Document, CodingError, Skipped]


def keep_english(items: Iterable[Item], on_skip: Callable[[Skipped], None]) -> Iterator[Item]:
    """The items, less documents surely in another language (each reported to ``on_skip``)."""
    for item in items:
        if isinstance(item, Document):
            language = foreign_language(item.text)
            if language:
                on_skip(Skipped(item.origin or item.id, NON_ENGLISH, language, item.url))
                continue
        yield item
