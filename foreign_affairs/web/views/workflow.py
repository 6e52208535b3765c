"""Workflow steps of a delegation on screen: a button per allowed action on its page, and a
small form for the document or text the step needs. The services decide; a refusal shows
its message and keeps what the user typed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from foreign_affairs.api.workflow import run_delegation_action
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.delegations.services import ACTIONS, TransitionNotAllowed

from ..forms import StyledFormMixin
from .base import PermissionView

ACTION_LABELS = {
    "submit": _("Submit"), "return": _("Return for changes"), "appraise": _("Record the appraisal"),
    "approve": _("Approve"), "reject": _("Reject"), "withdraw": _("Withdraw"), "cancel": _("Cancel the trip"),
    "complete": _("Mark as returned"), "report": _("File the report"), "evaluate": _("Evaluate"),
}
ACTION_FIELDS = {
    "submit": ("comment",), "withdraw": ("comment",), "return": ("comment",), "cancel": ("comment",),
    "appraise": ("opinion",),
    "approve": ("decision_no", "decision_on", "signer", "comment"),
    "reject": ("decision_no", "decision_on", "signer", "comment"),
    "complete": ("returned_on",),
    "report": ("report", "outcomes", "cost_vnd", "reported_on"),
    "evaluate": ("rating", "evaluation"),
}


class WorkflowForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    opinion = forms.CharField(label=_("Opinion of the foreign-affairs office"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    decision_no = forms.CharField(label=_("Decision number"), required=False, max_length=100)
    decision_on = forms.DateField(label=_("Decision date"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    signer = forms.CharField(label=_("Signed by"), required=False, max_length=200)
    returned_on = forms.DateField(label=_("Date of return"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                  help_text=_("Empty: the delegation's end date."))
    report = forms.CharField(label=_("Report"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    outcomes = forms.CharField(label=_("Outcomes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    cost_vnd = forms.IntegerField(label=_("Actual cost (VND)"), required=False, min_value=0)
    reported_on = forms.DateField(label=_("Report date"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    rating = forms.TypedChoiceField(label=_("Rating"), required=False, coerce=int, empty_value=None,
                                    choices=[("", "—"), *[(i, str(i)) for i in range(1, 6)]])
    evaluation = forms.CharField(label=_("Evaluation"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in ACTION_FIELDS[action]:
                del self.fields[name]
        self.style_fields()

    def service_data(self) -> dict:
        data = {name: field.initial for name, field in WorkflowForm.base_fields.items()}
        data.update({"comment": "", "opinion": "", "decision_no": "", "signer": "", "report": "", "evaluation": ""})
        data["outcomes"] = None
        data.update({k: v for k, v in self.cleaned_data.items()})
        return data


class DelegationActionView(PermissionView):
    template_name = "web/workflow_form.html"

    def get_delegation(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        return get_object_or_404(Delegation.objects.restrict(request.user, "view"), pk=pk)

    def render_form(self, request, delegation, action, form, status=200):
        return render(request, self.template_name, {
            "object": delegation, "action": action, "action_label": ACTION_LABELS[action], "form": form,
        }, status=status)

    def get(self, request, pk, action):
        delegation = self.get_delegation(request, pk, action)
        if not request.user.has_perm(ACTIONS[action].permission):
            raise PermissionDenied
        return self.render_form(request, delegation, action, WorkflowForm(action=action))

    def post(self, request, pk, action):
        delegation = self.get_delegation(request, pk, action)
        form = WorkflowForm(request.POST, action=action)
        if not form.is_valid():
            return self.render_form(request, delegation, action, form, status=400)
        try:
            run_delegation_action(action, delegation=delegation, actor=request.user, data=form.service_data())
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("web:delegations_detail", pk=delegation.pk)
        except ValidationError as exc:
            for field, errors in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
            return self.render_form(request, delegation, action, form, status=400)
        messages.success(request, _("%(action)s: done.") % {"action": ACTION_LABELS[action]})
        return redirect("web:delegations_detail", pk=delegation.pk)
