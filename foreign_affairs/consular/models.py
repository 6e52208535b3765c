"""Bảo hộ công dân: citizen-protection cases of the province's people abroad."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import Country, RecordModel
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import CaseKind, CaseStatus


class ConsularCase(RecordModel):
    """A citizen-protection case: a person of the province detained, injured, stranded or
    exploited abroad, followed until it is closed. Personal data (Decree 13/2023/NĐ-CP): only
    the office, provincial leaders and admins may read cases, and every read is logged."""

    ref_prefix = "cc"
    search_fields = ("ref", "summary", "subject_name", "subject_commune", "notes")
    # Fields that name or locate a person.
    personal_fields = ("subject_name", "subject_commune")

    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT,
                                related_name="consular_cases")
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    summary = models.TextField(_("summary"), blank=True)
    subject_name = models.CharField(_("citizen's name"), max_length=200, blank=True)
    subject_commune = models.CharField(_("citizen's commune"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        # The report's period filters (measured in bench/, docs/benchmarks.md).
        indexes = [
            models.Index(fields=["opened_on"], name="cc_opened_idx"),
        ]
        verbose_name = _("consular case")
        verbose_name_plural = _("consular cases")
        ordering = ["-opened_on", "ref"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="consularcase_date_range",
                violation_error_message=_("A case cannot be closed before it is opened."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ref} ({self.get_kind_display()}, {self.country_id})"

    @property
    def title(self) -> str:
        return str(self)

    def clean(self) -> None:
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("A case cannot be closed before it is opened.")})


class ConsularCaseAction(models.Model):
    """One dated step taken on a case: who acted (the Department of Foreign Affairs, the MOFA
    Consular Department, Vietnam's embassy, the family, the recruiting enterprise…) and what was
    done. Part of the case, so personal data like it."""

    case = models.ForeignKey(ConsularCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="actions")
    date = models.DateField(_("date"))
    actor = models.CharField(_("actor"), max_length=255, help_text=_("Who acted: a unit, a mission, the family…"))
    action = models.TextField(pgettext_lazy("consular case", "action"))

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case action")
        verbose_name_plural = _("case actions")
        ordering = ["case", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.actor}"
