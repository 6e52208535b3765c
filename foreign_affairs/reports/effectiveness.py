"""Hiệu quả đoàn ra: what each outgoing delegation cost against what followed it — agreements,
investment leads, FDI projects and capital — so the office can say which trips paid off.

Attribution is kept in two kinds that are never added twice:
- **linked**: the record names the trip (an agreement in the delegation's "agreements signed", an
  FDI project or investment lead whose ``origin_delegation`` is the trip);
- **in the window**: a record that names no delegation at all but came from the countries or
  partners visited within the window — from the trip's first day to ``window_months`` after its
  return (an agreement signed with a partner visited; an FDI project whose investor is from a
  country visited). A record linked to another delegation belongs to that one, never to this.
Two trips to the same country in the same window both show the same "in the window" records:
that column is a lead to follow, not a sum to add up across trips.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import Unit, User
from foreign_affairs.delegations.choices import TOOK_PLACE, Direction
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.economy.models import FDIProject

from .indicators import Scope

DEFAULT_WINDOW_MONTHS = 24
CENT = Decimal("0.01")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _ratio(numerator, denominator, *, per: int = 1) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * per / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def _lead_model():
    """The investment-lead model, when the economy app keeps leads (with ``origin_delegation``)."""
    try:
        model = apps.get_model("economy", "InvestmentLead")
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    return model if "origin_delegation" in names else None


@dataclass
class TripEffect:
    """One outgoing delegation that took place: its cost and what followed it."""

    delegation: Delegation
    window_months: int
    window_start: date
    returned_on: date
    window_end: date
    cost_vnd: int | None
    cost_basis: str | None  # "actual" (cost_vnd), "budget" (budget_vnd only) or None
    agreements_linked: list[Agreement] = field(default_factory=list)
    agreements_in_window: list[Agreement] = field(default_factory=list)
    leads_linked: list[Any] = field(default_factory=list)
    leads_in_window: list[Any] = field(default_factory=list)
    fdi_linked: list[FDIProject] = field(default_factory=list)
    fdi_in_window: list[FDIProject] = field(default_factory=list)
    leads_available: bool = False

    @property
    def agreements(self) -> int:
        return len(self.agreements_linked) + len(self.agreements_in_window)

    @property
    def leads(self) -> int:
        return len(self.leads_linked) + len(self.leads_in_window)

    @property
    def fdi_projects(self) -> int:
        return len(self.fdi_linked) + len(self.fdi_in_window)

    @staticmethod
    def _capital(projects: Sequence[FDIProject]) -> Decimal:
        return sum((p.capital_usd or Decimal(0) for p in projects), Decimal(0))

    @property
    def fdi_linked_capital_usd(self) -> Decimal:
        return self._capital(self.fdi_linked)

    @property
    def fdi_in_window_capital_usd(self) -> Decimal:
        return self._capital(self.fdi_in_window)

    @property
    def fdi_capital_usd(self) -> Decimal:
        return self.fdi_linked_capital_usd + self.fdi_in_window_capital_usd

    @property
    def has_cost(self) -> bool:
        return bool(self.cost_vnd)

    @property
    def cost_per_agreement_vnd(self) -> Decimal | None:
        """Cost divided by the agreements that followed (linked and in the window)."""
        return _ratio(self.cost_vnd, self.agreements)

    @property
    def fdi_usd_per_million_vnd(self) -> Decimal | None:
        """FDI capital that followed (linked and in the window), in USD per million đồng spent."""
        if not self.cost_vnd:
            return None
        return _ratio(self.fdi_capital_usd, self.cost_vnd, per=1_000_000)

    @property
    def linked_fdi_usd_per_million_vnd(self) -> Decimal | None:
        """The same for the linked FDI projects only."""
        if not self.cost_vnd:
            return None
        return _ratio(self.fdi_linked_capital_usd, self.cost_vnd, per=1_000_000)


def _trip_dates(delegation: Delegation, window_months: int) -> tuple[date, date, date]:
    returned = delegation.end_on or delegation.start_on
    return delegation.start_on, returned, add_months(returned, window_months)


def _cost(delegation: Delegation) -> tuple[int | None, str | None]:
    if delegation.cost_vnd:
        return delegation.cost_vnd, "actual"
    if delegation.budget_vnd:
        return delegation.budget_vnd, "budget"
    return None, None


def _restricted(model, user: User | None) -> QuerySet:
    return model._default_manager.restrict(user, "view") if user is not None else model._default_manager.all()


def effects_for(trips: Sequence[Delegation], *, window_months: int = DEFAULT_WINDOW_MONTHS,
                user: User | None = None) -> list[TripEffect]:
    """What followed each of ``trips`` (delegations with their countries, partners and linked
    agreements loaded, as ``took_place_trips`` gives them); only records ``user`` may read are
    counted. Four queries (five or six with investment leads), whatever the number of trips."""
    trips = list(trips)
    if not trips:
        return []
    effects = {}
    for trip in trips:
        start, returned, end = _trip_dates(trip, window_months)
        cost, basis = _cost(trip)
        effects[trip.pk] = TripEffect(delegation=trip, window_months=window_months, window_start=start,
                                      returned_on=returned, window_end=end, cost_vnd=cost, cost_basis=basis)
    first = min(e.window_start for e in effects.values())
    last = max(e.window_end for e in effects.values())
    partner_ids = {p.pk for t in trips for p in t.partners.all()}
    country_codes = {c.code for t in trips for c in t.countries.all()}
    readable_agreements = _restricted(Agreement, user)
    for trip in trips:
        # took_place_trips loads only the linked agreements the user may read.
        linked = [a for a in trip.agreements.all() if a.signed_on is not None]
        effects[trip.pk].agreements_linked = sorted(linked, key=lambda a: (a.signed_on, a.pk))

    # Agreements no delegation names, signed with a partner visited, inside some trip's window.
    if partner_ids:
        candidates = (readable_agreements.filter(partners__in=partner_ids, signed_on__range=(first, last),
                                                 delegations__isnull=True)
                      .distinct().prefetch_related("partners").order_by("signed_on", "pk"))
        for agreement in candidates:
            with_partners = {p.pk for p in agreement.partners.all()}
            for trip in trips:
                effect = effects[trip.pk]
                if effect.window_start <= agreement.signed_on <= effect.window_end and \
                        with_partners & {p.pk for p in trip.partners.all()}:
                    effect.agreements_in_window.append(agreement)

    projects = _restricted(FDIProject, user)
    for project in projects.filter(origin_delegation__in=[t.pk for t in trips]).order_by("registered_on", "pk"):
        effects[project.origin_delegation_id].fdi_linked.append(project)
    if country_codes:
        for project in (projects.filter(investor_country__in=country_codes, registered_on__range=(first, last),
                                        origin_delegation__isnull=True)
                        .select_related("investor_country").order_by("registered_on", "pk")):
            for trip in trips:
                effect = effects[trip.pk]
                if effect.window_start <= project.registered_on <= effect.window_end and \
                        project.investor_country_id in {c.code for c in trip.countries.all()}:
                    effect.fdi_in_window.append(project)

    lead_model = _lead_model()
    if lead_model is not None:
        leads = _restricted(lead_model, user)
        names = {f.name for f in lead_model._meta.get_fields()}
        for lead in leads.filter(origin_delegation__in=[t.pk for t in trips]).order_by("pk"):
            effects[lead.origin_delegation_id].leads_linked.append(lead)
        if {"partner", "received_on"} <= names and partner_ids:
            for lead in leads.filter(partner__in=partner_ids, received_on__range=(first, last),
                                     origin_delegation__isnull=True).order_by("received_on", "pk"):
                for trip in trips:
                    effect = effects[trip.pk]
                    if effect.window_start <= lead.received_on <= effect.window_end and \
                            lead.partner_id in {p.pk for p in trip.partners.all()}:
                        effect.leads_in_window.append(lead)
        for effect in effects.values():
            effect.leads_available = True
    return [effects[t.pk] for t in trips]


def took_place_trips(*, start: date | None = None, end: date | None = None, unit: Unit | None = None,
                     user: User | None = None, pillar: str | None = None) -> QuerySet[Delegation]:
    """Outgoing delegations that took place (completed, reported or evaluated), starting
    between ``start`` and ``end``, of ``unit``'s subtree (the whole province when None), as far
    as ``user`` may read them; with what ``effects_for`` needs loaded."""
    scope = Scope.for_unit(unit)
    qs = scope.queryset(Delegation).filter(direction=Direction.OUTGOING, status__in=TOOK_PLACE)
    if user is not None:
        qs = qs.filter(pk__in=Delegation.objects.restrict(user, "view").values("pk"))
    if start:
        qs = qs.filter(start_on__gte=start)
    if end:
        qs = qs.filter(start_on__lte=end)
    if pillar:
        qs = qs.filter(pillar=pillar)
    return (qs.select_related("host_unit")
            .prefetch_related("countries", "partners",
                              Prefetch("agreements", queryset=_restricted(Agreement, user).order_by("signed_on", "pk")))
            .order_by("-start_on", "pk"))


def trip_effectiveness(delegation: Delegation, *, window_months: int = DEFAULT_WINDOW_MONTHS,
                       user: User | None = None) -> TripEffect:
    """What followed one outgoing delegation within ``window_months`` after its return: the
    agreements, investment leads and FDI projects linked to it, and those from the partners and
    countries it visited in the window, beside its cost (actual, else the budget, flagged)."""
    trip = took_place_trips(user=user).filter(pk=delegation.pk).first()
    if trip is None:  # not an outgoing delegation that took place: nothing followed it by definition
        start, returned, end = _trip_dates(delegation, window_months)
        cost, basis = _cost(delegation)
        return TripEffect(delegation=delegation, window_months=window_months, window_start=start,
                          returned_on=returned, window_end=end, cost_vnd=cost, cost_basis=basis,
                          leads_available=_lead_model() is not None)
    return effects_for([trip], window_months=window_months, user=user)[0]


@dataclass
class RankedTrips:
    """Trips with a cost, ranked; trips without one (nothing to divide by), apart."""

    with_cost: list[TripEffect]
    without_cost: list[TripEffect]
    window_months: int
    leads_available: bool


def _none_last(value, descending: bool):
    if value is None:
        return (1, 0)
    return (0, -value if descending else value)


# key → (label, value of a trip, best first when descending)
SORT_KEYS: dict[str, tuple[Any, Callable[[TripEffect], Any], bool]] = {
    "start": (_("Date"), lambda e: e.delegation.start_on.toordinal(), True),
    "cost": (_("Cost"), lambda e: e.cost_vnd, True),
    "agreements": (_("Agreements"), lambda e: e.agreements, True),
    "cost_per_agreement": (_("Cost per agreement"), lambda e: e.cost_per_agreement_vnd, False),
    "fdi_capital": (_("FDI capital"), lambda e: e.fdi_capital_usd, True),
    "fdi_per_vnd": (_("FDI capital per million VND"), lambda e: e.fdi_usd_per_million_vnd, True),
    "linked_fdi_per_vnd": (_("Linked FDI per million VND"), lambda e: e.linked_fdi_usd_per_million_vnd, True),
    "fdi_projects": (_("FDI projects"), lambda e: e.fdi_projects, True),
}


# Orders that need a cost: trips without one are then listed by date.
COST_KEYS = frozenset({"cost", "cost_per_agreement", "fdi_per_vnd", "linked_fdi_per_vnd"})


def sort_trips(effects: Sequence[TripEffect], key: str = "fdi_per_vnd", *, descending: bool | None = None
               ) -> list[TripEffect]:
    """The trips in the order of ``key`` (see SORT_KEYS; its natural order unless ``descending``
    says otherwise), trips without a value last, then by date (latest first)."""
    _label, value, natural = SORT_KEYS.get(key, SORT_KEYS["fdi_per_vnd"])
    desc = natural if descending is None else descending
    return sorted(effects, key=lambda e: (_none_last(value(e), desc), -e.delegation.start_on.toordinal(),
                                          e.delegation.pk))


def trips_ranked(*, start: date | None, end: date | None, unit: Unit | None = None,
                 window_months: int = DEFAULT_WINDOW_MONTHS, user: User | None = None,
                 sort: str = "fdi_per_vnd", descending: bool | None = None, pillar: str | None = None) -> RankedTrips:
    """Every outgoing delegation that took place between ``start`` and ``end`` (of ``unit``'s
    subtree), with what followed it, ranked by ``sort``; trips with no cost and no budget
    recorded are listed apart, by date. A fixed number of queries."""
    effects = effects_for(took_place_trips(start=start, end=end, unit=unit, user=user, pillar=pillar),
                          window_months=window_months, user=user)
    with_cost = [e for e in effects if e.has_cost]
    without = [e for e in effects if not e.has_cost]
    by_cost = sort in COST_KEYS
    return RankedTrips(
        with_cost=sort_trips(with_cost, sort, descending=descending),
        without_cost=sort_trips(without, "start" if by_cost else sort, descending=None if by_cost else descending),
        window_months=window_months,
        leads_available=_lead_model() is not None,
    )
