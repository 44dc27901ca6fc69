"""The one orchestrator: Document -> spaCy Doc -> actor mentions -> events -> dates, places.

Coding is a pure function of the document, the knowledge data and the model: no global
state beyond the once-loaded model and tables, no database access. The CLI, the HTTP API,
the store's ingest and the batch runner all call this module.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Iterable, Iterator, Optional, Union

from .batching import chunked
from .model import CodingError, Document, Event

Result = tuple[Document, Union[list[Event], CodingError]]

BATCH_SIZE = 64


def _code_parsed(document: Document, sdoc, all_modalities: bool) -> list[Event]:
    from .actors import find_actors
    from .dates import assign_dates
    from .events import extract_events, report
    from .places import assign_locations

    mentions = find_actors(sdoc, document)
    events = extract_events(sdoc, mentions, document)
    assign_dates(events, sdoc, document)
    assign_locations(events, sdoc, document)
    return report(events, sum(1 for _ in sdoc.sents), all_modalities)


def code_document(document: Document, all_modalities: bool = False) -> list[Event]:
    """Code one document and return its events (raises on a document that cannot be coded)."""
    from .nlp import load_model

    sdoc = load_model()(document.text)
    return _code_parsed(document, sdoc, all_modalities)


def code_text(text: str, published: date | None = None, doc_id: str = "text",
              all_modalities: bool = False) -> list[Event]:
    """Convenience for the Python API and tests: code a bare string."""
    return code_document(Document(id=doc_id, text=text, published=published), all_modalities)


def _code_batch(documents: list[Document], all_modalities: bool) -> list[Result]:
    """The pure coding function every engine runs: this process, the worker pool, Ray's actors."""
    from .nlp import load_model

    nlp = load_model()
    results: list[Result] = []
    texts = (d.text for d in documents)
    for document, sdoc in zip(documents, nlp.pipe(texts, batch_size=BATCH_SIZE)):
        try:
            results.append((document, _code_parsed(document, sdoc, all_modalities)))
        except Exception as exc:  # one bad document never stops a batch
            results.append((document, CodingError(document.origin or document.id,
                                                  f"coding failed: {type(exc).__name__}: {exc}",
                                                  document.id)))
    return results


def code_documents(documents: Iterable[Document], workers: Optional[int] = 1,
                   all_modalities: bool = False, ray: Optional[str] = None) -> Iterator[Result]:
    """Code many documents with ``workers`` processes (1 = this process), in input order.

    Yields ``(document, events)`` or ``(document, CodingError)`` for each document. With
    ``ray`` ("local", or the address of a Ray cluster) the batches are coded by a pool of
    Ray actors (``distributed.py``) and come back as they finish, not in input order;
    ``workers`` is then the pool's size (None: one actor per CPU Ray has).
    """
    if ray is not None:
        from .distributed import code_on_ray

        yield from code_on_ray(documents, _code_batch, address=ray, actors=workers, all_modalities=all_modalities)
        return
    workers = max(1, workers or 1)
    if workers == 1:
        for batch in chunked(documents, BATCH_SIZE):
            yield from _code_batch(batch, all_modalities)
        return
    # Small batches so that every worker gets work; results come back in input order.
    size = max(4, BATCH_SIZE // workers)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        pending = []
        for batch in chunked(documents, size):
            pending.append(pool.submit(_code_batch, batch, all_modalities))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _warm_worker() -> None:
    from .nlp import load_model

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    load_model()
