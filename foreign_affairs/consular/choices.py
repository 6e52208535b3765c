from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseKind(models.TextChoices):
    DETENTION = "detention", _("Detention or arrest")
    ACCIDENT = "accident", _("Accident")
    DEATH = "death", _("Death")
    TRAFFICKING = "trafficking", _("Human trafficking")
    STRANDED = "stranded", _("Stranded")
    LOST_DOCUMENTS = "lost_documents", _("Lost documents")
    LABOUR_DISPUTE = "labour_dispute", _("Labour dispute")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("case status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")
