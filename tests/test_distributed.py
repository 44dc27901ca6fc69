"""Coding on Ray (communique.distributed) against a local Ray of two CPUs: the same events as
in this process, ingest through Ray resumable by document id, and the `--ray` option.

Ray starts once for the module (a few seconds) and the documents are few: these tests check
the wiring, benchmarks/scale.py measures the speed.
"""
from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli.scaling import expand_ray_flag
from communique.ingest import read_documents
from communique.model import Document

needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                               reason="Ray is not installed (pip install 'communique[ray]')")
SAMPLES = Path(str(resources.files("communique").joinpath("samples")))


def _sample_documents(n: int) -> list[Document]:
    return [d for d in read_documents([str(SAMPLES / "articles.jsonl")]) if isinstance(d, Document)][:n]


@pytest.fixture(scope="module")
def local_ray():
    from communique import distributed

    cpus = distributed.connect(distributed.LOCAL, cpus=2)
    yield cpus
    import ray

    ray.shutdown()


@pytest.mark.parametrize("args, expected", [
    (["ingest", "a/", "--ray"], ["ingest", "a/", "--ray", "local"]),
    (["ingest", "--ray", "a/"], ["ingest", "--ray", "local", "a/"]),
    (["code", "x.jsonl", "--ray", "10.1.2.3:6379"], ["code", "x.jsonl", "--ray", "10.1.2.3:6379"]),
    (["code", "--ray", "auto", "x.jsonl"], ["code", "--ray", "auto", "x.jsonl"]),
    (["code", "--ray", "-w", "2", "x"], ["code", "--ray", "local", "-w", "2", "x"]),
    (["code", "--ray", "ray://head:10001"], ["code", "--ray", "ray://head:10001"]),
])
def test_ray_without_an_address_means_a_local_ray(args, expected):
    assert expand_ray_flag(args) == expected


def test_ray_missing_is_one_clear_line(monkeypatch, tmp_path):
    import communique.cli.scaling as scaling
    from communique.cli import app

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    result = CliRunner().invoke(app, ["code", str(SAMPLES / "tokyo-talks.txt"), "--ray", "local"])
    assert result.exit_code == 2
    assert "pip install 'communique[ray]'" in result.output
    assert scaling.RAY_OPTION == "--ray"


@needs_ray
def test_ray_codes_the_same_events_as_this_process(local_ray):
    from communique.distributed import code_on_ray
    from communique.pipeline import _code_batch, code_documents

    documents = _sample_documents(8)
    here = {d.id: sorted(e.id for e in events) for d, events in code_documents(documents)}
    # Small chunks and blocks: two Datasets, each with its own pool of two actors.
    on_ray = {d.id: sorted(e.id for e in events)
              for d, events in code_on_ray(documents, _code_batch, actors=2, chunk_documents=4, batch_documents=2)}
    assert on_ray == here and sum(map(len, here.values())) > 0


@needs_ray
def test_ingest_on_ray_resumes_by_document_id(local_ray, tmp_path):
    from communique.store import open_store

    documents = _sample_documents(10)
    with open_store(str(tmp_path / "here.duckdb")) as store:
        store.ingest(documents)
        expected = store.select("SELECT id FROM events ORDER BY id")
    with open_store(str(tmp_path / "ray.duckdb")) as store:
        first = store.ingest(documents[:4])  # a run that stopped early (either engine)
        report = store.ingest(documents, ray="local", workers=1)
        assert (first.documents_added, report.documents_added, report.documents_skipped) == (4, 6, 4)
        assert store.select("SELECT id FROM events ORDER BY id") == expected


@needs_ray
def test_code_command_with_ray(local_ray, tmp_path):
    from communique.cli import app

    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps({"id": d.id, "text": d.text, "published": d.published.isoformat()}) + "\n"
                              for d in _sample_documents(3)), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, expand_ray_flag(["code", str(source), "-o", str(out), "-w", "1", "--ray"]))
    assert result.exit_code == 0, result.output
    here = CliRunner().invoke(app, ["code", str(source)])
    ray_ids = sorted(json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines())
    here_ids = sorted(json.loads(line)["id"] for line in here.stdout.splitlines() if line.startswith("{"))
    assert ray_ids and ray_ids == here_ids, here.stdout[-500:]
