"""The web dashboard and HTTP API (FastAPI): ``create_app(store=None, db=None)``."""
from .app import create_app

__all__ = ["create_app"]
