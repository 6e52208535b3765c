"""Đối tác nước ngoài: the province's foreign partners, their contact people and the exchanges with them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import AttachmentBase, Country, Field, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import InteractionKind, PartnerKind, Relationship


class Partner(RecordModel):
    """A foreign counterpart: a Lao province, a Korean city, an embassy, an investor, an NGO.
    Names are kept in Vietnamese, English and the partner's own script, plus aliases."""

    ref_prefix = "partner"
    search_fields = ("ref", "name_en", "name_vi", "name_native", "aliases", "website", "notes")

    kind = models.CharField(_("kind"), max_length=40, choices=PartnerKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=255)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255, blank=True)
    name_native = models.CharField(_("name (own script)"), max_length=255, blank=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="partners")
    relationship = models.CharField(_("relationship"), max_length=30, choices=Relationship.choices, blank=True)
    since = models.DateField(_("relationship since"), null=True, blank=True)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="partners")
    website = models.URLField(_("website"), blank=True)

    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name_vi", "name_en")


class Contact(models.Model):
    """A person at a partner the office deals with."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Interaction(models.Model):
    """An exchange with a partner (meeting, letter, call), for the relationship's log."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="interactions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=InteractionKind.choices, default=InteractionKind.MEETING)
    summary = models.TextField(_("summary"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"


class PartnerAttachment(AttachmentBase):
    record = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="attachments")

    objects = RestrictedQuerySet.as_manager()

    class Meta(AttachmentBase.Meta):
        verbose_name = _("partner attachment")
