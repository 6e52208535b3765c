import django_filters
from django.utils.translation import gettext_lazy as _

from .filters import ListFilter, RecordFilterSet
from .models import Unit


class UnitFilterSet(RecordFilterSet):
    kind = ListFilter(field_name="kind", label=_("Kind"))
    parent = ListFilter(field_name="parent__ref", label=_("Parent unit (ref)"))
    active = django_filters.BooleanFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = Unit
        fields = ["search", "kind", "parent", "active"]

    def filter_active(self, qs, name, value):
        from django.db.models import Q
        from django.utils import timezone

        if value is None:
            return qs
        today = timezone.localdate()
        current = Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        return qs.filter(current) if value else qs.exclude(current)


