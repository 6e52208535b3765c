"""Steps of the investment pipeline and of non-ODA aid on screen: converting a lead into an FDI
project, and moving an aid item along its workflow. The services decide; a refusal shows its
message and keeps what the user typed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from foreign_affairs.aid.models import AidItem
from foreign_affairs.aid.services import AidTransitionNotAllowed, aid_item_next_statuses, aid_item_transition
from foreign_affairs.economy.models import InvestmentLead
from foreign_affairs.economy.services import lead_convert

from .. import registry
from ..economy_forms import AidTransitionForm, LeadConvertForm
from .base import PermissionView
from .records import add_validation_error


class LeadConvertView(PermissionView):
    """“Convert to FDI project”: link the project the lead became, or create it from the lead."""

    template_name = "web/step_form.html"

    def required_perms(self):
        return ["economy.change_investmentlead"]

    def get_lead(self, request, pk):
        return get_object_or_404(
            InvestmentLead.objects.restrict(request.user, "change").select_related("project"), pk=pk
        )

    def render_form(self, request, lead, form, status=200):
        rt = registry.get("investment-leads")
        return render(request, self.template_name, {
            "rt": rt, "object": lead, "form": form, "step_label": _("Convert to FDI project"),
            "back_url": rt.detail_url(lead),
            "intro": _("The lead becomes licensed and keeps its contact history; the project's page shows the "
                       "lead it came from. A lead's expected capital is not copied: give the registered capital "
                       "of the certificate."),
            "done": lead.project_id is not None,
        }, status=status)

    def get(self, request, pk):
        lead = self.get_lead(request, pk)
        return self.render_form(request, lead, LeadConvertForm(user=request.user))

    def post(self, request, pk):
        lead = self.get_lead(request, pk)
        form = LeadConvertForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_form(request, lead, form, status=400)
        data = form.cleaned_data
        try:
            project = lead_convert(lead=lead, actor=request.user, project=data["project"],
                                   irc_number=data["irc_number"], registered_on=data["registered_on"],
                                   capital_usd=data["capital_usd"])
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect(registry.get("investment-leads").detail_url(lead))
        except ValidationError as exc:
            add_validation_error(form, exc)
            return self.render_form(request, lead, form, status=400)
        messages.success(request, _("The lead became the FDI project “%(name)s”.") % {"name": project})
        return redirect(registry.get("fdi-projects").detail_url(project))


class AidTransitionView(PermissionView):
    """One step of an aid item's workflow (appraise, approve with the decision, start, …)."""

    template_name = "web/step_form.html"

    def required_perms(self):
        return ["aid.change_aiditem"]

    def get_item(self, request, pk):
        return get_object_or_404(AidItem.objects.restrict(request.user, "change"), pk=pk)

    def render_form(self, request, item, form, status=200):
        rt = registry.get("aid-items")
        return render(request, self.template_name, {
            "rt": rt, "object": item, "form": form, "step_label": _("Next step"),
            "back_url": rt.detail_url(item),
            "intro": _("Status: %(status)s.") % {"status": item.get_status_display()},
            "done": not aid_item_next_statuses(item),
        }, status=status)

    def get(self, request, pk):
        item = self.get_item(request, pk)
        initial = {"to": request.GET.get("to")} if request.GET.get("to") else None
        return self.render_form(request, item, AidTransitionForm(initial=initial,
                                                                 statuses=aid_item_next_statuses(item)))

    def post(self, request, pk):
        item = self.get_item(request, pk)
        form = AidTransitionForm(request.POST, statuses=aid_item_next_statuses(item))
        if not form.is_valid():
            return self.render_form(request, item, form, status=400)
        data = form.cleaned_data
        try:
            aid_item_transition(item=item, actor=request.user, to=data["to"], on=data["on"],
                                decision_no=data["decision_no"], note=data["note"])
        except (AidTransitionNotAllowed, PermissionDenied) as exc:
            messages.error(request, str(exc))
            return redirect(registry.get("aid-items").detail_url(item))
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
            names = {"file_complete_on": "on", "approved_on": "on", "started_on": "on", "ended_on": "on",
                     "settled_on": "on"}
            for field, messages_ in errors.items():
                target = names.get(field, field)
                for message in messages_:
                    form.add_error(target if target in form.fields else None, message)
            return self.render_form(request, item, form, status=400)
        item.refresh_from_db()
        messages.success(request, _("The aid item is now %(status)s.") % {"status": item.get_status_display()})
        return redirect(registry.get("aid-items").detail_url(item))
