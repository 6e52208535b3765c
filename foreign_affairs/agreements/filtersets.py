from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Agreement


class AgreementFilterSet(RecordFilterSet):
    year_field = "signed_on"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    status = ListFilter(field_name="status", label=_("Status"))
    country = ListFilter(field_name="partners__country_id", label=_("Partner country"))
    partners = ListFilter(field_name="partners__ref", label=_("Partner (ref)"))
    units = ListFilter(field_name="units__ref", label=_("Unit (ref)"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))

    class Meta:
        model = Agreement
        fields = ["search", "kind", "status", "country", "partners", "units", "fields", "year"]
