"""The computed side of the indicator catalogue (DESIGN §2): for each indicator, which records
are behind it and how they add up, over a closed period and a scope (the province, or one
unit's subtree).

One rule per indicator, written once and used twice: ``value()`` for the figure and
``records()`` for the list a figure links to, so the list always holds exactly the records the
figure counts. Indicators whose records carry no unit (FDI projects, ODA programmes, consular
cases today) are not attributable to a unit: a unit's report gives them no computed value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum

from foreign_affairs.core.models import Unit
from foreign_affairs.core.selectors import unit_subtree_ids
from foreign_affairs.events.choices import EVENT_HELD

from .periods import Period

Number = int | Decimal

# A delegation "took place" in these states (DESIGN §4).
TOOK_PLACE = ("completed", "reported", "evaluated")
# A permit was granted: the incoming delegation was not refused, withdrawn or still undecided.
NOT_PERMITTED = ("draft", "proposed", "rejected", "withdrawn")
# An event counts once it was held (events.choices.EVENT_HELD); bundles without a status import
# their events as held.


@dataclass(frozen=True)
class Scope:
    """Whose records a figure counts: the whole register (``unit`` None) or one unit's subtree,
    including the units it succeeded (districts merged in 2025 still count for their successor)."""

    unit: Unit | None = None
    unit_ids: frozenset[int] | None = None

    @classmethod
    def for_unit(cls, unit: Unit | None) -> Scope:
        if unit is None:
            return cls()
        return cls(unit=unit, unit_ids=frozenset(unit_subtree_with_predecessors(unit)))

    @property
    def whole_register(self) -> bool:
        return self.unit is None

    def queryset(self, model) -> QuerySet | None:
        """The model's records in scope; None when the model's records carry no unit and the
        scope is a unit (the figure cannot be attributed)."""
        qs = model._default_manager.all()
        if self.unit is None:
            return qs
        lookup = getattr(model, "unit_scope", None)
        if not lookup:
            return None
        if _is_many(model, lookup):
            # Straight from the link table: the records some unit in scope is a party to.
            link = model._meta.get_field(lookup)
            parties = link.remote_field.through._default_manager.filter(
                **{f"{link.m2m_reverse_field_name()}__in": self.unit_ids})
            return qs.filter(pk__in=parties.values(link.m2m_field_name()))
        if "__" in lookup:
            return qs.filter(pk__in=model._default_manager.filter(**{f"{lookup}__in": self.unit_ids}).values("pk"))
        return qs.filter(**{f"{lookup}__in": self.unit_ids})


def _is_many(model, name: str) -> bool:
    try:
        return model._meta.get_field(name).many_to_many
    except Exception:  # noqa: BLE001 - an unknown name is not a many-to-many field
        return False


def unit_subtree_with_predecessors(unit: Unit) -> set[int]:
    """The unit, the units below it, and every unit whose successor chain leads into them."""
    found = unit_subtree_ids(unit)
    frontier = set(found)
    while frontier:
        older = set(Unit.objects.filter(successor_id__in=frontier).exclude(pk__in=found).values_list("pk", flat=True))
        below: set[int] = set()
        for pk in older:
            below |= unit_subtree_ids(pk)
        frontier = (older | below) - found
        found |= frontier
    return found


def _model(label: str):
    return apps.get_model(label)


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


@dataclass(frozen=True)
class Rule:
    """How one computed indicator is obtained.

    ``model`` holds the records listed behind the figure; ``where`` narrows them to the period;
    ``total`` turns them into the figure (None: count them). ``breakdown`` names a field the
    figure is also split by (events per kind). ``date_field`` names the date ``where`` always
    bounds by the period (None: no single date), so batched queries can narrow by it first.
    """

    code: str
    model: str
    where: Callable[[Period], Q]
    total: Callable[[QuerySet], Number] | None = None
    breakdown: str | None = None
    pillar_field: str | None = None
    fields_lookup: str | None = None
    order_by: tuple[str, ...] = ()
    date_field: str | None = None

    def base(self, scope: Scope) -> QuerySet | None:
        return scope.queryset(_model(self.model))

    def records(self, scope: Scope, period: Period, *, pillar: str | None = None,
                field_code: str | None = None) -> QuerySet | None:
        qs = self.base(scope)
        if qs is None:
            return None
        qs = qs.filter(self.where(period))
        if pillar and self.pillar_field:
            qs = qs.filter(**{self.pillar_field: pillar})
        if field_code and self.fields_lookup:
            qs = qs.filter(pk__in=_model(self.model)._default_manager.filter(
                **{self.fields_lookup: field_code}).values("pk"))
        return qs.order_by(*self.order_by) if self.order_by else qs

    def value(self, scope: Scope, period: Period, **narrow) -> Number | None:
        qs = self.records(scope, period, **narrow)
        if qs is None:
            return None
        if self.total is None:
            return qs.count()
        return self.total(qs)

    def split(self, scope: Scope, period: Period) -> dict[str, int] | None:
        if not self.breakdown:
            return None
        qs = self.records(scope, period)
        if qs is None:
            return None
        rows = qs.order_by().values(self.breakdown).annotate(n=Count("pk"))
        return {row[self.breakdown]: row["n"] for row in rows}


def exact_money(total, places: int = 2):
    """A sum of money to the field's smallest unit. SQLite keeps decimals as floating point and
    sums them so (741271974955.071 for a sum of cents); PostgreSQL sums exactly, and there this
    changes nothing."""
    if isinstance(total, float):
        total = Decimal(repr(total))
    if isinstance(total, Decimal):
        return total.quantize(Decimal(1).scaleb(-places))
    return total


def _places(qs: QuerySet, field_name: str) -> int | None:
    return getattr(qs.model._meta.get_field(field_name), "decimal_places", None)


def _sum(field_name: str) -> Callable[[QuerySet], Decimal | int]:
    def total(qs: QuerySet):
        value = qs.aggregate(total=Sum(field_name))["total"] or 0
        places = _places(qs, field_name)
        return exact_money(value, places) if places is not None else value

    return total


def _events_held(period: Period) -> Q:
    q = Q(start_on__range=(period.start, period.end))
    if _has_field(_model("events.Event"), "status"):
        q &= Q(status__in=EVENT_HELD)
    return q


def _fdi_adjusted(period: Period) -> Q:
    return Q(adjustments__date__range=(period.start, period.end))


def _distinct_count(qs: QuerySet) -> int:
    return qs.values("pk").distinct().count()


def _oda_active(period: Period) -> Q:
    return ~Q(status="cancelled") & Q(start_year__isnull=False, start_year__lte=period.end.year) & (
        Q(end_year__isnull=True) | Q(end_year__gte=period.start.year)
    )


def _delegation_order() -> tuple[str, ...]:
    return ("start_on", "pk")


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("delegations_out", "delegations.Delegation",
         lambda p: Q(direction="outgoing", status__in=TOOK_PLACE, start_on__range=(p.start, p.end)),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order(),
         date_field="start_on"),
    Rule("delegations_out_leaders", "delegations.Delegation",
         lambda p: Q(direction="outgoing", level="provincial_leader", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order(),
         date_field="start_on"),
    Rule("delegations_in_received", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="received", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order(),
         date_field="start_on"),
    Rule("foreign_visitors_received", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="received", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         total=_sum("foreign_visitors"), pillar_field="pillar", fields_lookup="fields__code",
         order_by=_delegation_order(), date_field="start_on"),
    Rule("delegations_in_permitted", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="permitted", permit_on__range=(p.start, p.end))
         & ~Q(status__in=NOT_PERMITTED),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=("permit_on", "pk"),
         date_field="permit_on"),
    Rule("agreements_signed", "agreements.Agreement", lambda p: Q(signed_on__range=(p.start, p.end)),
         breakdown="kind", fields_lookup="fields__code", order_by=("signed_on", "pk"), date_field="signed_on"),
    Rule("events_held", "events.Event", _events_held, breakdown="kind", pillar_field="pillar",
         fields_lookup="fields__code", order_by=("start_on", "pk"), date_field="start_on"),
    Rule("fdi_new_projects", "economy.FDIProject", lambda p: Q(registered_on__range=(p.start, p.end)),
         order_by=("registered_on", "pk"), date_field="registered_on"),
    Rule("fdi_new_capital_usd", "economy.FDIProject", lambda p: Q(registered_on__range=(p.start, p.end)),
         total=_sum("capital_usd"), order_by=("registered_on", "pk"), date_field="registered_on"),
    # The projects behind the adjusted figures are listed once each; the capital is the sum of
    # the adjustments dated in the period, not of the projects.
    Rule("fdi_adjusted_projects", "economy.FDIProject", _fdi_adjusted, total=_distinct_count, order_by=("name", "pk")),
    Rule("fdi_adjusted_capital_usd", "economy.FDIProject", _fdi_adjusted, order_by=("name", "pk")),
    Rule("fdi_total_capital_usd", "economy.FDIProject",
         lambda p: Q(registered_on__range=(p.start, p.end)) | _fdi_adjusted(p), order_by=("name", "pk")),
    Rule("oda_active_programmes", "economy.ODAProgramme", _oda_active, order_by=("start_year", "pk")),
    Rule("oda_total_investment_vnd", "economy.ODAProgramme", _oda_active, total=_sum("total_vnd"),
         order_by=("start_year", "pk")),
    Rule("consular_cases_opened", "consular.ConsularCase", lambda p: Q(opened_on__range=(p.start, p.end)),
         breakdown="kind", order_by=("opened_on", "pk"), date_field="opened_on"),
)}


def _adjustments_total(scope: Scope, period: Period) -> Decimal | None:
    """Sum of the capital adjustments dated in the period (negative ones lower it)."""
    projects = scope.queryset(_model("economy.FDIProject"))
    if projects is None:
        return None
    adjustments = _model("economy.CapitalAdjustment")._default_manager.filter(
        date__range=(period.start, period.end), project__in=projects.values("pk"))
    return exact_money(adjustments.aggregate(total=Sum("delta_usd"))["total"] or Decimal(0))


def computed_value(code: str, scope: Scope, period: Period, **narrow) -> Number | None:
    """The indicator computed from the register, or None when it is reported-only or its
    records cannot be attributed to the scope's unit."""
    if code == "fdi_adjusted_capital_usd":
        return _adjustments_total(scope, period)
    if code == "fdi_total_capital_usd":
        new = RULES["fdi_new_capital_usd"].value(scope, period)
        adjusted = _adjustments_total(scope, period)
        if new is None or adjusted is None:
            return None
        return Decimal(new) + adjusted
    rule = RULES.get(code)
    if rule is None:
        return None
    return rule.value(scope, period, **narrow)


def computed_records(code: str, scope: Scope, period: Period, **narrow) -> QuerySet | None:
    """The records behind a computed figure (None for reported-only indicators)."""
    rule = RULES.get(code)
    if rule is None:
        return None
    qs = rule.records(scope, period, **narrow)
    return None if qs is None else qs.distinct()


def computed_breakdown(code: str, scope: Scope, period: Period) -> dict[str, int] | None:
    rule = RULES.get(code)
    return rule.split(scope, period) if rule else None


@dataclass
class ComputedSet:
    """Every computed indicator for one scope and period (what a report needs at once):
    ``by_pillar[pillar][code]`` holds the figures of the rules that have a pillar."""

    values: dict[str, Number | None] = field(default_factory=dict)
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)
    by_pillar: dict[str, dict[str, Number]] = field(default_factory=dict)


# Figures computed from the capital adjustments rather than the rule's own records.
_DERIVED = ("fdi_adjusted_projects", "fdi_adjusted_capital_usd", "fdi_total_capital_usd")


def computed_periods(scope: Scope, periods: list[Period], codes) -> list[ComputedSet]:
    """Every computed indicator of ``codes`` for each period, by conditional aggregation: one
    query per model (grouped by the breakdown and pillar fields) computes all its rules for all
    the periods at once, with the same rules, and the same results, as ``computed_value``."""
    codes = list(codes)
    results = [ComputedSet() for _ in periods]
    wanted = set(codes)
    if "fdi_total_capital_usd" in wanted:
        wanted.add("fdi_new_capital_usd")
    by_model: dict[tuple[str, str | None], list[Rule]] = {}
    for code in sorted(wanted, key=lambda c: list(RULES).index(c) if c in RULES else len(RULES)):
        rule = RULES.get(code)
        if rule is None or code in _DERIVED:
            continue
        # One query per model and date: each narrows by its date's ranges, which an index serves.
        by_model.setdefault((rule.model, rule.date_field), []).append(rule)
    for (label, _date_field), rules in by_model.items():
        _aggregate_model(scope, periods, label, rules, results)
    if wanted & set(_DERIVED):
        _aggregate_adjustments(scope, periods, results)
        for result in results:
            new, adjusted = result.values.get("fdi_new_capital_usd"), result.values["fdi_adjusted_capital_usd"]
            result.values["fdi_total_capital_usd"] = None if new is None or adjusted is None else (
                Decimal(new) + adjusted)
    for result in results:
        result.values = {code: result.values.get(code) for code in codes}
        result.breakdowns = {code: result.breakdowns[code] for code in codes if code in result.breakdowns}
    return results


def _aggregate_model(scope: Scope, periods: list[Period], label: str, rules: list[Rule],
                     results: list[ComputedSet]) -> None:
    qs = scope.queryset(_model(label))
    if qs is None:
        for result in results:
            for rule in rules:
                result.values[rule.code] = None
        return
    group = sorted({name for rule in rules for name in (rule.breakdown, rule.pillar_field) if name})
    if group:
        rows = _grouped_rows(scope, periods, label, rules, group)
    else:
        narrow, aggregates = _conditions(periods, rules)
        rows = [qs.filter(narrow).aggregate(**aggregates)]
    for index, result in enumerate(results):
        for rule in rules:
            name = f"{rule.code}__{index}"
            total: Number = 0
            split: dict[str, int] = {}
            for row in rows:
                value = row[name] or 0
                total += value
                if rule.breakdown and value:
                    key = row[rule.breakdown]
                    split[key] = split.get(key, 0) + value
                if rule.pillar_field:
                    pillar = result.by_pillar.setdefault(row[rule.pillar_field], {})
                    pillar[rule.code] = pillar.get(rule.code, 0) + value
            if rule.total is not None and _places(qs, _SUMMED[rule.code]) is not None:
                total = exact_money(total, _places(qs, _SUMMED[rule.code]))
            result.values[rule.code] = total
            if rule.breakdown:
                result.breakdowns[rule.code] = dict(sorted(split.items()))


# The SQL of each grouped figures query, compiled once per process for a shape of query (model,
# rules, number of periods, number of units): building and compiling the ORM query cost as much
# as running it. The shape is compiled with stand-in values (periods in the 11th century,
# negative unit ids), whose places in the parameters are then filled with the real ones.
_COMPILED: dict[tuple, tuple[str, list]] = {}


def _stand_ins(scope: Scope, periods: list[Period]) -> tuple[Scope, list[Period], dict]:
    real: dict = {}
    fake_periods = []
    for index, period in enumerate(periods):
        fake = Period(start=date(1000 + 10 * index, 1, 1), end=date(1005 + 10 * index, 1, 1), kind=period.kind)
        # SQLite's backend turns dates into ISO strings while the query is built; others keep dates.
        real.update({fake.start: period.start, fake.end: period.end,
                     fake.start.isoformat(): period.start.isoformat(), fake.end.isoformat(): period.end.isoformat(),
                     fake.start.year: period.start.year, fake.end.year: period.end.year})
        fake_periods.append(fake)
    if scope.whole_register:
        return scope, fake_periods, real
    ids = sorted(scope.unit_ids or ())
    fake_ids = [-(position + 1) for position in range(len(ids))]
    real.update(zip(fake_ids, ids, strict=True))
    return Scope(unit=scope.unit, unit_ids=frozenset(fake_ids)), fake_periods, real


def _conditions(periods: list[Period], rules: list[Rule]) -> tuple[Q, dict]:
    """The rows a figures query reads (any of the periods) and its conditional aggregates, one
    per rule and period (``<code>__<period index>``)."""
    narrow = Q()
    aggregates = {}
    date_field = rules[0].date_field
    for index, period in enumerate(periods):
        if date_field:
            narrow |= Q(**{f"{date_field}__range": (period.start, period.end)})
        for rule in rules:
            where = rule.where(period)
            if not date_field:
                narrow |= where
            name = f"{rule.code}__{index}"
            aggregates[name] = Count("pk", filter=where) if rule.total is None else Sum(_SUMMED[rule.code],
                                                                                          filter=where)
    return narrow, aggregates


def _grouped_query(scope: Scope, periods: list[Period], label: str, rules: list[Rule], group: list[str]) -> QuerySet:
    narrow, aggregates = _conditions(periods, rules)
    return scope.queryset(_model(label)).filter(narrow).order_by().values(*group).annotate(**aggregates)


def _is_stand_in(value) -> bool:
    if isinstance(value, date):
        return value.year < 1100
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value[:2] == "10"
    return isinstance(value, int) and not isinstance(value, bool) and value < 0


def _grouped_rows(scope: Scope, periods: list[Period], label: str, rules: list[Rule], group: list[str]) -> list[dict]:
    """The rows of a grouped figures query (a dict per group, the aggregates by name)."""
    key = (connection.vendor, label, tuple(rule.code for rule in rules), tuple(group), len(periods),
           None if scope.whole_register else len(scope.unit_ids or ()))
    fake_scope, fake_periods, real = _stand_ins(scope, periods)
    if key not in _COMPILED:
        _COMPILED[key] = _grouped_query(fake_scope, fake_periods, label, rules, group).query.sql_with_params()
    sql, stand_in_params = _COMPILED[key]
    params = [real.get(value, value) if isinstance(value, date | int | str) and not isinstance(value, bool)
              else value for value in stand_in_params]
    missing = [value for value in stand_in_params if _is_stand_in(value) and value not in real]
    if missing:  # pragma: no cover - a stand-in the mapping does not know would give wrong figures
        raise RuntimeError(f"unmapped stand-in parameters {missing} in the figures query of {label}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _aggregate_adjustments(scope: Scope, periods: list[Period], results: list[ComputedSet]) -> None:
    projects = scope.queryset(_model("economy.FDIProject"))
    if projects is None:
        for result in results:
            result.values["fdi_adjusted_projects"] = result.values["fdi_adjusted_capital_usd"] = None
        return
    adjustments = _model("economy.CapitalAdjustment")._default_manager.all()
    if not scope.whole_register:
        adjustments = adjustments.filter(project__in=projects.values("pk"))
    narrow = Q()
    aggregates = {}
    for index, period in enumerate(periods):
        where = Q(date__range=(period.start, period.end))
        narrow |= where
        aggregates[f"projects__{index}"] = Count("project", distinct=True, filter=where)
        aggregates[f"total__{index}"] = Sum("delta_usd", filter=where)
    row = adjustments.filter(narrow).aggregate(**aggregates)
    for index, result in enumerate(results):
        result.values["fdi_adjusted_projects"] = row[f"projects__{index}"] or 0
        result.values["fdi_adjusted_capital_usd"] = exact_money(row[f"total__{index}"] or Decimal(0))


# The field each summed rule adds up (the ``_sum`` of its ``total``).
_SUMMED = {
    "foreign_visitors_received": "foreign_visitors",
    "fdi_new_capital_usd": "capital_usd",
    "oda_total_investment_vnd": "total_vnd",
}


def computed_all(scope: Scope, period: Period, codes) -> ComputedSet:
    """Every computed indicator for one scope and period."""
    return computed_periods(scope, [period], codes)[0]


def computed_all_by_rule(scope: Scope, period: Period, codes) -> ComputedSet:
    """The same figures one rule at a time (``computed_value``), the reference the batched
    ``computed_periods`` is tested against."""
    result = ComputedSet()
    for code in codes:
        result.values[code] = computed_value(code, scope, period)
        split = computed_breakdown(code, scope, period)
        if split is not None:
            result.breakdowns[code] = split
    return result
