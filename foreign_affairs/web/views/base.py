"""The base of a registry record type's pages (``PermissionView``, shared by every app's pages, is
in ``core/views.py``)."""

from __future__ import annotations

from foreign_affairs.core.views import PermissionView

__all__ = ["PermissionView", "RecordTypeView"]


class RecordTypeView(PermissionView):
    """A page of one registry record type; ``action`` is the model permission it needs."""

    rt = None
    action = "view"

    def required_perms(self) -> list[str]:
        return [self.rt.perm(self.action)]

    def base_context(self, **extra) -> dict:
        user = self.request.user
        return {
            "rt": self.rt,
            "can_add": user.has_perm(self.rt.perm("add")),
            **extra,
        }
