"""The delegation workflow (Decision 67/2011/QĐ-TTg and the province's rules): units propose,
the foreign-affairs office appraises or returns, leaders approve or reject with a decision,
the delegation travels, comes back, reports within the deadline and is evaluated.

Each action is a service with keyword-only arguments and a required actor. It locks the row,
checks the action is allowed from the current status and for the actor, writes the new state
and one DelegationTransition (the document behind the step), all in one transaction. A second
click on the same action finds the status already moved and is refused, changing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from foreign_affairs.core.deadlines import NoRule, deadline
from foreign_affairs.core.models import User
from foreign_affairs.core.signals import send_transition_done

from .choices import DelegationStatus as S
from .choices import Direction
from .models import Delegation, DelegationTransition


class TransitionNotAllowed(Exception):
    """The action is not allowed from the delegation's current status (HTTP 409)."""


@dataclass(frozen=True)
class Action:
    name: str
    sources: tuple[str, ...]
    target: str | None  # None: the status does not change (appraise)
    permission: str


ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("submit", (S.DRAFT,), S.PROPOSED, "delegations.submit_delegation"),
    Action("return", (S.PROPOSED,), S.DRAFT, "delegations.appraise_delegation"),
    Action("appraise", (S.PROPOSED,), None, "delegations.appraise_delegation"),
    Action("approve", (S.PROPOSED,), S.APPROVED, "delegations.decide_delegation"),
    Action("reject", (S.PROPOSED,), S.REJECTED, "delegations.decide_delegation"),
    Action("withdraw", (S.DRAFT, S.PROPOSED), S.WITHDRAWN, "delegations.submit_delegation"),
    Action("cancel", (S.APPROVED,), S.CANCELLED, "delegations.evaluate_delegation"),
    Action("complete", (S.APPROVED,), S.COMPLETED, "delegations.submit_delegation"),
    Action("report", (S.COMPLETED,), S.REPORTED, "delegations.submit_delegation"),
    Action("evaluate", (S.REPORTED,), S.EVALUATED, "delegations.evaluate_delegation"),
)}


def allowed_actions(*, delegation: Delegation, actor: User) -> list[str]:
    """The actions this user may take on the delegation now (the buttons on its page)."""
    return [
        a.name for a in ACTIONS.values()
        if delegation.status in a.sources and actor.has_perm(a.permission)
        and Delegation.objects.restrict(actor, "view").filter(pk=delegation.pk).exists()
    ]


def _transition(*, delegation: Delegation, actor: User, action: str, comment: str = "", document_no: str = "",
                document_on: date | None = None, signer: str = "", changes: dict | None = None) -> Delegation:
    spec = ACTIONS[action]
    if not actor.has_perm(spec.permission):
        raise PermissionDenied(_("Your role may not %(action)s a delegation.") % {"action": action})
    with transaction.atomic():
        locked = Delegation.objects.restrict(actor, "view").select_for_update().filter(pk=delegation.pk).first()
        if locked is None:
            raise PermissionDenied(_("This delegation is outside what your account can reach."))
        if locked.status not in spec.sources:
            raise TransitionNotAllowed(
                _("Cannot %(action)s a delegation that is %(status)s.")
                % {"action": action, "status": locked.get_status_display().lower()}
            )
        from_status = locked.status
        for name, value in (changes or {}).items():
            setattr(locked, name, value)
        if spec.target is not None:
            locked.status = spec.target
        locked._history_user = actor
        locked._change_reason = action
        locked.full_clean()
        locked.save()
        step = DelegationTransition.objects.create(
            delegation=locked, action=action, from_status=from_status, to_status=locked.status, actor=actor,
            comment=comment, document_no=document_no, document_on=document_on, signer=signer,
        )
        send_transition_done(record=locked, action=action, from_status=from_status, to_status=locked.status,
                             actor=actor, transition=step)
    return locked


def delegation_submit(*, delegation: Delegation, actor: User, comment: str = "") -> Delegation:
    """The unit proposes the delegation to the foreign-affairs office."""
    return _transition(delegation=delegation, actor=actor, action="submit", comment=comment)


def delegation_return(*, delegation: Delegation, actor: User, comment: str) -> Delegation:
    """The office sends the proposal back to the unit for changes, saying what to change."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what must be changed.")})
    return _transition(delegation=delegation, actor=actor, action="return", comment=comment)


def delegation_appraise(*, delegation: Delegation, actor: User, opinion: str) -> Delegation:
    """The office records its appraisal (thẩm định) of a proposal for the deciding leader."""
    if not opinion.strip():
        raise ValidationError({"opinion": _("Write the office's opinion.")})
    return _transition(delegation=delegation, actor=actor, action="appraise", comment=opinion,
                       changes={"appraisal": opinion})


def _decision(decision_no: str, decision_on: date | None) -> None:
    errors = {}
    if not (decision_no or "").strip():
        errors["decision_no"] = _("The decision's number is required.")
    if decision_on is None:
        errors["decision_on"] = _("The decision's date is required.")
    if errors:
        raise ValidationError(errors)


def delegation_approve(*, delegation: Delegation, actor: User, decision_no: str, decision_on: date | None,
                       signer: str = "", comment: str = "") -> Delegation:
    """A provincial leader approves, by a decision (number, date, signer). For an incoming
    delegation permitted to work with a unit, the decision date is the permit date."""
    _decision(decision_no, decision_on)
    changes = {"decision_no": decision_no, "decision_on": decision_on, "decision_signer": signer}
    if delegation.direction == Direction.INCOMING and delegation.reception == "permitted" and not delegation.permit_on:
        changes["permit_on"] = decision_on
    return _transition(delegation=delegation, actor=actor, action="approve", comment=comment,
                       document_no=decision_no, document_on=decision_on, signer=signer, changes=changes)


def delegation_reject(*, delegation: Delegation, actor: User, decision_no: str, decision_on: date | None,
                      signer: str = "", comment: str = "") -> Delegation:
    """A provincial leader refuses the proposal, by a decision or official letter."""
    _decision(decision_no, decision_on)
    return _transition(delegation=delegation, actor=actor, action="reject", comment=comment,
                       document_no=decision_no, document_on=decision_on, signer=signer,
                       changes={"decision_no": decision_no, "decision_on": decision_on, "decision_signer": signer})


def delegation_withdraw(*, delegation: Delegation, actor: User, comment: str = "") -> Delegation:
    """The unit withdraws its proposal before a decision."""
    return _transition(delegation=delegation, actor=actor, action="withdraw", comment=comment)


def delegation_cancel(*, delegation: Delegation, actor: User, comment: str) -> Delegation:
    """An approved delegation does not take place."""
    if not comment.strip():
        raise ValidationError({"comment": _("Give the reason for the cancellation.")})
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
    returned_on = returned_on or delegation.end_on or delegation.start_on
    return _transition(delegation=delegation, actor=actor, action="complete",
                       changes={"end_on": returned_on if delegation.end_on is None else delegation.end_on,
                                "report_due_on": report_due(delegation, returned_on)})


def delegation_report(*, delegation: Delegation, actor: User, report: str, cost_vnd: int | None = None,
                      outcomes: str | None = None, reported_on: date | None = None) -> Delegation:
    """The post-trip report: what was done, what was signed, what follows, what it cost."""
    if not report.strip():
        raise ValidationError({"report": _("The report cannot be empty.")})
    changes = {"report": report, "reported_on": reported_on or timezone.localdate()}
    if cost_vnd is not None:
        changes["cost_vnd"] = cost_vnd
    if outcomes is not None:
        changes["outcomes"] = outcomes
    return _transition(delegation=delegation, actor=actor, action="report", changes=changes)


def delegation_evaluate(*, delegation: Delegation, actor: User, rating: int, evaluation: str = "") -> Delegation:
    """The office or a leader rates the trip's effectiveness (1–5) against its cost."""
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("The rating is a whole number from 1 to 5.")})
    return _transition(delegation=delegation, actor=actor, action="evaluate", comment=evaluation,
                       changes={"rating": rating, "evaluation": evaluation})
