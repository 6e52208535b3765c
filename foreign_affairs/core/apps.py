from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "foreign_affairs.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import roles

        # Reference data (countries, fields) and role groups are refreshed on every migrate and
        # test flush, like content types and permissions are.
        post_migrate.connect(roles.reference_data_after_migrate, dispatch_uid="reference_data")
        post_migrate.connect(roles.sync_after_all_migrations, dispatch_uid="sync_role_groups")
