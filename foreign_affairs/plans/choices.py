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


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class ItemKind(models.TextChoices):
    """What a programme item plans: a trip abroad, a visit to the province, a conference…"""

    OUTGOING_DELEGATION = "outgoing_delegation", _("Outgoing delegation")
    INCOMING_DELEGATION = "incoming_delegation", _("Incoming delegation")
    RECEPTION = "reception", _("Reception")
    CONFERENCE = "conference", _("International conference")
    AGREEMENT = "agreement", _("Agreement to sign")
    EVENT = "event", _("Event or anniversary")
    PROMOTION = "promotion", _("Investment, trade or tourism promotion")
    PEOPLE_TO_PEOPLE = "people_to_people", _("People-to-people exchange")
    OTHER = "other", _("Other")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    SCHEDULED = "scheduled", _("Scheduled")
    DONE = "done", pgettext_lazy("programme item status", "Done")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
    CARRIED_OVER = "carried_over", _("Carried over to the next year")


# Cancelled items are left out of a programme's fulfilment (done ÷ planned): the province decided
# not to hold them. Postponed and carried-over items stay in: they were planned and not done.
NOT_COUNTED_STATUSES = (ItemStatus.CANCELLED,)
