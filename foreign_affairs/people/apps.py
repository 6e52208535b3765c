from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """People's records: foreign press visits, honours to foreigners, the overseas community and
    the experts' network, and the border with the Lao provinces."""

    name = "foreign_affairs.people"
    label = "people"
    verbose_name = _("People and border")
