"""Writes on reports: save a report's texts and period, finalise it (freeze it as sent)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from foreign_affairs.core.models import User
from foreign_affairs.core.services import record_save

from .models import Report, ReportFile, ReportStatus

LANGUAGES = ("vi", "en")


class ReportFinalised(Exception):
    """The report is finalised: it is kept as sent and cannot change (HTTP 409)."""


def report_save(*, report: Report, actor: User | None) -> Report:
    """Create or change a draft report (period, unit, document details, the officer's texts)."""
    if report.pk and Report.objects.filter(pk=report.pk, status=ReportStatus.FINALISED).exists():
        raise ReportFinalised(_("This report is finalised and kept as sent; it cannot be changed."))
    if report.status == ReportStatus.FINALISED and not report.pk:
        raise ValidationError({"status": _("A report is finalised through the finalise action only.")})
    return record_save(instance=report, actor=actor)


def _render_files(document: dict) -> dict[str, bytes]:
    """The DOCX and PDF of a report document, by format (those the installed renderers make)."""
    files: dict[str, bytes] = {}
    try:
        from foreign_affairs.core.documents.report_docx import render_report_docx
    except ImportError:  # pragma: no cover - renderers are part of the product
        render_report_docx = None
    try:
        from foreign_affairs.core.documents.report_pdf import render_report_pdf
    except ImportError:  # pragma: no cover
        render_report_pdf = None
    if render_report_docx is not None:
        files["docx"] = render_report_docx(document)
    if render_report_pdf is not None:
        files["pdf"] = render_report_pdf(document)
    return files


def report_finalise(*, report: Report, actor: User, cutoff_on: date | None = None,
                    render_files: bool = True) -> Report:
    """Freeze a report as it is sent: its document in both languages (every figure, table and
    text) with the data cut-off date, and its DOCX and PDF files. Afterwards the report shows
    and downloads exactly this, whatever happens to the records."""
    from .selectors import report_document

    if not actor.has_perm("reports.finalise_report"):
        raise PermissionDenied(_("Your role may not finalise reports."))
    cutoff_on = cutoff_on or timezone.localdate()
    with transaction.atomic():
        locked = Report.objects.restrict(actor, "view").select_for_update().filter(pk=report.pk).first()
        if locked is None:
            raise PermissionDenied(_("This report is outside what your account can reach."))
        if locked.is_finalised:
            raise ReportFinalised(_("This report is already finalised."))
        if not locked.number.strip():
            raise ValidationError({"number": _("Give the document number before finalising.")})
        snapshot = {}
        now = timezone.now()
        for lang in LANGUAGES:
            document = report_document(locked, lang=lang)
            document["data_cutoff"] = cutoff_on.isoformat()
            document["finalised"] = {
                "at": timezone.localtime(now).isoformat(timespec="seconds"),
                "by": actor.get_full_name() or actor.username,
                "cutoff_on": cutoff_on.isoformat(),
                "number": locked.number,
            }
            snapshot[lang] = document
        locked.snapshot = snapshot
        locked.status = ReportStatus.FINALISED
        locked.finalised_at = now
        locked.finalised_by = actor
        locked.cutoff_on = cutoff_on
        locked._history_user = actor
        locked._change_reason = "finalise"
        locked.full_clean()
        locked.save()
        if render_files:
            for lang, document in snapshot.items():
                for fmt, content in _render_files(document).items():
                    ReportFile.objects.create(
                        report=locked, lang=lang, fmt=fmt,
                        file=ContentFile(content, name=f"{locked.ref}-{lang}.{fmt}"),
                    )
    return locked
