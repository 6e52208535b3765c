"""Reads on economic-diplomacy records: the figures of DESIGN §2 computed from FDI and ODA
records, the published figures for a period, the investment pipeline (leads awaiting an answer,
leads by stage) and aftercare issues still open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from .choices import ISSUE_OPEN, LEAD_CLOSED, FDIStatus, LeadStage, ODAStatus
from .models import AftercareIssue, CapitalAdjustment, FDIProject, InvestmentLead, ODAProgramme, Statistic


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


def _scoped(model, user) -> QuerySet:
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def lead_overdue_q(today: date) -> Q:
    """Leads still open whose answer to the investor was due before ``today`` and not given."""
    return (
        ~Q(stage__in=LEAD_CLOSED) & Q(response_due_on__lt=today) & Q(responded_on__isnull=True)
    )


def lead_overdue_list(*, today: date, user=None) -> QuerySet:
    """Open leads whose response is overdue, the longest overdue first."""
    return _scoped(InvestmentLead, user).filter(lead_overdue_q(today)).order_by("response_due_on", "pk")


def lead_pipeline(*, user=None) -> dict[str, int]:
    """How many leads stand at each stage (every stage listed, zero included)."""
    counts = {
        row["stage"]: row["n"]
        for row in _scoped(InvestmentLead, user).values("stage").order_by().annotate(n=Count("pk"))
    }
    return {stage: counts.get(stage, 0) for stage in LeadStage.values}


def aftercare_open_issue_list(*, user=None) -> QuerySet:
    """Issues raised by operating investors that are not resolved or closed, oldest first."""
    return (
        _scoped(AftercareIssue, user)
        .filter(status__in=ISSUE_OPEN)
        .select_related("project", "responsible_unit")
        .order_by("raised_on", "pk")
    )


def fdi_stock(*, on: date) -> dict[str, Decimal | int]:
    """FDI-05: projects registered by ``on`` and not terminated, and their capital with the
    adjustments dated by then (a project without a registration date is not counted)."""
    active = FDIProject.objects.filter(registered_on__lte=on).exclude(status=FDIStatus.TERMINATED)
    capital = active.aggregate(total=Sum("capital_usd"))["total"] or Decimal(0)
    adjusted = CapitalAdjustment.objects.filter(project__in=active, date__lte=on).aggregate(
        total=Sum("delta_usd")
    )["total"] or Decimal(0)
    return {"fdi_active_projects": active.count(), "fdi_active_capital_usd": capital + adjusted}


def fdi_by_country(*, start: date, end: date) -> list[dict]:
    """FDI-06: new and adjusted capital of the period per investor country (USD), largest first;
    projects without a country come last under ``None``."""
    totals: dict[str | None, dict] = {}
    for row in (
        FDIProject.objects.filter(registered_on__range=(start, end)).values("investor_country")
        .order_by().annotate(n=Count("pk"), capital=Sum("capital_usd"))
    ):
        entry = totals.setdefault(row["investor_country"], {"new_projects": 0, "capital_usd": Decimal(0)})
        entry["new_projects"] += row["n"]
        entry["capital_usd"] += row["capital"] or Decimal(0)
    for row in (
        CapitalAdjustment.objects.filter(date__range=(start, end)).values("project__investor_country")
        .order_by().annotate(total=Sum("delta_usd"))
    ):
        entry = totals.setdefault(row["project__investor_country"], {"new_projects": 0, "capital_usd": Decimal(0)})
        entry["capital_usd"] += row["total"] or Decimal(0)
    rows = [{"country": code, **values} for code, values in totals.items()]
    return sorted(rows, key=lambda row: (row["country"] is None, -row["capital_usd"], row["country"] or ""))
