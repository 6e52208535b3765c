"""The Nghe An demo bundle loads cleanly and holds what the seeds name."""

from io import StringIO

import pytest
from django.core.management import call_command

from foreign_affairs.core.models import Province, User
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.partners.models import Partner

pytestmark = pytest.mark.django_db


def test_demo_setup_loads_the_bundle_and_one_login_per_role():
    out = StringIO()
    call_command("demo_setup", "demo/nghe-an.yaml", stdout=out)
    assert "demo-2026-register" in out.getvalue()
    assert Province.current().name_vi == "Nghệ An"
    assert set(User.objects.values_list("role", flat=True)) == {
        "officer",
        "approver",
        "unit_officer",
        "viewer",
        "admin",
    }
    # The Chairman's US trip of November 2023 and its two investment seminars (seeds/000).
    trip = Delegation.objects.get(direction="outgoing", countries="US", start_on__year=2023)
    assert trip.level == "provincial_leader" and trip.events.count() == 2
    # Partners carry their names in their own script.
    assert Partner.objects.filter(country_id="LA", name_native__regex=r"[\u0e80-\u0eff]").count() >= 3
    assert Partner.objects.filter(country_id="KR", name_native__contains="경기").exists()
    # Every record names its source.
    assert not Partner.objects.filter(notes="").exists()
    assert not Delegation.objects.filter(notes="").exists()
    # Running it again changes nothing.
    call_command("demo_setup", "demo/nghe-an.yaml", stdout=StringIO())
    assert User.objects.count() == 5
