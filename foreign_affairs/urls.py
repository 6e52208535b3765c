from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(("foreign_affairs.api.urls", "api"))),
    path("reports/", include("foreign_affairs.reports.urls")),
    path("", include("foreign_affairs.notifications.urls")),
    path("", include("foreign_affairs.web.urls")),
]
