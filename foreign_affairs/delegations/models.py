"""Đoàn ra / đoàn vào: delegations the province sends abroad and foreign delegations it hosts."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import AttachmentBase, Country, Field, RecordModel, TransitionBase, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner

from .choices import TOOK_PLACE, CostItemKind, DelegationStatus, Direction, Funding, Level, MemberRole, Reception


class Delegation(RecordModel):
    """A delegation: outgoing (đoàn ra, the province's people travelling abroad) or incoming
    (đoàn vào, foreign visitors either received by provincial leaders or permitted to work with
    a unit). Money is kept in whole đồng."""

    ref_prefix = "del"
    unit_scope = "host_unit"
    search_fields = ("ref", "title", "purpose", "head_name", "head_position", "outcomes", "notes")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    pillar = models.CharField(_("pillar"), max_length=10, choices=Pillar.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.UNIT)
    title = models.CharField(_("title"), max_length=500)
    purpose = models.TextField(_("purpose"), blank=True)
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"), null=True, blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="delegations")
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), blank=True, related_name="delegations")
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="delegations")
    host_unit = models.ForeignKey(
        Unit,
        verbose_name=_("host unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
        help_text=_("The unit that sends (outgoing) or hosts (incoming) the delegation."),
    )
    head_name = models.CharField(_("head of delegation"), max_length=200, blank=True)
    head_position = models.CharField(_("head's position"), max_length=300, blank=True)
    members = models.PositiveIntegerField(_("members"), null=True, blank=True)
    foreign_visitors = models.PositiveIntegerField(_("foreign visitors"), null=True, blank=True)
    reception = models.CharField(_("reception"), max_length=10, choices=Reception.choices, blank=True)
    permit_on = models.DateField(_("permit date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DelegationStatus.choices, default=DelegationStatus.DRAFT
    )
    funding = models.CharField(_("funding"), max_length=15, choices=Funding.choices, blank=True)
    budget_vnd = models.PositiveBigIntegerField(_("budget (VND)"), null=True, blank=True)
    cost_vnd = models.PositiveBigIntegerField(_("actual cost (VND)"), null=True, blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements signed"), blank=True, related_name="delegations"
    )
    events = models.ManyToManyField(Event, verbose_name=_("events held"), blank=True, related_name="delegations")

    # The workflow (services.delegation_*): the decision behind approval or rejection, the
    # office's appraisal, the post-trip report and its deadline, the evaluation.
    decision_no = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer = models.CharField(_("decision signed by"), max_length=200, blank=True)
    appraisal = models.TextField(_("appraisal by the foreign-affairs office"), blank=True)
    report = models.TextField(_("post-trip report"), blank=True)
    report_due_on = models.DateField(_("report due"), null=True, blank=True)
    reported_on = models.DateField(_("report submitted"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    evaluation = models.TextField(_("evaluation"), blank=True)
    # Party clearance (outgoing trips the routing rules name), the permit's conditions (incoming
    # delegations), and the post-trip report's leads and follow-ups.
    clearance_no = models.CharField(_("party clearance number"), max_length=100, blank=True)
    clearance_on = models.DateField(_("party clearance date"), null=True, blank=True)
    clearance_signer = models.CharField(_("party clearance signed by"), max_length=200, blank=True)
    conditions = models.TextField(_("conditions of the permit"), blank=True)
    report_leads = models.TextField(_("investment and trade leads"), blank=True)
    report_followups = models.TextField(_("follow-up tasks"), blank=True)

    history = HistoricalRecords(m2m_fields=[countries, partners, fields, agreements, events])

    class Meta:
        # The report's period filters (measured in bench/, docs/benchmarks.md).
        indexes = [
            models.Index(fields=["start_on"], name="dlg_start_idx"),
            models.Index(fields=["host_unit", "start_on"], name="dlg_unit_start_idx"),
            models.Index(fields=["permit_on"], name="dlg_permit_idx"),
            models.Index(fields=["host_unit", "permit_on"], name="dlg_unit_permit_idx"),
        ]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-start_on", "title"]
        permissions = [
            ("submit_delegation", "Can submit, withdraw, complete and report delegations"),
            ("appraise_delegation", "Can appraise delegations and return them for changes"),
            ("decide_delegation", "Can approve or reject delegations"),
            ("evaluate_delegation", "Can evaluate and cancel delegations"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="delegation_date_range",
                violation_error_message=_("A delegation cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(direction="incoming") | (Q(reception="") & Q(foreign_visitors__isnull=True)),
                name="delegation_incoming_fields",
                violation_error_message=_("Reception and foreign visitors apply to incoming delegations only."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def took_place(self) -> bool:
        return self.status in TOOK_PLACE

    def clean(self) -> None:
        errors = {}
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = _("A delegation cannot end before it starts.")
        if self.direction == Direction.OUTGOING:
            if self.reception:
                errors["reception"] = _("Reception applies to incoming delegations only.")
            if self.foreign_visitors is not None:
                errors["foreign_visitors"] = _("Foreign visitors apply to incoming delegations only.")
        if errors:
            raise ValidationError(errors)


class DelegationMember(models.Model):
    """A person in a delegation. Passport number and date of birth are personal data: shown only
    to roles that need them, and every view of them is logged."""

    unit_scope = "delegation__host_unit"

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="member_list")
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # The official passport the office keeps: handed to the member for the trip, handed back after.
    passport_handed_on = models.DateField(_("passport handed out"), null=True, blank=True)
    passport_returned_on = models.DateField(_("passport returned"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "id"]
        permissions = [("view_personal_data", "Can view members' personal data (logged)")]
        constraints = [
            models.CheckConstraint(
                condition=Q(passport_returned_on__isnull=True)
                | (Q(passport_handed_on__isnull=False) & Q(passport_returned_on__gte=models.F("passport_handed_on"))),
                name="member_passport_dates",
                violation_error_message=_("A passport is returned after it was handed out."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.passport_returned_on and (
            self.passport_handed_on is None or self.passport_returned_on < self.passport_handed_on
        ):
            raise ValidationError({"passport_returned_on": _("A passport is returned after it was handed out.")})


class DelegationCostItem(models.Model):
    """One line of a trip's actual cost (airfare, accommodation, per diem…), in whole đồng, as
    the post-trip report gives it; the items' sum is the delegation's actual cost."""

    unit_scope = "delegation__host_unit"

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="cost_items")
    kind = models.CharField(_("item"), max_length=20, choices=CostItemKind.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)
    amount_vnd = models.PositiveBigIntegerField(_("amount (VND)"))

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        ordering = ["delegation", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount_vnd}"


class DelegationAttachment(AttachmentBase):
    unit_scope = "record__host_unit"

    record = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="attachments")

    objects = RestrictedQuerySet.as_manager()

    class Meta(AttachmentBase.Meta):
        verbose_name = _("delegation attachment")


class DelegationTransition(TransitionBase):
    """One step of a delegation's workflow (submitted, returned, approved…): who took it, when,
    from which status to which, and the document behind it (number, date, signer)."""

    unit_scope = "delegation__host_unit"

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(pgettext_lazy("status change", "from"), max_length=12,
                                   choices=DelegationStatus.choices)
    to_status = models.CharField(pgettext_lazy("status change", "to"), max_length=12, choices=DelegationStatus.choices)

    class Meta(TransitionBase.Meta):
        pass
