"""send_reminders (daily cron): in-app notifications beside the e-mails, never the same reminder
twice on one day, again the next day while the report is still late."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from foreign_affairs.core.tests.factories import DelegationFactory
from foreign_affairs.notifications.models import Notification

pytestmark = pytest.mark.django_db


def run(day: str) -> str:
    out = StringIO()
    call_command("send_reminders", "--today", day, stdout=out)
    return out.getvalue()


@pytest.fixture
def late(unit_a):
    return DelegationFactory(status="completed", host_unit=unit_a, report_due_on=datetime.date(2025, 3, 1),
                             title="Late trip")


def test_reminders_notify_in_app_too(late, officer, unit_officer_a, unit_officer_b, viewer, with_email):
    with_email(officer)  # unit_officer_a has no address: notified in the app only
    output = run("2025-03-10")
    assert "1 reminder(s) sent." in output and "2 notification(s) created." in output
    assert sorted(n.recipient.username for n in Notification.objects.select_related("recipient")) == [
        "officer", "unit_officer_a"]
    notification = Notification.objects.get(recipient=unit_officer_a)
    assert notification.message == "The report of “Late trip” was due on 1 Mar 2025 and is 9 day(s) late."
    assert notification.url == f"/delegations/{late.pk}/"
    assert [m.to for m in mail.outbox] == [["officer@example.vn"]]
    assert "9 day(s) late" in mail.outbox[0].body and f"/delegations/{late.pk}/" in mail.outbox[0].body


def test_running_twice_on_one_day_sends_nothing_new(late, officer, unit_officer_a, with_email):
    with_email(officer)
    with_email(unit_officer_a)
    run("2025-03-10")
    output = run("2025-03-10")
    assert "0 reminder(s) sent." in output and "0 notification(s) created." in output
    assert len(mail.outbox) == 2
    assert Notification.objects.count() == 2
    # The next day it is still late: one more reminder each.
    assert "2 reminder(s) sent." in run("2025-03-11")
    assert Notification.objects.count() == 4


def test_a_reminder_the_mail_server_refused_goes_out_on_the_next_run(late, officer, with_email, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    with_email(officer)
    working = EmailBackend.send_messages

    def refused(self, messages):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(EmailBackend, "send_messages", refused)
    with pytest.raises(ConnectionRefusedError):
        run("2025-03-10")
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1  # the in-app one is there
    monkeypatch.setattr(EmailBackend, "send_messages", working)
    assert "1 reminder(s) sent." in run("2025-03-10")
    assert "0 reminder(s) sent." in run("2025-03-10")
    assert Notification.objects.count() == 1
