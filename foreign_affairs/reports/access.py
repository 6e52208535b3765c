"""Who may see which report: everyone signed in with the view permission sees the province's
reports; a unit officer sees only reports of its own unit's subtree (its unit by default)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from foreign_affairs.core.models import Unit, User
from foreign_affairs.core.querysets import is_unit_scoped, user_unit_ids


class UnknownUnit(ValueError):
    """The unit ref names no unit."""


def report_unit_for(user: User, unit_ref: str | None) -> Unit | None:
    """The unit a report asked for by ``user`` covers (None: the province), or PermissionDenied."""
    if not user.has_perm("reports.view_report"):
        raise PermissionDenied(_("Your role may not read reports."))
    unit = None
    if unit_ref:
        unit = Unit.objects.filter(ref=unit_ref).first()
        if unit is None:
            raise UnknownUnit(_("Unknown unit %(ref)r.") % {"ref": unit_ref})
    if is_unit_scoped(user):
        if unit is None:
            if user.unit_id is None:
                raise PermissionDenied(_("Your account has no unit, so it has no reports."))
            return user.unit
        if unit.pk not in user_unit_ids(user):
            raise PermissionDenied(_("You may read reports of your own unit and the units under it only."))
    return unit
