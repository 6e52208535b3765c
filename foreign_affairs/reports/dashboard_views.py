"""Dashboard pages: the hub (figures of the period, delegations by pillar, level and country,
what is coming up, agreements running out, plan and programme fulfilment), trends across the
years, the map, the calendar; the effectiveness of trips; the health of partner relationships.

Every chart is drawn beside a table with a caption, and every table downloads as CSV with
``?csv=<table key>`` on the same address (same filters, exactly the rows shown, all pages).
Filters: the period (``year``, or ``start`` and ``end``), the ``unit`` (a unit officer sees its
own subtree, through ``report_unit_for``) and the ``pillar``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.links import record_url
from foreign_affairs.core.models import Country, Unit
from foreign_affairs.core.querysets import is_unit_scoped, user_unit_ids
from foreign_affairs.core.views import PermissionView
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.economy.choices import IndicatorUnit
from foreign_affairs.partners.choices import PartnerKind, Relationship
from foreign_affairs.partners.models import Partner

from . import charts, dashboards, effectiveness, relationships
from . import formatting as fmt
from .access import UnknownUnit, report_unit_for
from .indicators import Scope
from .periods import Period, PeriodError

PAGE_SIZE = 25
TREND_YEARS = 5


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def _num(value, unit: str = "count") -> str:
    return fmt.with_unit(value, unit or "count", _lang())


def _int(value, default: int | None = None, *, low: int | None = None, high: int | None = None) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    if (low is not None and number < low) or (high is not None and number > high):
        return default
    return number


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- tables and their CSV -------------------------------------------------------------------------


@dataclass
class Cell:
    """One cell: ``value`` is what the CSV carries, ``text`` what the page shows."""

    value: Any
    text: str | None = None
    url: str | None = None
    numeric: bool = False
    mark: str = ""
    mark_title: str = ""

    @property
    def shown(self) -> str:
        return self.text if self.text is not None else ("" if self.value is None else str(self.value))


@dataclass
class Column:
    label: str
    numeric: bool = False
    mark_label: str | None = None  # the CSV gives the cells' marks in a column of this name


@dataclass
class Table:
    """A table shown with its caption and downloadable as CSV with exactly its rows."""

    key: str
    caption: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    footer: list[Cell] | None = None
    csv_url: str = ""
    empty: str = ""
    stack: bool = True  # on phones each row becomes a small card

    @property
    def labelled_rows(self) -> list[list[tuple[Column, Cell]]]:
        return [list(zip(self.columns, row, strict=False)) for row in self.rows]

    @property
    def labelled_footer(self) -> list[tuple[Column, Cell]] | None:
        return list(zip(self.columns, self.footer, strict=False)) if self.footer else None

    def csv_rows(self) -> list[list[str]]:
        header = []
        for column in self.columns:
            header.append(column.label)
            if column.mark_label:
                header.append(column.mark_label)
        lines = [header]
        for row in [*self.rows, *([self.footer] if self.footer else [])]:
            line = []
            for column, cell in zip(self.columns, row, strict=False):
                value = cell.value
                if isinstance(value, date):
                    value = value.isoformat()
                line.append("" if value is None else str(value))
                if column.mark_label:
                    line.append(cell.mark_title or cell.mark)
            lines.append(line)
        return lines


def csv_response(table: Table, name: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([table.caption])
    writer.writerows(table.csv_rows())
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{name}-{table.key}-{stamp}.csv"'
    return response


# --- filters --------------------------------------------------------------------------------------


class FilterError(ValueError):
    pass


@dataclass
class Filters:
    """What the user asked to see: the period, the unit (None: the province), the pillar."""

    period: Period
    unit: Unit | None
    pillar: str | None
    query: dict[str, str]
    explicit_range: bool

    @property
    def scope(self) -> Scope:
        return Scope.for_unit(self.unit)

    def querystring(self, **extra) -> str:
        query = {k: v for k, v in {**self.query, **extra}.items() if v not in (None, "")}
        return urlencode(query)


def parse_filters(request, *, default_year: int | None = None) -> Filters:
    """The period (``start`` and ``end``, else ``year``, else the year the register's data
    opens on), the unit as far as the user may read it, and the pillar; FilterError with a
    message for bad input."""
    get = request.GET
    today = timezone.localdate()
    start, end = _date(get.get("start")), _date(get.get("end"))
    query: dict[str, str] = {}
    try:
        if start or end:
            if not (start and end):
                raise FilterError(_("Give both the start and the end of the period."))
            period = Period(start, end)
            query.update(start=start.isoformat(), end=end.isoformat())
            explicit = True
        else:
            opening = default_year or dashboards.opening_year(request.user, today=today)
            year = _int(get.get("year"), opening, low=1945, high=2100)
            # The year in progress runs to today, so it is compared with the same days of last year
            # (never a few weeks against a whole year, which reads as a collapse).
            period = Period(date(year, 1, 1), today if year == today.year else date(year, 12, 31))
            if get.get("year"):
                query["year"] = str(year)
            explicit = False
    except PeriodError as exc:
        raise FilterError(str(exc)) from None
    try:
        unit = report_unit_for(request.user, get.get("unit") or None)
    except UnknownUnit as exc:
        raise FilterError(str(exc)) from None
    if get.get("unit"):
        query["unit"] = get["unit"]
    pillar = get.get("pillar") if get.get("pillar") in Pillar.values else None
    if pillar:
        query["pillar"] = pillar
    return Filters(period=period, unit=unit, pillar=pillar, query=query, explicit_range=explicit)


def unit_choices(user) -> list[Unit]:
    """The units a user may ask figures for: all of them, or a unit officer's own subtree."""
    units = Unit.objects.restrict(user, "view").order_by("name_vi")
    if is_unit_scoped(user):
        units = units.filter(pk__in=user_unit_ids(user))
    return list(units)


class DashboardBase(PermissionView):
    """Every dashboard page needs the reports' view permission; a unit officer's figures are
    those of its unit's subtree."""

    template_name = ""
    csv_name = "dashboard"
    default_year: int | None = None

    def required_perms(self):
        return ["reports.view_report"]

    def get(self, request, **kwargs):
        try:
            filters = parse_filters(request, default_year=self.default_year)
        except FilterError as exc:
            return render(request, "reports/dashboards/error.html", {"error": str(exc), "page_title": self.title()},
                          status=400)
        context = self.build(request, filters, **kwargs)
        tables = {t.key: t for t in context.get("tables", [])}
        wanted = request.GET.get("csv")
        if wanted:
            if wanted not in tables:
                raise Http404
            return csv_response(tables[wanted], self.csv_name)
        query = filters.querystring(**self.extra_query(request))
        for table in tables.values():
            table.csv_url = f"{request.path}?{query + '&' if query else ''}csv={table.key}"
        context.update(filters=filters, units=unit_choices(request.user), pillars=Pillar.choices,
                       years=dashboards.year_choices(request.user, today=timezone.localdate(),
                                                     shown=filters.period.year),
                       page_title=self.title(), today=timezone.localdate(), nav=self.nav(filters),
                       t={t.key: t for t in tables.values()})
        return render(request, self.template_name, context)

    def extra_query(self, request) -> dict[str, str]:
        return {}

    def title(self) -> str:
        return _("Dashboard")

    def build(self, request, filters: Filters, **kwargs) -> dict:
        raise NotImplementedError

    def nav(self, filters: Filters) -> list[tuple[str, str, bool]]:
        query = filters.querystring()
        suffix = f"?{query}" if query else ""
        here = self.request.resolver_match.url_name
        return [
            (_("Overview"), reverse("reports:dashboard") + suffix, here == "dashboard"),
            (_("Trends"), reverse("reports:dashboard_trends") + suffix, here == "dashboard_trends"),
            (_("Map"), reverse("reports:dashboard_map") + suffix, here == "dashboard_map"),
            (_("Calendar"), reverse("reports:dashboard_calendar") + suffix, here == "dashboard_calendar"),
            (_("Effectiveness of trips"), reverse("reports:effectiveness") + suffix,
             here in ("effectiveness", "effectiveness_trip")),
            (_("Relationships"), reverse("reports:relationships"), here == "relationships"),
        ]


def _delegation_columns() -> list[Column]:
    return [Column(_("Outgoing (took place)"), numeric=True), Column(_("Incoming, received"), numeric=True),
            Column(_("Incoming, permitted"), numeric=True), Column(_("Total"), numeric=True)]


def breakdown_table(key: str, caption: str, first: str, rows: list[dashboards.BreakdownRow], filters: Filters,
                    by: str) -> Table:
    table = Table(key=key, caption=caption, columns=[Column(first), *_delegation_columns()],
                  empty=_("No delegation in the period."))
    totals = dict.fromkeys(dashboards.DELEGATION_CODES, 0)
    for row in rows:
        cells = [Cell(row.label)]
        for code in dashboards.DELEGATION_CODES:
            n = row.counts[code]
            totals[code] += n
            url = dashboards.delegation_list_url(code=code, period=filters.period, scope=filters.scope, key=row.key,
                                                 by=by) if n else None
            cells.append(Cell(n, text=_num(n), url=url, numeric=True))
        cells.append(Cell(row.total, text=_num(row.total), numeric=True))
        table.rows.append(cells)
    if by != "country":  # a delegation to two countries is in two rows: no total
        table.footer = [Cell(_("Total"))]
        for code in dashboards.DELEGATION_CODES:
            url = dashboards.records_url(code, filters.period, filters.scope) if totals[code] else None
            table.footer.append(Cell(totals[code], text=_num(totals[code]), url=url, numeric=True))
        table.footer.append(Cell(sum(totals.values()), text=_num(sum(totals.values())), numeric=True))
    return table


def _agreement_rows(agreements, today: date) -> list[list[Cell]]:
    rows = []
    for a in agreements:
        days = (a.valid_until - today).days if a.valid_until else None
        rows.append([
            Cell(a.title, url=record_url(a)),
            Cell(", ".join(p.name for p in a.partners.all())),
            Cell(a.valid_until, text=fmt.day(a.valid_until)),
            Cell(days, text=_num(days), numeric=True),
            Cell(a.status, text=str(a.get_status_display())),
        ])
    return rows


def _agreement_columns() -> list[Column]:
    return [Column(_("Agreement")), Column(_("Partners")), Column(_("Valid until")),
            Column(_("Days left"), numeric=True), Column(_("Status"))]


class DashboardView(DashboardBase):
    """The hub: the period's figures, delegations by pillar, level and country, the next
    delegations and events, agreements running out, plans and the programme."""

    template_name = "reports/dashboards/hub.html"

    def build(self, request, filters: Filters, **kwargs) -> dict:
        today = timezone.localdate()
        scope, period = filters.scope, filters.period
        headline = dashboards.headline_figures(scope=scope, period=period, pillar=filters.pillar)
        figures_table = Table(key="figures", caption=_("Figures for %(period)s, beside the same span a year earlier")
                              % {"period": period.label()},
                              columns=[Column(_("Indicator")), Column(_("Value"), numeric=True,
                                                                     mark_label=_("Source")),
                                       Column(_("Same period last year"), numeric=True),
                                       Column(_("Change"), numeric=True)])
        for h in headline:
            figures_table.rows.append([
                Cell(h.label), _value_cell(h.value, h.unit, h.source, h.records_url),
                Cell(h.previous, text=_num(h.previous, h.unit), numeric=True),
                Cell(h.change_pct, text=fmt.percent(h.change_pct, _lang()), numeric=True),
            ])
        by_pillar = dashboards.delegations_by(scope=scope, period=period, by="pillar", pillar=filters.pillar)
        by_level = dashboards.delegations_by(scope=scope, period=period, by="level", pillar=filters.pillar)
        by_country = dashboards.delegations_by(scope=scope, period=period, by="country", pillar=filters.pillar)
        pillar_table = breakdown_table("pillar", _("Delegations by pillar, %(period)s") % {"period": period.label()},
                                       _("Pillar"), by_pillar, filters, "pillar")
        level_table = breakdown_table("level", _("Delegations by level, %(period)s") % {"period": period.label()},
                                      _("Level"), by_level, filters, "level")
        country_table = breakdown_table(
            "countries", _("Delegations by country, %(period)s (a delegation to several countries counts in each)")
            % {"period": period.label()}, _("Country"), by_country, filters, "country")

        upcoming = dashboards.calendar_items(scope=scope, user=request.user, start=today, days=90, limit=8,
                                             pillar=filters.pillar)
        calendar_table = calendar_table_for(upcoming, _("Delegations and events in the next 90 days"))
        expiring = dashboards.agreements_expiring(scope=scope, user=request.user, today=today)
        expiring_tables = []
        for key, caption, items in (
            ("expiring-90", _("Agreements whose validity ends in the next %(days)d days")
             % {"days": expiring.first_days}, expiring.within_first),
            ("expiring-180", _("Agreements whose validity ends in %(first)d to %(second)d days")
             % {"first": expiring.first_days + 1, "second": expiring.second_days}, expiring.within_second),
            ("expired-in-force", _("Expired but still marked in force"), expiring.expired_in_force),
        ):
            expiring_tables.append(Table(key=key, caption=caption, columns=_agreement_columns(),
                                         rows=_agreement_rows(items, today), empty=_("None.")))
        plans = dashboards.plan_fulfilment(user=request.user, today=today)
        programme = dashboards.programme_fulfilment_for(year=period.end.year, user=request.user)
        plans_table = Table(key="plans", caption=_("Plans and the annual programme: tasks and items done"),
                            columns=[Column(_("Plan or programme")), Column(_("Done"), numeric=True),
                                     Column(_("Counted"), numeric=True), Column(_("Overdue"), numeric=True),
                                     Column(_("Fulfilment"), numeric=True)],
                            empty=_("No plan or programme recorded."))
        for item in [*([programme] if programme else []), *plans]:
            plans_table.rows.append([
                Cell(item.title, url=item.url), Cell(item.done, text=_num(item.done), numeric=True),
                Cell(item.counted, text=_num(item.counted), numeric=True),
                Cell(item.overdue, text=_num(item.overdue), numeric=True),
                Cell(item.percent, text=fmt.percent(item.percent, _lang()), numeric=True),
            ])
        return {
            "headline": headline,
            "level_chart": charts.bars([(row.label, row.total, None) for row in by_level]),
            "country_chart": charts.bars([(row.label, row.total, None) for row in by_country if row.key], limit=10),
            "pillar_split": _stacked(by_pillar),
            "upcoming": upcoming,
            "expiring": expiring,
            "expiring_tables": expiring_tables,
            "fulfilment": [*([programme] if programme else []), *plans],
            "tables": [figures_table, pillar_table, level_table, country_table, calendar_table, *expiring_tables,
                       plans_table],
        }


def _stacked(rows: list[dashboards.BreakdownRow]) -> list[dict]:
    """Per row, the share of each of the three counts, for a stacked bar."""
    largest = max((r.total for r in rows), default=0)
    out = []
    for row in rows:
        parts, x = [], 0.0
        for code in dashboards.DELEGATION_CODES:
            width = round(100 * row.counts[code] / largest, 1) if largest else 0.0
            parts.append({"code": code, "n": row.counts[code], "width": width, "x": round(x, 1)})
            x += width
        out.append({"label": row.label, "total": row.total, "parts": parts})
    return out


def _value_cell(value, unit: str, source: str | None, url: str | None) -> Cell:
    marks = {"reported": ("R", _("reported")), "computed": ("C", _("computed")),
             "derived": ("Σ", _("sum of published parts"))}
    mark, title = marks.get(source or "", ("", ""))
    return Cell(value, text=_num(value, unit), url=url if source == "computed" else None, numeric=True, mark=mark,
                mark_title=title)


def calendar_table_for(items: list[dashboards.CalendarItem], caption: str) -> Table:
    table = Table(key="calendar", caption=caption,
                  columns=[Column(_("Starts")), Column(_("Ends")), Column(_("Kind")), Column(_("Title")),
                           Column(_("Where")), Column(_("Status"))],
                  empty=_("Nothing scheduled."))
    for item in items:
        record = item.record
        kind = _("Delegation") if item.kind == "delegation" else _("Event")
        if item.kind == "delegation":
            kind = f"{kind} · {record.get_direction_display()}"
        else:
            kind = f"{kind} · {record.get_kind_display()}"
        status = record.get_status_display() if hasattr(record, "get_status_display") else ""
        table.rows.append([
            Cell(item.start, text=fmt.day(item.start)), Cell(item.end, text=fmt.day(item.end)), Cell(kind),
            Cell(item.title, url=record_url(record)), Cell(item.detail), Cell(str(status)),
        ])
    return table


class TrendsView(DashboardBase):
    """Every indicator across the last years: a line chart of the delegations and events, a
    small chart per indicator, and the table of every value with its source."""

    template_name = "reports/dashboards/trends.html"

    def title(self) -> str:
        return _("Trends across the years")

    def extra_query(self, request) -> dict[str, str]:
        years = request.GET.get("years")
        return {"years": years} if years else {}

    def build(self, request, filters: Filters, **kwargs) -> dict:
        count = _int(request.GET.get("years"), TREND_YEARS, low=2, high=15)
        years = dashboards.trend_years(filters.period.end.year, count)
        trends = dashboards.indicator_trends(scope=filters.scope, years=years, pillar=filters.pillar)
        table = Table(key="trends", caption=_("Indicators by year, %(first)d–%(last)d (R: published figure; "
                                              "Σ: sum of published parts; C: computed from the register)")
                      % {"first": years[0], "last": years[-1]},
                      columns=[Column(_("Indicator")), Column(_("Unit")),
                               *[Column(str(y), numeric=True, mark_label=_("%(year)d source") % {"year": y})
                                 for y in years]])
        small = []
        for trend in trends:
            table.rows.append([Cell(trend.label), Cell(str(IndicatorUnit(trend.unit).label)),
                               *[_value_cell(p.value, trend.unit, p.source, p.records_url) for p in trend.points]])
            chart = charts.column_chart([(str(p.year), p.value, p.source or "none", p.records_url)
                                         for p in trend.points])
            small.append({"trend": trend, "chart": chart,
                          "last": trend.points[-1], "values": [(p, _num(p.value, trend.unit)) for p in trend.points]})
        by_code = {t.code: t for t in trends}
        lines = [(str(by_code[code].label), css, [p.value for p in by_code[code].points])
                 for code, css in (("delegations_out", "s1"), ("delegations_in_received", "s2"),
                                   ("delegations_in_permitted", "s3"), ("events_held", "s4"))
                 if code in by_code]
        return {
            "years": years, "years_count": count, "small": small,
            "line": charts.line_chart([str(y) for y in years], lines) if lines else None,
            "line_series": lines,
            "this_year_open": years[-1] >= timezone.localdate().year,
            "tables": [table],
        }


class MapView(DashboardBase):
    """Where the partners and the period's delegations are: a world map coloured by count, with
    the table of every country beside it."""

    template_name = "reports/dashboards/map.html"
    METRICS = {"delegations": gettext_lazy("Delegations in the period"),
               "partners": gettext_lazy("Partners in the registry")}

    def title(self) -> str:
        return _("Map of partners and delegations")

    def extra_query(self, request) -> dict[str, str]:
        metric = request.GET.get("metric")
        return {"metric": metric} if metric in self.METRICS else {}

    def build(self, request, filters: Filters, **kwargs) -> dict:
        metric = request.GET.get("metric") if request.GET.get("metric") in self.METRICS else "delegations"
        rows = dashboards.map_counts(scope=filters.scope, period=filters.period, pillar=filters.pillar)
        if metric == "partners":
            rows.sort(key=lambda r: (-r.partners, -r.delegations, r.name))
        value_of = (lambda r: r.delegations) if metric == "delegations" else (lambda r: r.partners)
        counts = {r.code: value_of(r) for r in rows}
        bounds = dashboards.map_buckets(list(counts.values()))
        view_box, shapes = dashboards.world_map()
        names = {c.code: c.name for c in Country.objects.only("code", "name_vi", "name_en")}  # the page's language
        drawn = []
        for shape in shapes:
            n = counts.get(shape.code, 0)
            drawn.append({"shape": shape, "n": n,
                          "bucket": dashboards.shade_of(dashboards.bucket_of(n, bounds), len(bounds)),
                          "name": names.get(shape.code, shape.name)})
        legend = []
        low = 1
        for index, bound in enumerate(bounds, start=1):
            legend.append({"bucket": dashboards.shade_of(index, len(bounds)),
                           "label": str(bound) if low == bound else f"{low}–{bound}"})
            low = bound + 1
        on_map = {s.code for s in shapes}
        table = Table(key="countries", caption=_("Partners and delegations by country, %(period)s")
                      % {"period": filters.period.label()},
                      columns=[Column(_("Country")), Column(_("Partners"), numeric=True),
                               Column(_("Outgoing"), numeric=True), Column(_("Incoming"), numeric=True)],
                      empty=_("No partner or delegation recorded."))
        partners_list = reverse("web:partners_list")
        for r in rows:
            if not value_of(r) and not r.partners and not r.delegations:
                continue
            table.rows.append([
                Cell(r.name, url=reverse("web:country_detail", args=[r.code])),
                Cell(r.partners, text=_num(r.partners), numeric=True,
                     url=f"{partners_list}?country={r.code}" if r.partners else None),
                Cell(r.delegations_out, text=_num(r.delegations_out), numeric=True),
                Cell(r.delegations_in, text=_num(r.delegations_in), numeric=True),
            ])
        return {"metric": metric, "metrics": list(self.METRICS.items()), "view_box": view_box, "shapes": drawn,
                "legend": legend, "off_map": [r for r in rows if r.code not in on_map and value_of(r)],
                "tables": [table]}


class CalendarView(DashboardBase):
    """The delegations and events coming up, month by month."""

    template_name = "reports/dashboards/calendar.html"

    def title(self) -> str:
        return _("Calendar of delegations and events")

    def extra_query(self, request) -> dict[str, str]:
        return {k: request.GET[k] for k in ("from", "days") if request.GET.get(k)}

    def build(self, request, filters: Filters, **kwargs) -> dict:
        start = _date(request.GET.get("from")) or timezone.localdate()
        days = _int(request.GET.get("days"), 90, low=7, high=730)
        items = dashboards.calendar_items(scope=filters.scope, user=request.user, start=start, days=days,
                                          pillar=filters.pillar)
        table = calendar_table_for(items, _("Delegations and events from %(start)s to %(end)s")
                                   % {"start": fmt.day(start), "end": fmt.day(start + timedelta(days=days))})
        return {"start": start, "days": days, "months": dashboards.calendar_months(items), "tables": [table]}


# --- effectiveness of trips -----------------------------------------------------------------------


def _effect_cells(e: effectiveness.TripEffect, window: int) -> list[Cell]:
    d = e.delegation
    detail = f"{reverse('reports:effectiveness_trip', args=[d.pk])}?window={window}"
    cost_text = _num(e.cost_vnd, "VND")
    return [
        Cell(d.title, url=detail),
        Cell(d.start_on, text=fmt.span(d.start_on, d.end_on)),
        Cell(", ".join(c.code for c in d.countries.all())),
        Cell(e.cost_vnd, text=cost_text, numeric=True, mark="B" if e.cost_basis == "budget" else "",
             mark_title=_("budget (no actual cost recorded)") if e.cost_basis == "budget" else
             (_("actual cost") if e.cost_basis else "")),
        Cell(len(e.agreements_linked), text=_num(len(e.agreements_linked)), numeric=True),
        Cell(len(e.agreements_in_window), text=_num(len(e.agreements_in_window)), numeric=True),
        Cell(e.cost_per_agreement_vnd, text=_num(e.cost_per_agreement_vnd, "VND"), numeric=True),
        Cell(e.leads if e.leads_available else None, text=_num(e.leads) if e.leads_available else "—",
             numeric=True),
        Cell(len(e.fdi_linked), text=_num(len(e.fdi_linked)), numeric=True),
        Cell(e.fdi_linked_capital_usd, text=_num(e.fdi_linked_capital_usd, "USD"), numeric=True),
        Cell(len(e.fdi_in_window), text=_num(len(e.fdi_in_window)), numeric=True),
        Cell(e.fdi_in_window_capital_usd, text=_num(e.fdi_in_window_capital_usd, "USD"), numeric=True),
        Cell(e.fdi_usd_per_million_vnd, text=_num(e.fdi_usd_per_million_vnd, "USD"), numeric=True),
    ]


def _effect_columns() -> list[Column]:
    return [
        Column(_("Delegation")), Column(_("Dates")), Column(_("Countries")),
        Column(_("Cost (VND)"), numeric=True, mark_label=_("Cost basis")),
        Column(_("Agreements linked"), numeric=True), Column(_("Agreements with partners in window"), numeric=True),
        Column(_("Cost per agreement (VND)"), numeric=True), Column(_("Investment leads"), numeric=True),
        Column(_("FDI projects linked"), numeric=True), Column(_("Linked FDI capital (USD)"), numeric=True),
        Column(_("FDI projects, same country in window"), numeric=True),
        Column(_("Same-country FDI capital (USD)"), numeric=True),
        Column(_("FDI USD per million VND"), numeric=True),
    ]


class EffectivenessView(DashboardBase):
    """Every outgoing delegation that took place, ranked by what followed it per đồng spent."""

    template_name = "reports/dashboards/effectiveness.html"
    csv_name = "effectiveness"

    def title(self) -> str:
        return _("Effectiveness of trips")

    def extra_query(self, request) -> dict[str, str]:
        return {k: request.GET[k] for k in ("window", "sort", "order") if request.GET.get(k)}

    def build(self, request, filters: Filters, **kwargs) -> dict:
        window = _int(request.GET.get("window"), effectiveness.DEFAULT_WINDOW_MONTHS, low=0, high=120)
        sort = request.GET.get("sort") if request.GET.get("sort") in effectiveness.SORT_KEYS else "fdi_per_vnd"
        order = request.GET.get("order")
        descending = {"asc": False, "desc": True}.get(order or "")
        start = filters.period.start if (filters.explicit_range or request.GET.get("year")) else None
        end = filters.period.end if (filters.explicit_range or request.GET.get("year")) else None
        ranked = effectiveness.trips_ranked(start=start, end=end, unit=filters.unit, window_months=window,
                                            user=request.user, sort=sort, descending=descending,
                                            pillar=filters.pillar)
        ranked_table = Table(key="ranked", caption=_("Trips with a cost, ranked by %(order)s (window: %(months)d "
                                                     "months after the return)")
                             % {"order": effectiveness.SORT_KEYS[sort][0], "months": window},
                             columns=_effect_columns(), empty=_("No trip with a cost recorded."))
        ranked_table.rows = [_effect_cells(e, window) for e in ranked.with_cost]
        apart_table = Table(key="without_cost", caption=_("Trips without a cost or budget recorded"),
                            columns=_effect_columns(), empty=_("None."))
        apart_table.rows = [_effect_cells(e, window) for e in ranked.without_cost]
        page = Paginator(ranked.with_cost, PAGE_SIZE).get_page(request.GET.get("page"))
        query = filters.querystring(**self.extra_query(request))
        sorts = []
        for key, (label, _value, natural) in effectiveness.SORT_KEYS.items():
            active = key == sort
            next_order = ("asc" if (descending if descending is not None else natural) else "desc") if active else ""
            sorts.append({"key": key, "label": label, "active": active,
                          "url": "?" + filters.querystring(window=str(window), sort=key, order=next_order)})
        chart = charts.bars([(e.delegation.title, e.fdi_usd_per_million_vnd, None) for e in ranked.with_cost[:10]
                             if e.fdi_usd_per_million_vnd])
        totals = {
            "trips": len(ranked.with_cost) + len(ranked.without_cost),
            "cost": sum(e.cost_vnd or 0 for e in ranked.with_cost),
            "agreements_linked": sum(len(e.agreements_linked) for e in [*ranked.with_cost, *ranked.without_cost]),
            "fdi_linked_capital": sum((e.fdi_linked_capital_usd for e in [*ranked.with_cost, *ranked.without_cost]),
                                      0),
            "budget_only": sum(1 for e in ranked.with_cost if e.cost_basis == "budget"),
        }
        start_rank = (page.number - 1) * PAGE_SIZE
        return {"ranked": ranked, "window": window, "sort": sort, "sorts": sorts, "page": page,
                "page_effects": [(start_rank + i, e) for i, e in enumerate(page.object_list, start=1)],
                "page_rows": page.object_list, "page_query": query,
                "page_range": page.paginator.get_elided_page_range(page.number),
                "chart": chart, "totals": totals, "ranged": start is not None,
                "tables": [ranked_table, apart_table]}


class TripEffectView(DashboardBase):
    """One trip: its cost and every record counted as following it, by attribution."""

    template_name = "reports/dashboards/trip.html"
    csv_name = "trip"

    def title(self) -> str:
        return _("Effectiveness of a trip")

    def extra_query(self, request) -> dict[str, str]:
        return {"window": request.GET["window"]} if request.GET.get("window") else {}

    def build(self, request, filters: Filters, pk: int = 0, **kwargs) -> dict:
        trips = Delegation.objects.restrict(request.user, "view")
        if filters.unit is not None:
            trips = trips.filter(host_unit__in=filters.scope.unit_ids)
        trip = get_object_or_404(trips, pk=pk, direction="outgoing")
        window = _int(request.GET.get("window"), effectiveness.DEFAULT_WINDOW_MONTHS, low=0, high=120)
        effect = effectiveness.trip_effectiveness(trip, window_months=window, user=request.user)
        records = Table(key="records", caption=_("Records counted for this trip"),
                        columns=[Column(_("Attribution")), Column(_("Kind")), Column(_("Record")),
                                 Column(_("Date")), Column(_("Value"), numeric=True)],
                        empty=_("Nothing followed this trip in the register."))
        linked, in_window = _("linked to the trip"), _("same partner or country in the window")
        for group, label, items, kind in (
            (linked, _("Agreement"), effect.agreements_linked, "agreement"),
            (in_window, _("Agreement"), effect.agreements_in_window, "agreement"),
            (linked, _("Investment lead"), effect.leads_linked, "lead"),
            (in_window, _("Investment lead"), effect.leads_in_window, "lead"),
            (linked, _("FDI project"), effect.fdi_linked, "fdi"),
            (in_window, _("FDI project"), effect.fdi_in_window, "fdi"),
        ):
            for obj in items:
                when = getattr(obj, "signed_on", None) or getattr(obj, "registered_on", None) or \
                    getattr(obj, "received_on", None)
                value = getattr(obj, "capital_usd", None) if kind == "fdi" else \
                    getattr(obj, "expected_capital_usd", None)
                records.rows.append([Cell(group), Cell(label), Cell(str(obj), url=record_url(obj)),
                                     Cell(when, text=fmt.day(when)),
                                     Cell(value, text=_num(value, "USD") if value is not None else "", numeric=True)])
        return {"effect": effect, "trip": trip, "window": window, "tables": [records],
                "trip_url": record_url(trip)}


# --- relationship health --------------------------------------------------------------------------


class RelationshipsView(DashboardBase):
    """Every partner's relationship: last leader-level exchange, exchanges a year, agreements in
    force and running out, open follow-ups, anniversaries; dormant ones first."""

    template_name = "reports/dashboards/relationships.html"
    csv_name = "relationships"

    def title(self) -> str:
        return _("Health of partner relationships")

    def extra_query(self, request) -> dict[str, str]:
        return {k: request.GET[k] for k in ("country", "relationship", "kind", "dormant_years", "only")
                if request.GET.get(k)}

    def build(self, request, filters: Filters, **kwargs) -> dict:
        today = timezone.localdate()
        get = request.GET
        dormant_years = _int(get.get("dormant_years"), relationships.DEFAULT_DORMANT_YEARS, low=1, high=30)
        partners = Partner.objects.restrict(request.user, "view")
        if get.get("country"):
            partners = partners.filter(country__in=[c.strip().upper() for c in get["country"].split(",")])
        if get.get("relationship") in Relationship.values:
            partners = partners.filter(relationship=get["relationship"])
        elif get.get("relationship") == "none":
            partners = partners.filter(relationship="")
        if get.get("kind") in PartnerKind.values:
            partners = partners.filter(kind=get["kind"])
        rows = relationships.relationship_health(today=today, dormant_after_years=dormant_years, partners=partners,
                                                 user=request.user)
        if get.get("only") == "dormant":
            rows = [r for r in rows if r.dormant]
        years = relationships.exchange_years(today)
        table = Table(key="partners", caption=_("Partner relationships as of %(date)s (dormant: no exchange for "
                                                "%(years)d years, or marked dormant)")
                      % {"date": fmt.day(today), "years": dormant_years},
                      columns=[Column(_("Partner")), Column(_("Country")), Column(_("Relationship")),
                               Column(_("Dormant")), Column(_("Last leader-level exchange")),
                               Column(_("Last exchange")),
                               *[Column(str(y), numeric=True) for y in years],
                               Column(_("Agreements in force"), numeric=True),
                               Column(_("Expiring within 180 days"), numeric=True),
                               Column(_("Post-trip reports due"), numeric=True),
                               Column(_("Agreements in preparation"), numeric=True),
                               Column(_("Next anniversary"))],
                      empty=_("No partner matches."))
        for r in rows:
            p = r.partner
            anniversary = r.anniversaries[0] if r.anniversaries else None
            table.rows.append([
                Cell(p.name, url=record_url(p)), Cell(p.country_id, text=p.country.name if p.country_id else ""),
                Cell(p.relationship, text=str(p.get_relationship_display()) if p.relationship else ""),
                Cell(r.dormant_reason, text=r.dormant_reason),
                Cell(r.last_leader_exchange, text=fmt.day(r.last_leader_exchange)),
                Cell(r.last_exchange, text=fmt.day(r.last_exchange)),
                *[Cell(r.exchanges_by_year.get(y, 0), text=_num(r.exchanges_by_year.get(y, 0)), numeric=True)
                  for y in years],
                Cell(r.active_agreements, text=_num(r.active_agreements), numeric=True),
                Cell(r.expiring_agreements, text=_num(r.expiring_agreements), numeric=True),
                Cell(r.reports_outstanding, text=_num(r.reports_outstanding), numeric=True),
                Cell(r.agreements_in_preparation, text=_num(r.agreements_in_preparation), numeric=True),
                Cell(anniversary.on if anniversary else None,
                     text=(_("%(years)d years on %(date)s: %(title)s") % {
                         "years": anniversary.years, "date": fmt.day(anniversary.on), "title": anniversary.title})
                     if anniversary else ""),
            ])
        anniversaries = relationships.upcoming_anniversaries(rows)
        anniversary_table = Table(key="anniversaries", caption=_("Anniversaries in the next twelve months"),
                                  columns=[Column(_("Date")), Column(pgettext("anniversary", "Years"), numeric=True),
                                           Column(_("Partner")), Column(_("Of"))],
                                  empty=_("No round anniversary in the next twelve months."))
        for a, partner in anniversaries:
            anniversary_table.rows.append([
                Cell(a.on, text=fmt.day(a.on)), Cell(a.years, text=_num(a.years), numeric=True),
                Cell(partner.name, url=record_url(partner)),
                Cell(a.title, url=record_url(a.record) if a.record is not None else None),
            ])
        page = Paginator(list(zip(rows, table.rows, strict=True)), 50).get_page(get.get("page"))
        countries = Country.objects.filter(pk__in=Partner.objects.values("country")).order_by("name_en")
        return {
            "rows": rows, "years": years, "page": page, "page_range": page.paginator.get_elided_page_range(page.number),
            "page_query": filters.querystring(**self.extra_query(request)),
            "dormant_count": sum(1 for r in rows if r.dormant), "dormant_years": dormant_years,
            "anniversaries": anniversaries[:8], "countries": countries, "relationships": Relationship.choices,
            "kinds": PartnerKind.choices, "tables": [table, anniversary_table],
            "expiring_total": sum(r.expiring_agreements for r in rows),
            "followups_total": sum(r.open_followups for r in rows),
        }

