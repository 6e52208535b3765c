from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("task status", "In progress")
    DONE = "done", _("Done")
    OVERDUE = "overdue", _("Overdue")
    DROPPED = "dropped", _("Dropped")


# A task in one of these states is finished: it cannot become overdue.
CLOSED_STATUSES = (TaskStatus.DONE, TaskStatus.DROPPED)
