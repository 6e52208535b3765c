"""The international-agreement workflow (Law 70/2020/QH14 on International Agreements; Decree
64/2021/NĐ-CP; Decree 177/2025/NĐ-CP): the draft is sent for the written opinions of the
Ministry of Foreign Affairs and the bodies directly concerned (each replies within 7 working
days of the complete file); if one disagrees, the Prime Minister is asked and the agreement is
signed only with his written consent; the Chairman decides to sign; after signing, within 15
days, a report on the signing and a copy of the agreement to the Ministry of Foreign Affairs
(two duties, each tracked with its date); then the agreement enters into force, may be amended
or extended, and expires or is terminated.

Every step goes through core.workflow (row locked, status, role and rules checked, history and
one AgreementTransition with the document behind it, announced after commit); deadlines come
from the rules table (core.DeadlineRule).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foreign_affairs.core.choices import ConsultationPosition
from foreign_affairs.core.deadlines import NoRule, deadline
from foreign_affairs.core.models import User
from foreign_affairs.core.workflow import (
    Action,
    Workflow,
    consult_step,
    reply_step,
    require_decision,
    require_text,
)

from .choices import AgreementStatus as S
from .models import Agreement, AgreementTransition

CONSULTATION_RULE = "agreement_consultation_reply"
POST_SIGNING_RULE = "agreement_post_signing_report"
LEGAL_BASIS = "Law 70/2020/QH14, Art. 19"


def _day(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def approval_blocker(agreement: Agreement, today: date | None = None) -> str | None:
    """Why the Chairman cannot yet decide to sign, or None: no body consulted, a reply still
    awaited before its due date, or a disagreement without the Prime Minister's consent."""
    today = today or timezone.localdate()
    consultations = list(agreement.consultations.all())
    if not consultations:
        return _("Consult the Ministry of Foreign Affairs and the bodies concerned first (%(basis)s).") % {
            "basis": LEGAL_BASIS}
    for item in consultations:
        if item.pending and item.reply_due_on and today <= item.reply_due_on:
            return _("Waiting for the reply of %(body)s (due %(due)s).") % {
                "body": item.body, "due": _day(item.reply_due_on)}
    if any(c.position == ConsultationPosition.DISAGREE for c in consultations) and not agreement.pm_consent:
        return _("A consulted body disagrees: the Prime Minister's written consent is needed first (%(basis)s).") % {
            "basis": LEGAL_BASIS}
    return None


def _reply_guard(agreement: Agreement) -> str | None:
    if not agreement.consultations.filter(replied_on__isnull=True).exists():
        return _("No consulted body is awaiting a reply.")
    return None


def _report_guard(agreement: Agreement) -> str | None:
    return _("The report on the signing is already recorded.") if agreement.signing_reported_on else None


def _copy_guard(agreement: Agreement) -> str | None:
    return _("The copy to the Ministry of Foreign Affairs is already recorded.") if agreement.mofa_copy_on else None


DECISION = ("decision_no", "decision_on", "signer", "comment")
DOCUMENT = ("document_no", "document_on", "signer", "comment")
P_SUBMIT, P_CONSULT, P_DECIDE = (f"agreements.{verb}_agreement" for verb in ("submit", "consult", "decide"))

ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("consult", (S.DRAFTING, S.CONSULTING), S.CONSULTING, P_CONSULT, gettext_lazy("Send for opinions"),
           ("body", "sent_on", "comment"), verb=gettext_lazy("send for opinions"), help=gettext_lazy(
               "One body per step: the Ministry of Foreign Affairs and each body directly concerned.")),
    Action("reply", (S.CONSULTING, S.PM_REFERRAL), None, P_CONSULT, gettext_lazy("Record a reply"),
           ("consultation", "replied_on", "position", "document_no", "comment"), guard=_reply_guard,
           verb=gettext_lazy("record a reply on")),
    Action("pm_reply", (S.PM_REFERRAL,), S.CONSULTING, P_CONSULT, gettext_lazy("Record the Prime Minister's answer"),
           ("consent", *DOCUMENT), verb=gettext_lazy("record the Prime Minister's answer on")),
    Action("approve", (S.CONSULTING,), S.APPROVED, P_DECIDE, gettext_lazy("Approve for signing"), DECISION,
           guard=approval_blocker),
    Action("sign", (S.APPROVED,), S.SIGNED, P_SUBMIT, gettext_lazy("Record the signing"),
           ("signed_on", "place", "signer", "number", "comment")),
    Action("report_signing", (S.SIGNED, S.IN_FORCE), None, P_SUBMIT, gettext_lazy("Record the report on the signing"),
           ("on", "document_no", "comment"), guard=_report_guard, verb=gettext_lazy("report on the signing of")),
    Action("copy_mofa", (S.SIGNED, S.IN_FORCE), None, P_SUBMIT,
           gettext_lazy("Record the copy to the Ministry of Foreign Affairs"), ("on", "document_no", "comment"),
           guard=_copy_guard, verb=gettext_lazy("send a copy to the Ministry of Foreign Affairs of")),
    Action("take_effect", (S.SIGNED,), S.IN_FORCE, P_SUBMIT, gettext_lazy("Record the entry into force"),
           ("valid_from", "valid_until", "comment"), verb=gettext_lazy("bring into force")),
    Action("amend", (S.IN_FORCE,), None, P_SUBMIT, gettext_lazy("Record an amendment"), DOCUMENT),
    Action("extend", (S.IN_FORCE,), None, P_SUBMIT, gettext_lazy("Record an extension"),
           ("valid_until", *DOCUMENT)),
    Action("expire", (S.IN_FORCE,), S.EXPIRED, P_SUBMIT, gettext_lazy("Record the expiry"), ("on", "comment")),
    Action("terminate", (S.SIGNED, S.IN_FORCE), S.TERMINATED, P_DECIDE, gettext_lazy("Terminate"),
           ("on", "document_no", "signer", "comment"), danger=True),
)}

WORKFLOW = Workflow(
    model=Agreement,
    log_model=AgreementTransition,
    log_fk="agreement",
    actions=ACTIONS,
    services=__name__,
    prefix="agreement",
    record_arg="agreement",
    messages={
        "forbidden": gettext_lazy("Your role may not %(action)s an agreement."),
        "not_allowed": gettext_lazy("Cannot %(action)s an agreement that is %(status)s."),
        "out_of_reach": gettext_lazy("This agreement is outside what your account can reach."),
    },
)


def allowed_actions(*, agreement: Agreement, actor: User) -> list[str]:
    """The steps this user may take on the agreement now (the buttons on its page)."""
    return WORKFLOW.allowed_actions(record=agreement, actor=actor)


def consultation_reply_due(sent_on: date) -> date | None:
    """When a consulted body's reply is due: 7 working days after the file (the rule in force)."""
    try:
        return deadline(CONSULTATION_RULE, sent_on)
    except NoRule:
        return None


def post_signing_due(signed_on: date) -> date | None:
    """When the report on the signing and the copy to MOFA are due (15 days after signing)."""
    try:
        return deadline(POST_SIGNING_RULE, signed_on)
    except NoRule:
        return None


def agreement_consult(*, agreement: Agreement, actor: User, body: str, sent_on: date | None = None,
                      comment: str = "") -> Agreement:
    """The office sends the draft to one body for its written opinion; the reply is due by the
    rule in force on the day the file is sent (7 working days)."""
    sent_on = sent_on or timezone.localdate()
    return consult_step(WORKFLOW, record=agreement, actor=actor, consultations="consultations", body=body,
                        sent_on=sent_on, reply_due_on=consultation_reply_due(sent_on), comment=comment)


def agreement_reply(*, agreement: Agreement, actor: User, consultation: int | None, position: str,
                    replied_on: date | None = None, document_no: str = "", comment: str = "") -> Agreement:
    """A consulted body's written reply. A disagreement sends the agreement to the Prime
    Minister (Law 70/2020 Art. 19): it can be signed only with his written consent."""
    disagrees = position == ConsultationPosition.DISAGREE
    return reply_step(WORKFLOW, record=agreement, actor=actor, consultations="consultations",
                      consultation=consultation, position=position, replied_on=replied_on or timezone.localdate(),
                      document_no=document_no, comment=comment, target=S.PM_REFERRAL if disagrees else None,
                      changes={"pm_consent": None} if disagrees else None)


def agreement_pm_reply(*, agreement: Agreement, actor: User, consent: bool, document_no: str,
                       document_on: date | None, signer: str = "", comment: str = "") -> Agreement:
    """The Prime Minister's written answer on a disputed draft: with his consent the agreement
    goes on to the Chairman's decision; without it, back to drafting."""
    errors = {}
    if not (document_no or "").strip():
        errors["document_no"] = _("The number of the Prime Minister's answer is required.")
    if document_on is None:
        errors["document_on"] = _("The date of the Prime Minister's answer is required.")
    if errors:
        raise ValidationError(errors)
    return WORKFLOW.transition(record=agreement, actor=actor, action="pm_reply", comment=comment,
                               document_no=document_no, document_on=document_on, signer=signer,
                               target=S.CONSULTING if consent else S.DRAFTING, changes={"pm_consent": bool(consent)})


def agreement_approve(*, agreement: Agreement, actor: User, decision_no: str, decision_on: date | None,
                      signer: str = "", comment: str = "") -> Agreement:
    """The Chairman of the Provincial People's Committee (or Council) decides to sign (Art. 18)."""
    require_decision(decision_no, decision_on)
    return WORKFLOW.transition(record=agreement, actor=actor, action="approve", comment=comment,
                               document_no=decision_no, document_on=decision_on, signer=signer,
                               changes={"decision_no": decision_no, "decision_on": decision_on,
                                        "decision_signer": signer})


def agreement_sign(*, agreement: Agreement, actor: User, signed_on: date | None, place: str = "", signer: str = "",
                   number: str = "", comment: str = "") -> Agreement:
    """The agreement is signed (date, place, who signed for the province); the two post-signing
    duties fall due 15 days later. ``signed_on`` is what the agreements_signed figure counts."""
    errors = {}
    if signed_on is None:
        errors["signed_on"] = _("The date of signing is required.")
    if not (signer or "").strip():
        errors["signer"] = _("Say who signed for the province.")
    if errors:
        raise ValidationError(errors)
    changes = {"signed_on": signed_on, "signed_by": signer, "post_signing_due_on": post_signing_due(signed_on)}
    if place:
        changes["place"] = place
    if number:
        changes["number"] = number
    return WORKFLOW.transition(record=agreement, actor=actor, action="sign", comment=comment, document_no=number,
                               document_on=signed_on, signer=signer, changes=changes)


def agreement_report_signing(*, agreement: Agreement, actor: User, on: date | None = None, document_no: str = "",
                             comment: str = "") -> Agreement:
    """The written report on the signing has been sent (due 15 days after signing)."""
    require_text(document_no, "document_no", _("The report's number is required."))
    on = on or timezone.localdate()
    return WORKFLOW.transition(record=agreement, actor=actor, action="report_signing", comment=comment,
                               document_no=document_no, document_on=on,
                               changes={"signing_reported_on": on, "signing_report_no": document_no})


def agreement_copy_mofa(*, agreement: Agreement, actor: User, on: date | None = None, document_no: str = "",
                        comment: str = "") -> Agreement:
    """A copy of the signed agreement has been sent to the Ministry of Foreign Affairs (due 15
    days after signing)."""
    require_text(document_no, "document_no", _("The covering letter's number is required."))
    on = on or timezone.localdate()
    return WORKFLOW.transition(record=agreement, actor=actor, action="copy_mofa", comment=comment,
                               document_no=document_no, document_on=on,
                               changes={"mofa_copy_on": on, "mofa_copy_no": document_no})


def agreement_take_effect(*, agreement: Agreement, actor: User, valid_from: date | None = None,
                          valid_until: date | None = None, comment: str = "") -> Agreement:
    """The agreement enters into force (by default on the day it was signed)."""
    def changes(locked: Agreement) -> dict:
        values = {"valid_from": valid_from or locked.valid_from or locked.signed_on}
        if valid_until is not None:
            values["valid_until"] = valid_until
        return values

    return WORKFLOW.transition(record=agreement, actor=actor, action="take_effect", comment=comment,
                               document_on=valid_from, changes=changes)


def agreement_amend(*, agreement: Agreement, actor: User, document_no: str, document_on: date | None,
                    signer: str = "", comment: str = "") -> Agreement:
    """An amendment to the agreement was signed; it stays in force."""
    errors = {}
    if not (document_no or "").strip():
        errors["document_no"] = _("The amendment's number is required.")
    if document_on is None:
        errors["document_on"] = _("The amendment's date is required.")
    if not (comment or "").strip():
        errors["comment"] = _("Say what the amendment changes.")
    if errors:
        raise ValidationError(errors)
    return WORKFLOW.transition(record=agreement, actor=actor, action="amend", comment=comment,
                               document_no=document_no, document_on=document_on, signer=signer)


def agreement_extend(*, agreement: Agreement, actor: User, valid_until: date | None, document_no: str = "",
                     document_on: date | None = None, signer: str = "", comment: str = "") -> Agreement:
    """The agreement's validity is extended to a later date."""
    if valid_until is None:
        raise ValidationError({"valid_until": _("Give the new end of validity.")})

    def check(locked: Agreement) -> None:
        if locked.valid_until and valid_until <= locked.valid_until:
            raise ValidationError({"valid_until": _("An extension ends after the current end of validity "
                                                    "(%(day)s).") % {"day": _day(locked.valid_until)}})

    return WORKFLOW.transition(record=agreement, actor=actor, action="extend", comment=comment,
                               document_no=document_no, document_on=document_on, signer=signer,
                               changes={"valid_until": valid_until}, check=check)


def agreement_expire(*, agreement: Agreement, actor: User, on: date | None = None, comment: str = "") -> Agreement:
    """The agreement reached the end of its validity."""
    return WORKFLOW.transition(record=agreement, actor=actor, action="expire", comment=comment, document_on=on,
                               changes=lambda locked: {"ended_on": on or locked.valid_until or timezone.localdate()})


def agreement_terminate(*, agreement: Agreement, actor: User, on: date | None = None, document_no: str = "",
                        signer: str = "", comment: str = "") -> Agreement:
    """The agreement is terminated before its end, by a decision (the reason is required)."""
    require_text(comment, "comment", _("Give the reason for the termination."))
    on = on or timezone.localdate()
    return WORKFLOW.transition(record=agreement, actor=actor, action="terminate", comment=comment,
                               document_no=document_no, document_on=on, signer=signer, changes={"ended_on": on})
