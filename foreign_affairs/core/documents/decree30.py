"""Word documents in the administrative format of Decree 30/2020/NĐ-CP (văn thư, Appendix I).

What the Decree fixes and this builder follows: A4 paper with margins top and bottom 20–25 mm,
left 30–35 mm, right 15–20 mm; Times New Roman; the national name (*Quốc hiệu*) in bold capitals
with the motto (*Tiêu ngữ*) in bold below it and a rule as long as the motto; the parent body in
capitals and the issuing agency in bold capitals with a short rule (1/3–1/2 of the line) on the
left, the number (*Số:*) under it and the italic place and date under the motto; the kind of
document in bold capitals and its summary title in bold, centred, with a short rule; the body in
13–14 pt with a first-line indent and at least 6 pt between paragraphs; page numbers centred at
the top from the second page; the recipients (*Nơi nhận:*) and the signature block at the end.

The same layout in English uses the English forms the Ministry of Foreign Affairs uses
("SOCIALIST REPUBLIC OF VIET NAM", "No.", "Nghe An, 15 December 2023"). These formulas are fixed
by the Decree, so they are held here per language rather than in the interface translations.

Fonts: every script resolves to Times New Roman (``ascii``, ``hAnsi``, ``cs`` and ``eastAsia``),
so Vietnamese never falls into an East Asian font. Times New Roman has no Lao, Thai, Chinese,
Japanese or Korean glyphs, so text in those scripts is written in runs of its own that name a
font shipped with Windows (Leelawadee UI, SimSun, Yu Mincho, Malgun Gothic); LibreOffice and
other readers fall back to an installed font with the glyphs (Noto) when those are absent.
Cyrillic is in Times New Roman itself.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import formatting, ooxml

FONT = "Times New Roman"
# Script → (font, the rFonts slot Word reads for that script, language tag, its w:lang slot).
SCRIPT_FONTS: dict[str, tuple[str, str, str, str]] = {
    "lao": ("Leelawadee UI", "cs", "lo-LA", "bidi"),
    "thai": ("Leelawadee UI", "cs", "th-TH", "bidi"),
    "chinese": ("SimSun", "eastAsia", "zh-CN", "eastAsia"),
    "japanese": ("Yu Mincho", "eastAsia", "ja-JP", "eastAsia"),
    "korean": ("Malgun Gothic", "eastAsia", "ko-KR", "eastAsia"),
}

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
HEADER_COLUMNS_MM = (70, TEXT_WIDTH_MM - 70)
CELL_PADDING_MM = 1.0
BODY_PT = 14
TABLE_PT = 12

LEGAL_TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: {number}",
        "recipients": "Nơi nhận:",
        "archive": "Lưu: VT.",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "number": "No. {number}",
        "recipients": "Recipients:",
        "archive": "Filed: Records office.",
    },
}
# Width of the motto in 13 pt bold Times New Roman: its rule is exactly as long.
MOTTO_WIDTH_MM = {"vi": 56.1, "en": 72.9}
# Kinds of administrative documents (Decree 30, Appendix III) in each language.
DOCUMENT_KINDS: dict[str, dict[str, str]] = {
    "report": {"vi": "Báo cáo", "en": "Report"},
    "programme": {"vi": "Chương trình", "en": "Programme"},
    "plan": {"vi": "Kế hoạch", "en": "Plan"},
    "annex": {"vi": "Phụ lục", "en": "Annex"},
}


def legal_texts(lang: str) -> dict[str, str]:
    return LEGAL_TEXTS[formatting.locale_of(lang)]


def document_kind_title(kind: str, lang: str) -> str:
    """``Báo cáo`` / ``Report`` for ``report``; a kind not listed is shown as given."""
    names = DOCUMENT_KINDS.get(kind)
    return names[formatting.locale_of(lang)] if names else kind


def number_line(number: str, lang: str) -> str:
    """``Số: 123/BC-SNgV``; without a number yet, the blank the clerk fills in on issuing."""
    return legal_texts(lang)["number"].format(number=number or "      /")


def place_and_date(place: str, when, lang: str) -> str:
    """``Nghệ An, ngày 05 tháng 02 năm 2024`` (Decree 30: a zero before days 1–9 and months 1–2);
    ``Nghe An, 5 February 2024`` in English. Without a date, the blanks a draft leaves to fill in."""
    day = formatting.as_date(when)
    if formatting.locale_of(lang) == "vi":
        if day is None:
            text = "ngày      tháng      năm      "
        else:
            month = f"{day.month:02d}" if day.month < 3 else str(day.month)
            text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    else:
        text = formatting.long_date(day, lang) if day else "…… ……… ……"
    return f"{place}, {text}" if place else text


@dataclass(frozen=True)
class Issuer:
    """The agency issuing a document and who signs it (the dict's ``issuer``)."""

    name: str
    parent: str = ""
    number: str = ""
    place: str = ""
    date: date | str | None = None
    signer: str = ""
    signer_title: str = ""
    recipients: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> Issuer:
        return cls(
            name=data.get("name") or "",
            parent=data.get("parent") or "",
            number=data.get("number") or "",
            place=data.get("place") or "",
            date=data.get("date"),
            signer=data.get("signer") or "",
            signer_title=data.get("signer_title") or "",
            recipients=tuple(data.get("recipients") or ()),
        )


def recipient_lines(issuer: Issuer, lang: str) -> list[str]:
    """The recipients list as Decree 30 writes it: each line ends with ";", the last is the
    archive copy ("Lưu: VT.")."""
    lines = []
    for item in issuer.recipients:
        text = item.strip().lstrip("-").strip()
        if text:
            lines.append(text if text[-1:] in ";.:" else f"{text};")
    return [*lines, legal_texts(lang)["archive"]]


def signer_title_lines(issuer: Issuer) -> list[str]:
    """The signing authority in capitals, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")."""
    return [line.strip().upper() for line in issuer.signer_title.splitlines() if line.strip()]


@dataclass(frozen=True)
class Text:
    """A piece of cell or paragraph text with its own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None


# A table cell: a string, a Text, or a sequence of them (one paragraph each).
CellValue = str | Text | Sequence[str | Text]


@dataclass
class _Counters:
    levels: list[int] = field(default_factory=lambda: [0] * 9)

    def next(self, level: int) -> str:
        self.levels[level - 1] += 1
        for deeper in range(level, len(self.levels)):
            self.levels[deeper] = 0
        if level == 1:
            return _roman(self.levels[0])
        return ".".join(str(n) for n in self.levels[1:level])


def _roman(value: int) -> str:
    numerals = (
        ("M", 1000),
        ("CM", 900),
        ("D", 500),
        ("CD", 400),
        ("C", 100),
        ("XC", 90),
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    )
    out = ""
    for letters, amount in numerals:
        while value >= amount:
            out += letters
            value -= amount
    return out


class Decree30Document:
    """A document in the Decree 30 format: header, kind and title on creation; then headings,
    paragraphs and tables in order; recipients and signature when it is written out."""

    def __init__(
        self,
        *,
        lang: str,
        issuer: Issuer | dict,
        kind_title: str,
        title: str,
        body_size: float = BODY_PT,
        created: datetime | None = None,
    ) -> None:
        self.lang = formatting.locale_of(lang)
        self.issuer = issuer if isinstance(issuer, Issuer) else Issuer.from_dict(issuer)
        self.kind_title = kind_title
        self.title = title
        self.body_size = body_size
        self.texts = legal_texts(self.lang)
        self._counters = _Counters()
        self._finished = False
        self.doc = Document()
        self._setup_styles()
        self._setup_page()
        self._add_header()
        self._add_title()
        props = self.doc.core_properties
        props.title = title
        props.author = self.issuer.name
        props.language = "vi-VN" if self.lang == "vi" else "en-GB"
        props.subject = kind_title
        if created is not None:
            props.created = props.modified = created
        props.last_modified_by = self.issuer.name
        props.revision = 1

    # Set-up --------------------------------------------------------------------------------

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        ooxml.strip_theme_fonts(styles.element)
        all_fonts = {"ascii": FONT, "hAnsi": FONT, "cs": FONT, "eastAsia": FONT}
        lang_tag = "vi-VN" if self.lang == "vi" else "en-GB"
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        ooxml.set_run_props(rpr, fonts=all_fonts, size_pt=self.body_size, lang={"val": lang_tag, "eastAsia": lang_tag})
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        ooxml.set_child(ppr, "w:spacing", ooxml.PPR_ORDER, {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
        for style in styles:
            element = style.element
            if element.rPr is not None and element.rPr.find(qn("w:rFonts")) is not None:
                ooxml.set_run_props(element.rPr, fonts=all_fonts)
            if element.rPr is not None:
                for color in element.rPr.findall(qn("w:color")):
                    element.rPr.remove(color)
        normal = styles["Normal"]
        ooxml.set_run_props(normal.element.get_or_add_rPr(), fonts=all_fonts, size_pt=self.body_size)
        for level in range(1, 5):
            heading = styles[f"Heading {level}"]
            heading.font.color.rgb = None
            ooxml.set_run_props(
                heading.element.get_or_add_rPr(),
                fonts=all_fonts,
                size_pt=self.body_size,
                bold=True,
                italic=level >= 3,
                caps=level == 1,
            )
            fmt = heading.paragraph_format
            fmt.space_before = Pt(6)
            fmt.space_after = Pt(6)
            fmt.keep_with_next = True
            fmt.first_line_indent = Mm(12.7)
            fmt.line_spacing = 1.15
        for name in ("Header", "Footer"):
            ooxml.set_run_props(styles[name].element.get_or_add_rPr(), fonts=all_fonts, size_pt=13)

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        section.header_distance = section.footer_distance = Mm(10)
        # Decree 30: the page number is centred at the top, and not shown on the first page.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in ooxml.add_field(number, "PAGE", "2"):
            ooxml.set_run_props(run._r.get_or_add_rPr(), size_pt=13)

    # Header, title, closing ------------------------------------------------------------------

    def _add_header(self) -> None:
        left_mm, right_mm = HEADER_COLUMNS_MM
        table = self._bare_table(2, (left_mm, right_mm))
        left, right = table.rows[0].cells
        issuer = self.issuer
        first = True
        if issuer.parent:
            self._cell_line(left, issuer.parent.upper(), size=12.5, first=first)
            first = False
        self._cell_line(left, issuer.name.upper(), size=12.5, bold=True, first=first)
        self._rule(left, width_mm=min(left_mm * 0.5, max(18.0, len(issuer.name) * 2.5 * 0.4)), column_mm=left_mm)
        self._cell_line(left, number_line(issuer.number, self.lang), size=13, space_before=6)
        self._cell_line(right, self.texts["nation"], size=12, bold=True, first=True)
        self._cell_line(right, self.texts["motto"], size=13, bold=True)
        self._rule(right, width_mm=MOTTO_WIDTH_MM[self.lang], column_mm=right_mm)
        when = place_and_date(issuer.place, issuer.date, self.lang)
        self._cell_line(right, when, size=13, italic=True, space_before=6)

    def _add_title(self) -> None:
        kind = self.doc.add_paragraph()
        kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
        kind.paragraph_format.space_before = Pt(18)
        kind.paragraph_format.keep_with_next = True
        self.write(kind, self.kind_title.upper(), bold=True, size=14)
        title = self.doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.keep_with_next = True
        self.write(title, self.title, bold=True, size=14)
        rule = self.doc.add_paragraph()
        indent = (TEXT_WIDTH_MM - 50) / 2
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(indent)
        rule.paragraph_format.space_after = Pt(12)
        rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        rule.paragraph_format.line_spacing = Pt(3)
        ooxml.paragraph_rule(rule, side="bottom")

    def add_closing(self) -> None:
        """Recipients on the left, signature on the right (written once, at the end)."""
        if self._finished:
            return
        self._finished = True
        spacer = self.doc.add_paragraph()
        spacer.paragraph_format.space_before = Pt(6)
        table = self._bare_table(2, (80, TEXT_WIDTH_MM - 80))
        ooxml.cant_split(table.rows[0])
        left, right = table.rows[0].cells
        self._cell_line(left, self.texts["recipients"], size=12, bold=True, italic=True, first=True, align="left")
        for item in recipient_lines(self.issuer, self.lang):
            self._cell_line(left, f"- {item}", size=11, align="left")
        first = True
        for line in signer_title_lines(self.issuer):
            self._cell_line(right, line, size=14, bold=True, first=first)
            first = False
        if first:
            self._cell_line(right, "", size=14, first=True)
        for _blank in range(4):
            self._cell_line(right, "", size=14)
        if self.issuer.signer:
            self._cell_line(right, self.issuer.signer, size=14, bold=True)

    # Body -------------------------------------------------------------------------------------

    def add_heading(self, title: str, *, level: int = 1, number: str | None = None):
        """A numbered heading: ``I. Title`` at level 1, ``1. Title`` at level 2, ``1.1. Title``
        below. ``number`` overrides the automatic number; an empty string leaves it out."""
        level = max(1, min(level, 4))
        if number is None:
            number = self._counters.next(level)
        paragraph = self.doc.add_paragraph(style=f"Heading {level}")
        text = f"{number}. {title}" if number else title
        self.write(paragraph, text)
        return paragraph

    def add_paragraph(
        self,
        text: str | Iterable[str | Text],
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        align: str = "justify",
        indent: bool = True,
        keep_with_next: bool = False,
    ):
        """A body paragraph: justified, first line indented 1.27 cm, 6 pt after, 1.15 lines."""
        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.first_line_indent = Mm(12.7) if indent else None
        fmt.space_after = Pt(6)
        fmt.line_spacing = 1.15
        fmt.keep_with_next = keep_with_next
        pieces = [text] if isinstance(text, str) else list(text)
        for piece in pieces:
            if isinstance(piece, Text):
                self.write(
                    paragraph,
                    piece.text,
                    bold=piece.bold or bold,
                    italic=piece.italic or italic,
                    size=piece.size or size,
                )
            else:
                self.write(paragraph, piece, bold=bold, italic=italic, size=size)
        return paragraph

    def add_caption(self, text: str):
        """A table's title above it, bold and centred, kept with the table."""
        paragraph = self.add_paragraph(
            text, bold=True, size=TABLE_PT + 1, align="center", indent=False, keep_with_next=True
        )
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(3)
        return paragraph

    def add_table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[CellValue]],
        *,
        widths_mm: Sequence[float] | None = None,
        align: Sequence[str] | None = None,
        caption: str | None = None,
        size: float = TABLE_PT,
    ):
        """A table with borders whose bold header row repeats on every page it runs onto.
        ``widths_mm`` are relative widths scaled to the text width (equal when omitted)."""
        count = len(columns)
        if caption:
            self.add_caption(caption)
        widths = _scale(widths_mm or [1] * count, TEXT_WIDTH_MM)
        align = list(align or ["left"] * count)
        table = self.doc.add_table(rows=1, cols=count)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        ooxml.table_borders(table, visible=True)
        ooxml.table_cell_margins(table, left_twips=70, right_twips=70)
        ooxml.table_description(table, caption=caption or "", description=" | ".join(columns))
        header = table.rows[0]
        ooxml.repeat_as_header(header)
        ooxml.cant_split(header)
        for index, label in enumerate(columns):
            cell = header.cells[index]
            ooxml.cell_shading(cell, "F2F2F2")
            self._fill_cell(cell, label, bold=True, size=size, align="center")
        for values in rows:
            row = table.add_row()
            ooxml.cant_split(row)
            for index, value in enumerate(values):
                self._fill_cell(row.cells[index], value, size=size, align=align[index])
        _set_widths(table, widths)
        after = self.doc.add_paragraph()
        after.paragraph_format.space_after = Pt(3)
        after.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        after.paragraph_format.line_spacing = Pt(6)
        return table

    def add_page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self) -> bytes:
        """The finished .docx (recipients and signature added if not yet written)."""
        self.add_closing()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # Text in every script -----------------------------------------------------------------------

    def write(self, paragraph, text: str, *, bold=None, italic=None, size=None, caps=None) -> None:
        """Append ``text`` to ``paragraph``, in runs per script so that each gets a font with
        its glyphs (see the module docstring)."""
        for script, chunk in split_scripts(text):
            run = paragraph.add_run(chunk)
            rpr = run._r.get_or_add_rPr()
            fonts = lang = None
            if script:
                font, slot, tag, lang_slot = SCRIPT_FONTS[script]
                fonts = {"ascii": FONT, "hAnsi": FONT, "cs": FONT, "eastAsia": FONT, slot: font}
                fonts["hint"] = "cs" if slot == "cs" else "eastAsia"
                lang = {lang_slot: tag}
            ooxml.set_run_props(
                rpr,
                fonts=fonts,
                bold=bold or None,
                italic=italic or None,
                caps=caps,
                size_pt=size,
                lang=lang,
                complex_script=bool(fonts) and fonts["hint"] == "cs",
            )

    # Helpers ------------------------------------------------------------------------------------

    def _bare_table(self, count: int, widths_mm: Sequence[float]):
        table = self.doc.add_table(rows=1, cols=count)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        ooxml.table_borders(table, visible=False)
        ooxml.table_cell_margins(table, left_twips=_twips(CELL_PADDING_MM), right_twips=_twips(CELL_PADDING_MM))
        _set_widths(table, widths_mm)
        return table

    def _cell_line(
        self,
        cell,
        text: str,
        *,
        size: float,
        bold=False,
        italic=False,
        first=False,
        align="center",
        space_before: float = 0,
    ):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.space_before = Pt(space_before)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        if text:
            self.write(paragraph, text, bold=bold, italic=italic, size=size)
        else:
            ooxml.set_run_props(paragraph.add_run()._r.get_or_add_rPr(), size_pt=size)
        return paragraph

    def _rule(self, cell, *, width_mm: float, column_mm: float) -> None:
        paragraph = cell.add_paragraph()
        indent = max(0.0, (column_mm - 2 * CELL_PADDING_MM - width_mm) / 2)
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Mm(indent)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(3)
        ooxml.paragraph_rule(paragraph, side="bottom")

    def _fill_cell(self, cell, value: CellValue, *, size: float, align: str, bold: bool = False) -> None:
        parts: Sequence[str | Text] = [value] if isinstance(value, str | Text) else list(value) or [""]
        for index, part in enumerate(parts):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.alignment = _ALIGN[align]
            fmt.space_before = fmt.space_after = Pt(2)
            fmt.line_spacing = 1.0
            piece = part if isinstance(part, Text) else Text(part)
            if piece.text:
                self.write(paragraph, piece.text, bold=bold or piece.bold, italic=piece.italic, size=piece.size or size)
            else:
                ooxml.set_run_props(paragraph.add_run()._r.get_or_add_rPr(), size_pt=size)


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_widths(table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths, on the grid and on every cell (Word reads one, LibreOffice the other)."""
    ooxml.set_child(
        table._tbl.tblPr, "w:tblW", ooxml.TBLPR_ORDER, {"w:w": str(_twips(sum(widths_mm))), "w:type": "dxa"}
    )
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _scale(widths: Sequence[float], total: float) -> list[float]:
    whole = sum(widths) or 1
    return [total * width / whole for width in widths]


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _script_of(char: str) -> str | None:
    """The script a character needs a fallback font for; None for what Times New Roman has
    (Latin with Vietnamese, Greek, Cyrillic); ``""`` for neutral characters (spaces, digits,
    punctuation) that go with the text around them."""
    code = ord(char)
    if char.isspace() or (code < 0x80 and not char.isalpha()):
        return ""
    if 0x0E80 <= code <= 0x0EFF:
        return "lao"
    if 0x0E00 <= code <= 0x0E7F:
        return "thai"
    if 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xA960 <= code <= 0xA97F or 0xAC00 <= code <= 0xD7FF:
        return "korean"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF65 <= code <= 0xFF9F:
        return "kana"
    if (
        0x2E80 <= code <= 0x2FDF
        or 0x3000 <= code <= 0x303F
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFF64
        or 0x20000 <= code <= 0x3FFFF
    ):
        return "han"
    return None


def split_scripts(text: str) -> list[tuple[str | None, str]]:
    """``text`` cut into runs that need the same font: ``[(None, "Tỉnh "), ("lao", "ຫຼວງ")]``.
    Han with kana nearby is Japanese, Han alone Chinese; neutral characters join the run before."""
    chunks: list[list] = []
    for char in text:
        script = _script_of(char)
        if script == "":
            if chunks:
                chunks[-1][1] += char
            else:
                chunks.append(["", char, False])
            continue
        group = "cjk" if script in ("han", "kana") else script
        if chunks and chunks[-1][0] == "":
            chunks[-1][0] = group
        if chunks and chunks[-1][0] == group:
            chunks[-1][1] += char
            chunks[-1][2] |= script == "kana"
        else:
            chunks.append([group, char, script == "kana"])
    result: list[tuple[str | None, str]] = []
    for chunk in chunks:
        group, chunk_text, kana = chunk
        if group == "cjk":
            group = "japanese" if kana else "chinese"
        result.append((group or None, chunk_text))
    return result
