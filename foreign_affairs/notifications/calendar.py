"""The iCalendar feed of a user's delegations and events (RFC 5545, with ``icalendar``).

Each delegation and event is an all-day entry with a stable UID (its type and id), so a
calendar program updates entries instead of duplicating them. Nothing personal is put in: no
member, no head of delegation, no notes — titles, dates, places, units, partners, the status
and the link to the record's page, which asks the reader to sign in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from foreign_affairs.core.models import Country, Province, User

from .selectors import upcoming_delegations, upcoming_events

PAST_DAYS = 30  # entries that ended a month ago stay, so a calendar does not lose them at once
FUTURE_DAYS = 366
UID_DOMAIN = "foreign-affairs-register"
TENTATIVE = ("draft", "proposed")


def _entry(*, uid: str, summary: str, start: date, end: date | None, location: str, url: str,
           description: list[str], changed: datetime, created: datetime, status: str, category: str) -> Event:
    entry = Event()
    entry.add("uid", uid)
    entry.add("dtstamp", changed)
    entry.add("created", created)
    entry.add("last-modified", changed)
    entry.add("summary", summary)
    entry.add("dtstart", start)
    entry.add("dtend", (end or start) + timedelta(days=1))  # all-day: the end date is exclusive
    if location:
        entry.add("location", location)
    entry.add("url", url)
    entry.add("description", "\n".join([*description, url]))
    entry.add("status", status)
    entry.add("transp", "TRANSPARENT")
    if category:
        entry.add("categories", [category])
    return entry


def _names(items) -> str:
    return ", ".join(str(item) for item in items)


def calendar_feed(*, user: User, today: date, absolute: Callable[[str], str]) -> bytes:
    """The user's feed: every delegation and event in their scope (``restrict(user, "view")``,
    as on their own lists) from PAST_DAYS ago to FUTURE_DAYS ahead. ``absolute`` turns a path
    into a full link."""
    from django.urls import reverse

    start, end = today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)
    cal = Calendar()
    cal.add("prodid", "-//Foreign Affairs Register//Calendar feed//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("Foreign Affairs Register"))
    cal.add("x-published-ttl", timedelta(hours=1))
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    province = Province.current()
    countries = Prefetch("countries", queryset=Country.objects.only("code", "name_vi", "name_en"))
    delegations = upcoming_delegations(user=user, start=start, end=end).prefetch_related(countries, "partners")
    for delegation in delegations:
        url = absolute(reverse("web:delegations_detail", args=[delegation.pk]))
        outgoing = delegation.direction == "outgoing"
        place = _names(delegation.countries.all()) if outgoing else str(province)
        description = [
            f"{delegation.get_direction_display()} · {delegation.get_status_display()}",
        ]
        if delegation.host_unit_id:
            description.append(_("Host unit: %(unit)s") % {"unit": delegation.host_unit})
        partners = list(delegation.partners.all())
        if partners:
            description.append(_("Partners: %(names)s") % {"names": _names(partners)})
        cal.add_component(_entry(
            uid=f"delegation-{delegation.pk}@{UID_DOMAIN}", summary=delegation.title, start=delegation.start_on,
            end=delegation.end_on, location=place, url=url, description=description,
            changed=delegation.updated_at, created=delegation.created_at,
            status="TENTATIVE" if delegation.status in TENTATIVE else "CONFIRMED",
            category=capfirst(delegation._meta.verbose_name),
        ))
    for event in upcoming_events(user=user, start=start, end=end).prefetch_related("partners"):
        url = absolute(reverse("web:events_detail", args=[event.pk]))
        place = ", ".join(part for part in (event.place, str(event.country or "")) if part)
        description = [event.get_kind_display()]
        if event.unit_id:
            description.append(_("Organising unit: %(unit)s") % {"unit": event.unit})
        partners = list(event.partners.all())
        if partners:
            description.append(_("Partners: %(names)s") % {"names": _names(partners)})
        cal.add_component(_entry(
            uid=f"event-{event.pk}@{UID_DOMAIN}", summary=event.title, start=event.start_on, end=event.end_on,
            location=place, url=url, description=description, changed=event.updated_at, created=event.created_at,
            status="CONFIRMED", category=event.get_kind_display(),
        ))
    return cal.to_ical()
