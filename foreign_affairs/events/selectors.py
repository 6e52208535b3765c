"""Reads on events that depend on the permit workflow."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from foreign_affairs.core.models import User

from .choices import EventStatus
from .models import Event


def event_report_overdue(event: Event, today: date) -> bool:
    """A held event whose post-event report is past its due date and not filed."""
    return event.status == EventStatus.HELD and event.report_due_on is not None and event.report_due_on < today


def events_report_overdue(*, user: User, today: date) -> QuerySet[Event]:
    """Held events whose post-event report is overdue, oldest first."""
    return (
        Event.objects.restrict(user, "view")
        .filter(status=EventStatus.HELD, report_due_on__lt=today)
        .order_by("report_due_on", "pk")
    )
