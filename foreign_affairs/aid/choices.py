"""Vocabularies of non-ODA aid (Decree 80/2020/NĐ-CP) and foreign NGOs (Decree 58/2022/NĐ-CP).
Codes are the bundle contract; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AidModality(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")
    NON_PROJECT = "non_project", _("Non-project aid")
    EMERGENCY = "emergency", _("Emergency relief")


class AidStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPRAISING = "appraising", _("Being appraised")
    APPROVED = "approved", _("Approved")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    IMPLEMENTING = "implementing", _("Being implemented")
    COMPLETED = "completed", pgettext_lazy("programme status", "Completed")
    SETTLED = "settled", _("Settled")
    REVOKED = "revoked", _("Approval revoked")


# An aid item at one of these stages has an approval decision.
AID_APPROVED = (AidStatus.APPROVED, AidStatus.IMPLEMENTING, AidStatus.COMPLETED, AidStatus.SETTLED,
                AidStatus.REVOKED)
# An aid item at one of these stages has started.
AID_STARTED = (AidStatus.IMPLEMENTING, AidStatus.COMPLETED, AidStatus.SETTLED)

# The steps of the aid workflow (Decree 80/2020, research/domain.md W5): from → allowed next states.
AID_TRANSITIONS: dict[str, tuple[str, ...]] = {
    AidStatus.PROPOSED: (AidStatus.APPRAISING, AidStatus.NOT_ACCEPTED),
    AidStatus.APPRAISING: (AidStatus.APPROVED, AidStatus.NOT_ACCEPTED),
    AidStatus.APPROVED: (AidStatus.IMPLEMENTING, AidStatus.REVOKED),
    AidStatus.NOT_ACCEPTED: (),
    AidStatus.IMPLEMENTING: (AidStatus.COMPLETED,),
    AidStatus.COMPLETED: (AidStatus.SETTLED,),
    AidStatus.SETTLED: (),
    AidStatus.REVOKED: (),
}


class CertificateKind(models.TextChoices):
    OPERATION_REGISTRATION = "operation_registration", _("Operation registration")
    PROJECT_OFFICE = "project_office", _("Project office")
    REPRESENTATIVE_OFFICE = "representative_office", _("Representative office")


class CertificateStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    PROVINCE_CONSULTED = "province_consulted", _("Province consulted")
    ISSUED = "issued", _("Issued")
    AMENDED = "amended", _("Amended")
    EXTENDED = "extended", _("Extended")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    TERMINATED = "terminated", _("Terminated")


# A certificate at one of these statuses is in force between its issue and expiry dates.
CERTIFICATE_IN_FORCE = (CertificateStatus.ISSUED, CertificateStatus.AMENDED, CertificateStatus.EXTENDED)


class ProvinceOpinion(models.TextChoices):
    AGREE = "agree", _("Agree")
    AGREE_WITH_COMMENTS = "agree_with_comments", _("Agree with comments")
    DISAGREE = "disagree", _("Disagree")


class NGOStatus(models.TextChoices):
    OPERATING = "operating", _("Operating in the province")
    PENDING_AREA = "pending_area_extension", _("Waiting for the province to be added to its area")
    ENDED = "ended", _("No longer operating")
