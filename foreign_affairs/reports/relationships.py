"""Sức khỏe quan hệ đối tác: for every foreign partner, how alive the relationship is — the last
exchange at provincial-leader level, how many exchanges a year, the agreements in force and
those running out, what is still open, the anniversaries coming up — with the dormant ones
first, because those are the ones a partnership loses without anyone deciding it.

Exchanges are what the register holds: delegations that took place (either direction) with the
partner, events held with it, and the interactions logged on its page. Open follow-ups are only
what the data records as open: trips with the partner whose post-trip report is still due
(status completed, not yet reported) and agreements with it still being prepared (drafting,
consulting, approved to sign). Nothing is guessed from free text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from foreign_affairs.agreements.choices import AgreementStatus
from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import User
from foreign_affairs.delegations.choices import TOOK_PLACE, DelegationStatus, Level
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.choices import EVENT_HELD
from foreign_affairs.events.models import Event
from foreign_affairs.partners.choices import Relationship
from foreign_affairs.partners.models import Interaction, Partner

DEFAULT_DORMANT_YEARS = 2
ANNIVERSARY_STEP = 5  # 5, 10, 15, 20, 25, 30… years
IN_PREPARATION = (AgreementStatus.DRAFTING, AgreementStatus.CONSULTING, AgreementStatus.APPROVED)


def years_later(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February in other years)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass
class Anniversary:
    """A round anniversary in the next twelve months: of the relationship or of an agreement."""

    on: date
    years: int
    kind: str  # "relationship" or "agreement"
    title: str
    record: Agreement | None = None


@dataclass
class PartnerHealth:
    """One partner's relationship as the register shows it today."""

    partner: Partner
    last_leader_exchange: date | None = None
    last_exchange: date | None = None
    exchanges_by_year: dict[int, int] = field(default_factory=dict)
    active_agreements: int = 0
    expiring_agreements: int = 0
    next_expiry: date | None = None
    reports_outstanding: int = 0
    agreements_in_preparation: int = 0
    anniversaries: list[Anniversary] = field(default_factory=list)
    dormant: bool = False
    dormant_reason: str = ""

    @property
    def open_followups(self) -> int:
        return self.reports_outstanding + self.agreements_in_preparation

    @property
    def exchanges_total(self) -> int:
        return sum(self.exchanges_by_year.values())


def _readable(model, user: User | None) -> QuerySet:
    return model._default_manager.restrict(user, "view") if user is not None else model._default_manager.all()


def _events_held(qs: QuerySet) -> QuerySet:
    return qs.filter(status__in=EVENT_HELD)


def relationship_health(*, today: date, dormant_after_years: int = DEFAULT_DORMANT_YEARS,
                        partners: QuerySet[Partner] | None = None, user: User | None = None,
                        years: int = 5, expiry_days: int = 180) -> list[PartnerHealth]:
    """Every partner of ``partners`` (all by default) with the health of its relationship as of
    ``today``, counting only records ``user`` may read:

    - ``last_leader_exchange``: the latest delegation at provincial-leader level, either
      direction, with the partner, that took place (started on or before today);
    - ``exchanges_by_year`` for the ``years`` years up to today's: delegations that took place,
      events held and interactions logged, by their date; ``last_exchange`` the latest of these;
    - ``active_agreements``: in force and valid today (valid from/until around today, open ends
      allowed); ``expiring_agreements`` of those the ones ending within ``expiry_days``;
    - open follow-ups: post-trip reports still due on trips with the partner, agreements with it
      still in preparation;
    - round anniversaries (every 5 years) in the next twelve months of the relationship's
      ``since`` date and of the signing of its agreements (terminated ones left out);
    - ``dormant``: relationship level ``dormant``, or no exchange in the last
      ``dormant_after_years`` years (or none ever recorded).

    Dormant partners first, then the others; each group from the longest silence to the latest
    exchange. Thirteen queries, whatever the number of partners and records.
    """
    partners = (partners if partners is not None else Partner.objects.all()).select_related("country")
    rows = {p.pk: PartnerHealth(partner=p) for p in partners.order_by("name_en", "pk")}
    if not rows:
        return []
    ids = list(rows)
    first_year = today.year - max(years, 1) + 1
    horizon = years_later(today, 1) - timedelta(days=1)

    delegations = _readable(Delegation, user).filter(status__in=TOOK_PLACE, start_on__lte=today, partners__in=ids)
    for item in (delegations.filter(level=Level.PROVINCIAL_LEADER).order_by().values("partners")
                 .annotate(last=Max("start_on"))):
        rows[item["partners"]].last_leader_exchange = item["last"]

    events = _events_held(_readable(Event, user).filter(start_on__lte=today, partners__in=ids))
    interactions = _readable(Interaction, user).filter(date__lte=today, partner__in=ids)
    sources = ((delegations, "partners", "start_on"), (events, "partners", "start_on"),
               (interactions, "partner", "date"))
    for qs, key, day in sources:
        for item in qs.order_by().values(key).annotate(last=Max(day)):
            row = rows[item[key]]
            row.last_exchange = max(filter(None, (row.last_exchange, item["last"])), default=None)
        per_year = (qs.filter(**{f"{day}__year__gte": first_year}).order_by()
                    .annotate(y=ExtractYear(day)).values(key, "y").annotate(n=Count("pk", distinct=True)))
        for item in per_year:
            counts = rows[item[key]].exchanges_by_year
            counts[item["y"]] = counts.get(item["y"], 0) + item["n"]

    agreements = _readable(Agreement, user).filter(partners__in=ids)
    valid_today = (Q(status=AgreementStatus.IN_FORCE) & (Q(valid_from__isnull=True) | Q(valid_from__lte=today))
                   & (Q(valid_until__isnull=True) | Q(valid_until__gte=today)))
    expiring = valid_today & Q(valid_until__lte=today + timedelta(days=expiry_days))
    for item in (agreements.order_by().values("partners").annotate(
            active=Count("pk", filter=valid_today, distinct=True),
            expiring=Count("pk", filter=expiring, distinct=True),
            preparing=Count("pk", filter=Q(status__in=IN_PREPARATION), distinct=True))):
        row = rows[item["partners"]]
        row.active_agreements, row.expiring_agreements = item["active"], item["expiring"]
        row.agreements_in_preparation = item["preparing"]
    for partner_id, until in (agreements.filter(expiring).order_by("valid_until")
                              .values_list("partners", "valid_until")):
        if rows[partner_id].next_expiry is None:
            rows[partner_id].next_expiry = until

    for item in (_readable(Delegation, user).filter(status=DelegationStatus.COMPLETED, partners__in=ids)
                 .order_by().values("partners").annotate(n=Count("pk", distinct=True))):
        rows[item["partners"]].reports_outstanding = item["n"]

    for row in rows.values():
        since = row.partner.since
        if since:
            row.anniversaries += _round_anniversaries(since, today, horizon, "relationship",
                                                      _("Relationship since %(date)s") % {
                                                          "date": since.strftime("%d/%m/%Y")})
    signed = (agreements.filter(signed_on__isnull=False).exclude(status=AgreementStatus.TERMINATED)
              .distinct().order_by("signed_on", "pk").prefetch_related("partners"))
    for agreement in signed:
        for partner in agreement.partners.all():
            if partner.pk in rows:
                rows[partner.pk].anniversaries += _round_anniversaries(
                    agreement.signed_on, today, horizon, "agreement", agreement.title, record=agreement)

    quiet_since = years_later(today, -dormant_after_years)
    for row in rows.values():
        row.anniversaries.sort(key=lambda a: (a.on, a.kind))
        if row.partner.relationship == Relationship.DORMANT:
            row.dormant, row.dormant_reason = True, _("Marked dormant")
        elif row.last_exchange is None:
            row.dormant, row.dormant_reason = True, _("No exchange recorded")
        elif row.last_exchange < quiet_since:
            row.dormant = True
            row.dormant_reason = _("No exchange for more than %(years)d years") % {"years": dormant_after_years}
    return sorted(rows.values(), key=lambda r: (not r.dormant, r.last_exchange or date.min, r.partner.name_en,
                                                r.partner.pk))


def _round_anniversaries(origin: date, today: date, horizon: date, kind: str, title: str, *,
                         record: Agreement | None = None) -> list[Anniversary]:
    found = []
    for years in range(ANNIVERSARY_STEP, 200, ANNIVERSARY_STEP):
        on = years_later(origin, years)
        if on > horizon:
            break
        if on >= today:
            found.append(Anniversary(on=on, years=years, kind=kind, title=title, record=record))
    return found


def exchange_years(today: date, years: int = 5) -> list[int]:
    """The years the exchange columns cover, oldest first."""
    return list(range(today.year - max(years, 1) + 1, today.year + 1))


def upcoming_anniversaries(rows: Sequence[PartnerHealth]) -> list[tuple[Anniversary, Partner]]:
    """Every anniversary of ``rows`` in date order, with its partner."""
    found = [(a, row.partner) for row in rows for a in row.anniversaries]
    return sorted(found, key=lambda pair: (pair[0].on, pair[1].name_en))


def by_relationship(rows: Sequence[PartnerHealth]) -> dict[str, int]:
    """How many partners of ``rows`` are at each relationship level (``""``: none recorded)."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.partner.relationship or ""] += 1
    return dict(counts)
