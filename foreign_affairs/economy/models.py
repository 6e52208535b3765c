"""Kinh tế đối ngoại: FDI projects, ODA programmes and the figures official sources report."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import BilingualNameMixin, Country, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import LEAD_CLOSED, FDIStatus, IndicatorUnit, IssueStatus, LeadContactKind, LeadStage, ODAKind, ODAStatus

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
        # The report's period filters (measured in bench/, docs/benchmarks.md).
        indexes = [
            models.Index(fields=["registered_on"], name="fdi_registered_idx"),
        ]
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
        indexes = [models.Index(fields=["date"], name="adj_date_idx")]
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
        # Its name in the reader's language: a user never reads the code.
        return self.name

    @property
    def name(self) -> str:
        return self.localized()

    @property
    def description_shown(self) -> str:
        """The description in the reader's language where the catalogue's is translated (an
        indicator an administrator added keeps the text they wrote)."""
        from django.utils.translation import gettext

        return gettext(self.description) if self.description else ""


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
    estimated = models.BooleanField(
        _("estimated or announced"), default=False,
        help_text=_("The source gives the figure as an estimate or an expectation, not a final result."),
    )

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
        return self.title

    @property
    def title(self) -> str:
        """The statistic's name on its pages: the indicator's name (never its code), the period
        and the value, in the reader's language."""
        from django.utils.formats import number_format

        name = self.indicator.name if self.indicator_id else ""
        value = self.value
        shown = ""
        if value is not None:
            places = 0 if value == value.to_integral_value() else 2
            shown = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
        return f"{name} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}: {shown}"

    @property
    def indicator_code(self) -> str:
        return self.indicator.code if self.indicator_id else ""

    @property
    def unit_shown(self) -> str:
        return self.unit or (self.indicator.unit if self.indicator_id else "")

    @property
    def unit_label(self) -> str:
        """The unit by its name in the reader's language ("lượt", not "count")."""
        return str(dict(IndicatorUnit.choices).get(self.unit_shown, self.unit_shown))

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


# --- investment pipeline and aftercare -----------------------------------------------------------

NEGATIVE_EXPECTED = _("Expected capital cannot be negative.")
LICENSED_NEEDS_PROJECT = _(
    "A lead is licensed only when it is linked to the FDI project it became (use “Convert to FDI project”); "
    "a lead linked to a project is licensed."
)
RESPONDED_BEFORE_RECEIVED = _("A lead cannot be answered before it was received.")
ISSUE_RESOLVED_ON = _("A resolved issue needs the date it was resolved.")
ISSUE_DATES = _("An issue cannot be resolved before it was raised.")


class LinkRulesMixin:
    """Lets ``clean()`` check rules across links only when the links themselves are checked:
    ``linked(*names)`` is false when ``full_clean`` was told to leave one of them out (a form
    without the field; the bundle importer, which checks links by ref on a copy without them
    and checks these rules itself)."""

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        self._clean_exclude = set(exclude or ())
        super().full_clean(exclude=exclude, validate_unique=validate_unique, validate_constraints=validate_constraints)

    def linked(self, *names: str) -> bool:
        return not set(names) & getattr(self, "_clean_exclude", set())


class InvestmentLead(LinkRulesMixin, RecordModel):
    """Cơ hội đầu tư: an investor's interest in the province, followed from the first signal
    (a delegation's meeting, an event, an enquiry) through contacts, site visits and a proposal to
    an investment-policy decision and a licence, when it becomes an FDI project, or until it is
    dropped. The owner unit answers the investor by the response deadline."""

    ref_prefix = "lead"
    unit_scope = "owner_unit"
    search_fields = ("ref", "name", "investor", "sector", "origin_enquiry", "outcome", "notes")

    name = models.CharField(_("project idea"), max_length=255)
    investor = models.CharField(_("investor"), max_length=255)
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("investor in the partner registry"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="investment_leads",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("investor country"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="investment_leads",
    )
    sector = models.CharField(_("sector"), max_length=255, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=LeadStage.choices, default=LeadStage.LEAD)
    expected_capital_usd = models.DecimalField(_("expected capital (USD)"), null=True, blank=True, **MONEY)
    owner_unit = models.ForeignKey(
        Unit, verbose_name=_("owner unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="investment_leads", help_text=_("The unit that follows the lead and answers the investor."),
    )
    origin_delegation = models.ForeignKey(
        "delegations.Delegation", verbose_name=_("delegation it came from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="investment_leads",
    )
    origin_event = models.ForeignKey(
        "events.Event", verbose_name=_("event it came from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="investment_leads",
    )
    origin_enquiry = models.CharField(
        _("enquiry it came from"), max_length=500, blank=True,
        help_text=_("A letter, e-mail or visit of the investor, when no delegation or event brought it."),
    )
    received_on = models.DateField(_("received on"), null=True, blank=True)
    response_due_on = models.DateField(_("response due on"), null=True, blank=True)
    responded_on = models.DateField(_("responded on"), null=True, blank=True)
    project = models.OneToOneField(
        FDIProject, verbose_name=_("FDI project it became"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="lead",
    )
    outcome = models.TextField(_("outcome"), blank=True, help_text=_("Why it was dropped, or what came of it."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("investment lead")
        verbose_name_plural = _("investment leads")
        ordering = ["-received_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_capital_usd__isnull=True) | Q(expected_capital_usd__gte=0),
                name="lead_capital_not_negative",
                violation_error_message=NEGATIVE_EXPECTED,
            ),
            models.CheckConstraint(
                condition=(Q(stage=LeadStage.LICENSED) & Q(project__isnull=False))
                | (~Q(stage=LeadStage.LICENSED) & Q(project__isnull=True)),
                name="lead_licensed_has_project",
                violation_error_message=LICENSED_NEEDS_PROJECT,
            ),
            models.CheckConstraint(
                condition=Q(responded_on__isnull=True) | Q(received_on__isnull=True)
                | Q(responded_on__gte=F("received_on")),
                name="lead_responded_after_received",
                violation_error_message=RESPONDED_BEFORE_RECEIVED,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.investor}: {self.name}" if self.investor else self.name

    @property
    def title(self) -> str:
        return str(self)

    @property
    def is_open(self) -> bool:
        return self.stage not in LEAD_CLOSED

    @property
    def overdue_flag(self) -> str:
        """“Overdue” in the reader's language when the answer to the investor is late (list column)."""
        from django.utils import timezone
        from django.utils.translation import gettext

        return gettext("Overdue") if self.response_overdue(timezone.localdate()) else ""

    def response_overdue(self, today) -> bool:
        """The investor is still waiting for the answer that was due before ``today``."""
        return bool(
            self.is_open and self.response_due_on and self.responded_on is None and self.response_due_on < today
        )

    def clean(self) -> None:
        errors = {}
        if self.expected_capital_usd is not None and self.expected_capital_usd < 0:
            errors["expected_capital_usd"] = NEGATIVE_EXPECTED
        if self.linked("project") and (
            (self.stage == LeadStage.LICENSED) != (self.project_id is not None)
        ):
            errors["stage"] = LICENSED_NEEDS_PROJECT
        if self.responded_on and self.received_on and self.responded_on < self.received_on:
            errors["responded_on"] = RESPONDED_BEFORE_RECEIVED
        if errors:
            raise ValidationError(errors)


class LeadContact(models.Model):
    """One dated exchange with the investor of a lead (a meeting, a call, a letter, a site visit):
    the lead's contact history."""

    unit_scope = "lead__owner_unit"

    lead = models.ForeignKey(InvestmentLead, on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=LeadContactKind.choices,
                            default=LeadContactKind.MEETING)
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
        verbose_name = _("lead contact")
        verbose_name_plural = _("lead contacts")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"


class AftercareVisit(RecordModel):
    """Chăm sóc nhà đầu tư: a visit to (or a dialogue with) an operating investor, by a unit of
    the province, to hear how the project is going and what it needs."""

    ref_prefix = "visit"
    unit_scope = "unit"
    search_fields = ("ref", "participants", "summary", "notes")

    project = models.ForeignKey(
        FDIProject, verbose_name=_("FDI project"), on_delete=models.PROTECT, related_name="aftercare_visits"
    )
    date = models.DateField(_("date"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("visiting unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="aftercare_visits",
    )
    participants = models.CharField(_("participants"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aftercare visit")
        verbose_name_plural = _("aftercare visits")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.project}" if self.date and self.project_id else self.ref

    @property
    def title(self) -> str:
        return str(self)


class AftercareIssue(LinkRulesMixin, RecordModel):
    """Kiến nghị của nhà đầu tư: an issue an operating investor raised (land, permits, labour,
    infrastructure), the unit responsible for answering it, and how it was resolved."""

    ref_prefix = "issue"
    unit_scope = "responsible_unit"
    search_fields = ("ref", "issue", "resolution", "notes")

    project = models.ForeignKey(
        FDIProject, verbose_name=_("FDI project"), on_delete=models.PROTECT, related_name="aftercare_issues"
    )
    visit = models.ForeignKey(
        AftercareVisit, verbose_name=_("raised at the visit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="issues",
    )
    raised_on = models.DateField(_("raised on"))
    issue = models.CharField(_("issue"), max_length=500)
    responsible_unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="aftercare_issues",
    )
    status = models.CharField(_("status"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.OPEN)
    due_on = models.DateField(_("answer due on"), null=True, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aftercare issue")
        verbose_name_plural = _("aftercare issues")
        ordering = ["-raised_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=IssueStatus.RESOLVED) | Q(resolved_on__isnull=False),
                name="issue_resolved_has_date",
                violation_error_message=ISSUE_RESOLVED_ON,
            ),
            models.CheckConstraint(
                condition=Q(resolved_on__isnull=True) | Q(resolved_on__gte=F("raised_on")),
                name="issue_resolved_after_raised",
                violation_error_message=ISSUE_DATES,
            ),
        ]

    def __str__(self) -> str:
        return self.issue

    @property
    def title(self) -> str:
        return self.issue

    def clean(self) -> None:
        errors = {}
        if self.status == IssueStatus.RESOLVED and self.resolved_on is None:
            errors["resolved_on"] = ISSUE_RESOLVED_ON
        if self.resolved_on and self.raised_on and self.resolved_on < self.raised_on:
            errors["resolved_on"] = ISSUE_DATES
        if (
            self.linked("visit", "project")
            and self.visit_id and self.project_id and self.visit.project_id != self.project_id
        ):
            errors["visit"] = _("The visit was to another project.")
        if errors:
            raise ValidationError(errors)
