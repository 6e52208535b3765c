"""Writes on non-ODA aid and foreign NGOs: aid items with their disbursements, the steps of the
aid workflow (Decree 80/2020/NĐ-CP, research/domain.md W5), NGOs and their certificates."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from foreign_affairs.core.services import record_save
from foreign_affairs.economy.services import rows_replace

from .choices import AID_TRANSITIONS, AidStatus
from .models import AidDisbursement, AidItem


class AidTransitionNotAllowed(Exception):
    """The step is not allowed from the aid item's current status (HTTP 409)."""


def aid_item_save(*, item: AidItem, actor, m2m: dict | None = None,
                  disbursements: list[dict] | None = None) -> AidItem:
    """Create or change an aid item; ``disbursements`` (when given) replace its disbursements
    as a whole. The start deadline follows the approval date (aid/rules.py)."""
    with transaction.atomic():
        record_save(instance=item, actor=actor, m2m=m2m)
        if disbursements is not None:
            rows_replace(model=AidDisbursement, parent_field="item", parent=item, rows=disbursements, actor=actor)
    return item


# The date each step records on the item, and whether the step needs it.
_STEP_DATE = {
    AidStatus.APPRAISING: "file_complete_on",
    AidStatus.APPROVED: "approved_on",
    AidStatus.IMPLEMENTING: "started_on",
    AidStatus.COMPLETED: "ended_on",
    AidStatus.SETTLED: "settled_on",
}


def aid_item_next_statuses(item: AidItem) -> tuple[str, ...]:
    """The statuses the item may move to from where it is."""
    return AID_TRANSITIONS.get(item.status, ())


def aid_item_transition(*, item: AidItem, actor, to: str, on: date | None = None, decision_no: str = "",
                        note: str = "") -> AidItem:
    """Move an aid item one step along its workflow: proposed → appraising (the complete file's
    date) → approved (the approval decision's number and date) or not accepted → implementing
    (the start date; the approval may be revoked if it does not come by the start deadline) →
    completed → settled. ``on`` is the step's date (today when not given); ``note`` goes into the
    history as the reason. A step not allowed from the current status is refused and changes
    nothing; a date that breaks the order of the item's dates is refused naming the field."""
    if not actor.has_perm("aid.change_aiditem"):
        raise PermissionDenied(_("Your role may not change aid items."))
    with transaction.atomic():
        locked = AidItem.objects.restrict(actor, "change").select_for_update().filter(pk=item.pk).first()
        if locked is None:
            raise PermissionDenied(_("This aid item is outside what your account can reach."))
        if to not in aid_item_next_statuses(locked):
            labels = dict(AidStatus.choices)
            raise AidTransitionNotAllowed(
                _("An aid item that is %(status)s cannot become %(to)s.")
                % {"status": str(locked.get_status_display()).lower(), "to": str(labels.get(to, to)).lower()}
            )
        if to == AidStatus.APPROVED and not decision_no.strip() and not locked.approval_no:
            raise ValidationError({"decision_no": _("Give the number of the approval decision.")})
        day = on or timezone.localdate()
        attr = _STEP_DATE.get(to)
        if attr is not None and not (attr == "file_complete_on" and locked.file_complete_on and on is None):
            setattr(locked, attr, day)
        if to == AidStatus.APPROVED and decision_no.strip():
            locked.approval_no = decision_no.strip()
        locked.status = to
        # The reason is stored data: the status code, not a label in the actor's language.
        reason = f"aid workflow: {to}" + (f": {note.strip()}" if note.strip() else "")
        record_save(instance=locked, actor=actor, reason=reason)
    return locked
