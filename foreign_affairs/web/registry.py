"""The web app's record types, declared once (NetBox-style).

Each register record type says here which model it shows, under which URL group, with which
FilterSet, list columns, form, detail layout and related records; the generic views in
``views/records.py`` and the URL patterns in ``urls.py`` are built from these declarations, so a
record type's list, detail, edit, delete, export and import pages are a few lines each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from foreign_affairs.agreements.filtersets import AgreementFilterSet
from foreign_affairs.agreements.models import Agreement, AgreementAttachment
from foreign_affairs.aid.filtersets import AidItemFilterSet, ForeignNGOFilterSet, NGOCertificateFilterSet
from foreign_affairs.aid.models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate
from foreign_affairs.consular.filtersets import ConsularCaseFilterSet
from foreign_affairs.consular.models import ConsularCase
from foreign_affairs.core.filtersets import UnitFilterSet
from foreign_affairs.core.models import Country, Unit
from foreign_affairs.delegations.filtersets import DelegationFilterSet
from foreign_affairs.delegations.models import Delegation, DelegationAttachment, DelegationMember
from foreign_affairs.economy.filtersets import (
    AftercareIssueFilterSet,
    AftercareVisitFilterSet,
    FDIProjectFilterSet,
    InvestmentLeadFilterSet,
    ODAProgrammeFilterSet,
    StatisticFilterSet,
)
from foreign_affairs.economy.models import (
    AftercareIssue,
    AftercareVisit,
    CapitalAdjustment,
    FDIProject,
    InvestmentLead,
    LeadContact,
    ODADisbursement,
    ODAProgramme,
    Statistic,
)
from foreign_affairs.events.filtersets import EventFilterSet
from foreign_affairs.events.models import Event, EventAttachment
from foreign_affairs.partners.filtersets import PartnerFilterSet
from foreign_affairs.partners.models import Contact, Interaction, Partner, PartnerAttachment
from foreign_affairs.plans.filtersets import PlanFilterSet
from foreign_affairs.plans.models import Plan
from foreign_affairs.reports.filtersets import ReportFilterSet
from foreign_affairs.reports.models import Report
from foreign_affairs.reports.views import report_detail_context

from . import economy_forms, forms
from .ordering import localized

Label = str | Promise

# The detail and form group of a record's own data (its reference, notes, dates): "Thông tin bản
# ghi", where a column or a link naming a record is plainly "Bản ghi".
RECORD_GROUP = pgettext_lazy("detail group", "Record")


@dataclass(frozen=True)
class Column:
    """A column of a record table.

    ``key`` names the model attribute shown and is the ``?sort=`` key; ``order_by`` lists the
    database orderings behind it (a callable gets the active language), None when the column
    cannot be sorted. ``kind`` says how a value is rendered (see templatetags/records.py).
    """

    key: str
    label: Label
    order_by: tuple[str, ...] | Callable[[str], Sequence] | None = None
    kind: str = "text"  # text, link, choice, date, fk, m2m, money (VND), usd, number, bool
    attr: str | None = None

    @property
    def accessor(self) -> str:
        return self.attr or self.key

    @property
    def sortable(self) -> bool:
        return self.order_by is not None

    def orderings(self, lang: str, descending: bool = False) -> list:
        raw = self.order_by(lang) if callable(self.order_by) else [o.format(lang=lang) for o in self.order_by or ()]
        result = []
        for item in raw:
            if isinstance(item, str):
                result.append(item[1:] if descending and item.startswith("-") else (f"-{item}" if descending else item))
            else:
                result.append(item.desc() if descending else item.asc())
        return result


@dataclass(frozen=True)
class RelatedList:
    """Records of another type linked to the one shown, as a section of its detail page.

    ``lookup`` filters the target model by the shown record (``partners`` → ``filter(partners=obj)``);
    ``list_param``/``list_value`` build the "see all" link to the target's filtered list.
    """

    title: Label
    group: str
    lookup: str
    columns: tuple[str, ...]
    list_param: str | None = None
    list_value: str = "ref"
    limit: int = 20


@dataclass(frozen=True)
class ChildList:
    """Dependent rows edited inside their record's page (a partner's contacts, a delegation's
    members): shown as a table, with small add/edit forms for permitted users."""

    slug: str
    title: Label
    model: type[Model]
    form_class: type
    fk: str
    columns: tuple[Column, ...]
    related_name: str
    add_label: Label = _("Add")
    # Rows that are personal data (a press visit's reporters): shown only to users with the
    # child model's view permission, and each showing is logged against the record.
    personal_data: bool = False
    # Links the rows' columns follow that are not plain foreign keys (a task's evidence).
    select_related: tuple[str, ...] = ()


@dataclass
class RecordType:
    """One register record type as the web app shows it."""

    slug: str
    model: type[Model]
    filterset: type
    form_class: type
    columns: tuple[Column, ...]
    filters: tuple[str, ...]
    detail_groups: tuple[tuple[Label, tuple[str, ...]], ...]
    form_layout: tuple[tuple[Label, tuple[str, ...]], ...] = ()
    default_sort: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    related: tuple[RelatedList, ...] = ()
    children: tuple[ChildList, ...] = ()
    attachment_model: type[Model] | None = None
    search_columns: tuple[str, ...] = ()
    detail_select_related: tuple[str, ...] = ()
    detail_prefetch_related: tuple[str, ...] = ()
    # Extra template included in the detail page (sections that are not a plain related list).
    detail_template: str | None = None
    title_attr: str = "name"
    # Detail groups that apply only to some records: the group's first field -> predicate on the record.
    detail_group_when: dict[str, Callable] = field(default_factory=dict)
    # Whether the spreadsheet layer (core.bundle.tabular) has a section for the type: without
    # one the type has no export/import pages, URLs or buttons.
    tabular: bool = True
    # Records that are personal data as a whole (consular cases): every list page, detail page
    # and edit form that shows them writes PersonalDataAccess rows.
    personal_data: bool = False
    # Template shown above the list's filters (reports: the form that makes a report).
    list_intro_template: str | None = None
    detail_context: Callable | None = None

    # --- names derived from the model -------------------------------------------------------
    @property
    def opts(self):
        return self.model._meta

    @property
    def verbose_name(self):
        return self.opts.verbose_name

    @property
    def verbose_name_plural(self):
        return self.opts.verbose_name_plural

    @property
    def bundle_section(self) -> str:
        return self.slug.replace("-", "_")

    def perm(self, action: str) -> str:
        return f"{self.opts.app_label}.{action}_{self.opts.model_name}"

    def url_name(self, view: str) -> str:
        return f"web:{self.slug}_{view}"

    def list_url(self) -> str:
        return reverse(self.url_name("list"))

    def detail_url(self, obj) -> str:
        return reverse(self.url_name("detail"), args=[obj.pk])

    def object_url(self, obj, view: str) -> str:
        return reverse(self.url_name(view), args=[obj.pk])

    @property
    def urls(self) -> dict[str, str]:
        """The type's own pages, for templates."""
        urls = {"list": self.list_url(), "add": reverse(self.url_name("add"))}
        if self.tabular:
            urls |= {
                "export": reverse(self.url_name("export")),
                "import": reverse(self.url_name("import")),
                "template_csv": reverse(self.url_name("import_template"), args=["csv"]),
                "template_xlsx": reverse(self.url_name("import_template"), args=["xlsx"]),
            }
        return urls

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def list_queryset(self, user) -> QuerySet:
        qs = self.model.objects.restrict(user, "view")
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        if self.prefetch_related:
            qs = qs.prefetch_related(*self.prefetch_related)
        return qs

    def detail_queryset(self, user, action: str = "view") -> QuerySet:
        qs = self.model.objects.restrict(user, action)
        if self.detail_select_related:
            qs = qs.select_related(*self.detail_select_related)
        if self.detail_prefetch_related:
            qs = qs.prefetch_related(*self.detail_prefetch_related)
        return qs

    def child(self, slug: str) -> ChildList:
        for child in self.children:
            if child.slug == slug:
                return child
        raise KeyError(slug)


def _name(prefix: str = "name") -> Callable[[str], Sequence]:
    return lambda lang: [localized(prefix, lang), "pk"]


_FIELDS = Column("fields", _("Fields"), kind="m2m")

UNITS = RecordType(
    slug="units",
    model=Unit,
    filterset=UnitFilterSet,
    form_class=forms.UnitForm,
    columns=(
        Column("name", _("Name"), _name(), kind="link"),
        Column("short_name", _("Short name"), ("short_name", "pk")),
        Column("kind", _("Kind"), ("kind", "name_vi"), kind="choice"),
        Column("parent", _("Parent unit"), lambda lang: [localized("name", lang, "parent__"), "pk"], kind="fk"),
        Column("valid_from", _("Valid from"), ("valid_from", "pk"), kind="date"),
        Column("valid_until", _("Valid until"), ("valid_until", "pk"), kind="date"),
    ),
    filters=("kind", "parent", "active"),
    default_sort=("name",),
    select_related=("parent",),
    detail_select_related=("parent", "successor"),
    detail_groups=(
        (_("Unit"), ("name_vi", "name_en", "short_name", "kind", "parent")),
        (_("Validity"), ("valid_from", "valid_until", "successor")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Unit"), ("name_vi", "name_en", "short_name", "kind", "parent")),
        (_("Validity"), ("valid_from", "valid_until", "successor")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    related=(
        RelatedList(_("Units below"), "units", "parent", ("name", "kind", "valid_until"), "parent"),
        RelatedList(_("Predecessors"), "units", "successor", ("name", "kind", "valid_until")),
        RelatedList(
            _("Delegations"),
            "delegations",
            "host_unit",
            ("title", "direction", "start_on", "status"),
            "host_unit",
        ),
        RelatedList(_("Events"), "events", "unit", ("title", "kind", "start_on"), "unit"),
        RelatedList(_("Agreements"), "agreements", "units", ("title", "kind", "signed_on", "status"), "units"),
    ),
    search_columns=("kind", "parent"),
    detail_template="web/sections/unit_chain.html",
)

PARTNERS = RecordType(
    slug="partners",
    model=Partner,
    filterset=PartnerFilterSet,
    form_class=forms.PartnerForm,
    columns=(
        Column("name", _("Name"), _name(), kind="link"),
        Column("kind", _("Kind"), ("kind", "name_en"), kind="choice"),
        Column("country", _("Country"), lambda lang: [localized("name", lang, "country__"), "name_en"], kind="fk"),
        Column("relationship", _("Relationship"), ("relationship", "name_en"), kind="choice"),
        Column("since", _("Since"), ("since", "pk"), kind="date"),
        _FIELDS,
    ),
    filters=("kind", "country", "relationship", "fields", "year"),
    default_sort=("name",),
    select_related=("country",),
    prefetch_related=("fields",),
    detail_select_related=("country",),
    detail_prefetch_related=("fields",),
    detail_groups=(
        (_("Partner"), ("name_vi", "name_en", "name_native", "aliases", "kind", "country", "website")),
        (_("Relationship"), ("relationship", "since", "fields")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Partner"), ("kind", "name_vi", "name_en", "name_native", "aliases", "country", "website")),
        (_("Relationship"), ("relationship", "since", "fields")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "contacts",
            _("Contacts"),
            Contact,
            forms.ContactForm,
            "partner",
            (
                Column("name", _("Name")),
                Column("position", _("Position")),
                Column("phone", _("Phone")),
                Column("email", _("E-mail"), kind="email"),
            ),
            "contacts",
            _("Add contact"),
        ),
        ChildList(
            "interactions",
            _("Interaction log"),
            Interaction,
            forms.InteractionForm,
            "partner",
            (
                Column("date", _("Date"), kind="date"),
                Column("kind", _("Kind"), kind="choice"),
                Column("summary", _("Summary")),
                Column("unit", _("Unit"), kind="fk"),
            ),
            "interactions",
            _("Record an interaction"),
        ),
    ),
    related=(
        RelatedList(_("Agreements"), "agreements", "partners", ("title", "kind", "signed_on", "status"), "partners"),
        RelatedList(
            _("Delegations"),
            "delegations",
            "partners",
            ("title", "direction", "start_on", "status"),
            "partners",
        ),
        RelatedList(_("Events"), "events", "partners", ("title", "kind", "start_on"), "partners"),
        RelatedList(_("Foreign NGO"), "foreign-ngos", "partner", ("name", "status", "representative")),
        RelatedList(_("Aid items"), "aid-items", "donor", ("title", "modality", "committed_usd", "status"), "donor"),
        RelatedList(_("Investment leads"), "investment-leads", "partner", ("name", "stage", "received_on"),
                    "partner"),
    ),
    attachment_model=PartnerAttachment,
    search_columns=("kind", "country"),
)

AGREEMENTS = RecordType(
    slug="agreements",
    model=Agreement,
    detail_template="web/sections/workflow.html",
    filterset=AgreementFilterSet,
    form_class=forms.AgreementForm,
    title_attr="title",
    columns=(
        Column("title", _("Title"), _name("title"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("number", _("Number"), ("number", "pk")),
        Column("signed_on", _("Signed on"), ("signed_on", "pk"), kind="date"),
        Column("partners", _("Partners"), kind="m2m"),
        Column("valid_until", _("Valid until"), ("valid_until", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "status", "country", "fields", "year"),
    default_sort=("-signed_on",),
    prefetch_related=("partners",),
    detail_prefetch_related=("units", "partners__country", "fields"),
    detail_groups=(
        (_("Agreement"), ("title_vi", "title_en", "kind", "number", "status")),
        (_("Parties"), ("units", "partners")),
        (_("Signing and validity"), ("signed_on", "place", "valid_from", "valid_until", "fields")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Agreement"), ("kind", "title_vi", "title_en", "number", "status")),
        (_("Parties"), ("units", "partners")),
        (_("Signing and validity"), ("signed_on", "place", "valid_from", "valid_until", "fields")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    related=(RelatedList(_("Delegations"), "delegations", "agreements", ("title", "direction", "start_on", "status")),),
    attachment_model=AgreementAttachment,
    search_columns=("kind", "signed_on"),
)

DELEGATIONS = RecordType(
    slug="delegations",
    model=Delegation,
    detail_template="web/sections/delegation_workflow.html",
    filterset=DelegationFilterSet,
    form_class=forms.DelegationForm,
    title_attr="title",
    columns=(
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("direction", _("Direction"), ("direction", "pk"), kind="choice"),
        Column("pillar", _("Pillar"), ("pillar", "pk"), kind="choice"),
        Column("start_on", _("Start"), ("start_on", "pk"), kind="date"),
        Column("countries", _("Countries"), kind="m2m"),
        Column(
            "host_unit",
            _("Host unit"),
            lambda lang: [localized("name", lang, "host_unit__"), "pk"],
            kind="fk",
        ),
        Column("members", _("Members"), ("members", "pk"), kind="number"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=(
        "direction",
        "pillar",
        "level",
        "status",
        "reception",
        "funding",
        "country",
        "host_unit",
        "fields",
        "year",
    ),
    default_sort=("-start_on",),
    select_related=("host_unit",),
    prefetch_related=("countries",),
    detail_select_related=("host_unit",),
    detail_prefetch_related=("countries", "partners", "fields"),
    detail_group_when={"reception": lambda obj: obj.direction == "incoming"},
    detail_groups=(
        (_("Delegation"), ("title", "direction", "pillar", "level", "status", "purpose")),
        (_("Dates and places"), ("start_on", "end_on", "countries", "partners", "fields")),
        (_("People"), ("host_unit", "head_name", "head_position", "members")),
        (_("Incoming delegations"), ("reception", "foreign_visitors", "permit_on")),
        (_("Funding"), ("funding", "budget_vnd", "cost_vnd")),
        (_("Results"), ("outcomes",)),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Delegation"), ("direction", "pillar", "level", "title", "purpose", "status")),
        (_("Dates and places"), ("start_on", "end_on", "countries", "partners", "fields")),
        (_("People"), ("host_unit", "head_name", "head_position", "members")),
        (_("Incoming delegations only"), ("reception", "foreign_visitors", "permit_on")),
        (_("Funding"), ("funding", "budget_vnd", "cost_vnd")),
        (_("Results"), ("outcomes", "agreements", "events")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "members",
            _("Members"),
            DelegationMember,
            forms.DelegationMemberForm,
            "delegation",
            (
                Column("full_name", _("Full name")),
                Column("role", _("Role"), kind="choice"),
                Column("position", _("Position")),
                Column("organisation", _("Organisation")),
            ),
            "member_list",
            _("Add member"),
        ),
    ),
    related=(
        RelatedList(_("Agreements signed"), "agreements", "delegations", ("title", "kind", "signed_on", "status")),
        RelatedList(_("Events held"), "events", "delegations", ("title", "kind", "start_on")),
        RelatedList(
            _("FDI projects"),
            "fdi-projects",
            "origin_delegation",
            ("name", "investor", "capital_usd", "status"),
            "origin_delegation",
        ),
        RelatedList(
            _("Investment leads"),
            "investment-leads",
            "origin_delegation",
            ("name", "investor", "stage", "expected_capital_usd"),
            "origin_delegation",
        ),
    ),
    attachment_model=DelegationAttachment,
    search_columns=("direction", "start_on"),
)

EVENTS = RecordType(
    slug="events",
    model=Event,
    detail_template="web/sections/workflow.html",
    filterset=EventFilterSet,
    form_class=forms.EventForm,
    title_attr="title",
    columns=(
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("pillar", _("Pillar"), ("pillar", "pk"), kind="choice"),
        Column("start_on", _("Start"), ("start_on", "pk"), kind="date"),
        Column("place", _("Place"), ("place", "pk")),
        Column("country", _("Country"), lambda lang: [localized("name", lang, "country__"), "pk"], kind="fk"),
        Column("unit", _("Organising unit"), lambda lang: [localized("name", lang, "unit__"), "pk"], kind="fk"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "pillar", "status", "country", "unit", "fields", "year"),
    default_sort=("-start_on",),
    select_related=("country", "unit"),
    detail_select_related=("country", "unit"),
    detail_prefetch_related=("partners", "fields"),
    detail_groups=(
        (_("Event"), ("title", "kind", "pillar", "status", "unit", "participants")),
        (_("Dates and places"), ("start_on", "end_on", "place", "country")),
        (_("Partners and fields"), ("partners", "fields")),
        (_("Permit"), ("needs_permit", "guest_rank", "topics")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Event"), ("kind", "pillar", "title", "status", "unit", "participants")),
        (_("Dates and places"), ("start_on", "end_on", "place", "country")),
        (_("Partners and fields"), ("partners", "fields")),
        (_("Permit"), ("needs_permit", "guest_rank", "topics")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    related=(
        RelatedList(_("Delegations"), "delegations", "events", ("title", "direction", "start_on", "status")),
        RelatedList(
            _("FDI projects"),
            "fdi-projects",
            "origin_event",
            ("name", "investor", "capital_usd", "status"),
            "origin_event",
        ),
        RelatedList(
            _("Investment leads"),
            "investment-leads",
            "origin_event",
            ("name", "investor", "stage", "expected_capital_usd"),
            "origin_event",
        ),
    ),
    attachment_model=EventAttachment,
    search_columns=("kind", "start_on"),
)

FDI_PROJECTS = RecordType(
    slug="fdi-projects",
    model=FDIProject,
    filterset=FDIProjectFilterSet,
    form_class=forms.FDIProjectForm,
    columns=(
        Column("name", _("Project"), ("name", "pk"), kind="link"),
        Column("investor", _("Investor"), ("investor", "pk")),
        Column(
            "investor_country",
            _("Investor country"),
            lambda lang: [localized("name", lang, "investor_country__"), "pk"],
            kind="fk",
        ),
        Column("registered_on", _("Registered on"), ("registered_on", "pk"), kind="date"),
        Column("capital_usd", _("Registered capital (USD)"), ("capital_usd", "pk"), kind="usd"),
        Column("sector", _("Sector"), ("sector", "pk")),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("investor_country", "status", "sector", "origin_delegation", "origin_event", "year"),
    default_sort=("-registered_on",),
    select_related=("investor_country",),
    detail_select_related=("investor_country", "origin_delegation", "origin_event"),
    detail_groups=(
        (_("FDI project"), ("name", "investor", "investor_country", "irc_number", "registered_on", "status")),
        (_("Capital and jobs"), ("capital_usd", "jobs", "estimated")),
        (_("Place and sector"), ("location", "sector")),
        (_("Origin"), ("origin_delegation", "origin_event")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("FDI project"), ("name", "investor", "investor_country", "irc_number", "registered_on", "status")),
        (_("Capital and jobs"), ("capital_usd", "jobs", "estimated")),
        (_("Place and sector"), ("location", "sector")),
        (_("Origin"), ("origin_delegation", "origin_event")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "adjustments",
            _("Capital adjustments"),
            CapitalAdjustment,
            forms.CapitalAdjustmentForm,
            "project",
            (
                Column("date", _("Date"), kind="date"),
                Column("delta_usd", _("Change (USD)"), kind="usd"),
                Column("note", _("Note")),
            ),
            "adjustments",
            _("Add capital adjustment"),
        ),
    ),
    related=(
        RelatedList(_("Delegation it came from"), "delegations", "fdi_projects", ("title", "direction", "start_on")),
        RelatedList(_("Event it came from"), "events", "fdi_projects", ("title", "kind", "start_on")),
        RelatedList(_("Investment lead it came from"), "investment-leads", "project",
                    ("name", "stage", "received_on", "owner_unit")),
        RelatedList(_("Aftercare visits"), "aftercare-visits", "project", ("date", "unit", "participants"),
                    "project"),
        RelatedList(_("Aftercare issues"), "aftercare-issues", "project",
                    ("issue", "raised_on", "responsible_unit", "status"), "project"),
    ),
    search_columns=("investor", "registered_on"),
)

ODA_PROGRAMMES = RecordType(
    slug="oda-programmes",
    model=ODAProgramme,
    filterset=ODAProgrammeFilterSet,
    form_class=forms.ODAProgrammeForm,
    columns=(
        Column("name", _("Name"), ("name", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("donors", _("Donors"), kind="list"),
        Column("oda_vnd", _("ODA amount (VND)"), ("oda_vnd", "pk"), kind="money"),
        Column("start_year", _("Start year"), ("start_year", "pk")),
        Column("end_year", _("End year"), ("end_year", "pk")),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "status", "sector", "donors", "year"),
    default_sort=("-start_year",),
    detail_groups=(
        (_("ODA programme"), ("name", "kind", "donors", "sector", "status")),
        (_("Capital"), ("total_vnd", "oda_vnd")),
        (_("Years"), ("start_year", "end_year")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("ODA programme"), ("name", "kind", "donors", "sector", "status")),
        (_("Capital"), ("total_vnd", "oda_vnd")),
        (_("Years"), ("start_year", "end_year")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "disbursements",
            _("Disbursements"),
            ODADisbursement,
            forms.ODADisbursementForm,
            "programme",
            (
                Column("year", _("Year")),
                Column("amount_vnd", _("Amount (VND)"), kind="money"),
            ),
            "disbursements",
            _("Add disbursement"),
        ),
    ),
    search_columns=("kind", "start_year"),
)

STATISTICS = RecordType(
    slug="statistics",
    model=Statistic,
    filterset=StatisticFilterSet,
    form_class=forms.StatisticForm,
    title_attr="title",
    columns=(
        Column("title", _("Statistic"), ("indicator__code", "-start", "pk"), kind="link"),
        Column("indicator", _("Indicator"), ("indicator__code", "pk"), kind="fk"),
        Column("start", _("Period start"), ("start", "pk"), kind="date"),
        Column("end", _("Period end"), ("end", "pk"), kind="date"),
        Column("value", _("Value"), ("value", "pk"), kind="number"),
        Column("plan", _("Plan target"), ("plan", "pk"), kind="number"),
        Column("unit_label", _("Unit"), ("unit", "pk")),
        Column("source_title", _("Source"), ("source_title", "pk")),
    ),
    filters=("indicator", "unit", "start", "end", "estimated", "year"),
    default_sort=("-start",),
    select_related=("indicator",),
    detail_select_related=("indicator",),
    detail_groups=(
        (_("Statistic"), ("indicator", "start", "end", "value", "unit", "plan")),
        (_("Source"), ("source_title", "source_url", "source_publisher", "source_published_on", "cutoff_on",
                       "estimated")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Statistic"), ("indicator", "start", "end", "value", "unit", "plan")),
        (_("Source"), ("source_title", "source_url", "source_publisher", "source_published_on", "cutoff_on",
                       "estimated")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("indicator", "start"),
)

def _unit_column(key: str, label) -> Column:
    return Column(key, label, lambda lang, key=key: [localized("name", lang, f"{key}__"), "pk"], kind="fk")


INVESTMENT_LEADS = RecordType(
    slug="investment-leads",
    model=InvestmentLead,
    filterset=InvestmentLeadFilterSet,
    form_class=economy_forms.InvestmentLeadForm,
    title_attr="title",
    detail_template="web/sections/lead_pipeline.html",
    columns=(
        Column("name", _("Project idea"), ("name", "pk"), kind="link"),
        Column("investor", _("Investor"), ("investor", "pk")),
        Column("country", _("Investor country"), lambda lang: [localized("name", lang, "country__"), "pk"],
               kind="fk"),
        Column("stage", _("Stage"), ("stage", "pk"), kind="choice"),
        Column("expected_capital_usd", _("Expected capital (USD)"), ("expected_capital_usd", "pk"), kind="usd"),
        _unit_column("owner_unit", _("Owner unit")),
        Column("received_on", _("Received on"), ("received_on", "pk"), kind="date"),
        Column("response_due_on", _("Response due on"), ("response_due_on", "pk"), kind="date"),
        Column("overdue_flag", _("Response")),
    ),
    filters=("stage", "country", "owner_unit", "overdue", "sector", "year"),
    default_sort=("-received_on",),
    select_related=("country", "owner_unit"),
    detail_select_related=("country", "owner_unit", "partner", "origin_delegation", "origin_event", "project"),
    # The project it became: in the pipeline section and the related list below.
    detail_groups=(
        (_("Investment lead"), ("name", "investor", "partner", "country", "sector", "stage", "expected_capital_usd")),
        (_("Follow-up"), ("owner_unit", "received_on", "response_due_on", "responded_on", "outcome")),
        (_("Origin"), ("origin_delegation", "origin_event", "origin_enquiry")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Investment lead"), ("name", "investor", "partner", "country", "sector", "stage", "expected_capital_usd")),
        (_("Follow-up"), ("owner_unit", "received_on", "response_due_on", "responded_on", "outcome")),
        (_("Origin"), ("origin_delegation", "origin_event", "origin_enquiry")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "contacts",
            _("Contact history"),
            LeadContact,
            economy_forms.LeadContactForm,
            "lead",
            (
                Column("date", _("Date"), kind="date"),
                Column("kind", _("Kind"), kind="choice"),
                Column("summary", _("Summary")),
                Column("unit", _("Unit"), kind="fk"),
            ),
            "contacts",
            _("Record a contact"),
        ),
    ),
    related=(
        RelatedList(_("FDI project it became"), "fdi-projects", "lead", ("name", "registered_on", "capital_usd",
                                                                           "status")),
    ),
    search_columns=("investor", "stage"),
)

AFTERCARE_VISITS = RecordType(
    slug="aftercare-visits",
    model=AftercareVisit,
    filterset=AftercareVisitFilterSet,
    form_class=economy_forms.AftercareVisitForm,
    title_attr="title",
    columns=(
        Column("date", _("Date"), ("date", "pk"), kind="date"),
        Column("project", _("FDI project"), ("project__name", "pk"), kind="fk"),
        _unit_column("unit", _("Visiting unit")),
        Column("participants", _("Participants"), ("participants", "pk")),
        Column("title", _("Visit"), kind="link"),
    ),
    filters=("unit", "project", "year"),
    default_sort=("-date",),
    select_related=("project", "unit"),
    detail_select_related=("project", "unit"),
    detail_groups=(
        (_("Aftercare visit"), ("project", "date", "unit", "participants", "summary")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Aftercare visit"), ("project", "date", "unit", "participants", "summary")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    related=(
        RelatedList(_("Issues raised"), "aftercare-issues", "visit", ("issue", "responsible_unit", "status"),
                    "visit"),
    ),
    search_columns=("project", "date"),
)

AFTERCARE_ISSUES = RecordType(
    slug="aftercare-issues",
    model=AftercareIssue,
    filterset=AftercareIssueFilterSet,
    form_class=economy_forms.AftercareIssueForm,
    title_attr="title",
    columns=(
        Column("issue", _("Issue"), ("issue", "pk"), kind="link"),
        Column("project", _("FDI project"), ("project__name", "pk"), kind="fk"),
        Column("raised_on", _("Raised on"), ("raised_on", "pk"), kind="date"),
        _unit_column("responsible_unit", _("Responsible unit")),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
        Column("due_on", _("Answer due on"), ("due_on", "pk"), kind="date"),
        Column("resolved_on", _("Resolved on"), ("resolved_on", "pk"), kind="date"),
    ),
    filters=("status", "open", "responsible_unit", "project", "year"),
    default_sort=("-raised_on",),
    select_related=("project", "responsible_unit"),
    detail_select_related=("project", "visit__project", "responsible_unit"),
    detail_groups=(
        (_("Aftercare issue"), ("issue", "project", "visit", "raised_on", "responsible_unit", "status", "due_on")),
        (_("Resolution"), ("resolved_on", "resolution")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Aftercare issue"), ("project", "visit", "raised_on", "issue", "responsible_unit", "status", "due_on")),
        (_("Resolution"), ("resolved_on", "resolution")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("project", "status"),
)

FOREIGN_NGOS = RecordType(
    slug="foreign-ngos",
    model=ForeignNGO,
    filterset=ForeignNGOFilterSet,
    form_class=economy_forms.ForeignNGOForm,
    columns=(
        Column("name", _("NGO"), lambda lang: [localized("name", lang, "partner__"), "pk"], kind="link"),
        Column("country", _("Country"), lambda lang: [localized("name", lang, "partner__country__"), "pk"],
               kind="fk"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
        Column("representative", _("Representative in Viet Nam"), ("representative", "pk")),
        _FIELDS,
    ),
    filters=("status", "country", "fields", "expires_within"),
    default_sort=("name",),
    select_related=("partner__country",),
    prefetch_related=("fields",),
    detail_select_related=("partner__country",),
    detail_prefetch_related=("fields", "counterpart_units"),
    detail_groups=(
        (_("Foreign NGO"), ("partner", "status", "representative")),
        (_("Work in the province"), ("fields", "counterpart_units")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Foreign NGO"), ("partner", "status", "representative")),
        (_("Work in the province"), ("fields", "counterpart_units")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    related=(
        RelatedList(_("Certificates"), "ngo-certificates", "ngo",
                    ("title", "kind", "issued_on", "expires_on", "status"), "ngo"),
        RelatedList(_("Aid items"), "aid-items", "donor__foreign_ngo",
                    ("title", "modality", "committed_usd", "status")),
    ),
    search_columns=("country", "status"),
)

NGO_CERTIFICATES = RecordType(
    slug="ngo-certificates",
    model=NGOCertificate,
    filterset=NGOCertificateFilterSet,
    form_class=economy_forms.NGOCertificateForm,
    title_attr="title",
    columns=(
        Column("title", _("Certificate"), ("number", "pk"), kind="link"),
        Column("ngo", _("NGO"), lambda lang: [localized("name", lang, "ngo__partner__"), "pk"], kind="fk"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("issued_on", _("Issued on"), ("issued_on", "pk"), kind="date"),
        Column("expires_on", _("Expires on"), ("expires_on", "pk"), kind="date"),
        Column("days_to_expiry", _("Days left"), kind="number"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "status", "expires_within", "year"),
    default_sort=("expires_on",),
    select_related=("ngo__partner",),
    detail_select_related=("ngo__partner",),
    detail_groups=(
        (_("NGO certificate"), ("ngo", "kind", "number", "issued_by", "issued_on", "expires_on", "provinces",
                                "status")),
        (_("Province's opinion"), ("opinion_requested_on", "opinion_sent_on", "opinion")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("NGO certificate"), ("ngo", "kind", "number", "issued_by", "issued_on", "expires_on", "provinces",
                                "status")),
        (_("Province's opinion"), ("opinion_requested_on", "opinion_sent_on", "opinion")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("ngo", "expires_on"),
)

AID_ITEMS = RecordType(
    slug="aid-items",
    model=AidItem,
    filterset=AidItemFilterSet,
    form_class=economy_forms.AidItemForm,
    title_attr="title",
    detail_template="web/sections/aid_workflow.html",
    columns=(
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("donor", _("Donor"), lambda lang: [localized("name", lang, "donor__"), "pk"], kind="fk"),
        Column("modality", _("Modality"), ("modality", "pk"), kind="choice"),
        _unit_column("managing_unit", _("Managing agency")),
        Column("committed_usd", _("Committed (USD)"), ("committed_usd", "pk"), kind="usd"),
        Column("approved_on", _("Approved on"), ("approved_on", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
        Column("start_overdue_flag", _("Start")),
    ),
    filters=("modality", "status", "managing_unit", "start_overdue", "fields", "year"),
    default_sort=("-approved_on",),
    select_related=("donor", "managing_unit"),
    detail_select_related=("donor", "managing_unit"),
    detail_prefetch_related=("fields", "beneficiary_units"),
    detail_groups=(
        (_("Aid item"), ("title", "donor", "modality", "fields", "status")),
        (_("Units"), ("managing_unit", "beneficiary_units")),
        (_("Amounts"), ("committed_amount", "currency", "committed_usd", "counterpart_vnd")),
        (_("Appraisal and approval"), ("file_complete_on", "approval_no", "approved_on", "start_deadline")),
        (_("Implementation"), ("started_on", "ended_on", "settled_on")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Aid item"), ("donor", "modality", "title", "fields", "status")),
        (_("Units"), ("managing_unit", "beneficiary_units")),
        (_("Amounts"), ("committed_amount", "currency", "committed_usd", "counterpart_vnd")),
        (_("Appraisal and approval"), ("file_complete_on", "approval_no", "approved_on")),
        (_("Implementation"), ("started_on", "ended_on", "settled_on")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    children=(
        ChildList(
            "disbursements",
            _("Disbursements"),
            AidDisbursement,
            economy_forms.AidDisbursementForm,
            "item",
            (
                Column("date", _("Date"), kind="date"),
                Column("amount", _("Amount (item's currency)"), kind="number"),
                Column("amount_usd", _("Amount (USD)"), kind="usd"),
                Column("note", _("Note")),
            ),
            "disbursements",
            _("Add disbursement"),
        ),
    ),
    search_columns=("donor", "status"),
)

PLANS = RecordType(
    slug="plans",
    model=Plan,
    filterset=PlanFilterSet,
    form_class=forms.PlanForm,
    detail_template="web/sections/plan_tasks.html",
    title_attr="title",
    tabular=False,
    columns=(
        Column("number", _("Number"), ("number", "pk")),
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("issuer", _("Issuer"), ("issuer", "pk")),
        Column("issued_on", _("Issued on"), ("issued_on", "pk"), kind="date"),
        Column("implements", _("Implements"), ("implements__number", "pk"), kind="fk"),
    ),
    filters=("issuer", "implements", "year"),
    default_sort=("-issued_on",),
    select_related=("implements",),
    detail_select_related=("implements",),
    detail_groups=(
        (_("Plan"), ("number", "title", "issuer", "issued_on", "implements")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Plan"), ("number", "title", "issuer", "issued_on", "implements")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("number", "issued_on"),
)

CONSULAR_CASES = RecordType(
    slug="consular-cases",
    model=ConsularCase,
    filterset=ConsularCaseFilterSet,
    form_class=forms.ConsularCaseForm,
    title_attr="title",
    tabular=False,
    personal_data=True,
    columns=(
        Column("ref", _("Case"), ("ref", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("country", _("Country"), lambda lang: [localized("name", lang, "country__"), "pk"], kind="fk"),
        Column("opened_on", _("Opened on"), ("opened_on", "pk"), kind="date"),
        Column("closed_on", _("Closed on"), ("closed_on", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "country", "status", "year"),
    default_sort=("-opened_on",),
    select_related=("country",),
    detail_select_related=("country",),
    detail_groups=(
        (_("Consular case"), ("kind", "country", "status", "opened_on", "closed_on", "summary")),
        (_("Citizen"), ("subject_name", "subject_commune")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Consular case"), ("kind", "country", "status", "opened_on", "closed_on", "summary")),
        (_("Citizen"), ("subject_name", "subject_commune")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("kind", "opened_on"),
)



REPORTS = RecordType(
    slug="reports",
    model=Report,
    filterset=ReportFilterSet,
    form_class=forms.ReportForm,
    title_attr="display_title",
    tabular=False,
    list_intro_template="reports/includes/list_intro.html",
    detail_template="reports/includes/report_detail.html",
    detail_context=report_detail_context,
    columns=(
        Column("display_title", _("Report"), ("title", "-end", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("start", _("Period start"), ("start", "pk"), kind="date"),
        Column("end", _("Period end"), ("end", "pk"), kind="date"),
        Column("unit", _("Unit"), lambda lang: [localized("name", lang, "unit__"), "pk"], kind="fk"),
        Column("number", _("Number"), ("number", "pk")),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "status", "unit", "year"),
    default_sort=("-end",),
    select_related=("unit",),
    detail_select_related=("unit", "finalised_by"),
    detail_groups=(
        (_("Report"), ("kind", "start", "end", "unit", "status")),
        (_("Document"), ("number", "place", "issued_on", "issuer_parent", "issuer_name", "signer", "signer_title")),
        (_("Finalisation"), ("finalised_at", "finalised_by", "cutoff_on")),
        (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at")),
    ),
    form_layout=(
        (_("Report"), ("kind", "start", "end", "unit", "title")),
        (_("Document"), ("number", "place", "issued_on", "issuer_parent", "issuer_name", "signer", "signer_title",
                         "recipients")),
        (_("Assessment written by the office"), ("context", "strengths", "limitations", "causes", "lessons",
                                                 "directions", "recommendations")),
        (RECORD_GROUP, ("ref", "notes")),
    ),
    search_columns=("kind", "end"),
)

REGISTRY: dict[str, RecordType] = {rt.slug: rt for rt in (
        PARTNERS, AGREEMENTS, DELEGATIONS, EVENTS, UNITS, FDI_PROJECTS, ODA_PROGRAMMES, STATISTICS,
        PLANS, CONSULAR_CASES, REPORTS,
        INVESTMENT_LEADS, AFTERCARE_VISITS, AFTERCARE_ISSUES, FOREIGN_NGOS, NGO_CERTIFICATES, AID_ITEMS,
    )
}
_BY_MODEL: dict[type[Model], RecordType] = {rt.model: rt for rt in REGISTRY.values()}

# The navbar's plain links after Home (the menus follow: NAV_GROUPS).
NAV_ORDER = ("partners", "agreements", "delegations", "events")


def get(slug: str) -> RecordType:
    return REGISTRY[slug]


def for_model(model) -> RecordType | None:
    return _BY_MODEL.get(model if isinstance(model, type) else type(model))


def url_for(obj) -> str | None:
    """The detail page of a register record or a country, or None for anything else."""
    if isinstance(obj, Country):
        return reverse("web:country_detail", args=[obj.code])
    rt = for_model(obj)
    return rt.detail_url(obj) if rt else None


# The navbar after Home and the main registers: menus of record types (registry slugs) and of
# report pages (URL names, for users who may read reports).
NAV_GROUPS: tuple[tuple[Label, tuple[str, ...]], ...] = (
    (_("Economy"), ("fdi-projects", "investment-leads", "aftercare-visits", "aftercare-issues", "oda-programmes",
                    "aid-items", "foreign-ngos", "ngo-certificates", "statistics")),
    (_("Plans"), ("plans", "plan-tasks", "programmes", "programme-items")),
    (pgettext_lazy("navbar", "People"), ("consular-cases", "journalist-visits", "honours", "overseas-community",
                                         "experts", "border-items", "border-events", "border-figures")),
    (_("Reports"), ("reports", "reports:dashboard", "reports:dashboard_trends", "reports:dashboard_map",
                    "reports:dashboard_calendar", "reports:effectiveness", "reports:relationships")),
    (_("More"), ("units", "web:country_list")),
)
NAV_PAGES: dict[str, tuple[Label, str]] = {
    "reports:dashboard": (_("Dashboard"), "reports.view_report"),
    "reports:dashboard_trends": (_("Trends"), "reports.view_report"),
    "reports:dashboard_map": (_("Map"), "reports.view_report"),
    "reports:dashboard_calendar": (_("Calendar"), "reports.view_report"),
    "reports:effectiveness": (_("Effectiveness of trips"), "reports.view_report"),
    "reports:relationships": (_("Relationship health"), "reports.view_report"),
    "web:country_list": (_("Countries"), "core.view_country"),
}


def _nav_entry(entry: str, user, path: str) -> dict | None:
    if entry in NAV_PAGES:
        label, perm = NAV_PAGES[entry]
        if not user.has_perm(perm):
            return None
        url = reverse(entry)
        return {"label": label, "url": url, "active": path == url or (path.startswith(url) and url != "/reports/")}
    rt = REGISTRY.get(entry)
    if rt is None or not user.has_perm(rt.perm("view")):
        return None
    url = rt.list_url()
    return {"label": rt.verbose_name_plural, "url": url, "active": path.startswith(url)}


def navigation_items(request) -> list[dict]:
    """The navbar's links; a record type or page shows only to users who may open it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    path = request.path
    items = [{"label": _("Home"), "url": reverse("web:home"), "active": path == reverse("web:home"), "home": True}]
    for slug in NAV_ORDER:
        entry = _nav_entry(slug, user, path)
        if entry:
            items.append(entry)
    for label, entries in NAV_GROUPS:
        children = [child for child in (_nav_entry(entry, user, path) for entry in entries) if child]
        if children:
            items.append({"label": label, "children": children, "active": any(c["active"] for c in children)})
    return items


# Plan tasks and their evidence, annual programmes, people's records and the border (issue 4,
# items 5–7), declared in registry_people.py.
from .registry_people import register as _register_people  # noqa: E402

_register_people(REGISTRY, _BY_MODEL)
