"""Reads on people's records for the period reports: foreign press visits held (BC-01), honours
awarded (KT-01), the latest published figures on the overseas community (NV-01, NV-02, LD-02)
and on the border (BG-01, BG-02), and the border items counted from the register. Plain data
(dicts of str, int, Decimal, date and None) where a report takes figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, QuerySet

from .choices import AwardStatus, VisitStatus
from .models import (
    BORDER_FIGURES,
    OVERSEAS_FIGURES,
    BorderFigure,
    BorderItem,
    HonourAward,
    JournalistVisit,
    OverseasCommunityFigure,
)


def journalist_visits_completed(*, start: date, end: date) -> QuerySet[JournalistVisit]:
    """Foreign press visits that took place (completed) with a start date in the period."""
    return JournalistVisit.objects.filter(status=VisitStatus.COMPLETED, start_on__range=(start, end))


def honours_awarded(*, start: date, end: date) -> dict[str, int]:
    """Honours to foreigners decided or awarded in the period (by decision date), per award
    type, with ``total``."""
    rows = (
        HonourAward.objects.filter(status__in=(AwardStatus.DECIDED, AwardStatus.AWARDED),
                                   decision_on__range=(start, end))
        .order_by()
        .values("award_type")
        .annotate(n=Count("pk"))
    )
    counts = {row["award_type"]: row["n"] for row in rows}
    return {**counts, "total": sum(counts.values())}


def _source(row) -> dict[str, Any]:
    return {"title": row.source_title, "url": row.source_url, "publisher": row.source_publisher,
            "published_on": row.source_published_on}


def _latest(rows, names: tuple[str, ...]) -> dict[str, dict[str, Any] | None]:
    """For each figure, the value of the latest row that gives it (by year, undated rows last),
    with that row's year, source and ref."""
    ordered = sorted(rows, key=lambda row: (row.year is not None, row.year or 0, row.pk), reverse=True)
    latest: dict[str, dict[str, Any] | None] = {}
    for name in names:
        for row in ordered:
            value = getattr(row, name)
            if value is not None:
                entry = {"value": value, "year": row.year, "ref": row.ref, "source": _source(row)}
                if name == "remittances_usd":
                    entry["upper"] = row.remittances_usd_max
                latest[name] = entry
                break
        else:
            latest[name] = None
    return latest


def overseas_community_summary() -> dict[str, dict[str, Any] | None]:
    """The latest published figure for the whole overseas community (rows for all countries):
    ``population``, ``countries``, ``associations``, ``investment_projects``, ``investment_vnd``
    and ``remittances_usd`` (with ``upper`` for a range), each ``{value, year, ref, source}`` or
    None when no source gives it."""
    return _latest(OverseasCommunityFigure.objects.filter(country__isnull=True), OVERSEAS_FIGURES)


def border_summary() -> dict[str, Any]:
    """The border as reports give it: ``published``, the latest published figure for the whole
    border (each ``{value, year, ref, source}`` or None), and ``recorded``, the border items in
    the register counted per kind and, for gates, per class."""
    published = _latest(BorderFigure.objects.filter(opposite_province__isnull=True), BORDER_FIGURES)
    kinds = dict(BorderItem.objects.order_by().values_list("kind").annotate(n=Count("pk")))
    gates = dict(
        BorderItem.objects.filter(kind="border_gate").order_by().values_list("gate_class").annotate(n=Count("pk"))
    )
    return {"published": published, "recorded": {"by_kind": kinds, "gates_by_class": gates}}
