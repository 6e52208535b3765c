"""The Workflow box of a record's page (web/sections/workflow.html), for every record type with
a workflow: the buttons of the steps the user may take now, the deadlines and what is overdue,
the documents recorded so far, the consultations, the cost items and photos, and the log of
steps with their actors and documents."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from foreign_affairs.core.workflow import PHOTO_EXTENSIONS

from .display import local_date, money
from .views.workflow import workflow_for


def _doc(number: str, day: date | None, signer: str = "") -> str:
    parts = [p for p in (number, local_date(day) if day else "") if p]
    text = ", ".join(parts)
    return f"{text} · {signer}" if signer else text


def _photos(record) -> list:
    if not hasattr(record, "attachments"):
        return []
    return [a for a in record.attachments.all()
            if a.original_name.lower().rsplit(".", 1)[-1] in {e.lstrip(".") for e in PHOTO_EXTENSIONS}]


def workflow_panel(record, user, rt, today: date) -> dict:
    """Everything the Workflow box shows for ``record`` and ``user``."""
    workflow = workflow_for(rt)
    url_name = f"web:{record._meta.model_name}_action"
    actions = [
        {"name": name, "label": workflow.label(name, record), "url": reverse(url_name, args=[record.pk, name]),
         "danger": workflow.actions[name].danger}
        for name in workflow.allowed_actions(record=record, actor=user)
    ]
    steps = list(workflow.steps(record))
    for step in steps:
        spec = workflow.actions.get(step.action)
        step.label = workflow.label(step.action, record) if spec else step.action
    panel = {"actions": actions, "steps": steps, "badges": [], "facts": [],
             "consultations": None, "cost_items": None, "photos": [], "document_url": None, "overdue": False}
    builder = {"delegations": _delegation, "agreements": _agreement, "events": _event}[rt.slug]
    builder(record, user, today, panel)
    return panel


def _delegation(delegation, user, today, panel) -> None:
    from foreign_affairs.delegations.choices import Direction
    from foreign_affairs.delegations.documents import may_draft_decision
    from foreign_affairs.delegations.selectors import (
        delegation_is_overdue,
        delegation_passports_outstanding,
        passport_return_due,
    )
    from foreign_affairs.delegations.services import clearance_rule

    badges, facts = panel["badges"], panel["facts"]
    panel["overdue"] = delegation_is_overdue(delegation, today)
    if panel["overdue"]:
        badges.append(("danger", _("Report overdue since %(day)s") % {"day": local_date(delegation.report_due_on)}))
    elif delegation.report_due_on and delegation.status == "completed":
        badges.append(("warning", _("Report due %(day)s") % {"day": local_date(delegation.report_due_on)}))
    if delegation.status == "proposed" and not delegation.clearance_on and clearance_rule(delegation) is not None:
        badges.append(("warning", _("Waiting for the Provincial Party Standing Committee's clearance")))
    if user.has_perm("delegations.view_personal_data"):
        outstanding = delegation_passports_outstanding(delegation)
        due = passport_return_due(delegation)
        if outstanding and due:
            css = "danger" if due < today else "warning"
            badges.append((css, _("%(count)s passports not handed back (due %(day)s)") % {
                "count": outstanding, "day": local_date(due)}))
    if delegation.decision_no:
        facts.append((_("Decision"), _doc(delegation.decision_no, delegation.decision_on, delegation.decision_signer)))
    if delegation.clearance_no:
        facts.append((_("Party clearance"), _doc(delegation.clearance_no, delegation.clearance_on,
                                                 delegation.clearance_signer)))
    if delegation.appraisal:
        facts.append((_("Appraisal"), delegation.appraisal))
    if delegation.conditions:
        facts.append((_("Conditions of the permit"), delegation.conditions))
    if delegation.report:
        label = _("Report")
        if delegation.reported_on:
            label = f"{label} ({local_date(delegation.reported_on)})"
        facts.append((label, delegation.report))
    if delegation.report_leads:
        facts.append((_("Investment and trade leads"), delegation.report_leads))
    if delegation.report_followups:
        facts.append((_("Follow-up tasks"), delegation.report_followups))
    if delegation.rating:
        facts.append((_("Rating"), f"{delegation.rating}/5 {delegation.evaluation}".strip()))
    items = list(delegation.cost_items.all())
    if items:
        panel["cost_items"] = items
        panel["cost_total"] = money(sum(item.amount_vnd for item in items))
    panel["photos"] = _photos(delegation)
    if delegation.direction == Direction.OUTGOING and may_draft_decision(user):
        panel["document_url"] = reverse("web:delegation_decision_document", args=[delegation.pk])


def _agreement(agreement, user, today, panel) -> None:
    from foreign_affairs.agreements.selectors import agreement_post_signing_overdue

    badges, facts = panel["badges"], panel["facts"]
    late = agreement_post_signing_overdue(agreement, today)
    panel["overdue"] = bool(late)
    due = local_date(agreement.post_signing_due_on) if agreement.post_signing_due_on else ""
    if "report" in late:
        badges.append(("danger", _("Report on the signing overdue since %(day)s") % {"day": due}))
    if "mofa_copy" in late:
        badges.append(("danger", _("Copy to the Ministry of Foreign Affairs overdue since %(day)s") % {"day": due}))
    if not late and agreement.status in ("signed", "in_force") and agreement.post_signing_due_on and (
            agreement.signing_reported_on is None or agreement.mofa_copy_on is None):
        badges.append(("warning", _("Post-signing duties due %(day)s") % {"day": due}))
    if agreement.status == "pm_referral":
        badges.append(("warning", _("Waiting for the Prime Minister's written answer")))
    if agreement.pm_consent is not None:
        facts.append((_("Prime Minister's answer"), _("consents") if agreement.pm_consent else _("does not consent")))
    if agreement.decision_no:
        facts.append((_("Decision to sign"), _doc(agreement.decision_no, agreement.decision_on,
                                                  agreement.decision_signer)))
    if agreement.signed_by:
        facts.append((_("Signed"), _doc(agreement.place, agreement.signed_on, agreement.signed_by)))
    if agreement.signing_reported_on:
        facts.append((_("Report on the signing"), _doc(agreement.signing_report_no, agreement.signing_reported_on)))
    if agreement.mofa_copy_on:
        facts.append((_("Copy to the Ministry of Foreign Affairs"), _doc(agreement.mofa_copy_no,
                                                                         agreement.mofa_copy_on)))
    if agreement.ended_on:
        facts.append((_("Ended on"), local_date(agreement.ended_on)))
    panel["consultations"] = _consultations(agreement, today)


def _event(event, user, today, panel) -> None:
    from foreign_affairs.events.selectors import event_report_overdue
    from foreign_affairs.events.services import competent_authority, permit_required

    badges, facts = panel["badges"], panel["facts"]
    panel["overdue"] = event_report_overdue(event, today)
    if panel["overdue"]:
        badges.append(("danger", _("Report overdue since %(day)s") % {"day": local_date(event.report_due_on)}))
    elif event.report_due_on and event.status == "held":
        badges.append(("warning", _("Report due %(day)s") % {"day": local_date(event.report_due_on)}))
    needs = permit_required(event)
    if needs and event.status == "draft":
        competent = competent_authority(event, today)
        if competent.apply_by:
            css = "danger" if competent.apply_by < today else "warning"
            badges.append((css, _("Application due by %(day)s (permitted by the %(who)s)") % {
                "day": local_date(competent.apply_by), "who": _competence_label(competent.competence)}))
    elif not needs and event.status == "draft":
        badges.append(("secondary", _("No permit needed")))
    if event.competence:
        facts.append((_("Permitted by"), event.get_competence_display()))
    if event.applied_on:
        applied = local_date(event.applied_on)
        if event.apply_by:
            applied = _("%(day)s (due by %(due)s)") % {"day": applied, "due": local_date(event.apply_by)}
        facts.append((_("Application"), applied))
    if event.decision_no:
        facts.append((_("Decision"), _doc(event.decision_no, event.decision_on, event.decision_signer)))
    if event.conditions:
        facts.append((_("Conditions of the permit"), event.conditions))
    if event.report:
        label = _("Report")
        if event.reported_on:
            label = f"{label} ({local_date(event.reported_on)})"
        facts.append((label, event.report))
    panel["photos"] = _photos(event)
    if needs or event.consultations.exists():
        panel["consultations"] = _consultations(event, today)


def _competence_label(code: str) -> str:
    from foreign_affairs.events.choices import Competence

    try:
        return str(Competence(code).label)
    except ValueError:
        return code


def _consultations(record, today) -> list[dict]:
    return [
        {"item": item, "late": item.pending and item.reply_due_on is not None and item.reply_due_on < today}
        for item in record.consultations.all()
    ]
