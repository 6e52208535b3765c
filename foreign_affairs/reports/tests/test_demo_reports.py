"""With the Nghe An demo loaded, the 2023 report and the January–October 2025 report give the
figures the seeds publish, each with its source (issue: reports in seconds)."""

from datetime import date
from pathlib import Path

import pytest

from foreign_affairs.core.bundle import import_bundle, load_bundle_file
from foreign_affairs.reports.periods import Period, period_for
from foreign_affairs.reports.selectors import report_build

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[3] / "demo" / "nghe-an.yaml"
SEED_2023 = "Báo Nghệ An: Nghe An's foreign affairs activities in 2023 are vibrant and effective"
SEED_2025 = "Báo Nghệ An: Nghe An continues to innovate and strengthen foreign affairs on all three pillars"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        result = import_bundle(load_bundle_file(DEMO))
        assert result.ok, result.errors
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", "--noinput", verbosity=0)


def values(period):
    return report_build(period=period, lang="en")["indicators"]


def test_the_2023_report_gives_the_seeds_figures_with_their_source(demo):
    f = values(period_for("annual", year=2023))
    expected = {
        "delegations_out_leaders": 16, "delegations_in_received": 40, "foreign_visitors_received": 606,
        "workers_abroad": 18639, "export_turnover_usd": 2450000000, "fdi_new_projects": 15,
        "fdi_adjusted_projects": 10, "fdi_total_capital_usd": 1298000000, "oda_active_programmes": 11,
        "oda_total_investment_vnd": 9620000000000,
    }
    for code, value in expected.items():
        assert f[code]["value"] == value, code
        assert f[code]["source"]["title"] == SEED_2023, code
    assert f["workers_abroad"]["fulfilment_pct"] == 128.54
    # The other source's whole-year 1.603 billion is kept beside it, not lost.
    assert [alt["value"] for alt in f["fdi_total_capital_usd"]["alternatives"]] == [1603000000]


def test_the_january_october_2025_report_gives_the_seeds_fdi_figures(demo):
    f = values(Period(start=date(2025, 1, 1), end=date(2025, 10, 31), kind="annual"))
    assert (f["fdi_new_projects"]["value"], f["fdi_new_capital_usd"]["value"]) == (19, 301900000)
    assert (f["fdi_adjusted_projects"]["value"], f["fdi_adjusted_capital_usd"]["value"]) == (15, 675300000)
    for code in ("fdi_new_projects", "fdi_new_capital_usd", "fdi_adjusted_projects", "fdi_adjusted_capital_usd"):
        assert f[code]["source"]["title"] == SEED_2025
    # Not published as such: the sum of its published parts.
    total = f["fdi_total_capital_usd"]
    assert (total["value"], total["reported"], total["derived_from"]) == (
        977200000, None, ["fdi_new_capital_usd", "fdi_adjusted_capital_usd"])


def test_the_2025_report_gives_the_year_figures_and_lists_the_ten_month_ones(demo):
    report = report_build(period=period_for("annual", year=2025), lang="en")
    f = report["indicators"]
    assert [f[c]["value"] for c in ("delegations_out", "delegations_out_leaders", "delegations_in_received",
                                    "delegations_in_permitted")] == [59, 15, 14, 99]
    assert f["fdi_new_projects"]["reported"] is None
    part = {(s["indicator"], s["end"]): s["value"] for s in report["published_part_year"]}
    assert part[("fdi_new_projects", "2025-10-31")] == 19
