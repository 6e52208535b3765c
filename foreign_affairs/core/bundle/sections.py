"""The bundle sections this register imports and exports, field by field (DESIGN §4).

The order of ``fields`` is the order of keys in an exported record. Field names are the bundle
contract; the documented extensions are marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

from foreign_affairs.agreements.choices import AgreementKind, AgreementStatus
from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.choices import Pillar, UnitKind
from foreign_affairs.core.models import Unit
from foreign_affairs.delegations.choices import (
    CostItemKind,
    DelegationStatus,
    Direction,
    Funding,
    Level,
    MemberRole,
    Reception,
)
from foreign_affairs.delegations.models import Delegation, DelegationCostItem, DelegationMember
from foreign_affairs.events.choices import EventKind, EventStatus
from foreign_affairs.events.models import Event
from foreign_affairs.partners.choices import InteractionKind, PartnerKind, Relationship
from foreign_affairs.partners.models import Contact, Interaction, Partner

from .fields import (
    BIGINT_MAX,
    Choice,
    CountryList,
    CountrySpec,
    DateSpec,
    FieldList,
    FieldSpec,
    IntSpec,
    Nested,
    RefKey,
    RefList,
    RefSpec,
    Text,
    TextList,
    with_illustrative,
)

FORMAT = "fa-bundle/1"


@dataclass
class SectionSpec:
    """One section of a bundle: its records' model and fields."""

    name: str
    noun: str
    model: type[models.Model]
    fields: list[FieldSpec]
    by_name: dict[str, FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.fields = with_illustrative(self.model, self.fields)
        self.by_name = {spec.name: spec for spec in self.fields}

    def export_key(self, obj):
        """The order of records in an export: by ref (sections without stable refs override)."""
        return obj.ref

    def queryset(self):
        """Records with everything needed to read them back as bundle records in a few queries."""
        related, prefetch = [], []
        for spec in self.fields:
            if isinstance(spec, RefSpec):
                related.append(spec.attr)
            elif spec.m2m:
                prefetch.append(spec.attr)
            elif spec.nested:
                prefetch.append(spec.attr)
                prefetch.extend(f"{spec.attr}__{sub.attr}" for sub in spec.fields if isinstance(sub, RefSpec))
        return self.model._default_manager.select_related(*related).prefetch_related(*prefetch)

    def snapshot(self, obj) -> dict:
        """The record in clean form: every field, empty ones included."""
        return {spec.name: spec.get(obj) for spec in self.fields}

    def dump(self, clean: dict) -> dict:
        """A record in clean form as bundle data: empty optional values are left out."""
        item = {}
        for spec in self.fields:
            value = clean[spec.name]
            if spec.name == "ref" or not (value is None or value == "" or value == []):
                dumped = spec.dump(value)
                if dumped is not None or spec.name == "ref":  # a flag at its default dumps to nothing
                    item[spec.name] = dumped
        return item


def _choices(choices) -> list[str]:
    return list(choices.values)


def build_sections() -> dict[str, SectionSpec]:
    units = SectionSpec(
        "units",
        "unit",
        Unit,
        [
            RefKey("ref", required=True),
            Text("name_vi", required=True),
            Text("name_en"),
            Text("short_name"),
            Choice("kind", _choices(UnitKind), required=True),
            RefSpec("parent", "units"),
            DateSpec("valid_from"),
            DateSpec("valid_until"),
            RefSpec("successor", "units"),
            Text("notes"),
        ],
    )
    partners = SectionSpec(
        "partners",
        "partner",
        Partner,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(PartnerKind), required=True),
            Text("name_en", required=True),
            Text("name_vi"),
            Text("name_native"),
            TextList("aliases"),
            CountrySpec("country", required=True),
            Choice("relationship", _choices(Relationship)),
            DateSpec("since"),
            FieldList("fields"),
            Text("website"),
            Text("notes"),
            Nested(
                "contacts",
                model=Contact,
                parent_field="partner",
                fields=[
                    Text("name", required=True),
                    Text("position"),
                    Text("phone"),
                    Text("email"),
                    Text("notes"),
                ],
            ),
            Nested(
                "interactions",
                model=Interaction,
                parent_field="partner",
                fields=[
                    DateSpec("date", required=True),
                    Choice("kind", _choices(InteractionKind), default=InteractionKind.MEETING.value),
                    Text("summary", required=True),
                    RefSpec("unit", "units"),
                ],
            ),
        ],
    )
    agreements = SectionSpec(
        "agreements",
        "agreement",
        Agreement,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(AgreementKind), required=True),
            Text("title_en"),
            Text("title_vi"),
            Text("number"),
            DateSpec("signed_on"),
            Text("place"),
            RefList("units", "units"),
            RefList("partners", "partners"),
            FieldList("fields"),
            DateSpec("valid_from"),
            DateSpec("valid_until"),
            Choice("status", _choices(AgreementStatus), default=AgreementStatus.DRAFTING.value),
            Text("notes"),
        ],
    )
    delegations = SectionSpec(
        "delegations",
        "delegation",
        Delegation,
        [
            RefKey("ref", required=True),
            Choice("direction", _choices(Direction), required=True),
            Choice("pillar", _choices(Pillar), required=True),
            Choice("level", _choices(Level), default=Level.UNIT.value),
            Text("title", required=True),
            Text("purpose"),
            DateSpec("start_on", required=True),
            DateSpec("end_on"),
            CountryList("countries"),
            RefList("partners", "partners"),
            FieldList("fields"),
            RefSpec("host_unit", "units"),
            Text("head_name"),
            Text("head_position"),
            IntSpec("members"),
            IntSpec("foreign_visitors"),
            Choice("reception", _choices(Reception)),
            DateSpec("permit_on"),
            Choice("status", _choices(DelegationStatus), default=DelegationStatus.DRAFT.value),
            Choice("funding", _choices(Funding)),
            IntSpec("budget_vnd", maximum=BIGINT_MAX),
            IntSpec("cost_vnd", maximum=BIGINT_MAX),
            Text("outcomes"),
            RefList("agreements", "agreements"),
            RefList("events", "events"),
            # Extensions: the workflow's documents and the post-trip report, so a migration (or
            # the demo) brings a delegation in whatever step it has reached.
            Text("appraisal"),
            Text("clearance_no"),
            DateSpec("clearance_on"),
            Text("clearance_signer"),
            Text("decision_no"),
            DateSpec("decision_on"),
            Text("decision_signer"),
            Text("conditions"),
            DateSpec("report_due_on"),
            DateSpec("reported_on"),
            Text("report"),
            Text("report_leads"),
            Text("report_followups"),
            IntSpec("rating"),
            Text("evaluation"),
            Text("notes"),
            Nested(
                "member_list",
                model=DelegationMember,
                parent_field="delegation",
                fields=[
                    Text("full_name", required=True),
                    Choice("role", _choices(MemberRole), default=MemberRole.MEMBER.value),
                    Text("position"),
                    Text("organisation"),
                    Text("passport_number"),
                    DateSpec("date_of_birth"),
                    DateSpec("passport_handed_on"),
                    DateSpec("passport_returned_on"),
                ],
            ),
            Nested(
                "cost_items",
                model=DelegationCostItem,
                parent_field="delegation",
                fields=[
                    Choice("kind", _choices(CostItemKind), required=True),
                    Text("description"),
                    IntSpec("amount_vnd", required=True, maximum=BIGINT_MAX),
                ],
            ),
        ],
    )
    events = SectionSpec(
        "events",
        "event",
        Event,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(EventKind), required=True),
            Choice("pillar", _choices(Pillar), required=True),
            FieldList("fields"),
            Text("title", required=True),
            DateSpec("start_on", required=True),
            DateSpec("end_on"),
            Text("place"),
            CountrySpec("country"),
            RefList("partners", "partners"),
            IntSpec("participants"),
            RefSpec("unit", "units"),
            # Extension: records without a status are of events that took place.
            Choice("status", _choices(EventStatus), default=EventStatus.HELD.value),
            Text("notes"),
        ],
    )
    from foreign_affairs.economy.bundle import economy_sections  # imports SectionSpec from here

    economy = economy_sections()
    from foreign_affairs.aid.bundle import aid_sections
    from foreign_affairs.consular.bundle import consular_sections
    from foreign_affairs.people.bundle import people_sections
    from foreign_affairs.plans.bundle import plans_sections, programmes_sections
    from foreign_affairs.reports.bundle import reports_sections

    later = [*plans_sections(), *consular_sections(), *aid_sections(), *programmes_sections(), *people_sections(),
             *reports_sections()]
    return {spec.name: spec for spec in (units, partners, agreements, delegations, events, *economy, *later)}


# The sections in the order of the contract (and of an exported file).
SECTIONS = ("units", "partners", "agreements", "delegations", "events", "fdi_projects", "oda_programmes", "statistics",
            "plans", "consular_cases")
# Documented extensions (docs/bundle-format.md): the investment pipeline, aftercare, NGOs and aid.
ECONOMY_EXTENSIONS = ("investment_leads", "aftercare_visits", "aftercare_issues", "foreign_ngos", "ngo_certificates",
                      "aid_items")
SECTIONS += ECONOMY_EXTENSIONS
# The order of writes: whatever a record points at is written before it.
WRITE_ORDER = ("units", "partners", "events", "agreements", "delegations", "fdi_projects", "oda_programmes",
               "statistics", "plans", "consular_cases")
WRITE_ORDER += ECONOMY_EXTENSIONS  # each points only at sections written before it
# Annual programmes and people's records (issue 4, items 5–7). Programmes are written before
# plans: a task's evidence may name a programme item; border items before border events.
SECTIONS = (*SECTIONS, "programmes", "journalist_visits", "honours", "overseas_community", "experts", "border_items",
            "border_events", "border_figures")
WRITE_ORDER = (*WRITE_ORDER[: WRITE_ORDER.index("plans")], "programmes", *WRITE_ORDER[WRITE_ORDER.index("plans"):],
               "journalist_visits", "honours", "overseas_community", "experts", "border_items", "border_events",
               "border_figures")
# The office's saved reports (texts and document details, never figures): they point at units only.
SECTIONS = (*SECTIONS, "reports")
WRITE_ORDER = (*WRITE_ORDER, "reports")
# Sections of the contract that other parts of the register will handle; this importer skips
# them with a warning instead of refusing the bundle.
OTHER_CONTRACT_SECTIONS: tuple[str, ...] = ()
# Fields holding personal data (left out by ``export_bundle(personal_data=False)``).
PERSONAL_FIELDS = {"member_list": ("passport_number", "date_of_birth", "passport_handed_on", "passport_returned_on")}
# Sections that are personal data as a whole (left out by ``export_bundle(personal_data=False)``).
PERSONAL_SECTIONS = ("consular_cases", "experts")
# Nested lists that are personal data as a whole (left out by ``export_bundle(personal_data=False)``).
PERSONAL_LISTS = ("reporters",)

_SPECS: dict[str, SectionSpec] | None = None


def section_specs() -> dict[str, SectionSpec]:
    global _SPECS
    if _SPECS is None:
        _SPECS = build_sections()
    return _SPECS
