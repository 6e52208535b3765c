"""Forms of the investment pipeline, aftercare, foreign NGOs and non-ODA aid pages.

Forms only parse input; saving goes through ``core.services.record_save`` (the generic pages)
or the services of the economy and aid apps (converting a lead, moving an aid item on).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foreign_affairs.aid.choices import AidStatus
from foreign_affairs.aid.models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate
from foreign_affairs.economy.choices import LeadStage
from foreign_affairs.economy.models import AftercareIssue, AftercareVisit, FDIProject, InvestmentLead, LeadContact

from .forms import AliasesField, RecordForm, StyledFormMixin, record_formfield


class ScopedChoicesMixin:
    """Links offer only the records the user may see (a unit officer sees its unit's delegations)."""

    def restrict_choices(self, user) -> None:
        if user is None:
            return
        for formfield in self.fields.values():
            queryset = getattr(formfield, "queryset", None)
            if queryset is not None and hasattr(queryset, "restrict") and getattr(
                queryset.model, "unit_scope", None
            ):
                formfield.queryset = queryset.restrict(user, "view")


class InvestmentLeadForm(ScopedChoicesMixin, RecordForm):
    """A lead; it becomes licensed only through “Convert to FDI project” on its page."""

    class Meta:
        model = InvestmentLead
        fields = [
            "name",
            "investor",
            "partner",
            "country",
            "sector",
            "stage",
            "expected_capital_usd",
            "owner_unit",
            "origin_delegation",
            "origin_event",
            "origin_enquiry",
            "received_on",
            "response_due_on",
            "responded_on",
            "outcome",
            "ref",
            "notes",
        ]
        formfield_callback = record_formfield
        widgets = {"origin_enquiry": forms.TextInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.restrict_choices(user)
        stage = self.fields["stage"]
        if self.instance.pk and self.instance.stage == LeadStage.LICENSED:
            stage.disabled = True
            stage.help_text = _("The lead became an FDI project; its stage no longer changes.")
        else:
            stage.choices = [(value, label) for value, label in stage.choices if value != LeadStage.LICENSED]
            stage.help_text = _("A lead becomes licensed with “Convert to FDI project” on its page.")


class LeadContactForm(RecordForm):
    class Meta:
        model = LeadContact
        fields = ["date", "kind", "summary", "unit"]
        formfield_callback = record_formfield


class AftercareVisitForm(ScopedChoicesMixin, RecordForm):
    class Meta:
        model = AftercareVisit
        fields = ["project", "date", "unit", "participants", "summary", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"participants": forms.TextInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.restrict_choices(user)


class AftercareIssueForm(ScopedChoicesMixin, RecordForm):
    class Meta:
        model = AftercareIssue
        fields = ["project", "visit", "raised_on", "issue", "responsible_unit", "status", "due_on", "resolved_on",
                  "resolution", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"issue": forms.TextInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.restrict_choices(user)
        self.fields["visit"].queryset = self.fields["visit"].queryset.select_related("project")


class ForeignNGOForm(RecordForm):
    class Meta:
        model = ForeignNGO
        fields = ["partner", "status", "representative", "fields", "counterpart_units", "ref", "notes"]
        formfield_callback = record_formfield

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["partner"].queryset = self.fields["partner"].queryset.filter(kind="ngo")
        self.fields["partner"].help_text = _(
            "A partner of kind “Non-governmental organisation”; add it to the partners first if it is new."
        )


class NGOCertificateForm(RecordForm):
    provinces = AliasesField(label=_("Provinces"), required=False, help_text=_("One province per line."))

    class Meta:
        model = NGOCertificate
        fields = ["ngo", "kind", "number", "issued_by", "issued_on", "expires_on", "provinces", "status",
                  "opinion_requested_on", "opinion_sent_on", "opinion", "ref", "notes"]
        formfield_callback = record_formfield

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["ngo"].queryset = self.fields["ngo"].queryset.select_related("partner")


class AidItemForm(ScopedChoicesMixin, RecordForm):
    """An aid item; once recorded, its status moves with the workflow steps on its page."""

    class Meta:
        model = AidItem
        fields = ["donor", "modality", "title", "fields", "beneficiary_units", "managing_unit", "committed_amount",
                  "currency", "committed_usd", "counterpart_vnd", "file_complete_on", "approval_no", "approved_on",
                  "started_on", "ended_on", "settled_on", "status", "ref", "notes"]
        formfield_callback = record_formfield
        widgets = {"title": forms.TextInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.restrict_choices(user)
        if self.instance.pk:
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("Changed by the workflow steps on the aid item's page.")


class AidDisbursementForm(RecordForm):
    class Meta:
        model = AidDisbursement
        fields = ["date", "amount", "amount_usd", "note"]
        formfield_callback = record_formfield


class LeadConvertForm(StyledFormMixin, forms.Form):
    """Convert a lead: link an FDI project already recorded, or create one from the lead."""

    project = forms.ModelChoiceField(
        label=_("FDI project already recorded"), queryset=FDIProject.objects.none(), required=False,
        help_text=_("Leave empty to create the project from the lead."),
    )
    irc_number = forms.CharField(label=_("Registration certificate no."), max_length=100, required=False)
    registered_on = forms.DateField(label=_("Registered on"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    capital_usd = forms.DecimalField(label=_("Registered capital (USD)"), max_digits=18, decimal_places=2,
                                     min_value=0, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = (
            FDIProject.objects.restrict(user, "view").filter(lead__isnull=True).order_by("name", "pk")
        )
        self.style_fields()


class AidTransitionForm(StyledFormMixin, forms.Form):
    """One step of an aid item's workflow, with the date and the document behind it."""

    to = forms.ChoiceField(label=_("Next step"))
    on = forms.DateField(label=_("Date"), required=False, help_text=_("Today when left empty."),
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    decision_no = forms.CharField(label=_("Approval decision no."), max_length=100, required=False,
                                  help_text=_("Needed for the approval."))
    note = forms.CharField(label=_("Note"), max_length=90, required=False)

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(AidStatus.choices)
        self.fields["to"].choices = [(status, labels[status]) for status in statuses]
        self.style_fields()
