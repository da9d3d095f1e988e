"""Serve: the analyst's workbench, a web app over the store.

``create_app(store_location, token)`` builds the FastAPI app: a JSON API under
``/api/`` (its OpenAPI schema at ``/api/openapi.json``) and HTML pages for
people. Reading is open; every write needs the token.
"""
from .app import create_app
from .security import load_token

__all__ = ["create_app", "load_token"]
