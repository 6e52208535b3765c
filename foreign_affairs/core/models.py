"""Core records that everything else points at: units, users, countries, the field vocabulary."""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import ConsultationPosition, DayCount, DeadlineDirection, Framework, Role, UnitKind
from .querysets import RestrictedQuerySet
from .text import fold


def new_ref(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


class BilingualNameMixin:
    """Picks the Vietnamese or English name for the active language, falling back to the other."""

    def localized(self, vi_field: str = "name_vi", en_field: str = "name_en") -> str:
        vi, en = getattr(self, vi_field, ""), getattr(self, en_field, "")
        if (get_language() or "vi").startswith("en"):
            return en or vi
        return vi or en


class RecordModel(BilingualNameMixin, models.Model):
    """Shared features of every register record: a stable bundle ref, notes, timestamps.

    The ref is the record's key in bundles; records created in the web app get one generated.
    """

    ref_prefix = "rec"
    # Text fields folded into search_text, so search is case- and accent-insensitive on any database.
    search_fields: tuple[str, ...] = ("ref", "notes")

    ref = models.CharField(
        _("reference"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Stable key used in data bundles; generated when left empty."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Demo data that stands for what a province's files would hold (docs/demo.md): set only by a
    # bundle import, never by forms or the API, so an installation's own records never carry it.
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        editable=False,
        help_text=_("An illustrative demo record, not a record of the province's files."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.ref:
            self.ref = new_ref(self.ref_prefix)
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        parts = []
        for name in self.search_fields:
            value = getattr(self, name, "")
            if isinstance(value, list | tuple):
                value = " ".join(str(v) for v in value)
            parts.append(str(value or ""))
        return fold(" ".join(parts))


class Unit(RecordModel):
    """Đơn vị: an organisational unit of the province (Party committee, People's Committee,
    department, commune, association). A time-versioned tree: units end (valid_until) and may
    name a successor, so records of 2023–2024 still report by the units of their time."""

    ref_prefix = "unit"
    search_fields = ("ref", "name_vi", "name_en", "short_name", "notes")

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", verbose_name=_("successor"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="predecessors",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_vi"]
        permissions = [("import_records", "Can import records from bundles and spreadsheets")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="unit_valid_range",
                violation_error_message=_("A unit cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized()

    def is_active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def clean(self) -> None:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("A unit cannot end before it starts.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A unit cannot be its own ancestor.")})
            ancestor = ancestor.parent


class Country(BilingualNameMixin, models.Model):
    """A country or territory (ISO 3166-1 alpha-2) with CLDR names, and Vietnam's bilateral
    framework with it (comprehensive strategic partnership, …) with the date it was set."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    framework = models.CharField(_("bilateral framework"), max_length=30, choices=Framework.choices, blank=True)
    framework_since = models.DateField(_("framework since"), null=True, blank=True)
    framework_source = models.TextField(_("framework source"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized()


class Field(BilingualNameMixin, models.Model):
    """Lĩnh vực: a field of foreign-affairs work (political, economic, consular, …); admins edit the list."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized()


class User(AbstractUser):
    """A person who signs in, with one role and (for unit officers) the unit they work for."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="users"
    )
    # The language of the e-mails the user receives: the one they last chose in the header (empty:
    # the site's, LANGUAGE_CODE).
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default="")

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


def attachment_path(instance: AttachmentBase, filename: str) -> str:
    return f"attachments/{instance._meta.app_label}/{secrets.token_hex(8)}/{filename}"


class AttachmentBase(models.Model):
    """A file attached to a record (scanned agreement, invitation letter, photo). Stored under
    MEDIA_ROOT, which is outside the web root; downloads go through a permission check."""

    file = models.FileField(_("file"), upload_to=attachment_path, max_length=500)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    description = models.CharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class PersonalDataAccess(models.Model):
    """One read of restricted personal data (members' passports, citizen-protection cases):
    who, when, which record, through which page or endpoint. Kept for audit."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    accessed_at = models.DateTimeField(_("accessed"), auto_now_add=True)
    record_type = models.CharField(_("record type"), max_length=100)
    record_id = models.PositiveBigIntegerField(_("record id"))
    channel = models.CharField(_("channel"), max_length=200, help_text=_("Page or API path"))

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-accessed_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.record_type}#{self.record_id} {self.accessed_at:%Y-%m-%d %H:%M}"


class Province(models.Model):
    """The province this installation serves (one row): its statistics code and names, as a
    bundle's ``province`` block gives them. Reports and exports name it."""

    code = models.CharField(_("code"), max_length=10, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("province")

    def __str__(self) -> str:
        return self.name_vi or self.name_en or self.code

    @classmethod
    def current(cls) -> Province:
        return cls.objects.first() or cls()


class DeadlineRule(models.Model):
    """A deadline a regulation sets, kept as data because the regulations change: its value in
    calendar or working days, the event it counts from (or before), its legal basis and the
    period it applies to. A new regulation is a new row with a later ``valid_from``."""

    code = models.SlugField(_("rule"), max_length=60)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    days = models.PositiveSmallIntegerField(_("days"))
    day_count = models.CharField(_("counted in"), max_length=20, choices=DayCount.choices)
    direction = models.CharField(
        _("direction"), max_length=10, choices=DeadlineDirection.choices, default=DeadlineDirection.AFTER
    )
    anchor_event = models.CharField(_("counted from"), max_length=120, help_text=_("e.g. return of the delegation"))
    legal_basis = models.TextField(_("legal basis"))
    verified = models.BooleanField(
        _("checked against the official text"), default=False,
        help_text=_("Unchecked defaults come from background knowledge and must be verified before go-live."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["code", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="deadline_rule_valid_range",
                violation_error_message=_("A rule cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.days} {self.get_day_count_display()}"


class RoutingRule(models.Model):
    """Who decides, or which extra step applies, kept as data because the regulations change
    (research/domain.md §8.2): e.g. "outgoing delegations of provincial leaders need the
    Provincial Party Standing Committee's clearance", "a conference with ministerial guests is
    permitted by the Prime Minister, and its application is due 40 days ahead".

    A rule applies to a record when every entry of ``condition`` matches: ``{"level":
    ["provincial_leader"]}`` matches a record whose ``level`` is one of the values; for a
    field holding a list (a conference's sensitive topics) one shared value is enough; an
    empty condition matches every record. Among the rules of one code in force on a date, the
    first match by ``priority`` decides; its ``outcome`` says what follows and
    ``deadline_rule`` names the DeadlineRule that applies on that route."""

    code = models.SlugField(_("rule"), max_length=60)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    condition = models.JSONField(
        _("condition"), default=dict, blank=True,
        help_text=_('Field → accepted values, e.g. {"level": ["provincial_leader"]}; empty: every record.'),
    )
    outcome = models.SlugField(_("outcome"), max_length=60, help_text=_("e.g. required, prime_minister"))
    deadline_rule = models.SlugField(
        _("deadline rule"), max_length=60, blank=True, help_text=_("The deadline rule that applies on this route.")
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=100, help_text=_("Lower is tried first."))
    legal_basis = models.TextField(_("legal basis"))
    verified = models.BooleanField(
        _("checked against the official text"), default=False,
        help_text=_("Unchecked defaults come from background knowledge and must be verified before go-live."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["code", "priority", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="routing_rule_valid_range",
                violation_error_message=_("A rule cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} → {self.outcome}"

    def clean(self) -> None:
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("A rule cannot end before it starts.")
        condition = self.condition
        if not isinstance(condition, dict) or not all(
            isinstance(key, str) and isinstance(values, list) and all(isinstance(v, str) for v in values)
            for key, values in condition.items()
        ):
            errors["condition"] = _('The condition maps field names to lists of values, e.g. {"level": ["unit"]}.')
        if errors:
            raise ValidationError(errors)

    def matches(self, record) -> bool:
        for name, accepted in (self.condition or {}).items():
            value = getattr(record, name, None)
            if isinstance(value, list | tuple | set):
                if not set(map(str, value)) & set(accepted):
                    return False
            elif value is None or str(value) not in accepted:
                return False
        return True


class TransitionBase(models.Model):
    """One step of a record's workflow (submitted, permitted, signed…): who took it, when, from
    which status to which, and the document behind it (number, date, signer), as Vietnamese
    administrative practice expects. Each workflow record type has its own log table with a
    plain key to the record (delegations.DelegationTransition, agreements.AgreementTransition,
    events.EventTransition), so scoping and queries stay plain joins."""

    action = models.CharField(_("action"), max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)
    document_no = models.CharField(_("document number"), max_length=100, blank=True)
    document_on = models.DateField(_("document date"), null=True, blank=True)
    signer = models.CharField(_("signed by"), max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"


class ConsultationBase(models.Model):
    """Xin ý kiến: a body consulted on a record (the Ministry of Foreign Affairs, the provincial
    police, a ministry concerned): when the file was sent, when the reply is due by the rules,
    when it came and what it said."""

    body = models.CharField(_("body consulted"), max_length=255)
    sent_on = models.DateField(_("sent on"))
    reply_due_on = models.DateField(_("reply due"), null=True, blank=True)
    replied_on = models.DateField(_("reply date"), null=True, blank=True)
    position = models.CharField(
        _("position"), max_length=30, blank=True, choices=ConsultationPosition.choices
    )
    comments = models.TextField(_("comments"), blank=True)
    document_no = models.CharField(_("reply document number"), max_length=100, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sent_on", "pk"]

    def __str__(self) -> str:
        return self.body

    @property
    def pending(self) -> bool:
        return self.replied_on is None

    def clean(self) -> None:
        errors = {}
        if self.replied_on and self.sent_on and self.replied_on < self.sent_on:
            errors["replied_on"] = _("A reply cannot come before the file was sent.")
        if self.replied_on and not self.position:
            errors["position"] = _("Give the body's position.")
        if errors:
            raise ValidationError(errors)
