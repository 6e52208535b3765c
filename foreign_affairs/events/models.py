"""Sự kiện đối ngoại: international conferences, promotion seminars, fairs, festivals and exchanges."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import AttachmentBase, Country, Field, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.partners.models import Partner

from .choices import EventKind


class Event(RecordModel):
    """A foreign-affairs event held or attended by a unit of the province, at home or abroad."""

    ref_prefix = "evt"
    unit_scope = "unit"
    search_fields = ("ref", "title", "place", "notes")

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    pillar = models.CharField(_("pillar"), max_length=10, choices=Pillar.choices)
    title = models.CharField(_("title"), max_length=500)
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), blank=True, related_name="events")
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="events")
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )

    history = HistoricalRecords(m2m_fields=[partners, fields])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="event_date_range",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("An event cannot end before it starts.")})


class EventAttachment(AttachmentBase):
    unit_scope = "record__unit"

    record = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments")

    objects = RestrictedQuerySet.as_manager()

    class Meta(AttachmentBase.Meta):
        verbose_name = _("event attachment")
