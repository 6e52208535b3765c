from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    INTERNATIONAL_AGREEMENT = "international_agreement", _("International agreement")
    MOU = "mou", _("Memorandum of understanding")
    PROGRAMME = "programme", _("Cooperation programme")
    MINUTES = "minutes", _("Minutes")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    CONSULTING = "consulting", _("Consulting")
    PM_REFERRAL = "pm_referral", _("Referred to the Prime Minister")
    APPROVED = "approved", _("Approved to sign")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


# Signed agreements whose post-signing duties (report, copy to MOFA) are followed.
SIGNED_OR_LATER = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED,
                   AgreementStatus.TERMINATED)
