import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import FDIProject, Indicator, ODAProgramme, Statistic


class FDIProjectFilterSet(RecordFilterSet):
    year_field = "registered_on"

    investor_country = ListFilter(field_name="investor_country_id", label=_("Investor country"))
    status = ListFilter(field_name="status", label=_("Status"))
    sector = django_filters.CharFilter(field_name="sector", lookup_expr="icontains", label=_("Sector"))
    origin_delegation = ListFilter(field_name="origin_delegation__ref", label=_("Delegation (ref)"))
    origin_event = ListFilter(field_name="origin_event__ref", label=_("Event (ref)"))

    class Meta:
        model = FDIProject
        fields = ["search", "investor_country", "status", "sector", "origin_delegation", "origin_event", "year"]


class ODAProgrammeFilterSet(RecordFilterSet):
    kind = ListFilter(field_name="kind", label=_("Kind"))
    status = ListFilter(field_name="status", label=_("Status"))
    sector = django_filters.CharFilter(field_name="sector", lookup_expr="icontains", label=_("Sector"))
    donors = django_filters.CharFilter(field_name="donors", lookup_expr="icontains", label=_("Donor"))

    class Meta:
        model = ODAProgramme
        fields = ["search", "kind", "status", "sector", "donors", "year"]

    def filter_year(self, qs, name, value):
        """Programmes whose years include the year asked for."""
        if value in (None, ""):
            return qs
        year = int(value)
        return qs.filter(
            Q(start_year__lte=year) & (Q(end_year__gte=year) | Q(end_year__isnull=True))
        )


class StatisticFilterSet(RecordFilterSet):
    year_field = "start"

    indicator = ListFilter(field_name="indicator__code", label=_("Indicator"))
    unit = ListFilter(field_name="unit", label=_("Unit"))
    start = django_filters.DateFilter(field_name="start", label=_("Period start"))
    end = django_filters.DateFilter(field_name="end", label=_("Period end"))

    class Meta:
        model = Statistic
        fields = ["search", "indicator", "unit", "start", "end", "year"]


class IndicatorFilterSet(django_filters.FilterSet):
    unit = ListFilter(field_name="unit", label=_("Unit"))

    class Meta:
        model = Indicator
        fields = ["unit", "computed"]
