"""Sự kiện đối ngoại: international conferences, promotion seminars, fairs, festivals and exchanges."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import (
    AttachmentBase,
    ConsultationBase,
    Country,
    Field,
    RecordModel,
    TransitionBase,
    Unit,
)
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.partners.models import Partner

from .choices import EVENT_HELD, Competence, EventKind, EventStatus, GuestRank, SensitiveTopic


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
    status = models.CharField(_("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    # The permit (events/services.py, QĐ 06/2020/QĐ-TTg): whether one is needed beyond what the
    # routing rules say (every conference needs one), the guests' rank and the sensitive topics
    # that decide who permits it, the application and its lead time, the decision, the report.
    needs_permit = models.BooleanField(
        _("needs a permit"), default=False,
        help_text=_("International conferences and seminars always need one (routing rules)."),
    )
    guest_rank = models.CharField(_("highest rank of the foreign guests"), max_length=20,
                                  choices=GuestRank.choices, blank=True)
    topics = models.JSONField(_("sensitive topics"), default=list, blank=True)
    competence = models.CharField(_("permitted by"), max_length=20, choices=Competence.choices, blank=True)
    applied_on = models.DateField(_("application date"), null=True, blank=True)
    apply_by = models.DateField(_("application due by"), null=True, blank=True)
    decision_no = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer = models.CharField(_("decision signed by"), max_length=200, blank=True)
    conditions = models.TextField(_("conditions of the permit"), blank=True)
    report = models.TextField(_("report"), blank=True)
    report_due_on = models.DateField(_("report due"), null=True, blank=True)
    reported_on = models.DateField(_("report submitted"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[partners, fields])

    class Meta:
        # The report's period filters (measured in bench/, docs/benchmarks.md).
        indexes = [
            models.Index(fields=["start_on"], name="evt_start_idx"),
            models.Index(fields=["unit", "start_on"], name="evt_unit_start_idx"),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_on", "title"]
        permissions = [
            ("submit_event", "Can apply for, hold and report events"),
            ("consult_event", "Can consult bodies on event applications and record their replies"),
            ("decide_event", "Can permit or refuse events"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="event_date_range",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_topics_labels(self) -> list[str]:
        labels = dict(SensitiveTopic.choices)
        return [str(labels.get(code, code)) for code in self.topics or []]

    @property
    def held(self) -> bool:
        return self.status in EVENT_HELD

    def clean(self) -> None:
        errors = {}
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = _("An event cannot end before it starts.")
        topics = self.topics if self.topics is not None else []
        if not isinstance(topics, list) or any(t not in SensitiveTopic.values for t in topics):
            errors["topics"] = _("Sensitive topics are codes from the list: %(codes)s.") % {
                "codes": ", ".join(SensitiveTopic.values)}
        if errors:
            raise ValidationError(errors)


class EventConsultation(ConsultationBase):
    """A body consulted on a conference application (the provincial police, the ministry of the
    field, the Ministry of Foreign Affairs when the Prime Minister decides)."""

    unit_scope = "event__unit"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="consultations")

    history = HistoricalRecords()

    class Meta(ConsultationBase.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")


class EventTransition(TransitionBase):
    """One step of an event's workflow (applied, consulted, permitted, held, reported)."""

    unit_scope = "event__unit"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(pgettext_lazy("status change", "from"), max_length=12, choices=EventStatus.choices)
    to_status = models.CharField(pgettext_lazy("status change", "to"), max_length=12, choices=EventStatus.choices)

    class Meta(TransitionBase.Meta):
        pass


class EventAttachment(AttachmentBase):
    unit_scope = "record__unit"

    record = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments")

    objects = RestrictedQuerySet.as_manager()

    class Meta(AttachmentBase.Meta):
        verbose_name = _("event attachment")
