"""Reminders of overdue post-trip reports: an in-app notification and an e-mail (console
backend unless SMTP is set) to everyone concerned, once a day per report and person."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from django.db.models import Q

from foreign_affairs.core.choices import Role
from foreign_affairs.core.models import User
from foreign_affairs.core.selectors import unit_ancestors

from .choices import DelegationStatus
from .models import Delegation


class RemindersSent(NamedTuple):
    emails: int
    notifications: int


def report_reminder_recipients(delegation: Delegation) -> list[User]:
    """Who must hear that a report is late: the officers of the host unit (and the units above
    it), and the foreign-affairs office's officers."""
    units = [delegation.host_unit, *unit_ancestors(delegation.host_unit)] if delegation.host_unit else []
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(role=Role.OFFICER) | Q(role=Role.UNIT_OFFICER, unit__in=units))
        .order_by("username")
    )


def report_reminders_send(*, today: date) -> RemindersSent:
    """Remind of every overdue report: one notification per report, recipient and day (running
    twice on the same day sends nothing new), e-mailed to those with an address. Meant to run
    daily from cron (`python manage.py send_reminders`)."""
    from foreign_affairs.notifications.models import Notification
    from foreign_affairs.notifications.services import notifications_create, notifications_email

    overdue = (
        Delegation.objects.filter(status=DelegationStatus.COMPLETED, report_due_on__lt=today)
        .select_related("host_unit")
        .order_by("report_due_on", "pk")
    )
    emails = notifications = 0
    for delegation in overdue:
        key = f"report_overdue:{delegation.pk}:{today.isoformat()}"
        created = notifications_create(
            recipients=report_reminder_recipients(delegation),
            verb="report_overdue",
            record=delegation,
            params={"due_on": delegation.report_due_on.isoformat(), "days": (today - delegation.report_due_on).days},
            key=key,
        )
        notifications += len(created)
        # Today's reminders not yet e-mailed: the new ones, and any an earlier run could not send
        # (the mail server was down); one that went out is never sent again.
        unsent = Notification.objects.filter(key=key, emailed_at__isnull=True).select_related("recipient")
        emails += notifications_email(notifications=unsent, fail_silently=False)
    return RemindersSent(emails=emails, notifications=notifications)
