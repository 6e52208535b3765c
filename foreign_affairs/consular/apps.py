from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsularConfig(AppConfig):
    name = "foreign_affairs.consular"
    label = "consular"
    verbose_name = _("Consular")
