"""Reads behind the web app's home page: this year's figures per pillar, what is coming up and
the latest changes. Counting rules follow the indicator catalogue (DESIGN §2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Min, QuerySet

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import Unit
from foreign_affairs.delegations.choices import TOOK_PLACE, Direction, Reception
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.choices import EVENT_HELD
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner


@dataclass
class PillarFigures:
    """One pillar's figures for a period."""

    pillar: str
    label: str
    delegations_out: int = 0
    delegations_in_received: int = 0
    delegations_in_permitted: int = 0
    events_held: int = 0


@dataclass
class YearFigures:
    """The figures of the home page for 1 January to ``until`` of one year."""

    year: int
    start: date
    end: date
    pillars: list[PillarFigures]
    agreements_signed: int = 0

    @property
    def totals(self) -> PillarFigures:
        total = PillarFigures(pillar="", label="")
        for row in self.pillars:
            total.delegations_out += row.delegations_out
            total.delegations_in_received += row.delegations_in_received
            total.delegations_in_permitted += row.delegations_in_permitted
            total.events_held += row.events_held
        return total


def _scoped(model, user) -> QuerySet:
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def _by_pillar(qs: QuerySet) -> dict[str, int]:
    return {row["pillar"]: row["n"] for row in qs.values("pillar").order_by().annotate(n=Count("pk"))}


def year_figures(*, year: int, until: date | None = None, user=None) -> YearFigures:
    """This year's figures per pillar, from 1 January to ``until`` (the whole year when None).

    - outgoing delegations that took place (completed, reported, evaluated), by start date;
    - incoming delegations that took place and were received by provincial leaders, by start date;
    - incoming delegations permitted to work with a unit, by permit date;
    - events held (status held or reported), by start date;
    - agreements signed, by signed date (agreements carry no pillar).

    With ``user``, only the records that user may view are counted.
    """
    start = date(year, 1, 1)
    end = min(date(year, 12, 31), until) if until else date(year, 12, 31)
    delegations = _scoped(Delegation, user)
    out = _by_pillar(
        delegations.filter(direction=Direction.OUTGOING, status__in=TOOK_PLACE, start_on__range=(start, end))
    )
    received = _by_pillar(
        delegations.filter(
            direction=Direction.INCOMING,
            reception=Reception.RECEIVED,
            status__in=TOOK_PLACE,
            start_on__range=(start, end),
        )
    )
    permitted = _by_pillar(
        delegations.filter(direction=Direction.INCOMING, reception=Reception.PERMITTED, permit_on__range=(start, end))
    )
    events = _by_pillar(_scoped(Event, user).filter(status__in=EVENT_HELD, start_on__range=(start, end)))
    pillars = [
        PillarFigures(
            pillar=value,
            label=str(label),
            delegations_out=out.get(value, 0),
            delegations_in_received=received.get(value, 0),
            delegations_in_permitted=permitted.get(value, 0),
            events_held=events.get(value, 0),
        )
        for value, label in Pillar.choices
    ]
    signed = _scoped(Agreement, user).filter(signed_on__range=(start, end)).count()
    return YearFigures(year=year, start=start, end=end, pillars=pillars, agreements_signed=signed)


@dataclass
class Upcoming:
    """What needs attention soon."""

    delegations: list[Delegation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    expiring_agreements: list[Agreement] = field(default_factory=list)


def upcoming(*, today: date, user=None, days: int = 60, expiry_days: int = 90, limit: int = 10) -> Upcoming:
    """Delegations and events starting in the next ``days`` days (today included) and
    agreements whose validity ends in the next ``expiry_days`` days, soonest first."""
    horizon = today + timedelta(days=days)
    expiry = today + timedelta(days=expiry_days)
    return Upcoming(
        delegations=list(
            _scoped(Delegation, user)
            .filter(start_on__range=(today, horizon))
            .select_related("host_unit")
            .prefetch_related("countries")
            .order_by("start_on", "pk")[:limit]
        ),
        events=list(
            _scoped(Event, user)
            .filter(start_on__range=(today, horizon))
            .select_related("country")
            .order_by("start_on", "pk")[:limit]
        ),
        expiring_agreements=list(
            _scoped(Agreement, user)
            .filter(valid_until__range=(today, expiry))
            .prefetch_related("partners")
            .order_by("valid_until", "pk")[:limit]
        ),
    )


@dataclass
class Change:
    """One entry of the recent-changes list."""

    date: datetime
    user: str | None
    type: str  # created, changed, deleted
    model: type
    record_id: int
    label: str
    exists: bool


HISTORY_MODELS = (Partner, Agreement, Delegation, Event, Unit)
MERGE_SECONDS = 60


def recent_changes(*, user=None, limit: int = 10) -> list[Change]:
    """The latest changes to register records, newest first.

    One save of a record with its links writes several history rows (the record, then each
    many-to-many list); rows of the same record by the same user within ``MERGE_SECONDS`` are
    shown as one change ("created" if one of them was the creation). One query per record type,
    and one more per type to know which records still exist.
    """
    rows: list[tuple] = []
    for model in HISTORY_MODELS:
        opts = model._meta
        if user is not None and not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        history = model.history.select_related("history_user").order_by("-history_date", "-history_id")
        rows.extend((row.history_date, row.history_id, model, row) for row in history[: limit * 4])
    rows.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    types = {"+": "created", "~": "changed", "-": "deleted"}
    changes: list[Change] = []
    for when, _id, model, row in rows:
        who = row.history_user.get_username() if row.history_user else None
        last = changes[-1] if changes else None
        if (
            last is not None
            and last.model is model
            and last.record_id == row.id
            and last.user == who
            and (last.date - when).total_seconds() <= MERGE_SECONDS
        ):
            if row.history_type == "+":
                last.type = "created"
            continue
        if len(changes) == limit:
            break
        changes.append(
            Change(
                date=when,
                user=who,
                type=types[row.history_type],
                model=model,
                record_id=row.id,
                label=str(row.instance),
                exists=False,
            )
        )
    ids_by_model: dict[type, set[int]] = {}
    for change in changes:
        ids_by_model.setdefault(change.model, set()).add(change.record_id)
    for model, ids in ids_by_model.items():
        alive = set(_scoped(model, user).filter(pk__in=ids).values_list("pk", flat=True))
        for change in changes:
            if change.model is model:
                change.exists = change.record_id in alive
    return changes


def record_years(*, user=None, around: int) -> list[int]:
    """Every year from the first delegation or event the user may view to this year (or the
    last record, if later), newest first: the choices of the home page's year switch."""
    first, last = around, around
    for model in (Delegation, Event):
        bounds = _scoped(model, user).aggregate(first=Min("start_on"), last=Max("start_on"))
        if bounds["first"] is not None:
            first, last = min(first, bounds["first"].year), max(last, bounds["last"].year)
    return list(range(last, first - 1, -1))
