"""Reads on delegations that depend on the workflow."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from foreign_affairs.core.models import User

from .choices import TOOK_PLACE, DelegationStatus
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


def passport_return_due(delegation: Delegation) -> date | None:
    """When the members' official passports are due back: the passport_return rule counted
    from the return (the delegation's end), for a delegation that travelled."""
    from foreign_affairs.core.deadlines import NoRule, deadline

    returned = delegation.end_on or delegation.start_on
    if delegation.status not in TOOK_PLACE or returned is None:
        return None
    try:
        return deadline("passport_return", returned)
    except NoRule:
        return None


def delegation_passports_outstanding(delegation: Delegation) -> int:
    """How many members hold a passport handed out for the trip and not yet handed back."""
    return delegation.member_list.filter(passport_handed_on__isnull=False, passport_returned_on__isnull=True).count()
