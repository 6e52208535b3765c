from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Event


class EventFilterSet(RecordFilterSet):
    year_field = "start_on"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    pillar = ListFilter(field_name="pillar", label=_("Pillar"))
    status = ListFilter(field_name="status", label=_("Status"))
    country = ListFilter(field_name="country_id", label=_("Country"))
    partners = ListFilter(field_name="partners__ref", label=_("Partner (ref)"))
    unit = ListFilter(field_name="unit__ref", label=_("Organising unit (ref)"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))

    class Meta:
        model = Event
        fields = ["search", "kind", "pillar", "status", "country", "partners", "unit", "fields", "year"]
