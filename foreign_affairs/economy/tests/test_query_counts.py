"""The economy API lists cost a fixed number of queries (baselines in api/tests/query_counts.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory

from .factories import (
    CapitalAdjustmentFactory,
    FDIProjectFactory,
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


MAKERS = {"fdi-projects": make_fdi, "oda-programmes": make_oda, "statistics": make_statistics}


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
