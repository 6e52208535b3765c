"""The receiver of ``core.signals.transition_done``: every committed workflow step is turned
into notifications (and e-mail) for the people the rules name."""

from __future__ import annotations

import logging

from .rules import rules_for

logger = logging.getLogger(__name__)


def notify_transition(sender, *, record, action: str, from_status: str, to_status: str, actor=None,
                      transition=None, **kwargs) -> None:
    """Notify the audiences of the rules for this record type and step. Generic: it reads only
    the record's model and the step; a model or step without rules notifies nobody. It never
    raises — the step is already committed, and a notification problem must not look like a
    failed step to the user who took it."""
    try:
        rules = rules_for(model=record._meta.label_lower, action=action, to_status=to_status)
        if not rules:
            return
        from .services import audience_users, can_open, notify

        params = {"action": action, "from_status": from_status, "to_status": to_status}
        comment = getattr(transition, "comment", "") or ""
        if comment:
            params["comment"] = comment[:2000]
        told = {getattr(actor, "pk", None)}
        for rule in rules:
            recipients = [
                user for user in audience_users(record=record, audience=rule.audience)
                if user.pk not in told and can_open(user, record)
            ]
            told.update(user.pk for user in recipients)
            if recipients:
                notify(recipients=recipients, verb=rule.verb, record=record, actor=actor, params=params)
    except Exception:  # noqa: BLE001 - see the docstring
        logger.exception("notifications: %s of %s #%s not notified", action, record._meta.label_lower,
                         getattr(record, "pk", None))
