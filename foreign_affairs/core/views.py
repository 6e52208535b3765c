"""Access rules shared by every page: sign-in first, then the model permission, then the scope.

The base view lives in core so that the pages of every app (web, reports, notifications) build on
it without importing one another."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.views import View


class PermissionView(View):
    """A page that needs a signed-in user holding every permission in ``required_perms()``.

    Anonymous users go to the login page (with ``?next=``); signed-in users without the
    permission get 403. Records outside the user's scope are filtered by ``restrict()`` in the
    views, which then answer 404.
    """

    def required_perms(self) -> list[str]:
        return []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not all(request.user.has_perm(perm) for perm in self.required_perms()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
