"""A report dict (``fa-report/1``, built by the reports app) turned into what a document shows:
every figure formatted for the report's language, every caption translated, the sections tree
kept as it is. The DOCX, HTML and PDF renderers lay this out; none of them formats a number or
reads an indicator code itself, so the three always say the same thing.

Only the fixed captions come from here (through gettext, in the report's language); every label
in the dict is already in that language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from . import decree30, formatting

# Report kinds written as another kind of administrative document than a report.
DOCUMENT_KIND_OF_REPORT = {"programme": "programme", "annex": "annex", "plan": "plan"}


@dataclass
class FigureRow:
    """One indicator in a section's figures table."""

    code: str
    label: str
    value: str
    value_in_words: str = ""
    previous: str = ""
    previous_in_words: str = ""
    change: str = ""
    plan: str = ""
    fulfilment: str = ""
    fulfilment_text: str = ""
    source: str = ""
    source_url: str = ""
    mismatch: bool = False
    computed: str = ""
    mismatch_text: str = ""
    records_url: str = ""


# Relative widths of a figures table's columns, without and with the plan columns: enough for
# 1.298.000.000 and +35,03 % on one line (12 pt; 11 pt with the plan columns) on an A4 page.
FIGURE_WIDTHS = {False: (42, 36, 34, 20, 33), True: (31, 33, 30, 19, 27, 25)}


@dataclass
class FigureTable:
    """A section's figures: one row per indicator the section names, in its order."""

    caption: str
    rows: list[FigureRow]
    has_plan: bool
    has_mismatch: bool

    @property
    def widths(self) -> tuple[int, ...]:
        return FIGURE_WIDTHS[self.has_plan]

    @property
    def width_percents(self) -> list[str]:
        total = sum(self.widths)
        return [f"{100 * width / total:.1f}" for width in self.widths]


@dataclass
class Column:
    """A column of a record table; numeric columns are right-aligned."""

    key: str
    label: str
    numeric: bool = False


@dataclass
class TableView:
    """A table of records (or of published figures): columns and rows of formatted text."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list[str]]

    @property
    def body(self) -> list[list[tuple[str, bool]]]:
        """Rows as (text, numeric) pairs, for right-aligning figures."""
        numeric = [column.numeric for column in self.columns]
        return [list(zip(cells, numeric, strict=True)) for cells in self.rows]


@dataclass
class SectionView:
    """A section of the report (Phần, mục) with its own subsections; ``level`` 1 is the top."""

    key: str
    number: str
    title: str
    level: int
    paragraphs: list[str]
    figures: FigureTable | None
    tables: list[TableView]
    subsections: list[SectionView] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass
class ReportView:
    """The whole document: header (issuer, number, place and date), title, sections, closing."""

    lang: str
    kind_title: str
    title: str
    full_title: str
    issuer: decree30.Issuer
    place_and_date: str
    number_line: str
    legal: dict[str, str]
    status_note: str
    sections: list[SectionView]
    part_year: TableView | None
    captions: dict[str, str]


def report_view(report: dict) -> ReportView:
    """Everything a document shows, formatted, in the report's language (``report["lang"]``)."""
    lang = formatting.locale_of(report.get("lang"))
    with translation.override(lang):
        return _build(report, lang)


def _build(report: dict, lang: str) -> ReportView:
    indicators = report.get("indicators") or {}
    issuer_data = dict(report.get("issuer") or {})
    finalised = report.get("finalised") or None
    if isinstance(finalised, dict) and not issuer_data.get("number"):
        issuer_data["number"] = finalised.get("number") or ""
    issuer_data.setdefault("recipients", report.get("recipients") or [])
    issuer = decree30.Issuer.from_dict(issuer_data)
    kind_title = report.get("kind_title") or decree30.document_kind_title(
        DOCUMENT_KIND_OF_REPORT.get(report.get("kind") or "", "report"), lang
    )
    full_title = report.get("title") or ""
    legal = decree30.legal_texts(lang)
    captions = {
        "indicator": _("Indicator"),
        "value": _("Value"),
        "previous": _("Same period last year"),
        "change": _("Change"),
        "plan": _("Plan"),
        "source": _("Source"),
        "number": _("No."),
        "period": _("Period"),
        "no_rows": _("No items."),
        "mismatch_mark": "≠",
        "mismatch_legend": _(
            "≠ The figure published by the source differs from the figure computed from the register's "
            "records, which is given below it."
        ),
        "records_link": _("Records behind this figure"),
    }
    sections = [_section(section, 1, indicators, lang) for section in report.get("sections") or []]
    return ReportView(
        lang=lang,
        kind_title=kind_title,
        title=_summary_title(full_title, kind_title),
        full_title=full_title,
        issuer=issuer,
        place_and_date=decree30.place_and_date(issuer.place, issuer.date, lang),
        number_line=decree30.number_line(issuer.number, lang),
        legal=legal,
        status_note=_status_note(report, finalised, lang),
        sections=sections,
        part_year=_part_year(report.get("published_part_year") or [], lang),
        captions=captions,
    )


def _summary_title(title: str, kind_title: str) -> str:
    """Decree 30 puts the kind ("BÁO CÁO") above the summary, so the summary drops it:
    "Báo cáo kết quả công tác…" reads "Kết quả công tác…" under "BÁO CÁO"."""
    prefix = kind_title.strip().lower() + " "
    if kind_title and title.lower().startswith(prefix):
        rest = title[len(prefix) :].strip()
        if rest:
            return rest[0].upper() + rest[1:]
    return title


def _status_note(report: dict, finalised, lang: str) -> str:
    cutoff = report.get("data_cutoff")
    if isinstance(finalised, dict):
        cutoff = finalised.get("data_cutoff") or cutoff
        when = next((finalised[key] for key in ("date", "at", "finalised_on", "finalised_at") if finalised.get(key)),
                    None)
        values = {
            "number": finalised.get("number") or "",
            "date": formatting.local_date(when, lang),
            "cutoff": formatting.local_date(cutoff, lang),
        }
        if values["number"]:
            return _("Finalised as No. %(number)s on %(date)s; figures frozen with the data as of %(cutoff)s.") % values
        return _("Finalised on %(date)s; figures frozen with the data as of %(cutoff)s.") % values
    generated = report.get("generated_at")
    values = {"generated": formatting.local_date(generated, lang), "cutoff": formatting.local_date(cutoff, lang)}
    if cutoff:
        return _("Draft generated on %(generated)s from the data as of %(cutoff)s.") % values
    return _("Draft generated on %(generated)s.") % values if generated else ""


def _section(data: dict, level: int, indicators: dict, lang: str) -> SectionView:
    title = data.get("title") or ""
    rows = [_figure_row(indicators[code], lang) for code in data.get("figures") or [] if code in indicators]
    figures = None
    if rows:
        figures = FigureTable(
            caption=_("Figures: %(section)s") % {"section": title},
            rows=rows,
            has_plan=any(row.plan or row.fulfilment for row in rows),
            has_mismatch=any(row.mismatch for row in rows),
        )
    return SectionView(
        key=data.get("key") or "",
        number=data.get("number") or "",
        title=title,
        level=level,
        paragraphs=[text for text in data.get("paragraphs") or [] if text],
        figures=figures,
        tables=[_table(table, lang) for table in data.get("tables") or []],
        subsections=[_section(sub, level + 1, indicators, lang) for sub in data.get("subsections") or []],
    )


def _figure_row(item: dict, lang: str) -> FigureRow:
    unit, label = item.get("unit"), item.get("unit_label")

    def amount(key: str) -> str:
        return formatting.quantity(item.get(key), unit, label, lang)

    source = item.get("source") or None
    computed = amount("computed")
    fulfilment = formatting.percent(item.get("fulfilment_pct"), lang)
    mismatch_text = _("computed from records: %(value)s") % {"value": computed or formatting.DASH}
    mismatch = bool(item.get("mismatch"))
    return FigureRow(
        code=item.get("code") or "",
        label=item.get("label") or item.get("code") or "",
        value=amount("value") or formatting.DASH,
        value_in_words=formatting.quantity_in_words(item.get("value"), unit, label, lang),
        previous=amount("previous"),
        previous_in_words=formatting.quantity_in_words(item.get("previous"), unit, label, lang),
        change=formatting.percent(item.get("change_pct"), lang, signed=True),
        plan=amount("plan"),
        fulfilment=fulfilment,
        fulfilment_text=_("achieved %(percent)s") % {"percent": fulfilment} if fulfilment else "",
        source=_source_text(source, item, lang),
        source_url=(source or {}).get("url") or "",
        mismatch=mismatch,
        computed=computed,
        mismatch_text=mismatch_text if mismatch else "",
        records_url=item.get("records_url") or "",
    )


def _source_text(source: dict | None, item: dict, lang: str) -> str:
    if not source:
        return _("Register records") if item.get("computed") is not None else ""
    parts = [source.get("title") or ""]
    publisher = source.get("publisher") or ""
    if publisher and publisher not in parts[0]:
        parts.append(publisher)
    if source.get("published_on"):
        parts.append(formatting.local_date(source["published_on"], lang))
    return ", ".join(part for part in parts if part)


def _table(data: dict, lang: str) -> TableView:
    rows_data = [row for row in data.get("rows") or [] if isinstance(row, dict)]
    columns_data = data.get("columns") or []
    if not columns_data and rows_data:
        columns_data = [{"key": key, "label": key} for key in rows_data[0]]
    columns = []
    rows: list[list[str]] = [[] for _row in rows_data]
    for column in columns_data:
        key = column.get("key") or ""
        if key == "no":
            continue  # the documents number every table's rows themselves
        values = [row.get(key) for row in rows_data]
        present = [value for value in values if value not in (None, "")]
        numeric = bool(present) and all(formatting.is_numeric(value) for value in present)
        columns.append(Column(key=key, label=column.get("label") or key, numeric=numeric))
        for cells, value in zip(rows, values, strict=True):
            cells.append(formatting.cell(value, lang))
    return TableView(key=data.get("key") or "", title=data.get("title") or "", columns=columns, rows=rows)


def _part_year(items: list[dict], lang: str) -> TableView | None:
    """Figures published for part of the period (a January–October FDI total in an annual report)."""
    if not items:
        return None
    rows = []
    for item in items:
        rows.append(
            [
                item.get("label") or item.get("indicator") or "",
                formatting.period(item.get("start"), item.get("end"), lang),
                formatting.quantity(item.get("value"), item.get("unit"), item.get("unit_label"), lang),
                _source_text(item.get("source"), {}, lang),
            ]
        )
    columns = [
        Column("label", _("Indicator")),
        Column("period", _("Period")),
        Column("value", _("Value"), numeric=True),
        Column("source", _("Source")),
    ]
    return TableView(
        key="published_part_year", title=_("Figures published for part of the period"), columns=columns, rows=rows
    )
