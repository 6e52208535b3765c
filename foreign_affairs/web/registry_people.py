"""Record types of plan tasks (with their progress and evidence), annual foreign-affairs
programmes and their items, and people's records (foreign press visits, honours, the overseas
community, experts, the border), declared as in ``registry.py`` and added to it by
``register()``; also the links they add to the pages of other record types (the plan tasks and
programme items a delegation, agreement, event or FDI project carries out)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from foreign_affairs.consular.models import ConsularCaseAction
from foreign_affairs.people.filtersets import (
    BorderEventFilterSet,
    BorderFigureFilterSet,
    BorderItemFilterSet,
    ExpertFilterSet,
    HonourAwardFilterSet,
    JournalistVisitFilterSet,
    OverseasCommunityFigureFilterSet,
)
from foreign_affairs.people.models import (
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)
from foreign_affairs.plans.filtersets import ProgrammeFilterSet, ProgrammeItemFilterSet, TaskFilterSet
from foreign_affairs.plans.models import Programme, ProgrammeItem, Task, TaskLink, TaskProgress

from . import forms_people as forms
from .ordering import localized
from .registry import RECORD_GROUP, ChildList, Column, RecordType, RelatedList


def _by(prefix: str):
    return lambda lang: [localized("name", lang, prefix), "pk"]


_RECORD = (RECORD_GROUP, ("ref", "notes", "created_at", "updated_at"))
_RECORD_FORM = (RECORD_GROUP, ("ref", "notes"))
_SOURCE = (_("Source"), ("source_title", "source_url", "source_publisher", "source_published_on"))
_TASK_COLUMNS = ("title", "plan", "status", "due_on")
_ITEM_COLUMNS = ("title", "programme", "kind", "status")

PLAN_TASKS = RecordType(
    slug="plan-tasks",
    model=Task,
    filterset=TaskFilterSet,
    form_class=forms.TaskForm,
    title_attr="title",
    tabular=False,
    detail_template="web/sections/task_detail.html",
    columns=(
        Column("title", _("Task"), ("title", "pk"), kind="link"),
        Column("plan", _("Plan"), ("group__plan__number", "group__ordinal", "position", "pk"), kind="fk"),
        Column("group", _("Task group"), ("group__plan__number", "group__ordinal", "position", "pk"), kind="text"),
        Column("lead_unit", _("Lead unit"), _by("lead_unit__"), kind="fk"),
        Column("due_on", _("Due on"), ("due_on", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("status", "lead_unit", "supporting_units", "year"),
    default_sort=("plan",),
    select_related=("group__plan", "lead_unit"),
    detail_select_related=("group__plan", "lead_unit"),
    detail_prefetch_related=("supporting_units",),
    detail_groups=(
        (_("Task"), ("title", "group", "lead_unit", "supporting_units", "due_on", "status")),
        _RECORD,
    ),
    form_layout=(
        (_("Task"), ("group", "position", "title", "lead_unit", "supporting_units", "due_on", "status")),
        _RECORD_FORM,
    ),
    children=(
        ChildList(
            "progress",
            _("Progress updates"),
            TaskProgress,
            forms.TaskProgressForm,
            "task",
            (
                Column("date", _("Date"), kind="date"),
                Column("percent", _("Percent"), kind="number"),
                Column("note", _("Note")),
                Column("evidence", _("Evidence (documents, links)")),
            ),
            "progress",
            _("Add a progress update"),
        ),
        ChildList(
            "evidence",
            _("Evidence: records that carry the task out"),
            TaskLink,
            forms.TaskLinkForm,
            "task",
            (
                Column("date", _("Date"), kind="date"),
                Column("kind_label", _("Kind")),
                Column("target", RECORD_GROUP, kind="record"),
                Column("note", _("Note")),
            ),
            "links",
            _("Link a record"),
            select_related=TaskLink.TARGETS,
        ),
    ),
    search_columns=("plan", "status"),
)

PROGRAMMES = RecordType(
    slug="programmes",
    model=Programme,
    filterset=ProgrammeFilterSet,
    form_class=forms.ProgrammeForm,
    title_attr="title",
    detail_template="web/sections/programme_items.html",
    columns=(
        Column("year", _("Year"), ("year", "pk")),
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("number", _("Number"), ("number", "pk")),
        Column("approved_on", _("Approved on"), ("approved_on", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("status", "year"),
    default_sort=("-year",),
    detail_groups=(
        (_("Programme"), ("year", "title", "status")),
        (_("Approval"), ("number", "approved_on")),
        _RECORD,
    ),
    form_layout=(
        (_("Programme"), ("year", "title", "status")),
        (_("Approval"), ("number", "approved_on")),
        _RECORD_FORM,
    ),
    search_columns=("year", "status"),
)

PROGRAMME_ITEMS = RecordType(
    slug="programme-items",
    model=ProgrammeItem,
    filterset=ProgrammeItemFilterSet,
    form_class=forms.ProgrammeItemForm,
    title_attr="title",
    tabular=False,
    columns=(
        Column("title", _("Activity"), ("title", "pk"), kind="link"),
        Column("programme", _("Programme"), ("-programme__year", "position", "pk"), kind="fk"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("when", _("Tentative time"), ("programme__year", "quarter", "month", "pk")),
        Column("lead_unit", _("Lead unit"), _by("lead_unit__"), kind="fk"),
        Column("budget_vnd", _("Budget estimate (VND)"), ("budget_vnd", "pk"), kind="money"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("kind", "pillar", "status", "lead_unit", "country", "year"),
    default_sort=("programme",),
    select_related=("programme", "lead_unit"),
    detail_select_related=("programme", "lead_unit", "delegation", "event", "agreement"),
    detail_prefetch_related=("partners", "countries", "fields", "supporting_units"),
    detail_groups=(
        (_("Programme item"), ("programme", "kind", "pillar", "title", "status")),
        (_("When and who"), ("month", "quarter", "lead_unit", "supporting_units")),
        (_("Partners and fields"), ("partners", "countries", "fields")),
        (_("Funding"), ("funding", "budget_vnd")),
        (_("What took place"), ("delegation", "event", "agreement")),
        _RECORD,
    ),
    form_layout=(
        (_("Programme item"), ("programme", "position", "kind", "pillar", "title", "status")),
        (_("When and who"), ("month", "quarter", "lead_unit", "supporting_units")),
        (_("Partners and fields"), ("partners", "countries", "fields")),
        (_("Funding"), ("funding", "budget_vnd")),
        (_("What took place (linking marks the item done)"), ("delegation", "event", "agreement")),
        _RECORD_FORM,
    ),
    related=(RelatedList(_("Plan tasks it carries out"), "plan-tasks", "links__programme_item", _TASK_COLUMNS),),
    search_columns=("programme", "status"),
)

JOURNALIST_VISITS = RecordType(
    slug="journalist-visits",
    model=JournalistVisit,
    filterset=JournalistVisitFilterSet,
    form_class=forms.JournalistVisitForm,
    title_attr="title",
    columns=(
        Column("outlet", _("Outlet"), ("outlet", "pk"), kind="link"),
        Column("country", _("Country"), _by("country__"), kind="fk"),
        Column("start_on", _("Start"), ("start_on", "pk"), kind="date"),
        Column("end_on", _("End"), ("end_on", "pk"), kind="date"),
        Column("accompanying_unit", _("Accompanying unit"), _by("accompanying_unit__"), kind="fk"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("status", "country", "accompanying_unit", "resident", "year"),
    default_sort=("-start_on",),
    select_related=("country", "accompanying_unit"),
    detail_select_related=("country", "accompanying_unit"),
    detail_groups=(
        (_("Press visit"), ("outlet", "country", "resident", "status", "topics", "sites")),
        (_("Dates and permit"), ("start_on", "end_on", "permit_no", "accompanying_unit")),
        (_("The province's reply"), ("response_no", "response_on")),
        (_("Results"), ("outputs",)),
        _RECORD,
    ),
    form_layout=(
        (_("Press visit"), ("outlet", "country", "resident", "status", "topics", "sites")),
        (_("Dates and permit"), ("start_on", "end_on", "permit_no", "accompanying_unit")),
        (_("The province's reply"), ("response_no", "response_on")),
        (_("Results"), ("outputs",)),
        _RECORD_FORM,
    ),
    children=(
        ChildList(
            "reporters",
            _("Reporters (personal data)"),
            JournalistReporter,
            forms.JournalistReporterForm,
            "visit",
            (
                Column("full_name", _("Full name")),
                Column("position", _("Position")),
                Column("nationality", _("Nationality"), kind="fk"),
            ),
            "reporters",
            _("Add reporter"),
            personal_data=True,
        ),
    ),
    search_columns=("country", "start_on"),
)

HONOURS = RecordType(
    slug="honours",
    model=HonourAward,
    filterset=HonourAwardFilterSet,
    form_class=forms.HonourAwardForm,
    title_attr="title",
    columns=(
        Column("recipient", _("Recipient"), ("recipient_name", "recipient_partner__name_en", "pk"), kind="link"),
        Column("award_type", _("Award"), ("award_type", "pk"), kind="choice"),
        Column("recipient_country", _("Country"), _by("recipient_country__"), kind="fk"),
        Column("proposer_unit", _("Proposing unit"), _by("proposer_unit__"), kind="fk"),
        Column("decision_on", _("Decision date"), ("decision_on", "pk"), kind="date"),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
    ),
    filters=("award_type", "status", "recipient_country", "proposer_unit", "year"),
    default_sort=("-decision_on",),
    select_related=("recipient_partner", "recipient_country", "proposer_unit"),
    detail_select_related=("recipient_partner", "recipient_country", "proposer_unit"),
    detail_groups=(
        (_("Honour"), ("award_type", "recipient_partner", "recipient_name", "recipient_country", "achievement")),
        (_("Proposal and decision"), ("proposer_unit", "status", "decision_no", "decision_on")),
        (_("Ceremony"), ("ceremony_on", "ceremony_place")),
        _RECORD,
    ),
    form_layout=(
        (_("Honour"), ("award_type", "recipient_partner", "recipient_name", "recipient_country", "achievement")),
        (_("Proposal and decision"), ("proposer_unit", "status", "decision_no", "decision_on")),
        (_("Ceremony"), ("ceremony_on", "ceremony_place")),
        _RECORD_FORM,
    ),
    search_columns=("award_type", "decision_on"),
)

OVERSEAS_COMMUNITY = RecordType(
    slug="overseas-community",
    model=OverseasCommunityFigure,
    filterset=OverseasCommunityFigureFilterSet,
    form_class=forms.OverseasCommunityFigureForm,
    title_attr="title",
    columns=(
        Column("title", _("Figures"), ("-year", "country__name_en", "pk"), kind="link"),
        Column("population", _("Population"), ("population", "pk"), kind="number"),
        Column("countries", _("Countries"), ("countries", "pk"), kind="number"),
        Column("investment_projects", _("Investment projects"), ("investment_projects", "pk"), kind="number"),
        Column("investment_vnd", _("Investment (VND)"), ("investment_vnd", "pk"), kind="money"),
        Column("remittances_usd", _("Remittances (USD a year)"), ("remittances_usd", "pk"), kind="usd"),
        Column("source_title", _("Source"), ("source_title", "pk")),
    ),
    filters=("country", "overall", "year"),
    default_sort=("title",),
    select_related=("country",),
    detail_select_related=("country",),
    detail_groups=(
        (_("Overseas community"), ("year", "country", "population", "countries", "associations")),
        (_("Investment and remittances"), ("investment_projects", "investment_vnd", "remittances_usd",
                                           "remittances_usd_max")),
        _SOURCE,
        _RECORD,
    ),
    form_layout=(
        (_("Overseas community"), ("year", "country", "population", "countries", "associations")),
        (_("Investment and remittances"), ("investment_projects", "investment_vnd", "remittances_usd",
                                           "remittances_usd_max")),
        _SOURCE,
        _RECORD_FORM,
    ),
    search_columns=("year", "source_title"),
)

EXPERTS = RecordType(
    slug="experts",
    model=Expert,
    filterset=ExpertFilterSet,
    form_class=forms.ExpertForm,
    title_attr="full_name",
    personal_data=True,
    columns=(
        Column("full_name", _("Full name"), ("full_name", "pk"), kind="link"),
        Column("country", _("Country"), _by("country__"), kind="fk"),
        Column("expertise", _("Expertise"), ("expertise", "pk")),
        Column("organisation", _("Organisation"), ("organisation", "pk")),
        Column("fields", _("Fields"), kind="m2m"),
    ),
    filters=("country", "fields", "from_province"),
    default_sort=("full_name",),
    select_related=("country",),
    prefetch_related=("fields",),
    detail_select_related=("country",),
    detail_prefetch_related=("fields",),
    detail_groups=(
        (_("Expert"), ("full_name", "country", "from_province", "fields", "expertise")),
        (_("Work and contact"), ("organisation", "position", "email", "phone")),
        _RECORD,
    ),
    form_layout=(
        (_("Expert"), ("full_name", "country", "from_province", "fields", "expertise")),
        (_("Work and contact"), ("organisation", "position", "email", "phone")),
        _RECORD_FORM,
    ),
    search_columns=("country", "expertise"),
)

BORDER_ITEMS = RecordType(
    slug="border-items",
    model=BorderItem,
    filterset=BorderItemFilterSet,
    form_class=forms.BorderItemForm,
    title_attr="title",
    columns=(
        Column("name", _("Name"), ("name", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "name", "pk"), kind="choice"),
        Column("gate_class", _("Gate class"), ("gate_class", "name", "pk"), kind="choice"),
        Column("opposite_province", _("Opposite province"), _by("opposite_province__"), kind="fk"),
        Column("opposite_name", _("Opposite"), ("opposite_name", "pk")),
        Column("status", _("Status"), ("status", "pk"), kind="choice"),
        Column("commune", _("Commune"), _by("commune__"), kind="fk"),
    ),
    filters=("kind", "gate_class", "status", "commune", "opposite_province"),
    default_sort=("kind",),
    select_related=("opposite_province", "commune"),
    detail_select_related=("opposite_province", "commune"),
    detail_groups=(
        (_("Border item"), ("kind", "name", "gate_class", "status", "commune")),
        (_("Lao side"), ("opposite_province", "opposite_district", "opposite_name")),
        (_("Legal basis"), ("legal_basis", "valid_from")),
        _RECORD,
    ),
    form_layout=(
        (_("Border item"), ("kind", "name", "gate_class", "status", "commune")),
        (_("Lao side"), ("opposite_province", "opposite_district", "opposite_name")),
        (_("Legal basis"), ("legal_basis", "valid_from")),
        _RECORD_FORM,
    ),
    related=(RelatedList(_("Border events"), "border-events", "items", ("title", "kind", "date"), "items"),),
    search_columns=("kind", "opposite_province"),
)

BORDER_EVENTS = RecordType(
    slug="border-events",
    model=BorderEvent,
    filterset=BorderEventFilterSet,
    form_class=forms.BorderEventForm,
    title_attr="title",
    columns=(
        Column("title", _("Title"), ("title", "pk"), kind="link"),
        Column("kind", _("Kind"), ("kind", "pk"), kind="choice"),
        Column("date", _("Date"), ("date", "pk"), kind="date"),
        Column("unit", _("Unit"), _by("unit__"), kind="fk"),
        Column("document", _("Document"), ("document", "pk")),
    ),
    filters=("kind", "unit", "year"),
    default_sort=("-date",),
    select_related=("unit",),
    detail_select_related=("unit",),
    detail_prefetch_related=("items", "partners"),
    detail_groups=(
        (_("Border event"), ("kind", "title", "date", "end_on", "unit")),
        (_("Where and who"), ("items", "partners", "parties")),
        (_("Outcome"), ("outcome", "document")),
        _RECORD,
    ),
    form_layout=(
        (_("Border event"), ("kind", "title", "date", "end_on", "unit")),
        (_("Where and who"), ("items", "partners", "parties")),
        (_("Outcome"), ("outcome", "document")),
        _RECORD_FORM,
    ),
    search_columns=("kind", "date"),
)

BORDER_FIGURES = RecordType(
    slug="border-figures",
    model=BorderFigure,
    filterset=BorderFigureFilterSet,
    form_class=forms.BorderFigureForm,
    title_attr="title",
    columns=(
        Column("title", _("Figures"), ("-year", "pk"), kind="link"),
        Column("length_km", _("Length (km)"), ("length_km", "pk"), kind="number"),
        Column("markers", _("Markers"), ("markers", "pk"), kind="number"),
        Column("border_gates", _("Gates"), ("border_gates", "pk"), kind="number"),
        Column("village_pairs", _("Twinned village pairs"), ("village_pairs", "pk"), kind="number"),
        Column("post_pairs", _("Twinned post pairs"), ("post_pairs", "pk"), kind="number"),
        Column("source_title", _("Source"), ("source_title", "pk")),
    ),
    filters=("opposite_province", "year"),
    default_sort=("title",),
    select_related=("opposite_province",),
    detail_select_related=("opposite_province",),
    detail_groups=(
        (_("The border in figures"), ("year", "opposite_province", "length_km", "border_communes")),
        (_("Markers and gates"), ("markers", "stakes", "border_gates", "openings")),
        (_("Twinning"), ("village_pairs", "post_pairs")),
        _SOURCE,
        _RECORD,
    ),
    form_layout=(
        (_("The border in figures"), ("year", "opposite_province", "length_km", "border_communes")),
        (_("Markers and gates"), ("markers", "stakes", "border_gates", "openings")),
        (_("Twinning"), ("village_pairs", "post_pairs")),
        _SOURCE,
        _RECORD_FORM,
    ),
    search_columns=("year", "source_title"),
)

CASE_ACTIONS = ChildList(
    "actions",
    _("Actions taken"),
    ConsularCaseAction,
    forms.ConsularCaseActionForm,
    "case",
    (
        Column("date", _("Date"), kind="date"),
        Column("actor", _("Actor")),
        Column("action", pgettext_lazy("consular case", "Action")),
    ),
    "actions",
    _("Record an action"),
)

PEOPLE_TYPES = (PLAN_TASKS, PROGRAMMES, PROGRAMME_ITEMS, JOURNALIST_VISITS, HONOURS, OVERSEAS_COMMUNITY, EXPERTS,
                BORDER_ITEMS, BORDER_EVENTS, BORDER_FIGURES)

# Sections added to the pages of other record types: (record type, related list).
RELATED = (
    ("delegations", RelatedList(_("Plan tasks it carries out"), "plan-tasks", "links__delegation", _TASK_COLUMNS)),
    ("delegations", RelatedList(_("Programme items it carries out"), "programme-items", "delegation", _ITEM_COLUMNS)),
    ("agreements", RelatedList(_("Plan tasks it carries out"), "plan-tasks", "links__agreement", _TASK_COLUMNS)),
    ("agreements", RelatedList(_("Programme items it carries out"), "programme-items", "agreement", _ITEM_COLUMNS)),
    ("events", RelatedList(_("Plan tasks it carries out"), "plan-tasks", "links__event", _TASK_COLUMNS)),
    ("events", RelatedList(_("Programme items it carries out"), "programme-items", "event", _ITEM_COLUMNS)),
    ("fdi-projects", RelatedList(_("Plan tasks it carries out"), "plan-tasks", "links__fdi_project", _TASK_COLUMNS)),
    ("partners", RelatedList(_("Programme items"), "programme-items", "partners", _ITEM_COLUMNS, "partners")),
    ("partners", RelatedList(_("Honours"), "honours", "recipient_partner",
                             ("recipient", "award_type", "decision_on", "status"), "recipient_partner")),
    ("partners", RelatedList(_("Border items opposite"), "border-items", "opposite_province",
                             ("name", "kind", "gate_class", "status"), "opposite_province")),
    ("units", RelatedList(_("Plan tasks it leads"), "plan-tasks", "lead_unit", _TASK_COLUMNS, "lead_unit")),
    ("units", RelatedList(_("Programme items it leads"), "programme-items", "lead_unit", _ITEM_COLUMNS, "lead_unit")),
)

# Navbar: plan tasks and programmes beside the plans, people's records and the border after
# them, in the menu that has the plans (a menu of their own would widen the navbar past a
# laptop's width).
def register(registry: dict, by_model: dict) -> None:
    """Add the record types above to the registry, their related lists to other types' pages
    and the consular case actions to the case page (registry.NAV_GROUPS places them in the navbar)."""
    from .views.people import plan_detail_context, programme_detail_context, task_detail_context

    PLAN_TASKS.detail_context = task_detail_context
    PROGRAMMES.detail_context = programme_detail_context
    for rt in PEOPLE_TYPES:
        registry[rt.slug] = rt
        by_model[rt.model] = rt
    for slug, related in RELATED:
        if slug in registry:
            registry[slug].related = (*registry[slug].related, related)
    cases = registry.get("consular-cases")
    if cases is not None:
        cases.children = (*cases.children, CASE_ACTIONS)
    plans = registry.get("plans")
    if plans is not None:
        plans.detail_context = plan_detail_context

