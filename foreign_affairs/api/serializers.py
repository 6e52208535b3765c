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
from rest_framework import serializers
from rest_framework.settings import api_settings

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.core.services import personal_data_access_log, record_save
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner

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


def display(name: str) -> serializers.CharField:
    """The translated label of a choice field, for clients that show it as it is."""
    return serializers.CharField(source=f"get_{name}_display", read_only=True)


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
    """Base for register records (``RecordModel``): ref, notes and timestamps."""

    class Meta:
        read_only_fields = ["id", "created_at", "updated_at"]


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


class AgreementSerializer(RecordSerializer):
    kind_display = display("kind")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Agreement
        fields = ["id", "url", "ref", "kind", "kind_display", "title_en", "title_vi", "number", "signed_on",
                  "place", "units", "partners", "fields", "valid_from", "valid_until", "status",
                  "status_display", "notes", "created_at", "updated_at"]


class EventSerializer(RecordSerializer):
    kind_display = display("kind")
    pillar_display = display("pillar")
    country_name = serializers.CharField(source="country.name", read_only=True, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = Event
        fields = ["id", "url", "ref", "kind", "kind_display", "pillar", "pillar_display", "fields", "title",
                  "start_on", "end_on", "place", "country", "country_name", "partners", "participants",
                  "unit", "notes", "created_at", "updated_at"]


class DelegationSerializer(RecordSerializer):
    direction_display = display("direction")
    pillar_display = display("pillar")
    level_display = display("level")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Delegation
        fields = ["id", "url", "ref", "direction", "direction_display", "pillar", "pillar_display", "level",
                  "level_display", "title", "purpose", "start_on", "end_on", "countries", "partners",
                  "fields", "host_unit", "head_name", "head_position", "members", "foreign_visitors",
                  "reception", "permit_on", "status", "status_display", "funding", "budget_vnd",
                  "cost_vnd", "outcomes", "agreements", "events", "notes", "created_at", "updated_at"]


class DelegationMemberSerializer(BaseSerializer):
    """A member of a delegation. Passport number and date of birth are personal data: only
    users with ``delegations.view_personal_data`` are shown them (and each showing is logged
    by the view); others may still write them, e.g. a unit officer listing its own trip."""

    personal_fields = ("passport_number", "date_of_birth")
    personal_data_permission = PERSONAL_DATA_PERMISSION
    role_display = display("role")

    class Meta:
        model = DelegationMember
        fields = ["id", "url", "delegation", "full_name", "role", "role_display", "position", "organisation",
                  "passport_number", "date_of_birth"]

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
