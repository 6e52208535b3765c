from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import ConsularCase


class ConsularCaseFilterSet(RecordFilterSet):
    year_field = "opened_on"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    country = ListFilter(field_name="country_id", label=_("Country"))
    status = ListFilter(field_name="status", label=_("Status"))

    class Meta:
        model = ConsularCase
        fields = ["search", "kind", "country", "status", "year"]
