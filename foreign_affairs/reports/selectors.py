"""The report as data: ``report_build`` turns the register into the document the office sends —
figures (DESIGN §2), sections by the three pillars and their fields, tables of records, the
officer's assessment and the next year's programme — as one JSON-ready dict in one language.
The JSON contract (period, unit, indicators, then the sections) is what the API returns; the
HTML, DOCX and PDF documents are rendered from the same dict."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import Country, Field, Province, Unit

from . import formatting as fmt
from .figures import Figure, figures, indicator_catalogue, part_period_statistics
from .indicators import RULES, ComputedSet, Scope, computed_periods, computed_records
from .models import Report
from .periods import Period, ReportKind

FORMAT = "fa-report/1"
# Figures every report opens with.
HEADLINE = ("delegations_out", "delegations_out_leaders", "delegations_in_received", "foreign_visitors_received",
            "delegations_in_permitted", "agreements_signed", "events_held")
ECONOMIC = ("fdi_new_projects", "fdi_new_capital_usd", "fdi_adjusted_projects", "fdi_adjusted_capital_usd",
            "fdi_total_capital_usd", "oda_active_programmes", "oda_total_investment_vnd", "export_turnover_usd",
            "workers_abroad")
PILLAR_FIGURES = ("delegations_out", "delegations_out_leaders", "delegations_in_received",
                  "foreign_visitors_received", "delegations_in_permitted", "events_held")
# State diplomacy by field (domain.md §6.1): section key, title, the field codes it gathers.
STATE_FIELDS = (
    ("political", gettext_noop("Political diplomacy and cooperation with foreign localities"), ("political",)),
    ("economic", gettext_noop("Economic diplomacy"),
     ("economic", "labour", "tourism", "agriculture", "science_technology")),
    ("cultural", gettext_noop("Cultural diplomacy"),
     ("cultural", "education", "sports", "health", "environment", "humanitarian")),
    ("foreign_information", gettext_noop("Foreign information"), ("foreign_information",)),
    ("consular", gettext_noop("Consular work, citizen protection and overseas Vietnamese"),
     ("consular", "overseas_vietnamese")),
    ("border_defence", gettext_noop("Border, territory, defence and security"), ("border", "defence_security")),
)


def _json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def figure_json(figure: Figure) -> dict:
    """One indicator as the contract gives it (numbers as JSON numbers, absent values null)."""
    return {
        "code": figure.code,
        "label": figure.label,
        "unit": figure.unit,
        "value": _json_number(figure.value),
        "computed": _json_number(figure.computed),
        "reported": _json_number(figure.reported),
        "source": figure.source,
        "plan": _json_number(figure.plan),
        "fulfilment_pct": _json_number(figure.fulfilment_pct),
        "previous": _json_number(figure.previous),
        "change_pct": _json_number(figure.change_pct),
        "mismatch": figure.mismatch,
        "alternatives": [{**alt, "value": _json_number(alt["value"])} for alt in figure.alternatives],
        "breakdown": figure.breakdown,
        "records_url": figure.records_url,
        "derived_from": list(figure.derived_from),
    }


def _section(key: str, number: str, title: str, *, paragraphs: Iterable[str] = (), figures: Iterable[str] = (),
             tables: Iterable[dict] = (), subsections: Iterable[dict] = ()) -> dict:
    return {
        "key": key,
        "number": number,
        "title": title,
        "paragraphs": [p for p in paragraphs if p],
        "figures": list(figures),
        "tables": [t for t in tables if t],
        "subsections": list(subsections),
    }


def _table(key: str, title: str, columns: list[tuple[str, str]], rows: list[dict], *,
           empty_ok: bool = False) -> dict | None:
    if not rows and not empty_ok:
        return None
    return {"key": key, "title": title, "columns": [{"key": k, "label": label} for k, label in columns],
            "rows": rows}


def _copy(rows: list[dict]) -> list[dict]:
    """The same rows for a second table (the annexes repeat the sections' tables)."""
    return [dict(row) for row in rows]


def _texts(text: str) -> list[str]:
    """An officer's text as paragraphs (blank lines separate them)."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


def _names(items: Iterable) -> str:
    return "; ".join(str(getattr(item, "name", item)) for item in items)


def _value_text(figure: Figure, lang: str) -> str:
    return fmt.with_unit(figure.value, figure.unit, lang)


# --- record tables ------------------------------------------------------------------------


LINK_CHUNK = 10_000


def _link_chunk() -> int:
    """How many record ids one link query may name: 10,000, or fewer where SQLite allows fewer
    parameters (its default limit is 32,766 since 3.32, 999 before)."""
    if connection.vendor != "sqlite":
        return LINK_CHUNK
    try:
        connection.ensure_connection()
        return max(100, min(LINK_CHUNK, connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - 10))
    except (AttributeError, sqlite3.Error):
        return 900
GROUPING = {"en": ",", "vi": "."}


def whole_number_text(value, lang: str) -> str:
    """``formatting.number`` for the counts and amounts of the tables, without Babel's cost for
    the common case (a whole number not below zero: digits grouped by the language's separator)."""
    if type(value) is int and value >= 0 and lang in GROUPING:
        return f"{value:,}".replace(",", GROUPING[lang])
    return fmt.number(value, lang)



class ReportRecords:
    """The records a report's tables list — delegations out, received and permitted, events and
    agreements of the period in scope — read once per report as plain rows (``.values()``) with
    their countries, partners, fields and units (one query per link table, none per record):
    the pillar and field tables and the annexes all take their rows from here. Each row also
    carries its texts as the tables write them (keys starting with ``_``), written once."""

    DELEGATION_CODES = ("delegations_out", "delegations_in_received", "delegations_in_permitted")
    DELEGATION_FIELDS = ("pk", "ref", "title", "head_name", "head_position", "start_on", "end_on", "host_unit_id",
                         "host_unit__name_vi", "host_unit__name_en", "pillar", "status", "members", "cost_vnd",
                         "outcomes", "foreign_visitors", "reception", "permit_on")
    EVENT_FIELDS = ("pk", "ref", "title", "kind", "pillar", "start_on", "end_on", "place", "country_id",
                    "country__name_vi", "country__name_en", "participants", "unit_id", "unit__name_vi",
                    "unit__name_en")
    AGREEMENT_FIELDS = ("pk", "ref", "title_vi", "title_en", "kind", "signed_on", "place", "status")

    def __init__(self, scope: Scope, period: Period, lang: str):
        from foreign_affairs.agreements.models import Agreement
        from foreign_affairs.delegations.models import Delegation
        from foreign_affairs.events.models import Event

        self.lang = lang
        self.english = (translation.get_language() or "vi").startswith("en")
        self._labels: dict[tuple, str] = {}
        self._pillars: dict[str, dict[str, list[dict]]] = {}
        self._fields: dict[str, dict[str, list[dict]]] = {}
        self.span = lru_cache(maxsize=None)(fmt.span)
        self.number = whole_number_text

        self.delegations = {code: self._values(self._records(code, scope, period), self.DELEGATION_FIELDS)
                            for code in self.DELEGATION_CODES}
        delegations = [d for code in self.DELEGATION_CODES for d in self.delegations[code]]
        ids = [d["pk"] for d in delegations]
        countries = self._links(Delegation, "countries", ids, "code", "name_vi", "name_en")
        partners = self._links(Delegation, "partners", ids, "name_en", "name_vi", "id")
        fields = self._links(Delegation, "fields", ids, "code")
        for d in delegations:
            links = countries.get(d["pk"], [])
            d["_countries_by_code"] = "; ".join(self.local(vi, en) for _c, vi, en in sorted(links))
            d["_countries_by_name"] = "; ".join(self.local(vi, en) for _c, vi, en in
                                                sorted(links, key=lambda r: (r[2], r[0])))
            d["_partners"] = self._partner_names(partners.get(d["pk"], []))
            d["_fields"] = {row[0] for row in fields.get(d["pk"], ())}
            d["_dates"] = self.span(d["start_on"], d["end_on"])
            d["_unit"] = self.local(d["host_unit__name_vi"], d["host_unit__name_en"]) if d["host_unit_id"] else ""

        self.events = self._values(self._records("events_held", scope, period), self.EVENT_FIELDS)
        ids = [e["pk"] for e in self.events]
        partners = self._links(Event, "partners", ids, "name_en", "name_vi", "id")
        fields = self._links(Event, "fields", ids, "code")
        for e in self.events:
            e["_country"] = self.local(e["country__name_vi"], e["country__name_en"]) if e["country_id"] else ""
            e["_partners"] = self._partner_names(partners.get(e["pk"], []))
            e["_fields"] = {row[0] for row in fields.get(e["pk"], ())}
            e["_dates"] = self.span(e["start_on"], e["end_on"])
            e["_unit"] = self.local(e["unit__name_vi"], e["unit__name_en"]) if e["unit_id"] else ""

        self.agreements = self._values(self._records("agreements_signed", scope, period),
                                       self.AGREEMENT_FIELDS)
        ids = [a["pk"] for a in self.agreements]
        partners = self._links(Agreement, "partners", ids, "name_en", "name_vi", "id")
        units = self._links(Agreement, "units", ids, "name_vi", "name_en", "id")
        for a in self.agreements:
            a["_partners"] = self._partner_names(partners.get(a["pk"], []))
            a["_units"] = "; ".join(self.local(vi, en) for vi, en, _pk in
                                    sorted(units.get(a["pk"], []), key=lambda r: (r[0], r[2])))

    @staticmethod
    def _values(qs: QuerySet | None, fields: tuple[str, ...]) -> list[dict]:
        return list(qs.values(*fields)) if qs is not None else []

    @staticmethod
    def _records(code: str, scope: Scope, period: Period) -> QuerySet | None:
        """The records behind a figure, in the figure's order. Its rule and scope filter by the
        record's own columns and a foreign key (or a subquery), never a join that repeats a row:
        the DISTINCT ``computed_records`` adds for the records pages is not needed here."""
        return RULES[code].records(scope, period)

    @staticmethod
    def _links(model, field_name: str, ids: list[int], *values: str) -> dict[int, list[tuple]]:
        """A many-to-many field's links of the records ``ids``, as {record id: [the linked
        record's ``values``]}: one plain SQL join of the link table (per 10,000 records; Django's
        per-value preparation of a long IN list cost more than the query itself)."""
        field = model._meta.get_field(field_name)
        target = field.related_model
        qn = connection.ops.quote_name
        columns = ", ".join(f"t.{qn(target._meta.get_field(name).column)}" for name in values)
        sql = (f"SELECT l.{qn(field.m2m_column_name())}, {columns} FROM {qn(field.m2m_db_table())} l "
               f"JOIN {qn(target._meta.db_table)} t "
               f"ON t.{qn(target._meta.pk.column)} = l.{qn(field.m2m_reverse_name())} "
               f"WHERE l.{qn(field.m2m_column_name())} IN ")
        found: dict[int, list[tuple]] = {}
        unique = sorted(set(ids))
        size = _link_chunk()
        with connection.cursor() as cursor:
            for start in range(0, len(unique), size):
                chunk = unique[start:start + size]
                cursor.execute(sql + f"({', '.join(['%s'] * len(chunk))})", chunk)
                for row in cursor.fetchall():
                    found.setdefault(row[0], []).append(row[1:])
        return found

    def listed(self, code: str) -> list[dict]:
        return self.events if code == "events_held" else self.delegations[code]

    def with_pillar(self, code: str, pillar: str) -> list[dict]:
        """The records behind ``code`` of one pillar (grouped once per report)."""
        if code not in self._pillars:
            groups: dict[str, list[dict]] = {}
            for record in self.listed(code):
                groups.setdefault(record["pillar"], []).append(record)
            self._pillars[code] = groups
        return self._pillars[code].get(pillar, [])

    def with_field(self, code: str, field_code: str) -> list[dict]:
        """The records behind ``code`` with one field (grouped once per report)."""
        if code not in self._fields:
            groups: dict[str, list[dict]] = {}
            for record in self.listed(code):
                for name in record["_fields"]:
                    groups.setdefault(name, []).append(record)
            self._fields[code] = groups
        return self._fields[code].get(field_code, [])

    def local(self, vi: str | None, en: str | None) -> str:
        if self.english:
            return en or vi or ""
        return vi or en or ""

    def _partner_names(self, links: list[tuple]) -> str:
        """Partners ordered by English name, as the tables list them."""
        return "; ".join(self.local(vi, en) for en, vi, _pk in sorted(links, key=lambda r: (r[0], r[2])))

    def display(self, model, name: str, value) -> str:
        """What ``get_<name>_display()`` shows for ``value``, in the report's language."""
        key = (model._meta.label, name, value)
        if key not in self._labels:
            self._labels[key] = str(dict(model._meta.get_field(name).flatchoices).get(value, value))
        return self._labels[key]


def delegation_rows(records: ReportRecords, delegations: list[dict], lang: str, *,
                    incoming: bool = False) -> list[dict]:
    from foreign_affairs.delegations.models import Delegation

    number, display = records.number, records.display
    rows = []
    for index, d in enumerate(delegations, start=1):
        row = {
            "no": index,
            "title": d["title"],
            "head": ", ".join(part for part in (d["head_name"], d["head_position"]) if part),
            "countries": d["_countries_by_code"],
            "partners": d["_partners"],
            "dates": d["_dates"],
            "unit": d["_unit"],
            "pillar": display(Delegation, "pillar", d["pillar"]),
            "status": display(Delegation, "status", d["status"]),
            "ref": d["ref"],
        }
        if incoming:
            row["visitors"] = number(d["foreign_visitors"], lang) if d["foreign_visitors"] is not None else ""
            row["reception"] = display(Delegation, "reception", d["reception"])
            row["permit_on"] = fmt.day(d["permit_on"])
        else:
            row["members"] = number(d["members"], lang) if d["members"] is not None else ""
            row["cost_vnd"] = number(d["cost_vnd"], lang) if d["cost_vnd"] is not None else ""
            row["outcomes"] = d["outcomes"]
        rows.append(row)
    return rows


OUT_COLUMNS = (
    ("no", gettext_noop("No.")), ("title", gettext_noop("Delegation")), ("head", gettext_noop("Head")),
    ("countries", gettext_noop("Countries")), ("dates", gettext_noop("Dates")), ("unit", gettext_noop("Unit")),
    ("outcomes", gettext_noop("Outcomes")),
)
IN_COLUMNS = (
    ("no", gettext_noop("No.")), ("title", gettext_noop("Delegation")), ("head", gettext_noop("Head")),
    ("countries", gettext_noop("Countries")), ("visitors", gettext_noop("Foreign visitors")),
    ("dates", gettext_noop("Dates")), ("reception", gettext_noop("Reception")), ("unit", gettext_noop("Host unit")),
)


def _columns(spec) -> list[tuple[str, str]]:
    return [(key, _(label)) for key, label in spec]


def agreement_rows(records: ReportRecords) -> list[dict]:
    from foreign_affairs.agreements.models import Agreement

    return [{
        "no": index,
        "title": records.local(a["title_vi"], a["title_en"]),
        "kind": records.display(Agreement, "kind", a["kind"]),
        "partners": a["_partners"],
        "units": a["_units"],
        "signed_on": fmt.day(a["signed_on"]),
        "place": a["place"],
        "status": records.display(Agreement, "status", a["status"]),
        "ref": a["ref"],
    } for index, a in enumerate(records.agreements, start=1)]


def event_rows(records: ReportRecords, lang: str) -> list[dict]:
    from foreign_affairs.events.models import Event

    return [{
        "no": index,
        "title": e["title"],
        "kind": records.display(Event, "kind", e["kind"]),
        "dates": e["_dates"],
        "place": ", ".join(part for part in (e["place"], e["_country"]) if part),
        "partners": e["_partners"],
        "participants": records.number(e["participants"], lang) if e["participants"] is not None else "",
        "unit": e["_unit"],
        "ref": e["ref"],
    } for index, e in enumerate(records.events, start=1)]


def fdi_rows(qs: QuerySet | None, lang: str) -> list[dict]:
    if qs is None:
        return []
    rows = []
    for index, p in enumerate(qs.select_related("investor_country"), start=1):
        rows.append({
            "no": index,
            "name": p.name,
            "investor": p.investor,
            "country": p.investor_country.name if p.investor_country_id else "",
            "irc_number": p.irc_number,
            "registered_on": fmt.day(p.registered_on),
            "capital_usd": fmt.number(p.capital_usd, lang) if p.capital_usd is not None else "",
            "location": p.location,
            "ref": p.ref,
        })
    return rows


def fdi_adjustment_rows(scope: Scope, period: Period, lang: str) -> list[dict]:
    from foreign_affairs.economy.models import CapitalAdjustment, FDIProject

    projects = scope.queryset(FDIProject)
    if projects is None:
        return []
    adjustments = (CapitalAdjustment.objects.filter(date__range=(period.start, period.end),
                                                    project__in=projects.values("pk"))
                   .select_related("project", "project__investor_country").order_by("date", "pk"))
    return [{
        "no": index,
        "name": a.project.name,
        "investor": a.project.investor,
        "country": a.project.investor_country.name if a.project.investor_country_id else "",
        "date": fmt.day(a.date),
        "delta_usd": fmt.number(a.delta_usd, lang),
        "ref": a.project.ref,
    } for index, a in enumerate(adjustments, start=1)]


def oda_rows(qs: QuerySet | None, lang: str) -> list[dict]:
    if qs is None:
        return []
    return [{
        "no": index,
        "name": p.name,
        "donors": "; ".join(p.donors or []),
        "sector": p.sector,
        "kind": p.get_kind_display(),
        "total_vnd": fmt.number(p.total_vnd, lang) if p.total_vnd is not None else "",
        "oda_vnd": fmt.number(p.oda_vnd, lang) if p.oda_vnd is not None else "",
        "years": "–".join(str(y) for y in (p.start_year, p.end_year) if y),
        "status": p.get_status_display(),
        "ref": p.ref,
    } for index, p in enumerate(qs, start=1)]


def consular_summary_rows(scope: Scope, period: Period, lang: str) -> list[dict]:
    """Citizen-protection cases opened, counted by kind and country: no names (anonymised)."""
    from django.db.models import Count

    from foreign_affairs.consular.choices import CaseKind

    qs = computed_records("consular_cases_opened", scope, period)
    if qs is None:
        return []
    counts = qs.order_by().values("kind", "country__code").annotate(n=Count("pk"))
    countries = {c.code: c.name for c in Country.objects.filter(code__in={row["country__code"] for row in counts})}
    labels = dict(CaseKind.choices)
    rows = sorted(counts, key=lambda r: (str(labels.get(r["kind"], r["kind"])), r["country__code"]))
    return [{
        "no": index,
        "kind": str(labels.get(row["kind"], row["kind"])),
        "country": countries.get(row["country__code"], row["country__code"]),
        "cases": fmt.number(row["n"], lang),
    } for index, row in enumerate(rows, start=1)]


# --- sections -----------------------------------------------------------------------------


def _summary_paragraph(f: dict[str, Figure], period: Period, lang: str) -> str:
    def v(code):
        return _value_text(f[code], lang) if code in f else "—"

    return _(
        "In %(period)s, %(out)s outgoing delegations took place, %(leaders)s of them led by provincial leaders; "
        "provincial leaders received %(received)s foreign delegations with %(visitors)s foreign visitors; "
        "%(permitted)s foreign delegations were permitted to work with agencies and units; %(agreements)s "
        "international agreements were signed and %(events)s international events were held."
    ) % {
        "period": period.label(), "out": v("delegations_out"), "leaders": v("delegations_out_leaders"),
        "received": v("delegations_in_received"), "visitors": v("foreign_visitors_received"),
        "permitted": v("delegations_in_permitted"), "agreements": v("agreements_signed"), "events": v("events_held"),
    }


def _economic_paragraph(f: dict[str, Figure], lang: str) -> str:
    parts = []
    if f.get("fdi_new_projects") and f["fdi_new_projects"].value is not None:
        parts.append(_("%(n)s new FDI projects with %(capital)s of registered capital") % {
            "n": _value_text(f["fdi_new_projects"], lang), "capital": _value_text(f["fdi_new_capital_usd"], lang)})
    if f.get("fdi_adjusted_projects") and f["fdi_adjusted_projects"].value:
        parts.append(_("capital adjusted for %(n)s projects (%(capital)s)") % {
            "n": _value_text(f["fdi_adjusted_projects"], lang),
            "capital": _value_text(f["fdi_adjusted_capital_usd"], lang)})
    if f.get("fdi_total_capital_usd") and f["fdi_total_capital_usd"].value:
        parts.append(_("in all %(capital)s of new and adjusted FDI capital") % {
            "capital": _value_text(f["fdi_total_capital_usd"], lang)})
    if f.get("export_turnover_usd") and f["export_turnover_usd"].value is not None:
        parts.append(_("export turnover of %(value)s") % {"value": _value_text(f["export_turnover_usd"], lang)})
    if f.get("workers_abroad") and f["workers_abroad"].value is not None:
        text = _("%(value)s workers sent abroad under contract") % {"value": _value_text(f["workers_abroad"], lang)}
        if f["workers_abroad"].fulfilment_pct is not None:
            text += _(" (%(pct)s of the plan)") % {"pct": fmt.percent(f["workers_abroad"].fulfilment_pct, lang)}
        parts.append(text)
    if f.get("oda_active_programmes") and f["oda_active_programmes"].value:
        parts.append(_("%(n)s ODA programmes and concessional loans with a total investment of %(total)s") % {
            "n": _value_text(f["oda_active_programmes"], lang),
            "total": _value_text(f["oda_total_investment_vnd"], lang)})
    if not parts:
        return ""
    return _("Economic diplomacy: %(parts)s.") % {"parts": "; ".join(parts)}


def _pillar_table(pillar: str, lang: str, labels: dict[str, str], now: ComputedSet, before: ComputedSet) -> dict:
    """The pillar's figures this period and a year earlier (computed with the report's figures)."""
    rows = []
    for code in PILLAR_FIGURES:
        rows.append({
            "indicator": labels[code],
            "value": fmt.number(now.by_pillar.get(pillar, {}).get(code, 0), lang),
            "previous": fmt.number(before.by_pillar.get(pillar, {}).get(code, 0), lang),
            "code": code,
        })
    return _table(f"{pillar}_figures", _("Figures of the pillar (from the register)"),
                  [("indicator", _("Indicator")), ("value", _("This period")),
                   ("previous", _("Same period last year"))], rows)


def _activities(records: ReportRecords, *, pillar: str | None = None, field_codes: Iterable[str] = ()) -> dict | None:
    """Delegations and events of a pillar or of some fields, in date order, as one table."""
    rows = []
    field_codes = tuple(field_codes)
    sources = (("delegations_out", _("Outgoing delegation")), ("delegations_in_received", _("Delegation received")),
               ("delegations_in_permitted", _("Delegation permitted")), ("events_held", _("Event")))
    seen: set[tuple[str, int]] = set()
    for code, kind_label in sources:
        prefix = code[:6]
        groups = [records.with_pillar(code, pillar)] if pillar else [records.with_field(code, c) for c in field_codes]
        for group in groups:
            for record in group:
                key = (prefix, record["pk"])
                if key in seen:
                    continue
                seen.add(key)
                rows.append({
                    "sort": (record["start_on"], kind_label, record["pk"]),
                    "dates": record["_dates"],
                    "kind": kind_label,
                    "title": record["title"],
                    "countries": record["_country"] if code == "events_held" else record["_countries_by_name"],
                    "ref": record["ref"],
                })
    if not rows:
        return None
    rows.sort(key=lambda r: r.pop("sort"))
    for index, row in enumerate(rows, start=1):
        row["no"] = index
    key = f"{pillar}_activities" if pillar else f"{'_'.join(field_codes)}_activities"
    return _table(key, _("Activities"), [("no", _("No.")), ("dates", _("Dates")), ("kind", _("Kind")),
                                         ("title", _("Activity")), ("countries", _("Countries"))], rows)


def _field_codes_present(codes: Iterable[str], known: list[str] | None = None) -> list[str]:
    """Those of ``codes`` the field vocabulary has, in its order (``known``: the vocabulary's
    codes in order, when the caller has read them already)."""
    if known is None:
        return list(Field.objects.filter(code__in=list(codes)).values_list("code", flat=True))
    wanted = set(codes)
    return [code for code in known if code in wanted]


def _province_name(province: Province) -> str:
    if (translation.get_language() or "vi").startswith("en"):
        return province.name_en or province.name_vi
    return province.name_vi or province.name_en


def _issuer(report: Report | None, scope: Scope, lang: str) -> dict:
    province = Province.current()
    province_name = _province_name(province)
    if scope.unit is not None:
        default_name = scope.unit.name
        default_parent = scope.unit.parent.name if scope.unit.parent_id else province_name
    else:
        default_name = _("Department of Foreign Affairs of %(province)s") % {"province": province_name}
        default_parent = _("People's Committee of %(province)s") % {"province": province_name}
    report = report or Report()
    return {
        "name": report.issuer_name or default_name,
        "parent": report.issuer_parent or default_parent,
        "number": report.number,
        "place": report.place or province_name,
        "date": (report.issued_on or timezone.localdate()).isoformat(),
        "signer": report.signer,
        "signer_title": report.signer_title,
        "recipients": [line.strip() for line in (report.recipients or "").splitlines() if line.strip()],
    }


def report_title(period: Period) -> str:
    """The usual title of a report of this kind and period, in the active language."""
    return _title(period, None)


def _title(period: Period, scope: Scope | None) -> str:
    if period.kind == ReportKind.ANNUAL and period.is_whole_year:
        return _("Report on the results of foreign affairs work in %(year)d and directions and tasks for "
                 "%(next)d") % {"year": period.year, "next": period.next_year()}
    return _("Report on the results of foreign affairs work in %(period)s") % {"period": period.label()}


def programme_rows(year: int, scope: Scope, lang: str) -> list[dict]:
    """The planned activities of a year's foreign-affairs programme (plans.ProgrammeItem), as
    table rows; for a unit's report, the items its subtree leads."""
    from foreign_affairs.plans.selectors import programme_items_for_year

    items = programme_items_for_year(year)
    if scope.unit is not None:
        items = items.filter(lead_unit__in=scope.unit_ids)
    rows = []
    for index, item in enumerate(items, start=1):
        if item.month:
            when = _("month %(month)d") % {"month": item.month}
        elif item.quarter:
            when = _("quarter %(quarter)d") % {"quarter": item.quarter}
        else:
            when = ""
        rows.append({
            "no": index,
            "title": item.title,
            "kind": item.get_kind_display(),
            "pillar": item.get_pillar_display() if item.pillar else "",
            "partners": _names(item.partners.all()),
            "countries": _names(item.countries.all()),
            "time": when,
            "lead_unit": item.lead_unit.name if item.lead_unit_id else "",
            "supporting_units": _names(item.supporting_units.all()),
            "budget_vnd": fmt.number(item.budget_vnd, lang) if item.budget_vnd is not None else "",
            "status": item.get_status_display(),
            "ref": item.ref,
        })
    return rows


def programme_section_table(year: int, scope: Scope, lang: str) -> dict | None:
    """The table of the next year's programme for the directions section (None when the
    programme of that year has no item in scope)."""
    rows = programme_rows(year, scope, lang)
    return _table("programme_items", _("Foreign affairs programme for %(year)d") % {"year": year},
                  [("no", _("No.")), ("title", _("Activity")), ("kind", _("Type")), ("partners", _("Partners")),
                   ("countries", _("Countries")), ("time", _("Tentative time")), ("lead_unit", _("Lead unit")),
                   ("supporting_units", _("Supporting units")), ("budget_vnd", _("Budget estimate (VND)")),
                   ("status", _("Status"))], rows) if rows else None


DETAIL_FULL = "full"
DETAIL_SUMMARY = "summary"


def report_build(*, period: Period, unit: Unit | None = None, lang: str = "vi", report: Report | None = None,
                 scope: Scope | None = None, detail: str = DETAIL_FULL) -> dict:
    """The whole report for a period (and unit) in one language, from today's register.

    ``detail="summary"`` leaves out the tables that list records (activities, agreements, FDI
    projects, ODA programmes, the programme and the annexes): the figures, texts and pillar
    tables stay, and each figure's ``records_url`` lists its records. The documents (HTML, DOCX,
    PDF) and finalised reports are always built in full."""
    lang = "en" if (lang or "vi").startswith("en") else "vi"
    scope = scope or Scope.for_unit(unit)
    full = detail != DETAIL_SUMMARY
    with translation.override(lang):
        previous = period.previous_year()
        catalogue = indicator_catalogue()
        computed = computed_periods(scope, [period, previous], [indicator.code for indicator in catalogue])
        f = figures(period=period, scope=scope, catalogue=catalogue, computed=computed)
        if full:
            records = ReportRecords(scope, period, lang)
            known_fields = list(Field.objects.values_list("code", flat=True))
            fdi_new = fdi_rows(computed_records("fdi_new_projects", scope, period), lang)
            oda_active = oda_rows(computed_records("oda_active_programmes", scope, period), lang)
            agreements = agreement_rows(records)
        labels = {code: figure.label for code, figure in f.items()}
        report_texts = report.section_texts if report is not None else {}

        def officer(key: str) -> list[str]:
            return _texts(report_texts.get(key, "")) if report_texts else []

        headline = [code for code in HEADLINE if code in f]
        economic = [code for code in ECONOMIC if code in f]

        pillar_sections = []
        for number, pillar in enumerate((Pillar.PARTY, Pillar.STATE, Pillar.PEOPLE), start=1):
            subsections = []
            if pillar == Pillar.STATE:
                for sub_number, (key, title, codes) in enumerate(STATE_FIELDS, start=1):
                    tables = []
                    if full:
                        present = _field_codes_present(codes, known_fields)
                        tables = [_activities(records, field_codes=present)] if present else []
                    paragraphs = officer(key)
                    sub_figures: list[str] = []
                    if key == "economic":
                        paragraphs = [_economic_paragraph(f, lang), *paragraphs]
                        sub_figures = economic
                        if full:
                            tables += [
                                _table("fdi_new", _("New FDI projects"), _fdi_columns(), _copy(fdi_new)),
                                _table("oda_active", _("ODA programmes and concessional loans"), _oda_columns(),
                                       _copy(oda_active)),
                            ]
                    if key == "consular" and "consular_cases_opened" in f:
                        sub_figures = ["consular_cases_opened"]
                        if full:
                            tables.append(_table("consular_cases", _("Citizen-protection cases opened"),
                                                 [("no", _("No.")), ("kind", _("Kind")), ("country", _("Country")),
                                                  ("cases", _("Cases"))],
                                                 consular_summary_rows(scope, period, lang)))
                    if key == "political" and full:
                        tables.append(_table("agreements_signed", _("International agreements signed"),
                                             _agreement_columns(),
                                             _copy(agreements)))
                    subsections.append(_section(key, f"II.{number}.{sub_number}", _(title), paragraphs=paragraphs,
                                                figures=sub_figures, tables=tables))
            pillar_sections.append(_section(
                pillar, f"II.{number}", str(Pillar(pillar).label),
                paragraphs=officer(pillar),
                tables=[_pillar_table(pillar, lang, labels, *computed),
                        _activities(records, pillar=pillar) if full else None],
                subsections=subsections,
            ))

        assessment_paragraphs = []
        if report is not None:
            for label, text in ((_("Strengths"), report.strengths), (_("Limitations"), report.limitations),
                                (_("Causes"), report.causes), (_("Lessons"), report.lessons)):
                for index, paragraph in enumerate(_texts(text)):
                    assessment_paragraphs.append(f"{label}: {paragraph}" if index == 0 else paragraph)

        next_year = period.next_year()
        directions = _section(
            "directions", "IV",
            _("Directions and tasks for %(year)d") % {"year": next_year} if period.is_whole_year
            else _("Directions and tasks for the next period"),
            paragraphs=_texts(report.directions) if report is not None else [],
            tables=[programme_section_table(next_year, scope, lang)] if period.is_whole_year and full else [],
        )
        recommendations = _section("recommendations", "V", _("Recommendations"),
                                   paragraphs=_texts(report.recommendations) if report is not None else [])

        annexes = _annexes(scope, period, lang, records, agreements, fdi_new, oda_active) if full else None

        sections = [
            _section("overview", "I", _("Overview"),
                     paragraphs=[_summary_paragraph(f, period, lang), *_texts(getattr(report, "context", ""))],
                     figures=headline),
            _section("results", "II", _("Results by pillar"), subsections=pillar_sections),
            _section("assessment", "III", _("Assessment"), paragraphs=assessment_paragraphs),
            directions,
            recommendations,
            *([annexes] if annexes else []),
        ]
        return _document(period, previous, scope, lang, report, f, sections, detail=DETAIL_FULL if full
                         else DETAIL_SUMMARY)


def _annexes(scope: Scope, period: Period, lang: str, records: ReportRecords, agreements: list[dict],
             fdi_new: list[dict], oda_active: list[dict]) -> dict:
    """The annexes: every record behind the report's figures, table by table."""
    out = records.delegations["delegations_out"]
    received = records.delegations["delegations_in_received"]
    permitted = records.delegations["delegations_in_permitted"]
    return _section("annexes", "", _("Annexes"), tables=[
        _table("annex_delegations_out", _("Annex 1. Outgoing delegations"), _columns(OUT_COLUMNS),
               delegation_rows(records, out, lang), empty_ok=True),
        _table("annex_delegations_in", _("Annex 2. Incoming delegations received and permitted"),
               _columns(IN_COLUMNS), delegation_rows(records, received + permitted, lang, incoming=True),
               empty_ok=True),
        _table("annex_agreements", _("Annex 3. International agreements signed"), _agreement_columns(),
               agreements, empty_ok=True),
        _table("annex_events", _("Annex 4. International events held"), _event_columns(),
               event_rows(records, lang), empty_ok=True),
        _table("annex_fdi_new", _("Annex 5. New FDI projects"), _fdi_columns(), fdi_new, empty_ok=True),
        _table("annex_fdi_adjusted", _("Annex 6. FDI capital adjustments"),
               [("no", _("No.")), ("name", _("Project")), ("investor", _("Investor")),
                ("country", _("Investor country")), ("date", _("Date")), ("delta_usd", _("Change (USD)"))],
               fdi_adjustment_rows(scope, period, lang), empty_ok=True),
        _table("annex_oda", _("Annex 7. ODA programmes and concessional loans"), _oda_columns(), oda_active,
               empty_ok=True),
    ])


def _document(period: Period, previous: Period, scope: Scope, lang: str, report: Report | None,
              f: dict[str, Figure], sections: list[dict], *, detail: str) -> dict:
    """The report's envelope: what it is, whose, for which period, its figures and its sections."""
    part_year = [{
        "indicator": s.indicator.code,
        "label": s.indicator.name,
        "start": s.start.isoformat(),
        "end": s.end.isoformat(),
        "value": _json_number(s.value),
        "unit": s.unit_shown,
        "plan": _json_number(s.plan),
        "source": {"title": s.source_title or None, "url": s.source_url or None,
                   "publisher": s.source_publisher or None,
                   "published_on": s.source_published_on.isoformat() if s.source_published_on else None,
                   "cutoff_on": s.cutoff_on.isoformat() if s.cutoff_on else None, "statistic": s.ref},
    } for s in part_period_statistics(period, scope)]
    province = Province.current()
    return {
        "format": FORMAT,
        "kind": period.kind,
        "lang": lang,
        "title": (report.title if report is not None and report.title else _title(period, scope)),
        "province": {"code": province.code, "name": _province_name(province)},
        "issuer": _issuer(report, scope, lang),
        "period": period.as_dict(),
        "previous_period": previous.as_dict(),
        "unit": {"ref": scope.unit.ref, "name": scope.unit.name} if scope.unit is not None else None,
        "report": report.ref if report is not None and report.pk else None,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "data_cutoff": timezone.localdate().isoformat(),
        "finalised": None,
        "detail": detail,
        "indicators": {code: figure_json(figure) for code, figure in f.items()},
        "published_part_year": part_year,
        "sections": sections,
    }


def _fdi_columns() -> list[tuple[str, str]]:
    return [("no", _("No.")), ("name", _("Project")), ("investor", _("Investor")), ("country", _("Investor country")),
            ("irc_number", _("Certificate no.")), ("registered_on", _("Registered on")),
            ("capital_usd", _("Registered capital (USD)"))]


def _oda_columns() -> list[tuple[str, str]]:
    return [("no", _("No.")), ("name", _("Programme")), ("donors", _("Donors")), ("sector", _("Sector")),
            ("total_vnd", _("Total investment (VND)")), ("oda_vnd", _("ODA (VND)")), ("years", _("Years"))]


def _agreement_columns() -> list[tuple[str, str]]:
    return [("no", _("No.")), ("title", _("Agreement")), ("kind", _("Kind")), ("partners", _("Partners")),
            ("signed_on", _("Signed on")), ("place", _("Place"))]


def _event_columns() -> list[tuple[str, str]]:
    return [("no", _("No.")), ("title", _("Event")), ("kind", _("Kind")), ("dates", _("Dates")),
            ("place", _("Place")), ("partners", _("Partners")), ("participants", _("Participants"))]


def report_document(report: Report, *, lang: str = "vi") -> dict:
    """A saved report's document: frozen as sent once finalised, else built from today's register."""
    lang = "en" if (lang or "vi").startswith("en") else "vi"
    if report.is_finalised and lang in (report.snapshot or {}):
        return report.snapshot[lang]
    period = Period(start=report.start, end=report.end, kind=report.kind)
    return report_build(period=period, unit=report.unit, lang=lang, report=report)


def report_comparison(report: Report, *, lang: str = "vi") -> list[dict]:
    """A finalised report's figures against today's: one row per indicator whose value, computed
    or reported figure has changed since it was frozen."""
    frozen = report_document(report, lang=lang)["indicators"]
    period = Period(start=report.start, end=report.end, kind=report.kind)
    with translation.override(lang):
        today = {code: figure_json(f) for code, f in figures(period=period, scope=Scope.for_unit(report.unit)).items()}
    rows = []
    for code, now in today.items():
        then = frozen.get(code, {})
        changed = [key for key in ("value", "computed", "reported") if then.get(key) != now.get(key)]
        if changed:
            rows.append({"code": code, "label": now["label"], "unit": now["unit"], "changed": changed,
                         "frozen": {k: then.get(k) for k in ("value", "computed", "reported")},
                         "today": {k: now.get(k) for k in ("value", "computed", "reported")}})
    return rows


def reports_for(*, user) -> QuerySet:
    return Report.objects.restrict(user, "view").select_related("unit")


def ensure_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
