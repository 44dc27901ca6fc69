"""Coding on Ray: a pool of coder actors over Ray Data, on this machine or across a cluster.

``code_on_ray`` is what ``pipeline.code_documents(..., ray=ADDRESS)`` runs. The documents
are read where the command runs (the driver), sent in chunks as Ray Datasets, and coded by
``map_batches`` over a pool of ``CoderActor``s: each actor loads the spaCy model and the
knowledge tables once and then calls the same pure function as the worker processes
(``pipeline._code_batch``, handed over by the pipeline: this module does not import it). Results stream back to the driver as batches finish, where the
one store writer stores them; which documents are coded is decided before (ingest skips
stored ids), so a killed run resumes by document id as without Ray.

Ray is an optional extra (``pip install 'communique[ray]'``); nothing else imports this
module. Without an address (``"local"``) a local Ray is started on this machine's CPUs (or
the one already running in this process is used); with one (``auto``, ``HOST:6379``,
``ray://HOST:10001``) the cluster is joined, and its nodes need communique and the model
installed as here.
"""
from __future__ import annotations

import itertools
import logging
import pickle
from typing import Callable, Iterable, Iterator, Optional

from .batching import chunked
from .model import Document

LOCAL = "local"
# Documents per map_batches call: as the worker pool's batches (pipeline.BATCH_SIZE / 2).
BATCH_DOCUMENTS = 32
# Documents sent as one Dataset: each chunk starts its actors anew (a model load, a few
# seconds), so a chunk holds enough work for every actor to amortise that (2,000 short
# documents are two minutes of one core), and is capped so that the driver holds it easily.
DOCUMENTS_PER_ACTOR = 2000
MIN_CHUNK = 256
MAX_CHUNK = 100_000


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached: one line for the user."""


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data is part of the extra)
    except ImportError:
        raise RayUnavailable("coding on Ray needs Ray: pip install 'communique[ray]'") from None
    return ray


def connect(address: Optional[str] = LOCAL, cpus: Optional[int] = None) -> int:
    """Start or join Ray (once per process) and return the number of CPUs it offers."""
    ray = _ray()
    if not ray.is_initialized():
        options = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                       configure_logging=True)
        try:
            if address in (None, "", LOCAL):
                ray.init(num_cpus=cpus, **options)
            else:
                ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise RayUnavailable(f"cannot start or join Ray at {address or LOCAL}: {first}") from None
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the command shows its own
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class CoderActor:
    """One Ray actor: loads the model once, codes batches of pickled documents with
    ``code_batch`` (pickled by reference: the actor imports it from its module)."""

    def __init__(self, code_batch: Callable, all_modalities: bool):
        import os

        from .nlp import load_model

        os.environ.setdefault("OMP_NUM_THREADS", "1")
        load_model()
        self.code_batch = code_batch
        self.all_modalities = all_modalities

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        documents = [pickle.loads(blob) for blob in batch["document"]]
        results = self.code_batch(documents, self.all_modalities)
        return {"result": np.array([pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results],
                                   dtype=object)}


def code_on_ray(documents: Iterable[Document], code_batch: Callable, address: Optional[str] = LOCAL,
                actors: Optional[int] = None, all_modalities: bool = False,
                chunk_documents: Optional[int] = None,
                batch_documents: int = BATCH_DOCUMENTS) -> Iterator[tuple]:
    """Code documents on Ray with ``code_batch`` (``pipeline._code_batch``); yields
    ``(document, events)`` or ``(document, CodingError)`` for each, in the order batches finish.

    ``actors``: the pool's size (None: one per CPU Ray offers; a local Ray is started with
    that many CPUs when given).
    """
    ray = _ray()
    pending = iter(documents)
    first = next(pending, None)
    if first is None:
        return  # nothing to code (a re-run over stored documents): no need to start Ray
    documents = itertools.chain([first], pending)
    local = address in (None, "", LOCAL)
    cpus = connect(address, cpus=actors if local else None)
    size = max(1, min(actors or cpus, cpus))
    chunk = chunk_documents or min(MAX_CHUNK, max(MIN_CHUNK, DOCUMENTS_PER_ACTOR * size))
    for part in chunked(documents, chunk):
        blobs = [{"document": pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)} for d in part]
        blocks = max(1, -(-len(blobs) // batch_documents))
        # No more actors than blocks: a small last chunk does not start idle actors.
        dataset = ray.data.from_items(blobs, override_num_blocks=blocks).map_batches(
            CoderActor, fn_constructor_kwargs={"code_batch": code_batch, "all_modalities": all_modalities},
            batch_size=batch_documents, batch_format="numpy", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(size, blocks)))
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for blob in batch["result"]:
                yield pickle.loads(blob)
