"""A report as a Word document in the Decree 30 format (what the office signs and sends)."""

from __future__ import annotations

from datetime import datetime

from django.utils import translation
from docx.shared import Pt

from .decree30 import TEXT_WIDTH_MM, Decree30Document, Text
from .view import FigureTable, ReportView, SectionView, TableView, report_view

# Relative column widths of a figures table, without and with the plan columns.
FIGURE_PT = {False: 12, True: 11}
NUMBER_COLUMN_MM = 10


def render_report_docx(report: dict) -> bytes:
    """The report (a ``fa-report/1`` dict) as .docx bytes, in the report's language."""
    view = report_view(report)
    with translation.override(view.lang):
        document = Decree30Document(
            lang=view.lang,
            issuer=view.issuer,
            kind_title=view.kind_title,
            title=view.title,
            created=_created(report),
        )
        if view.status_note:
            note = document.add_paragraph(view.status_note, italic=True, size=12, align="center", indent=False)
            note.paragraph_format.space_after = Pt(12)
        for section in view.sections:
            _write_section(document, section, view)
        if view.part_year:
            _write_table(document, view.part_year, view)
        return document.to_bytes()


def _write_section(document: Decree30Document, section: SectionView, view: ReportView) -> None:
    document.add_heading(section.title, level=section.level, number=section.number)
    for text in section.paragraphs:
        document.add_paragraph(text)
    if section.figures:
        _write_figures(document, section.figures, view)
    for table in section.tables:
        _write_table(document, table, view)
    for subsection in section.subsections:
        _write_section(document, subsection, view)


def _write_figures(document: Decree30Document, figures: FigureTable, view: ReportView) -> None:
    c = view.captions
    columns = [c["indicator"], c["value"], c["previous"], c["change"]]
    if figures.has_plan:
        columns.append(c["plan"])
    columns.append(c["source"])
    rows = []
    for row in figures.rows:
        value: list[str | Text] = [row.value]
        if row.value_in_words:
            value.append(Text(f"({row.value_in_words})", italic=True))
        if row.mismatch:
            value.append(Text(f"{c['mismatch_mark']} {row.mismatch_text}", bold=True, italic=True))
        previous: list[str | Text] = [row.previous]
        if row.previous_in_words:
            previous.append(Text(f"({row.previous_in_words})", italic=True))
        cells: list = [row.label, value, previous, row.change]
        if figures.has_plan:
            cells.append([row.plan, Text(f"({row.fulfilment_text})", italic=True)] if row.fulfilment_text else row.plan)
        cells.append(Text(row.source, size=FIGURE_PT[figures.has_plan] - 1))
        rows.append(cells)
    align = ["left", "right", "right", "right"] + (["right"] if figures.has_plan else []) + ["left"]
    document.add_table(
        columns, rows, widths_mm=figures.widths, align=align, caption=figures.caption, size=FIGURE_PT[figures.has_plan]
    )
    if figures.has_mismatch:
        document.add_paragraph(c["mismatch_legend"], italic=True, size=11, indent=False, align="left")


def _write_table(document: Decree30Document, table: TableView, view: ReportView) -> None:
    if not table.columns or not table.rows:
        if table.title:
            document.add_caption(table.title)
        document.add_paragraph(view.captions["no_rows"], italic=True, align="center", indent=False)
        return
    columns = [view.captions["number"], *(column.label for column in table.columns)]
    rows = [[str(index), *cells] for index, cells in enumerate(table.rows, start=1)]
    weights = [_weight(table, position) for position in range(len(table.columns))]
    rest = TEXT_WIDTH_MM - NUMBER_COLUMN_MM
    widths = [NUMBER_COLUMN_MM, *(rest * weight / sum(weights) for weight in weights)]
    align = ["center", *("right" if column.numeric else "left" for column in table.columns)]
    document.add_table(columns, rows, widths_mm=widths, align=align, caption=table.title)


def _weight(table: TableView, position: int) -> float:
    """A column's share of the width, from the length of what it holds (within bounds)."""
    lengths = [len(row[position]) for row in table.rows] + [len(table.columns[position].label)]
    return max(10.0, min(45.0, sum(lengths) / len(lengths) + 4))


def _created(report: dict) -> datetime | None:
    value = report.get("generated_at")
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
