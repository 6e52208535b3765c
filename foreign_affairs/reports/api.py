"""Reports in the API: ``GET /api/v1/reports/annual/?year=Y`` (the same JSON as
``manage.py report annual``), any period at ``/api/v1/reports/period/``, and the saved reports
(``/api/v1/reports/``) with their document, finalisation and comparison."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from foreign_affairs.api.serializers import RecordSerializer, display
from foreign_affairs.api.views import RecordViewSet

from .access import UnknownUnit, report_unit_for
from .filtersets import ReportFilterSet
from .models import FINALISED, Report
from .periods import PeriodError, ReportKind
from .render import CONTENT_TYPES, FORMATS, file_name, render
from .selectors import report_build, report_comparison, report_document
from .services import ReportFinalised, report_finalise
from .views import _date, _int, period_from_query

PERIOD_PARAMETERS = [
    OpenApiParameter("year", OpenApiTypes.INT, description="the year"),
    OpenApiParameter("unit", OpenApiTypes.STR, description="ref of a unit: the report covers its subtree"),
    OpenApiParameter("lang", OpenApiTypes.STR, enum=["vi", "en"], description="language (default vi)"),
    OpenApiParameter("from", OpenApiTypes.DATE, description="period start (overrides the year)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="period end (overrides the year)"),
    OpenApiParameter("detail", OpenApiTypes.STR, enum=["summary", "full"],
                     description="summary (default): figures, texts and pillar tables; full: also the tables "
                                 "listing every record (annexes)"),
]


def _lang(request) -> str:
    return "en" if (request.query_params.get("lang") or "vi").startswith("en") else "vi"


def _live_report(request, kind: str) -> Response:
    query = request.query_params.copy()
    query["kind"] = query.get("kind", kind) if kind == ReportKind.RANGE else kind
    if "from" in query:
        query["start"] = query["from"]
    if "to" in query:
        query["end"] = query["to"]
    if query.get("year") and _int(query.get("year")) is None:
        raise ValidationError({"year": ["A whole number is required."]})
    for name in ("start", "end"):
        if query.get(name) and _date(query.get(name)) is None:
            raise ValidationError({name: ["Write the date as YYYY-MM-DD."]})
    try:
        period = period_from_query(query)
        unit = report_unit_for(request.user, query.get("unit"))
    except PeriodError as exc:
        raise ValidationError({"period": [str(exc)]}) from None
    except UnknownUnit as exc:
        raise ValidationError({"unit": [str(exc)]}) from None
    except DjangoPermissionDenied as exc:
        raise PermissionDenied(str(exc)) from None
    detail = query.get("detail") or "summary"
    if detail not in ("summary", "full"):
        raise ValidationError({"detail": ["Use summary or full."]})
    return Response(report_build(period=period, unit=unit, lang=_lang(request), detail=detail))


class AnnualReportView(APIView):
    """The annual report of a year, as JSON: period, unit, indicators (DESIGN §2), sections."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=PERIOD_PARAMETERS, responses=OpenApiTypes.OBJECT, summary="Annual report (JSON)")
    def get(self, request):
        if not request.query_params.get("year") and not request.query_params.get("from"):
            raise ValidationError({"year": ["Give the year: ?year=2025."]})
        return _live_report(request, ReportKind.ANNUAL)


class PeriodReportView(APIView):
    """A report over any period: ?kind=six_month&year=2025&half=1, quarterly&quarter=, monthly&month=,
    or ?from=2025-01-01&to=2025-10-31."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[*PERIOD_PARAMETERS,
                    OpenApiParameter("kind", OpenApiTypes.STR, enum=list(ReportKind.ALL)),
                    OpenApiParameter("half", OpenApiTypes.INT), OpenApiParameter("quarter", OpenApiTypes.INT),
                    OpenApiParameter("month", OpenApiTypes.INT)],
        responses=OpenApiTypes.OBJECT, summary="Report over any period (JSON)",
    )
    def get(self, request):
        return _live_report(request, request.query_params.get("kind") or ReportKind.RANGE)


class ReportSerializer(RecordSerializer):
    kind_display = display("kind")
    status_display = display("status")

    class Meta(RecordSerializer.Meta):
        model = Report
        fields = ["id", "url", "ref", "kind", "kind_display", "start", "end", "unit", "title", "number", "place",
                  "issued_on", "issuer_parent", "issuer_name", "signer", "signer_title", "recipients", "context",
                  "strengths", "limitations", "causes", "lessons", "directions", "recommendations",
                  "section_texts", "status", "status_display", "finalised_at", "finalised_by", "cutoff_on", "notes",
                  "created_at", "updated_at"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "status", "finalised_at", "finalised_by",
                            "cutoff_on"]


class FinaliseInputSerializer(serializers.Serializer):
    cutoff_on = serializers.DateField(required=False, allow_null=True, default=None)


class ReportViewSet(RecordViewSet):
    """Saved reports: the officer's texts and document details; ``document`` gives the report
    (frozen once finalised), ``finalise`` freezes it, ``compare`` lists what changed since."""

    queryset = Report.objects.select_related("unit", "finalised_by")
    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    ordering_fields = [*RecordViewSet.ordering_fields, "start", "end", "kind", "status"]

    def _restricted_object(self) -> Report:
        report = Report.objects.restrict(self.request.user, "view").filter(pk=self.kwargs["pk"]).first()
        if report is None:
            raise NotFound()
        return report

    def get_queryset(self):
        if self.action in ("finalise", "document", "compare"):
            return Report.objects.restrict(self.request.user, "view").select_related("unit")
        return super().get_queryset()

    def perform_destroy(self, instance):
        if instance.is_finalised:
            from foreign_affairs.api.views import Conflict

            raise Conflict(str(FINALISED))
        super().perform_destroy(instance)

    @extend_schema(request=FinaliseInputSerializer, responses=ReportSerializer, summary="Finalise the report")
    @action(detail=True, methods=["post"])
    def finalise(self, request, pk=None):
        report = self._restricted_object()
        payload = FinaliseInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            report = report_finalise(report=report, actor=request.user, cutoff_on=payload.validated_data["cutoff_on"])
        except ReportFinalised as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except DjangoPermissionDenied as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        except DjangoValidationError as exc:
            return Response(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages},
                            status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(report).data)

    @extend_schema(
        parameters=[OpenApiParameter("lang", OpenApiTypes.STR, enum=["vi", "en"]),
                    OpenApiParameter("format", OpenApiTypes.STR, enum=list(FORMATS))],
        responses=OpenApiTypes.OBJECT, summary="The report's document (frozen once finalised)",
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[], url_path="document")
    def document(self, request, pk=None):
        report = self._restricted_object()
        document = report_document(report, lang=_lang(request))
        fmt = request.query_params.get("format", "json")
        if fmt == "json":
            return Response(document)
        if fmt not in FORMATS:
            raise ValidationError({"format": [f"Use one of {', '.join(FORMATS)}."]})
        if report.is_finalised and fmt in ("docx", "pdf"):
            kept = report.files.filter(lang=document["lang"], fmt=fmt).first()
            if kept is not None:
                content = kept.file.read()
            else:
                content = render(document, fmt)
        else:
            content = render(document, fmt)
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{file_name(document, fmt)}"'
        return response

    @extend_schema(responses=OpenApiTypes.OBJECT, summary="What changed since the report was finalised")
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def compare(self, request, pk=None):
        report = self._restricted_object()
        if not report.is_finalised:
            return Response({"detail": "The report is not finalised: it follows the register."},
                            status=status.HTTP_409_CONFLICT)
        return Response({"report": report.ref, "cutoff_on": report.cutoff_on,
                         "changed": report_comparison(report, lang=_lang(request))})
