"""Effectiveness of trips: cost against what followed, linked and in the window counted apart and
never twice, trips without a cost listed apart, exact numbers; the pages, CSV and query counts."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, PartnerFactory, UnitFactory
from foreign_affairs.economy.tests.factories import FDIProjectFactory
from foreign_affairs.reports.effectiveness import (
    _lead_model,
    add_months,
    sort_trips,
    trip_effectiveness,
    trips_ranked,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trips(unit_a):
    """Two Korean trips and one to Laos, with what followed them on every edge of the rules."""
    gyeonggi, gwangju, vientiane = PartnerFactory(country_id="KR"), PartnerFactory(country_id="KR"), PartnerFactory()
    korea = DelegationFactory(title="Korea 2023", start_on=date(2023, 3, 1), end_on=date(2023, 3, 6),
                              cost_vnd=500_000_000, budget_vnd=600_000_000, host_unit=unit_a, level="provincial_leader")
    korea.countries.set(["KR"])
    korea.partners.set([gyeonggi, gwangju])
    laos = DelegationFactory(title="Laos 2023", start_on=date(2023, 9, 1), end_on=date(2023, 9, 3),
                             budget_vnd=100_000_000, host_unit=unit_a)
    laos.countries.set(["LA"])
    laos.partners.set([vientiane])
    japan = DelegationFactory(title="Japan 2024 (no cost)", start_on=date(2024, 5, 1), end_on=date(2024, 5, 3),
                              host_unit=unit_a)
    japan.countries.set(["JP"])
    # Not counted anywhere: planned, incoming.
    DelegationFactory(title="Not yet gone", status="approved", start_on=date(2023, 4, 1), cost_vnd=1, host_unit=unit_a)
    DelegationFactory(title="Incoming", direction="incoming", reception="received", start_on=date(2023, 4, 2),
                      host_unit=unit_a)

    signed_on_trip = AgreementFactory(title_en="MOU signed in Suwon", signed_on=date(2023, 3, 3))
    signed_on_trip.partners.set([gyeonggi])
    signed_on_trip.units.set([unit_a])
    korea.agreements.add(signed_on_trip)
    unsigned_linked = AgreementFactory(title_en="Linked, never signed", signed_on=None, status="drafting")
    korea.agreements.add(unsigned_linked)
    later = AgreementFactory(title_en="Gwangju programme", signed_on=date(2024, 6, 1))  # in the 24-month window
    later.partners.set([gwangju])
    too_late = AgreementFactory(title_en="Gwangju renewal", signed_on=date(2025, 3, 7))  # one day after the window
    too_late.partners.set([gwangju])
    elsewhere = AgreementFactory(title_en="Signed on another trip", signed_on=date(2023, 10, 1))
    elsewhere.partners.set([gyeonggi])
    laos.agreements.add(elsewhere)  # linked to the Laos trip: not Korea's "in the window"

    FDIProjectFactory(name="Linked plant", origin_delegation=korea, investor_country_id="KR",
                      registered_on=date(2023, 12, 1), capital_usd=Decimal("20000000"))
    FDIProjectFactory(name="Korean plant in window", investor_country_id="KR", registered_on=date(2024, 1, 15),
                      capital_usd=Decimal("5000000.50"))
    FDIProjectFactory(name="Korean plant before the trip", investor_country_id="KR", registered_on=date(2023, 2, 28),
                      capital_usd=Decimal("7000000"))
    FDIProjectFactory(name="Korean plant of the Laos trip", investor_country_id="KR", origin_delegation=laos,
                      registered_on=date(2024, 2, 1), capital_usd=Decimal("3000000"))
    FDIProjectFactory(name="Lao plant", investor_country_id="LA", registered_on=date(2023, 10, 1),
                      capital_usd=None)
    return {"korea": korea, "laos": laos, "japan": japan}


def test_add_months_keeps_the_day_or_takes_the_month_end():
    assert add_months(date(2023, 3, 6), 24) == date(2025, 3, 6)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)


def test_what_followed_a_trip_linked_and_in_the_window(trips):
    effect = trip_effectiveness(trips["korea"], window_months=24)
    assert effect.window_start == date(2023, 3, 1)
    assert effect.returned_on == date(2023, 3, 6)
    assert effect.window_end == date(2025, 3, 6)
    assert effect.cost_vnd == 500_000_000 and effect.cost_basis == "actual"
    assert [a.title_en for a in effect.agreements_linked] == ["MOU signed in Suwon"]
    assert [a.title_en for a in effect.agreements_in_window] == ["Gwangju programme"]
    assert effect.agreements == 2
    assert effect.cost_per_agreement_vnd == Decimal("250000000.00")
    assert [p.name for p in effect.fdi_linked] == ["Linked plant"]
    assert [p.name for p in effect.fdi_in_window] == ["Korean plant in window"]
    assert effect.fdi_linked_capital_usd == Decimal("20000000")
    assert effect.fdi_in_window_capital_usd == Decimal("5000000.50")
    assert effect.fdi_capital_usd == Decimal("25000000.50")
    # 25,000,000.50 USD for 500 million VND: 50,000.00 USD per million VND; linked only: 40,000.
    assert effect.fdi_usd_per_million_vnd == Decimal("50000.00")
    assert effect.linked_fdi_usd_per_million_vnd == Decimal("40000.00")
    assert effect.leads == 0
    assert effect.leads_available is (_lead_model() is not None)


def test_investment_leads_count_when_the_register_keeps_them(trips):
    model = _lead_model()
    if model is None:
        pytest.skip("this installation keeps no investment leads")
    korea = trips["korea"]
    partner = korea.partners.order_by("pk").first()
    model.objects.create(name="Linked lead", investor="K Co", origin_delegation=korea)
    model.objects.create(name="Lead from a partner visited", investor="G Co", partner=partner,
                         received_on=date(2024, 2, 1))
    model.objects.create(name="Lead after the window", investor="G Co", partner=partner,
                         received_on=date(2025, 4, 1))
    effect = trip_effectiveness(korea, window_months=24)
    assert [lead.name for lead in effect.leads_linked] == ["Linked lead"]
    assert [lead.name for lead in effect.leads_in_window] == ["Lead from a partner visited"]
    assert effect.leads == 2


def test_a_shorter_window_drops_what_came_later(trips):
    effect = trip_effectiveness(trips["korea"], window_months=6)
    assert effect.window_end == date(2023, 9, 6)
    assert effect.agreements_in_window == []
    assert effect.fdi_in_window == []
    assert [p.name for p in effect.fdi_linked] == ["Linked plant"]  # linked counts whatever its date


def test_budget_stands_in_for_a_missing_cost_and_is_flagged(trips):
    effect = trip_effectiveness(trips["laos"], window_months=24)
    assert effect.cost_vnd == 100_000_000 and effect.cost_basis == "budget"
    assert [a.title_en for a in effect.agreements_linked] == ["Signed on another trip"]
    assert [p.name for p in effect.fdi_linked] == ["Korean plant of the Laos trip"]
    assert [p.name for p in effect.fdi_in_window] == ["Lao plant"]
    assert effect.fdi_in_window_capital_usd == 0
    assert effect.fdi_usd_per_million_vnd == Decimal("30000.00")


def test_trips_ranked_puts_trips_without_a_cost_apart(trips, unit_a):
    ranked = trips_ranked(start=date(2023, 1, 1), end=date(2024, 12, 31), unit=None, window_months=24,
                          sort="fdi_per_vnd")
    assert [e.delegation.title for e in ranked.with_cost] == ["Korea 2023", "Laos 2023"]
    assert [e.delegation.title for e in ranked.without_cost] == ["Japan 2024 (no cost)"]
    by_cost_per_agreement = trips_ranked(start=None, end=None, window_months=24, sort="cost_per_agreement")
    # Laos: 100 million for 1 agreement; Korea: 250 million each. Cheapest first.
    assert [e.delegation.title for e in by_cost_per_agreement.with_cost] == ["Laos 2023", "Korea 2023"]
    reversed_order = sort_trips(by_cost_per_agreement.with_cost, "cost_per_agreement", descending=True)
    assert [e.delegation.title for e in reversed_order] == ["Korea 2023", "Laos 2023"]
    only_2024 = trips_ranked(start=date(2024, 1, 1), end=date(2024, 12, 31), window_months=24)
    assert only_2024.with_cost == [] and [e.delegation.title for e in only_2024.without_cost] == [
        "Japan 2024 (no cost)"]
    assert trips_ranked(start=None, end=None, unit=UnitFactory(), window_months=24).with_cost == []
    assert trips_ranked(start=None, end=None, window_months=24, pillar="party").with_cost == []
    assert len(trips_ranked(start=None, end=None, window_months=24, pillar="state").with_cost) == 2


def test_unit_officer_counts_only_agreements_it_may_read(trips, unit_officer_a, unit_officer_b):
    effect = trip_effectiveness(trips["korea"], window_months=24, user=unit_officer_a)
    # The signed MOU is unit A's; the Gwangju programme names no unit, so unit A cannot read it.
    assert [a.title_en for a in effect.agreements_linked] == ["MOU signed in Suwon"]
    assert effect.agreements_in_window == []
    assert trips_ranked(start=None, end=None, user=unit_officer_b, window_months=24).with_cost == []


def test_effectiveness_page_lists_and_exports_the_ranking(client, officer, trips):
    client.force_login(officer)
    response = client.get("/reports/effectiveness/", {"year": 2023, "sort": "fdi_per_vnd"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Korea 2023") < body.index("Laos 2023")
    assert "Japan 2024" not in body  # a 2024 trip, outside the year asked for
    response = client.get("/reports/effectiveness/", {"year": 2023, "csv": "ranked"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[1]
    korea = dict(zip(header, rows[2], strict=True))
    assert korea["Delegation"] == "Korea 2023"
    assert korea["Cost (VND)"] == "500000000" and korea["Cost basis"] == "actual cost"
    assert korea["Agreements linked"] == "1" and korea["Agreements with partners in window"] == "1"
    assert korea["Linked FDI capital (USD)"] == "20000000.00"
    assert korea["Same-country FDI capital (USD)"] == "5000000.50"
    assert korea["FDI USD per million VND"] == "50000.00"
    laos = dict(zip(header, rows[3], strict=True))
    assert laos["Cost basis"] == "budget (no actual cost recorded)"
    assert len(rows) == 4


def test_trip_page_shows_the_records_counted(client, officer, trips):
    client.force_login(officer)
    response = client.get(f"/reports/effectiveness/{trips['korea'].pk}/", {"window": 24}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("MOU signed in Suwon", "Gwangju programme", "Linked plant", "Korean plant in window"):
        assert name in body
    for name in ("Gwangju renewal", "Korean plant before the trip", "Korean plant of the Laos trip"):
        assert name not in body
    response = client.get(f"/reports/effectiveness/{trips['korea'].pk}/", {"window": 24, "csv": "records"},
                          HTTP_ACCEPT_LANGUAGE="en")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[2] for r in rows[2:]] == ["MOU signed in Suwon", "Gwangju programme", "Linked plant",
                                        "Korean plant in window"]


def test_trip_page_is_404_outside_the_unit_scope(client, unit_officer_b, trips):
    client.force_login(unit_officer_b)
    assert client.get(f"/reports/effectiveness/{trips['korea'].pk}/").status_code == 404


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


def _add_trips(n: int, partner, offset: int) -> None:
    for index in range(n):
        trip = DelegationFactory(start_on=date(2023, 1 + index % 12, 1), end_on=date(2023, 1 + index % 12, 2),
                                 cost_vnd=10_000_000 * (index + 1))
        trip.countries.set(["KR", "JP"])
        trip.partners.set([partner])
        agreement = AgreementFactory(signed_on=date(2023, 6, 1))
        agreement.partners.set([partner])
        trip.agreements.add(AgreementFactory(signed_on=date(2023, 1 + index % 12, 1)))
        FDIProjectFactory(origin_delegation=trip, ref=f"fdi-q-{offset}-{index}")
        FDIProjectFactory(investor_country_id="JP", registered_on=date(2023, 8, 1), ref=f"fdi-w-{offset}-{index}")


def test_ranking_costs_the_same_queries_for_few_and_many_trips(client, officer):
    partner = PartnerFactory(country_id="KR")
    client.force_login(officer)
    _add_trips(2, partner, 0)
    trips_ranked(start=None, end=None, window_months=24, user=officer)  # the user's permissions, cached once
    few = _queries(lambda: trips_ranked(start=None, end=None, window_months=24, user=officer))
    few_page = _queries(lambda: client.get("/reports/effectiveness/"))
    _add_trips(30, partner, 1)
    many = _queries(lambda: trips_ranked(start=None, end=None, window_months=24, user=officer))
    many_page = _queries(lambda: client.get("/reports/effectiveness/"))
    assert few == many
    assert few_page == many_page
