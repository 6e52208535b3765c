from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "foreign_affairs.web"
    label = "web"
    verbose_name = _("Web app")

    def ready(self) -> None:
        # Code below the web app (reports, notifications) finds a record's page through core.links.
        from foreign_affairs.core.links import set_record_pages

        from .registry import url_for

        set_record_pages(url_for)
