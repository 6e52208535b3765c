from __future__ import annotations

from django.db import models


class RestrictedQuerySet(models.QuerySet):
    """The one place where "who may see or change what" is applied to a query (NetBox style).

    Every view, viewset and export goes through ``restrict(user, action)``. A record the user
    may not reach is simply absent, so detail views answer 404 and do not reveal it exists.
    """

    def restrict(self, user, action: str = "view") -> RestrictedQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        opts = self.model._meta
        if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
            return self.none()
        # Unit scoping for unit officers is layered here (see docs/architecture.md).
        return self
