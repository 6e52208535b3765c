"""Viện trợ phi chính phủ nước ngoài: non-ODA aid from foreign NGOs and other donors
(Decree 80/2020/NĐ-CP), and the foreign NGOs working in the province with their registration
certificates (Decree 58/2022/NĐ-CP). An NGO is a partner of kind ``ngo``: its names live in the
partner registry, never copied here."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import Field, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.economy.models import MONEY, LinkRulesMixin

from .choices import (
    AID_APPROVED,
    AID_STARTED,
    AidModality,
    AidStatus,
    CertificateKind,
    CertificateStatus,
    NGOStatus,
    ProvinceOpinion,
)
from .rules import aid_appraisal_due, aid_start_deadline, certificate_latest_expiry

NOT_AN_NGO = _("Choose a partner of kind “Non-governmental organisation” (this one is “%(kind)s”).")
CERTIFICATE_DATES = _("A certificate cannot expire before it is issued.")
CERTIFICATE_TOO_LONG = _("A certificate is valid for at most 3 years: it must expire by %(latest)s.")
NEGATIVE_AMOUNT = _("An amount cannot be negative.")
APPROVAL_NEEDED = _("Aid at this stage has been approved: give the approval decision's date.")
STARTED_NEEDED = _("Aid at this stage has started: give the date implementation started.")
APPROVAL_BEFORE_FILE = _("The approval cannot come before the complete file was received.")
START_BEFORE_APPROVAL = _("Implementation cannot start before the approval.")
END_BEFORE_START = _("Implementation cannot end before it started.")
SETTLED_BEFORE_END = _("Aid cannot be settled before implementation ended.")
USD_MISMATCH = _("For an amount committed in USD, the USD equivalent is the amount itself.")
CURRENCY = RegexValidator(r"^[A-Z]{3}$", _("Give the currency as a three-letter ISO 4217 code, such as USD or EUR."))


class ForeignNGO(LinkRulesMixin, RecordModel):
    """Tổ chức phi chính phủ nước ngoài: a foreign NGO working, or asking to work, in the
    province. Its names and country are those of its partner record; its certificates say where
    and until when it may operate."""

    ref_prefix = "ngo"
    search_fields = ("ref", "partner_names", "representative", "notes")

    partner = models.OneToOneField(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="foreign_ngo",
    )
    status = models.CharField(_("status"), max_length=30, choices=NGOStatus.choices, default=NGOStatus.OPERATING)
    representative = models.CharField(_("representative in Viet Nam"), max_length=255, blank=True)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="foreign_ngos")
    counterpart_units = models.ManyToManyField(
        Unit, verbose_name=_("Vietnamese partner units"), blank=True, related_name="foreign_ngos",
    )

    history = HistoricalRecords(m2m_fields=[fields, counterpart_units])

    class Meta:
        verbose_name = _("foreign NGO")
        verbose_name_plural = _("foreign NGOs")
        ordering = ["partner__name_en", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.partner.name if self.partner_id else self.ref

    @property
    def country(self):
        return self.partner.country if self.partner_id else None

    @property
    def partner_names(self) -> str:
        if not self.partner_id:
            return ""
        partner = self.partner
        return " ".join([partner.name_en, partner.name_vi, partner.name_native, *(partner.aliases or [])])

    def clean(self) -> None:
        if self.linked("partner") and self.partner_id and self.partner.kind != "ngo":
            raise ValidationError({"partner": NOT_AN_NGO % {"kind": self.partner.get_kind_display()}})


class NGOCertificate(RecordModel):
    """Giấy đăng ký: a foreign NGO's certificate of operation registration, of a project office
    or of a representative office, issued by the Committee for Foreign NGO Affairs for at most
    3 years and for the provinces it names; with the province's opinion on the application."""

    ref_prefix = "ngocert"
    search_fields = ("ref", "number", "issued_by", "provinces", "notes")

    ngo = models.ForeignKey(ForeignNGO, verbose_name=_("NGO"), on_delete=models.CASCADE, related_name="certificates")
    kind = models.CharField(_("kind"), max_length=30, choices=CertificateKind.choices,
                            default=CertificateKind.OPERATION_REGISTRATION)
    number = models.CharField(_("number"), max_length=100, blank=True)
    issued_by = models.CharField(
        _("issued by"), max_length=255, blank=True,
        default="Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    provinces = models.JSONField(_("provinces"), default=list, blank=True,
                                 help_text=_("The provinces where the certificate lets the NGO operate."))
    status = models.CharField(_("status"), max_length=30, choices=CertificateStatus.choices,
                              default=CertificateStatus.ISSUED)
    opinion_requested_on = models.DateField(_("province's opinion requested on"), null=True, blank=True)
    opinion_sent_on = models.DateField(_("province's opinion sent on"), null=True, blank=True)
    opinion = models.CharField(_("province's opinion"), max_length=30, choices=ProvinceOpinion.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("NGO certificate")
        verbose_name_plural = _("NGO certificates")
        ordering = ["expires_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(issued_on__isnull=True) | Q(expires_on__gte=F("issued_on")),
                name="ngo_certificate_dates",
                violation_error_message=CERTIFICATE_DATES,
            ),
        ]

    def __str__(self) -> str:
        kind = self.get_kind_display()
        return f"{kind} {self.number}".strip() if self.number else kind

    @property
    def title(self) -> str:
        return f"{self} — {self.ngo}" if self.ngo_id else str(self)

    def days_left(self, today=None) -> int | None:
        """Days until the certificate expires (negative once expired)."""
        if self.expires_on is None:
            return None
        return (self.expires_on - (today or timezone.localdate())).days

    @property
    def days_to_expiry(self) -> int | None:
        """Days left for a certificate in force (list column); none for others."""
        from .choices import CERTIFICATE_IN_FORCE

        return self.days_left() if self.status in CERTIFICATE_IN_FORCE else None

    def clean(self) -> None:
        errors = {}
        if self.issued_on and self.expires_on:
            if self.expires_on < self.issued_on:
                errors["expires_on"] = CERTIFICATE_DATES
            elif self.expires_on > certificate_latest_expiry(self.issued_on):
                latest = certificate_latest_expiry(self.issued_on)
                errors["expires_on"] = CERTIFICATE_TOO_LONG % {"latest": latest.isoformat()}
        if errors:
            raise ValidationError(errors)


class AidItem(RecordModel):
    """Khoản viện trợ: one item of non-ODA aid (a programme, a project, non-project aid or
    emergency relief) from a foreign donor, usually an NGO: what was committed (in its currency,
    with the USD equivalent on the approval date), the counterpart funds in VND, the approval
    decision and the deadline it sets for starting, and what has been disbursed. The managing
    agency (cơ quan chủ quản) is the unit that owns it."""

    ref_prefix = "aid"
    unit_scope = "managing_unit"
    search_fields = ("ref", "title", "approval_no", "notes")

    donor = models.ForeignKey("partners.Partner", verbose_name=_("donor"), on_delete=models.PROTECT,
                              related_name="aid_items")
    modality = models.CharField(_("modality"), max_length=20, choices=AidModality.choices,
                                default=AidModality.PROJECT)
    title = models.CharField(_("title"), max_length=500)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="aid_items")
    beneficiary_units = models.ManyToManyField(
        Unit, verbose_name=_("beneficiary units"), blank=True, related_name="aid_benefits",
    )
    managing_unit = models.ForeignKey(
        Unit, verbose_name=_("managing agency"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="aid_items",
    )
    committed_amount = models.DecimalField(_("committed amount"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[CURRENCY])
    committed_usd = models.DecimalField(_("committed (USD equivalent)"), null=True, blank=True, **MONEY)
    counterpart_vnd = models.PositiveBigIntegerField(_("counterpart funds (VND)"), null=True, blank=True)
    file_complete_on = models.DateField(_("complete file received on"), null=True, blank=True)
    approval_no = models.CharField(_("approval decision no."), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    start_deadline = models.DateField(
        _("must start by"), null=True, blank=True, editable=False,
        help_text=_("Approval date plus the period Decree 80/2020 allows; computed."),
    )
    started_on = models.DateField(_("implementation started on"), null=True, blank=True)
    ended_on = models.DateField(_("implementation ended on"), null=True, blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AidStatus.choices, default=AidStatus.PROPOSED)

    history = HistoricalRecords(m2m_fields=[fields, beneficiary_units])

    class Meta:
        verbose_name = _("aid item")
        verbose_name_plural = _("aid items")
        ordering = ["-approved_on", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(committed_amount__isnull=True) | Q(committed_amount__gte=0))
                & (Q(committed_usd__isnull=True) | Q(committed_usd__gte=0)),
                name="aid_amounts_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
            models.CheckConstraint(
                condition=~Q(status__in=AID_APPROVED) | Q(approved_on__isnull=False),
                name="aid_approved_has_date",
                violation_error_message=APPROVAL_NEEDED,
            ),
            models.CheckConstraint(
                condition=~Q(status__in=AID_STARTED) | Q(started_on__isnull=False),
                name="aid_started_has_date",
                violation_error_message=STARTED_NEEDED,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def appraisal_due_on(self):
        """When the appraisal is due (rules table), from the complete file's date."""
        return aid_appraisal_due(self.file_complete_on) if self.file_complete_on else None

    @property
    def start_overdue_flag(self) -> str:
        """“Start overdue” in the reader's language for approved aid past its start deadline (list column)."""
        from django.utils.translation import gettext

        return gettext("Start overdue") if self.start_overdue(timezone.localdate()) else ""

    def start_overdue(self, today) -> bool:
        """Approved, not started, and the start deadline has passed: the approval may be revoked."""
        return bool(self.status == AidStatus.APPROVED and self.start_deadline and self.start_deadline < today)

    def save(self, *args, **kwargs):
        # Derived from the approval date by the rule in force on it, whichever way the record is written.
        self.start_deadline = aid_start_deadline(self.approved_on) if self.approved_on else None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "start_deadline"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        for name in ("committed_amount", "committed_usd"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = NEGATIVE_AMOUNT
        if (
            self.currency == "USD" and self.committed_amount is not None and self.committed_usd is not None
            and self.committed_amount != self.committed_usd
        ):
            errors["committed_usd"] = USD_MISMATCH
        if self.status in AID_APPROVED and self.approved_on is None:
            errors["approved_on"] = APPROVAL_NEEDED
        if self.status in AID_STARTED and self.started_on is None:
            errors["started_on"] = STARTED_NEEDED
        order = [
            ("file_complete_on", "approved_on", APPROVAL_BEFORE_FILE),
            ("approved_on", "started_on", START_BEFORE_APPROVAL),
            ("started_on", "ended_on", END_BEFORE_START),
            ("ended_on", "settled_on", SETTLED_BEFORE_END),
        ]
        for earlier, later, message in order:
            first, then = getattr(self, earlier), getattr(self, later)
            if first and then and then < first and later not in errors:
                errors[later] = message
        if errors:
            raise ValidationError(errors)


class AidDisbursement(models.Model):
    """Giải ngân: an amount of an aid item disbursed on a date, in the item's currency and in USD."""

    unit_scope = "item__managing_unit"

    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="disbursements")
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (item's currency)"), null=True, blank=True, **MONEY)
    amount_usd = models.DecimalField(_("amount (USD)"), **MONEY)
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aid disbursement")
        verbose_name_plural = _("aid disbursements")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_usd__gte=0) & (Q(amount__isnull=True) | Q(amount__gte=0)),
                name="aid_disbursement_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.amount_usd} USD"

    def clean(self) -> None:
        errors = {}
        for name in ("amount", "amount_usd"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = NEGATIVE_AMOUNT
        if errors:
            raise ValidationError(errors)
