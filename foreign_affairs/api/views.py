"""REST endpoints under /api/v1/ (NetBox style: one base viewset, a few lines per record type).

Every query goes through ``restrict(user, action)``, so a record outside the user's reach is a
404; every write goes through the serializer to ``record_save`` / ``record_delete``; the lists
use the same FilterSets as the web app.
"""

from __future__ import annotations

from django.db.models import Prefetch, ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from foreign_affairs.agreements.filtersets import AgreementFilterSet
from foreign_affairs.agreements.models import Agreement
from foreign_affairs.consular.filtersets import ConsularCaseFilterSet
from foreign_affairs.consular.models import ConsularCase, ConsularCaseAction
from foreign_affairs.core.filtersets import UnitFilterSet
from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.core.selectors import record_history
from foreign_affairs.core.services import (
    personal_data_access_log,
    personal_data_access_log_many,
    record_delete,
)
from foreign_affairs.delegations.filtersets import DelegationFilterSet
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.economy.filtersets import (
    FDIProjectFilterSet,
    IndicatorFilterSet,
    ODAProgrammeFilterSet,
    StatisticFilterSet,
)
from foreign_affairs.economy.models import FDIProject, Indicator, ODAProgramme, Statistic
from foreign_affairs.events.filtersets import EventFilterSet
from foreign_affairs.events.models import Event
from foreign_affairs.partners.filtersets import PartnerFilterSet
from foreign_affairs.partners.models import Contact, Interaction, Partner
from foreign_affairs.plans.filtersets import PlanFilterSet, TaskFilterSet
from foreign_affairs.plans.models import TASK_LINK_TARGETS, Plan, Task, TaskGroup, TaskLink, TaskProgress

from . import serializers as s
from .concurrency import VersionedMixin
from .filtersets import (
    ContactFilterSet,
    CountryFilterSet,
    DelegationMemberFilterSet,
    FieldFilterSet,
    InteractionFilterSet,
)
from .workflow import DelegationWorkflowMixin, WorkflowMixin, workflow_actions


def _workflow(app: str):
    from importlib import import_module

    return import_module(f"foreign_affairs.{app}.services").WORKFLOW


class Conflict(APIException):
    status_code = 409
    default_detail = _("The record cannot be changed this way.")
    default_code = "conflict"


def refs(name: str, model, link: str = "ref") -> Prefetch:
    """Prefetch linked records with just what their ref or code needs (no long texts)."""
    return Prefetch(name, queryset=model.objects.only("pk", link))


class RestrictedViewSetMixin:
    """Applies ``restrict(user, action)`` to every query, the action following the HTTP method,
    and gives lists a stable order (the model's own, then id) so pages do not overlap."""

    restrict_actions = {
        "GET": "view", "HEAD": "view", "OPTIONS": "view",
        "POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete",
    }

    def get_queryset(self):
        queryset = super().get_queryset()
        if not queryset.query.order_by:
            queryset = queryset.order_by(*queryset.model._meta.ordering, "pk")
        return queryset.restrict(self.request.user, self.restrict_actions.get(self.request.method, "view"))


class RecordViewSet(VersionedMixin, RestrictedViewSetMixin, viewsets.ModelViewSet):
    """Base of every register endpoint: list, create, read, change, delete and history.

    A subclass names its ``queryset`` (with the select/prefetch its serializer needs, so a list
    costs the same number of queries for ten rows as for a thousand), ``serializer_class``,
    ``filterset_class`` and ``ordering_fields``.
    """

    ordering_fields = ["id", "created_at", "updated_at"]

    def perform_destroy(self, instance):
        try:
            record_delete(instance=instance, actor=self.request.user)
        except (ProtectedError, RestrictedError) as exc:
            blocking = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", ())
            kinds = ", ".join(sorted({str(obj._meta.verbose_name_plural) for obj in blocking}))
            raise Conflict(
                _("This record cannot be deleted: other records refer to it (%(kinds)s).") % {"kinds": kinds}
            ) from exc

    def history_entries(self, instance) -> list[dict]:
        return record_history(instance)

    @extend_schema(
        summary="History of the record",
        description="Every change, newest first: when, who, what kind, and each field's before and after.",
        responses=s.HistoryEntrySerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, *args, **kwargs):
        entries = self.history_entries(self.get_object())
        return Response(s.HistoryEntrySerializer(entries, many=True).data)


class PersonalDataMixin:
    """For records carrying personal data: every response that shows it is logged, one
    access row per record shown (the serializer decides who sees it and reports what it showed);
    the history hides changes of those fields from users who may not see them."""

    def initial(self, request, *args, **kwargs):
        self.personal_data_shown = []
        super().initial(request, *args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        shown = getattr(self, "personal_data_shown", None)
        if shown is not None:
            context["personal_data_shown"] = shown
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        shown = getattr(self, "personal_data_shown", None)
        if shown and response.status_code < 400:
            personal_data_access_log_many(actor=request.user, records=shown, channel=request.path)
            shown.clear()
        return super().finalize_response(request, response, *args, **kwargs)

    def history_entries(self, instance) -> list[dict]:
        entries = super().history_entries(instance)
        serializer_class = self.get_serializer_class()
        personal = set(serializer_class.personal_fields)
        if self.request.user.has_perm(serializer_class.personal_data_permission):
            if any(change["field"] in personal for entry in entries for change in entry["changes"]):
                personal_data_access_log(actor=self.request.user, record=instance, channel=self.request.path)
            return entries
        for entry in entries:
            entry["changes"] = [change for change in entry["changes"] if change["field"] not in personal]
        return entries


# --- core -------------------------------------------------------------------------------------


class UnitViewSet(RecordViewSet):
    queryset = Unit.objects.select_related("parent", "successor")
    serializer_class = s.UnitSerializer
    filterset_class = UnitFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "name_vi", "name_en", "kind",
                       "valid_from", "valid_until"]


class CountryViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Countries and territories (ISO 3166-1 alpha-2), with Vietnam's framework with each."""

    queryset = Country.objects.all()
    serializer_class = s.CountrySerializer
    filterset_class = CountryFilterSet
    lookup_field = "code"
    ordering_fields = ["code", "name_en", "name_vi", "framework", "framework_since"]


class FieldViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """The vocabulary of fields of foreign-affairs work (political, economic, …)."""

    queryset = Field.objects.all()
    serializer_class = s.FieldSerializer
    filterset_class = FieldFilterSet
    lookup_field = "code"
    ordering_fields = ["position", "code", "name_en", "name_vi"]


# --- partners ---------------------------------------------------------------------------------


class PartnerViewSet(RecordViewSet):
    queryset = Partner.objects.select_related("country").prefetch_related(refs("fields", Field, "code"))
    serializer_class = s.PartnerSerializer
    filterset_class = PartnerFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "name_en", "name_vi", "kind", "country",
                       "relationship", "since"]


class ContactViewSet(RecordViewSet):
    queryset = Contact.objects.select_related("partner")
    serializer_class = s.ContactSerializer
    filterset_class = ContactFilterSet
    ordering_fields = ["id", "name", "position"]


class InteractionViewSet(RecordViewSet):
    queryset = Interaction.objects.select_related("partner", "unit", "recorded_by")
    serializer_class = s.InteractionSerializer
    filterset_class = InteractionFilterSet
    ordering_fields = ["id", "date", "kind"]

    def perform_create(self, serializer):
        serializer.save(recorded_by=self.request.user)


# --- agreements, events, delegations ----------------------------------------------------------


@workflow_actions(_workflow("agreements"))
class AgreementViewSet(WorkflowMixin, RecordViewSet):
    queryset = Agreement.objects.prefetch_related(
        refs("units", Unit), refs("partners", Partner), refs("fields", Field, "code")
    )
    serializer_class = s.AgreementSerializer
    filterset_class = AgreementFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title_en", "title_vi", "number", "signed_on",
                       "valid_from", "valid_until", "status", "kind"]


@workflow_actions(_workflow("events"))
class EventViewSet(WorkflowMixin, RecordViewSet):
    queryset = Event.objects.select_related("country", "unit").prefetch_related(
        refs("partners", Partner), refs("fields", Field, "code")
    )
    serializer_class = s.EventSerializer
    filterset_class = EventFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title", "start_on", "end_on", "kind", "pillar",
                       "country", "participants"]


class DelegationViewSet(DelegationWorkflowMixin, RecordViewSet):
    queryset = Delegation.objects.select_related("host_unit").prefetch_related(
        refs("countries", Country, "code"), refs("partners", Partner), refs("fields", Field, "code"),
        refs("agreements", Agreement), refs("events", Event), "cost_items",
    )
    serializer_class = s.DelegationSerializer
    filterset_class = DelegationFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title", "start_on", "end_on", "direction",
                       "pillar", "level", "status", "members", "foreign_visitors", "permit_on",
                       "budget_vnd", "cost_vnd"]

    @extend_schema(
        summary="Decision to send the delegation (DOCX)",
        description="The draft Quyết định cử đoàn đi công tác nước ngoài of an outgoing delegation, in the format "
                    "of Decree 30/2020/NĐ-CP, for signature. For the office and the leaders.",
        responses={(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"): bytes},
    )
    @action(detail=True, methods=["get"], url_path="decision-document", url_name="decision-document",
            pagination_class=None, filter_backends=[])
    def decision_document(self, request, *args, **kwargs):
        from django.http import HttpResponse
        from rest_framework.exceptions import PermissionDenied, ValidationError

        from foreign_affairs.delegations.documents import (
            DOCX_CONTENT_TYPE,
            decision_document,
            decision_filename,
            may_draft_decision,
        )

        delegation = self.get_object()
        if not may_draft_decision(request.user):
            raise PermissionDenied(_("Your role may not draft delegation decisions."))
        try:
            data = decision_document(delegation=delegation)
        except ValueError as exc:
            raise ValidationError({"direction": [str(exc)]}) from exc
        response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{decision_filename(delegation)}"'
        return response


class DelegationMemberViewSet(PersonalDataMixin, RecordViewSet):
    queryset = DelegationMember.objects.select_related("delegation")
    serializer_class = s.DelegationMemberSerializer
    filterset_class = DelegationMemberFilterSet
    ordering_fields = ["id", "full_name", "role"]


# --- economy ----------------------------------------------------------------------------------


class FDIProjectViewSet(RecordViewSet):
    queryset = FDIProject.objects.select_related(
        "investor_country", "origin_delegation", "origin_event"
    ).prefetch_related("adjustments")
    serializer_class = s.FDIProjectSerializer
    filterset_class = FDIProjectFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "name", "investor", "investor_country",
                       "registered_on", "capital_usd", "status", "jobs"]


class ODAProgrammeViewSet(RecordViewSet):
    queryset = ODAProgramme.objects.prefetch_related("disbursements")
    serializer_class = s.ODAProgrammeSerializer
    filterset_class = ODAProgrammeFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "name", "kind", "start_year", "end_year",
                       "total_vnd", "oda_vnd", "status"]


class StatisticViewSet(RecordViewSet):
    queryset = Statistic.objects.select_related("indicator")
    serializer_class = s.StatisticSerializer
    filterset_class = StatisticFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "start", "end", "value"]


class IndicatorViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """The indicator catalogue (DESIGN §2 and any an admin added)."""

    queryset = Indicator.objects.all()
    serializer_class = s.IndicatorSerializer
    filterset_class = IndicatorFilterSet
    lookup_field = "code"
    ordering_fields = ["code", "unit"]


# --- plans and consular cases -------------------------------------------------------------------


class PlanViewSet(RecordViewSet):
    """Plans with their directive and their tree of task groups, tasks and progress."""

    queryset = Plan.objects.select_related("implements").prefetch_related(
        Prefetch("groups", queryset=TaskGroup.objects.order_by("ordinal")),
        Prefetch("groups__tasks", queryset=Task.objects.select_related("lead_unit").order_by("position", "pk")),
        refs("groups__tasks__supporting_units", Unit),
        Prefetch("groups__tasks__progress", queryset=TaskProgress.objects.order_by("date", "pk")),
        Prefetch("groups__tasks__links", queryset=TaskLink.objects.select_related(*TASK_LINK_TARGETS)),
    )
    serializer_class = s.PlanSerializer
    filterset_class = PlanFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "number", "title", "issued_on"]


class TaskViewSet(RecordViewSet):
    """Tasks of plans, one by one (``?plan=`` ref or id)."""

    queryset = Task.objects.select_related("group__plan", "lead_unit").prefetch_related(
        refs("supporting_units", Unit),
        Prefetch("progress", queryset=TaskProgress.objects.order_by("date", "pk")),
        Prefetch("links", queryset=TaskLink.objects.select_related(*TASK_LINK_TARGETS)),
    )
    serializer_class = s.TaskSerializer
    filterset_class = TaskFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title", "due_on", "status", "position"]


class ConsularCaseViewSet(PersonalDataMixin, RecordViewSet):
    """Citizen-protection cases: readable only by officers, approvers and admins (others get
    403); every case a response shows, and every history read, is logged."""

    queryset = ConsularCase.objects.select_related("country").prefetch_related(
        Prefetch("actions", queryset=ConsularCaseAction.objects.order_by("date", "pk"))
    )
    serializer_class = s.ConsularCaseSerializer
    filterset_class = ConsularCaseFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "kind", "country", "opened_on", "closed_on", "status"]

    def history_entries(self, instance) -> list[dict]:
        entries = RecordViewSet.history_entries(self, instance)
        personal_data_access_log(actor=self.request.user, record=instance, channel=self.request.path)
        return entries
