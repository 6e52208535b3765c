"""Kinh tế đối ngoại: FDI projects, ODA programmes and the figures official sources report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import BilingualNameMixin, Country, RecordModel
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import FDIStatus, IndicatorUnit, ODAKind, ODAStatus

MONEY = {"max_digits": 18, "decimal_places": 2}
NEGATIVE_CAPITAL = _("Registered capital cannot be negative.")
ODA_YEARS = _("An ODA programme cannot end before it starts.")
STATISTIC_PERIOD = _("A statistic's period cannot end before it starts.")
NO_SOURCE = _("A statistic without a source is refused: give the source's title.")


class FDIProject(RecordModel):
    """Dự án FDI: a foreign-invested project registered in the province (investment registration
    certificate), its registered capital in USD and the later adjustments of it."""

    ref_prefix = "fdi"
    search_fields = ("ref", "name", "investor", "irc_number", "location", "sector", "notes")

    name = models.CharField(_("project"), max_length=255)
    investor = models.CharField(_("investor"), max_length=255, blank=True)
    investor_country = models.ForeignKey(
        Country, verbose_name=_("investor country"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="fdi_projects",
    )
    irc_number = models.CharField(_("registration certificate no."), max_length=100, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    capital_usd = models.DecimalField(_("registered capital (USD)"), null=True, blank=True, **MONEY)
    location = models.CharField(_("location"), max_length=255, blank=True,
                                help_text=_("Commune, ward or industrial park"))
    sector = models.CharField(_("sector"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FDIStatus.choices, default=FDIStatus.LICENSED)
    jobs = models.PositiveIntegerField(_("jobs"), null=True, blank=True)
    estimated = models.BooleanField(
        _("estimated or announced"), default=False,
        help_text=_("The figures were announced or estimated by the source, not taken from the certificate."),
    )
    origin_delegation = models.ForeignKey(
        "delegations.Delegation", verbose_name=_("delegation it came from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="fdi_projects",
    )
    origin_event = models.ForeignKey(
        "events.Event", verbose_name=_("event it came from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="fdi_projects",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("FDI project")
        verbose_name_plural = _("FDI projects")
        ordering = ["-registered_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capital_usd__isnull=True) | Q(capital_usd__gte=0),
                name="fdi_capital_not_negative",
                violation_error_message=NEGATIVE_CAPITAL,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.capital_usd is not None and self.capital_usd < 0:
            raise ValidationError({"capital_usd": NEGATIVE_CAPITAL})


class CapitalAdjustment(models.Model):
    """Điều chỉnh vốn: a dated change of an FDI project's registered capital (negative: a reduction)."""

    project = models.ForeignKey(FDIProject, on_delete=models.CASCADE, related_name="adjustments")
    date = models.DateField(_("date"))
    delta_usd = models.DecimalField(_("change (USD)"), **MONEY)
    note = models.TextField(_("note"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capital adjustment")
        verbose_name_plural = _("capital adjustments")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.delta_usd:+} USD"


class ODAProgramme(RecordModel):
    """Chương trình, dự án ODA và vốn vay ưu đãi: a programme financed by foreign donors, with its
    total investment and ODA amounts in VND and its years."""

    ref_prefix = "oda"
    search_fields = ("ref", "name", "donors", "sector", "notes")

    name = models.CharField(_("name"), max_length=500)
    donors = models.JSONField(_("donors"), default=list, blank=True)
    sector = models.CharField(_("sector"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ODAKind.choices, default=ODAKind.ODA_LOAN)
    total_vnd = models.PositiveBigIntegerField(_("total investment (VND)"), null=True, blank=True)
    oda_vnd = models.PositiveBigIntegerField(_("ODA amount (VND)"), null=True, blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ODAStatus.choices, default=ODAStatus.PLANNED)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ODA programme")
        verbose_name_plural = _("ODA programmes")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(start_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="oda_years_range",
                violation_error_message=ODA_YEARS,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": ODA_YEARS})


class ODADisbursement(models.Model):
    """Giải ngân: what an ODA programme disbursed in one year (VND)."""

    programme = models.ForeignKey(ODAProgramme, on_delete=models.CASCADE, related_name="disbursements")
    year = models.PositiveSmallIntegerField(_("year"))
    amount_vnd = models.PositiveBigIntegerField(_("amount (VND)"))

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ODA disbursement")
        verbose_name_plural = _("ODA disbursements")
        ordering = ["year", "pk"]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount_vnd} VND"


class Indicator(BilingualNameMixin, models.Model):
    """Chỉ tiêu: an indicator of the catalogue (DESIGN §2, seeded on every migrate); admins may add more."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    unit = models.CharField(_("unit"), max_length=20, choices=IndicatorUnit.choices)
    computed = models.BooleanField(_("computed from records"), default=False)
    description = models.TextField(_("description"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def name(self) -> str:
        return self.localized()


class Statistic(RecordModel):
    """Số liệu công bố: a figure an official source published for one indicator and one period,
    with its plan target and source. Two sources may give different figures for the same
    indicator and period: both are kept."""

    ref_prefix = "stat"
    search_fields = ("ref", "indicator_code", "source_title", "source_publisher", "notes")

    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT,
                                  related_name="statistics")
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, choices=IndicatorUnit.choices, blank=True,
                            help_text=_("Left empty: the indicator's unit."))
    plan = models.DecimalField(_("plan target"), max_digits=20, decimal_places=2, null=True, blank=True)
    source_title = models.CharField(_("source"), max_length=500, blank=True)
    source_url = models.URLField(_("source link"), max_length=1000, blank=True)
    source_publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    source_published_on = models.DateField(_("published on"), null=True, blank=True)
    cutoff_on = models.DateField(_("data cut-off date"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        ordering = ["-start", "indicator__code", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="statistic_period_range",
                violation_error_message=STATISTIC_PERIOD,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}: {self.value}"

    @property
    def title(self) -> str:
        """The statistic's name on its pages: indicator, period and value."""
        return str(self)

    @property
    def indicator_code(self) -> str:
        return self.indicator.code if self.indicator_id else ""

    @property
    def unit_shown(self) -> str:
        return self.unit or (self.indicator.unit if self.indicator_id else "")

    @property
    def fulfilment_pct(self):
        """Value as a percentage of the plan, to two decimals (None without a plan)."""
        if not self.plan:
            return None
        return round(self.value * 100 / self.plan, 2)

    def clean(self) -> None:
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = STATISTIC_PERIOD
        if not (self.source_title or "").strip():
            errors["source_title"] = NO_SOURCE
        if errors:
            raise ValidationError(errors)
