"""Reads on economic-diplomacy records: the figures of DESIGN §2 computed from FDI and ODA
records, and the published figures for a period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from .choices import ODAStatus
from .models import CapitalAdjustment, FDIProject, ODAProgramme, Statistic


def fdi_figures(*, start: date, end: date) -> dict[str, Decimal | int]:
    """fdi_new_projects, fdi_new_capital_usd, fdi_adjusted_projects, fdi_adjusted_capital_usd and
    fdi_total_capital_usd over a closed period (projects by registration date, adjustments by
    their own date; a negative adjustment lowers the sum)."""
    new = FDIProject.objects.filter(registered_on__range=(start, end))
    adjustments = CapitalAdjustment.objects.filter(date__range=(start, end))
    new_capital = new.aggregate(total=Sum("capital_usd"))["total"] or Decimal(0)
    adjusted_capital = adjustments.aggregate(total=Sum("delta_usd"))["total"] or Decimal(0)
    return {
        "fdi_new_projects": new.count(),
        "fdi_new_capital_usd": new_capital,
        "fdi_adjusted_projects": adjustments.values("project").distinct().count(),
        "fdi_adjusted_capital_usd": adjusted_capital,
        "fdi_total_capital_usd": new_capital + adjusted_capital,
    }


def oda_active_list(*, start: date, end: date):
    """ODA programmes active in any part of the period: their years overlap it and they are not
    cancelled (a programme without years is not counted)."""
    return ODAProgramme.objects.exclude(status=ODAStatus.CANCELLED).filter(
        Q(start_year__lte=end.year) & (Q(end_year__gte=start.year) | Q(end_year__isnull=True))
    )


def oda_figures(*, start: date, end: date) -> dict[str, int]:
    active = oda_active_list(start=start, end=end)
    return {
        "oda_active_programmes": active.count(),
        "oda_total_investment_vnd": active.aggregate(total=Sum("total_vnd"))["total"] or 0,
    }


def statistic_list(*, indicator: str, start: date, end: date):
    """Published figures for exactly this indicator and period (one per source), oldest source first."""
    return Statistic.objects.filter(indicator__code=indicator, start=start, end=end).order_by(
        "source_published_on", "pk"
    )
