"""People's records: foreign journalists' visits (with their reporters, personal data), honours
to foreigners, the overseas community in figures and the experts' network (personal data), and
the border with the Lao provinces (markers, gates, twinned pairs, events, figures)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import Country, Field, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import (
    DECIDED_STATUSES,
    VISIT_NEXT,
    AwardStatus,
    AwardType,
    BorderEventKind,
    BorderItemKind,
    BorderStatus,
    GateClass,
    VisitStatus,
)

END_BEFORE_START = _("The end cannot be before the start.")
NO_SOURCE = _("A figure without a source is refused: give the source's title.")
NO_FIGURE = _("Give at least one figure.")


class SourcedFigures(RecordModel):
    """Figures a published source gives (like a statistic): the source's title is required."""

    source_title = models.CharField(_("source"), max_length=500, blank=True)
    source_url = models.URLField(_("source link"), max_length=1000, blank=True)
    source_publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    source_published_on = models.DateField(_("published on"), null=True, blank=True)

    # The figure fields; at least one must be given.
    figure_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = {}
        if not (self.source_title or "").strip():
            errors["source_title"] = NO_SOURCE
        if self.figure_fields and all(getattr(self, name) is None for name in self.figure_fields):
            errors[self.figure_fields[0]] = NO_FIGURE
        if errors:
            raise ValidationError(errors)


def _any_figure(names: tuple[str, ...]) -> Q:
    condition = Q()
    for name in names:
        condition |= Q(**{f"{name}__isnull": False})
    return condition


# --- foreign press ------------------------------------------------------------------------------


class JournalistVisit(RecordModel):
    """Hoạt động báo chí nước ngoài: a foreign press visit to the province (NĐ 88/2012/NĐ-CP).
    MOFA notifies the province of reporters it has permitted; the province reviews the
    programme, agrees or declines, accompanies them, and follows what they publish. The
    reporters' names are personal data, kept apart (``JournalistReporter``)."""

    ref_prefix = "press"
    search_fields = ("ref", "outlet", "topics", "sites", "permit_no", "notes")
    unit_scope = "accompanying_unit"

    outlet = models.CharField(_("outlet"), max_length=255, help_text=_("Newspaper, agency or broadcaster."))
    country = models.ForeignKey(Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="journalist_visits")
    resident = models.BooleanField(_("resident correspondent"), default=False,
                                   help_text=_("A correspondent based in Vietnam, not a visiting reporter."))
    topics = models.TextField(_("topics"), blank=True)
    sites = models.TextField(_("sites"), blank=True, help_text=_("Places visited; say if any is a border area."))
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)
    permit_no = models.CharField(_("press permit number"), max_length=100, blank=True,
                                 help_text=_("MOFA's permit for the press activity."))
    accompanying_unit = models.ForeignKey(Unit, verbose_name=_("accompanying unit"), null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="journalist_visits")
    status = models.CharField(_("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.NOTIFIED)
    response_no = models.CharField(_("province's reply (number)"), max_length=100, blank=True)
    response_on = models.DateField(_("province's reply (date)"), null=True, blank=True)
    outputs = models.TextField(_("outputs"), blank=True, help_text=_("What was published: titles and links."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("foreign press visit")
        verbose_name_plural = _("foreign press visits")
        ordering = ["-start_on", "ref"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(start_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="journalistvisit_date_range", violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        when = f" ({self.start_on:%d/%m/%Y})" if self.start_on else ""
        return f"{self.outlet}{when}"

    def clean(self) -> None:
        errors = {}
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = END_BEFORE_START
        if not self._state.adding and self.pk:
            # On screen and in the API a visit moves forward only (VISIT_NEXT); a bundle, which
            # loads what happened, validates an unsaved copy and may set any status.
            before = type(self)._default_manager.filter(pk=self.pk).values_list("status", flat=True).first()
            if before and before != self.status and self.status not in VISIT_NEXT.get(before, set()):
                errors["status"] = _("A visit cannot go from “%(before)s” to “%(after)s”.") % {
                    "before": VisitStatus(before).label, "after": VisitStatus(self.status).label,
                }
        if errors:
            raise ValidationError(errors)


class JournalistReporter(models.Model):
    """A reporter, camera operator or interpreter of a press visit: personal data, read only by
    the office, provincial leaders and admins, and every read is logged."""

    visit = models.ForeignKey(JournalistVisit, verbose_name=_("visit"), on_delete=models.CASCADE,
                              related_name="reporters")
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    nationality = models.ForeignKey(Country, verbose_name=_("nationality"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return self.full_name


# --- honours ------------------------------------------------------------------------------------

NEEDS_DECISION = _("A decided or awarded honour needs the decision's number and date.")
CEREMONY_BEFORE_DECISION = _("The ceremony cannot be before the decision.")
NO_RECIPIENT = _("Name the recipient: a partner of the registry or a person or organisation.")


class HonourAward(RecordModel):
    """Khen thưởng đối ngoại: an honour proposed for, or awarded to, a foreign organisation or
    person (a certificate of merit of the provincial Chair, a commemorative medal, or a state
    order or medal proposed to the central level), from the proposing unit to the ceremony."""

    ref_prefix = "honour"
    search_fields = ("ref", "recipient_name", "achievement", "decision_no", "notes")
    unit_scope = "proposer_unit"

    recipient_partner = models.ForeignKey("partners.Partner", verbose_name=_("recipient (partner)"), null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="honours")
    recipient_name = models.CharField(_("recipient (name)"), max_length=255, blank=True,
                                      help_text=_("A person, or an organisation not in the partner registry."))
    recipient_country = models.ForeignKey(Country, verbose_name=_("recipient's country"), null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="honours")
    award_type = models.CharField(_("award"), max_length=30, choices=AwardType.choices)
    achievement = models.TextField(_("achievement"), blank=True)
    proposer_unit = models.ForeignKey(Unit, verbose_name=_("proposing unit"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="proposed_honours")
    status = models.CharField(_("status"), max_length=10, choices=AwardStatus.choices, default=AwardStatus.PROPOSED)
    decision_no = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_on = models.DateField(_("decision date"), null=True, blank=True)
    ceremony_on = models.DateField(_("ceremony date"), null=True, blank=True)
    ceremony_place = models.CharField(_("ceremony place"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        ordering = ["-decision_on", "ref"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient_partner__isnull=False) | ~Q(recipient_name=""),
                name="honouraward_has_recipient", violation_error_message=NO_RECIPIENT,
            ),
            models.CheckConstraint(
                condition=~Q(status__in=DECIDED_STATUSES) | (Q(decision_on__isnull=False) & ~Q(decision_no="")),
                name="honouraward_decided_has_decision", violation_error_message=NEEDS_DECISION,
            ),
            models.CheckConstraint(
                condition=Q(ceremony_on__isnull=True) | Q(decision_on__isnull=True)
                | Q(ceremony_on__gte=F("decision_on")),
                name="honouraward_ceremony_after_decision", violation_error_message=CEREMONY_BEFORE_DECISION,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def recipient(self) -> str:
        return self.recipient_name or (str(self.recipient_partner) if self.recipient_partner_id else "")

    @property
    def title(self) -> str:
        return f"{self.get_award_type_display()}: {self.recipient}"

    def clean(self) -> None:
        # "Name the recipient" involves a link to a partner, so it is the database constraint's
        # (and, for bundles, checked on the raw record: people/bundle.py).
        errors = {}
        if self.status in DECIDED_STATUSES:
            if not (self.decision_no or "").strip():
                errors["decision_no"] = NEEDS_DECISION
            if self.decision_on is None:
                errors["decision_on"] = NEEDS_DECISION
        if self.ceremony_on and self.decision_on and self.ceremony_on < self.decision_on:
            errors["ceremony_on"] = CEREMONY_BEFORE_DECISION
        if errors:
            raise ValidationError(errors)


# --- overseas community and experts --------------------------------------------------------------

OVERSEAS_FIGURES = ("population", "countries", "associations", "investment_projects", "investment_vnd",
                    "remittances_usd")
RANGE_UPSIDE_DOWN = _("The upper bound cannot be below the figure.")
COUNTRIES_ONLY_OVERALL = _("The number of countries belongs to a figure for all countries (leave the country empty).")


class OverseasCommunityFigure(SourcedFigures):
    """Người Nghệ An ở nước ngoài: the province's community abroad in figures, for one country
    (or all countries) and one year, as a source gives them: estimated population, countries of
    residence, associations, their investment projects in the province and remittances."""

    ref_prefix = "ov"
    search_fields = ("ref", "source_title", "source_publisher", "notes")
    figure_fields = OVERSEAS_FIGURES

    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True,
                                            help_text=_("Empty when the source gives no year."))
    country = models.ForeignKey(Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="overseas_figures", help_text=_("Empty: all countries."))
    population = models.PositiveIntegerField(_("estimated population"), null=True, blank=True)
    countries = models.PositiveSmallIntegerField(_("countries of residence"), null=True, blank=True)
    associations = models.PositiveIntegerField(_("associations"), null=True, blank=True)
    investment_projects = models.PositiveIntegerField(_("investment projects in the province"), null=True, blank=True)
    investment_vnd = models.PositiveBigIntegerField(_("their investment (VND)"), null=True, blank=True)
    remittances_usd = models.PositiveBigIntegerField(_("remittances (USD a year)"), null=True, blank=True)
    remittances_usd_max = models.PositiveBigIntegerField(
        _("remittances, upper bound (USD a year)"), null=True, blank=True,
        help_text=_("When the source gives a range (650–700 million), the upper end."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overseas community figure")
        verbose_name_plural = _("overseas community figures")
        ordering = ["-year", "country__name_en", "ref"]
        constraints = [
            models.CheckConstraint(condition=_any_figure(OVERSEAS_FIGURES), name="overseasfigure_has_figure",
                                   violation_error_message=NO_FIGURE),
            models.CheckConstraint(
                condition=Q(remittances_usd_max__isnull=True)
                | Q(remittances_usd__isnull=False, remittances_usd_max__gte=F("remittances_usd")),
                name="overseasfigure_remittance_range", violation_error_message=RANGE_UPSIDE_DOWN,
            ),
            models.CheckConstraint(
                condition=Q(countries__isnull=True) | Q(country__isnull=True),
                name="overseasfigure_countries_overall", violation_error_message=COUNTRIES_ONLY_OVERALL,
            ),
            models.CheckConstraint(
                condition=Q(source_title__gt=""), name="overseasfigure_has_source", violation_error_message=NO_SOURCE,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        from django.utils.translation import gettext

        where = self.country.name if self.country_id else gettext("All countries")
        # Outside the f-string, so that makemessages finds the msgid.
        year = self.year or gettext("year not given")
        return f"{where}, {year}"

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.error_dict)
        if self.remittances_usd_max is not None and (
            self.remittances_usd is None or self.remittances_usd_max < self.remittances_usd
        ):
            errors["remittances_usd_max"] = RANGE_UPSIDE_DOWN
        if self.countries is not None and self.country_id:
            errors["countries"] = COUNTRIES_ONLY_OVERALL
        if errors:
            raise ValidationError(errors)


class Expert(RecordModel):
    """A member of the experts' network: a person of Nghệ An origin abroad, or a foreign expert,
    whom the province can call on in a field. Personal data (name and contact): only the office,
    provincial leaders and admins read the network, and every read is logged."""

    ref_prefix = "expert"
    search_fields = ("ref", "full_name", "expertise", "organisation", "position", "notes")

    full_name = models.CharField(_("full name"), max_length=200)
    country = models.ForeignKey(Country, verbose_name=_("country of residence"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="experts")
    from_province = models.BooleanField(_("of the province's origin"), default=True,
                                        help_text=_("A person of Nghệ An origin (not a foreign expert)."))
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="experts")
    expertise = models.CharField(_("expertise"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name


# --- border -------------------------------------------------------------------------------------

GATE_CLASS_ONLY_GATES = _("Only a border gate has a class (international, main or secondary).")


class BorderItem(RecordModel):
    """Biên giới: one item of the border with the Lao provinces: a marker or supplementary
    stake, a border gate (international, main or secondary) or opening, or a twinned pair of
    villages or border posts, with its commune, the Lao side opposite, its status and the legal
    basis of its class and status (valid from)."""

    ref_prefix = "border"
    search_fields = ("ref", "name", "opposite_district", "opposite_name", "legal_basis", "notes")
    unit_scope = "commune"

    kind = models.CharField(_("kind"), max_length=20, choices=BorderItemKind.choices)
    name = models.CharField(_("name"), max_length=255, help_text=_("The Vietnamese side: marker number, gate, "
                                                                    "village or border post."))
    gate_class = models.CharField(_("gate class"), max_length=15, choices=GateClass.choices, blank=True)
    commune = models.ForeignKey(Unit, verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="border_items")
    opposite_province = models.ForeignKey("partners.Partner", verbose_name=_("opposite province"), null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="border_items",
                                          help_text=_("The Lao province across the border (a partner)."))
    opposite_district = models.CharField(_("opposite district"), max_length=255, blank=True)
    opposite_name = models.CharField(_("opposite village, post or gate"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=BorderStatus.choices, blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True,
                                  help_text=_("Since when the class and status hold."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("border item")
        verbose_name_plural = _("border items")
        ordering = ["kind", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gate_class="") | Q(kind=BorderItemKind.BORDER_GATE),
                name="borderitem_gate_class_only_gates", violation_error_message=GATE_CLASS_ONLY_GATES,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        opposite = f" – {self.opposite_name}" if self.opposite_name else ""
        return f"{self.name}{opposite}"

    def clean(self) -> None:
        if self.gate_class and self.kind and self.kind != BorderItemKind.BORDER_GATE:
            raise ValidationError({"gate_class": GATE_CLASS_ONLY_GATES})


class BorderEvent(RecordModel):
    """Something that happened on the border: a joint inspection, a marker repair, an incident,
    an illegal crossing, a twinning activity, the opening or closure of passage; with the date,
    the parties, the outcome and the document behind it."""

    ref_prefix = "bevent"
    search_fields = ("ref", "title", "parties", "outcome", "document", "notes")
    unit_scope = "unit"

    kind = models.CharField(_("kind"), max_length=20, choices=BorderEventKind.choices)
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"))
    end_on = models.DateField(_("end"), null=True, blank=True)
    items = models.ManyToManyField(BorderItem, verbose_name=_("border items"), blank=True, related_name="events")
    partners = models.ManyToManyField("partners.Partner", verbose_name=_("Lao parties"), blank=True,
                                      related_name="border_events")
    parties = models.TextField(_("parties"), blank=True, help_text=_("Who took part, on both sides."))
    outcome = models.TextField(_("outcome"), blank=True)
    document = models.CharField(_("document"), max_length=255, blank=True,
                                help_text=_("Number and date of the document behind it."))
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="border_events", help_text=_("The unit that led or recorded it."))

    history = HistoricalRecords(m2m_fields=[items, partners])

    class Meta:
        verbose_name = _("border event")
        verbose_name_plural = _("border events")
        ordering = ["-date", "ref"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("date")),
                name="borderevent_date_range", violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.date and self.end_on and self.end_on < self.date:
            raise ValidationError({"end_on": END_BEFORE_START})


BORDER_FIGURES = ("length_km", "border_communes", "markers", "stakes", "border_gates", "openings", "village_pairs",
                  "post_pairs")


class BorderFigure(SourcedFigures):
    """The border in figures, as a source gives them for a year (the whole border, or the part
    facing one Lao province): length, border communes, markers and stakes, gates and openings,
    twinned village and border-post pairs."""

    ref_prefix = "bfig"
    search_fields = ("ref", "source_title", "source_publisher", "notes")
    figure_fields = BORDER_FIGURES

    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True,
                                            help_text=_("Empty when the source gives no year."))
    opposite_province = models.ForeignKey("partners.Partner", verbose_name=_("opposite province"), null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="border_figures",
                                          help_text=_("Empty: the whole border."))
    length_km = models.DecimalField(_("length (km)"), max_digits=9, decimal_places=3, null=True, blank=True)
    border_communes = models.PositiveSmallIntegerField(_("border communes"), null=True, blank=True)
    markers = models.PositiveIntegerField(_("border markers"), null=True, blank=True)
    stakes = models.PositiveIntegerField(_("supplementary stakes"), null=True, blank=True)
    border_gates = models.PositiveSmallIntegerField(_("border gates"), null=True, blank=True)
    openings = models.PositiveSmallIntegerField(_("openings"), null=True, blank=True)
    village_pairs = models.PositiveSmallIntegerField(_("twinned village pairs"), null=True, blank=True)
    post_pairs = models.PositiveSmallIntegerField(_("twinned border-post pairs"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("border figure")
        verbose_name_plural = _("border figures")
        ordering = ["-year", "ref"]
        constraints = [
            models.CheckConstraint(condition=_any_figure(BORDER_FIGURES), name="borderfigure_has_figure",
                                   violation_error_message=NO_FIGURE),
            models.CheckConstraint(
                condition=Q(length_km__isnull=True) | Q(length_km__gte=0),
                name="borderfigure_length_positive", violation_error_message=_("A length cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(source_title__gt=""), name="borderfigure_has_source", violation_error_message=NO_SOURCE,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        from django.utils.translation import gettext

        where = str(self.opposite_province) if self.opposite_province_id else gettext("Whole border")
        # Outside the f-string, so that makemessages finds the msgid.
        year = self.year or gettext("year not given")
        return f"{where}, {year}"

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.error_dict)
        if self.length_km is not None and self.length_km < 0:
            errors["length_km"] = _("A length cannot be negative.")
        if errors:
            raise ValidationError(errors)
