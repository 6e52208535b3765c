"""The permit workflow of international conferences and seminars (Decision 06/2020/QĐ-TTg) and
the life of every other event.

An event that needs a permit (every conference by the routing rules, or any event marked so) is
applied for, no later than the lead time before its opening: 40 days when the Prime Minister
decides, 30 otherwise (who decides follows the foreign guests' rank and the topic's sensitivity:
a routing rule); the office consults the bodies concerned; the competent authority permits or
refuses it by a decision (number, date, signer); it is held and reported on. An event without a
permit is simply held, then reported on. A late application is refused, naming the rule and its
legal basis.

Every step goes through core.workflow (row locked, status, role and rules checked, history and
one EventTransition with the document behind it, announced after commit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foreign_affairs.core.deadlines import NoRule, deadline, rule_in_force
from foreign_affairs.core.models import DeadlineRule, RoutingRule, User
from foreign_affairs.core.routing import route
from foreign_affairs.core.workflow import (
    Action,
    Workflow,
    consult_step,
    photos_check,
    reply_step,
    require_decision,
    require_text,
)

from .choices import Competence
from .choices import EventStatus as S
from .models import Event, EventTransition

PERMIT_RULE = "event_permit_required"
COMPETENCE_RULE = "conference_competence"
CONSULTATION_RULE = "conference_consultation_reply"
REPORT_RULE = "conference_report"


def _day(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def permit_required(event: Event, on: date | None = None) -> bool:
    """Whether the event needs a permit: marked so, or named by the routing rules (conferences)."""
    return bool(event.needs_permit) or route(PERMIT_RULE, event, on or timezone.localdate()) is not None


@dataclass(frozen=True)
class Competent:
    """Who permits an event and by when the application is due, with the rules behind both."""

    competence: str
    routing: RoutingRule | None
    lead: DeadlineRule | None
    apply_by: date | None


def competent_authority(event: Event, on: date | None = None) -> Competent:
    """Who permits the event (the Prime Minister or the provincial Chairman, by the routing rule
    in force on ``on``) and the application's lead-time deadline before the opening."""
    on = on or timezone.localdate()
    rule = route(COMPETENCE_RULE, event, on)
    competence = rule.outcome if rule else Competence.PROVINCIAL_CHAIR
    lead = apply_by = None
    if rule and rule.deadline_rule and event.start_on:
        try:
            lead = rule_in_force(rule.deadline_rule, on)
            apply_by = deadline(rule.deadline_rule, event.start_on)
        except NoRule:
            lead = None
    return Competent(competence=competence, routing=rule, lead=lead, apply_by=apply_by)


def _needs_permit_guard(event: Event) -> str | None:
    if not permit_required(event):
        return _("This event needs no permit; mark it as held once it has taken place.")
    return None


def _hold_guard(event: Event) -> str | None:
    if event.status == S.DRAFT and permit_required(event):
        return _("This event needs a permit before it is held: apply for it first.")
    return None


def _reply_guard(event: Event) -> str | None:
    if not event.consultations.filter(replied_on__isnull=True).exists():
        return _("No consulted body is awaiting a reply.")
    return None


DECISION = ("decision_no", "decision_on", "signer", "comment")
P_SUBMIT, P_CONSULT, P_DECIDE = (f"events.{verb}_event" for verb in ("submit", "consult", "decide"))

ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("submit", (S.DRAFT,), S.APPLIED, P_SUBMIT, gettext_lazy("Apply for the permit"), ("applied_on", "comment"),
           guard=_needs_permit_guard, verb=gettext_lazy("apply for")),
    Action("consult", (S.APPLIED, S.CONSULTING), S.CONSULTING, P_CONSULT, gettext_lazy("Consult a body"),
           ("body", "sent_on", "comment"), verb=gettext_lazy("consult on")),
    Action("reply", (S.CONSULTING,), None, P_CONSULT, gettext_lazy("Record a reply"),
           ("consultation", "replied_on", "position", "document_no", "comment"), guard=_reply_guard,
           verb=gettext_lazy("record a reply on")),
    Action("approve", (S.APPLIED, S.CONSULTING), S.PERMITTED, P_DECIDE, gettext_lazy("Permit"),
           (*DECISION, "conditions"), verb=gettext_lazy("permit")),
    Action("reject", (S.APPLIED, S.CONSULTING), S.REFUSED, P_DECIDE, gettext_lazy("Refuse"), DECISION,
           danger=True, verb=gettext_lazy("refuse")),
    Action("withdraw", (S.DRAFT, S.APPLIED, S.CONSULTING), S.WITHDRAWN, P_SUBMIT, gettext_lazy("Withdraw"),
           ("comment",)),
    Action("cancel", (S.DRAFT, S.PERMITTED), S.CANCELLED, P_SUBMIT, gettext_lazy("Cancel the event"), ("comment",),
           danger=True),
    Action("hold", (S.DRAFT, S.PERMITTED), S.HELD, P_SUBMIT, gettext_lazy("Mark as held"),
           ("participants", "comment"), guard=_hold_guard, verb=gettext_lazy("mark as held")),
    Action("report", (S.HELD,), S.REPORTED, P_SUBMIT, gettext_lazy("File the report"),
           ("report", "reported_on", "photos"), verb=gettext_lazy("report on")),
)}


WORKFLOW = Workflow(
    model=Event,
    log_model=EventTransition,
    log_fk="event",
    actions=ACTIONS,
    services=__name__,
    prefix="event",
    record_arg="event",
    messages={
        "forbidden": gettext_lazy("Your role may not %(action)s an event."),
        "not_allowed": gettext_lazy("Cannot %(action)s an event that is %(status)s."),
        "out_of_reach": gettext_lazy("This event is outside what your account can reach."),
    },
)


def allowed_actions(*, event: Event, actor: User) -> list[str]:
    """The steps this user may take on the event now (the buttons on its page)."""
    return WORKFLOW.allowed_actions(record=event, actor=actor)


def event_submit(*, event: Event, actor: User, applied_on: date | None = None, comment: str = "") -> Event:
    """The organising unit applies for the permit. Who decides (the Prime Minister or the
    provincial Chairman) and the lead time follow the routing and deadline rules in force on
    the application date; an application later than the lead time is refused."""
    applied_on = applied_on or timezone.localdate()
    competent = competent_authority(event, applied_on)

    def check(locked: Event) -> None:
        if competent.apply_by is None or applied_on <= competent.apply_by:
            return
        lead = competent.lead
        raise ValidationError({"applied_on": _(
            "The application is late: rule %(rule)s (%(days)s %(count)s before the %(anchor)s; %(basis)s) required "
            "it by %(due)s for an event opening on %(start)s, permitted by the %(who)s."
        ) % {
            "rule": lead.code, "days": lead.days, "count": lead.get_day_count_display().lower(),
            "anchor": lead.anchor_event, "basis": lead.legal_basis, "due": _day(competent.apply_by),
            "start": _day(locked.start_on), "who": Competence(competent.competence).label,
        }})

    return WORKFLOW.transition(record=event, actor=actor, action="submit", comment=comment, document_on=applied_on,
                               check=check, changes={"applied_on": applied_on, "apply_by": competent.apply_by,
                                                     "competence": competent.competence, "needs_permit": True})


def event_consult(*, event: Event, actor: User, body: str, sent_on: date | None = None, comment: str = "") -> Event:
    """The office asks one body concerned (the provincial police, the ministry of the field, the
    Ministry of Foreign Affairs when the Prime Minister decides) for its written opinion."""
    sent_on = sent_on or timezone.localdate()
    try:
        due = deadline(CONSULTATION_RULE, sent_on)
    except NoRule:
        due = None
    return consult_step(WORKFLOW, record=event, actor=actor, consultations="consultations", body=body,
                        sent_on=sent_on, reply_due_on=due, comment=comment)


def event_reply(*, event: Event, actor: User, consultation: int | None, position: str,
                replied_on: date | None = None, document_no: str = "", comment: str = "") -> Event:
    """A consulted body's written reply (its position goes to the deciding authority)."""
    return reply_step(WORKFLOW, record=event, actor=actor, consultations="consultations", consultation=consultation,
                      position=position, replied_on=replied_on or timezone.localdate(), document_no=document_no,
                      comment=comment)


def event_approve(*, event: Event, actor: User, decision_no: str, decision_on: date | None, signer: str = "",
                  comment: str = "", conditions: str = "") -> Event:
    """The competent authority permits the event, by a decision (number, date, signer), with
    its conditions."""
    require_decision(decision_no, decision_on)
    return WORKFLOW.transition(record=event, actor=actor, action="approve", comment=comment, document_no=decision_no,
                               document_on=decision_on, signer=signer,
                               changes={"decision_no": decision_no, "decision_on": decision_on,
                                        "decision_signer": signer, "conditions": conditions or ""})


def event_reject(*, event: Event, actor: User, decision_no: str, decision_on: date | None, signer: str = "",
                 comment: str = "") -> Event:
    """The competent authority refuses the event, by a decision or official letter."""
    require_decision(decision_no, decision_on)
    return WORKFLOW.transition(record=event, actor=actor, action="reject", comment=comment, document_no=decision_no,
                               document_on=decision_on, signer=signer,
                               changes={"decision_no": decision_no, "decision_on": decision_on,
                                        "decision_signer": signer})


def event_withdraw(*, event: Event, actor: User, comment: str = "") -> Event:
    """The organiser withdraws its application before a decision."""
    return WORKFLOW.transition(record=event, actor=actor, action="withdraw", comment=comment)


def event_cancel(*, event: Event, actor: User, comment: str) -> Event:
    """A planned or permitted event does not take place."""
    require_text(comment, "comment", _("Give the reason for the cancellation."))
    return WORKFLOW.transition(record=event, actor=actor, action="cancel", comment=comment)


def event_hold(*, event: Event, actor: User, participants: int | None = None, comment: str = "") -> Event:
    """The event took place; for a permitted one, the post-event report falls due."""
    if participants is not None and participants < 0:
        raise ValidationError({"participants": _("The number of participants cannot be negative.")})

    def changes(locked: Event) -> dict:
        values: dict = {} if participants is None else {"participants": participants}
        if locked.status == S.PERMITTED:
            try:
                values["report_due_on"] = deadline(REPORT_RULE, locked.end_on or locked.start_on)
            except NoRule:
                pass
        return values

    return WORKFLOW.transition(record=event, actor=actor, action="hold", comment=comment, changes=changes)


def event_report(*, event: Event, actor: User, report: str, reported_on: date | None = None, photos=None) -> Event:
    """The report after the event (to the permitting authority and the Ministry of Foreign
    Affairs for a conference), with photos kept as attachments."""
    require_text(report, "report", _("The report cannot be empty."))
    photos = photos_check(photos)

    def after(locked: Event) -> None:
        from foreign_affairs.core.services import attachment_add

        for upload in photos:
            attachment_add(record=locked, upload=upload, actor=actor, description=_("Photo of the event"))

    return WORKFLOW.transition(record=event, actor=actor, action="report", after=after,
                               changes={"report": report, "reported_on": reported_on or timezone.localdate()})
