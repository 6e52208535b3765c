from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("International conference or seminar")
    INVESTMENT_PROMOTION = "investment_promotion", _("Investment promotion")
    TRADE_FAIR = "trade_fair", _("Trade fair")
    CULTURAL = "cultural", _("Cultural event or festival")
    COMMEMORATION = "commemoration", _("Commemoration")
    HUMANITARIAN = "humanitarian", _("Humanitarian exchange")
    SPORTS = "sports", _("Sports exchange")
    PRESS = "press", _("Foreign press visit")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    """Where an event stands. Events that need a permit (international conferences and
    seminars, QĐ 06/2020/QĐ-TTg) are applied for, consulted on and permitted or refused;
    every event is then held and may be reported on."""

    DRAFT = "draft", _("Draft")
    APPLIED = "applied", _("Applied for")
    CONSULTING = "consulting", _("Consulting")
    PERMITTED = "permitted", _("Permitted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")
    REPORTED = "reported", _("Reported")


# An event counts as held (the events_held indicator) in these states.
EVENT_HELD = (EventStatus.HELD, EventStatus.REPORTED)


class GuestRank(models.TextChoices):
    """The highest rank of the foreign guests: it decides who permits a conference."""

    HEAD_OF_STATE = "head_of_state", _("Head of state")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
    MINISTER = "minister", _("Minister or equivalent")
    DEPUTY_MINISTER = "deputy_minister", _("Deputy minister or equivalent")
    AMBASSADOR = "ambassador", _("Ambassador or consul general")
    LOCAL_LEADER = "local_leader", _("Leader of a foreign locality")
    OTHER = "other", _("Other")


class SensitiveTopic(models.TextChoices):
    """Subjects that put a conference under the Prime Minister's competence (QĐ 06/2020)."""

    SOVEREIGNTY = "sovereignty", _("Sovereignty and borders")
    SECURITY = "security", _("Security")
    DEFENCE = "defence", _("Defence")
    ETHNIC = "ethnic", _("Ethnic affairs")
    RELIGION = "religion", _("Religion")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    STATE_SECRET = "state_secret", _("State secrets")


class Competence(models.TextChoices):
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    PROVINCIAL_CHAIR = "provincial_chair", _("Chairman of the Provincial People's Committee")
