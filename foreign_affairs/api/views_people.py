"""REST endpoints of annual programmes and their items, and of people's records, on the base
viewsets of ``views.py`` (restricted querysets, writes through the serializers, history)."""

from __future__ import annotations

from django.db.models import Prefetch

from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.partners.models import Partner
from foreign_affairs.people.filtersets import (
    BorderEventFilterSet,
    BorderFigureFilterSet,
    BorderItemFilterSet,
    ExpertFilterSet,
    HonourAwardFilterSet,
    JournalistVisitFilterSet,
    OverseasCommunityFigureFilterSet,
)
from foreign_affairs.people.models import (
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)
from foreign_affairs.plans.filtersets import ProgrammeFilterSet, ProgrammeItemFilterSet
from foreign_affairs.plans.models import Programme, ProgrammeItem

from . import serializers_people as s
from .views import PersonalDataMixin, RecordViewSet, refs

_ITEM_LINKS = ("lead_unit", "delegation", "event", "agreement")
_ITEM_LISTS = (refs("fields", Field, "code"), refs("partners", Partner), refs("countries", Country, "code"),
               refs("supporting_units", Unit))


class ProgrammeViewSet(RecordViewSet):
    """Annual foreign-affairs programmes with their items (``?year=``, ``?status=``)."""

    queryset = Programme.objects.prefetch_related(
        Prefetch("items", queryset=ProgrammeItem.objects.select_related(*_ITEM_LINKS).order_by("position", "pk")),
        *(Prefetch(f"items__{p.prefetch_through}", queryset=p.queryset) for p in _ITEM_LISTS),
    )
    serializer_class = s.ProgrammeSerializer
    filterset_class = ProgrammeFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "year", "title", "approved_on", "status"]


class ProgrammeItemViewSet(RecordViewSet):
    """Items of annual programmes, one by one (``?programme=`` ref or id, ``?year=`` of the
    programme, ``?status=``, ``?lead_unit=``…). Unit officers see the items their unit leads."""

    queryset = ProgrammeItem.objects.select_related("programme", *_ITEM_LINKS).prefetch_related(*_ITEM_LISTS)
    serializer_class = s.ProgrammeItemSerializer
    filterset_class = ProgrammeItemFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title", "kind", "status", "month", "quarter",
                       "position", "budget_vnd"]


class JournalistVisitViewSet(PersonalDataMixin, RecordViewSet):
    """Foreign press visits; their reporters are shown only to roles that may read them, and
    every response that shows them is logged."""

    queryset = JournalistVisit.objects.select_related("country", "accompanying_unit").prefetch_related(
        Prefetch("reporters", queryset=JournalistReporter.objects.select_related("nationality").order_by("pk"))
    )
    serializer_class = s.JournalistVisitSerializer
    filterset_class = JournalistVisitFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "outlet", "start_on", "end_on", "status"]


class HonourAwardViewSet(RecordViewSet):
    queryset = HonourAward.objects.select_related("recipient_partner", "recipient_country", "proposer_unit")
    serializer_class = s.HonourAwardSerializer
    filterset_class = HonourAwardFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "award_type", "status", "decision_on", "ceremony_on"]


class OverseasCommunityFigureViewSet(RecordViewSet):
    queryset = OverseasCommunityFigure.objects.select_related("country")
    serializer_class = s.OverseasCommunityFigureSerializer
    filterset_class = OverseasCommunityFigureFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "year", "population", "remittances_usd"]


class ExpertViewSet(PersonalDataMixin, RecordViewSet):
    """The experts' network: readable only by officers, approvers and admins (others get 403);
    every expert a response shows, and every history read, is logged."""

    queryset = Expert.objects.select_related("country").prefetch_related(refs("fields", Field, "code"))
    serializer_class = s.ExpertSerializer
    filterset_class = ExpertFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "full_name", "country"]

    def history_entries(self, instance) -> list[dict]:
        from foreign_affairs.core.services import personal_data_access_log

        entries = RecordViewSet.history_entries(self, instance)
        personal_data_access_log(actor=self.request.user, record=instance, channel=self.request.path)
        return entries


class BorderItemViewSet(RecordViewSet):
    queryset = BorderItem.objects.select_related("commune", "opposite_province")
    serializer_class = s.BorderItemSerializer
    filterset_class = BorderItemFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "kind", "name", "gate_class", "status", "valid_from"]


class BorderEventViewSet(RecordViewSet):
    queryset = BorderEvent.objects.select_related("unit").prefetch_related(
        refs("items", BorderItem), refs("partners", Partner)
    )
    serializer_class = s.BorderEventSerializer
    filterset_class = BorderEventFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "kind", "date", "title"]


class BorderFigureViewSet(RecordViewSet):
    queryset = BorderFigure.objects.select_related("opposite_province")
    serializer_class = s.BorderFigureSerializer
    filterset_class = BorderFigureFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "year"]
