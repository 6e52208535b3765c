"""Who hears of what: the table of workflow steps and the people each one concerns, and the
text of each kind of notification.

A rule names a record type (``app_label.model``), the step (its action name, or any step that
ends in a given status) and the audiences told of it, with the verb of their message. A step
that no rule names notifies nobody — agreements and events send ``transition_done`` too, and
their rules are added here as their workflows arrive.

Audiences:
- ``unit``: the unit officers of the record's unit and of the units above it (the proposing,
  sending or organising unit, by the model's ``unit_scope``);
- ``office``: the foreign-affairs office's officers;
- ``approvers``: the provincial leaders who decide.
The person who took the step is never notified of it, and nobody is told of a record they
cannot open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

UNIT, OFFICE, APPROVERS = "unit", "office", "approvers"
AUDIENCES = (UNIT, OFFICE, APPROVERS)


@dataclass(frozen=True)
class Rule:
    """One line of the table: for a step of a record type, who is told, with which message."""

    model: str  # "delegations.delegation"
    audience: str
    verb: str
    action: str | None = None  # the step's name; None: any step ending in ``to_status``
    to_status: str | None = None

    def matches(self, *, model: str, action: str, to_status: str) -> bool:
        return (
            self.model == model
            and (self.action is None or self.action == action)
            and (self.to_status is None or self.to_status == to_status)
        )


DELEGATION = "delegations.delegation"
RULES: tuple[Rule, ...] = (
    # The unit proposes: the office appraises it and the leaders will decide.
    Rule(DELEGATION, OFFICE, "submitted", action="submit"),
    Rule(DELEGATION, APPROVERS, "awaits_decision", action="submit"),
    Rule(DELEGATION, APPROVERS, "appraised", action="appraise"),
    # The proposing unit hears what became of its proposal.
    Rule(DELEGATION, UNIT, "returned", action="return"),
    Rule(DELEGATION, UNIT, "approved", action="approve"),
    Rule(DELEGATION, UNIT, "rejected", action="reject"),
    Rule(DELEGATION, OFFICE, "withdrawn", action="withdraw"),
    Rule(DELEGATION, UNIT, "cancelled", action="cancel"),
    # After the trip: the unit reports to the office, the office evaluates.
    Rule(DELEGATION, OFFICE, "reported", action="report"),
    Rule(DELEGATION, UNIT, "evaluated", action="evaluate"),
)


def rules_for(*, model: str, action: str, to_status: str) -> list[Rule]:
    """The rules that apply to one step, in table order (empty for a step nobody hears of)."""
    return [rule for rule in RULES if rule.matches(model=model, action=action, to_status=to_status)]


# Texts, composed when shown so each reader gets their own language.
VERBS = {
    "submitted": gettext_lazy("%(actor)s submitted “%(record)s” for appraisal."),
    "awaits_decision": gettext_lazy("“%(record)s” awaits your decision."),
    "appraised": gettext_lazy("The foreign-affairs office appraised “%(record)s”; it awaits your decision."),
    "returned": gettext_lazy("“%(record)s” was returned for changes by %(actor)s."),
    "approved": gettext_lazy("“%(record)s” was approved by %(actor)s."),
    "rejected": gettext_lazy("“%(record)s” was rejected by %(actor)s."),
    "withdrawn": gettext_lazy("%(actor)s withdrew “%(record)s”."),
    "cancelled": gettext_lazy("“%(record)s” was cancelled by %(actor)s."),
    "reported": gettext_lazy("%(actor)s filed the report of “%(record)s”."),
    "evaluated": gettext_lazy("%(actor)s evaluated “%(record)s”."),
    "report_overdue": gettext_lazy(
        "The report of “%(record)s” was due on %(due)s and is %(days)s day(s) late."
    ),
}


def message(notification) -> str:
    """The notification's text in the active language."""
    params = notification.params or {}
    due = params.get("due_on")
    values = {
        "record": notification.record_label or "—",
        "actor": params.get("actor") or (_("someone")),
        "action": params.get("action", notification.verb),
        "due": date_format(date.fromisoformat(due), "SHORT_DATE_FORMAT") if due else "—",
        "days": params.get("days", ""),
    }
    template = VERBS.get(notification.verb)
    if template is None:
        return _("“%(record)s”: %(action)s by %(actor)s.") % values
    return str(template) % values
