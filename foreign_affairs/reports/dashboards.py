"""Reads behind the dashboards: what a leader looks at between two reports — each indicator across
the years, delegations by country, pillar and level, where the province's partners and
delegations are on the map, what is coming up, which agreements run out, and how far the plans
and the annual programme have got.

Every figure is counted by the rule of the indicator catalogue (``indicators.RULES``) and, where
an official source published a figure for exactly the period, takes that one, as ``figures()``
does. Each function costs a fixed number of queries, whatever the number of records.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from foreign_affairs.agreements.choices import AgreementStatus
from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import Country, User
from foreign_affairs.delegations.choices import TOOK_PLACE, DelegationStatus, Level
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.choices import EVENT_HELD
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner

from .figures import change_percent, figures, indicator_catalogue
from .indicators import RULES, Number, Scope, computed_value
from .periods import Period

# The three ways a delegation is counted (DESIGN §2), the columns of every delegation breakdown.
DELEGATION_CODES = ("delegations_out", "delegations_in_received", "delegations_in_permitted")
# Headline figures of the dashboard's first row.
HEADLINE_CODES = ("delegations_out", "delegations_out_leaders", "delegations_in_received", "delegations_in_permitted",
                  "agreements_signed", "events_held", "fdi_total_capital_usd")
# Delegations and events that will not take place are left out of the calendar.
NOT_GOING_AHEAD = (DelegationStatus.REJECTED, DelegationStatus.WITHDRAWN, DelegationStatus.CANCELLED)
EVENT_NOT_GOING_AHEAD = ("refused", "rejected", "cancelled", "withdrawn")
MAP_FILE = "vendor/world-map/world-110m.svg"


def clean_number(number: Number | None) -> Number | None:
    """Whole-number Decimals as ints, so counts and money read as they are."""
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number


def records_url(code: str, period: Period, scope: Scope) -> str | None:
    """The list of records behind a computed figure (``reports:figure_records``), None for an
    indicator without a rule."""
    if code not in RULES:
        return None
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    if scope.unit is not None:
        query["unit"] = scope.unit.ref
    return f"{reverse('reports:figure_records', args=[code])}?{urlencode(query)}"


def splits_by_pillar(code: str) -> bool:
    """Whether the indicator's records carry a pillar (delegations and events do; agreements,
    FDI, ODA and published figures do not)."""
    rule = RULES.get(code)
    return bool(rule and rule.pillar_field)


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def visible(model, scope: Scope, user: User | None) -> QuerySet:
    """The model's records in the scope that ``user`` may read (all in scope when ``user`` is None).
    A model whose records carry no unit, asked for a unit's scope, gives nothing."""
    qs = scope.queryset(model)
    if qs is None:
        return model._default_manager.none()
    if user is not None:
        qs = qs.filter(pk__in=model._default_manager.restrict(user, "view").values("pk"))
    return qs


# --- headline and trends --------------------------------------------------------------------------



# --- which year to open --------------------------------------------------------------------------

# What counts as the register's activity of a year: a delegation that took place (or an incoming one
# permitted), an event held, an agreement signed, an FDI project registered, a published figure.
_ACTIVITY = (
    ("delegations.Delegation", "start_on", {"status__in": TOOK_PLACE}),
    ("delegations.Delegation", "permit_on", {}),
    ("events.Event", "start_on", {"status__in": EVENT_HELD}),
    ("agreements.Agreement", "signed_on", {}),
    ("economy.FDIProject", "registered_on", {}),
    ("economy.Statistic", "end", {}),
)


def data_years(user, *, today: date) -> list[int]:
    """The years up to this one, newest first, in which the register holds activity or a
    published figure that the user may read (a unit officer: their unit's)."""
    queries = []
    for label, field_name, condition in _ACTIVITY:
        model = apps.get_model(label)
        rows = model.objects.restrict(user, "view").filter(**condition, **{f"{field_name}__lte": today})
        queries.append(rows.order_by().annotate(data_year=ExtractYear(field_name))
                       .values_list("data_year", flat=True).distinct())
    # One query for all of them (the page costs the same whatever the register holds).
    found = queries[0].union(*queries[1:]) if len(queries) > 1 else queries[0]
    return sorted({year for year in found if year is not None}, reverse=True)


def opening_year(user, *, today: date) -> int:
    """The year a page opens on: this year once it has any activity, else the latest year that
    has some (a register whose records end last year opens on last year, not on an empty year)."""
    years = data_years(user, today=today)
    return today.year if not years or years[0] == today.year else years[0]


def year_choices(user, *, today: date, shown: int | None = None) -> list[int]:
    """The years a year selector offers, newest first: this year down to the first with data
    (and the year shown, if outside)."""
    years = data_years(user, today=today)
    first = min([*years, today.year])
    choices = list(range(today.year, first - 1, -1))
    if shown is not None and shown not in choices:
        choices = sorted({*choices, shown}, reverse=True)
    return choices

@dataclass
class Headline:
    """One figure for the chosen period with the same span a year earlier."""

    code: str
    label: str
    unit: str
    value: Number | None
    source: str | None  # "reported", "computed" or None (no figure)
    previous: Number | None
    change_pct: Decimal | None
    records_url: str | None


def headline_figures(*, scope: Scope, period: Period, pillar: str | None = None,
                     codes: Sequence[str] = HEADLINE_CODES) -> list[Headline]:
    """The dashboard's first row: the period's main figures beside the same span one year earlier.
    Without a pillar these are the report's figures (reported where published, else computed);
    for one pillar they are computed from the records of that pillar, and figures whose records
    carry no pillar are left out."""
    if pillar is None:
        found = figures(period=period, scope=scope)
        rows = []
        for code in codes:
            f = found.get(code)
            if f is None:
                continue
            rows.append(Headline(code=code, label=f.label, unit=f.unit, value=f.value,
                                 source=("reported" if f.reported is not None else
                                         "computed" if f.computed is not None else None),
                                 previous=f.previous, change_pct=f.change_pct, records_url=f.records_url))
        return rows
    catalogue = {i.code: i for i in indicator_catalogue()}
    rows = []
    for code in codes:
        if code not in catalogue or not splits_by_pillar(code):
            continue
        value = clean_number(computed_value(code, scope, period, pillar=pillar))
        previous = clean_number(computed_value(code, scope, period.previous_year(), pillar=pillar))
        rows.append(Headline(code=code, label=catalogue[code].name, unit=catalogue[code].unit, value=value,
                             source="computed" if value is not None else None, previous=previous,
                             change_pct=change_percent(value, previous), records_url=None))
    return rows


@dataclass
class TrendPoint:
    """One indicator in one year: the value a report would give (reported where a source
    published the whole year's figure, else computed) and where it comes from."""

    year: int
    value: Number | None
    computed: Number | None
    reported: Number | None
    source: str | None  # "reported", "computed" or None
    records_url: str | None


@dataclass
class Trend:
    """One indicator across the years."""

    code: str
    label: str
    unit: str
    points: list[TrendPoint]
    by_pillar: bool = True

    @property
    def has_values(self) -> bool:
        return any(p.value is not None for p in self.points)

    @property
    def maximum(self) -> Number:
        return max((p.value for p in self.points if p.value is not None), default=0)


def trend_years(end_year: int, count: int) -> list[int]:
    """The ``count`` years up to ``end_year``, oldest first."""
    count = max(1, min(count, 15))
    return list(range(end_year - count + 1, end_year + 1))


def indicator_trends(*, scope: Scope, years: Sequence[int], pillar: str | None = None) -> list[Trend]:
    """Every indicator of the catalogue for each whole year in ``years``, as the annual report of
    that year gives it: ``figures()`` decides (a figure published for exactly that year where
    there is one, else the computed one, and whatever further rule it has), and each point says
    where its value comes from. For one pillar the values are computed from that pillar's
    records only (published figures are not split by pillar), and indicators whose records
    carry no pillar have no values."""
    catalogue = indicator_catalogue()
    periods = {year: year_period(year) for year in years}
    by_year = {} if pillar else {year: figures(period=period, scope=scope) for year, period in periods.items()}
    trends = []
    for indicator in catalogue:
        code = indicator.code
        by_pillar = splits_by_pillar(code)
        points = []
        for year, period in periods.items():
            if pillar:
                computed = clean_number(computed_value(code, scope, period, pillar=pillar)) if by_pillar else None
                points.append(TrendPoint(year=year, value=computed, computed=computed, reported=None,
                                         source="computed" if computed is not None else None, records_url=None))
                continue
            f = by_year[year].get(code)
            if f is None:
                points.append(TrendPoint(year=year, value=None, computed=None, reported=None, source=None,
                                         records_url=None))
                continue
            if f.reported is not None:
                source = "reported"
            elif getattr(f, "derived_from", ()):
                source = "derived"  # the sum of its published parts
            elif f.value is not None:
                source = "computed"
            else:
                source = None
            points.append(TrendPoint(year=year, value=f.value, computed=f.computed, reported=f.reported,
                                     source=source, records_url=f.records_url if source == "computed" else None))
        trends.append(Trend(code=code, label=indicator.name, unit=indicator.unit, points=points,
                            by_pillar=by_pillar))
    return trends


# --- delegations by country, pillar and level -----------------------------------------------------


@dataclass
class BreakdownRow:
    """Delegations of one country, pillar or level, counted the three ways of the catalogue."""

    key: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


GROUPINGS = {"country": "countries__code", "pillar": "pillar", "level": "level"}


def delegations_by(*, scope: Scope, period: Period, by: str, pillar: str | None = None) -> list[BreakdownRow]:
    """Delegations in the period by ``country`` (a delegation to two countries counts in each;
    ``""``: no country recorded), ``pillar`` or ``level``: outgoing ones that took place,
    incoming ones received by provincial leaders, incoming ones permitted to work with a unit —
    each by the catalogue's rule. Largest first for countries; in the vocabulary's order for
    pillars and levels. One query per column and one for the country names."""
    lookup = GROUPINGS[by]
    rows: dict[str, BreakdownRow] = {}
    for code in DELEGATION_CODES:
        qs = RULES[code].records(scope, period, pillar=pillar)
        if qs is None:
            continue
        for item in qs.order_by().values(lookup).annotate(n=Count("pk", distinct=True)):
            key = item[lookup] or ""
            rows.setdefault(key, BreakdownRow(key=key, label=""))
            rows[key].counts[code] = item["n"]
    for row in rows.values():
        for code in DELEGATION_CODES:
            row.counts.setdefault(code, 0)
    if by == "country":
        names = {c.code: c.name for c in Country.objects.filter(code__in=[k for k in rows if k])}
        for row in rows.values():
            row.label = names.get(row.key, row.key) if row.key else _("Country not recorded")
        return sorted(rows.values(), key=lambda r: (r.key == "", -r.total, r.label))
    choices = Pillar.choices if by == "pillar" else Level.choices
    ordered = []
    for value, label in choices:
        row = rows.pop(value, None) or BreakdownRow(key=value, label="", counts=dict.fromkeys(DELEGATION_CODES, 0))
        row.label = str(label)
        ordered.append(row)
    for row in rows.values():  # values outside the vocabulary (none expected), kept visible
        row.label = row.key or _("Not recorded")
        ordered.append(row)
    return ordered


def delegation_list_url(*, code: str, period: Period, scope: Scope, key: str, by: str) -> str | None:
    """The delegations list filtered to one cell of a breakdown, when the list's filters can say
    exactly that: a whole calendar year, the whole province, a recorded value. None otherwise."""
    if not period.is_whole_year or scope.unit is not None or not key:
        return None
    query = {"year": str(period.year), "status": "completed,reported,evaluated"}
    if code == "delegations_out":
        query["direction"] = "outgoing"
    elif code == "delegations_in_received":
        query["direction"], query["reception"] = "incoming", "received"
    else:
        return None  # permitted delegations count by permit date, which the list cannot filter
    query[{"country": "country", "pillar": "pillar", "level": "level"}[by]] = key
    return f"{reverse('web:delegations_list')}?{urlencode(query)}"


# --- the map --------------------------------------------------------------------------------------


@dataclass
class CountryCount:
    """One country on the map: partners in the registry, delegations in the period."""

    code: str
    name: str
    partners: int = 0
    delegations_out: int = 0
    delegations_in: int = 0

    @property
    def delegations(self) -> int:
        return self.delegations_out + self.delegations_in


def map_counts(*, scope: Scope, period: Period, pillar: str | None = None) -> list[CountryCount]:
    """Per country: the partners in the registry (all of them: the registry is shared) and the
    delegations of the period (outgoing that took place; incoming received or permitted), by the
    catalogue's rules. Countries with anything to show, most delegations first."""
    rows: dict[str, CountryCount] = {}
    for item in Partner.objects.order_by().values("country").annotate(n=Count("pk")):
        rows[item["country"]] = CountryCount(code=item["country"], name="", partners=item["n"])
    for row in delegations_by(scope=scope, period=period, by="country", pillar=pillar):
        if not row.key:
            continue
        entry = rows.setdefault(row.key, CountryCount(code=row.key, name=row.label))
        entry.delegations_out = row.counts["delegations_out"]
        entry.delegations_in = row.counts["delegations_in_received"] + row.counts["delegations_in_permitted"]
    names = {c.code: c.name for c in Country.objects.filter(code__in=list(rows))}
    for row in rows.values():
        row.name = names.get(row.code, row.code)
    return sorted(rows.values(), key=lambda r: (-r.delegations, -r.partners, r.name))


@dataclass(frozen=True)
class MapShape:
    code: str
    name: str
    d: str
    dot: tuple[float, float] | None  # small countries: where their dot goes


@lru_cache(maxsize=1)
def world_map() -> tuple[str, tuple[MapShape, ...]]:
    """The vendored world map (Natural Earth, public domain): its viewBox and one shape per
    country, read once per process."""
    path = finders.find(MAP_FILE) or str(Path(settings.STATIC_ROOT or "") / MAP_FILE)
    text = Path(path).read_text()
    view_box = re.search(r'viewBox="([^"]+)"', text).group(1)
    shapes = []
    for match in re.finditer(r'<path id="(\w+)" data-name="([^"]*)"(?: data-x="([\d.]+)" data-y="([\d.]+)")? '
                             r'd="([^"]+)"/>', text):
        code, name, x, y, d = match.groups()
        shapes.append(MapShape(code=code, name=name, d=d, dot=(float(x), float(y)) if x else None))
    return view_box, tuple(shapes)


def map_buckets(values: Sequence[int], *, steps: int = 5) -> list[int]:
    """Upper bounds of the colour classes for the map's counts (1, 2–3, 4–7, …), at most
    ``steps`` classes, so one country with many delegations does not wash out the others."""
    top = max(values, default=0)
    if top <= 0:
        return []
    bounds: list[int] = []
    bound = 1
    while bound < top and len(bounds) < steps - 1:
        bounds.append(bound)
        bound = bound * 2 + 1
    bounds.append(top)
    return bounds


def bucket_of(value: int, bounds: Sequence[int]) -> int:
    """The colour class (1-based) of a count; 0 for nothing."""
    if value <= 0:
        return 0
    for index, bound in enumerate(bounds, start=1):
        if value <= bound:
            return index
    return len(bounds)


def shade_of(bucket: int, buckets: int, *, shades: int = 5) -> int:
    """The shade (1 lightest … ``shades`` darkest) a colour class is drawn in: the classes
    spread over the whole scale, so the largest count is always the darkest."""
    if bucket <= 0:
        return 0
    if buckets <= 1:
        return shades
    return 1 + round((bucket - 1) * (shades - 1) / (buckets - 1))


# --- calendar and agreements ----------------------------------------------------------------------


@dataclass
class CalendarItem:
    """A delegation or event on the calendar."""

    kind: str  # "delegation" or "event"
    start: date
    end: date | None
    title: str
    record: Any
    detail: str = ""


def calendar_items(*, scope: Scope, user: User | None, start: date, days: int = 90, limit: int = 200,
                   pillar: str | None = None) -> list[CalendarItem]:
    """Delegations and events starting from ``start`` for ``days`` days, soonest first: what the
    office has to prepare. Left out: delegations rejected, withdrawn or cancelled, events
    refused or cancelled. Four queries."""
    end = start + timedelta(days=days)
    delegations = visible(Delegation, scope, user).filter(start_on__range=(start, end)).exclude(
        status__in=NOT_GOING_AHEAD)
    events = visible(Event, scope, user).filter(start_on__range=(start, end))
    if any(f.name == "status" for f in Event._meta.get_fields()):
        events = events.exclude(status__in=EVENT_NOT_GOING_AHEAD)
    if pillar:
        delegations, events = delegations.filter(pillar=pillar), events.filter(pillar=pillar)
    delegations = delegations.prefetch_related("countries").select_related("host_unit").order_by("start_on", "pk")
    items = [
        CalendarItem(kind="delegation", start=d.start_on, end=d.end_on, title=d.title, record=d,
                     detail=", ".join(c.name for c in d.countries.all()))
        for d in delegations[:limit]
    ]
    items += [
        CalendarItem(kind="event", start=e.start_on, end=e.end_on, title=e.title, record=e,
                     detail=", ".join(x for x in (e.place, e.country.name if e.country else "") if x))
        for e in events.select_related("country", "unit").order_by("start_on", "pk")[:limit]
    ]
    items.sort(key=lambda i: (i.start, i.kind, i.title))
    return items[:limit]


def calendar_months(items: Sequence[CalendarItem]) -> list[tuple[date, list[CalendarItem]]]:
    """The calendar's items grouped by the month they start in."""
    months: dict[date, list[CalendarItem]] = defaultdict(list)
    for item in items:
        months[item.start.replace(day=1)].append(item)
    return sorted(months.items())


@dataclass
class Expiring:
    """Agreements that need a decision: renew, extend or let lapse."""

    within_first: list[Agreement]
    within_second: list[Agreement]
    expired_in_force: list[Agreement]
    first_days: int
    second_days: int


def agreements_expiring(*, scope: Scope, user: User | None, today: date, first_days: int = 90,
                        second_days: int = 180) -> Expiring:
    """Agreements in force or signed whose validity ends in the next ``first_days`` days, then
    up to ``second_days``; and agreements whose validity has ended but that are still marked in
    force (the register needs correcting, or the agreement renewing). Soonest first."""
    qs = visible(Agreement, scope, user).prefetch_related("partners")
    live = qs.filter(status__in=(AgreementStatus.IN_FORCE, AgreementStatus.SIGNED))
    first = list(live.filter(valid_until__range=(today, today + timedelta(days=first_days)))
                 .order_by("valid_until", "pk"))
    second = list(live.filter(valid_until__gt=today + timedelta(days=first_days),
                              valid_until__lte=today + timedelta(days=second_days)).order_by("valid_until", "pk"))
    lapsed = list(qs.filter(status=AgreementStatus.IN_FORCE, valid_until__lt=today).order_by("valid_until", "pk"))
    return Expiring(within_first=first, within_second=second, expired_in_force=lapsed, first_days=first_days,
                    second_days=second_days)


# --- plans and the annual programme ---------------------------------------------------------------


@dataclass
class Fulfilment:
    """How far one plan or programme has got: tasks or items done out of those counted."""

    ref: str
    title: str
    done: int
    counted: int
    overdue: int
    percent: Decimal | None
    url: str | None
    kind: str  # "plan" or "programme"


def _get(row: Any, name: str, default=None):
    return row.get(name, default) if isinstance(row, dict) else getattr(row, name, default)


def plan_fulfilment(*, user: User | None, today: date, limit: int = 6) -> list[Fulfilment]:
    """The latest ``limit`` plans the user may read, each with its scorecard's total (tasks done
    out of those not dropped, overdue ones), from ``plans.selectors.plan_scorecard`` when the
    plans app has one. A fixed number of queries per plan, so a fixed number in all."""
    try:
        from foreign_affairs.plans import selectors as plan_selectors
        plan_model = apps.get_model("plans", "Plan")
    except (ImportError, LookupError):
        return []
    scorecard = getattr(plan_selectors, "plan_scorecard", None)
    if scorecard is None:
        return []
    plans = plan_model.objects.restrict(user, "view") if user is not None else plan_model.objects.all()
    rows = []
    for plan in plans.order_by("-issued_on", "-pk")[:limit]:
        total = _get(scorecard(plan, today=today), "total")
        done, dropped, all_tasks = (_get(total, "done", 0), _get(total, "dropped", 0), _get(total, "total", 0))
        counted = all_tasks - dropped
        percent = (Decimal(done) * 100 / counted).quantize(Decimal("0.01")) if counted else None
        rows.append(Fulfilment(ref=plan.ref, title=str(plan), done=done, counted=counted,
                               overdue=_get(total, "overdue", 0), percent=percent,
                               url=reverse("web:plans_detail", args=[plan.pk]), kind="plan"))
    return rows


def programme_fulfilment_for(*, year: int, user: User | None) -> Fulfilment | None:
    """The annual foreign-affairs programme of ``year`` (items done out of those not cancelled),
    from ``plans.selectors.programme_fulfilment`` when the plans app keeps programmes; None when
    it does not or there is no programme for the year."""
    try:
        from foreign_affairs.plans import selectors as plan_selectors
        programme_model = apps.get_model("plans", "Programme")
    except (ImportError, LookupError):
        return None
    fulfil = getattr(plan_selectors, "programme_fulfilment", None)
    if fulfil is None:
        return None
    programmes = programme_model.objects.all()
    if user is not None and hasattr(programmes, "restrict"):
        programmes = programmes.restrict(user, "view")
    programme = programmes.filter(year=year).first()
    if programme is None:
        return None
    row = fulfil(programme)
    done = _get(row, "done", 0)
    counted = _get(row, "counted", _get(row, "total", 0))
    percent = _get(row, "fulfilment_pct")
    try:
        url = reverse("web:programmes_detail", args=[programme.pk])
    except NoReverseMatch:  # no page for programmes on this installation
        url = None
    return Fulfilment(ref=programme.ref, title=str(programme), done=done, counted=counted, overdue=0,
                      percent=percent, url=url, kind="programme")
