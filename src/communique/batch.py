"""A counted ingest run: documents read, skipped, coded and stored, kept in a ``Tally``.

The CLI's ``ingest`` and the feed watcher both run the store's ingest this way, so that
their progress bars and summaries count the same things: records read, documents coded and
their events, skips by reason (the store's "already stored" becomes "duplicate"), errors.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Union

from .ingest.tally import DUPLICATE, Tally
from .model import CodingError, Document

Ingest = Callable[..., "IngestReport"]  # Store.ingest's signature


def ingest_counted(store, items: Iterable[Union[Document, CodingError]], tally: Tally, workers: Optional[int] = 1,
                   all_modalities: bool = False, on_progress: Optional[Callable[[Tally], None]] = None,
                   ingest: Optional[Ingest] = None, ray: Optional[str] = None, dedup: bool = True):
    """Code and store ``items`` with ``ingest`` (default ``store.ingest``), counting into ``tally``.

    Skipped records are counted by whoever reads (``tally.skip``); this adds the documents,
    reader errors, coded documents, events, duplicates and coding errors. Returns the
    store's IngestReport. Near-duplicate copies folded into their first report count as
    "duplicate" too (and in ``tally.copies``). ``ray`` and ``dedup``: see ``Store.ingest``.
    """
    base_coded, base_events, base_duplicates = tally.coded, tally.events, tally.skipped[DUPLICATE]
    base_copies = tally.copies
    messages_seen = [0]

    def counted():
        for item in items:
            tally.records += 1
            if isinstance(item, Document):
                tally.documents += 1
            yield item

    def progress(report) -> None:
        tally.coded = base_coded + report.documents_added
        tally.events = base_events + report.events_added
        copies = report.skipped.get("duplicate", 0)  # near-duplicate copies (communique.dedup)
        tally.copies = base_copies + copies
        tally.skipped[DUPLICATE] = base_duplicates + report.documents_skipped + copies
        if not tally.skipped[DUPLICATE]:
            del tally.skipped[DUPLICATE]
        for message in report.error_messages[messages_seen[0]:]:
            tally.error(message)
        messages_seen[0] = len(report.error_messages)
        if on_progress:
            on_progress(tally)

    engine = {}
    if ray is not None:
        engine["ray"] = ray
    if not dedup:
        engine["dedup"] = False
    report = (ingest or store.ingest)(counted(), workers=workers, progress=progress, all_modalities=all_modalities,
                                      **engine)
    progress(report)
    return report
