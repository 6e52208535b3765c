"""Orderings by a record's name in the reader's language (web-only helper)."""

from __future__ import annotations

from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf


def localized(prefix: str, lang: str, path: str = ""):
    """Order by ``<path><prefix>_vi`` in Vietnamese (``_en`` in English), falling back to the
    other language where the first is empty, as ``BilingualNameMixin.localized`` displays it."""
    first, second = ("en", "vi") if (lang or "vi").startswith("en") else ("vi", "en")
    return Coalesce(NullIf(F(f"{path}{prefix}_{first}"), Value("")), F(f"{path}{prefix}_{second}"))
