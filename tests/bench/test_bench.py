"""The bench's own code on a tiny data set: the generator writes what its scale says, the same
rows every time; the hand-written floor equals the engine's computed figures; the batched
engine equals the engine one rule at a time; link tables read in chunks give the same report."""

import hashlib
import json
from datetime import date
from decimal import Decimal

import pytest

from bench import national
from bench.floor import compare, floor
from foreign_affairs.core.models import Unit
from foreign_affairs.reports.indicators import (
    RULES,
    Scope,
    computed_all,
    computed_all_by_rule,
    computed_periods,
    exact_money,
)
from foreign_affairs.reports.periods import period_for
from foreign_affairs.reports.selectors import report_build

pytestmark = [pytest.mark.django_db, pytest.mark.bench]

SCALE = national.TINY
PERIODS = [period_for("annual", year=2024), period_for("quarterly", year=2024, quarter=1),
           period_for("six_month", year=2023, half=2)]


@pytest.fixture
def tiny():
    return national.generate(SCALE, log=lambda *_: None)


def scopes():
    return [None, Unit.objects.get(ref=national.province_ref(0)), Unit.objects.get(ref=national.province_ref(1)),
            Unit.objects.get(ref=f"{national.province_ref(0)}-u00")]


def test_generator_writes_what_the_scale_says_and_the_same_rows_every_time(tiny):
    s = SCALE
    counts = national.table_counts()
    assert counts["core_unit"] == s.provinces * (1 + s.units_per_province)
    assert counts["partners_partner"] == s.provinces * s.partners_per_province
    assert counts["delegations_delegation"] == s.provinces * len(s.years) * s.delegations_per_province_year
    assert counts["events_event"] == s.provinces * len(s.years) * s.events_per_province_year
    assert counts["agreements_agreement"] == s.provinces * len(s.years) * s.agreements_per_province_year
    assert counts["economy_fdiproject"] == s.fdi_projects
    assert counts["economy_odaprogramme"] == s.oda_programmes
    assert counts["consular_consularcase"] == s.consular_cases
    assert counts["economy_capitaladjustment"] > 0 and counts["economy_statistic"] > 0
    assert counts["delegations_delegation_countries"] >= counts["delegations_delegation"]
    # Every status, both directions, both receptions, negative adjustments.
    from foreign_affairs.delegations.models import Delegation
    from foreign_affairs.economy.models import CapitalAdjustment

    assert {"completed", "reported", "evaluated", "draft", "approved"} <= set(
        Delegation.objects.values_list("status", flat=True))
    assert set(Delegation.objects.exclude(reception="").values_list("reception", flat=True)) == {"received",
                                                                                                 "permitted"}
    assert CapitalAdjustment.objects.filter(delta_usd__lt=0).exists()
    assert national.meta_read() == national.meta_expected(SCALE)
    # Seeded: the same rows on every run and every database (bump GENERATOR_VERSION and this
    # digest together when the generator changes).
    rows = Delegation.objects.order_by("pk").values_list("ref", "direction", "status", "start_on", "host_unit_id")
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:16]
    assert digest == DELEGATIONS_DIGEST


DELEGATIONS_DIGEST = "9623e7f0f42532c9"


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: f"{p.start}-{p.end}")
def test_the_floor_equals_the_reports_computed_figures(tiny, period):
    for unit in scopes():
        scope = Scope.for_unit(unit)
        report = report_build(period=period, unit=unit, lang="en")
        previous = computed_all(scope, period.previous_year(), list(report["indicators"])).values
        assert compare(floor(scope.unit_ids, period), report, previous_computed=previous) == []


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: f"{p.start}-{p.end}")
def test_batched_figures_equal_the_rules_one_by_one(tiny, period):
    codes = [*RULES, "export_turnover_usd"]
    for unit in scopes():
        scope = Scope.for_unit(unit)
        batched, _before = computed_periods(scope, [period, period.previous_year()], codes)
        single = computed_all_by_rule(scope, period, codes)
        assert batched.values == single.values
        assert batched.breakdowns == {code: dict(sorted(split.items())) for code, split in single.breakdowns.items()}


def _dump(document: dict) -> str:
    return json.dumps({**document, "generated_at": None}, ensure_ascii=False, default=str)


def test_money_sums_are_exact_to_the_cent():
    # SQLite sums decimals as floating point: 741271974955.071 for a sum of cents.
    assert exact_money(Decimal("741271974955.071")) == Decimal("741271974955.07")
    assert exact_money(Decimal("1500100")) == Decimal("1500100.00")
    assert exact_money(7) == 7


def test_money_sums_from_the_database_are_exact(db):
    from foreign_affairs.economy.models import FDIProject

    capitals = [Decimal(f"{4_000_000_000 + i * 7_919}.{(i * 37) % 100:02d}") for i in range(300)]
    FDIProject.objects.bulk_create([FDIProject(ref=f"f{i}", name=f"P{i}", registered_on=date(2024, 3, 1),
                                               capital_usd=c) for i, c in enumerate(capitals)])
    value = RULES["fdi_new_capital_usd"].value(Scope(), period_for("annual", year=2024))
    assert value == sum(capitals)
    assert computed_all(Scope(), period_for("annual", year=2024), ["fdi_new_capital_usd"]).values[
        "fdi_new_capital_usd"] == sum(capitals)


def test_whole_numbers_are_written_as_babel_writes_them():
    import random

    from foreign_affairs.reports import formatting as fmt
    from foreign_affairs.reports.selectors import whole_number_text

    rng = random.Random(7)
    values = [0, 1, 999, 1000, 1_298_000_000, 2**63, *[rng.randrange(10 ** rng.randint(1, 16)) for _ in range(500)]]
    for value in values:
        for lang in ("vi", "en"):
            assert whole_number_text(value, lang) == fmt.number(value, lang)
    assert whole_number_text(Decimal("1.5"), "vi") == fmt.number(Decimal("1.5"), "vi")
    assert whole_number_text(-5, "en") == fmt.number(-5, "en")


def test_link_tables_read_in_chunks_give_the_same_report(tiny, monkeypatch):
    from foreign_affairs.reports import selectors

    unit = Unit.objects.get(ref=national.province_ref(0))
    whole = _dump(report_build(period=PERIODS[0], unit=unit, lang="vi"))
    monkeypatch.setattr(selectors, "LINK_CHUNK", 7)
    monkeypatch.setattr(selectors, "_link_chunk", lambda: selectors.LINK_CHUNK)
    assert _dump(report_build(period=PERIODS[0], unit=unit, lang="vi")) == whole
