"""Report pages: a report for any period previewed and downloaded, the records behind each
figure, and a saved report finalised, downloaded as sent and compared with today's figures."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from foreign_affairs.core.links import record_url
from foreign_affairs.core.views import PermissionView
from foreign_affairs.economy.models import Indicator

from .access import UnknownUnit, report_unit_for
from .indicators import RULES, Scope, computed_records
from .models import Report, ReportFile
from .periods import Period, PeriodError, ReportKind, period_for
from .render import CONTENT_TYPES, FORMATS, file_name
from .render import render as render_document
from .selectors import report_build, report_comparison, report_document
from .services import ReportFinalised, report_finalise

PAGE_SIZE = 50


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def period_from_query(query) -> Period:
    kind = query.get("kind") or ReportKind.ANNUAL
    return period_for(kind, year=_int(query.get("year")), half=_int(query.get("half")),
                      quarter=_int(query.get("quarter")), month=_int(query.get("month")),
                      start=_date(query.get("start")), end=_date(query.get("end")))


def _lang(request) -> str:
    lang = request.GET.get("lang") or get_language() or "vi"
    return "en" if lang.startswith("en") else "vi"


def _download(document: dict, fmt: str) -> HttpResponse:
    response = HttpResponse(render_document(document, fmt), content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt in ("json", "html") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{file_name(document, fmt)}"'
    return response


class ReportPreviewView(PermissionView):
    """Any report from today's register: ?kind=annual&year=2023 (or half, quarter, month, or
    start and end), &unit=REF, &lang=vi|en, &format=json|html|docx|pdf to download."""

    def required_perms(self):
        return ["reports.view_report"]

    def get(self, request):
        try:
            period = period_from_query(request.GET)
            unit = report_unit_for(request.user, request.GET.get("unit"))
        except (PeriodError, UnknownUnit) as exc:
            return render(request, "reports/preview.html", {"error": str(exc), "query": request.GET}, status=400)
        lang = _lang(request)
        document = report_build(period=period, unit=unit, lang=lang)
        fmt = request.GET.get("format")
        if fmt:
            if fmt not in FORMATS:
                raise Http404
            return _download(document, fmt)
        query = request.GET.copy()
        downloads = []
        for fmt in ("docx", "pdf", "json"):
            query["format"] = fmt
            downloads.append((fmt.upper(), f"{request.path}?{query.urlencode()}"))
        return render(request, "reports/preview.html", {
            "document": document, "downloads": downloads, "query": request.GET, "period": period,
        })


class FigureRecordsView(PermissionView):
    """The records behind one computed figure (?start=&end=&unit=), exactly those it counts,
    as far as the user may read them."""

    def required_perms(self):
        return ["reports.view_report"]

    def get(self, request, code):
        if code not in RULES:
            raise Http404
        start, end = _date(request.GET.get("start")), _date(request.GET.get("end"))
        if start is None or end is None:
            raise Http404
        try:
            period = Period(start=start, end=end)
            unit = report_unit_for(request.user, request.GET.get("unit"))
        except (PeriodError, UnknownUnit):
            raise Http404 from None
        rule = RULES[code]
        records = computed_records(code, Scope.for_unit(unit), period)
        model = records.model if records is not None else None
        if records is None:
            raise Http404
        visible = model._default_manager.restrict(request.user, "view")
        rows = records.filter(pk__in=visible.values("pk")).order_by(*(rule.order_by or ("pk",)))
        hidden = records.count() - rows.count()
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        indicator = Indicator.objects.filter(code=code).first()
        return render(request, "reports/figure_records.html", {
            "code": code, "indicator": indicator, "period": period, "unit": unit, "page": page,
            "rows": [(obj, record_url(obj)) for obj in page.object_list], "hidden": hidden,
            "total": rows.count() + hidden,
        })


def _report(request, pk) -> Report:
    return get_object_or_404(Report.objects.restrict(request.user, "view"), pk=pk)


class ReportDownloadView(PermissionView):
    """A saved report's document: the files kept at finalisation, or built now for a draft."""

    def required_perms(self):
        return ["reports.view_report"]

    def get(self, request, pk, lang, fmt):
        report = _report(request, pk)
        if lang not in ("vi", "en") or fmt not in FORMATS:
            raise Http404
        if report.is_finalised and fmt in ("docx", "pdf"):
            kept = ReportFile.objects.filter(report=report, lang=lang, fmt=fmt).first()
            if kept is not None:
                response = HttpResponse(kept.file.read(), content_type=CONTENT_TYPES[fmt])
                response["Content-Disposition"] = f'attachment; filename="{file_name(report.snapshot[lang], fmt)}"'
                return response
        return _download(report_document(report, lang=lang), fmt)


class ReportFinaliseView(PermissionView):
    def required_perms(self):
        return ["reports.finalise_report"]

    def post(self, request, pk):
        report = _report(request, pk)
        try:
            report_finalise(report=report, actor=request.user, cutoff_on=_date(request.POST.get("cutoff_on")))
        except ReportFinalised as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for errors in exc.message_dict.values():
                for error in errors:
                    messages.error(request, error)
        except PermissionDenied:
            raise
        else:
            messages.success(request, _("The report is finalised: its figures are frozen as sent."))
        return redirect(reverse("web:reports_detail", args=[report.pk]))


def report_detail_context(report: Report, user) -> dict:
    """What a saved report's page shows beside its fields: the document (frozen or live), the
    downloads, and for a finalised report what has changed since."""
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    document = report_document(report, lang=lang)
    downloads = [
        (f"{fmt.upper()} ({code})", reverse("reports:download", args=[report.pk, code, fmt]))
        for code in ("vi", "en") for fmt in ("docx", "pdf", "json")
    ]
    return {
        "document": document,
        "downloads": downloads,
        "can_finalise": user.has_perm("reports.finalise_report") and not report.is_finalised,
        "comparison": report_comparison(report, lang=lang) if report.is_finalised else None,
        "today": date.today().isoformat(),
    }
