"""The bundled sample corpus: invented wire-news articles that ship with the package.

The articles under ``communique/samples/`` are the project's own text, written for
demonstrations and tests (``make demo`` codes them into a DuckDB file for the web
dashboard). Their events are invented, though set among real office holders with
correct terms of office, so the actor stage's time-aware names can be exercised.
Outlet, URLs and datelines are made up (``Communique Wire``, ``example.org``).

The folder holds every input form that ``communique code`` reads:

- ``articles.jsonl``: one JSON document per line (id, published, url, title, source, text);
- ``.txt`` files that start with a `` date 2024-03-14`` line, a ``Date: 2023-11-02`` line,
  or only a wire dateline (``GENEVA, Nov. 25 (Communique Wire) --``).
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_FOLDER = "samples"
SAMPLE_SUFFIXES = (".jsonl", ".txt")


def sample_dir() -> Path:
    """The folder of the bundled samples, found through the installed package.

    importlib.resources finds the folder wherever the package is installed (editable
    checkout, site-packages, a frozen venv), so nothing depends on the working directory.
    """
    folder = files("communique").joinpath(SAMPLE_FOLDER)
    if not isinstance(folder, Path):
        # A zip import gives a Traversable that readers cannot open as a path.
        raise RuntimeError(
            f"communique's sample folder is not on the file system ({folder!r}); "
            "install the package unzipped to use the bundled samples"
        )
    return folder


def sample_paths() -> list[Path]:
    """The bundled sample files (JSONL first, then plain text), sorted by name."""
    paths = [
        path
        for path in sample_dir().iterdir()
        if path.is_file() and path.suffix in SAMPLE_SUFFIXES
    ]
    return sorted(paths, key=lambda path: (SAMPLE_SUFFIXES.index(path.suffix), path.name))
