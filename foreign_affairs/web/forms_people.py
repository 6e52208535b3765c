"""Forms of plan tasks and their evidence, annual programmes and their items, consular case
actions, and people's records (press visits and reporters, honours, the overseas community,
experts, the border). Forms only parse input; the views save through ``record_save``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foreign_affairs.consular.models import ConsularCaseAction
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
from foreign_affairs.plans.models import Programme, ProgrammeItem, Task, TaskGroup, TaskLink, TaskProgress

from .forms import RecordForm, record_formfield


class TaskForm(RecordForm):
    """A task of a plan, under one of its task groups."""

    class Meta:
        model = Task
        fields = ["group", "position", "title", "lead_unit", "supporting_units", "due_on", "status", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = TaskGroup.objects.select_related("plan").order_by("plan__number", "plan__title", "ordinal")
        self.fields["group"].queryset = groups
        self.fields["group"].label_from_instance = lambda group: f"{group.plan.number or group.plan.title} · {group}"


class TaskProgressForm(RecordForm):
    class Meta:
        model = TaskProgress
        fields = ["date", "percent", "note", "evidence"]
        formfield_callback = record_formfield


class TaskLinkForm(RecordForm):
    """Evidence of a task: one record that carries it out, chosen from one of the lists."""

    class Meta:
        model = TaskLink
        fields = ["date", "delegation", "agreement", "event", "fdi_project", "programme_item", "note"]
        formfield_callback = record_formfield
        help_texts = {"delegation": _("Choose one record in one of the lists.")}

    def clean(self):
        cleaned = super().clean()
        given = [name for name in TaskLink.TARGETS if cleaned.get(name)]
        if len(given) != 1:
            raise forms.ValidationError(_("Choose exactly one record: a delegation, agreement, event, FDI project "
                                          "or programme item."))
        return cleaned


class ProgrammeForm(RecordForm):
    class Meta:
        model = Programme
        fields = ["year", "title", "number", "approved_on", "status", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}


class ProgrammeItemForm(RecordForm):
    """An item of an annual programme; linking it to a delegation, event or agreement marks it done."""

    class Meta:
        model = ProgrammeItem
        fields = ["programme", "position", "kind", "pillar", "title", "fields", "partners", "countries", "month",
                  "quarter", "lead_unit", "supporting_units", "funding", "budget_vnd", "status", "delegation",
                  "event", "agreement", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}


class ConsularCaseActionForm(RecordForm):
    """One step taken on a case; the form shows the case's log, so opening it is logged."""

    shows_personal_data = True

    class Meta:
        model = ConsularCaseAction
        fields = ["date", "actor", "action"]
        formfield_callback = record_formfield


class JournalistVisitForm(RecordForm):
    class Meta:
        model = JournalistVisit
        fields = ["outlet", "country", "resident", "topics", "sites", "start_on", "end_on", "permit_no",
                  "accompanying_unit", "status", "response_no", "response_on", "outputs", "ref", "notes"]
        formfield_callback = record_formfield


class JournalistReporterForm(RecordForm):
    """A reporter of a press visit (personal data: opening it is logged)."""

    shows_personal_data = True

    class Meta:
        model = JournalistReporter
        fields = ["full_name", "position", "nationality"]
        formfield_callback = record_formfield


class HonourAwardForm(RecordForm):
    class Meta:
        model = HonourAward
        fields = ["award_type", "recipient_partner", "recipient_name", "recipient_country", "achievement",
                  "proposer_unit", "status", "decision_no", "decision_on", "ceremony_on", "ceremony_place", "ref",
                  "notes"]
        formfield_callback = record_formfield


class OverseasCommunityFigureForm(RecordForm):
    class Meta:
        model = OverseasCommunityFigure
        fields = ["year", "country", "population", "countries", "associations", "investment_projects",
                  "investment_vnd", "remittances_usd", "remittances_usd_max", "source_title", "source_url",
                  "source_publisher", "source_published_on", "ref", "notes"]
        formfield_callback = record_formfield


class ExpertForm(RecordForm):
    class Meta:
        model = Expert
        fields = ["full_name", "country", "from_province", "fields", "expertise", "organisation", "position",
                  "email", "phone", "ref", "notes"]
        formfield_callback = record_formfield


class BorderItemForm(RecordForm):
    class Meta:
        model = BorderItem
        fields = ["kind", "name", "gate_class", "commune", "opposite_province", "opposite_district", "opposite_name",
                  "status", "legal_basis", "valid_from", "ref", "notes"]
        formfield_callback = record_formfield


class BorderEventForm(RecordForm):
    class Meta:
        model = BorderEvent
        fields = ["kind", "title", "date", "end_on", "items", "partners", "parties", "outcome", "document", "unit",
                  "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}


class BorderFigureForm(RecordForm):
    class Meta:
        model = BorderFigure
        fields = ["year", "opposite_province", "length_km", "border_communes", "markers", "stakes", "border_gates",
                  "openings", "village_pairs", "post_pairs", "source_title", "source_url", "source_publisher",
                  "source_published_on", "ref", "notes"]
        formfield_callback = record_formfield
