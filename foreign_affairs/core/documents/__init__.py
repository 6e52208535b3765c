"""Documents: reports rendered as Word (the Decree 30/2020/NĐ-CP administrative format), HTML and
PDF from the report dict the reports app builds (``fa-report/1``). No models: renderers only."""

from .decree30 import Decree30Document, Issuer, Text
from .report_docx import render_report_docx
from .report_html import render_report_html
from .report_pdf import render_report_pdf

__all__ = ["Decree30Document", "Issuer", "Text", "render_report_docx", "render_report_html", "render_report_pdf"]
