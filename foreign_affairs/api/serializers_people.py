"""API representations of annual programmes and their items, and of people's records (press
visits with their reporters, honours, the overseas community, experts, the border). Field names
are the bundle's; links are refs or codes; writes go through the services or ``record_save``."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from foreign_affairs.core.models import Country
from foreign_affairs.core.services import personal_data_access_log
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
from foreign_affairs.people.services import journalist_visit_save
from foreign_affairs.plans.models import Programme, ProgrammeItem
from foreign_affairs.plans.services import programme_save

from .serializers import (
    BaseSerializer,
    RecordSerializer,
    RefRelatedField,
    StatisticSourceSerializer,
    display,
    drf_validation_error,
)

REPORTERS_PERMISSION = "people.view_journalistreporter"


def _actor(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)


class ProgrammeItemRowSerializer(BaseSerializer):
    """An item inside its programme's ``items``; matched by ``ref`` when the programme is written."""

    ref = serializers.CharField(max_length=100)
    status_display = display("status")

    class Meta:
        model = ProgrammeItem
        fields = ["id", "ref", "kind", "pillar", "title", "fields", "partners", "countries", "month", "quarter",
                  "lead_unit", "supporting_units", "funding", "budget_vnd", "status", "status_display", "delegation",
                  "event", "agreement", "notes"]
        read_only_fields = ["id"]


class ProgrammeSerializer(RecordSerializer):
    """An annual programme with its ``items``. Writing ``items`` replaces them (matched by ref;
    an item linked to a delegation, event or agreement is done); leaving it out keeps them."""

    items = ProgrammeItemRowSerializer(many=True, required=False)
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Programme
        fields = ["id", "url", "ref", "year", "title", "number", "approved_on", "status", "status_display", "notes",
                  "items", "created_at", "updated_at"]

    def create(self, validated_data):
        return self._save_programme(Programme(), validated_data)

    def update(self, instance, validated_data):
        return self._save_programme(instance, validated_data)

    def _save_programme(self, programme, data):
        items = data.pop("items", None)
        if data.get("ref") == "" and programme.pk:
            del data["ref"]
        for name, value in data.items():
            setattr(programme, name, value)
        if items is not None:
            items = [
                {
                    **{key: item.get(key) for key in ("ref", "kind", "pillar", "title", "month", "quarter", "funding",
                                                      "budget_vnd", "notes")},
                    "status": item.get("status") or "planned",
                    **{f"{name}_id": item[name].pk if item.get(name) else None
                       for name in ("lead_unit", "delegation", "event", "agreement")},
                    **{name: [obj.pk for obj in item.get(name, [])]
                       for name in ("fields", "partners", "countries", "supporting_units")},
                }
                for item in items
            ]
            for item in items:
                if item["delegation_id"] or item["event_id"] or item["agreement_id"]:
                    item["status"] = "done"  # linking an item to what took place marks it done
        try:
            return programme_save(programme=programme, actor=_actor(self), items=items)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class ProgrammeItemSerializer(RecordSerializer):
    """One item of an annual programme (``programme`` by its ref). Linking it to a delegation,
    event or agreement marks it done."""

    kind_display = display("kind")
    status_display = display("status")
    when = serializers.CharField(read_only=True)

    class Meta(RecordSerializer.Meta):
        model = ProgrammeItem
        fields = ["id", "url", "ref", "programme", "position", "kind", "kind_display", "pillar", "title", "fields",
                  "partners", "countries", "month", "quarter", "when", "lead_unit", "supporting_units", "funding",
                  "budget_vnd", "status", "status_display", "delegation", "event", "agreement", "notes",
                  "created_at", "updated_at"]


class JournalistReporterRowSerializer(serializers.ModelSerializer):
    nationality = RefRelatedField(slug_field="code", queryset=Country.objects.all(), required=False, allow_null=True)

    class Meta:
        model = JournalistReporter
        fields = ["full_name", "position", "nationality"]


class JournalistVisitSerializer(RecordSerializer):
    """A foreign press visit. ``reporters`` (names: personal data) are shown to, and written by,
    users allowed to read them only, and each showing is logged (by the view, all at once).
    Writing ``reporters`` replaces them; leaving it out keeps them. On an existing visit the
    status moves forward only."""

    personal_fields = ("reporters",)
    personal_data_permission = REPORTERS_PERMISSION
    reporters = JournalistReporterRowSerializer(many=True, required=False)
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = JournalistVisit
        fields = ["id", "url", "ref", "outlet", "country", "resident", "topics", "sites", "start_on", "end_on",
                  "permit_no", "accompanying_unit", "status", "status_display", "response_no", "response_on",
                  "outputs", "notes", "reporters", "created_at", "updated_at"]

    def shows_personal_data(self) -> bool:
        if getattr(self.context.get("view"), "swagger_fake_view", False):
            return True
        request = self.context.get("request")
        return request is not None and request.user.has_perm(REPORTERS_PERMISSION)

    def get_fields(self):
        fields = super().get_fields()
        if not self.shows_personal_data():
            del fields["reporters"]
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if "reporters" in data and not getattr(self.context.get("view"), "swagger_fake_view", False):
            shown = self.context.get("personal_data_shown")
            if shown is not None:
                shown.append(instance)
            else:
                request = self.context["request"]
                personal_data_access_log(actor=request.user, record=instance, channel=request.path)
        return data

    def create(self, validated_data):
        return self._save_visit(JournalistVisit(), validated_data)

    def update(self, instance, validated_data):
        return self._save_visit(instance, validated_data)

    def _save_visit(self, visit, data):
        reporters = data.pop("reporters", None)
        if data.get("ref") == "" and visit.pk:
            del data["ref"]
        for name, value in data.items():
            setattr(visit, name, value)
        if reporters is not None:
            reporters = [
                {"full_name": row["full_name"], "position": row.get("position", ""),
                 "nationality_id": row["nationality"].pk if row.get("nationality") else None}
                for row in reporters
            ]
        try:
            return journalist_visit_save(visit=visit, actor=_actor(self), reporters=reporters)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc


class HonourAwardSerializer(RecordSerializer):
    award_type_display = display("award_type")
    status_display = display("status")
    recipient = serializers.CharField(read_only=True)

    class Meta(RecordSerializer.Meta):
        model = HonourAward
        fields = ["id", "url", "ref", "recipient", "recipient_partner", "recipient_name", "recipient_country",
                  "award_type", "award_type_display", "achievement", "proposer_unit", "status", "status_display",
                  "decision_no", "decision_on", "ceremony_on", "ceremony_place", "notes", "created_at", "updated_at"]


class OverseasCommunityFigureSerializer(RecordSerializer):
    """The overseas community in figures for a country (or all, ``country`` null) and a year,
    with its ``source`` (title required)."""

    source = StatisticSourceSerializer(source="*", required=False)

    class Meta(RecordSerializer.Meta):
        model = OverseasCommunityFigure
        fields = ["id", "url", "ref", "year", "country", "population", "countries", "associations",
                  "investment_projects", "investment_vnd", "remittances_usd", "remittances_usd_max", "source",
                  "notes", "created_at", "updated_at"]


class ExpertSerializer(RecordSerializer):
    """A member of the experts' network: personal data. Only roles allowed to read the network
    reach it at all, and every expert a response shows is logged (by the view, all at once)."""

    personal_fields = ("full_name", "email", "phone", "organisation", "position")
    personal_data_permission = "people.view_expert"

    class Meta(RecordSerializer.Meta):
        model = Expert
        fields = ["id", "url", "ref", "full_name", "country", "from_province", "fields", "expertise", "organisation",
                  "position", "email", "phone", "notes", "created_at", "updated_at"]

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


class BorderItemSerializer(RecordSerializer):
    kind_display = display("kind")
    gate_class_display = display("gate_class")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = BorderItem
        fields = ["id", "url", "ref", "kind", "kind_display", "name", "gate_class", "gate_class_display", "commune",
                  "opposite_province", "opposite_district", "opposite_name", "status", "status_display",
                  "legal_basis", "valid_from", "notes", "created_at", "updated_at"]


class BorderEventSerializer(RecordSerializer):
    kind_display = display("kind")

    class Meta(RecordSerializer.Meta):
        model = BorderEvent
        fields = ["id", "url", "ref", "kind", "kind_display", "title", "date", "end_on", "items", "partners",
                  "parties", "outcome", "document", "unit", "notes", "created_at", "updated_at"]


class BorderFigureSerializer(RecordSerializer):
    """The border in figures (the whole border, or facing one Lao province, ``opposite_province``),
    with its ``source`` (title required)."""

    length_km = serializers.DecimalField(max_digits=9, decimal_places=3, coerce_to_string=False, required=False,
                                         allow_null=True)
    source = StatisticSourceSerializer(source="*", required=False)

    class Meta(RecordSerializer.Meta):
        model = BorderFigure
        fields = ["id", "url", "ref", "year", "opposite_province", "length_km", "border_communes", "markers",
                  "stakes", "border_gates", "openings", "village_pairs", "post_pairs", "source", "notes",
                  "created_at", "updated_at"]
