"""The figures of a report: for each indicator of the catalogue, the value computed from the
register beside the value an official source published for exactly the same period (DESIGN
§2), with plan fulfilment and the comparison with the same span one year earlier."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse

from foreign_affairs.economy.data import INDICATORS
from foreign_affairs.economy.models import Indicator, Statistic

from .indicators import ComputedSet, Number, Scope, computed_periods
from .periods import Period

CENT = Decimal("0.01")
CATALOGUE_ORDER = {code: position for position, (code, *_rest) in enumerate(INDICATORS)}


def percent(numerator: Number | None, denominator: Number | None) -> Decimal | None:
    """numerator / denominator as a percentage to two decimals (half up); None when undefined."""
    if numerator is None or denominator in (None, 0):
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def change_percent(value: Number | None, previous: Number | None) -> Decimal | None:
    """The change from ``previous`` to ``value`` in per cent of ``previous``."""
    if value is None or previous in (None, 0):
        return None
    return (
        (Decimal(value) - Decimal(previous)) * 100 / abs(Decimal(previous))
    ).quantize(CENT, rounding=ROUND_HALF_UP)


def indicator_catalogue() -> list[Indicator]:
    """Every indicator, in the order of DESIGN §2, then the ones admins added, by code."""
    rows = list(Indicator.objects.all())
    return sorted(rows, key=lambda i: (CATALOGUE_ORDER.get(i.code, len(CATALOGUE_ORDER)), i.code))


def _source(statistic: Statistic) -> dict:
    return {
        "title": statistic.source_title or None,
        "url": statistic.source_url or None,
        "publisher": statistic.source_publisher or None,
        "published_on": statistic.source_published_on.isoformat() if statistic.source_published_on else None,
        "cutoff_on": statistic.cutoff_on.isoformat() if statistic.cutoff_on else None,
        "statistic": statistic.ref,
    }


def _preference(statistic: Statistic) -> tuple:
    """Which published figure a report takes when several sources give one for the same period:
    the most recently published (a later publication corrects an earlier one), then the later
    data cut-off, then the one recorded last."""
    return (
        statistic.source_published_on or date.min,
        statistic.cutoff_on or date.min,
        statistic.pk,
    )


def reported_for_period(period: Period, scope: Scope) -> dict[str, list[Statistic]]:
    """The published figures for exactly this period, per indicator, preferred first. Published
    figures are the province's: a unit's report has none."""
    if not scope.whole_register:
        return {}
    found: dict[str, list[Statistic]] = defaultdict(list)
    rows = Statistic.objects.filter(start=period.start, end=period.end).annotate(code=F("indicator__code"))
    for statistic in rows:
        found[statistic.code].append(statistic)
    for code in found:
        found[code].sort(key=_preference, reverse=True)
    return dict(found)


def part_period_statistics(period: Period, scope: Scope) -> list[Statistic]:
    """Figures published for part of the period (January–October inside the year): listed by
    the report, never taken as the period's value."""
    if not scope.whole_register:
        return []
    rows = (
        Statistic.objects.filter(start__gte=period.start, end__lte=period.end)
        .exclude(start=period.start, end=period.end)
        .select_related("indicator")
        .order_by("indicator__code", "start", "end", "pk")
    )
    return sorted(rows, key=lambda s: (CATALOGUE_ORDER.get(s.indicator.code, 999), s.indicator.code, s.start, s.end))


@dataclass
class Figure:
    """One indicator for one period and scope, with everything DESIGN §2 asks for."""

    code: str
    label: str
    unit: str
    computed_rule: bool
    value: Number | None
    computed: Number | None
    reported: Number | None
    source: dict | None
    plan: Number | None
    fulfilment_pct: Decimal | None
    previous: Number | None
    change_pct: Decimal | None
    alternatives: list[dict]
    breakdown: dict[str, int] | None
    records_url: str | None
    derived_from: tuple[str, ...] = ()

    @property
    def mismatch(self) -> bool:
        """Computed and reported figures both exist and differ."""
        return self.computed is not None and self.reported is not None and Decimal(self.computed) != Decimal(
            self.reported
        )


def _records_url(code: str, period: Period, scope: Scope) -> str:
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    if scope.unit is not None:
        query["unit"] = scope.unit.ref
    return f"{reverse('reports:figure_records', args=[code])}?{urlencode(query)}"


def _value(computed: Number | None, reported: list[Statistic]) -> Number | None:
    return reported[0].value if reported else computed


# Indicators that are the sum of others (DESIGN §2: total = new + adjusted). Without a published
# figure of their own, their value is the sum of their parts' values, so a report whose parts
# were published (the seeds' January–October 2025 FDI) does not show the register's total.
SUMS = {"fdi_total_capital_usd": ("fdi_new_capital_usd", "fdi_adjusted_capital_usd")}


def _sum_of_values(code: str, computed: dict, reported: dict) -> tuple[Number | None, bool]:
    """(value, derived): the sum of the parts' values when a part was published, else (None, False)."""
    parts = SUMS.get(code)
    if not parts or reported.get(code) or not any(reported.get(part) for part in parts):
        return None, False
    values = [_value(_clean(computed.get(part)), reported.get(part, [])) for part in parts]
    if any(v is None for v in values):
        return None, False
    return _clean(sum(Decimal(v) for v in values)), True


def _clean(number: Number | None) -> Number | None:
    """Decimals that are whole numbers as ints, so counts and money read as they are."""
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number


def figures(*, period: Period, scope: Scope, catalogue: list[Indicator] | None = None,
            computed: tuple[ComputedSet, ComputedSet] | None = None) -> dict[str, Figure]:
    """Every indicator of the catalogue for the period and scope: ``value`` is the reported
    figure where a source gave one for exactly this period, else the computed one. A caller
    that already has the catalogue and the computed figures of the period and of the previous
    year (``computed_periods``) passes them in."""
    catalogue = indicator_catalogue() if catalogue is None else catalogue
    codes = [indicator.code for indicator in catalogue]
    previous_period = period.previous_year()
    now, before = computed or computed_periods(scope, [period, previous_period], codes)
    reported_now = reported_for_period(period, scope)
    reported_before = reported_for_period(previous_period, scope)
    result: dict[str, Figure] = {}
    for indicator in catalogue:
        code = indicator.code
        stats = reported_now.get(code, [])
        computed = _clean(now.values.get(code))
        value = _clean(_value(computed, stats))
        previous = _clean(_value(_clean(before.values.get(code)), reported_before.get(code, [])))
        derived, is_derived = _sum_of_values(code, now.values, reported_now)
        if is_derived:
            value = derived
        derived_before, was_derived = _sum_of_values(code, before.values, reported_before)
        if was_derived:
            previous = derived_before
        plan = _clean(stats[0].plan) if stats and stats[0].plan is not None else None
        result[code] = Figure(
            code=code,
            label=indicator.name,
            unit=indicator.unit,
            computed_rule=indicator.computed,
            value=value,
            computed=computed,
            reported=_clean(stats[0].value) if stats else None,
            source=_source(stats[0]) if stats else None,
            plan=plan,
            fulfilment_pct=percent(value, plan),
            previous=previous,
            change_pct=change_percent(value, previous),
            alternatives=[{"value": _clean(s.value), "source": _source(s)} for s in stats[1:]],
            breakdown=now.breakdowns.get(code),
            records_url=_records_url(code, period, scope) if computed is not None else None,
            derived_from=SUMS[code] if is_derived else (),
        )
    return result
