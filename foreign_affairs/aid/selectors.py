"""Reads on non-ODA aid and foreign NGOs: certificates about to expire, aid whose start is
overdue, and the NGO figures of the indicator catalogue (research/domain.md §5 NGO-01..03)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from .choices import CERTIFICATE_IN_FORCE, AidStatus, NGOStatus
from .models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate


def _scoped(model, user) -> QuerySet:
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def certificate_expiring_list(*, today: date, days: int, user=None) -> QuerySet:
    """Certificates in force that expire in the next ``days`` days (today included), soonest
    first: the NGOs that must renew to keep working in the province."""
    return (
        _scoped(NGOCertificate, user)
        .filter(status__in=CERTIFICATE_IN_FORCE, expires_on__range=(today, today + timedelta(days=days)))
        .select_related("ngo__partner")
        .order_by("expires_on", "pk")
    )


def certificate_in_force_q(on: date) -> Q:
    """Certificates in force on ``on``: issued (or amended, extended), started and not expired."""
    return (
        Q(status__in=CERTIFICATE_IN_FORCE)
        & (Q(issued_on__isnull=True) | Q(issued_on__lte=on))
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=on))
    )


def ngo_registered_list(*, on: date, user=None) -> QuerySet:
    """NGO-01: foreign NGOs registered to operate in the province on ``on``: operating, with a
    certificate in force that day."""
    in_force = NGOCertificate.objects.filter(certificate_in_force_q(on)).values("ngo")
    return _scoped(ForeignNGO, user).filter(status=NGOStatus.OPERATING, pk__in=in_force)


def aid_start_overdue_list(*, today: date, user=None) -> QuerySet:
    """Approved aid that has not started by its start deadline (the approval may be revoked)."""
    return _scoped(AidItem, user).filter(status=AidStatus.APPROVED, start_deadline__lt=today).order_by(
        "start_deadline", "pk"
    )


def aid_figures(*, start: date, end: date, user=None) -> dict[str, Decimal | int]:
    """NGO-02 and NGO-03 over a closed period: aid items approved (by approval date) and the USD
    they commit, per modality too; and the USD disbursed (by disbursement date)."""
    approved = _scoped(AidItem, user).filter(approved_on__range=(start, end))
    by_modality = {
        row["modality"]: row["n"]
        for row in approved.values("modality").order_by().annotate(n=Count("pk"))
    }
    disbursed = AidDisbursement.objects.filter(
        date__range=(start, end), item__in=_scoped(AidItem, user).values("pk")
    ).aggregate(total=Sum("amount_usd"))["total"]
    return {
        "aid_approved_items": approved.count(),
        "aid_approved_projects": by_modality.get("project", 0) + by_modality.get("programme", 0),
        "aid_approved_non_projects": by_modality.get("non_project", 0) + by_modality.get("emergency", 0),
        "aid_approved_usd": approved.aggregate(total=Sum("committed_usd"))["total"] or Decimal(0),
        "aid_disbursed_usd": disbursed or Decimal(0),
    }
