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


def set_language(request):
    """Django's language switch, which also remembers a signed-in user's choice: their e-mails
    are written in it (notifications.services.notification_email)."""
    from django.conf import settings
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    language = request.POST.get("language")
    user = getattr(request, "user", None)
    if (request.method == "POST" and user is not None and user.is_authenticated
            and language in dict(settings.LANGUAGES) and user.language != language):
        user.language = language
        user.save(update_fields=["language"])
    return response
