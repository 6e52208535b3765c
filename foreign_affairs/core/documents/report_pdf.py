"""A report as PDF: the standalone HTML print document typeset by WeasyPrint."""

from __future__ import annotations

from .report_html import render_report_html


def render_report_pdf(report: dict) -> bytes:
    """The report (a ``fa-report/1`` dict) as PDF bytes, A4, in the report's language.

    Nothing is fetched while typesetting (the CSS is inline and a report has no images): offices
    run the register on closed networks, and a report must not reach out to a source's URL.
    """
    from weasyprint import HTML  # imported on use: it loads Pango and fontconfig

    html = render_report_html(report, standalone=True)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_tags=True)


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"reports load no external resources ({url})")
