"""A report as HTML: a fragment for the report's web page (Bootstrap 5), or a standalone print
document in the Decree 30 layout from which the PDF is made."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from . import decree30
from .view import report_view


def render_report_html(report: dict, *, standalone: bool, heading_level: int = 1, id_prefix: str = "report-") -> str:
    """The report (a ``fa-report/1`` dict) as HTML in the report's language.

    ``standalone=False``: an ``<article>`` for a page that has its own layout; the title is an
    ``h<heading_level>``, sections the levels below, figures link to the records behind them.
    ``standalone=True``: a whole document with its own CSS (A4 pages, the national motto,
    issuer, number, place and date, recipients and signature), for printing and for the PDF.
    """
    view = report_view(report)
    with translation.override(view.lang):
        context = {
            "view": view,
            "c": view.captions,
            "standalone": standalone,
            "heading_level": 1 if standalone else heading_level,
            "link_records": not standalone,
            "id_prefix": id_prefix,
            "recipients": decree30.recipient_lines(view.issuer, view.lang),
            "signer_title_lines": decree30.signer_title_lines(view.issuer),
        }
        return render_to_string("documents/report.html", context)
