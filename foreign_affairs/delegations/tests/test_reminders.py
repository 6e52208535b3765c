import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from foreign_affairs.core.tests.factories import DelegationFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_overdue_reports_remind_the_unit_and_the_office(make_user, unit_a, settings):
    settings.LANGUAGE_CODE = "en"  # the e-mails' language
    commune = UnitFactory(parent=unit_a)
    DelegationFactory(status="completed", host_unit=commune, report_due_on=datetime.date(2025, 3, 1), title="Late trip")
    DelegationFactory(status="completed", host_unit=commune, report_due_on=datetime.date(2025, 4, 1))  # not yet due
    DelegationFactory(status="reported", host_unit=commune, report_due_on=datetime.date(2025, 2, 1))  # filed
    for name, role, unit in [("office", "officer", None), ("unit", "unit_officer", unit_a),
                             ("elsewhere", "unit_officer", UnitFactory()), ("reader", "viewer", None)]:
        user = make_user(name, role, unit)
        user.email = f"{name}@example.vn"
        user.save()
    out = StringIO()
    call_command("send_reminders", "--today", "2025-03-10", stdout=out)
    assert "2 reminder(s) sent." in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == ["office@example.vn", "unit@example.vn"]
    assert "Late trip" in mail.outbox[0].subject and "9 day(s) late" in mail.outbox[0].body
