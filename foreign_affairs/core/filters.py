"""Filter building blocks shared by every record type's FilterSet (web lists and API alike).

Filters are named after the bundle fields (DESIGN §4): ``?country=LA``, ``?direction=outgoing``,
plus ``?year=`` and ``?search=``. Several values may be given comma-separated (``?country=LA,KH``).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .text import fold


class ListFilter(django_filters.CharFilter):
    """Matches any of several comma-separated values (codes or refs)."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        values = [v.strip() for v in (value or "").split(",") if v.strip()]
        if not values:
            return qs
        qs = qs.filter(**{f"{self.field_name}__in": values})
        return qs.distinct() if "__" in self.field_name else qs


class RecordFilterSet(django_filters.FilterSet):
    """Base for the register's FilterSets: full-text ``search``, ``year`` on the record's date and
    ``illustrative`` (demo records or not)."""

    # The date field that ``?year=`` applies to.
    year_field: str | None = None

    search = django_filters.CharFilter(method="filter_search", label=_("Search"))
    year = django_filters.NumberFilter(method="filter_year", label=_("Year"))
    # Demo records (RecordModel.illustrative): ``?illustrative=true`` or ``false``, on every list.
    illustrative = django_filters.BooleanFilter(field_name="illustrative", label=_("Illustrative"))

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        for word in fold(value).split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def filter_year(self, qs: QuerySet, name: str, value) -> QuerySet:
        if self.year_field is None or value in (None, ""):
            return qs
        return qs.filter(**{f"{self.year_field}__year": int(value)})

