"""The `--ray [ADDRESS]` option that `ingest` and `code` share: its help, how an address is
told from an input, and the early check that Ray is installed."""
from __future__ import annotations

import os
from typing import Optional

RAY_OPTION = "--ray"
RAY_HELP = ("Code on Ray: alone, a local Ray on this machine's CPUs; with an ADDRESS (auto, HOST:6379, "
            "ray://HOST:10001), join that cluster. --workers is then the number of coder actors "
            "(default: one per CPU). Needs pip install 'communique[ray]'.")


def _looks_like_address(value: str) -> bool:
    if value.startswith("-"):
        return False
    if value in ("auto", "local") or value.startswith("ray://"):
        return True
    # HOST:PORT, unless it is a file or folder to read (a Windows path never reaches here).
    return ":" in value and not os.path.exists(value)


def expand_ray_flag(args: list[str]) -> list[str]:
    """``--ray`` with no address means a local Ray: write it as ``--ray local`` for the parser
    (Typer options cannot take an optional value). An argument after ``--ray`` that is not
    an address (a file, a folder, another option) is left to be what it is."""
    out: list[str] = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg == RAY_OPTION:
            following = args[i + 1] if i + 1 < len(args) else None
            if following is None or not _looks_like_address(following):
                out.append("local")
    return out


def ray_engine(ray: Optional[str]) -> Optional[str]:
    """Check early that Ray can be imported when it was asked for (one clear line if not)."""
    if ray is None:
        return None
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        from .common import fail

        raise fail("--ray needs Ray: pip install 'communique[ray]'")
    return ray
