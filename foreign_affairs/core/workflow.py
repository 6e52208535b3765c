"""The approval-workflow machinery shared by delegations, agreements and events.

A workflow is a table of steps (``Action``: its name, the statuses it may start from, the status
it leads to, the permission it needs, the inputs it takes) and one ``Workflow.transition``
helper that every step's service calls. The helper:

1. checks the actor's role (PermissionDenied: HTTP 403);
2. locks the record's row (``select_for_update`` through ``restrict(actor, "view")``: a record
   out of the actor's reach is refused as such);
3. checks the step is allowed from the row's current status and by the step's guard
   (TransitionNotAllowed: HTTP 409) — a second click finds the status already moved;
4. applies the changes, validates the whole record with ``full_clean()`` and saves it with the
   actor and the step's name in its history;
5. lets the service write dependent rows (consultations, cost items) in the same transaction;
6. writes one row of the record's transition log (who, when, from → to, the document behind
   the step: number, date, signer) and announces ``core.signals.transition_done`` after commit.

Anything refused or invalid rolls the whole step back: nothing changes.

The API (``api/workflow.py``) and the web app (``web/views/workflow.py``) are built from these
tables: one ``POST /api/v1/<group>/<id>/<action>/`` per action and one button per action the
user may take now, with a small form for the step's inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .signals import send_transition_done

Label = str | Promise


class TransitionNotAllowed(Exception):
    """The step is not allowed from the record's current status or by the rules (HTTP 409)."""


# A guard looks at the record (locked, inside the step's transaction) and returns the reason the
# step may not be taken now, or None. Guards also hide the step's button.
Guard = Callable[[Any], "str | None"]


# The verbs of the steps, as refusal messages write them ("Your role may not %(action)s a delegation").
ACTION_VERBS = {
    "amend": gettext_lazy("amend"),
    "appraise": gettext_lazy("appraise"),
    "approve": gettext_lazy("approve"),
    "cancel": gettext_lazy("cancel"),
    "clear": gettext_lazy("clear"),
    "complete": gettext_lazy("complete"),
    "consult": gettext_lazy("consult"),
    "evaluate": gettext_lazy("evaluate"),
    "expire": gettext_lazy("expire"),
    "extend": gettext_lazy("extend"),
    "hold": gettext_lazy("hold"),
    "reject": gettext_lazy("reject"),
    "reply": gettext_lazy("reply"),
    "report": gettext_lazy("report"),
    "return": gettext_lazy("return"),
    "sign": gettext_lazy("sign"),
    "submit": gettext_lazy("submit"),
    "take_effect": gettext_lazy("bring into force"),
    "terminate": gettext_lazy("terminate"),
    "withdraw": gettext_lazy("withdraw"),
    "permit": gettext_lazy("permit"),
    "refuse": gettext_lazy("refuse"),
    "apply": gettext_lazy("apply"),
}


@dataclass(frozen=True)
class Action:
    """One step of a workflow.

    ``target`` None: the step records something without moving the status (an appraisal, a
    consultation's reply). ``inputs`` name the entries of ``INPUTS`` the step takes (the API's
    request body and the web form's fields); the step's service receives them as keyword
    arguments. ``verb`` is how messages name the step ("Cannot <verb> an agreement that is …").
    """

    name: str
    sources: tuple[str, ...]
    target: str | None
    permission: str
    label: Label = ""
    inputs: tuple[str, ...] = ()
    guard: Guard | None = None
    verb: Label = ""
    danger: bool = False
    help: Label = ""
    # API compatibility: an input left empty takes another's value ({"opinion": "comment"}).
    fallbacks: tuple[tuple[str, str], ...] = ()

    @property
    def verb_text(self) -> str:
        return str(self.verb or ACTION_VERBS.get(self.name, self.name))


# Each record type's workflow, filled as the apps' services declare them (a record's history names
# its steps by their labels through ``step_label``).
WORKFLOWS: dict[type[models.Model], Workflow] = {}


def step_label(model: type[models.Model], action: str) -> Label | None:
    """The label of a workflow step of a record type, or None when it is not one."""
    workflow = WORKFLOWS.get(model)
    if workflow is None or action not in workflow.actions:
        return None
    return workflow.label(action)


@dataclass
class Workflow:
    """The steps of one record type and how to log them.

    ``log_model`` is the record's transition log (a ``core.models.TransitionBase``) and
    ``log_fk`` its key to the record; ``services`` the module whose ``<prefix>_<action>``
    functions are the steps' services; ``messages`` the record type's refusal texts, whole
    sentences so they translate well: ``forbidden`` and ``not_allowed`` take ``%(action)s``
    (and ``%(status)s``), ``out_of_reach`` nothing.
    """

    model: type[models.Model]
    log_model: type[models.Model]
    log_fk: str
    actions: dict[str, Action]
    services: str
    prefix: str
    record_arg: str
    messages: dict[str, Label] = field(default_factory=dict)
    # Optional refinements per record: a step's button label (an incoming delegation is
    # "permitted", not "approved") and the inputs that apply to it.
    label_for: Callable[[str, Any], Label] | None = None
    inputs_for: Callable[[str, Any], tuple[str, ...]] | None = None

    def __post_init__(self) -> None:
        WORKFLOWS[self.model] = self

    # --- reading -------------------------------------------------------------------------------
    def label(self, action: str, record=None) -> Label:
        if self.label_for is not None and record is not None:
            return self.label_for(action, record)
        return self.actions[action].label or action

    def inputs(self, action: str, record=None) -> tuple[str, ...]:
        if self.inputs_for is not None and record is not None:
            return self.inputs_for(action, record)
        return self.actions[action].inputs

    def service(self, action: str) -> Callable:
        """The service function of a step (``delegation_approve`` for ``approve``)."""
        return getattr(import_module(self.services), f"{self.prefix}_{action}")

    def allowed_actions(self, *, record, actor) -> list[str]:
        """The steps this user may take on the record now (the buttons on its page), in the
        table's order: the status fits, the role holds the permission, the guard lets it."""
        candidates = [
            a for a in self.actions.values()
            if record.status in a.sources and actor.has_perm(a.permission)
        ]
        if not candidates or not self.model.objects.restrict(actor, "view").filter(pk=record.pk).exists():
            return []
        return [a.name for a in candidates if a.guard is None or a.guard(record) is None]

    def steps(self, record) -> models.QuerySet:
        """The record's transition log, oldest first, with the actors."""
        return self.log_model.objects.filter(**{self.log_fk: record}).select_related("actor").order_by("at", "pk")

    # --- writing -------------------------------------------------------------------------------
    def transition(self, *, record, actor, action: str, comment: str = "", document_no: str = "",
                   document_on: date | None = None, signer: str = "",
                   changes: dict | Callable[[Any], dict] | None = None,
                   target: str | None = None, check: Callable[[Any], None] | None = None,
                   after: Callable[[Any], None] | None = None):
        """Take step ``action`` on ``record`` for ``actor`` (see the module's docstring).

        ``changes`` are field values set on the record (or a function of the locked row giving
        them, for values that depend on its current state); ``target`` overrides the step's status
        (a reply that disagrees routes to the Prime Minister's referral); ``check(locked)`` may
        refuse with the row locked (TransitionNotAllowed or ValidationError); ``after(locked)``
        writes dependent rows once the record is saved. Returns the saved record.
        """
        spec = self.actions[action]
        if not actor.has_perm(spec.permission):
            raise PermissionDenied(self.messages["forbidden"] % {"action": spec.verb_text})
        with transaction.atomic():
            locked = (
                self.model.objects.restrict(actor, "view").select_for_update().filter(pk=record.pk).first()
            )
            if locked is None:
                raise PermissionDenied(str(self.messages["out_of_reach"]))
            if locked.status not in spec.sources:
                # "draft", "in force", "referred to the Prime Minister": only the first letter lowered.
                status = str(locked.get_status_display())
                raise TransitionNotAllowed(
                    self.messages["not_allowed"] % {"action": spec.verb_text, "status": status[:1].lower() + status[1:]}
                )
            if spec.guard is not None:
                reason = spec.guard(locked)
                if reason:
                    raise TransitionNotAllowed(reason)
            if check is not None:
                check(locked)
            from_status = locked.status
            if callable(changes):
                changes = changes(locked)
            for name, value in (changes or {}).items():
                setattr(locked, name, value)
            new_status = target or spec.target
            if new_status is not None:
                locked.status = new_status
            locked._history_user = actor
            locked._change_reason = action
            locked.full_clean()
            locked.save()
            if after is not None:
                after(locked)
            step = self.log_model.objects.create(
                **{self.log_fk: locked}, action=action, from_status=from_status, to_status=locked.status,
                actor=actor, comment=comment, document_no=document_no, document_on=document_on, signer=signer,
            )
            send_transition_done(record=locked, action=action, from_status=from_status, to_status=locked.status,
                                 actor=actor, transition=step)
        return locked

    def run(self, action: str, *, record, actor, data: dict):
        """Call a step's service with the inputs it takes, from the API's or a form's data."""
        if action not in self.actions:
            raise KeyError(action)
        spec = self.actions[action]
        kwargs = {name: data.get(name, INPUTS[name].default) for name in spec.inputs}
        for name, other in spec.fallbacks:
            if not kwargs.get(name):
                kwargs[name] = data.get(other, kwargs.get(name))
        return self.service(action)(**{self.record_arg: record}, actor=actor, **kwargs)


# --- the inputs steps take -------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One input a step may take, with its kind; the API and the web forms build their fields
    from these (``text``, ``line``, ``date``, ``int``, ``choice``, ``multi``, ``bool``, ``rows``,
    ``files``, ``id``). ``default`` is what the service receives when the input is left out."""

    name: str
    kind: str
    label: Label
    default: Any = ""
    choices: Callable[[], list[tuple[str, Label]]] | None = None
    help: Label = ""
    max_length: int | None = None


def _reception_choices():
    from foreign_affairs.delegations.choices import Reception

    return list(Reception.choices)


def _position_choices():
    from .choices import ConsultationPosition

    return list(ConsultationPosition.choices)


def _cost_item_choices():
    from foreign_affairs.delegations.choices import CostItemKind

    return list(CostItemKind.choices)


def _rating_choices():
    return [(i, str(i)) for i in range(1, 6)]


INPUTS: dict[str, Input] = {i.name: i for i in (
    Input("comment", "text", gettext_lazy("Comment")),
    Input("opinion", "text", gettext_lazy("Opinion of the foreign-affairs office")),
    Input("decision_no", "line", gettext_lazy("Decision number"), max_length=100),
    Input("decision_on", "date", gettext_lazy("Decision date"), default=None),
    Input("signer", "line", gettext_lazy("Signed by"), max_length=200),
    Input("document_no", "line", gettext_lazy("Document number"), max_length=100),
    Input("document_on", "date", gettext_lazy("Document date"), default=None),
    Input("returned_on", "date", gettext_lazy("Date of return"), default=None,
          help=gettext_lazy("Empty: the delegation's end date.")),
    Input("report", "text", gettext_lazy("Report")),
    Input("outcomes", "text", gettext_lazy("Outcomes"), default=None),
    Input("leads", "text", gettext_lazy("Investment and trade leads")),
    Input("followups", "text", gettext_lazy("Follow-up tasks")),
    Input("cost_vnd", "int", gettext_lazy("Actual cost (VND)"), default=None,
          help=gettext_lazy("Left empty when cost items are given: their sum becomes the actual cost.")),
    Input("cost_items", "rows", gettext_lazy("Actual cost by item"), default=None, choices=_cost_item_choices),
    Input("photos", "files", gettext_lazy("Photos"), default=None,
          help=gettext_lazy("Kept as attachments of the record (JPEG, PNG, GIF, WebP).")),
    Input("reported_on", "date", gettext_lazy("Report date"), default=None),
    Input("rating", "choice", gettext_lazy("Rating"), default=None, choices=_rating_choices),
    Input("evaluation", "text", gettext_lazy("Evaluation")),
    Input("conditions", "text", gettext_lazy("Conditions of the permit")),
    Input("reception", "choice", gettext_lazy("Reception"), choices=_reception_choices,
          help=gettext_lazy("Received by provincial leaders, or permitted to work with a unit.")),
    Input("body", "line", gettext_lazy("Body consulted"), max_length=255,
          help=gettext_lazy("e.g. Ministry of Foreign Affairs, Provincial Police")),
    Input("sent_on", "date", gettext_lazy("Sent on"), default=None, help=gettext_lazy("Empty: today.")),
    Input("consultation", "id", gettext_lazy("Consultation"), default=None),
    Input("replied_on", "date", gettext_lazy("Reply date"), default=None, help=gettext_lazy("Empty: today.")),
    Input("position", "choice", pgettext_lazy("consultation", "Position"), choices=_position_choices),
    Input("consent", "bool", gettext_lazy("The Prime Minister consents"), default=False),
    Input("applied_on", "date", gettext_lazy("Application date"), default=None, help=gettext_lazy("Empty: today.")),
    Input("signed_on", "date", gettext_lazy("Date of signing"), default=None),
    Input("place", "line", gettext_lazy("Place of signing"), max_length=255),
    Input("number", "line", gettext_lazy("Number"), max_length=100),
    Input("on", "date", gettext_lazy("Date"), default=None, help=gettext_lazy("Empty: today.")),
    Input("valid_from", "date", gettext_lazy("In force from"), default=None),
    Input("valid_until", "date", gettext_lazy("Valid until"), default=None),
    Input("participants", "int", gettext_lazy("Participants"), default=None),
)}


def require_decision(decision_no: str, decision_on: date | None) -> None:
    """A decision needs its number and its date (the document behind the step)."""
    errors = {}
    if not (decision_no or "").strip():
        errors["decision_no"] = _("The decision's number is required.")
    if decision_on is None:
        errors["decision_on"] = _("The decision's date is required.")
    if errors:
        raise ValidationError(errors)


def require_text(value: str, field_name: str, message: str) -> None:
    if not (value or "").strip():
        raise ValidationError({field_name: message})


# --- consultations (agreements and conferences share the pattern) ------------------------------


def consult_step(workflow: Workflow, *, record, actor, consultations: str, body: str, sent_on: date,
                 reply_due_on: date | None, comment: str = "", action: str = "consult"):
    """Send the record's file to one body for its written opinion (a row of the record's
    ``consultations`` related set, with the reply due by the rules). The same body cannot be
    consulted twice while its reply is awaited: a second click is refused."""
    require_text(body, "body", _("Name the body consulted."))
    body = body.strip()

    def check(locked) -> None:
        awaited = getattr(locked, consultations).filter(body__iexact=body, replied_on__isnull=True).first()
        if awaited is not None:
            raise TransitionNotAllowed(_("%(body)s is already consulted and its reply is awaited.")
                                       % {"body": awaited.body})

    def after(locked) -> None:
        item = getattr(locked, consultations).model(body=body, sent_on=sent_on, reply_due_on=reply_due_on)
        setattr(item, workflow.log_fk, locked)
        item._history_user = actor
        item.full_clean()
        item.save()

    return workflow.transition(record=record, actor=actor, action=action, comment=comment or body,
                               document_on=sent_on, check=check, after=after)


def reply_step(workflow: Workflow, *, record, actor, consultations: str, consultation: int | None, position: str,
               replied_on: date, document_no: str = "", comment: str = "", target: str | None = None,
               changes: dict | None = None, action: str = "reply"):
    """Record a consulted body's written reply on its consultation row. A reply already
    recorded is refused (a second click changes nothing)."""
    from .choices import ConsultationPosition

    errors = {}
    if not consultation:
        errors["consultation"] = _("Choose the consultation this reply answers.")
    if position not in ConsultationPosition.values:
        errors["position"] = _("Give the body's position: agree, agree with comments or disagree.")
    if errors:
        raise ValidationError(errors)
    holder = {}

    def check(locked) -> None:
        item = getattr(locked, consultations).filter(pk=consultation).first()
        if item is None:
            raise ValidationError({"consultation": _("There is no such consultation on this record.")})
        if not item.pending:
            raise TransitionNotAllowed(_("The reply of %(body)s is already recorded.") % {"body": item.body})
        holder["item"] = item

    def after(locked) -> None:
        item = holder["item"]
        item.replied_on, item.position, item.document_no, item.comments = replied_on, position, document_no, comment
        item._history_user = actor
        item.full_clean()
        item.save()

    return workflow.transition(record=record, actor=actor, action=action, comment=comment, document_no=document_no,
                               document_on=replied_on, target=target, changes=changes, check=check, after=after)


def pending_consultation_choices(record) -> list[tuple[int, str]]:
    """The consultations of a record still awaiting a reply, for the reply form."""
    return [(c.pk, f"{c.body} ({c.sent_on:%d/%m/%Y})") for c in record.consultations.filter(replied_on__isnull=True)]


PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def photos_check(photos) -> list:
    """Photos uploaded with a report (kept as the record's attachments): images only, each within
    the attachment size limit. Returns them as a list."""
    from pathlib import PurePath

    from django.conf import settings

    photos = list(photos or [])
    for upload in photos:
        name = PurePath(upload.name.replace("\\", "/")).name
        if PurePath(name).suffix.lower() not in PHOTO_EXTENSIONS:
            raise ValidationError({"photos": _("%(name)s is not a photo (JPEG, PNG, GIF or WebP).") % {"name": name}})
        if upload.size > settings.ATTACHMENT_MAX_BYTES:
            raise ValidationError({"photos": _("%(name)s is larger than %(limit)s MB.") % {
                "name": name, "limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}})
    return photos
