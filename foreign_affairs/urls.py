from django.contrib import admin
from django.urls import include, path

from foreign_affairs.core.views import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    # Django's switch, remembering the signed-in user's language for their e-mails.
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include(("foreign_affairs.api.urls", "api"))),
    path("reports/", include("foreign_affairs.reports.urls")),
    path("", include("foreign_affairs.notifications.urls")),
    path("", include("foreign_affairs.web.urls")),
]
