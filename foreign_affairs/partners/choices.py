from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    LOCALITY = "locality", _("Foreign locality")
    NATIONAL_GOVERNMENT = "national_government", _("National government")
    DIPLOMATIC_MISSION = "diplomatic_mission", _("Foreign mission in Viet Nam")
    VIETNAMESE_MISSION = "vietnamese_mission", _("Viet Nam's mission abroad")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    NGO = "ngo", _("Non-governmental organisation")
    ENTERPRISE = "enterprise", _("Enterprise")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    ACADEMIC = "academic", _("University or institute")
    FRIENDSHIP_ASSOCIATION = "friendship_association", _("Friendship association")
    OTHER = "other", _("Other")


class Relationship(models.TextChoices):
    SPECIAL_TRADITIONAL = "special_traditional", _("Special, traditional")
    TWINNING = "twinning", _("Twinning")
    COOPERATION = "cooperation", _("Cooperation")
    POTENTIAL = "potential", _("Potential")
    DORMANT = "dormant", _("Dormant")


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    LETTER = "letter", _("Letter")
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")
    OTHER = "other", _("Other")
