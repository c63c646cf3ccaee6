"""The web UI and REST API (``newsxray serve``): ``create_app(db=...)`` builds the FastAPI app."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
