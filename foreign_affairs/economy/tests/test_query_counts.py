"""The economy API lists cost a fixed number of queries (baselines in api/tests/query_counts.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, PartnerFactory, UnitFactory

from .factories import (
    AftercareIssueFactory,
    AftercareVisitFactory,
    CapitalAdjustmentFactory,
    FDIProjectFactory,
    InvestmentLeadFactory,
    LeadContactFactory,
    ODADisbursementFactory,
    ODAProgrammeFactory,
    StatisticFactory,
)

pytestmark = pytest.mark.django_db

API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


def make_fdi(n):
    delegation, event = DelegationFactory(), EventFactory()
    for _ in range(n):
        project = FDIProjectFactory(origin_delegation=delegation, origin_event=event)
        CapitalAdjustmentFactory.create_batch(2, project=project)


def make_oda(n):
    for _ in range(n):
        ODADisbursementFactory.create_batch(2, programme=ODAProgrammeFactory())


def make_statistics(n):
    StatisticFactory.create_batch(n)


def make_leads(n):
    unit, partner, delegation, event = UnitFactory(), PartnerFactory(), DelegationFactory(), EventFactory()
    for index in range(n):
        licensed = {"project": FDIProjectFactory(), "stage": "licensed"} if index % 5 == 0 else {}
        lead = InvestmentLeadFactory(owner_unit=unit, partner=partner, origin_delegation=delegation,
                                     origin_event=event, **licensed)
        LeadContactFactory.create_batch(2, lead=lead, unit=unit)


def make_visits(n):
    unit, project = UnitFactory(), FDIProjectFactory()
    for _ in range(n):
        AftercareVisitFactory(project=project, unit=unit)


def make_issues(n):
    unit, visit = UnitFactory(), AftercareVisitFactory()
    for _ in range(n):
        AftercareIssueFactory(project=visit.project, visit=visit, responsible_unit=unit)


MAKERS = {"fdi-projects": make_fdi, "oda-programmes": make_oda, "statistics": make_statistics,
          "investment-leads": make_leads, "aftercare-visits": make_visits, "aftercare-issues": make_issues}


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


def test_indicator_list_costs_a_fixed_number(api, viewer):
    few, _ = list_queries(api(viewer), "indicators", page_size=5)
    many, _ = list_queries(api(viewer), "indicators")
    assert few == many == API_BASELINE.get("indicators"), (few, many)
