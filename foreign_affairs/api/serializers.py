"""API representations of the register's records.

Field names are the bundle's (DESIGN §4): links to other records are written and read as their
``ref`` (units, partners, agreements, events, delegations) or ``code`` (countries, fields), not
as database ids (an id is still accepted on input). Every write goes through ``record_save``, so
the model's ``full_clean()`` is the one validation and the history names the user.

A new record type needs one ``RecordSerializer`` subclass naming its model and fields.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.encoding import smart_str
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.consular.models import ConsularCase, ConsularCaseAction
from foreign_affairs.consular.services import consular_case_save
from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.core.services import personal_data_access_log, record_save
from foreign_affairs.delegations.models import Delegation, DelegationCostItem, DelegationMember
from foreign_affairs.economy.models import (
    CapitalAdjustment,
    FDIProject,
    Indicator,
    ODADisbursement,
    ODAProgramme,
    Statistic,
)
from foreign_affairs.economy.services import fdi_project_save, oda_programme_save
from foreign_affairs.events.choices import SensitiveTopic
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner
from foreign_affairs.plans.models import Directive, Plan, ProgrammeItem, Task, TaskGroup, TaskLink, TaskProgress
from foreign_affairs.plans.services import plan_save, task_save

PERSONAL_DATA_PERMISSION = "delegations.view_personal_data"


def link_field_for(model) -> str | None:
    """The field other records use to name a record of ``model``: its bundle ref or code."""
    names = {f.name for f in model._meta.concrete_fields}
    for name in ("ref", "code", "username"):
        if name in names:
            return name
    return None


class RefRelatedField(serializers.SlugRelatedField):
    """A link to another record, read and written as its ref or code.

    A numeric id is accepted on input as well, for clients that only know the id."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, str | int):
            self.fail("invalid")
        queryset = self.get_queryset()
        try:
            return queryset.get(**{self.slug_field: str(data)})
        except ObjectDoesNotExist:
            if isinstance(data, int) or data.isdigit():
                found = queryset.filter(pk=int(data)).first()
                if found is not None:
                    return found
            self.fail("does_not_exist", slug_name=self.slug_field, value=smart_str(data))
        except (TypeError, ValueError):
            self.fail("invalid")


@extend_schema_field(OpenApiTypes.STR)
class ChoiceLabelField(serializers.Field):
    """The translated label of a choice field, read from the field's choices. (A source of
    ``get_<name>_display`` would have DRF inspect that method's signature on every row, which
    was most of a long list's time.)"""

    def __init__(self, name: str, **kwargs):
        super().__init__(source=name, read_only=True, **kwargs)
        self._labels: dict = {}
        self._language = None

    def to_representation(self, value) -> str:
        language = get_language()
        if language != self._language:
            model = self.parent.Meta.model
            self._labels = {key: str(label) for key, label in model._meta.get_field(self.source).flatchoices}
            self._language = language
        return self._labels.get(value, "" if value in (None, "") else str(value))


def display(name: str) -> ChoiceLabelField:
    """The translated label of a choice field, for clients that show it as it is."""
    return ChoiceLabelField(name)


def drf_validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    """A model validation error as a 400 answer naming each field (non-field errors as
    ``non_field_errors``)."""
    if hasattr(exc, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if key == NON_FIELD_ERRORS else key): messages
            for key, messages in exc.message_dict.items()
        }
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return serializers.ValidationError(detail)


class BaseSerializer(serializers.ModelSerializer):
    """Base of every writable API representation.

    Links to other records become ``RefRelatedField`` automatically, limited to the records
    the user may see; ``create`` and ``update`` hand the record to ``record_save``.
    """

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        link = link_field_for(relation_info.related_model)
        if link is not None:
            field_class = RefRelatedField
            kwargs["slug_field"] = link
        return field_class, kwargs

    def build_url_field(self, field_name, model_class):
        field_class, kwargs = super().build_url_field(field_name, model_class)
        kwargs["view_name"] = f"api:{model_class._meta.model_name}-detail"
        return field_class, kwargs

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            for field in fields.values():
                relation = getattr(field, "child_relation", field)
                queryset = getattr(relation, "queryset", None)
                if queryset is not None and hasattr(queryset, "restrict"):
                    relation.queryset = queryset.restrict(request.user, "view")
        return fields

    def create(self, validated_data):
        m2m, values = self._split_many_to_many(validated_data)
        return self._save(self.Meta.model(**values), m2m)

    def update(self, instance, validated_data):
        m2m, values = self._split_many_to_many(validated_data)
        if values.get("ref") == "":
            del values["ref"]  # an empty ref keeps the record's own; it never makes a new one
        for name, value in values.items():
            setattr(instance, name, value)
        return self._save(instance, m2m)

    def _split_many_to_many(self, validated_data: dict) -> tuple[dict, dict]:
        many = {f.name for f in self.Meta.model._meta.many_to_many}
        m2m = {k: v for k, v in validated_data.items() if k in many}
        values = {k: v for k, v in validated_data.items() if k not in many}
        return m2m, values

    def _save(self, instance, m2m: dict):
        request = self.context.get("request")
        try:
            return record_save(instance=instance, actor=getattr(request, "user", None), m2m=m2m)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class RecordSerializer(BaseSerializer):
    """Base for register records (``RecordModel``): ref, notes and timestamps, and whether the
    record is an illustrative demo record (read-only: only a bundle import sets it)."""

    illustrative = serializers.BooleanField(read_only=True)

    class Meta:
        read_only_fields = ["id", "created_at", "updated_at"]

    def get_field_names(self, declared_fields, info):
        names = list(super().get_field_names(declared_fields, info))
        return names if "illustrative" in names else [*names, "illustrative"]


# --- core -------------------------------------------------------------------------------------


class CountrySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    framework_display = display("framework")

    class Meta:
        model = Country
        fields = ["url", "code", "name", "name_vi", "name_en", "framework", "framework_display",
                  "framework_since", "framework_source"]
        extra_kwargs = {"url": {"view_name": "api:country-detail", "lookup_field": "code"}}


class FieldSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Field
        fields = ["url", "id", "code", "name", "name_vi", "name_en", "position", "active"]
        extra_kwargs = {"url": {"view_name": "api:field-detail", "lookup_field": "code"}}


class UnitSerializer(RecordSerializer):
    kind_display = display("kind")

    class Meta(RecordSerializer.Meta):
        model = Unit
        fields = ["id", "url", "ref", "name_vi", "name_en", "short_name", "kind", "kind_display", "parent",
                  "valid_from", "valid_until", "successor", "notes", "created_at", "updated_at"]


# --- partners ---------------------------------------------------------------------------------


class PartnerSerializer(RecordSerializer):
    aliases = serializers.ListField(child=serializers.CharField(max_length=255), required=False)
    country_name = serializers.CharField(source="country.name", read_only=True)
    kind_display = display("kind")
    relationship_display = display("relationship")

    class Meta(RecordSerializer.Meta):
        model = Partner
        fields = ["id", "url", "ref", "kind", "kind_display", "name_en", "name_vi", "name_native", "aliases",
                  "country", "country_name", "relationship", "relationship_display", "since", "fields",
                  "notes", "website", "created_at", "updated_at"]


class ContactSerializer(BaseSerializer):
    class Meta:
        model = Contact
        fields = ["id", "url", "partner", "name", "position", "phone", "email", "notes"]


class InteractionSerializer(BaseSerializer):
    kind_display = display("kind")

    class Meta:
        model = Interaction
        fields = ["id", "url", "partner", "date", "kind", "kind_display", "summary", "unit", "recorded_by"]
        read_only_fields = ["recorded_by"]


# --- agreements, events, delegations ----------------------------------------------------------


# Fields the workflow steps write (POST /api/v1/<group>/<id>/<action>/): read here, never written.
AGREEMENT_WORKFLOW_FIELDS = ["decision_no", "decision_on", "decision_signer", "pm_consent", "signed_by",
                             "post_signing_due_on", "signing_reported_on", "signing_report_no", "mofa_copy_on",
                             "mofa_copy_no", "ended_on"]
EVENT_WORKFLOW_FIELDS = ["competence", "applied_on", "apply_by", "decision_no", "decision_on", "decision_signer",
                         "conditions", "report", "report_due_on", "reported_on"]
DELEGATION_WORKFLOW_FIELDS = ["decision_no", "decision_on", "decision_signer", "appraisal", "clearance_no",
                              "clearance_on", "clearance_signer", "conditions", "report", "report_leads",
                              "report_followups", "report_due_on", "reported_on", "rating", "evaluation"]


class WorkflowStatusMixin:
    """A recorded record's status moves only through its workflow steps
    (``POST /api/v1/<group>/<id>/<action>/``); a new record may start in any status (records of
    past years arrive already completed)."""

    def validate_status(self, value):
        if self.instance is not None and value != self.instance.status:
            raise serializers.ValidationError(
                _("The status changes only through the workflow steps (POST …/%(id)s/<step>/).")
                % {"id": self.instance.pk})
        return value


class AgreementSerializer(WorkflowStatusMixin, RecordSerializer):
    kind_display = display("kind")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Agreement
        fields = ["id", "url", "ref", "kind", "kind_display", "title_en", "title_vi", "number", "signed_on",
                  "place", "units", "partners", "fields", "valid_from", "valid_until", "status",
                  "status_display", "notes", "created_at", "updated_at", *AGREEMENT_WORKFLOW_FIELDS]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, *AGREEMENT_WORKFLOW_FIELDS]


class EventSerializer(WorkflowStatusMixin, RecordSerializer):
    kind_display = display("kind")
    pillar_display = display("pillar")
    status_display = display("status")
    country_name = serializers.CharField(source="country.name", read_only=True, allow_null=True)
    topics = serializers.ListField(child=serializers.ChoiceField(choices=SensitiveTopic.choices), required=False)

    class Meta(RecordSerializer.Meta):
        model = Event
        fields = ["id", "url", "ref", "kind", "kind_display", "pillar", "pillar_display", "fields", "title",
                  "start_on", "end_on", "place", "country", "country_name", "partners", "participants",
                  "unit", "notes", "created_at", "updated_at", "status", "status_display", "needs_permit",
                  "guest_rank", "topics", *EVENT_WORKFLOW_FIELDS]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, *EVENT_WORKFLOW_FIELDS]


class DelegationCostItemSerializer(serializers.ModelSerializer):
    kind_display = display("kind")

    class Meta:
        model = DelegationCostItem
        fields = ["kind", "kind_display", "description", "amount_vnd"]


class DelegationSerializer(WorkflowStatusMixin, RecordSerializer):
    direction_display = display("direction")
    pillar_display = display("pillar")
    level_display = display("level")
    status_display = display("status")
    cost_items = DelegationCostItemSerializer(many=True, read_only=True)

    class Meta(RecordSerializer.Meta):
        model = Delegation
        fields = ["id", "url", "ref", "direction", "direction_display", "pillar", "pillar_display", "level",
                  "level_display", "title", "purpose", "start_on", "end_on", "countries", "partners",
                  "fields", "host_unit", "head_name", "head_position", "members", "foreign_visitors",
                  "reception", "permit_on", "status", "status_display", "funding", "budget_vnd",
                  "cost_vnd", "outcomes", "agreements", "events", "notes", "created_at", "updated_at",
                  *DELEGATION_WORKFLOW_FIELDS, "cost_items"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, *DELEGATION_WORKFLOW_FIELDS]


class DelegationMemberSerializer(BaseSerializer):
    """A member of a delegation. Passport number and date of birth are personal data: only
    users with ``delegations.view_personal_data`` are shown them (and each showing is logged
    by the view); others may still write them, e.g. a unit officer listing its own trip."""

    personal_fields = ("passport_number", "date_of_birth", "passport_handed_on", "passport_returned_on")
    personal_data_permission = PERSONAL_DATA_PERMISSION
    role_display = display("role")

    class Meta:
        model = DelegationMember
        fields = ["id", "url", "delegation", "full_name", "role", "role_display", "position", "organisation",
                  "passport_number", "date_of_birth", "passport_handed_on", "passport_returned_on"]

    def shows_personal_data(self) -> bool:
        if getattr(self.context.get("view"), "swagger_fake_view", False):
            return True  # the schema documents the fields; it shows no one's data
        request = self.context.get("request")
        return request is not None and request.user.has_perm(self.personal_data_permission)

    def get_fields(self):
        fields = super().get_fields()
        if not self.shows_personal_data():
            for name in self.personal_fields:
                fields[name].write_only = True
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if self.shows_personal_data():
            shown = self.context.get("personal_data_shown")
            if shown is not None:
                shown.append(instance)  # the view logs them all at once
            else:
                request = self.context["request"]
                personal_data_access_log(actor=request.user, record=instance, channel=request.path)
        return data


# --- economy ----------------------------------------------------------------------------------


def amount(**kwargs) -> serializers.DecimalField:
    """An exact amount, read and written as a JSON number (stored as Decimal, never float)."""
    return serializers.DecimalField(max_digits=kwargs.pop("max_digits", 18), decimal_places=2,
                                    coerce_to_string=False, **kwargs)


class CapitalAdjustmentRowSerializer(serializers.ModelSerializer):
    delta_usd = amount()

    class Meta:
        model = CapitalAdjustment
        fields = ["date", "delta_usd", "note"]


class ODADisbursementRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = ODADisbursement
        fields = ["year", "amount_vnd"]


class RowsSerializerMixin:
    """A record with dependent rows written with it (a project's capital adjustments): the rows
    given replace the stored ones as a whole; leaving the key out keeps them."""

    rows_field: str
    save_service = None
    instance_kwarg: str

    def create(self, validated_data):
        rows = validated_data.pop(self.rows_field, None)
        return self._save_rows(self.Meta.model(**validated_data), rows)

    def update(self, instance, validated_data):
        rows = validated_data.pop(self.rows_field, None)
        if validated_data.get("ref") == "":
            del validated_data["ref"]
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self._save_rows(instance, rows)

    def _save_rows(self, instance, rows):
        request = self.context.get("request")
        try:
            return type(self).save_service(**{self.instance_kwarg: instance, "actor": getattr(request, "user", None),
                                              self.rows_field: rows})
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class FDIProjectSerializer(RowsSerializerMixin, RecordSerializer):
    rows_field = "adjustments"
    save_service = staticmethod(fdi_project_save)
    instance_kwarg = "project"

    capital_usd = amount(required=False, allow_null=True)
    adjustments = CapitalAdjustmentRowSerializer(many=True, required=False)
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = FDIProject
        fields = ["id", "url", "ref", "name", "investor", "investor_country", "irc_number", "registered_on",
                  "capital_usd", "location", "sector", "status", "status_display", "jobs", "estimated",
                  "origin_delegation", "origin_event", "notes", "adjustments", "created_at", "updated_at"]


class ODAProgrammeSerializer(RowsSerializerMixin, RecordSerializer):
    rows_field = "disbursements"
    save_service = staticmethod(oda_programme_save)
    instance_kwarg = "programme"

    donors = serializers.ListField(child=serializers.CharField(max_length=255), required=False)
    disbursements = ODADisbursementRowSerializer(many=True, required=False)
    kind_display = display("kind")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = ODAProgramme
        fields = ["id", "url", "ref", "name", "donors", "sector", "kind", "kind_display", "total_vnd", "oda_vnd",
                  "start_year", "end_year", "status", "status_display", "notes", "disbursements",
                  "created_at", "updated_at"]


class IndicatorSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = ["url", "id", "code", "name", "name_vi", "name_en", "unit", "computed", "description"]
        extra_kwargs = {"url": {"view_name": "api:indicator-detail", "lookup_field": "code"}}


class StatisticSourceSerializer(serializers.Serializer):
    """``source: {title, url, published_on, publisher}``, kept as the statistic's own fields."""

    title = serializers.CharField(source="source_title", max_length=500, allow_blank=True, required=False)
    url = serializers.URLField(source="source_url", max_length=1000, allow_blank=True, required=False)
    published_on = serializers.DateField(source="source_published_on", allow_null=True, required=False)
    publisher = serializers.CharField(source="source_publisher", max_length=255, allow_blank=True, required=False)


class StatisticSerializer(RecordSerializer):
    """A published figure. ``ref`` is optional (generated when left out)."""

    value = amount(max_digits=20)
    plan = amount(max_digits=20, required=False, allow_null=True)
    source = StatisticSourceSerializer(source="*", required=False)
    note = serializers.CharField(source="notes", allow_blank=True, required=False)

    class Meta(RecordSerializer.Meta):
        model = Statistic
        fields = ["id", "url", "ref", "indicator", "start", "end", "value", "unit", "plan", "source", "note",
                  "cutoff_on", "estimated", "created_at", "updated_at"]


# --- plans and consular cases -------------------------------------------------------------------


class TaskProgressRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = TaskProgress
        fields = ["date", "percent", "note", "evidence"]


class TaskLinkRowSerializer(serializers.ModelSerializer):
    """Evidence of a task: one record that carries it out, named by its ref."""

    delegation = RefRelatedField(slug_field="ref", queryset=Delegation.objects.all(), required=False, allow_null=True)
    agreement = RefRelatedField(slug_field="ref", queryset=Agreement.objects.all(), required=False, allow_null=True)
    event = RefRelatedField(slug_field="ref", queryset=Event.objects.all(), required=False, allow_null=True)
    fdi_project = RefRelatedField(slug_field="ref", queryset=FDIProject.objects.all(), required=False,
                                  allow_null=True)
    programme_item = RefRelatedField(slug_field="ref", queryset=ProgrammeItem.objects.all(), required=False,
                                     allow_null=True)

    class Meta:
        model = TaskLink
        fields = ["date", "delegation", "agreement", "event", "fdi_project", "programme_item", "note"]

    def validate(self, attrs):
        given = [name for name in TaskLink.TARGETS if attrs.get(name)]
        if len(given) != 1:
            raise serializers.ValidationError(
                "give exactly one of " + ", ".join(TaskLink.TARGETS) + (f" (got {', '.join(given)})" if given else "")
            )
        return attrs


def task_link_rows(rows: list[dict] | None) -> list[dict] | None:
    """Evidence rows of a request as the services take them (records as ids)."""
    if rows is None:
        return None
    return [
        {"date": row.get("date"), "note": row.get("note") or "",
         **{f"{name}_id": row[name].pk if row.get(name) else None for name in TaskLink.TARGETS}}
        for row in rows
    ]


class PlanTaskRowSerializer(serializers.ModelSerializer):
    """A task inside its plan's ``groups``; matched by ``ref`` when the plan is written."""

    ref = serializers.CharField(max_length=100, required=False, allow_blank=True)
    lead_unit = RefRelatedField(slug_field="ref", queryset=Unit.objects.all(), required=False, allow_null=True)
    supporting_units = RefRelatedField(slug_field="ref", queryset=Unit.objects.all(), many=True, required=False)
    progress = TaskProgressRowSerializer(many=True, required=False)
    evidence = TaskLinkRowSerializer(source="links", many=True, required=False)
    status_display = display("status")

    class Meta:
        model = Task
        fields = ["id", "ref", "title", "lead_unit", "supporting_units", "due_on", "status", "status_display",
                  "notes", "progress", "evidence"]
        read_only_fields = ["id"]


class TaskGroupRowSerializer(serializers.ModelSerializer):
    tasks = PlanTaskRowSerializer(many=True, required=False)

    class Meta:
        model = TaskGroup
        fields = ["ordinal", "title", "notes", "tasks"]


class DirectiveSerializer(serializers.ModelSerializer):
    """The directive a plan implements, named by its number (created or updated with the plan)."""

    number = serializers.CharField(max_length=50)

    class Meta:
        model = Directive
        fields = ["number", "title", "issued_on", "issuer"]


class PlanSerializer(RecordSerializer):
    """A plan with its directive and its whole tree: ``groups`` → ``tasks`` → ``progress``.
    Writing ``groups`` replaces the tree (tasks matched by ref); leaving it out keeps it."""

    implements = DirectiveSerializer(required=False, allow_null=True)
    groups = TaskGroupRowSerializer(many=True, required=False)

    class Meta(RecordSerializer.Meta):
        model = Plan
        fields = ["id", "url", "ref", "number", "title", "issued_on", "issuer", "implements", "notes", "groups",
                  "created_at", "updated_at"]

    def create(self, validated_data):
        return self._save_plan(Plan(), validated_data)

    def update(self, instance, validated_data):
        return self._save_plan(instance, validated_data)

    def _save_plan(self, plan, data):
        set_implements = "implements" in data
        implements = data.pop("implements", None)
        groups = data.pop("groups", None)
        if data.get("ref") == "" and plan.pk:
            del data["ref"]
        for name, value in data.items():
            setattr(plan, name, value)
        if groups is not None:
            groups = [
                {
                    "ordinal": group["ordinal"],
                    "title": group["title"],
                    "notes": group.get("notes", ""),
                    "tasks": [
                        {
                            **{key: task.get(key) for key in ("ref", "title", "due_on", "notes")},
                            "status": task.get("status") or "not_started",
                            "lead_unit_id": task["lead_unit"].pk if task.get("lead_unit") else None,
                            "supporting_unit_ids": [unit.pk for unit in task.get("supporting_units", [])],
                            "progress": task.get("progress", []),
                            "links": task_link_rows(task.get("links")),
                        }
                        for task in group.get("tasks", [])
                    ],
                }
                for group in groups
            ]
        request = self.context.get("request")
        try:
            return plan_save(plan=plan, actor=getattr(request, "user", None), implements=implements,
                             set_implements=set_implements, groups=groups)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class TaskSerializer(RecordSerializer):
    """One task of a plan (``group`` by id; ``plan`` shown as its ref). ``progress`` given
    replaces the task's progress updates; leaving it out keeps them."""

    plan = serializers.CharField(source="group.plan.ref", read_only=True)
    progress = TaskProgressRowSerializer(many=True, required=False)
    evidence = TaskLinkRowSerializer(source="links", many=True, required=False)
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Task
        fields = ["id", "url", "ref", "plan", "group", "position", "title", "lead_unit", "supporting_units",
                  "due_on", "status", "status_display", "notes", "progress", "evidence", "created_at", "updated_at"]

    def create(self, validated_data):
        return self._save_task(Task(), validated_data)

    def update(self, instance, validated_data):
        return self._save_task(instance, validated_data)

    def _save_task(self, task, data):
        progress = data.pop("progress", None)
        links = task_link_rows(data.pop("links", None))
        supporting = data.pop("supporting_units", None)
        if data.get("ref") == "" and task.pk:
            del data["ref"]
        for name, value in data.items():
            setattr(task, name, value)
        request = self.context.get("request")
        try:
            return task_save(task=task, actor=getattr(request, "user", None), supporting_units=supporting,
                             progress=progress, links=links)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class ConsularCaseActionRowSerializer(serializers.ModelSerializer):
    """One dated step of a case's actions log."""

    class Meta:
        model = ConsularCaseAction
        fields = ["date", "actor", "action"]


class ConsularCaseSerializer(RowsSerializerMixin, RecordSerializer):
    """A citizen-protection case. Only roles allowed to read cases reach it at all, and every
    case shown is logged as a personal-data access (by the view, all at once)."""

    personal_fields = ("subject_name", "subject_commune")
    personal_data_permission = "consular.view_consularcase"
    rows_field = "actions"
    save_service = staticmethod(consular_case_save)
    instance_kwarg = "case"
    country_name = serializers.CharField(source="country.name", read_only=True)
    kind_display = display("kind")
    status_display = display("status")
    actions = ConsularCaseActionRowSerializer(many=True, required=False)

    class Meta(RecordSerializer.Meta):
        model = ConsularCase
        fields = ["id", "url", "ref", "kind", "kind_display", "country", "country_name", "opened_on", "closed_on",
                  "status", "status_display", "summary", "subject_name", "subject_commune", "notes", "actions",
                  "created_at", "updated_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if getattr(self.context.get("view"), "swagger_fake_view", False):
            return data
        shown = self.context.get("personal_data_shown")
        if shown is not None:
            shown.append(instance)
        else:
            request = self.context["request"]
            personal_data_access_log(actor=request.user, record=instance, channel=request.path)
        return data


# --- history ----------------------------------------------------------------------------------


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    """One change of a record: when, who, what kind, and each field's before and after."""

    id = serializers.IntegerField()
    date = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True)
    type = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    reason = serializers.CharField(allow_blank=True)
    changes = HistoryChangeSerializer(many=True)
