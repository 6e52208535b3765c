from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidConfig(AppConfig):
    name = "foreign_affairs.aid"
    label = "aid"
    verbose_name = _("Non-ODA aid and foreign NGOs")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .rules import aid_rules_after_migrate

        # The aid deadlines join the rules table (core.DeadlineRule) on every migrate and test flush.
        post_migrate.connect(aid_rules_after_migrate, sender=self, dispatch_uid="aid_deadline_rules")
