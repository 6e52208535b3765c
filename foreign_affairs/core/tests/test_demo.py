"""The Nghe An demo bundle loads cleanly and holds what the seeds name."""

from io import StringIO

import pytest
from django.core.management import call_command

from foreign_affairs.core.models import Province, User
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.economy.models import FDIProject, ODAProgramme, Statistic
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
    # Economy (issue 4): the projects the seeds name, linked to the trip they came from, with no
    # figure the sources do not give; the estimated export figure is flagged as an estimate.
    vsip = FDIProject.objects.get(ref="fdi-vsip-nghe-an-ii")
    assert vsip.origin_delegation.ref == "d-2023-ct-singapore" and vsip.status == "policy_approved"
    assert vsip.location == "Khu công nghiệp Thọ Lộc"
    investors = set(FDIProject.objects.values_list("investor", flat=True))
    for name in ("Foxconn", "Luxshare", "Goertek", "Everwin", "Juteng", "Sunny", "WHA", "VSIP"):
        assert any(name in investor for investor in investors), name
    assert not FDIProject.objects.filter(capital_usd__isnull=False).exists()
    assert not FDIProject.objects.filter(registered_on__isnull=False).exists()
    assert not FDIProject.objects.filter(investor__icontains="Hoang Thinh").exists()  # a Vietnamese company
    assert set(ODAProgramme.objects.values_list("sector", flat=True)) == {
        "Nông nghiệp", "Y tế", "Thoát nước thải", "Hạ tầng giao thông",
    }
    assert not ODAProgramme.objects.filter(total_vnd__isnull=False).exists()
    assert Statistic.objects.get(indicator__code="export_turnover_usd", start__year=2023, value=2450000000).estimated
    assert not Statistic.objects.get(indicator__code="workers_abroad", start__year=2023).estimated
    assert Statistic.objects.filter(indicator__code="ngo_registered").count() == 2
    for model in (FDIProject, ODAProgramme):
        assert not model.objects.filter(notes="").exists()
        assert model.objects.filter(notes__icontains="seeds/").count() == model.objects.count()
    # The sourced bundle carries no illustrative mark but on the programme item it says is one.
    from foreign_affairs.agreements.models import Agreement
    from foreign_affairs.events.models import Event

    for model in (Partner, Delegation, Agreement, Event, FDIProject, ODAProgramme, Statistic):
        assert not model.objects.filter(illustrative=True).exists(), model
    # The unit user works in a real department, the Department of Industry and Trade (issue 10).
    assert User.objects.get(username="unit").unit.ref == "so-cong-thuong"
    # Running it again changes nothing.
    call_command("demo_setup", "demo/nghe-an.yaml", stdout=StringIO())
    assert User.objects.count() == 5


def test_demo_programmes_plans_and_peoples_records_say_where_they_come_from():
    from decimal import Decimal

    from foreign_affairs.people.models import BorderEvent, BorderFigure, BorderItem, OverseasCommunityFigure
    from foreign_affairs.plans.models import Programme, ProgrammeItem
    from foreign_affairs.plans.selectors import programme_fulfilment

    call_command("demo_setup", "demo/nghe-an.yaml", stdout=StringIO())
    # The 2024 programme the sources name, as a draft (no approval published); its one item is
    # illustrative and carries the mark. Plan 134-KH/TU and the 2026 programme, whose tasks and
    # items are illustrative, come with the illustrative part (test_demo_full).
    assert set(Programme.objects.values_list("year", "status")) == {(2024, "draft")}
    assert all(item.notes.startswith("Illustrative") and item.illustrative for item in ProgrammeItem.objects.all())
    assert not Programme.objects.filter(illustrative=True).exists()
    assert programme_fulfilment(Programme.objects.get(year=2024))["fulfilment_pct"] == Decimal("100.00")
    # Published figures with their sources, not invented records.
    border = BorderFigure.objects.get(year=2023)
    assert (border.length_km, border.village_pairs, border.post_pairs) == (Decimal("468.281"), 21, 8)
    assert BorderFigure.objects.filter(markers=116, stakes=6).exists()
    overall = OverseasCommunityFigure.objects.get(population=100000)
    assert overall.countries == 110 and overall.country is None
    assert OverseasCommunityFigure.objects.filter(investment_projects=15, investment_vnd=6_237_080_000_000).exists()
    assert OverseasCommunityFigure.objects.filter(remittances_usd=650_000_000, remittances_usd_max=700_000_000).exists()
    # The gates the sources name, opposite the three Lao provinces.
    assert BorderItem.objects.filter(kind="border_gate").count() == 5
    assert set(BorderItem.objects.exclude(opposite_province=None).values_list("opposite_province__ref", flat=True)) == {
        "p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"}
    for model in (Programme, ProgrammeItem, BorderItem, BorderEvent, BorderFigure, OverseasCommunityFigure):
        assert not model.objects.filter(notes="").exists(), model
    for model in (BorderFigure, OverseasCommunityFigure):
        assert not model.objects.filter(source_title="").exists(), model
