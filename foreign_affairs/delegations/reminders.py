"""Reminders of overdue post-trip reports, by e-mail (console backend unless SMTP is set)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q

from foreign_affairs.core.choices import Role
from foreign_affairs.core.models import User
from foreign_affairs.core.selectors import unit_ancestors

from .choices import DelegationStatus
from .models import Delegation


def report_reminder_recipients(delegation: Delegation) -> list[User]:
    """Who must hear that a report is late: the officers of the host unit (and the units above
    it), and the foreign-affairs office's officers."""
    units = [delegation.host_unit, *unit_ancestors(delegation.host_unit)] if delegation.host_unit else []
    return list(
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(role=Role.OFFICER) | Q(role=Role.UNIT_OFFICER, unit__in=units))
        .order_by("username")
    )


def report_reminders_send(*, today: date) -> int:
    """E-mail one reminder per overdue report and recipient; returns the number of e-mails sent.
    Meant to run daily from cron (`python manage.py send_reminders`)."""
    overdue = (
        Delegation.objects.filter(status=DelegationStatus.COMPLETED, report_due_on__lt=today)
        .select_related("host_unit")
        .order_by("report_due_on")
    )
    messages = []
    for delegation in overdue:
        days = (today - delegation.report_due_on).days
        subject = f"[Foreign Affairs Register] Report overdue: {delegation.title}"
        body = (
            f"The report of the delegation “{delegation.title}” was due on "
            f"{delegation.report_due_on:%d/%m/%Y} and is {days} day(s) late.\n"
            f"Host unit: {delegation.host_unit or '-'}\n"
            f"File it on the delegation's page: /delegations/{delegation.pk}/\n"
        )
        for user in report_reminder_recipients(delegation):
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
