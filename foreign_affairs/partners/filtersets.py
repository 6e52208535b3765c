from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Partner


class PartnerFilterSet(RecordFilterSet):
    year_field = "since"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    country = ListFilter(field_name="country_id", label=_("Country"))
    relationship = ListFilter(field_name="relationship", label=_("Relationship"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))

    class Meta:
        model = Partner
        fields = ["search", "kind", "country", "relationship", "fields", "year"]
