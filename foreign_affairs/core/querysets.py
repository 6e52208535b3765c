from __future__ import annotations

from django.db import models


class RestrictedQuerySet(models.QuerySet):
    """The one place where "who may see or change what" is applied to a query (NetBox style).

    Every view, viewset and export goes through ``restrict(user, action)``. A record the user
    may not reach is simply absent, so detail views answer 404 and do not reveal it exists.

    Two layers: the role's model permission for the action, then, for unit officers, the unit
    scope: a model that names ``unit_scope`` (the lookup from the record to its unit, e.g.
    ``"host_unit"`` or ``"units"``) shows them only records of their unit's subtree. Models
    without one (partners, countries, units, the field vocabulary) are the shared registry.
    """

    def restrict(self, user, action: str = "view") -> RestrictedQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        opts = self.model._meta
        if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
            return self.none()
        scope = getattr(self.model, "unit_scope", None)
        if scope and is_unit_scoped(user):
            if user.unit_id is None:
                return self.none()
            in_scope = self.model._default_manager.filter(**{f"{scope}__in": user_unit_ids(user)})
            # A subquery rather than distinct(): many-to-many scopes would repeat rows.
            return self.filter(pk__in=in_scope.values("pk"))
        return self


def is_unit_scoped(user) -> bool:
    from .choices import Role

    return getattr(user, "role", None) == Role.UNIT_OFFICER and not user.is_superuser


def user_unit_ids(user) -> set[int]:
    """The user's unit and every unit below it, computed once per user object (per request)."""
    cached = getattr(user, "_unit_subtree_ids", None)
    if cached is None or cached[0] != user.unit_id:
        from .selectors import unit_subtree_ids

        cached = (user.unit_id, unit_subtree_ids(user.unit_id) if user.unit_id else set())
        user._unit_subtree_ids = cached
    return cached[1]
