"""In-app notifications (thông báo) and each user's secret calendar-feed address."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.querysets import RestrictedQuerySet


class NotificationQuerySet(RestrictedQuerySet):
    """A notification is its recipient's alone: ``restrict`` shows a user their own and nobody
    else's, whatever their role (no model permission is involved)."""

    def restrict(self, user, action: str = "view") -> NotificationQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one user about one record: a step of a workflow that concerns them (a
    proposal returned, approved, awaiting their decision), or a reminder (a report overdue).

    The record is named by app label, model and id, with the page to open it, its title at the
    time, and the step's details in ``params``; the text is composed from ``verb`` when shown, in
    the reader's language (see ``rules.message``). ``key`` makes a reminder idempotent: one
    recipient never gets two notifications with the same key (e.g. one per report and day).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    verb = models.CharField(_("what happened"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    app_label = models.CharField(_("record group"), max_length=50, blank=True)
    model_name = models.CharField(_("record type"), max_length=50, blank=True)
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    record_label = models.CharField(_("record"), max_length=500, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    params = models.JSONField(_("details"), default=dict, blank=True)
    key = models.CharField(_("key"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notification_recent"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="notification_once_per_key",
                violation_error_message=_("This user has already been notified of this."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.verb} {self.record_label}"

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def message(self) -> str:
        from .rules import message

        return message(self)


class CalendarFeed(models.Model):
    """A user's secret calendar address (an iCalendar feed of their upcoming delegations and
    events, for a calendar program that cannot sign in). Only a hash of the token is kept: the
    address is shown once when it is made, and resetting it makes the old one stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user_id}"
