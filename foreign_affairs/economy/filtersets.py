import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import AftercareIssue, AftercareVisit, FDIProject, Indicator, InvestmentLead, ODAProgramme, Statistic


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
    estimated = django_filters.BooleanFilter(field_name="estimated", label=_("Estimated or announced"))

    class Meta:
        model = Statistic
        fields = ["search", "indicator", "unit", "start", "end", "estimated", "year"]


class IndicatorFilterSet(django_filters.FilterSet):
    unit = ListFilter(field_name="unit", label=_("Unit"))

    class Meta:
        model = Indicator
        fields = ["unit", "computed"]


class InvestmentLeadFilterSet(RecordFilterSet):
    year_field = "received_on"

    stage = ListFilter(field_name="stage", label=_("Stage"))
    country = ListFilter(field_name="country_id", label=_("Investor country"))
    sector = django_filters.CharFilter(field_name="sector", lookup_expr="icontains", label=_("Sector"))
    owner_unit = ListFilter(field_name="owner_unit__ref", label=_("Owner unit (ref)"))
    partner = ListFilter(field_name="partner__ref", label=_("Partner (ref)"))
    origin_delegation = ListFilter(field_name="origin_delegation__ref", label=_("Delegation (ref)"))
    origin_event = ListFilter(field_name="origin_event__ref", label=_("Event (ref)"))
    project = ListFilter(field_name="project__ref", label=_("FDI project (ref)"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Response overdue"))

    class Meta:
        model = InvestmentLead
        fields = ["search", "stage", "country", "sector", "owner_unit", "partner", "origin_delegation",
                  "origin_event", "project", "overdue", "year"]

    def filter_overdue(self, qs, name, value):
        from django.utils import timezone

        from .selectors import lead_overdue_q

        if value is None:
            return qs
        overdue = lead_overdue_q(timezone.localdate())
        return qs.filter(overdue) if value else qs.exclude(overdue)


class AftercareVisitFilterSet(RecordFilterSet):
    year_field = "date"

    project = ListFilter(field_name="project__ref", label=_("FDI project (ref)"))
    unit = ListFilter(field_name="unit__ref", label=_("Visiting unit (ref)"))

    class Meta:
        model = AftercareVisit
        fields = ["search", "project", "unit", "year"]


class AftercareIssueFilterSet(RecordFilterSet):
    year_field = "raised_on"

    project = ListFilter(field_name="project__ref", label=_("FDI project (ref)"))
    visit = ListFilter(field_name="visit__ref", label=_("Visit (ref)"))
    status = ListFilter(field_name="status", label=_("Status"))
    responsible_unit = ListFilter(field_name="responsible_unit__ref", label=_("Responsible unit (ref)"))
    open = django_filters.BooleanFilter(method="filter_open", label=_("Still open"))

    class Meta:
        model = AftercareIssue
        fields = ["search", "project", "visit", "status", "responsible_unit", "open", "year"]

    def filter_open(self, qs, name, value):
        from .choices import ISSUE_OPEN

        if value is None:
            return qs
        return qs.filter(status__in=ISSUE_OPEN) if value else qs.exclude(status__in=ISSUE_OPEN)
