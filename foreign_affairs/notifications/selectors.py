"""Reads of the notifications app: a user's notifications, their worklist (what needs their
action, what is overdue, what is coming up) and the records of their calendar feed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from foreign_affairs.core.models import User

from .models import CalendarFeed, Notification

WORKLIST_LIMIT = 50
UPCOMING_DAYS = 30


def notification_list(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's notifications, newest first (unread ones only if asked)."""
    qs = Notification.objects.restrict(user).select_related("actor")
    return qs.unread() if unread_only else qs


def notification_unread_count(*, user: User) -> int:
    """How many notifications the user has not read yet (the navbar's badge)."""
    return Notification.objects.restrict(user).unread().count()


# --- worklist ------------------------------------------------------------------------------------


@dataclass
class WorkItem:
    """One line of a worklist: a record, what it is, and what the user can do about it now."""

    record: object
    kind: str  # the record type's name ("delegation")
    title: str
    url: str
    status: str = ""
    status_display: str = ""
    on: date | None = None  # when it takes place
    until: date | None = None
    due: date | None = None  # a deadline, for overdue items
    unit: str = ""
    actions: list[tuple[str, str]] = field(default_factory=list)  # (action, label)


@dataclass
class WorkSection:
    items: list[WorkItem]
    count: int


@dataclass
class Worklist:
    """What needs the user's action now, what is overdue in their scope, and what is coming up
    in the next days (UPCOMING_DAYS)."""

    needs_action: WorkSection
    overdue: WorkSection
    upcoming: WorkSection
    today: date
    upcoming_until: date


# A workflow step is work waiting for someone when it moves the record on; withdrawing,
# returning and cancelling are always possible but are nobody's pending work. Some steps wait
# only under a condition: a trip is marked as returned once it has ended, and the office
# appraises a proposal it has not appraised yet.
DELEGATION_WORK: dict[str, Callable[[date], Q]] = {
    "submit": lambda today: Q(),
    "appraise": lambda today: Q(appraisal=""),
    "approve": lambda today: Q(),
    "reject": lambda today: Q(),
    "complete": lambda today: Q(last_day__lte=today),
    "report": lambda today: Q(),
    "evaluate": lambda today: Q(),
}


def _delegation_item(delegation, actions=()) -> WorkItem:
    from django.urls import reverse

    return WorkItem(
        record=delegation,
        kind=str(delegation._meta.verbose_name),
        title=delegation.title,
        url=reverse("web:delegations_detail", args=[delegation.pk]),
        status=delegation.status,
        status_display=delegation.get_status_display(),
        on=delegation.start_on,
        until=delegation.end_on,
        due=delegation.report_due_on,
        unit=str(delegation.host_unit) if delegation.host_unit_id else "",
        actions=list(actions),
    )


def delegations_needing_action(*, user: User, today: date, limit: int = WORKLIST_LIMIT) -> WorkSection:
    """Delegations on which the user can take a workflow step that is waiting (DELEGATION_WORK),
    oldest start first, with those steps.

    The steps come from ``delegations.services.allowed_actions``. It depends on the status, the
    user's role and their scope; every row here is already in the user's scope, so one call per
    status shown answers for every row of that status and the page costs the same number of
    queries for ten delegations as for a thousand.
    """
    from foreign_affairs.delegations.models import Delegation
    from foreign_affairs.delegations.services import ACTIONS, allowed_actions
    from foreign_affairs.web.views.workflow import ACTION_LABELS

    wanted = Q(pk__in=[])
    for name, condition in DELEGATION_WORK.items():
        spec = ACTIONS.get(name)
        if spec is not None and user.has_perm(spec.permission):
            wanted |= Q(status__in=spec.sources) & condition(today)
    qs = (
        Delegation.objects.restrict(user, "view")
        .annotate(last_day=Coalesce("end_on", "start_on"))
        .filter(wanted)
        .select_related("host_unit")
        .order_by("start_on", "pk")
    )
    rows = list(qs[:limit])
    by_status: dict[str, list[str]] = {}
    items = []
    for delegation in rows:
        if delegation.status not in by_status:
            by_status[delegation.status] = allowed_actions(delegation=delegation, actor=user)
        actions = [
            (name, str(ACTION_LABELS.get(name, name)))
            for name in by_status[delegation.status]
            if name in DELEGATION_WORK and _condition_holds(name, delegation, today)
        ]
        if actions:
            items.append(_delegation_item(delegation, actions))
    return WorkSection(items=items, count=qs.count())


def _condition_holds(action: str, delegation, today: date) -> bool:
    if action == "complete":
        return (delegation.end_on or delegation.start_on) <= today
    if action == "appraise":
        return not delegation.appraisal
    return True


def overdue_reports(*, user: User, today: date, limit: int = WORKLIST_LIMIT) -> WorkSection:
    """Post-trip reports past their due date in the user's scope, oldest due first."""
    from foreign_affairs.delegations.selectors import delegations_report_overdue

    qs = delegations_report_overdue(user=user, today=today)
    return WorkSection(items=[_delegation_item(d) for d in qs[:limit]], count=qs.count())


# Delegations that will not take place are not "coming up".
NOT_HAPPENING = ("rejected", "withdrawn", "cancelled")


def upcoming_delegations(*, user: User, start: date, end: date) -> QuerySet:
    """Delegations in the user's scope taking place (at least partly) between two dates, not
    rejected, withdrawn or cancelled."""
    from foreign_affairs.delegations.models import Delegation

    return (
        Delegation.objects.restrict(user, "view")
        .annotate(last_day=Coalesce("end_on", "start_on"))
        .filter(start_on__lte=end, last_day__gte=start)
        .exclude(status__in=NOT_HAPPENING)
        .select_related("host_unit")
        .order_by("start_on", "pk")
    )


def upcoming_events(*, user: User, start: date, end: date) -> QuerySet:
    """Events in the user's scope taking place (at least partly) between two dates."""
    from foreign_affairs.events.models import Event

    return (
        Event.objects.restrict(user, "view")
        .annotate(last_day=Coalesce("end_on", "start_on"))
        .filter(start_on__lte=end, last_day__gte=start)
        .select_related("unit", "country")
        .order_by("start_on", "pk")
    )


def _event_item(event) -> WorkItem:
    from django.urls import reverse

    return WorkItem(
        record=event,
        kind=str(event._meta.verbose_name),
        title=event.title,
        url=reverse("web:events_detail", args=[event.pk]),
        status_display=event.get_kind_display(),
        on=event.start_on,
        until=event.end_on,
        unit=str(event.unit) if event.unit_id else "",
    )


def coming_up(*, user: User, today: date, days: int = UPCOMING_DAYS, limit: int = WORKLIST_LIMIT) -> WorkSection:
    """The user's delegations and events starting in the next ``days`` days, soonest first."""
    end = today + timedelta(days=days)
    delegations = upcoming_delegations(user=user, start=today, end=end).filter(start_on__gte=today)
    events = upcoming_events(user=user, start=today, end=end).filter(start_on__gte=today)
    items = [_delegation_item(d) for d in delegations[:limit]] + [_event_item(e) for e in events[:limit]]
    items.sort(key=lambda item: (item.on, item.title))
    return WorkSection(items=items[:limit], count=delegations.count() + events.count())


def worklist(*, user: User, today: date) -> Worklist:
    """The user's worklist page: needs my action, overdue, coming up."""
    return Worklist(
        needs_action=delegations_needing_action(user=user, today=today),
        overdue=overdue_reports(user=user, today=today),
        upcoming=coming_up(user=user, today=today),
        today=today,
        upcoming_until=today + timedelta(days=UPCOMING_DAYS),
    )


# --- calendar feed -------------------------------------------------------------------------------


def calendar_feed_get(*, token: str) -> CalendarFeed | None:
    """The feed a secret token opens, for an active user; None for any other token."""
    from .services import token_hash

    if not token:
        return None
    return (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=token_hash(token), user__is_active=True)
        .first()
    )
