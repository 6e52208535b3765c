from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing (đoàn ra)")
    INCOMING = "incoming", _("Incoming (đoàn vào)")


class Level(models.TextChoices):
    PROVINCIAL_LEADER = "provincial_leader", _("Provincial leaders")
    UNIT = "unit", _("Unit")


class Reception(models.TextChoices):
    RECEIVED = "received", _("Received by provincial leaders")
    PERMITTED = "permitted", _("Permitted to work with a unit")


class DelegationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")
    REPORTED = "reported", _("Reported")
    EVALUATED = "evaluated", _("Evaluated")


# A delegation "took place" in these states (DESIGN §4).
TOOK_PLACE = (DelegationStatus.COMPLETED, DelegationStatus.REPORTED, DelegationStatus.EVALUATED)


class Funding(models.TextChoices):
    STATE_BUDGET = "state_budget", _("State budget")
    PARTNER = "partner", _("Paid by the partner")
    SPONSOR = "sponsor", _("Sponsor")
    MIXED = "mixed", _("Mixed")
    OTHER = "other", _("Other")


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    DEPUTY_HEAD = "deputy_head", _("Deputy head")
    MEMBER = "member", _("Member")
    INTERPRETER = "interpreter", _("Interpreter")
    JOURNALIST = "journalist", _("Journalist")


class CostItemKind(models.TextChoices):
    """Lines of a trip's actual cost, as finance departments settle them."""

    AIRFARE = "airfare", _("Airfare")
    ACCOMMODATION = "accommodation", _("Accommodation")
    PER_DIEM = "per_diem", _("Per diem")
    LOCAL_TRANSPORT = "local_transport", _("Local transport")
    VISA = "visa", _("Visas and fees")
    INSURANCE = "insurance", _("Insurance")
    INTERPRETATION = "interpretation", _("Interpretation")
    GIFTS = "gifts", _("Gifts")
    OTHER = "other", _("Other")
