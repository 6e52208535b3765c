"""A report document (the dict of selectors.report_build) written out as JSON, HTML, DOCX or PDF."""

from __future__ import annotations

import json

FORMATS = ("json", "html", "docx", "pdf")
CONTENT_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def render(document: dict, fmt: str) -> bytes:
    """The document in one format, as bytes ready to write or send."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "html":
        from foreign_affairs.core.documents.report_html import render_report_html

        return render_report_html(document, standalone=True).encode("utf-8")
    if fmt == "docx":
        from foreign_affairs.core.documents.report_docx import render_report_docx

        return render_report_docx(document)
    if fmt == "pdf":
        from foreign_affairs.core.documents.report_pdf import render_report_pdf

        return render_report_pdf(document)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def file_name(document: dict, fmt: str) -> str:
    period = document["period"]
    unit = f"-{document['unit']['ref']}" if document.get("unit") else ""
    return f"report-{document['kind']}-{period['start']}-{period['end']}{unit}-{document['lang']}.{fmt}"
