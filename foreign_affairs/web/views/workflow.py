"""Workflow steps on screen, for every record type with a workflow (delegations, agreements,
events): a button per step the user may take now on the record's page, and a small form for the
document or text the step needs, built from the step's inputs (core.workflow). The services
decide; a refusal shows its message and keeps what the user typed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.workflow import INPUTS, Input, TransitionNotAllowed, Workflow, pending_consultation_choices
from foreign_affairs.delegations.services import ACTIONS as DELEGATION_ACTIONS

from .. import registry
from ..forms import StyledFormMixin
from .base import PermissionView

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

# Labels of the delegation steps (kept for callers of the first version).
ACTION_LABELS = {name: spec.label for name, spec in DELEGATION_ACTIONS.items()}


def workflow_for(rt) -> Workflow | None:
    """The workflow of a registry record type, or None."""
    from importlib import import_module

    if rt.slug not in WORKFLOW_TYPES:
        return None
    return import_module(f"foreign_affairs.{WORKFLOW_TYPES[rt.slug]}.services").WORKFLOW


WORKFLOW_TYPES = {"delegations": "delegations", "agreements": "agreements", "events": "events"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several photos in one field (each is checked by the service)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def form_field(spec: Input, record) -> forms.Field:
    """The form field of one workflow input."""
    common = {"label": spec.label, "required": False, "help_text": spec.help}
    kind = spec.kind
    if kind == "text":
        rows = 8 if spec.name == "report" else 3
        return forms.CharField(widget=forms.Textarea(attrs={"rows": rows}), strip=False, **common)
    if kind == "line":
        return forms.CharField(max_length=spec.max_length, **common)
    if kind == "date":
        return forms.DateField(**DATE_WIDGET, **common)
    if kind == "int":
        return forms.IntegerField(min_value=0, **common)
    if kind == "bool":
        return forms.BooleanField(**common)
    if kind == "choice":
        if spec.name == "rating":
            return forms.TypedChoiceField(coerce=int, empty_value=None,
                                          choices=[("", "—"), *spec.choices()], **common)
        return forms.ChoiceField(choices=[("", "—"), *spec.choices()], **common)
    if kind == "id":
        return forms.TypedChoiceField(coerce=int, empty_value=None,
                                      choices=[("", "—"), *pending_consultation_choices(record)], **common)
    if kind == "files":
        return MultipleImageField(**common)
    raise ValueError(kind)


class CostItemForm(StyledFormMixin, forms.Form):
    """One line of the actual cost in the report form."""

    kind = forms.ChoiceField(label=_("Item"), required=False)
    description = forms.CharField(label=_("Description"), required=False, max_length=255)
    amount_vnd = forms.IntegerField(label=_("Amount (VND)"), required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        from foreign_affairs.delegations.choices import CostItemKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *CostItemKind.choices]
        self.style_fields()

    def row(self) -> dict | None:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        if not (data.get("kind") or data.get("amount_vnd") is not None or data.get("description")):
            return None
        return {"kind": data.get("kind") or "", "description": data.get("description") or "",
                "amount_vnd": data.get("amount_vnd")}


CostItemFormSet = forms.formset_factory(CostItemForm, extra=6, max_num=30)


class WorkflowForm(StyledFormMixin, forms.Form):
    """The inputs of one step, for one record."""

    def __init__(self, *args, workflow: Workflow, action: str, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows_input = None
        for name in workflow.inputs(action, record):
            spec = INPUTS[name]
            if spec.kind == "rows":
                self.rows_input = name
                continue
            self.fields[name] = form_field(spec, record)
        self.style_fields()

    def service_data(self, rows: list[dict] | None = None) -> dict:
        data = {name: INPUTS[name].default for name in self.fields}
        data.update({k: v for k, v in self.cleaned_data.items()})
        for name, value in list(data.items()):
            if value is None and INPUTS[name].kind in ("text", "line") and INPUTS[name].default == "":
                data[name] = ""
        if self.rows_input:
            data[self.rows_input] = rows or None
        return data


class RecordActionView(PermissionView):
    """``/<group>/<id>/workflow/<action>/``: the form of one step (GET) and the step (POST)."""

    template_name = "web/workflow_form.html"
    rt = None

    @property
    def workflow(self) -> Workflow:
        return workflow_for(self.rt)

    def get_record(self, request, pk, action):
        if action not in self.workflow.actions:
            raise Http404
        return get_object_or_404(self.rt.model.objects.restrict(request.user, "view"), pk=pk)

    def render_form(self, request, record, action, form, rows=None, status=200):
        return render(request, self.template_name, {
            "rt": self.rt, "object": record, "action": action, "form": form, "rows": rows,
            "action_label": self.workflow.label(action, record), "help": self.workflow.actions[action].help,
            "detail_url": self.rt.detail_url(record), "list_url": self.rt.list_url(),
            "multipart": any(INPUTS[n].kind == "files" for n in self.workflow.inputs(action, record)),
        }, status=status)

    def forms_for(self, record, action, data=None, files=None):
        form = WorkflowForm(data, files, workflow=self.workflow, action=action, record=record)
        rows = CostItemFormSet(data, prefix="cost") if form.rows_input else None
        return form, rows

    def get(self, request, pk, action):
        record = self.get_record(request, pk, action)
        if not request.user.has_perm(self.workflow.actions[action].permission):
            raise PermissionDenied
        form, rows = self.forms_for(record, action)
        return self.render_form(request, record, action, form, rows)

    def post(self, request, pk, action):
        record = self.get_record(request, pk, action)
        form, rows = self.forms_for(record, action, request.POST, request.FILES)
        valid = form.is_valid()
        if rows is not None:
            valid = rows.is_valid() and valid
        if not valid:
            return self.render_form(request, record, action, form, rows, status=400)
        row_data = [r for r in (f.row() for f in rows.forms) if r] if rows is not None else None
        label = self.workflow.label(action, record)
        try:
            self.workflow.run(action, record=record, actor=request.user, data=form.service_data(row_data))
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect(self.rt.detail_url(record))
        except ValidationError as exc:
            for field, errors in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
            return self.render_form(request, record, action, form, rows, status=400)
        messages.success(request, _("%(action)s: done.") % {"action": label})
        return redirect(self.rt.detail_url(record))


class DelegationActionView(RecordActionView):
    """The delegation steps (the first workflow; kept under its URL name ``delegation_action``)."""

    rt = registry.DELEGATIONS


class DelegationDecisionDocumentView(PermissionView):
    """The draft decision sending an outgoing delegation abroad (DOCX, Decree 30/2020 format)."""

    def get(self, request, pk):
        from foreign_affairs.delegations.documents import (
            DOCX_CONTENT_TYPE,
            decision_document,
            decision_filename,
            may_draft_decision,
        )
        from foreign_affairs.delegations.models import Delegation

        delegation = get_object_or_404(Delegation.objects.restrict(request.user, "view"), pk=pk)
        if not may_draft_decision(request.user):
            raise PermissionDenied
        try:
            data = decision_document(delegation=delegation)
        except ValueError as error:
            raise Http404 from error
        response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{decision_filename(delegation)}"'
        return response
