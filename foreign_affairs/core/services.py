"""Writes on core records: users and reference data."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from rest_framework.authtoken.models import Token

from .choices import Role
from .data import FIELDS, country_rows, framework_rows
from .models import Country, Field, Unit, User
from .roles import group_name


def user_set_role(*, user: User, role: str, unit: Unit | None = None) -> User:
    """Give a user one of the five roles: their group (and so their permissions) follows it."""
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(Role.values)}")
    with transaction.atomic():
        user.role = role
        user.unit = unit
        user.is_superuser = role == Role.ADMIN
        user.is_staff = role in {Role.ADMIN, Role.OFFICER}
        user.full_clean(exclude=["password"])
        user.save()
        user.groups.set([Group.objects.get_or_create(name=group_name(role))[0]])
    return user


def user_create(*, username: str, password: str, role: str, unit: Unit | None = None,
                email: str = "") -> tuple[User, str]:
    """Create a user with a role and return it with a fresh API token."""
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(Role.values)}")
    if role == Role.UNIT_OFFICER and unit is None:
        raise ValueError("a unit officer needs a unit (--unit REF)")
    with transaction.atomic():
        user = User(username=username, email=email)
        validate_password(password, user)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        user_set_role(user=user, role=role, unit=unit)
        token, _ = Token.objects.get_or_create(user=user)
    return user, token.key


def reference_data_load() -> None:
    """Load or refresh countries (ISO 3166 + CLDR names), frameworks and the field vocabulary.

    Idempotent; an admin's edits to a field's names are kept, frameworks are only filled in
    where none was recorded.
    """
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        [Country(**row) for row in country_rows() if row["code"] not in existing]
    )
    for row in framework_rows():
        country = Country.objects.filter(code=row["code"]).first()
        if country and not country.framework:
            country.framework = row["framework"]
            country.framework_since = date.fromisoformat(row["since"])
            country.framework_source = row["source"]
            country.save()
    for position, (code, name_vi, name_en) in enumerate(FIELDS):
        Field.objects.get_or_create(
            code=code, defaults={"name_vi": name_vi, "name_en": name_en, "position": position}
        )


def personal_data_access_log(*, actor: User, record, channel: str) -> None:
    """Record that ``actor`` was shown personal data of ``record``."""
    from .models import PersonalDataAccess

    PersonalDataAccess.objects.create(
        user=actor, record_type=record._meta.label_lower, record_id=record.pk, channel=channel[:200]
    )


def personal_data_access_log_many(*, actor: User, records, channel: str) -> None:
    """Record that ``actor`` was shown personal data of each of ``records`` (one row each),
    in one insert: a list page showing a thousand members costs the same as one showing ten."""
    from .models import PersonalDataAccess

    PersonalDataAccess.objects.bulk_create([
        PersonalDataAccess(
            user=actor, record_type=record._meta.label_lower, record_id=record.pk, channel=channel[:200]
        )
        for record in records
    ])


def record_save(*, instance, actor: User | None, m2m: dict | None = None, reason: str = ""):
    """Create or change any register record: validate it whole, save it and its many-to-many
    links in one transaction, and attribute the change in its history to ``actor``.

    Raises ValidationError (per field) and writes nothing when the record is invalid.
    """
    with transaction.atomic():
        instance._history_user = actor
        if reason:
            instance._change_reason = reason
        instance.full_clean()
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        _check_unit_scope(instance, actor)
    return instance


def _check_unit_scope(instance, actor: User | None) -> None:
    """A unit officer records only for its own unit's subtree: a record that would land outside
    it (another unit as host, no unit at all) is refused, and the transaction rolls back."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from .querysets import is_unit_scoped, user_unit_ids

    scope = getattr(type(instance), "unit_scope", None)
    if not scope or actor is None or not is_unit_scoped(actor):
        return
    model = type(instance)
    if model._default_manager.filter(pk=instance.pk, **{f"{scope}__in": user_unit_ids(actor)}).exists():
        return
    field = scope.split("__")[0]
    unit = actor.unit.name if actor.unit_id else "-"
    raise ValidationError({field: _("You can record only for %(unit)s and the units under it.") % {"unit": unit}})


def record_delete(*, instance, actor: User | None) -> None:
    """Delete a record; its history keeps the last state and who deleted it."""
    with transaction.atomic():
        instance._history_user = actor
        instance.delete()


def attachment_add(*, record, upload, actor: User | None, description: str = ""):
    """Attach an uploaded file to a record (partner, agreement, delegation, event).

    Only document and image types on the whitelist, up to ATTACHMENT_MAX_BYTES; the stored name
    is sanitised (no path parts, no control characters) and the file lands under MEDIA_ROOT,
    outside the web root.
    """
    from pathlib import PurePath

    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.utils.text import get_valid_filename
    from django.utils.translation import gettext as _

    original = PurePath(upload.name.replace("\\", "/")).name
    suffix = PurePath(original).suffix.lower()
    if suffix not in settings.ATTACHMENT_EXTENSIONS:
        allowed = ", ".join(sorted(settings.ATTACHMENT_EXTENSIONS))
        message = _("%(name)s: files of type '%(suffix)s' are not accepted (allowed: %(allowed)s)") % {
            "name": original,
            "suffix": suffix or "none",
            "allowed": allowed,
        }
        raise ValidationError({"file": message})
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        limit = settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)
        raise ValidationError(
            {"file": _("%(name)s: the file is larger than %(limit)s MB") % {"name": original, "limit": limit}}
        )
    safe_name = get_valid_filename(original) or f"file{suffix}"
    model = record.attachments.model
    attachment = model(record=record, original_name=original[:255], size=upload.size,
                       content_type=getattr(upload, "content_type", "") or "", description=description,
                       uploaded_by=actor)
    with transaction.atomic():
        attachment.file.save(safe_name, upload, save=False)
        attachment.save()
    return attachment
