"""Vocabularies shared by every record group. Codes are the bundle contract; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    PARTY = "party", _("Party foreign affairs")
    STATE = "state", _("State diplomacy")
    PEOPLE = "people", _("People's diplomacy")


class UnitKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Department")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    OFFICER = "officer", _("Foreign-affairs officer")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    APPROVER = "approver", _("Approver (provincial leader)")
    VIEWER = "viewer", _("Viewer")


class Framework(models.TextChoices):
    """Vietnam's bilateral relationship framework with a country."""

    COMPREHENSIVE_STRATEGIC = "comprehensive_strategic", _("Comprehensive strategic partnership")
    STRATEGIC = "strategic", _("Strategic partnership")
    COMPREHENSIVE = "comprehensive", _("Comprehensive partnership")
    SPECIAL = "special", _("Special relationship")
    OTHER = "other", _("Other")


class DayCount(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("Calendar days")
    WORKING_DAYS = "working_days", _("Working days")


class DeadlineDirection(models.TextChoices):
    AFTER = "after", _("After the event")
    BEFORE = "before", _("Before the event")


class ConsultationPosition(models.TextChoices):
    """A consulted body's answer (Law 70/2020 Art. 19; QĐ 06/2020/QĐ-TTg)."""

    AGREE = "agree", _("Agrees")
    AGREE_WITH_COMMENTS = "agree_with_comments", _("Agrees with comments")
    DISAGREE = "disagree", _("Disagrees")
