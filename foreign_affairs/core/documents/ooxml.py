"""Small WordprocessingML helpers that python-docx has no API for (borders, complex-script
sizes, repeated header rows, field codes), inserted in the order the schema prescribes: Word
refuses or "repairs" a file whose property elements are out of order."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
    "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
              "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")  # fmt: skip
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_child(parent, tag: str, order: tuple[str, ...], attrs: dict[str, str] | None = None):
    """Replace ``parent``'s ``tag`` child with a new one carrying ``attrs``, at its schema position."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    child = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        child.set(qn(name), value)
    position = order.index(tag)
    later = {qn(t) for t in order[position + 1 :]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def rpr_of(element):
    """The ``w:rPr`` of a run or style (created when missing)."""
    return element.get_or_add_rPr()


def set_run_props(
    rpr,
    *,
    fonts: dict[str, str] | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    caps: bool | None = None,
    size_pt: float | None = None,
    lang: dict[str, str] | None = None,
    complex_script: bool = False,
) -> None:
    """Run formatting for every script: bold, italic and size are set for complex scripts too
    (``bCs``, ``iCs``, ``szCs``), or Lao and Thai text would stay regular and at Word's default size."""
    if fonts is not None:
        set_child(rpr, "w:rFonts", RPR_ORDER, {f"w:{key}": value for key, value in fonts.items()})
    for tags, flag in ((("w:b", "w:bCs"), bold), (("w:i", "w:iCs"), italic), (("w:caps",), caps)):
        if flag is None:
            continue
        for tag in tags:
            set_child(rpr, tag, RPR_ORDER, None if flag else {"w:val": "0"})
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        set_child(rpr, "w:sz", RPR_ORDER, {"w:val": half_points})
        set_child(rpr, "w:szCs", RPR_ORDER, {"w:val": half_points})
    if complex_script:
        set_child(rpr, "w:cs", RPR_ORDER)
    if lang:
        set_child(rpr, "w:lang", RPR_ORDER, {f"w:{key}": value for key, value in lang.items()})


def strip_theme_fonts(root) -> None:
    """Drop theme font references (``asciiTheme``…): they override explicit font names."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)


def paragraph_rule(paragraph, *, side: str = "bottom", size_eighths: int = 6) -> None:
    """A single line along one side of a paragraph (between its indents): Decree 30's short rules."""
    ppr = paragraph._p.get_or_add_pPr()
    border = set_child(ppr, "w:pBdr", PPR_ORDER)
    line = OxmlElement(f"w:{side}")
    for name, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "0"), ("w:color", "000000")):
        line.set(qn(name), value)
    border.append(line)


def table_borders(table, *, visible: bool, size_eighths: int = 4) -> None:
    """All borders of a table on (thin single lines) or explicitly off."""
    tblpr = table._tbl.tblPr
    borders = set_child(tblpr, "w:tblBorders", TBLPR_ORDER)
    for side in BORDER_SIDES:
        edge = OxmlElement(f"w:{side}")
        if visible:
            for name, value in (
                ("w:val", "single"),
                ("w:sz", str(size_eighths)),
                ("w:space", "0"),
                ("w:color", "000000"),
            ):
                edge.set(qn(name), value)
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)


def table_cell_margins(table, *, left_twips: int, right_twips: int) -> None:
    margins = set_child(table._tbl.tblPr, "w:tblCellMar", TBLPR_ORDER)
    for side, value in (("left", left_twips), ("right", right_twips)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)


def table_description(table, *, caption: str, description: str = "") -> None:
    """Alternative text of a table (read by screen readers in Word)."""
    tblpr = table._tbl.tblPr
    set_child(tblpr, "w:tblCaption", TBLPR_ORDER, {"w:val": caption[:255]})
    if description:
        set_child(tblpr, "w:tblDescription", TBLPR_ORDER, {"w:val": description[:255]})


def repeat_as_header(row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    set_child(trpr, "w:tblHeader", TRPR_ORDER)


def cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    set_child(trpr, "w:cantSplit", TRPR_ORDER)


def cell_shading(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    set_child(tcpr, "w:shd", TCPR_ORDER, {"w:val": "clear", "w:color": "auto", "w:fill": fill})


def add_field(paragraph, instruction: str, placeholder: str = "1"):
    """A field (``PAGE``…) as Word writes it: begin, instruction, separate, cached result, end."""
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run._r.append(text)
        elif kind == "result":
            run.text = placeholder
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), "end" if kind == "end" else kind)
            run._r.append(char)
        runs.append(run)
    return runs
