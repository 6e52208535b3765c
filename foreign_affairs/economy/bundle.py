"""The economy sections of a bundle (DESIGN §4): ``fdi_projects``, ``oda_programmes`` and
``statistics``, with the field kinds only they use; and the documented extensions
``investment_leads`` (with their contact history), ``aftercare_visits`` and ``aftercare_issues``.

Statistics have no ``ref`` in the contract. One may be given; without it a statistic is the
same record as a stored one with the same indicator, period and source title, so a re-import
updates it instead of adding a copy. Export writes a statistic's ref only when one was given
(or when two stored statistics share that key and the ref is what tells them apart).
"""

from __future__ import annotations

import re
from collections import Counter

from django.db.models import Count, OuterRef, Subquery

from foreign_affairs.core.bundle.errors import BundleError
from foreign_affairs.core.bundle.fields import (
    BIGINT_MAX,
    INVALID,
    Choice,
    CountrySpec,
    DateSpec,
    DecimalSpec,
    FieldSpec,
    IntSpec,
    Nested,
    RefKey,
    RefSpec,
    Text,
    TextList,
    describe,
    is_blank,
    parse_date,
)
from foreign_affairs.core.bundle.sections import SectionSpec, _choices

from .choices import FDIStatus, IndicatorUnit, IssueStatus, LeadContactKind, LeadStage, ODAKind, ODAStatus
from .models import (
    LICENSED_NEEDS_PROJECT,
    AftercareIssue,
    AftercareVisit,
    CapitalAdjustment,
    FDIProject,
    Indicator,
    InvestmentLead,
    LeadContact,
    ODADisbursement,
    ODAProgramme,
    Statistic,
)

GENERATED_REF = re.compile(r"stat-[0-9a-f]{8}")


class Flag(FieldSpec):
    """A yes/no extension (``estimated``): written only when true."""

    empty = False
    type_label = "true or false"

    def parse(self, raw, ctx, report):
        if not isinstance(raw, bool):
            report(self.name, f"expected true or false, got {describe(raw)}")
            return INVALID
        return raw

    def dump(self, value):
        return value or None


class YearSpec(IntSpec):
    type_label = "year"

    def parse(self, raw, ctx, report):
        value = super().parse(raw, ctx, report)
        if value is not INVALID and not 1900 <= value <= 2200:
            report(self.name, f"expected a year such as 2024, got {value}")
            return INVALID
        return value


class IndicatorSpec(FieldSpec):
    """An indicator of the catalogue, by code."""

    empty = None
    relation = True
    type_label = "indicator code"

    def parse(self, raw, ctx, report):
        if not isinstance(raw, str):
            report(self.name, f"expected an indicator code, got {describe(raw)}")
            return INVALID
        codes = getattr(ctx, "indicator_codes", None)
        if codes is None:
            codes = ctx.indicator_codes = dict(Indicator.objects.values_list("code", "pk"))
        if raw not in codes:
            report(self.name, f"unknown indicator {raw!r}")
            return INVALID
        return raw

    def get(self, obj):
        return obj.indicator.code if obj.indicator_id else None

    def assign(self, obj, value, resolver):
        codes = getattr(resolver, "indicator_codes", None) if resolver is not None else None
        if codes is None:
            codes = dict(Indicator.objects.values_list("code", "pk"))
            if resolver is not None:
                resolver.indicator_codes = codes
        obj.indicator_id = codes[value]


class SourceSpec(FieldSpec):
    """``source: {title, url, published_on, publisher}``: where a reported figure was published.
    ``publisher`` is an extension. A statistic without a source title is refused (by the model)."""

    type_label = "mapping (title, url, published_on, publisher)"
    keys = ("title", "url", "published_on", "publisher")
    model_attrs = ("source_title", "source_url", "source_published_on", "source_publisher")

    def empty_value(self):
        return {"title": "", "url": "", "published_on": None, "publisher": ""}

    def parse(self, raw, ctx, report):
        if not isinstance(raw, dict):
            report(self.name, f"expected a mapping with title, url and published_on, got {describe(raw)}")
            return INVALID
        value, bad = self.empty_value(), False
        for key, item in raw.items():
            label = f"{self.name}.{key}"
            if key not in self.keys:
                report(label, "unknown field")
                bad = True
            elif is_blank(item):
                continue
            elif key == "published_on":
                parsed = parse_date(item, label, report)
                bad |= parsed is INVALID
                value[key] = parsed
            elif not isinstance(item, str):
                report(label, f"expected text, got {describe(item)}")
                bad = True
            else:
                value[key] = item
        return INVALID if bad else value

    def get(self, obj):
        return {
            "title": obj.source_title,
            "url": obj.source_url,
            "published_on": obj.source_published_on,
            "publisher": obj.source_publisher,
        }

    def dump(self, value):
        out = {key: value[key] for key in self.keys if not is_blank(value[key])}
        if out.get("published_on") is not None:
            out["published_on"] = out["published_on"].isoformat()
        return out

    def assign(self, obj, value, resolver):
        for key, attr in zip(self.keys, ("source_title", "source_url", "source_published_on", "source_publisher"),
                             strict=True):
            setattr(obj, attr, value[key])


class StatisticRef(RefKey):
    """A statistic's optional ref: left out of exports when the register generated it."""

    empty = None

    def get(self, obj):
        if GENERATED_REF.fullmatch(obj.ref or "") and getattr(obj, "same_key", 1) <= 1:
            return None
        return obj.ref

    def assign(self, obj, value, resolver):
        if value:
            obj.ref = value


def natural_key(values: dict) -> tuple | None:
    """(indicator, start, end, source title) of a parsed or raw statistic, or None if unreadable."""
    source = values.get("source")
    title = source.get("title") if isinstance(source, dict) else None
    parts = [values.get("indicator"), _iso(values.get("start")), _iso(values.get("end")), title]
    if not all(isinstance(part, str) and part for part in parts):
        return None
    return tuple(parts)


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


class EconomySection(SectionSpec):
    """A section whose extension flags are written only when set."""

    def dump(self, clean: dict) -> dict:
        return {key: value for key, value in super().dump(clean).items() if value is not None or key == "ref"}


class StatisticSection(EconomySection):
    """The statistics section: matched by ref if given, else by (indicator, start, end, source title)."""

    def export_key(self, obj):
        # Generated refs are random: order by what identifies a figure, so exports are stable.
        return (obj.indicator.code, obj.start, obj.end, obj.source_title or "", obj.ref)

    def queryset(self):
        same = (
            Statistic.objects.filter(
                indicator=OuterRef("indicator"), start=OuterRef("start"), end=OuterRef("end"),
                source_title=OuterRef("source_title"),
            )
            .order_by()
            .values("indicator")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Statistic.objects.select_related("indicator").annotate(same_key=Subquery(same))

    def dump(self, clean: dict) -> dict:
        item = super().dump(clean)
        if item.get("ref") is None:
            item.pop("ref", None)
        return item

    def match_existing(self, items, errors: list[BundleError]) -> None:
        """Find the stored statistic of each item that has no ref, by its natural key."""
        keys = {}
        for item in items:
            if item.ref is None and item.existing is None:
                key = natural_key(item.raw)
                if key is not None:
                    keys[item.index] = key
        seen: dict[tuple, int] = {}
        for item in items:
            key = keys.get(item.index)
            if key is None:
                continue
            if key in seen:
                errors.append(BundleError(
                    self.name, item.index, None, "-",
                    f"the same indicator, period and source as statistics[{seen[key]}]; give each a ref",
                ))
                continue
            seen[key] = item.index
        if not keys:
            return
        stored: dict[tuple, list] = {}
        codes = {key[0] for key in keys.values()}
        for obj in self.queryset().filter(indicator__code__in=codes):
            stored.setdefault(
                (obj.indicator.code, obj.start.isoformat(), obj.end.isoformat(), obj.source_title), []
            ).append(obj)
        counts = Counter(keys.values())
        for item in items:
            key = keys.get(item.index)
            matches = stored.get(key, []) if key is not None and counts[key] == 1 else []
            if len(matches) == 1:
                item.existing = matches[0]
                item.snapshot = self.snapshot(matches[0])
            elif len(matches) > 1:
                refs = ", ".join(sorted(obj.ref for obj in matches))
                errors.append(BundleError(
                    self.name, item.index, None, "-",
                    f"several stored statistics have this indicator, period and source ({refs}); give a ref",
                ))


def bundle_value(ctx, section: str, ref: str, name: str, model_lookup: str):
    """What the bundle (if it has the record) or else the database says of one field of the
    record ``ref`` of ``section``: (known, value); ``model_lookup`` reads it from the database.
    A value the bundle gives but that failed its own check is not known."""
    for item in getattr(ctx, "items", {}).get(section, []):
        if item.ref == ref:
            value = item.values.get(name)
            return value is not INVALID, value
    rows = list(ctx.specs[section].model._default_manager.filter(ref=ref).values_list(model_lookup, flat=True)[:1])
    return bool(rows), rows[0] if rows else None


class LeadSection(EconomySection):
    """Investment leads: a lead is ``licensed`` exactly when it names the FDI project it became,
    and a project comes from one lead only."""

    def check_records(self, items, ctx, errors: list[BundleError]) -> None:
        from django.utils import translation

        claimed: dict[str, int] = {}
        with translation.override("en"):
            message = str(LICENSED_NEEDS_PROJECT)
        bundle_refs = {item.ref for item in items if item.ref}
        named = {item.values.get("project") for item in items} - {None, INVALID, ""}
        # Projects that stored leads outside this bundle already came from.
        taken = dict(
            InvestmentLead.objects.filter(project__ref__in=named).exclude(ref__in=bundle_refs)
            .values_list("project__ref", "ref")
        )
        for item in items:
            stage, project = item.values.get("stage"), item.values.get("project")
            if stage is INVALID or project is INVALID:
                continue
            if (stage == LeadStage.LICENSED) != bool(project):
                errors.append(BundleError(self.name, item.index, item.ref, "stage", message))
                item.ok = False
            elif project and project in claimed:
                errors.append(BundleError(
                    self.name, item.index, item.ref, "project",
                    f"the FDI project {project!r} is already named by investment_leads[{claimed[project]}]",
                ))
                item.ok = False
            elif project and project in taken:
                errors.append(BundleError(
                    self.name, item.index, item.ref, "project",
                    f"the FDI project {project!r} already came from the investment lead {taken[project]!r}",
                ))
                item.ok = False
            elif project:
                claimed[project] = item.index


class IssueSection(EconomySection):
    """Aftercare issues: an issue raised at a visit is about the project of that visit."""

    def check_records(self, items, ctx, errors: list[BundleError]) -> None:
        for item in items:
            visit, project = item.values.get("visit"), item.values.get("project")
            if not visit or not project or INVALID in (visit, project):
                continue
            known, visit_project = bundle_value(ctx, "aftercare_visits", visit, "project", "project__ref")
            if known and visit_project not in (None, INVALID) and visit_project != project:
                errors.append(BundleError(
                    self.name, item.index, item.ref, "visit",
                    f"the visit {visit!r} was to the project {visit_project!r}, not {project!r}",
                ))
                item.ok = False


def economy_sections() -> list[SectionSpec]:
    fdi_projects = EconomySection(
        "fdi_projects",
        "FDI project",
        FDIProject,
        [
            RefKey("ref", required=True),
            Text("name", required=True),
            Text("investor"),
            CountrySpec("investor_country"),
            Text("irc_number"),
            DateSpec("registered_on"),
            DecimalSpec("capital_usd", minimum=0, negative_message="registered capital cannot be negative"),
            Text("location"),
            Text("sector"),
            Choice("status", _choices(FDIStatus), default=FDIStatus.LICENSED.value),
            IntSpec("jobs"),
            Flag("estimated"),
            RefSpec("origin_delegation", "delegations"),
            RefSpec("origin_event", "events"),
            Text("notes"),
            Nested(
                "adjustments",
                model=CapitalAdjustment,
                parent_field="project",
                fields=[
                    DateSpec("date", required=True),
                    DecimalSpec("delta_usd", required=True),
                    Text("note"),
                ],
            ),
        ],
    )
    oda_programmes = EconomySection(
        "oda_programmes",
        "ODA programme",
        ODAProgramme,
        [
            RefKey("ref", required=True),
            Text("name", required=True),
            TextList("donors"),
            Text("sector"),
            Choice("kind", _choices(ODAKind), default=ODAKind.ODA_LOAN.value),
            IntSpec("total_vnd", maximum=BIGINT_MAX),
            IntSpec("oda_vnd", maximum=BIGINT_MAX),
            YearSpec("start_year"),
            YearSpec("end_year"),
            Choice("status", _choices(ODAStatus), default=ODAStatus.PLANNED.value),
            Text("notes"),
            Nested(
                "disbursements",
                model=ODADisbursement,
                parent_field="programme",
                fields=[
                    YearSpec("year", required=True),
                    IntSpec("amount_vnd", required=True, maximum=BIGINT_MAX),
                ],
            ),
        ],
    )
    statistics = StatisticSection(
        "statistics",
        "statistic",
        Statistic,
        [
            StatisticRef("ref"),
            IndicatorSpec("indicator", required=True),
            DateSpec("start", required=True),
            DateSpec("end", required=True),
            DecimalSpec("value", required=True),
            Choice("unit", _choices(IndicatorUnit)),
            DecimalSpec("plan"),
            SourceSpec("source"),
            Text("note", attr="notes"),
            DateSpec("cutoff_on"),
            Flag("estimated"),
        ],
    )
    investment_leads = LeadSection(
        "investment_leads",
        "investment lead",
        InvestmentLead,
        [
            RefKey("ref", required=True),
            Text("name", required=True),
            Text("investor", required=True),
            RefSpec("partner", "partners"),
            CountrySpec("country"),
            Text("sector"),
            Choice("stage", _choices(LeadStage), default=LeadStage.LEAD.value),
            DecimalSpec("expected_capital_usd", minimum=0, negative_message="expected capital cannot be negative"),
            RefSpec("owner_unit", "units"),
            RefSpec("origin_delegation", "delegations"),
            RefSpec("origin_event", "events"),
            Text("origin_enquiry"),
            DateSpec("received_on"),
            DateSpec("response_due_on"),
            DateSpec("responded_on"),
            RefSpec("project", "fdi_projects"),
            Text("outcome"),
            Text("notes"),
            Nested(
                "contacts",
                model=LeadContact,
                parent_field="lead",
                fields=[
                    DateSpec("date", required=True),
                    Choice("kind", _choices(LeadContactKind), default=LeadContactKind.MEETING.value),
                    Text("summary", required=True),
                    RefSpec("unit", "units"),
                ],
            ),
        ],
    )
    aftercare_visits = EconomySection(
        "aftercare_visits",
        "aftercare visit",
        AftercareVisit,
        [
            RefKey("ref", required=True),
            RefSpec("project", "fdi_projects", required=True),
            DateSpec("date", required=True),
            RefSpec("unit", "units"),
            Text("participants"),
            Text("summary"),
            Text("notes"),
        ],
    )
    aftercare_issues = IssueSection(
        "aftercare_issues",
        "aftercare issue",
        AftercareIssue,
        [
            RefKey("ref", required=True),
            RefSpec("project", "fdi_projects", required=True),
            RefSpec("visit", "aftercare_visits"),
            DateSpec("raised_on", required=True),
            Text("issue", required=True),
            RefSpec("responsible_unit", "units"),
            Choice("status", _choices(IssueStatus), default=IssueStatus.OPEN.value),
            DateSpec("due_on"),
            DateSpec("resolved_on"),
            Text("resolution"),
            Text("notes"),
        ],
    )
    return [fdi_projects, oda_programmes, statistics, investment_leads, aftercare_visits, aftercare_issues]


# Example rows of the spreadsheet templates (core.bundle.tabular): made up, not real data.
TABULAR_EXAMPLES = {
    "investment_leads": {
        "ref": "lead-2024-electronics",
        "name": "Nhà máy linh kiện điện tử",
        "investor": "Example Electronics Co., Ltd.",
        "country": "KR",
        "sector": "Điện tử",
        "stage": "site_visit",
        "expected_capital_usd": 50000000,
        "owner_unit": "unit-dofa",
        "origin_event": "evt-2024-seoul-promotion",
        "received_on": "2024-10-08",
        "response_due_on": "2024-10-31",
    },
    "aftercare_visits": {
        "ref": "visit-2024-electronics",
        "project": "fdi-2024-electronics",
        "date": "2024-11-20",
        "unit": "unit-dofa",
        "participants": "Sở Ngoại vụ, Ban Quản lý KKT",
        "summary": "Nắm tình hình sản xuất, kiến nghị của doanh nghiệp",
    },
    "aftercare_issues": {
        "ref": "issue-2024-electronics-power",
        "project": "fdi-2024-electronics",
        "visit": "visit-2024-electronics",
        "raised_on": "2024-11-20",
        "issue": "Đề nghị bảo đảm cấp điện ổn định cho nhà máy",
        "responsible_unit": "unit-dofa",
        "status": "in_progress",
        "due_on": "2024-12-20",
    },
}
