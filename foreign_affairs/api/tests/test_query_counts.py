"""Every API list costs a fixed number of queries, whatever the number of rows: the same for 10
rows as for 60 (with links to other records on every row), and exactly the baseline kept in
query_counts.json (NetBox's tenancy/tests/query_counts.json). A change that adds a query per
request must update the baseline on purpose; one that adds a query per row fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreign_affairs.core.models import Field
from foreign_affairs.core.tests.factories import (
    AgreementFactory,
    ContactFactory,
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    InteractionFactory,
    PartnerFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

BASELINE = json.loads((Path(__file__).parent / "query_counts.json").read_text())


def _links():
    unit = UnitFactory()
    partners = [PartnerFactory(), PartnerFactory()]
    fields = list(Field.objects.order_by("code")[:2])
    agreement = AgreementFactory()
    event = EventFactory()
    return unit, partners, fields, agreement, event


def make_units(n, links, user):
    unit = links[0]
    for _ in range(n):
        UnitFactory(parent=unit, successor=unit)


def make_partners(n, links, user):
    for _ in range(n):
        PartnerFactory().fields.set(links[2])


def make_contacts(n, links, user):
    for _ in range(n):
        ContactFactory(partner=links[1][0])


def make_interactions(n, links, user):
    for _ in range(n):
        InteractionFactory(partner=links[1][0], unit=links[0], recorded_by=user)


def make_agreements(n, links, user):
    unit, partners, fields, _agreement, _event = links
    for _ in range(n):
        agreement = AgreementFactory()
        agreement.units.set([unit])
        agreement.partners.set(partners)
        agreement.fields.set(fields)


def make_events(n, links, user):
    unit, partners, fields, _agreement, _event = links
    for _ in range(n):
        event = EventFactory(unit=unit, country_id="LA")
        event.partners.set(partners)
        event.fields.set(fields)


def make_delegations(n, links, user):
    unit, partners, fields, agreement, event = links
    for _ in range(n):
        delegation = DelegationFactory(host_unit=unit)
        delegation.countries.set(["LA", "KH"])
        delegation.partners.set(partners)
        delegation.fields.set(fields)
        delegation.agreements.set([agreement])
        delegation.events.set([event])


def make_members(n, links, user):
    delegation = DelegationFactory()
    for _ in range(n):
        DelegationMemberFactory(delegation=delegation)


MAKERS = {
    "units": make_units,
    "partners": make_partners,
    "contacts": make_contacts,
    "interactions": make_interactions,
    "agreements": make_agreements,
    "events": make_events,
    "delegations": make_delegations,
    "delegation-members": make_members,
}


def list_queries(client, group: str, page_size: int = 1000) -> tuple[int, int]:
    """(queries, rows) of one list request."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/{group}/", {"page_size": page_size})
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("group", list(MAKERS))
def test_list_costs_the_same_for_10_and_60_rows(api, officer, group):
    client = api(officer)
    links = _links()
    MAKERS[group](10, links, officer)
    few, few_rows = list_queries(client, group)
    MAKERS[group](50, links, officer)
    many, many_rows = list_queries(client, group)
    assert many_rows - few_rows == 50
    assert few == many, f"{group}: {few} queries for {few_rows} rows, {many} for {many_rows}"
    assert many == BASELINE[group], f"{group}: {many} queries, baseline {BASELINE[group]}"


@pytest.mark.parametrize("group", ["countries", "fields"])
def test_reference_list_costs_the_same_for_any_page(api, officer, group):
    client = api(officer)
    few, few_rows = list_queries(client, group, page_size=5)
    many, many_rows = list_queries(client, group, page_size=1000)
    assert many_rows > few_rows
    assert few == many == BASELINE[group], f"{group}: {few} and {many} queries, baseline {BASELINE[group]}"


def test_personal_data_list_for_a_reader_without_the_right(api, viewer):
    """A viewer's member list logs nothing, so it costs one query less than an officer's."""
    client = api(viewer)
    links = _links()
    make_members(10, links, viewer)
    few, _ = list_queries(client, "delegation-members")
    make_members(50, links, viewer)
    many, _ = list_queries(client, "delegation-members")
    assert few == many == BASELINE["delegation-members"] - 1

