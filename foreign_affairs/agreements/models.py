"""Thỏa thuận quốc tế: international agreements (Law 70/2020), MOUs, programmes and minutes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import AttachmentBase, ConsultationBase, Field, RecordModel, TransitionBase, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.partners.models import Partner

from .choices import AgreementKind, AgreementStatus


class Agreement(RecordModel):
    """An agreement between units of the province and foreign partners, with its validity."""

    ref_prefix = "agr"
    unit_scope = "units"
    search_fields = ("ref", "title_en", "title_vi", "number", "place", "notes")

    kind = models.CharField(_("kind"), max_length=40, choices=AgreementKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500, blank=True)
    number = models.CharField(_("number"), max_length=100, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    place = models.CharField(_("place of signing"), max_length=255, blank=True)
    units = models.ManyToManyField(Unit, verbose_name=_("units"), blank=True, related_name="agreements")
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), blank=True, related_name="agreements")
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="agreements")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFTING
    )
    # The workflow (agreements/services.py, Law 70/2020 and Decree 64/2021): the Chairman's
    # decision to sign, the Prime Minister's answer when a consulted body disagreed, who signed,
    # the two post-signing duties (due 15 days after signing) and the end of the agreement.
    decision_no = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer = models.CharField(_("decision signed by"), max_length=200, blank=True)
    pm_consent = models.BooleanField(_("Prime Minister's consent"), null=True, blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    post_signing_due_on = models.DateField(_("post-signing duties due"), null=True, blank=True)
    signing_reported_on = models.DateField(_("report on the signing sent"), null=True, blank=True)
    signing_report_no = models.CharField(_("report number"), max_length=100, blank=True)
    mofa_copy_on = models.DateField(_("copy sent to the Ministry of Foreign Affairs"), null=True, blank=True)
    mofa_copy_no = models.CharField(_("covering letter number"), max_length=100, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[units, partners, fields])

    class Meta:
        # The report's period filters (measured in bench/, docs/benchmarks.md).
        indexes = [
            models.Index(fields=["signed_on"], name="agr_signed_idx"),
        ]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "title_en"]
        permissions = [
            ("submit_agreement", "Can record the signing, post-signing duties and life of agreements"),
            ("consult_agreement", "Can consult bodies on agreements and record their replies"),
            ("decide_agreement", "Can approve agreements for signing and terminate them"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_range",
                violation_error_message=_("Validity cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_vi=""),
                name="agreement_has_title",
                violation_error_message=_("Give a title in Vietnamese or English."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.localized("title_vi", "title_en")

    def clean(self) -> None:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Validity cannot end before it starts.")})
        if not self.title_en and not self.title_vi:
            raise ValidationError({"title_vi": _("Give a title in Vietnamese or English.")})


class AgreementAttachment(AttachmentBase):
    unit_scope = "record__units"

    record = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="attachments")

    objects = RestrictedQuerySet.as_manager()

    class Meta(AttachmentBase.Meta):
        verbose_name = _("agreement attachment")


class AgreementConsultation(ConsultationBase):
    """A body consulted on a draft agreement (Law 70/2020 Art. 19: the Ministry of Foreign
    Affairs and the bodies directly concerned), with the reply due 7 working days after the
    complete file by the rule in force."""

    unit_scope = "agreement__units"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="consultations")

    history = HistoricalRecords()

    class Meta(ConsultationBase.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")


class AgreementTransition(TransitionBase):
    """One step of an agreement's workflow (consulted, approved to sign, signed, reported…)."""

    unit_scope = "agreement__units"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(pgettext_lazy("status change", "from"), max_length=20,
                                   choices=AgreementStatus.choices)
    to_status = models.CharField(pgettext_lazy("status change", "to"), max_length=20, choices=AgreementStatus.choices)

    class Meta(TransitionBase.Meta):
        pass
