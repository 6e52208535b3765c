"""A report costs a fixed number of queries whatever the number of records behind it, and the
saved reports' API list the same for 10 rows as for 60."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreign_affairs.core.models import Field
from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.economy.tests.factories import CapitalAdjustmentFactory, FDIProjectFactory, ODAProgrammeFactory
from foreign_affairs.reports.models import Report
from foreign_affairs.reports.periods import period_for
from foreign_affairs.reports.selectors import report_build

pytestmark = pytest.mark.django_db

API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


def add_records(n: int, unit) -> None:
    fields = list(Field.objects.filter(code__in=["economic", "political", "cultural"]))
    for index in range(n):
        day = date(2024, 1 + index % 12, 1 + index % 28)
        d = DelegationFactory(host_unit=unit, start_on=day, end_on=day, status="completed", direction="outgoing")
        d.countries.set(["LA", "JP"])
        d.fields.set(fields)
        r = DelegationFactory(host_unit=unit, start_on=day, end_on=day, status="completed", direction="incoming",
                              reception="received", foreign_visitors=3)
        r.countries.set(["KR"])
        AgreementFactory(signed_on=day).units.set([unit])
        e = EventFactory(unit=unit, start_on=day, end_on=day, country_id="LA")
        e.fields.set(fields)
        p = FDIProjectFactory(registered_on=day, investor_country_id="KR")
        CapitalAdjustmentFactory(project=p, date=day)
        ODAProgrammeFactory(start_year=2020, end_year=2030, status="active")


def build_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        report_build(period=period_for("annual", year=2024), lang="en")
    return len(queries)


def test_a_report_costs_the_same_for_few_and_many_records():
    unit = UnitFactory()
    add_records(3, unit)
    few = build_queries()
    add_records(30, unit)
    many = build_queries()
    assert few == many


def test_saved_reports_api_list_costs_the_same_for_10_and_60_rows(api, officer):
    unit = UnitFactory()

    def make(n, offset):
        for index in range(n):
            Report.objects.create(kind="annual", start=date(1900 + offset + index, 1, 1),
                                  end=date(1900 + offset + index, 12, 31), unit=unit)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = api(officer).get("/api/v1/reports/", {"page_size": 1000})
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    make(10, 0)
    few, few_rows = count()
    make(50, 10)
    many, many_rows = count()
    assert (few_rows, many_rows) == (10, 60)
    assert few == many == API_BASELINE["reports"]
