"""Báo cáo: the reports the office writes (annual, six-month, quarterly, monthly, any range), for
the province or one unit. The figures and tables are built from the register on demand; what
the officer writes (the assessment: strengths, limits, causes; directions) is kept with the
report; a finalised report keeps the document as it was sent, frozen with its data cut-off."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet

PERIOD_ORDER = _("A report's period cannot end before it starts.")
FINALISED = _("This report is finalised and kept as sent; it cannot be changed or deleted.")


class ReportKindChoice(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    SIX_MONTH = "six_month", _("Six-month")
    NINE_MONTH = "nine_month", _("Nine-month")
    QUARTERLY = "quarterly", _("Quarterly")
    MONTHLY = "monthly", _("Monthly")
    RANGE = "range", _("Any period")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINALISED = "finalised", _("Finalised")


class Report(RecordModel):
    """A report of the office (or of one unit) over a period, with the texts the officer writes.

    While a draft, its figures follow the register. Finalising freezes the whole document (the
    JSON in both languages, and the DOCX and PDF files) with the data cut-off date, so what was
    sent can always be shown again unchanged."""

    ref_prefix = "rpt"
    unit_scope = "unit"
    search_fields = ("ref", "title", "number", "notes")

    kind = models.CharField(_("kind"), max_length=12, choices=ReportKindChoice.choices,
                            default=ReportKindChoice.ANNUAL)
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="reports",
        help_text=_("Empty: the whole province."),
    )
    title = models.CharField(_("title"), max_length=500, blank=True,
                             help_text=_("Empty: the usual title for the kind and period."))
    number = models.CharField(_("document number"), max_length=100, blank=True,
                              help_text=_("e.g. 123/BC-SNgV"))
    place = models.CharField(_("place"), max_length=100, blank=True,
                             help_text=_("Empty: the province's name."))
    issued_on = models.DateField(_("date of the document"), null=True, blank=True)
    issuer_name = models.CharField(_("issuing agency"), max_length=255, blank=True,
                                   help_text=_("Empty: the foreign-affairs office (or the unit)."))
    issuer_parent = models.CharField(_("superior body"), max_length=255, blank=True,
                                     help_text=_("Shown above the issuing agency, e.g. UBND TỈNH NGHỆ AN."))
    signer = models.CharField(_("signed by"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=200, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One recipient per line."))

    context = models.TextField(_("context"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    limitations = models.TextField(_("limitations"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    directions = models.TextField(_("directions and tasks for the next period"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    # Further text the officer adds to a section, by section key (party, state, economic, …).
    section_texts = models.JSONField(_("section texts"), default=dict, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("finalised by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    cutoff_on = models.DateField(_("data cut-off date"), null=True, blank=True)
    snapshot = models.JSONField(_("frozen document"), default=dict, blank=True, editable=False,
                                help_text=_("The finalised report by language: {'vi': {...}, 'en': {...}}."))

    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-end", "-start", "pk"]
        permissions = [("finalise_report", "Can finalise reports (freeze their figures)")]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="report_period_range",
                                   violation_error_message=PERIOD_ORDER),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    @property
    def is_finalised(self) -> bool:
        return self.status == ReportStatus.FINALISED

    @property
    def display_title(self) -> str:
        """The report's own title, else the usual title of its kind and period (and its unit)."""
        if self.title:
            return self.title
        if not (self.start and self.end and self.start <= self.end):
            return str(self.get_kind_display())
        from .periods import Period
        from .selectors import report_title

        title = report_title(Period(start=self.start, end=self.end, kind=self.kind))
        return f"{title} — {self.unit.name}" if self.unit_id else title

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": PERIOD_ORDER})
        if self.pk and type(self)._default_manager.filter(pk=self.pk, status=ReportStatus.FINALISED).exists():
            raise ValidationError(FINALISED)

    def delete(self, *args, **kwargs):
        if self.is_finalised:
            raise ValidationError(FINALISED)
        return super().delete(*args, **kwargs)


def report_file_path(instance: ReportFile, filename: str) -> str:
    return f"reports/{instance.report.ref}/{filename}"


class ReportFile(models.Model):
    """A document file of a finalised report, exactly as it was produced when it was finalised."""

    unit_scope = "report__unit"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    lang = models.CharField(_("language"), max_length=5)
    fmt = models.CharField(_("format"), max_length=5)
    file = models.FileField(_("file"), upload_to=report_file_path)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        constraints = [models.UniqueConstraint(fields=["report", "lang", "fmt"], name="report_file_once")]

    def __str__(self) -> str:
        return f"{self.report.ref}.{self.lang}.{self.fmt}"
