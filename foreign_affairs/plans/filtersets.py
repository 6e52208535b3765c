import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import Plan, Programme, ProgrammeItem, Task


class PlanFilterSet(RecordFilterSet):
    year_field = "issued_on"

    number = ListFilter(field_name="number", label=_("Number"))
    issuer = django_filters.CharFilter(field_name="issuer", lookup_expr="icontains", label=_("Issuer"))
    implements = ListFilter(field_name="implements__number", label=_("Directive (number)"))
    lead_unit = ListFilter(field_name="groups__tasks__lead_unit__ref", label=_("Lead unit (ref)"))

    class Meta:
        model = Plan
        fields = ["search", "number", "issuer", "implements", "lead_unit", "year"]


class TaskFilterSet(RecordFilterSet):
    """Tasks of plans: ``?plan=`` by the plan's ref or id, ``?year=`` by due date."""

    year_field = "due_on"

    plan = django_filters.CharFilter(method="filter_plan", label=_("Plan (ref or id)"))
    status = ListFilter(field_name="status", label=_("Status"))
    lead_unit = ListFilter(field_name="lead_unit__ref", label=_("Lead unit (ref)"))
    supporting_units = ListFilter(field_name="supporting_units__ref", label=_("Supporting unit (ref)"))

    class Meta:
        model = Task
        fields = ["search", "plan", "status", "lead_unit", "supporting_units", "year"]

    def filter_plan(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        values = [v.strip() for v in (value or "").split(",") if v.strip()]
        if not values:
            return qs
        ids = [int(v) for v in values if v.isdigit()]
        return qs.filter(Q(group__plan__ref__in=values) | Q(group__plan_id__in=ids))


class WholeYearFilterSet(RecordFilterSet):
    """``?year=`` on a whole-number year field (a programme's year), not on a date."""

    def filter_year(self, qs: QuerySet, name: str, value) -> QuerySet:
        if self.year_field is None or value in (None, ""):
            return qs
        return qs.filter(**{self.year_field: int(value)})


class ProgrammeFilterSet(WholeYearFilterSet):
    """Annual foreign-affairs programmes: ``?year=`` the programme's year, ``?status=``."""

    year_field = "year"

    status = ListFilter(field_name="status", label=_("Status"))

    class Meta:
        model = Programme
        fields = ["search", "status", "year"]


class ProgrammeItemFilterSet(WholeYearFilterSet):
    """Items of annual programmes: ``?programme=`` by the programme's ref or id, ``?year=`` the
    programme's year, and the item's own fields named as in the bundle."""

    year_field = "programme__year"

    programme = django_filters.CharFilter(method="filter_programme", label=_("Programme (ref or id)"))
    kind = ListFilter(field_name="kind", label=_("Kind"))
    pillar = ListFilter(field_name="pillar", label=_("Pillar"))
    status = ListFilter(field_name="status", label=_("Status"))
    lead_unit = ListFilter(field_name="lead_unit__ref", label=_("Lead unit (ref)"))
    supporting_units = ListFilter(field_name="supporting_units__ref", label=_("Supporting unit (ref)"))
    countries = ListFilter(field_name="countries__code", label=_("Country"))
    country = ListFilter(field_name="countries__code", label=_("Country"))
    partners = ListFilter(field_name="partners__ref", label=_("Partner (ref)"))
    quarter = ListFilter(field_name="quarter", label=_("Quarter"))

    class Meta:
        model = ProgrammeItem
        fields = ["search", "programme", "kind", "pillar", "status", "lead_unit", "supporting_units", "countries",
                  "country", "partners", "quarter", "year"]

    def filter_programme(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        values = [v.strip() for v in (value or "").split(",") if v.strip()]
        if not values:
            return qs
        ids = [int(v) for v in values if v.isdigit()]
        return qs.filter(Q(programme__ref__in=values) | Q(programme_id__in=ids))
