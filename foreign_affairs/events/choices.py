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
