from django.db import models
from django.utils.translation import gettext_lazy as _


class FDIStatus(models.TextChoices):
    LICENSED = "licensed", _("Licensed")
    OPERATING = "operating", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")


class ODAKind(models.TextChoices):
    ODA_LOAN = "oda_loan", _("ODA loan")
    CONCESSIONAL_LOAN = "concessional_loan", _("Concessional loan")
    GRANT = "grant", _("Grant")


class ODAStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class IndicatorUnit(models.TextChoices):
    COUNT = "count", _("count")
    PERSONS = "persons", _("persons")
    USD = "USD", _("USD")
    VND = "VND", _("VND")
    PERCENT = "percent", _("percent")
    OTHER = "other", _("other")
