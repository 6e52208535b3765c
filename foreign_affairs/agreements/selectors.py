"""Reads on agreements that depend on the workflow."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from foreign_affairs.core.models import User

from .choices import AgreementStatus
from .models import Agreement

POST_SIGNING_STATUSES = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


def agreement_post_signing_overdue(agreement: Agreement, today: date) -> list[str]:
    """The post-signing duties past their due date and not done: ``report`` (the report on the
    signing) and/or ``mofa_copy`` (the copy to the Ministry of Foreign Affairs)."""
    if agreement.status not in POST_SIGNING_STATUSES or agreement.post_signing_due_on is None:
        return []
    if agreement.post_signing_due_on >= today:
        return []
    late = []
    if agreement.signing_reported_on is None:
        late.append("report")
    if agreement.mofa_copy_on is None:
        late.append("mofa_copy")
    return late


def agreements_post_signing_overdue(*, user: User, today: date) -> QuerySet[Agreement]:
    """Signed agreements whose report on the signing or copy to MOFA is overdue, oldest first."""
    return (
        Agreement.objects.restrict(user, "view")
        .filter(status__in=POST_SIGNING_STATUSES, post_signing_due_on__lt=today)
        .filter(Q(signing_reported_on__isnull=True) | Q(mofa_copy_on__isnull=True))
        .order_by("post_signing_due_on", "pk")
    )
