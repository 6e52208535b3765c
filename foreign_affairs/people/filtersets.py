"""List filters of people's records (web lists and API alike), named after the bundle fields."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import BorderEvent, BorderFigure, BorderItem, Expert, HonourAward, JournalistVisit, OverseasCommunityFigure


class WholeYearFilterSet(RecordFilterSet):
    """``?year=`` on a whole-number year field, not on a date."""

    def filter_year(self, qs: QuerySet, name: str, value) -> QuerySet:
        if self.year_field is None or value in (None, ""):
            return qs
        return qs.filter(**{self.year_field: int(value)})


class JournalistVisitFilterSet(RecordFilterSet):
    year_field = "start_on"

    status = ListFilter(field_name="status", label=_("Status"))
    country = ListFilter(field_name="country__code", label=_("Country"))
    accompanying_unit = ListFilter(field_name="accompanying_unit__ref", label=_("Accompanying unit (ref)"))
    resident = django_filters.BooleanFilter(field_name="resident", label=_("Resident correspondent"))

    class Meta:
        model = JournalistVisit
        fields = ["search", "status", "country", "accompanying_unit", "resident", "year"]


class HonourAwardFilterSet(RecordFilterSet):
    year_field = "decision_on"

    award_type = ListFilter(field_name="award_type", label=_("Award"))
    status = ListFilter(field_name="status", label=_("Status"))
    recipient_country = ListFilter(field_name="recipient_country__code", label=_("Recipient's country"))
    country = ListFilter(field_name="recipient_country__code", label=_("Country"))
    recipient_partner = ListFilter(field_name="recipient_partner__ref", label=_("Recipient (partner ref)"))
    proposer_unit = ListFilter(field_name="proposer_unit__ref", label=_("Proposing unit (ref)"))

    class Meta:
        model = HonourAward
        fields = ["search", "award_type", "status", "recipient_country", "country", "recipient_partner",
                  "proposer_unit", "year"]


class OverseasCommunityFigureFilterSet(WholeYearFilterSet):
    year_field = "year"

    country = ListFilter(field_name="country__code", label=_("Country"))
    overall = django_filters.BooleanFilter(field_name="country", lookup_expr="isnull", label=_("All countries"))

    class Meta:
        model = OverseasCommunityFigure
        fields = ["search", "country", "overall", "year"]


class ExpertFilterSet(RecordFilterSet):
    country = ListFilter(field_name="country__code", label=_("Country"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))
    from_province = django_filters.BooleanFilter(field_name="from_province", label=_("Of the province's origin"))

    class Meta:
        model = Expert
        fields = ["search", "country", "fields", "from_province"]


class BorderItemFilterSet(RecordFilterSet):
    kind = ListFilter(field_name="kind", label=_("Kind"))
    gate_class = ListFilter(field_name="gate_class", label=_("Gate class"))
    status = ListFilter(field_name="status", label=_("Status"))
    commune = ListFilter(field_name="commune__ref", label=_("Commune (ref)"))
    opposite_province = ListFilter(field_name="opposite_province__ref", label=_("Opposite province (ref)"))

    class Meta:
        model = BorderItem
        fields = ["search", "kind", "gate_class", "status", "commune", "opposite_province"]


class BorderEventFilterSet(RecordFilterSet):
    year_field = "date"

    kind = ListFilter(field_name="kind", label=_("Kind"))
    unit = ListFilter(field_name="unit__ref", label=_("Unit (ref)"))
    partners = ListFilter(field_name="partners__ref", label=_("Partner (ref)"))
    items = ListFilter(field_name="items__ref", label=_("Border item (ref)"))

    class Meta:
        model = BorderEvent
        fields = ["search", "kind", "unit", "partners", "items", "year"]


class BorderFigureFilterSet(WholeYearFilterSet):
    year_field = "year"

    opposite_province = ListFilter(field_name="opposite_province__ref", label=_("Opposite province (ref)"))

    class Meta:
        model = BorderFigure
        fields = ["search", "opposite_province", "year"]
