from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class VisitStatus(models.TextChoices):
    """A foreign press visit (NĐ 88/2012): notified by MOFA, reviewed by the province, agreed or
    declined, then completed."""

    NOTIFIED = "notified", _("Notified")
    REVIEWED = "reviewed", _("Under review")
    AGREED = "agreed", _("Agreed")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", pgettext_lazy("press visit status", "Completed")


# The steps a visit may take on screen and in the API (a bundle may set any status: it loads
# what happened). Staying in the same status is always allowed.
VISIT_NEXT = {
    VisitStatus.NOTIFIED: {VisitStatus.REVIEWED, VisitStatus.AGREED, VisitStatus.DECLINED},
    VisitStatus.REVIEWED: {VisitStatus.AGREED, VisitStatus.DECLINED},
    VisitStatus.AGREED: {VisitStatus.COMPLETED, VisitStatus.DECLINED},
    VisitStatus.DECLINED: set(),
    VisitStatus.COMPLETED: set(),
}


class AwardType(models.TextChoices):
    PROVINCIAL_CERTIFICATE = "provincial_certificate", _("Certificate of merit of the provincial Chair")
    COMMEMORATIVE_MEDAL = "commemorative_medal", _("Commemorative medal")
    STATE_MEDAL = "state_medal", _("State medal (proposed to the central level)")
    STATE_ORDER = "state_order", _("State order (proposed to the central level)")
    OTHER = "other", _("Other")


class AwardStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    REVIEWED = "reviewed", pgettext_lazy("honour status", "Under review")
    DECIDED = "decided", _("Decided")
    REJECTED = "rejected", _("Rejected")
    FORWARDED = "forwarded", _("Forwarded to the central level")
    AWARDED = "awarded", _("Awarded")


# An award in one of these states rests on a decision (number and date).
DECIDED_STATUSES = (AwardStatus.DECIDED, AwardStatus.AWARDED)


class BorderItemKind(models.TextChoices):
    MARKER = "marker", _("Border marker")
    STAKE = "stake", _("Supplementary stake")
    BORDER_GATE = "border_gate", _("Border gate")
    OPENING = "opening", _("Border opening")
    VILLAGE_PAIR = "village_pair", _("Twinned village pair")
    POST_PAIR = "post_pair", _("Twinned border-post pair")


class GateClass(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    MAIN = "main", _("Main (national)")
    SECONDARY = "secondary", _("Secondary")


class BorderStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("border status", "Open")
    RESTRICTED = "restricted", _("Restricted")
    CLOSED = "closed", pgettext_lazy("border status", "Closed")


class BorderEventKind(models.TextChoices):
    JOINT_INSPECTION = "joint_inspection", _("Joint inspection")
    MARKER_REPAIR = "marker_repair", _("Marker repair")
    INCIDENT = "incident", _("Incident")
    ILLEGAL_CROSSING = "illegal_crossing", _("Illegal crossing")
    TWINNING_ACTIVITY = "twinning_activity", _("Twinning activity")
    OPENING = "opening", _("Opening or closure of passage")
    OTHER = "other", _("Other")
