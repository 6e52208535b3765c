"""Quyết định cử đoàn đi công tác nước ngoài: the decision sending an outgoing delegation abroad,
drafted as DOCX for signature in the administrative format of Decree 30/2020/NĐ-CP (national
motto, issuing agency, number and symbol, place and date, title, legal bases, articles,
recipients, signature block; Times New Roman 13–14 pt; A4 with 20/20/30/15 mm margins).

The header is drawn by a small, self-contained function here; the shared Decree-30 builder
(core/documents/) is meant to replace it.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from foreign_affairs.core.deadlines import NoRule, rule_in_force
from foreign_affairs.core.models import Province, User

from .choices import Direction, Funding, Level
from .models import Delegation

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUB = "Độc lập - Tự do - Hạnh phúc"
FUNDING_VI = {
    Funding.STATE_BUDGET: "ngân sách nhà nước",
    Funding.PARTNER: "phía đối tác",
    Funding.SPONSOR: "nhà tài trợ",
    Funding.MIXED: "ngân sách nhà nước và phía đối tác",
    Funding.OTHER: "nguồn kinh phí hợp pháp khác",
}


def may_draft_decision(user: User) -> bool:
    """The office drafts the decision and the leaders sign it: who may download the draft."""
    return user.has_perm("delegations.appraise_delegation") or user.has_perm("delegations.decide_delegation")


def decision_filename(delegation: Delegation) -> str:
    return f"quyet-dinh-cu-doan-{delegation.ref}.docx"


def vietnamese_date(place: str, day: date | None) -> str:
    """"Nghệ An, ngày 05 tháng 02 năm 2025": days below 10 and months 1 and 2 take a leading
    zero (Decree 30/2020, Annex I); an undated draft leaves the day and month blank."""
    if day is None:
        return f"{place}, ngày      tháng      năm {timezone.localdate().year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _run_font(run, size: float, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _paragraph(container, text: str = "", *, size: float = 14, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6, before: float = 0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        _run_font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _rule_below(paragraph, width_twips: int = 0) -> None:
    """A short line under a header block (the bottom border of its paragraph)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)
    if width_twips:
        indent = OxmlElement("w:ind")
        indent.set(qn("w:left"), str(width_twips))
        indent.set(qn("w:right"), str(width_twips))
        p_pr.append(indent)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _setup(document) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for section in document.sections:
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)


def decree30_header(document, *, parent_agency: str, agency: str, number: str, place: str, day: date | None) -> None:
    """The Decree 30/2020 header: issuing agency (with its parent) and number on the left, the
    national motto and the place and date on the right."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    widths = (Mm(70), Mm(95))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if parent_agency:
        _run_font(first.add_run(parent_agency.upper()), 13)
        first = left.add_paragraph()
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(first.add_run(agency.upper()), 13, bold=True)
    _rule_below(first, 700)
    motto = right.paragraphs[0]
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(motto.add_run(MOTTO), 13, bold=True)
    sub = right.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(sub.add_run(MOTTO_SUB), 14, bold=True)
    _rule_below(sub, 900)
    number_cell, date_cell = table.rows[1].cells
    numbered = number_cell.paragraphs[0]
    numbered.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(numbered.add_run(f"Số: {number}"), 13)
    dated = date_cell.paragraphs[0]
    dated.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(dated.add_run(vietnamese_date(place, day)), 14, italic=True)


def _province_names() -> tuple[str, str]:
    province = Province.current()
    name = (province.name_vi or "").strip()
    for prefix in ("Tỉnh ", "tỉnh ", "Thành phố ", "thành phố "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name or "…", "tỉnh"


def _day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…/…/……"


def _report_days() -> str:
    try:
        rule = rule_in_force("post_trip_report", timezone.localdate())
    except NoRule:
        return "15 ngày"
    unit = "ngày làm việc" if rule.day_count == "working_days" else "ngày"
    return f"{rule.days} {unit}"


def decision_document(*, delegation: Delegation) -> bytes:
    """The draft decision sending ``delegation`` abroad, as DOCX bytes. Its number and date are
    those of the recorded decision, or left blank for the office to fill in."""
    if delegation.direction != Direction.OUTGOING:
        raise ValueError("Only an outgoing delegation is sent abroad by a decision.")
    province, kind = _province_names()
    agency = f"Ủy ban nhân dân {kind} {province}"
    document = Document()
    _setup(document)
    number = delegation.decision_no or "        /QĐ-UBND"
    decree30_header(document, parent_agency="", agency=agency, number=number, place=province,
                    day=delegation.decision_on)

    _paragraph(document, "QUYẾT ĐỊNH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    title = _paragraph(document, "Về việc cử đoàn đi công tác nước ngoài", bold=True,
                       align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _rule_below(title, 3000)
    _paragraph(document, f"CHỦ TỊCH ỦY BAN NHÂN DÂN {kind.upper()} {province.upper()}", bold=True,
               align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    bases = [
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
        "Căn cứ Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14;",
        "Căn cứ Quyết định số 67/2011/QĐ-TTg ngày 12 tháng 12 năm 2011 của Thủ tướng Chính phủ ban hành Quy chế "
        "quản lý thống nhất các hoạt động đối ngoại của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;",
    ]
    if delegation.clearance_no:
        bases.append(f"Căn cứ ý kiến của Ban Thường vụ Tỉnh ủy tại văn bản số {delegation.clearance_no}"
                     f" ngày {_day_text(delegation.clearance_on)};")
    unit = delegation.host_unit.name_vi if delegation.host_unit_id else "đơn vị đề xuất"
    bases.append(f"Theo đề nghị của Giám đốc Sở Ngoại vụ và {unit}.")
    for line in bases:
        _paragraph(document, line, italic=True, indent=True)
    _paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)

    countries = ", ".join(c.name_vi for c in delegation.countries.all()) or "…"
    head = delegation.head_name or "…"
    if delegation.head_position:
        head = f"{head}, {delegation.head_position}"
    article = _paragraph(document, indent=True)
    _run_font(article.add_run("Điều 1. "), 14, bold=True)
    _run_font(article.add_run(
        f"Cử đoàn công tác do ông (bà) {head} làm Trưởng đoàn đi công tác tại {countries} "
        f"từ ngày {_day_text(delegation.start_on)} đến ngày {_day_text(delegation.end_on)}"
        + (f", nhằm mục đích: {delegation.purpose.rstrip('.')}." if delegation.purpose else ".")
    ), 14)
    members = list(delegation.member_list.all())
    if members:
        _paragraph(document, "Thành phần đoàn gồm các ông (bà) có tên sau:", indent=True)
        for position, member in enumerate(members, start=1):
            details = ", ".join(part for part in (member.position, member.organisation) if part)
            text = f"{position}. {member.full_name}" + (f" – {details}" if details else "") + ";"
            _paragraph(document, text, indent=True, after=2)
    elif delegation.members:
        _paragraph(document, f"Số thành viên: {delegation.members} người.", indent=True)

    funding = FUNDING_VI.get(delegation.funding, "nguồn kinh phí hợp pháp")
    article = _paragraph(document, indent=True, before=4)
    _run_font(article.add_run("Điều 2. "), 14, bold=True)
    budget = f" (dự toán {delegation.budget_vnd:,} đồng)".replace(",", ".") if delegation.budget_vnd else ""
    _run_font(article.add_run(
        f"Kinh phí chuyến công tác do {funding} chi trả{budget}, theo quy định hiện hành. "
        f"Trong thời hạn {_report_days()} kể từ ngày về nước, Trưởng đoàn báo cáo bằng văn bản kết quả chuyến công "
        f"tác gửi Chủ tịch Ủy ban nhân dân {kind} qua Sở Ngoại vụ. Các thành viên nộp lại hộ chiếu công vụ, "
        f"hộ chiếu ngoại giao cho cơ quan quản lý theo quy định."
    ), 14)
    article = _paragraph(document, indent=True)
    _run_font(article.add_run("Điều 3. "), 14, bold=True)
    _run_font(article.add_run(
        f"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân {kind}, Giám đốc Sở Ngoại vụ, "
        f"Giám đốc Sở Tài chính, Thủ trưởng {unit} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành "
        f"Quyết định này./."
    ), 14)

    footer = document.add_table(rows=1, cols=2)
    _no_borders(footer)
    recipients, signature = footer.rows[0].cells
    recipients.width, signature.width = Mm(80), Mm(85)
    first = recipients.paragraphs[0]
    _run_font(first.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for line in ("- Như Điều 3;", "- Bộ Ngoại giao (để báo cáo);", "- Thường trực Tỉnh ủy (để báo cáo);",
                 "- Lưu: VT, NV."):
        paragraph = recipients.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run_font(paragraph.add_run(line), 11)
    leader = delegation.level == Level.PROVINCIAL_LEADER
    title_line = signature.paragraphs[0]
    title_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(title_line.add_run("CHỦ TỊCH" if leader else "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"), 14, bold=True)
    for _ in range(3):
        signature.add_paragraph()
    name = signature.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(name.add_run(delegation.decision_signer or ""), 14, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
