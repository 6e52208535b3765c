"""The delegation workflow (Decision 67/2011/QĐ-TTg and the province's rules): units propose,
the foreign-affairs office appraises or returns, the Provincial Party Standing Committee clears
the trips its rules name, leaders approve or reject with a decision, the delegation travels,
comes back, reports within the deadline (tasks done, leads, follow-ups, the actual cost by
item, photos) and is evaluated. An incoming delegation (đoàn vào) follows the same steps: the
host unit's request, the office's appraisal, the permit (for delegations permitted to work
with a unit, with its conditions and the permit date) or the reception decision (for those
received by provincial leaders) or the refusal, the visit, the post-visit report.

Each step is a service with keyword-only arguments and a required actor, taken through the
shared machinery (core.workflow): it locks the row, checks the status, the role and the rules,
writes the new state and one DelegationTransition (the document behind the step) in one
transaction and announces it after commit. A second click on the same step finds the status
already moved and is refused, changing nothing.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foreign_affairs.core.deadlines import NoRule, deadline
from foreign_affairs.core.models import User
from foreign_affairs.core.routing import route
from foreign_affairs.core.workflow import (
    Action,
    TransitionNotAllowed,
    Workflow,
    photos_check,
    require_decision,
    require_text,
)

from .choices import CostItemKind, Direction, Reception
from .choices import DelegationStatus as S
from .models import Delegation, DelegationCostItem, DelegationMember, DelegationTransition

__all__ = ["ACTIONS", "WORKFLOW", "Action", "TransitionNotAllowed", "allowed_actions"]

CLEARANCE_RULE = "delegation_party_clearance"


def clearance_rule(delegation: Delegation, on: date | None = None):
    """The routing rule that asks this outgoing delegation for the Party Standing Committee's
    clearance before approval, or None."""
    if delegation.direction != Direction.OUTGOING:
        return None
    return route(CLEARANCE_RULE, delegation, on or timezone.localdate())


def _clear_guard(delegation: Delegation) -> str | None:
    if delegation.clearance_on:
        return _("The party clearance of this delegation is already recorded.")
    if clearance_rule(delegation) is None:
        return _("This delegation needs no party clearance under the rules in force.")
    return None


def _approve_guard(delegation: Delegation) -> str | None:
    rule = None if delegation.clearance_on else clearance_rule(delegation)
    if rule is not None:
        return _(
            "This delegation needs the clearance of the Provincial Party Standing Committee before approval "
            "(rule %(rule)s: %(basis)s)."
        ) % {"rule": rule.code, "basis": rule.legal_basis}
    return None


DECISION = ("decision_no", "decision_on", "signer", "comment")

ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("submit", (S.DRAFT,), S.PROPOSED, "delegations.submit_delegation", gettext_lazy("Submit"),
           ("comment",)),
    Action("return", (S.PROPOSED,), S.DRAFT, "delegations.appraise_delegation", gettext_lazy("Return for changes"),
           ("comment",)),
    Action("appraise", (S.PROPOSED,), None, "delegations.appraise_delegation",
           gettext_lazy("Record the appraisal"), ("opinion",), fallbacks=(("opinion", "comment"),)),
    Action("clear", (S.PROPOSED,), None, "delegations.appraise_delegation", gettext_lazy("Record party clearance"),
           ("document_no", "document_on", "signer", "comment"), guard=_clear_guard,
           help=gettext_lazy("The written opinion of the Provincial Party Standing Committee.")),
    Action("approve", (S.PROPOSED,), S.APPROVED, "delegations.decide_delegation", gettext_lazy("Approve"),
           (*DECISION, "reception", "conditions"), guard=_approve_guard),
    Action("reject", (S.PROPOSED,), S.REJECTED, "delegations.decide_delegation", gettext_lazy("Reject"),
           DECISION, danger=True),
    Action("withdraw", (S.DRAFT, S.PROPOSED), S.WITHDRAWN, "delegations.submit_delegation",
           gettext_lazy("Withdraw"), ("comment",)),
    Action("cancel", (S.APPROVED,), S.CANCELLED, "delegations.evaluate_delegation", gettext_lazy("Cancel the trip"),
           ("comment",), danger=True),
    Action("complete", (S.APPROVED,), S.COMPLETED, "delegations.submit_delegation", gettext_lazy("Mark as returned"),
           ("returned_on",)),
    Action("report", (S.COMPLETED,), S.REPORTED, "delegations.submit_delegation", gettext_lazy("File the report"),
           ("report", "leads", "followups", "outcomes", "cost_items", "cost_vnd", "photos", "reported_on")),
    Action("evaluate", (S.REPORTED,), S.EVALUATED, "delegations.evaluate_delegation", gettext_lazy("Evaluate"),
           ("rating", "evaluation"), fallbacks=(("evaluation", "comment"),)),
)}

INCOMING_LABELS = {
    "submit": gettext_lazy("Submit the request"),
    "reject": gettext_lazy("Refuse"),
    "cancel": gettext_lazy("Cancel the visit"),
    "complete": gettext_lazy("Mark the visit as ended"),
    "report": gettext_lazy("File the post-visit report"),
}


def action_label(action: str, delegation: Delegation):
    """The button's label: an incoming delegation is permitted or received, and refused."""
    if delegation.direction == Direction.INCOMING:
        if action == "approve":
            if delegation.reception == Reception.RECEIVED:
                return gettext_lazy("Decide the reception")
            return gettext_lazy("Permit")
        if action in INCOMING_LABELS:
            return INCOMING_LABELS[action]
    return ACTIONS[action].label


def action_inputs(action: str, delegation: Delegation) -> tuple[str, ...]:
    """The inputs of a step for this delegation (reception and conditions are for incoming ones)."""
    inputs = ACTIONS[action].inputs
    if delegation.direction == Direction.OUTGOING:
        return tuple(name for name in inputs if name not in ("reception", "conditions"))
    return inputs


WORKFLOW = Workflow(
    model=Delegation,
    log_model=DelegationTransition,
    log_fk="delegation",
    actions=ACTIONS,
    services=__name__,
    prefix="delegation",
    record_arg="delegation",
    messages={
        "forbidden": gettext_lazy("Your role may not %(action)s a delegation."),
        "not_allowed": gettext_lazy("Cannot %(action)s a delegation that is %(status)s."),
        "out_of_reach": gettext_lazy("This delegation is outside what your account can reach."),
    },
    label_for=action_label,
    inputs_for=action_inputs,
)


def allowed_actions(*, delegation: Delegation, actor: User) -> list[str]:
    """The actions this user may take on the delegation now (the buttons on its page)."""
    return WORKFLOW.allowed_actions(record=delegation, actor=actor)


def _transition(*, delegation: Delegation, actor: User, action: str, **kwargs) -> Delegation:
    return WORKFLOW.transition(record=delegation, actor=actor, action=action, **kwargs)


def delegation_submit(*, delegation: Delegation, actor: User, comment: str = "") -> Delegation:
    """The unit proposes the delegation (or, for an incoming one, requests the permit) to the
    foreign-affairs office."""
    return _transition(delegation=delegation, actor=actor, action="submit", comment=comment)


def delegation_return(*, delegation: Delegation, actor: User, comment: str) -> Delegation:
    """The office sends the proposal back to the unit for changes, saying what to change."""
    require_text(comment, "comment", _("Say what must be changed."))
    return _transition(delegation=delegation, actor=actor, action="return", comment=comment)


def delegation_appraise(*, delegation: Delegation, actor: User, opinion: str) -> Delegation:
    """The office records its appraisal (thẩm định) of a proposal for the deciding leader."""
    require_text(opinion, "opinion", _("Write the office's opinion."))
    return _transition(delegation=delegation, actor=actor, action="appraise", comment=opinion,
                       changes={"appraisal": opinion})


def delegation_clear(*, delegation: Delegation, actor: User, document_no: str, document_on: date | None,
                     signer: str = "", comment: str = "") -> Delegation:
    """The office records the Provincial Party Standing Committee's written clearance of a trip
    the routing rules send to it (provincial leaders, Party delegations), before approval."""
    errors = {}
    if not (document_no or "").strip():
        errors["document_no"] = _("The clearance's document number is required.")
    if document_on is None:
        errors["document_on"] = _("The clearance's date is required.")
    if errors:
        raise ValidationError(errors)
    return _transition(delegation=delegation, actor=actor, action="clear", comment=comment,
                       document_no=document_no, document_on=document_on, signer=signer,
                       changes={"clearance_no": document_no, "clearance_on": document_on,
                                "clearance_signer": signer})


def delegation_approve(*, delegation: Delegation, actor: User, decision_no: str, decision_on: date | None,
                       signer: str = "", comment: str = "", reception: str = "", conditions: str = "") -> Delegation:
    """A provincial leader approves, by a decision (number, date, signer). For an incoming
    delegation this is the permit to work with a unit (its date is the permit date, with its
    conditions) or the decision that provincial leaders receive it."""
    require_decision(decision_no, decision_on)
    changes = {"decision_no": decision_no, "decision_on": decision_on, "decision_signer": signer}
    if delegation.direction == Direction.INCOMING:
        reception = reception or delegation.reception
        if reception not in Reception.values:
            raise ValidationError({"reception": _(
                "Say whether the delegation is received by provincial leaders or permitted to work with a unit.")})
        changes["reception"] = reception
        if conditions:
            changes["conditions"] = conditions
        if reception == Reception.PERMITTED:
            changes["permit_on"] = decision_on
    return _transition(delegation=delegation, actor=actor, action="approve", comment=comment,
                       document_no=decision_no, document_on=decision_on, signer=signer, changes=changes)


def delegation_reject(*, delegation: Delegation, actor: User, decision_no: str, decision_on: date | None,
                      signer: str = "", comment: str = "") -> Delegation:
    """A provincial leader refuses the proposal (or the incoming delegation's permit), by a
    decision or official letter."""
    require_decision(decision_no, decision_on)
    return _transition(delegation=delegation, actor=actor, action="reject", comment=comment,
                       document_no=decision_no, document_on=decision_on, signer=signer,
                       changes={"decision_no": decision_no, "decision_on": decision_on, "decision_signer": signer})


def delegation_withdraw(*, delegation: Delegation, actor: User, comment: str = "") -> Delegation:
    """The unit withdraws its proposal before a decision."""
    return _transition(delegation=delegation, actor=actor, action="withdraw", comment=comment)


def delegation_cancel(*, delegation: Delegation, actor: User, comment: str) -> Delegation:
    """An approved delegation does not take place."""
    require_text(comment, "comment", _("Give the reason for the cancellation."))
    return _transition(delegation=delegation, actor=actor, action="cancel", comment=comment)


def report_due(delegation: Delegation, returned_on: date) -> date | None:
    """The post-trip (or post-visit) report deadline by the rule in force on the return date."""
    code = "post_trip_report" if delegation.direction == Direction.OUTGOING else "post_visit_report"
    try:
        return deadline(code, returned_on)
    except NoRule:
        return None


def delegation_complete(*, delegation: Delegation, actor: User, returned_on: date | None = None) -> Delegation:
    """The delegation has come back (or the visit ended): the report deadline starts."""
    def changes(locked: Delegation) -> dict:
        returned = returned_on or locked.end_on or locked.start_on
        return {"end_on": returned if locked.end_on is None else locked.end_on,
                "report_due_on": report_due(locked, returned)}

    return _transition(delegation=delegation, actor=actor, action="complete", changes=changes)


def _clean_cost_items(rows) -> list[DelegationCostItem]:
    """Cost items as given (mappings with ``kind``, ``amount_vnd``, ``description``), checked
    row by row; the message names the row."""
    items, problems = [], []
    for position, row in enumerate(rows, start=1):
        kind = (row.get("kind") or "").strip()
        amount = row.get("amount_vnd")
        description = (row.get("description") or "").strip()
        if kind not in CostItemKind.values:
            problems.append(_("Row %(row)s: choose the item.") % {"row": position})
            continue
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            problems.append(_("Row %(row)s: the amount is a whole number of đồng, 0 or more.") % {"row": position})
            continue
        items.append(DelegationCostItem(kind=kind, amount_vnd=amount, description=description[:255]))
    if problems:
        raise ValidationError({"cost_items": problems})
    return items


def delegation_report(*, delegation: Delegation, actor: User, report: str, cost_vnd: int | None = None,
                      outcomes: str | None = None, reported_on: date | None = None, leads: str = "",
                      followups: str = "", cost_items: list[dict] | None = None, photos=None) -> Delegation:
    """The post-trip report: the tasks done, what was signed, the investment and trade leads,
    what follows, what it cost item by item (their sum becomes the actual cost), with photos
    kept as attachments. Cost items given replace the stored ones; left out, they are kept."""
    require_text(report, "report", _("The report cannot be empty."))
    items = _clean_cost_items(cost_items) if cost_items else None
    photos = photos_check(photos)
    changes = {"report": report, "reported_on": reported_on or timezone.localdate(),
               "report_leads": leads or "", "report_followups": followups or ""}
    if items is not None:
        total = sum(item.amount_vnd for item in items)
        if cost_vnd is not None and cost_vnd != total:
            raise ValidationError({"cost_vnd": _(
                "The actual cost is the sum of the cost items (%(total)s đồng); leave it empty.") % {"total": total}})
        changes["cost_vnd"] = total
    elif cost_vnd is not None:
        changes["cost_vnd"] = cost_vnd
    if outcomes is not None:
        changes["outcomes"] = outcomes

    def after(locked: Delegation) -> None:
        from foreign_affairs.core.services import attachment_add

        if items is not None:
            locked.cost_items.all().delete()
            for item in items:
                item.delegation = locked
                item._history_user = actor
                item.full_clean()
                item.save()
        for upload in photos:
            attachment_add(record=locked, upload=upload, actor=actor, description=_("Photo of the trip"))

    return _transition(delegation=delegation, actor=actor, action="report", changes=changes, after=after)


def delegation_evaluate(*, delegation: Delegation, actor: User, rating: int | None, evaluation: str = "") -> Delegation:
    """The office or a leader rates the trip's effectiveness (1–5) against its cost."""
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("The rating is a whole number from 1 to 5.")})
    return _transition(delegation=delegation, actor=actor, action="evaluate", comment=evaluation,
                       changes={"rating": rating, "evaluation": evaluation})


def member_passport_record(*, member: DelegationMember, actor: User, handed_on: date | None,
                           returned_on: date | None) -> DelegationMember:
    """The office records when a member's official passport was handed out for the trip and
    handed back after it (personal data: only roles that may see members' passports)."""
    from django.core.exceptions import PermissionDenied

    from foreign_affairs.core.services import record_save

    if not actor.has_perm("delegations.view_personal_data") or not actor.has_perm(
            "delegations.change_delegationmember"):
        raise PermissionDenied(_("Your role may not record passports."))
    if not DelegationMember.objects.restrict(actor, "change").filter(pk=member.pk).exists():
        raise PermissionDenied(_("This delegation is outside what your account can reach."))
    member.passport_handed_on = handed_on
    member.passport_returned_on = returned_on
    return record_save(instance=member, actor=actor, reason="passport")
