"""List filters for the API's flat sub-resources and reference lists, which the apps' FilterSets
(shared with the web lists) do not cover: contacts and interactions of a partner, members of a
delegation, countries and the field vocabulary."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter
from foreign_affairs.core.models import Country, Field
from foreign_affairs.delegations.models import DelegationMember
from foreign_affairs.partners.models import Contact, Interaction


class RefOrIdFilter(django_filters.CharFilter):
    """A parent record named by its ref or its id; several comma-separated."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        values = [v.strip() for v in (value or "").split(",") if v.strip()]
        if not values:
            return qs
        ids = [int(v) for v in values if v.isdigit()]
        by_ref = Q(**{f"{self.field_name}__ref__in": values})
        return qs.filter(by_ref | Q(**{f"{self.field_name}_id__in": ids}))


class ContactFilterSet(django_filters.FilterSet):
    partner = RefOrIdFilter(field_name="partner", label=_("Partner (ref or id)"))
    search = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Contact
        fields = ["partner", "search"]

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            qs = qs.filter(Q(name__icontains=word) | Q(position__icontains=word) | Q(email__icontains=word))
        return qs


class InteractionFilterSet(django_filters.FilterSet):
    partner = RefOrIdFilter(field_name="partner", label=_("Partner (ref or id)"))
    kind = ListFilter(field_name="kind", label=_("Kind"))
    unit = ListFilter(field_name="unit__ref", label=_("Unit (ref)"))
    year = django_filters.NumberFilter(field_name="date", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Interaction
        fields = ["partner", "kind", "unit", "year"]


class DelegationMemberFilterSet(django_filters.FilterSet):
    delegation = RefOrIdFilter(field_name="delegation", label=_("Delegation (id or ref)"))
    role = ListFilter(field_name="role", label=_("Role"))

    class Meta:
        model = DelegationMember
        fields = ["delegation", "role"]


class CountryFilterSet(django_filters.FilterSet):
    framework = ListFilter(field_name="framework", label=_("Bilateral framework"))
    search = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Country
        fields = ["framework", "search"]

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(code__iexact=value) | Q(name_en__icontains=value) | Q(name_vi__icontains=value))


class FieldFilterSet(django_filters.FilterSet):
    class Meta:
        model = Field
        fields = ["active"]
