"""Reads on delegations that depend on the workflow."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from foreign_affairs.core.models import User

from .choices import DelegationStatus
from .models import Delegation


def delegations_report_overdue(*, user: User, today: date) -> QuerySet[Delegation]:
    """Delegations back home whose report is past its due date and not yet filed, oldest first:
    visible to everyone concerned (the unit, the office, the leaders) until it is filed."""
    return (
        Delegation.objects.restrict(user, "view")
        .filter(status=DelegationStatus.COMPLETED, report_due_on__lt=today)
        .select_related("host_unit")
        .order_by("report_due_on")
    )


def delegation_is_overdue(delegation: Delegation, today: date) -> bool:
    return (
        delegation.status == DelegationStatus.COMPLETED
        and delegation.report_due_on is not None
        and delegation.report_due_on < today
    )
