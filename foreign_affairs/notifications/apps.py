from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "foreign_affairs.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from foreign_affairs.core.signals import transition_done

        from .receivers import notify_transition

        # Every workflow step (delegations now, agreements and events later) is announced after
        # commit; this app turns it into notifications and e-mail.
        transition_done.connect(notify_transition, dispatch_uid="notifications_transition_done")
