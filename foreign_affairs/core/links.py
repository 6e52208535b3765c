"""A record's page, for code below the web app (reports, notifications).

The web app declares the pages (``web/registry.py``) and, once loaded, says here how to find a
record's page (``WebConfig.ready`` calls ``set_record_pages``). Code below it asks
``record_url(obj)`` without importing it, so imports run one way: web → reports → core.
"""

from __future__ import annotations

from collections.abc import Callable

_resolver: Callable[[object], str | None] | None = None


def set_record_pages(resolver: Callable[[object], str | None]) -> None:
    """Install the function giving a record's page (the web app's registry)."""
    global _resolver
    _resolver = resolver


def record_url(obj) -> str | None:
    """The page of a register record or a country, or None (no page, or no web app loaded)."""
    return _resolver(obj) if _resolver is not None and obj is not None else None
