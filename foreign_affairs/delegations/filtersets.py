from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Delegation


class DelegationFilterSet(RecordFilterSet):
    year_field = "start_on"

    direction = ListFilter(field_name="direction", label=_("Direction"))
    pillar = ListFilter(field_name="pillar", label=_("Pillar"))
    level = ListFilter(field_name="level", label=_("Level"))
    status = ListFilter(field_name="status", label=_("Status"))
    reception = ListFilter(field_name="reception", label=_("Reception"))
    funding = ListFilter(field_name="funding", label=_("Funding"))
    countries = ListFilter(field_name="countries__code", label=_("Country"))
    country = ListFilter(field_name="countries__code", label=_("Country"))
    partners = ListFilter(field_name="partners__ref", label=_("Partner (ref)"))
    host_unit = ListFilter(field_name="host_unit__ref", label=_("Host unit (ref)"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))

    class Meta:
        model = Delegation
        fields = ["search", "direction", "pillar", "level", "status", "reception", "funding",
                  "country", "countries", "partners", "host_unit", "fields", "year"]
