from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EconomyConfig(AppConfig):
    name = "foreign_affairs.economy"
    label = "economy"
    verbose_name = _("Economy")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .services import indicators_after_migrate

        # The indicator catalogue (DESIGN §2) is refreshed on every migrate and test flush.
        post_migrate.connect(indicators_after_migrate, sender=self, dispatch_uid="economy_indicators")
