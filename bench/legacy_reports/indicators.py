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
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, Q, QuerySet, Sum

from foreign_affairs.core.models import Unit
from foreign_affairs.core.selectors import unit_subtree_ids
from foreign_affairs.reports.periods import Period

Number = int | Decimal

# A delegation "took place" in these states (DESIGN §4).
TOOK_PLACE = ("completed", "reported", "evaluated")
# A permit was granted: the incoming delegation was not refused, withdrawn or still undecided.
NOT_PERMITTED = ("draft", "proposed", "rejected", "withdrawn")
# Event states in which an event did not (or not yet) take place; events without a workflow
# state (bundles carry none) count as held.
EVENT_NOT_HELD = ("draft", "submitted", "consulting", "proposed", "permitted", "refused", "rejected", "cancelled",
                  "withdrawn")


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
        if "__" in lookup or _is_many(model, lookup):
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
    figure is also split by (events per kind).
    """

    code: str
    model: str
    where: Callable[[Period], Q]
    total: Callable[[QuerySet], Number] | None = None
    breakdown: str | None = None
    pillar_field: str | None = None
    fields_lookup: str | None = None
    order_by: tuple[str, ...] = ()

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


def _sum(field_name: str) -> Callable[[QuerySet], Decimal | int]:
    def total(qs: QuerySet):
        return qs.aggregate(total=Sum(field_name))["total"] or 0

    return total


def _events_held(period: Period) -> Q:
    q = Q(start_on__range=(period.start, period.end))
    if _has_field(_model("events.Event"), "status"):
        q &= ~Q(status__in=EVENT_NOT_HELD)
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
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order()),
    Rule("delegations_out_leaders", "delegations.Delegation",
         lambda p: Q(direction="outgoing", level="provincial_leader", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order()),
    Rule("delegations_in_received", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="received", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=_delegation_order()),
    Rule("foreign_visitors_received", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="received", status__in=TOOK_PLACE,
                     start_on__range=(p.start, p.end)),
         total=_sum("foreign_visitors"), pillar_field="pillar", fields_lookup="fields__code",
         order_by=_delegation_order()),
    Rule("delegations_in_permitted", "delegations.Delegation",
         lambda p: Q(direction="incoming", reception="permitted", permit_on__range=(p.start, p.end))
         & ~Q(status__in=NOT_PERMITTED),
         breakdown="pillar", pillar_field="pillar", fields_lookup="fields__code", order_by=("permit_on", "pk")),
    Rule("agreements_signed", "agreements.Agreement", lambda p: Q(signed_on__range=(p.start, p.end)),
         breakdown="kind", fields_lookup="fields__code", order_by=("signed_on", "pk")),
    Rule("events_held", "events.Event", _events_held, breakdown="kind", pillar_field="pillar",
         fields_lookup="fields__code", order_by=("start_on", "pk")),
    Rule("fdi_new_projects", "economy.FDIProject", lambda p: Q(registered_on__range=(p.start, p.end)),
         order_by=("registered_on", "pk")),
    Rule("fdi_new_capital_usd", "economy.FDIProject", lambda p: Q(registered_on__range=(p.start, p.end)),
         total=_sum("capital_usd"), order_by=("registered_on", "pk")),
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
         breakdown="kind", order_by=("opened_on", "pk")),
)}


def _adjustments_total(scope: Scope, period: Period) -> Decimal | None:
    """Sum of the capital adjustments dated in the period (negative ones lower it)."""
    projects = scope.queryset(_model("economy.FDIProject"))
    if projects is None:
        return None
    adjustments = _model("economy.CapitalAdjustment")._default_manager.filter(
        date__range=(period.start, period.end), project__in=projects.values("pk"))
    return adjustments.aggregate(total=Sum("delta_usd"))["total"] or Decimal(0)


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
    """Every computed indicator for one scope and period (what a report needs at once)."""

    values: dict[str, Number | None] = field(default_factory=dict)
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)


def computed_all(scope: Scope, period: Period, codes) -> ComputedSet:
    result = ComputedSet()
    for code in codes:
        result.values[code] = computed_value(code, scope, period)
        split = computed_breakdown(code, scope, period)
        if split is not None:
            result.breakdowns[code] = split
    return result
