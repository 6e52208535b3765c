"""API of the investment pipeline, aftercare, foreign NGOs and non-ODA aid (documented
extensions): serializers and viewsets on the shared bases, plus two steps that are not plain
edits: ``POST /api/v1/investment-leads/<id>/convert/`` and ``POST /api/v1/aid-items/<id>/transition/``.

Field names are the bundle's; links are refs; every write goes through a service.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from foreign_affairs.aid.choices import AidStatus
from foreign_affairs.aid.filtersets import AidItemFilterSet, ForeignNGOFilterSet, NGOCertificateFilterSet
from foreign_affairs.aid.models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate
from foreign_affairs.aid.services import AidTransitionNotAllowed, aid_item_save, aid_item_transition
from foreign_affairs.core.models import Field, Unit
from foreign_affairs.economy.filtersets import (
    AftercareIssueFilterSet,
    AftercareVisitFilterSet,
    InvestmentLeadFilterSet,
)
from foreign_affairs.economy.models import AftercareIssue, AftercareVisit, FDIProject, InvestmentLead, LeadContact
from foreign_affairs.economy.services import investment_lead_save, lead_convert

from .serializers import (
    RecordSerializer,
    RefRelatedField,
    RowsSerializerMixin,
    display,
    drf_validation_error,
)
from .serializers import (
    amount as exact,
)
from .views import RecordViewSet, refs

# --- serializers --------------------------------------------------------------------------------


class LeadContactRowSerializer(serializers.ModelSerializer):
    unit = RefRelatedField(slug_field="ref", queryset=Unit.objects.all(), required=False, allow_null=True)

    class Meta:
        model = LeadContact
        fields = ["date", "kind", "summary", "unit"]


class InvestmentLeadSerializer(RowsSerializerMixin, RecordSerializer):
    """An investment lead with its contact history (``contacts`` given replace the stored ones).
    ``project`` is set by the ``convert`` step only."""

    rows_field = "contacts"
    save_service = staticmethod(investment_lead_save)
    instance_kwarg = "lead"

    expected_capital_usd = exact(required=False, allow_null=True)
    contacts = LeadContactRowSerializer(many=True, required=False)
    stage_display = display("stage")
    response_overdue = serializers.SerializerMethodField()

    class Meta(RecordSerializer.Meta):
        model = InvestmentLead
        fields = ["id", "url", "ref", "name", "investor", "partner", "country", "sector", "stage", "stage_display",
                  "expected_capital_usd", "owner_unit", "origin_delegation", "origin_event", "origin_enquiry",
                  "received_on", "response_due_on", "responded_on", "response_overdue", "project", "outcome",
                  "notes", "contacts", "created_at", "updated_at"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "project"]

    def get_response_overdue(self, obj) -> bool:
        from django.utils import timezone

        return obj.response_overdue(timezone.localdate())


class AftercareVisitSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = AftercareVisit
        fields = ["id", "url", "ref", "project", "date", "unit", "participants", "summary", "notes",
                  "created_at", "updated_at"]


class AftercareIssueSerializer(RecordSerializer):
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = AftercareIssue
        fields = ["id", "url", "ref", "project", "visit", "raised_on", "issue", "responsible_unit", "status",
                  "status_display", "due_on", "resolved_on", "resolution", "notes", "created_at", "updated_at"]


class ForeignNGOSerializer(RecordSerializer):
    """A foreign NGO: ``partner`` is the ref of a partner of kind ``ngo`` (its names and country)."""

    name = serializers.CharField(read_only=True)
    country = serializers.CharField(source="partner.country_id", read_only=True)
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = ForeignNGO
        fields = ["id", "url", "ref", "partner", "name", "country", "status", "status_display", "representative",
                  "fields", "counterpart_units", "notes", "created_at", "updated_at"]


class NGOCertificateSerializer(RecordSerializer):
    provinces = serializers.ListField(child=serializers.CharField(max_length=255), required=False)
    kind_display = display("kind")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = NGOCertificate
        fields = ["id", "url", "ref", "ngo", "kind", "kind_display", "number", "issued_by", "issued_on",
                  "expires_on", "provinces", "status", "status_display", "opinion_requested_on", "opinion_sent_on",
                  "opinion", "notes", "created_at", "updated_at"]


class AidDisbursementRowSerializer(serializers.ModelSerializer):
    amount = exact(required=False, allow_null=True)
    amount_usd = exact()

    class Meta:
        model = AidDisbursement
        fields = ["date", "amount", "amount_usd", "note"]


class AidItemSerializer(RecordSerializer):
    """An aid item with its disbursements (given: they replace the stored ones). ``status``
    moves with the ``transition`` step once the item is recorded; ``start_deadline`` is derived
    from the approval date."""

    committed_amount = exact(required=False, allow_null=True)
    committed_usd = exact(required=False, allow_null=True)
    disbursements = AidDisbursementRowSerializer(many=True, required=False)
    modality_display = display("modality")
    status_display = display("status")
    appraisal_due_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = AidItem
        fields = ["id", "url", "ref", "donor", "modality", "modality_display", "title", "fields",
                  "beneficiary_units", "managing_unit", "committed_amount", "currency", "committed_usd",
                  "counterpart_vnd", "file_complete_on", "appraisal_due_on", "approval_no", "approved_on",
                  "start_deadline", "started_on", "ended_on", "settled_on", "status", "status_display", "notes",
                  "disbursements", "created_at", "updated_at"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "start_deadline"]

    def validate_status(self, value):
        if self.instance is not None and value != self.instance.status:
            raise serializers.ValidationError(
                "The status of a recorded aid item changes only with the transition step "
                f"(POST /api/v1/aid-items/{self.instance.pk}/transition/)."
            )
        return value

    def create(self, validated_data):
        return self._save_item(AidItem(), validated_data)

    def update(self, instance, validated_data):
        return self._save_item(instance, validated_data)

    def _save_item(self, item, data):
        rows = data.pop("disbursements", None)
        m2m, values = self._split_many_to_many(data)
        if values.get("ref") == "" and item.pk:
            del values["ref"]
        for name, value in values.items():
            setattr(item, name, value)
        request = self.context.get("request")
        try:
            return aid_item_save(item=item, actor=getattr(request, "user", None), m2m=m2m, disbursements=rows)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class LeadConvertInputSerializer(serializers.Serializer):
    """Link an FDI project already recorded (``project``, its ref), or create one from the lead
    with the certificate's number, date and registered capital."""

    project = RefRelatedField(slug_field="ref", queryset=FDIProject.objects.all(), required=False, allow_null=True)
    irc_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    registered_on = serializers.DateField(required=False, allow_null=True, default=None)
    capital_usd = exact(required=False, allow_null=True, default=None, min_value=0)

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            fields["project"].queryset = FDIProject.objects.restrict(request.user, "view")
        return fields


class AidTransitionInputSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=AidStatus.choices)
    on = serializers.DateField(required=False, allow_null=True, default=None)
    decision_no = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=90)


# --- viewsets -----------------------------------------------------------------------------------


class StepMixin:
    """A step (POST on one record) checks its own permission in the service: being able to read
    the record is enough to reach it (a role without the right gets 403 with a message), and a
    record out of reach is 404."""

    step_actions: tuple[str, ...] = ()

    def get_queryset(self):
        if getattr(self, "action", None) in self.step_actions:
            return self.queryset.all().restrict(self.request.user, "view")
        return super().get_queryset()

    def get_permissions(self):
        if getattr(self, "action", None) in self.step_actions:
            return [IsAuthenticated()]
        return super().get_permissions()


def _refused(exc) -> Response:
    if isinstance(exc, DjangoPermissionDenied):
        return Response({"detail": str(exc) or "Permission denied."}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, AidTransitionNotAllowed):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
    return Response(detail, status=status.HTTP_400_BAD_REQUEST)


class InvestmentLeadViewSet(StepMixin, RecordViewSet):
    """Investment leads (``?overdue=true``: open leads whose answer to the investor is late)."""

    step_actions = ("convert",)
    queryset = InvestmentLead.objects.select_related(
        "partner", "country", "owner_unit", "origin_delegation", "origin_event", "project"
    ).prefetch_related(Prefetch("contacts", queryset=LeadContact.objects.select_related("unit")))
    serializer_class = InvestmentLeadSerializer
    filterset_class = InvestmentLeadFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "name", "investor", "stage", "received_on",
                       "response_due_on", "expected_capital_usd"]

    @extend_schema(request=LeadConvertInputSerializer, responses=InvestmentLeadSerializer,
                   summary="The lead became an FDI project: link it, or create the project from the lead")
    @action(detail=True, methods=["post"])
    def convert(self, request, *args, **kwargs):
        lead = self.get_object()
        payload = LeadConvertInputSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        try:
            lead_convert(lead=lead, actor=request.user, **payload.validated_data)
        except (DjangoPermissionDenied, DjangoValidationError) as exc:
            return _refused(exc)
        lead = self.queryset.get(pk=lead.pk)
        return Response(self.get_serializer(lead).data)


class AftercareVisitViewSet(RecordViewSet):
    queryset = AftercareVisit.objects.select_related("project", "unit")
    serializer_class = AftercareVisitSerializer
    filterset_class = AftercareVisitFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "date"]


class AftercareIssueViewSet(RecordViewSet):
    """Issues raised by operating investors (``?open=true``: not yet resolved or closed)."""

    queryset = AftercareIssue.objects.select_related("project", "visit", "responsible_unit")
    serializer_class = AftercareIssueSerializer
    filterset_class = AftercareIssueFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "raised_on", "due_on", "resolved_on", "status"]


class ForeignNGOViewSet(RecordViewSet):
    """Foreign NGOs (``?expires_within=90``: with a certificate in force expiring in 90 days)."""

    queryset = ForeignNGO.objects.select_related("partner").prefetch_related(
        refs("fields", Field, "code"), refs("counterpart_units", Unit)
    )
    serializer_class = ForeignNGOSerializer
    filterset_class = ForeignNGOFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "status"]


class NGOCertificateViewSet(RecordViewSet):
    """Foreign NGOs' certificates (``?expires_within=90``: in force, expiring in the next 90 days)."""

    queryset = NGOCertificate.objects.select_related("ngo")
    serializer_class = NGOCertificateSerializer
    filterset_class = NGOCertificateFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "issued_on", "expires_on", "status", "kind"]


class AidItemViewSet(StepMixin, RecordViewSet):
    """Non-ODA aid items (``?start_overdue=true``: approved, not started by the deadline)."""

    step_actions = ("transition",)
    queryset = AidItem.objects.select_related("donor", "managing_unit").prefetch_related(
        refs("fields", Field, "code"), refs("beneficiary_units", Unit), "disbursements"
    )
    serializer_class = AidItemSerializer
    filterset_class = AidItemFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "ref", "title", "approved_on", "start_deadline", "status",
                       "committed_usd"]

    @extend_schema(request=AidTransitionInputSerializer, responses=AidItemSerializer,
                   summary="One step of the aid workflow (Decree 80/2020)")
    @action(detail=True, methods=["post"])
    def transition(self, request, *args, **kwargs):
        item = self.get_object()
        payload = AidTransitionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            aid_item_transition(item=item, actor=request.user, **payload.validated_data)
        except (DjangoPermissionDenied, DjangoValidationError, AidTransitionNotAllowed) as exc:
            return _refused(exc)
        return Response(self.get_serializer(self.queryset.get(pk=item.pk)).data)
