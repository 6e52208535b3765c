from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FDIStatus(models.TextChoices):
    # An investment-policy decision (chủ trương đầu tư) without a registration certificate yet.
    POLICY_APPROVED = "policy_approved", _("Investment policy approved")
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
    COMPLETED = "completed", pgettext_lazy("programme status", "Completed")
    CANCELLED = "cancelled", _("Cancelled")


class IndicatorUnit(models.TextChoices):
    COUNT = "count", _("count")
    PERSONS = "persons", _("persons")
    USD = "USD", _("USD")
    VND = "VND", _("VND")
    PERCENT = "percent", _("percent")
    OTHER = "other", _("other")


class LeadStage(models.TextChoices):
    """Where an investment lead stands in the pipeline, from the first signal to a licence."""

    LEAD = "lead", _("Lead")
    CONTACTED = "contacted", _("Contacted")
    SITE_VISIT = "site_visit", _("Site visit")
    PROPOSAL = "proposal", _("Proposal")
    INVESTMENT_POLICY = "investment_policy", _("Investment policy")
    LICENSED = "licensed", _("Licensed (became a project)")
    DROPPED = "dropped", _("Dropped")


# A lead at one of these stages is closed: no response is awaited any more.
LEAD_CLOSED = (LeadStage.LICENSED, LeadStage.DROPPED)


class LeadContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    SITE_VISIT = "site_visit", _("Site visit")
    EVENT = "event", _("Event")
    OTHER = "other", _("Other")


class IssueStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("issue status", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed without resolution")


ISSUE_OPEN = (IssueStatus.OPEN, IssueStatus.IN_PROGRESS)
