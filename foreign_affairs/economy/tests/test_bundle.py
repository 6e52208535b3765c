"""The economy sections of a bundle: round trip, identity of statistics, and bad input."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from foreign_affairs.core.bundle import dump_bundle, export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.economy.models import CapitalAdjustment, FDIProject, ODAProgramme, Statistic

from .bundle_data import ECONOMY_YAML

pytestmark = pytest.mark.django_db
SECTIONS = ["fdi_projects", "oda_programmes", "statistics"]


@pytest.fixture
def bundle():
    return parse_bundle_text(ECONOMY_YAML)


def test_round_trip_is_lossless(bundle):
    assert import_bundle(bundle).ok
    project = FDIProject.objects.get(ref="fdi-hanil")
    assert project.capital_usd == Decimal("120000000.50")
    assert [a.delta_usd for a in project.adjustments.all()] == [Decimal("30000000"), Decimal("-5000000.25")]
    assert project.origin_delegation.ref == "d-seoul" and project.estimated
    assert ODAProgramme.objects.get().disbursements.count() == 2
    assert Statistic.objects.filter(indicator__code="fdi_total_capital_usd").count() == 2  # two sources kept
    assert Statistic.objects.get(indicator__code="export_turnover_usd").estimated
    assert not Statistic.objects.get(ref="stat-workers-2023").estimated

    first = export_bundle(sections=SECTIONS)
    text = dump_bundle(first)
    again = import_bundle(parse_bundle_text(text))
    assert again.ok and again.created["statistics"] == 0
    assert again.unchanged == {**again.unchanged, "fdi_projects": 2, "oda_programmes": 1, "statistics": 4}
    assert export_bundle(sections=SECTIONS) == first
    # Statistics without a ref are written without one; a given ref is kept.
    assert [item.get("estimated") for item in first["statistics"]].count(True) == 1  # written only when true
    refs = [item.get("ref") for item in first["statistics"]]
    assert refs.count(None) == 3 and "stat-workers-2023" in refs
    assert first["fdi_projects"][0]["capital_usd"] == 120000000.5
    assert first["fdi_projects"][1] == {
        "ref": "fdi-no", "name": "Nhà máy Na Uy", "investor_country": "NO", "registered_on": "2023-01-05",
        "capital_usd": 0, "status": "licensed",
    }


def test_statistic_without_ref_is_updated_by_indicator_period_and_source(bundle):
    assert import_bundle(bundle).ok
    bundle["statistics"][1]["value"] = 1300000000
    result = import_bundle(bundle)
    assert result.ok and result.created["statistics"] == 0
    assert Statistic.objects.count() == 4
    changed = Statistic.objects.get(indicator__code="fdi_total_capital_usd", source_title="Báo Thử 27/11/2023")
    assert changed.value == Decimal("1300000000")


def test_same_statistic_twice_without_ref_is_refused(bundle):
    bundle["statistics"].append(copy.deepcopy(bundle["statistics"][1]))
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [
        "statistics[4] (-): -: the same indicator, period and source as statistics[1]; give each a ref"
    ]
    assert not Statistic.objects.exists()


BAD = [
    ("fdi_projects", 0, {"capital_usd": -5},
     "fdi_projects[0] (fdi-hanil): capital_usd: registered capital cannot be negative (got -5)"),
    ("fdi_projects", 0, {"investor_country": "XX"},
     "fdi_projects[0] (fdi-hanil): investor_country: unknown country code 'XX'"),
    ("fdi_projects", 0, {"registered_on": "2024-13-01"},
     "fdi_projects[0] (fdi-hanil): registered_on: malformed date '2024-13-01'; expected YYYY-MM-DD"),
    ("fdi_projects", 0, {"capital_usd": "lots"},
     "fdi_projects[0] (fdi-hanil): capital_usd: expected a number, got text 'lots'"),
    ("fdi_projects", 0, {"jobs": "many"},
     "fdi_projects[0] (fdi-hanil): jobs: expected a whole number, got text 'many'"),
    ("fdi_projects", 0, {"status": "open"},
     "fdi_projects[0] (fdi-hanil): status: unknown code 'open'; expected one of: policy_approved, licensed,"
     " operating, suspended, terminated"),
    ("oda_programmes", 0, {"start_year": 2026, "end_year": 2021},
     "oda_programmes[0] (oda-water): end_year: An ODA programme cannot end before it starts."),
    ("oda_programmes", 0, {"total_vnd": "1,5 nghìn tỷ"},
     "oda_programmes[0] (oda-water): total_vnd: expected a whole number, got text '1,5 nghìn tỷ'"),
    ("statistics", 0, {"indicator": "gdp_growth"}, "statistics[0] (-): indicator: unknown indicator 'gdp_growth'"),
    ("statistics", 0, {"source": None},
     "statistics[0] (-): source: A statistic without a source is refused: give the source's title."),
    ("statistics", 0, {"source": {"url": "https://example.org"}},
     "statistics[0] (-): source: A statistic without a source is refused: give the source's title."),
    ("statistics", 0, {"value": "2,45 tỷ"}, "statistics[0] (-): value: expected a number, got text '2,45 tỷ'"),
    ("statistics", 0, {"end": "2022-12-31"},
     "statistics[0] (-): end: A statistic's period cannot end before it starts."),
    ("statistics", 0, {"start": "01/01/2023"},
     "statistics[0] (-): start: malformed date '01/01/2023'; expected YYYY-MM-DD"),
    ("statistics", 0, {"estimated": "yes"}, "statistics[0] (-): estimated: expected true or false, got text 'yes'"),
]


@pytest.mark.parametrize(("section", "index", "change", "line"), BAD, ids=[b[3].split(": ", 1)[1] for b in BAD])
def test_bad_input_is_refused_with_one_line(bundle, section, index, change, line):
    bundle[section][index].update(change)
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [line]
    assert not FDIProject.objects.exists() and not Statistic.objects.exists()


def test_negative_adjustment_is_allowed_but_text_is_not(bundle):
    bundle["fdi_projects"][0]["adjustments"][0]["delta_usd"] = "thirty"
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [
        "fdi_projects[0] (fdi-hanil): adjustments[0].delta_usd: expected a number, got text 'thirty'"
    ]
    assert not CapitalAdjustment.objects.exists()
