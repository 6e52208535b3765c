"""Relationship health: last leader-level exchange, exchanges a year, agreements in force and
expiring, open follow-ups, round anniversaries, dormant partners first; the page, its filters,
CSV and a fixed number of queries."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from foreign_affairs.core.tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    InteractionFactory,
    PartnerFactory,
)
from foreign_affairs.reports.relationships import relationship_health, years_later

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def english():
    """The rules' messages are compared as written in English."""
    with translation.override("en"):
        yield

TODAY = date(2025, 6, 15)


@pytest.fixture
def partners():
    a = PartnerFactory(name_en="Houaphanh Province", relationship="special_traditional", since=date(2000, 6, 20))
    b = PartnerFactory(name_en="Dormant by level", relationship="dormant", country_id="JP", kind="enterprise")
    c = PartnerFactory(name_en="Never met", relationship="cooperation", country_id="KR")
    d = PartnerFactory(name_en="Quiet since 2022", relationship="twinning", country_id="KR")

    def trip(partner, **kw):
        delegation = DelegationFactory(**kw)
        delegation.partners.set([partner])
        return delegation

    trip(a, start_on=date(2024, 3, 1), end_on=date(2024, 3, 3), level="provincial_leader", status="reported")
    trip(a, direction="incoming", reception="received", start_on=date(2025, 1, 10), end_on=date(2025, 1, 11),
         level="provincial_leader", status="evaluated")
    trip(a, start_on=date(2025, 5, 1), end_on=date(2025, 5, 2), level="unit", status="completed")
    trip(a, start_on=date(2025, 7, 1), end_on=date(2025, 7, 2), level="provincial_leader", status="approved")
    trip(a, start_on=date(2025, 3, 1), end_on=date(2025, 3, 2), level="provincial_leader", status="cancelled")
    EventFactory(start_on=date(2023, 5, 5), end_on=date(2023, 5, 5)).partners.set([a])
    InteractionFactory(partner=a, date=date(2025, 2, 2))
    InteractionFactory(partner=a, date=date(2025, 8, 1))  # not yet: left out
    InteractionFactory(partner=b, date=date(2025, 1, 1))
    EventFactory(start_on=date(2022, 1, 1), end_on=date(2022, 1, 1)).partners.set([d])

    def agreement(**kw):
        item = AgreementFactory(**kw)
        item.partners.set([a])
        return item

    agreement(title_en="Expiring MOU", status="in_force", signed_on=date(2015, 9, 1), valid_from=date(2020, 1, 1),
              valid_until=date(2025, 10, 1))
    agreement(title_en="Open-ended programme", status="in_force", signed_on=date(2020, 6, 16), valid_until=None)
    agreement(title_en="Lapsed but in force", status="in_force", signed_on=date(2019, 1, 1),
              valid_until=date(2025, 1, 1))
    agreement(title_en="Not yet valid", status="in_force", signed_on=date(2025, 6, 1), valid_from=date(2025, 7, 1))
    agreement(title_en="Draft", status="drafting", signed_on=None)
    agreement(title_en="Terminated", status="terminated", signed_on=date(2010, 7, 1))
    return {"a": a, "b": b, "c": c, "d": d}


def test_years_later_handles_29_february():
    assert years_later(date(2020, 2, 29), 5) == date(2025, 2, 28)
    assert years_later(date(2020, 2, 29), 4) == date(2024, 2, 29)


def test_health_of_one_partner(partners):
    rows = {r.partner.name_en: r for r in relationship_health(today=TODAY)}
    a = rows["Houaphanh Province"]
    assert a.last_leader_exchange == date(2025, 1, 10)  # incoming counts too; planned and cancelled do not
    assert a.last_exchange == date(2025, 5, 1)
    assert a.exchanges_by_year == {2023: 1, 2024: 1, 2025: 3}
    assert a.exchanges_total == 5
    assert a.active_agreements == 2  # the expiring MOU and the open-ended programme
    assert a.expiring_agreements == 1 and a.next_expiry == date(2025, 10, 1)
    assert a.reports_outstanding == 1  # the May trip is completed, not reported
    assert a.agreements_in_preparation == 1
    assert a.open_followups == 2
    assert [(x.on, x.years, x.kind) for x in a.anniversaries] == [
        (date(2025, 6, 16), 5, "agreement"),
        (date(2025, 6, 20), 25, "relationship"),
        (date(2025, 9, 1), 10, "agreement"),
    ]
    assert a.dormant is False


def test_dormant_partners_come_first_with_the_reason(partners):
    with_reasons = [(r.partner.name_en, r.dormant, r.dormant_reason)
                    for r in relationship_health(today=TODAY, dormant_after_years=2)]
    assert with_reasons == [
        ("Never met", True, "No exchange recorded"),
        ("Quiet since 2022", True, "No exchange for more than 2 years"),
        ("Dormant by level", True, "Marked dormant"),
        ("Houaphanh Province", False, ""),
    ]
    longer = {r.partner.name_en: r.dormant for r in relationship_health(today=TODAY, dormant_after_years=4)}
    assert longer["Quiet since 2022"] is False


def test_unit_officer_counts_only_what_it_may_read(partners, unit_officer_a):
    row = next(r for r in relationship_health(today=TODAY, user=unit_officer_a) if r.partner.pk == partners["a"].pk)
    # The delegations, events and agreements carry no unit of unit A; the interactions are shared.
    assert row.exchanges_by_year == {2025: 1}
    assert row.last_leader_exchange is None
    assert row.active_agreements == 0


def test_relationships_page_filters_and_exports(client, officer, partners, settings):
    client.force_login(officer)
    response = client.get("/reports/relationships/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="/partners/{partners["a"].pk}/"' in body
    assert body.index("Never met") < body.index("Houaphanh Province")
    response = client.get("/reports/relationships/", {"country": "KR"}, HTTP_ACCEPT_LANGUAGE="en")
    names = [r.partner.name_en for r in response.context["rows"]]
    assert names == ["Never met", "Quiet since 2022"]
    response = client.get("/reports/relationships/", {"relationship": "dormant"})
    assert [r.partner.name_en for r in response.context["rows"]] == ["Dormant by level"]
    response = client.get("/reports/relationships/", {"kind": "enterprise"})
    assert [r.partner.name_en for r in response.context["rows"]] == ["Dormant by level"]
    response = client.get("/reports/relationships/", {"only": "dormant"})
    assert len(response.context["rows"]) == 3

    response = client.get("/reports/relationships/", {"csv": "partners"}, HTTP_ACCEPT_LANGUAGE="en")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[1]
    assert header[:6] == ["Partner", "Country", "Relationship", "Dormant", "Last leader-level exchange",
                          "Last exchange"]
    assert [r[0] for r in rows[2:]] == ["Never met", "Quiet since 2022", "Dormant by level", "Houaphanh Province"]


def test_relationship_health_costs_the_same_for_few_and_many_partners(partners):
    def count():
        with CaptureQueriesContext(connection) as queries:
            relationship_health(today=TODAY)
        return len(queries)

    few = count()
    for index in range(25):
        partner = PartnerFactory(since=date(2000 + index % 20, 6, 20))
        DelegationFactory(start_on=date(2024, 1, 1 + index % 28), level="provincial_leader").partners.set([partner])
        InteractionFactory(partner=partner, date=date(2025, 1, 1))
        AgreementFactory(status="in_force", signed_on=date(2015, 6, 20)).partners.set([partner])
    assert count() == few == 13
