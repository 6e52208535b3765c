"""Writes of the notifications app: notifying people of a record, e-mailing them, marking
notifications read, and making or resetting a user's calendar-feed address."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from foreign_affairs.core.choices import Role
from foreign_affairs.core.models import Unit, User
from foreign_affairs.core.selectors import unit_ancestors

from .models import CalendarFeed, Notification
from .rules import APPROVERS, OFFICE, UNIT

logger = logging.getLogger(__name__)


# --- who -----------------------------------------------------------------------------------------


def record_unit_ids(record) -> set[int]:
    """The units a record belongs to (by its model's ``unit_scope``) and every unit above them:
    the units whose officers see it. Empty for a record without a unit."""
    scope = getattr(type(record), "unit_scope", None)
    if not scope or record.pk is None:
        return set()
    ids = {
        pk for pk in type(record)._default_manager.filter(pk=record.pk).values_list(scope, flat=True)
        if pk is not None
    }
    for unit in Unit.objects.filter(pk__in=ids).select_related("parent"):
        ids.update(ancestor.pk for ancestor in unit_ancestors(unit))
    return ids


def audience_users(*, record, audience: str) -> QuerySet[User]:
    """The active users of one audience of ``rules`` for a record (see rules.AUDIENCES)."""
    users = User.objects.filter(is_active=True).order_by("username")
    if audience == OFFICE:
        return users.filter(role=Role.OFFICER)
    if audience == APPROVERS:
        return users.filter(role=Role.APPROVER)
    if audience == UNIT:
        unit_ids = record_unit_ids(record)
        return users.filter(role=Role.UNIT_OFFICER, unit_id__in=unit_ids) if unit_ids else users.none()
    raise ValueError(f"unknown audience {audience!r}")


def can_open(user: User, record) -> bool:
    """Whether the user may open the record (a notification never reveals one they cannot)."""
    manager = type(record)._default_manager
    if not hasattr(manager, "restrict"):
        return True
    return manager.restrict(user, "view").filter(pk=record.pk).exists()


def record_url(record) -> str:
    """The record's page, or "" for a record type the web app has no page for."""
    from foreign_affairs.web.registry import url_for

    try:
        return url_for(record) or ""
    except Exception:  # noqa: BLE001 - a record type without pages yet: a notification without link
        return ""


def actor_name(actor: User | None) -> str:
    if actor is None:
        return ""
    return actor.get_full_name() or actor.get_username()


# --- notify --------------------------------------------------------------------------------------


def notifications_create(*, recipients: Iterable[User], verb: str, record, actor: User | None = None,
                         params: dict | None = None, key: str = "") -> list[Notification]:
    """Notify each recipient of ``verb`` about ``record``; returns the notifications made.

    With a ``key``, a recipient who already has a notification with that key gets none (a
    reminder sent once per report and day, even if the daily job runs twice or at once).
    """
    opts = record._meta
    common = {
        "verb": verb,
        "actor": actor,
        "app_label": opts.app_label,
        "model_name": opts.model_name,
        "object_id": record.pk,
        "record_label": Truncator(str(record)).chars(500),
        "url": record_url(record)[:300],
        "params": {"actor": actor_name(actor), **(params or {})},
        "key": key,
    }
    created = []
    with transaction.atomic():
        for user in recipients:
            notification = Notification(recipient=user, **common)
            notification.full_clean(validate_unique=False, validate_constraints=False)
            if key:
                try:
                    with transaction.atomic():
                        notification.save()
                except IntegrityError:
                    continue  # already notified with this key
            else:
                notification.save()
            created.append(notification)
    return created


def absolute_url(path: str) -> str:
    """A link for an e-mail: the site address (FA_BASE_URL) followed by the path."""
    base = (settings.FA_BASE_URL or "").rstrip("/")
    return f"{base}{path}" if path else base


def notification_email(notification: Notification) -> EmailMessage | None:
    """The e-mail telling the recipient what the notification says (None: no address)."""
    recipient = notification.recipient
    if not recipient.email:
        return None
    from django.urls import reverse

    # In the recipient's language: the one they last chose in the header (Vietnamese until then).
    with translation.override(getattr(recipient, "language", "") or settings.LANGUAGE_CODE):
        text = notification.message
        lines = [text]
        comment = (notification.params or {}).get("comment")
        if comment:
            lines += ["", _("Comment: %(comment)s") % {"comment": comment}]
        if notification.url:
            lines += ["", absolute_url(notification.url)]
        footer = _("Your notifications and worklist: %(url)s") % {"url": absolute_url(reverse("notifications:list"))}
        lines += ["", "—", footer]
        site = _("Foreign Affairs Register")
        subject = f"[{site}] {Truncator(text).chars(150)}"
    return EmailMessage(subject=subject, body="\n".join(lines), from_email=settings.DEFAULT_FROM_EMAIL,
                        to=[recipient.email])


def notifications_email(*, notifications: Iterable[Notification], fail_silently: bool = False) -> int:
    """E-mail each notification to its recipient (if they have an address), over one
    connection, and note when; returns the number of e-mails sent."""
    pending = [(n, notification_email(n)) for n in notifications if n.emailed_at is None]
    pending = [(n, m) for n, m in pending if m is not None]
    if not pending:
        return 0
    connection = get_connection(fail_silently=fail_silently)
    sent = connection.send_messages([m for _n, m in pending]) or 0
    if sent:
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n, _m in pending]).update(emailed_at=now)
        for n, _m in pending:
            n.emailed_at = now
    return sent


def notify(*, recipients: Iterable[User], verb: str, record, actor: User | None = None, params: dict | None = None,
           key: str = "", email: bool = True) -> list[Notification]:
    """Notify and, once the notifications are committed, e-mail them. E-mail trouble is logged,
    never raised: the step the notification follows has already happened."""
    created = notifications_create(recipients=recipients, verb=verb, record=record, actor=actor, params=params,
                                   key=key)
    if email and created:
        def send() -> None:
            try:
                notifications_email(notifications=created, fail_silently=False)
            except Exception:  # noqa: BLE001 - a mail server down must not undo or break the step
                logger.exception("notifications: e-mail of %s about %s failed", verb, record._meta.label_lower)

        transaction.on_commit(send)
    return created


# --- read ----------------------------------------------------------------------------------------


def notification_mark_read(*, notification: Notification, actor: User) -> Notification:
    """The recipient has seen the notification."""
    if notification.recipient_id != actor.pk:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
    return notification


def notifications_mark_all_read(*, actor: User) -> int:
    """Every unread notification of the user is marked read; returns how many."""
    return Notification.objects.restrict(actor).unread().update(read_at=timezone.now())


# --- calendar feed -------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def calendar_feed_reset(*, actor: User) -> str:
    """Make (or remake) the user's secret calendar address; returns the new token, which is
    shown to the user once. Any earlier address stops working."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=actor).delete()
        CalendarFeed.objects.create(user=actor, token_hash=token_hash(token))
    return token


def calendar_feed_disable(*, actor: User) -> None:
    """Switch the user's calendar address off."""
    CalendarFeed.objects.filter(user=actor).delete()


def calendar_feed_used(*, feed: CalendarFeed) -> None:
    """Note that a calendar program read the feed (at most once an hour, to spare writes)."""
    now = timezone.now()
    if feed.last_used_at is None or (now - feed.last_used_at).total_seconds() > 3600:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
        feed.last_used_at = now
