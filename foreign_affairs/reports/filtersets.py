from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Report


class ReportFilterSet(RecordFilterSet):
    year_field = "end"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    status = ListFilter(field_name="status", label=_("Status"))
    unit = ListFilter(field_name="unit__ref", label=_("Unit (ref)"))

    class Meta:
        model = Report
        fields = ["search", "kind", "status", "unit", "year"]
