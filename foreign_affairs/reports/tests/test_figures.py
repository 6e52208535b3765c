"""Every indicator of DESIGN §2 on a province's bundle: the computed rule, the reported figure
for exactly the period, plan fulfilment, the same span a year earlier, and unit scope."""

from datetime import date

import pytest
from django.utils import translation

from foreign_affairs.core.bundle.importer import import_bundle
from foreign_affairs.core.bundle.io import parse_bundle_text
from foreign_affairs.core.models import Unit
from foreign_affairs.reports.periods import Period, period_for
from foreign_affairs.reports.selectors import report_build

from .bundle import REPORT_BUNDLE

pytestmark = pytest.mark.django_db

YEAR_2024 = period_for("annual", year=2024)


@pytest.fixture
def province():
    result = import_bundle(parse_bundle_text(REPORT_BUNDLE))
    assert not result.errors, result.errors


def indicators(period=YEAR_2024, unit=None, lang="en"):
    return report_build(period=period, unit=unit, lang=lang)["indicators"]


def trio(figure):
    return figure["value"], figure["computed"], figure["reported"]


def test_delegation_counts_follow_took_place_reception_and_permit_date(province):
    f = indicators()
    # d1 and d2 took place in 2024; d3 only approved; d4 in 2025.
    assert trio(f["delegations_out"]) == (2, 2, None)
    # Reported 5 for the year: the value is the published one, the register's 1 is beside it.
    assert trio(f["delegations_out_leaders"]) == (5, 1, 5)
    assert f["delegations_out_leaders"]["mismatch"] is True
    assert f["delegations_out_leaders"]["source"]["title"] == "Provincial year-end report 2024"
    # d6 and d7 took place and were received; d8 has not come yet.
    assert trio(f["delegations_in_received"]) == (2, 2, None)
    assert trio(f["foreign_visitors_received"]) == (20, 20, None)
    # By permit date: d10 (permitted 30/12/2024, visit in 2025); d9's permit is of 2023; d11 was refused.
    assert trio(f["delegations_in_permitted"]) == (1, 1, None)
    assert f["delegations_out"]["breakdown"] == {"state": 1, "party": 1}


def test_agreements_events_fdi_oda_and_cases(province):
    f = indicators()
    assert trio(f["agreements_signed"]) == (1, 1, None)
    assert trio(f["events_held"]) == (2, 2, None)
    assert f["events_held"]["breakdown"] == {"conference": 1, "cultural": 1}
    # Two sources for the year: the later publication (2) is taken, the other is kept beside it.
    assert trio(f["fdi_new_projects"]) == (2, 2, 2)
    assert f["fdi_new_projects"]["source"]["title"] == "Final figures"
    assert [alt["value"] for alt in f["fdi_new_projects"]["alternatives"]] == [3]
    assert f["fdi_new_projects"]["mismatch"] is False
    assert trio(f["fdi_new_capital_usd"]) == (1250000.5, 1250000.5, None)
    # f2 (two adjustments, one negative) and f3 (adjusted on its registration day).
    assert trio(f["fdi_adjusted_projects"]) == (2, 2, None)
    assert trio(f["fdi_adjusted_capital_usd"]) == (1500100, 1500100, None)
    assert trio(f["fdi_total_capital_usd"]) == (2750100.5, 2750100.5, None)
    # o1 runs through 2024; o2 is cancelled; o3 starts in 2025; o4 ended in 2023.
    assert trio(f["oda_active_programmes"]) == (1, 1, None)
    assert trio(f["oda_total_investment_vnd"]) == (100, 100, None)
    assert trio(f["consular_cases_opened"]) == (1, 1, None)


def test_reported_only_figures_plan_fulfilment_previous_and_change(province):
    f = indicators()
    export = f["export_turnover_usd"]
    assert trio(export) == (1200000000, None, 1200000000)
    assert (export["plan"], export["fulfilment_pct"]) == (1000000000, 120.0)
    assert (export["previous"], export["change_pct"]) == (1000000000, 20.0)
    # The ten-month figure does not fill the year.
    assert trio(f["workers_abroad"]) == (None, None, None)
    total = f["fdi_total_capital_usd"]
    # 2023: f2's 5,000,000 registered; (2,750,100.50 - 5,000,000) / 5,000,000 = -44.998 %.
    assert (total["previous"], total["change_pct"]) == (5000000, -45.0)
    oda = f["oda_active_programmes"]
    assert (oda["previous"], oda["change_pct"]) == (2, -50.0)
    assert f["delegations_in_permitted"]["previous"] == 1  # d9, permitted in December 2023
    assert f["delegations_out"]["previous"] == 1
    assert f["delegations_out"]["change_pct"] == 100.0


def test_every_indicator_carries_every_contract_field(province):
    f = indicators()
    from foreign_affairs.economy.data import INDICATORS

    assert list(f)[: len(INDICATORS)] == [code for code, *_ in INDICATORS]
    for code, figure in f.items():
        for key in ("value", "computed", "reported", "source", "plan", "fulfilment_pct", "previous", "change_pct"):
            assert key in figure, (code, key)


def test_a_part_year_figure_fills_the_report_of_exactly_its_period_and_is_listed_in_the_year(province):
    ten_months = Period(start=date(2024, 1, 1), end=date(2024, 10, 31), kind="annual")
    workers = indicators(ten_months)["workers_abroad"]
    assert trio(workers) == (5000, None, 5000)
    assert (workers["plan"], workers["fulfilment_pct"]) == (4000, 125.0)
    assert workers["source"]["url"] == "https://example.org/10m"
    year = report_build(period=YEAR_2024, lang="en")
    assert [(s["indicator"], s["end"], s["value"]) for s in year["published_part_year"]] == [
        ("workers_abroad", "2024-10-31", 5000)
    ]


def test_a_unit_report_counts_its_subtree_and_its_predecessors_only(province):
    commune = Unit.objects.get(ref="u-commune")
    f = indicators(unit=commune)
    assert trio(f["delegations_out"]) == (1, 1, None)  # d2
    # d7 was hosted by the old district that the commune succeeded.
    assert trio(f["delegations_in_received"]) == (1, 1, None)
    assert trio(f["foreign_visitors_received"]) == (8, 8, None)
    assert trio(f["delegations_in_permitted"]) == (1, 1, None)  # d10
    assert trio(f["events_held"]) == (1, 1, None)  # e2
    # Published figures are the province's; FDI projects and ODA programmes carry no unit.
    assert trio(f["delegations_out_leaders"]) == (0, 0, None)
    assert trio(f["fdi_new_projects"]) == (None, None, None)
    assert f["fdi_new_projects"]["records_url"] is None
    dept = Unit.objects.get(ref="u-dept")
    assert trio(indicators(unit=dept)["agreements_signed"]) == (1, 1, None)


def test_previous_year_of_a_period_ending_on_a_month_end():
    period = Period(start=date(2025, 1, 1), end=date(2025, 2, 28))
    assert period.previous_year() == Period(start=date(2024, 1, 1), end=date(2024, 2, 29))
    leap = Period(start=date(2024, 2, 29), end=date(2024, 3, 15))
    assert leap.previous_year() == Period(start=date(2023, 2, 28), end=date(2023, 3, 15))


def test_period_labels_and_kinds():
    with translation.override("en"):
        assert period_for("annual", year=2023).label() == "the year 2023"
        assert period_for("six_month", year=2025, half=1).label() == "the first six months of 2025"
        assert period_for("quarterly", year=2024, quarter=3).label() == "quarter III/2024"
        assert period_for("monthly", year=2025, month=10).label() == "month 10/2025"
        assert Period(date(2025, 1, 1), date(2025, 10, 31)).label() == "the first 10 months of 2025"
        assert period_for("quarterly", year=2024, quarter=3).end == date(2024, 9, 30)


def test_the_records_behind_a_figure_are_exactly_those_it_counts(province, client, officer):
    f = indicators()
    client.force_login(officer)
    response = client.get(f["foreign_visitors_received"]["records_url"], HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    titles = [obj.title for obj, _url in response.context["rows"]]
    assert titles == ["Received by leaders", "Received in the old district"]
    response = client.get(f["fdi_adjusted_projects"]["records_url"])
    assert sorted(obj.ref for obj, _url in response.context["rows"]) == ["f2", "f3"]
