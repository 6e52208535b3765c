"""The aid and NGO API lists cost a fixed number of queries (baselines in api/tests/query_counts.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.models import Field
from foreign_affairs.core.tests.factories import PartnerFactory, UnitFactory

from .factories import AidDisbursementFactory, AidItemFactory, ForeignNGOFactory, NGOCertificateFactory

pytestmark = pytest.mark.django_db

API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


def make_ngos(n):
    units, fields = [UnitFactory(), UnitFactory()], list(Field.objects.order_by("code")[:2])
    for _ in range(n):
        ngo = ForeignNGOFactory()
        ngo.fields.set(fields)
        ngo.counterpart_units.set(units)


def make_certificates(n):
    ngo = ForeignNGOFactory()
    NGOCertificateFactory.create_batch(n, ngo=ngo)


def make_aid_items(n):
    donor, units, fields = PartnerFactory(kind="ngo"), [UnitFactory(), UnitFactory()], list(Field.objects.all()[:2])
    for _ in range(n):
        item = AidItemFactory(donor=donor, managing_unit=units[0])
        item.beneficiary_units.set(units)
        item.fields.set(fields)
        AidDisbursementFactory.create_batch(2, item=item)


MAKERS = {"foreign-ngos": make_ngos, "ngo-certificates": make_certificates, "aid-items": make_aid_items}


@pytest.mark.parametrize("group", list(MAKERS))
def test_api_list_costs_the_same_for_10_and_60_rows(api, officer, group):
    client = api(officer)
    MAKERS[group](10)
    few, few_rows = list_queries(client, group)
    MAKERS[group](50)
    many, many_rows = list_queries(client, group)
    assert many_rows - few_rows == 50
    assert few == many, f"{group}: {few} queries for {few_rows} rows, {many} for {many_rows}"
    assert many == API_BASELINE.get(group), f"{group}: {many} queries, baseline {API_BASELINE.get(group)}"
