"""The command line: a thin layer over the library (pipeline, store, analysis, export, web).

Every command has --help with an example. No coding or query logic lives here: each module
holds the commands of one concern and registers them on the one ``app``.
"""
from . import alerts, coding, demo, serve, store, watch  # noqa: F401  (registers the commands)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    import sys

    from .scaling import expand_ray_flag

    app(args=expand_ray_flag(sys.argv[1:]))
