from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "foreign_affairs.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import roles

        # Without a sender filter: permissions of later apps exist only after their own post_migrate.
        post_migrate.connect(roles.sync_role_groups_after_migrate, dispatch_uid="sync_role_groups")
