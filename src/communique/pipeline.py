"""The one orchestrator: Document -> spaCy Doc -> actor mentions -> events -> dates, places.

Coding is a pure function of the document, the knowledge data and the model: no global
state beyond the once-loaded model and tables, no database access. The CLI, the HTTP API,
the store's ingest and the batch runner all call this module.

Every document goes through ``chunking`` first (long ones in parts, odd runs masked, endless
sentences bounded), so that coding time grows linearly with the text; batches are bounded in
characters as well as documents; a document the parser or a stage fails on becomes one
``CodingError`` and the rest of its batch is coded; no more worker processes start than the
machine has cores.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Iterable, Iterator, Optional, Union

from .chunking import Part, bound_sentences, place_events, split_document, tokenized, too_long
from .model import CodingError, Document, Event

Result = tuple[Document, Union[list[Event], CodingError]]

BATCH_SIZE = 64
BATCH_CHARS = 100_000  # parsed together: about 30 news articles


def _code_parsed(document: Document, sdoc, all_modalities: bool,
                 story: bool | None = None) -> list[Event]:
    from .actors import find_actors
    from .dates import assign_dates
    from .events import extract_events, report
    from .events.decide import STORY_SENTENCES
    from .places import assign_locations

    mentions = find_actors(sdoc, document)
    events = extract_events(sdoc, mentions, document)
    assign_dates(events, sdoc, document)
    assign_locations(events, sdoc, document)
    sentences = sum(1 for _ in sdoc.sents)
    if story:  # a part of a long document belongs to a story, however few sentences it holds
        sentences = max(sentences, STORY_SENTENCES)
    return report(events, sentences, all_modalities)


def code_document(document: Document, all_modalities: bool = False) -> list[Event]:
    """Code one document and return its events (raises on a document that cannot be coded)."""
    from .nlp import load_model

    problem = refusal(document)
    if problem:
        raise ValueError(problem)
    nlp = load_model()
    parts = split_document(document)
    events: list[Event] = []
    sentences_before = 0
    for part in parts:
        sdoc = bound_sentences(nlp, nlp(tokenized(nlp, part.document.text, body_start=part.document.dateline_end)))
        part_events, sentences = _code_part(document, part, sdoc, all_modalities,
                                            len(parts) > 1, sentences_before)
        events.extend(part_events)
        sentences_before += sentences
    return events


def code_text(text: str, published: date | None = None, doc_id: str = "text",
              all_modalities: bool = False) -> list[Event]:
    """Convenience for the Python API and tests: code a bare string, its wire dateline read as
    `communique code` reads it."""
    from .ingest.documents import dateline_fields  # ingest reads inputs; the pipeline codes them
    place, dateline_date, end = dateline_fields(text, published)
    document = Document(id=doc_id, text=text, published=published, dateline_place=place,
                        dateline_date=dateline_date, dateline_end=end)
    return code_document(document, all_modalities)


def _code_part(document: Document, part: Part, sdoc, all_modalities: bool, in_parts: bool,
               sentences_before: int) -> tuple[list[Event], int]:
    """The events of one part of a document, counted from the start of the whole document,
    and the number of sentences of the part."""
    events = _code_parsed(part.document, sdoc, all_modalities, story=True if in_parts else None)
    place_events(events, part, sdoc, document.text, sentences_before)
    return events, sum(1 for _ in sdoc.sents)


def refusal(document: Document) -> str | None:
    """Why a document is not coded at all, or None: it is too long. (Publication dates out of
    any sane range are refused by the readers; the date stage copes with any other.)"""
    return too_long(document)


def _failure(document: Document, exc: BaseException) -> CodingError:
    return CodingError(document.origin or document.id,
                       f"coding failed: {type(exc).__name__}: {exc}", document.id)


def _parse_all(nlp, documents: list[Document]) -> list:
    """spaCy Docs for the documents' texts, or the exception for those the model could not parse: a
    batch is parsed together (fast), and one text by one only when the batch as a whole fails, so
    that one bad document never takes the others down with it."""
    try:
        parsed = list(nlp.pipe((tokenized(nlp, d.text, body_start=d.dateline_end) for d in documents),
                               batch_size=BATCH_SIZE))
    except Exception:
        parsed = []
        for d in documents:
            try:
                parsed.append(nlp(tokenized(nlp, d.text, body_start=d.dateline_end)))
            except Exception as exc:
                parsed.append(exc)
    return [sdoc if isinstance(sdoc, BaseException) else _bounded(nlp, sdoc) for sdoc in parsed]


def _bounded(nlp, sdoc):
    try:
        return bound_sentences(nlp, sdoc)
    except Exception as exc:
        return exc


def _part_groups(parts: list[tuple[int, Part]], alone: set[int], max_chars: int = BATCH_CHARS):
    """The parts in order, in groups to parse together of at most ``max_chars`` characters; the
    parts of a long document (numbers in ``alone``) one at a time, so that they are never all
    held parsed at once (a parsed chunk of odd text can take hundreds of megabytes)."""
    group: list[tuple[int, Part]] = []
    chars = 0
    for item in parts:
        size = len(item[1].document.text)
        if group and (chars + size > max_chars or item[0] in alone):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += size
        if item[0] in alone:
            yield group
            group, chars = [], 0
    if group:
        yield group


def _code_batch(documents: list[Document], all_modalities: bool) -> list[Result]:
    """The pure coding function every engine runs: this process, the worker pool, Ray's actors."""
    from .nlp import load_model

    nlp = load_model()
    outcome: dict[int, Union[list[Event], CodingError]] = {}
    sentences_before: dict[int, int] = {}
    in_parts: set[int] = set()
    parts: list[tuple[int, Part]] = []
    for number, document in enumerate(documents):
        problem = refusal(document)
        if problem:
            outcome[number] = CodingError(document.origin or document.id, problem, document.id)
            continue
        outcome[number], sentences_before[number] = [], 0
        pieces = split_document(document)
        parts.extend((number, part) for part in pieces)
        if len(pieces) > 1:
            in_parts.add(number)
    for group in _part_groups(parts, in_parts):
        for (number, part), sdoc in zip(group, _parse_all(nlp, [p.document for _, p in group])):
            document, done = documents[number], outcome[number]
            if not isinstance(done, list):
                continue  # an earlier part failed
            if isinstance(sdoc, BaseException):
                outcome[number] = _failure(document, sdoc)
                continue
            try:
                events, sentences = _code_part(document, part, sdoc, all_modalities,
                                               number in in_parts, sentences_before[number])
            except Exception as exc:  # one bad document never stops a batch
                outcome[number] = _failure(document, exc)
                continue
            done.extend(events)
            sentences_before[number] += sentences
    return [(document, outcome[number]) for number, document in enumerate(documents)]


def _batches(documents: Iterable[Document], size: int,
             max_chars: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Lists of at most ``size`` documents and (unless one document alone is longer) at most
    ``max_chars`` characters, so that a run of long documents does not hold them all parsed."""
    batch: list[Document] = []
    chars = 0
    for d in documents:
        if batch and chars + len(d.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(d)
        chars += len(d.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def usable_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def code_documents(documents: Iterable[Document], workers: Optional[int] = 1,
                   all_modalities: bool = False, ray: Optional[str] = None) -> Iterator[Result]:
    """Code many documents with ``workers`` processes (1 = this process), in input order; more
    than the usable cores are not started (each holds its own copy of the model).

    Yields ``(document, events)`` or ``(document, CodingError)`` for each document. With
    ``ray`` ("local", or the address of a Ray cluster) the batches are coded by a pool of
    Ray actors (``distributed.py``) and come back as they finish, not in input order;
    ``workers`` is then the pool's size (None: one actor per CPU Ray has).
    """
    if ray is not None:
        from .distributed import code_on_ray

        yield from code_on_ray(documents, _code_batch, address=ray, actors=workers, all_modalities=all_modalities)
        return
    workers = min(max(1, workers or 1), usable_cores())
    if workers == 1:
        for batch in _batches(documents, BATCH_SIZE):
            yield from _code_batch(batch, all_modalities)
        return
    # Small batches so that every worker gets work; results come back in input order.
    size = max(4, BATCH_SIZE // workers)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        pending = []
        for batch in _batches(documents, size):
            pending.append(pool.submit(_code_batch, batch, all_modalities))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _warm_worker() -> None:
    from .nlp import load_model

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    load_model()
