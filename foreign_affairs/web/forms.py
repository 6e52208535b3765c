"""Forms of the web app: one ModelForm per record type on a shared base, plus the small forms
for contacts, interactions, members, attachments and imports.

Forms only parse input; saving goes through ``core.services.record_save`` in the views.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.consular.models import ConsularCase
from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.economy.models import CapitalAdjustment, FDIProject, ODADisbursement, ODAProgramme, Statistic
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner
from foreign_affairs.plans.models import Plan
from foreign_affairs.reports.models import Report

from .ordering import localized

# Choice lists ordered by the name the reader sees.
_NAMED_MODELS = {Unit: "name", Country: "name", Partner: "name", Field: "name", Agreement: "title"}


def record_formfield(db_field: models.Field, **kwargs):
    """Widgets for the register's forms: native date pickers, roomy text areas and multi-selects."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs["widget"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    elif isinstance(db_field, models.TextField):
        kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
    elif isinstance(db_field, models.ManyToManyField):
        kwargs["widget"] = forms.SelectMultiple(attrs={"size": 8})
    return db_field.formfield(**kwargs)


class StyledFormMixin:
    """Bootstrap classes on every widget, and ``aria-invalid``/``aria-describedby`` on fields
    with errors so screen readers announce them."""

    def style_fields(self) -> None:
        errors = self._errors or {}
        for name, formfield in self.fields.items():
            widget = formfield.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            classes = [c for c in widget.attrs.get("class", "").split() if c != "is-invalid"]
            if css not in classes:
                classes.append(css)
            described = []
            if formfield.help_text:
                described.append(f"id_{self.add_prefix(name)}_help")
            if name in errors:
                classes.append("is-invalid")
                widget.attrs["aria-invalid"] = "true"
                described.append(f"id_{self.add_prefix(name)}_errors")
            else:
                widget.attrs.pop("aria-invalid", None)
            widget.attrs["class"] = " ".join(classes)
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        self.style_fields()


class RecordForm(StyledFormMixin, forms.ModelForm):
    """Base of the record forms."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        lang = get_language() or "vi"
        self.limit_units_to_scope(user)
        for formfield in self.fields.values():
            queryset = getattr(formfield, "queryset", None)
            if queryset is not None and queryset.model in _NAMED_MODELS:
                formfield.queryset = queryset.order_by(localized(_NAMED_MODELS[queryset.model], lang), "pk")
            if isinstance(formfield, forms.ModelMultipleChoiceField) and not formfield.help_text:
                formfield.help_text = _("Hold Ctrl (⌘ on a Mac) to choose more than one.")
        self.style_fields()

    def limit_units_to_scope(self, user) -> None:
        """A unit officer records for its own subtree: offer only those units (record_save
        enforces the same rule)."""
        from foreign_affairs.core.querysets import is_unit_scoped, user_unit_ids

        scope = getattr(self._meta.model, "unit_scope", None)
        if not scope or user is None or not is_unit_scoped(user):
            return
        formfield = self.fields.get(scope.split("__")[0])
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = formfield.queryset.filter(pk__in=user_unit_ids(user))

    def m2m_data(self) -> dict:
        """The many-to-many values to hand to ``record_save``."""
        return {
            f.name: self.cleaned_data[f.name]
            for f in self._meta.model._meta.many_to_many
            if f.name in self.cleaned_data
        }


class AliasesField(forms.CharField):
    """A list of names edited one per line (the partner's aliases)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        return (initial or []) != self.to_python(data)


class UnitForm(RecordForm):
    class Meta:
        model = Unit
        fields = [
            "name_vi",
            "name_en",
            "short_name",
            "kind",
            "parent",
            "valid_from",
            "valid_until",
            "successor",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A unit cannot sit under itself (deeper cycles are refused by Unit.clean()).
            for name in ("parent", "successor"):
                self.fields[name].queryset = self.fields[name].queryset.exclude(pk=self.instance.pk)


class PartnerForm(RecordForm):
    aliases = AliasesField(label=_("Aliases"), required=False, help_text=_("One name per line."))

    class Meta:
        model = Partner
        fields = [
            "kind",
            "name_vi",
            "name_en",
            "name_native",
            "aliases",
            "country",
            "relationship",
            "since",
            "fields",
            "website",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield


class AgreementForm(RecordForm):
    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title_vi",
            "title_en",
            "number",
            "status",
            "signed_on",
            "place",
            "valid_from",
            "valid_until",
            "units",
            "partners",
            "fields",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "status" in self.fields:
            # Once recorded, the status moves only through the workflow steps on the record's page.
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("Changed by the workflow buttons on the agreement's page.")


class DelegationForm(RecordForm):
    class Meta:
        model = Delegation
        fields = [
            "direction",
            "pillar",
            "level",
            "title",
            "purpose",
            "status",
            "start_on",
            "end_on",
            "countries",
            "partners",
            "fields",
            "host_unit",
            "head_name",
            "head_position",
            "members",
            "reception",
            "foreign_visitors",
            "permit_on",
            "funding",
            "budget_vnd",
            "cost_vnd",
            "outcomes",
            "agreements",
            "events",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield
        widgets = {
            "title": forms.TextInput(),
            "head_position": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The incoming-only fields are shown or hidden with the direction (static/js/app.js).
        for name in ("reception", "foreign_visitors", "permit_on"):
            self.fields[name].widget.attrs["data-incoming-only"] = "true"
        if self.instance.pk and "status" in self.fields:
            # Once recorded, the status moves only through the workflow steps on the record's page.
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("Changed by the workflow buttons on the delegation's page.")


class CheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes laid out the Bootstrap way (one ``form-check`` per option)."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.utils.html import format_html, format_html_join

        selected = {str(v) for v in (value or [])}
        base_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        described = (attrs or {}).get("aria-describedby") or self.attrs.get("aria-describedby", "")
        options = format_html_join(
            "",
            '<div class="form-check form-check-inline"><input class="form-check-input" type="checkbox" name="{}" '
            'value="{}" id="{}_{}"{}{}><label class="form-check-label" for="{}_{}">{}</label></div>',
            (
                (name, code, base_id, index, " checked" if str(code) in selected else "",
                 format_html(' aria-describedby="{}"', described) if described else "", base_id, index, label)
                for index, (code, label) in enumerate(self.choices)
            ),
        )
        return format_html('<div id="{}" class="app-checkbox-list">{}</div>', base_id, options)

    def id_for_label(self, id_, index="0"):
        return f"{id_}_{index}" if id_ else id_


class EventForm(RecordForm):
    topics = forms.MultipleChoiceField(
        label=_("Sensitive topics"), required=False, widget=CheckboxList,
        help_text=_("Any of these puts a conference under the Prime Minister's competence."),
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "pillar",
            "title",
            "status",
            "unit",
            "participants",
            "start_on",
            "end_on",
            "place",
            "country",
            "partners",
            "fields",
            "needs_permit",
            "guest_rank",
            "topics",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        from foreign_affairs.events.choices import SensitiveTopic

        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = SensitiveTopic.choices
        if "status" in self.fields:
            # Left out, a new event starts as a draft (the model's default).
            self.fields["status"].required = False
            self.fields["status"].help_text = _("Held: the event took place and counts in the figures.")
        if self.instance.pk and "status" in self.fields:
            # Once recorded, the status moves only through the workflow steps on the record's page.
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("Changed by the workflow buttons on the event's page.")


class ContactForm(RecordForm):
    class Meta:
        model = Contact
        fields = ["name", "position", "phone", "email", "notes"]
        formfield_callback = record_formfield


class InteractionForm(RecordForm):
    class Meta:
        model = Interaction
        fields = ["date", "kind", "summary", "unit"]
        formfield_callback = record_formfield


class DelegationMemberForm(RecordForm):
    """A member; passport number and date of birth only for users allowed to see personal data."""

    personal_fields = ("passport_number", "date_of_birth", "passport_handed_on", "passport_returned_on")

    class Meta:
        model = DelegationMember
        fields = ["full_name", "role", "position", "organisation", "passport_number", "date_of_birth",
                  "passport_handed_on", "passport_returned_on"]
        formfield_callback = record_formfield

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.shows_personal_data = bool(user and user.has_perm("delegations.view_personal_data"))
        if not self.shows_personal_data:
            for name in self.personal_fields:
                del self.fields[name]


class FDIProjectForm(RecordForm):
    class Meta:
        model = FDIProject
        fields = [
            "name",
            "investor",
            "investor_country",
            "irc_number",
            "registered_on",
            "capital_usd",
            "location",
            "sector",
            "status",
            "jobs",
            "estimated",
            "origin_delegation",
            "origin_event",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield


class CapitalAdjustmentForm(RecordForm):
    class Meta:
        model = CapitalAdjustment
        fields = ["date", "delta_usd", "note"]
        formfield_callback = record_formfield


class ODAProgrammeForm(RecordForm):
    donors = AliasesField(label=_("Donors"), required=False, help_text=_("One donor per line."))

    class Meta:
        model = ODAProgramme
        fields = [
            "name",
            "kind",
            "donors",
            "sector",
            "total_vnd",
            "oda_vnd",
            "start_year",
            "end_year",
            "status",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield
        widgets = {"name": forms.TextInput()}


class ODADisbursementForm(RecordForm):
    class Meta:
        model = ODADisbursement
        fields = ["year", "amount_vnd"]
        formfield_callback = record_formfield


class StatisticForm(RecordForm):
    class Meta:
        model = Statistic
        fields = [
            "indicator",
            "start",
            "end",
            "value",
            "unit",
            "plan",
            "source_title",
            "source_url",
            "source_publisher",
            "source_published_on",
            "cutoff_on",
            "estimated",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield


class PlanForm(RecordForm):
    class Meta:
        model = Plan
        fields = ["number", "title", "issuer", "issued_on", "implements", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}


class ConsularCaseForm(RecordForm):
    """A citizen-protection case; editing one shows the citizen's name (logged by the view)."""

    personal_fields = ("subject_name", "subject_commune")

    class Meta:
        model = ConsularCase
        fields = [
            "kind",
            "country",
            "opened_on",
            "closed_on",
            "status",
            "summary",
            "subject_name",
            "subject_commune",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield


class AttachmentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload


class ReportForm(RecordForm):
    class Meta:
        model = Report
        fields = [
            "kind", "start", "end", "unit", "title", "number", "place", "issued_on", "issuer_parent", "issuer_name",
            "signer", "signer_title", "recipients", "context", "strengths", "limitations", "causes", "lessons",
            "directions", "recommendations", "ref", "notes",
        ]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}
