"""The Word report: Decree 30's header, page, fonts and closing; every figure, formatted."""

import io

import pytest
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn

from foreign_affairs.core.documents import Decree30Document, render_report_docx

from .conftest import NATIVE_NAMES, docx_texts, normalise

FIGURES_VI = (
    "42 đoàn", "30 đoàn", "+40,00 %", "16 đoàn", "27 đoàn", "31 đoàn", "-12,90 %", "1.250 người",
    "1.298.000.000 USD", "(1,298 tỷ USD)", "961.300.000 USD", "+35,03 %", "18.639 người", "14.501 người",
    "128,53 %", "5.432.100.000.000 đồng", "19 dự án",
)  # fmt: skip
FIGURES_EN = (
    "42 đoàn", "+40.00%", "-12.90%", "1,250 người", "1,298,000,000 USD", "(1.298 billion USD)",
    "961,300,000 USD", "+35.03%", "18,639 người", "14,501 người", "128.53%", "5,432,100,000,000 đồng",
)  # fmt: skip


def read(data: bytes):
    return Document(io.BytesIO(data))


def joined(data: bytes) -> str:
    return normalise("\n".join(docx_texts(data)))


def test_header_has_the_motto_issuer_number_place_and_date(report_vi):
    document = read(render_report_docx(report_vi))
    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "UBND TỈNH NGHỆ AN" in left
    assert "SỞ NGOẠI VỤ TỈNH NGHỆ AN" in left
    assert "Số: 123/BC-SNgV" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Nghệ An, ngày 15 tháng 12 năm 2023" in right
    place = next(p for p in header.rows[0].cells[1].paragraphs if p.text.startswith("Nghệ An"))
    assert all(run.italic for run in place.runs)
    motto = next(p for p in header.rows[0].cells[1].paragraphs if p.text.startswith("Độc lập"))
    assert all(run.bold for run in motto.runs)
    # The header table has no borders.
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_english_header(report_en):
    text = joined(render_report_docx(report_en))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Independence - Freedom - Happiness" in text
    assert "No. 123/BC-SNgV" in text
    assert "Nghệ An, 15 December 2023" in text
    assert "REPORT" in text


def test_kind_above_the_summary_title(report_vi):
    texts = docx_texts(render_report_docx(report_vi))
    kind = texts.index("BÁO CÁO")
    assert texts[kind + 1] == "Kết quả công tác đối ngoại năm 2023 và phương hướng, nhiệm vụ năm 2024"


def test_every_script_resolves_to_times_new_roman(report_vi):
    document = read(render_report_docx(report_vi))
    styles = document.styles.element
    default_fonts = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert default_fonts.get(qn(f"w:{slot}")) == "Times New Roman"
    # Theme fonts would override the names; none is left in any style.
    assert not [f for f in styles.iter(qn("w:rFonts")) if any("Theme" in key or "theme" in key for key in f.attrib)]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14


def test_names_in_other_scripts_get_a_font_that_has_them(report_vi):
    document = read(render_report_docx(report_vi))
    runs = {run.text: run for run in document.element.body.iter(qn("w:r")) if run.text}
    text = "\n".join(runs)
    for name in NATIVE_NAMES:
        assert name in text

    def fonts(fragment):
        run = next(run for content, run in runs.items() if fragment in content)
        element = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        return {key.split("}")[1]: value for key, value in element.attrib.items()} if element is not None else {}

    assert fonts("ນະຄອນຫຼວງວຽງຈັນ")["cs"] == "Leelawadee UI"
    assert fonts("ນະຄອນຫຼວງວຽງຈັນ")["hint"] == "cs"
    assert fonts("จังหวัดขอนแก่น")["cs"] == "Leelawadee UI"
    assert fonts("湖南省")["eastAsia"] == "SimSun"
    assert fonts("경기도")["eastAsia"] == "Malgun Gothic"
    # Cyrillic stays in the document font.
    assert fonts("Ульяновская область") == {}


def test_page_is_a4_with_the_decree_margins_and_numbers_from_page_two(report_vi):
    section = read(render_report_docx(report_vi)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = {side: round(getattr(section, f"{side}_margin").mm, 1) for side in ("top", "bottom", "left", "right")}
    assert 20 <= margins["top"] <= 25 and 20 <= margins["bottom"] <= 25
    assert 30 <= margins["left"] <= 35 and 15 <= margins["right"] <= 20
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(node.text for node in section.header._element.iter(qn("w:instrText")))
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert not "".join(p.text for p in section.first_page_header.paragraphs)


@pytest.mark.parametrize(("fixture", "figures"), [("report_vi", FIGURES_VI), ("report_en", FIGURES_EN)])
def test_every_figure_of_the_sample_appears_formatted(fixture, figures, request):
    text = joined(render_report_docx(request.getfixturevalue(fixture)))
    for figure in figures:
        assert figure in text, figure


def test_mismatch_is_marked_with_the_computed_figure(report_en):
    document = read(render_report_docx(report_en))
    figures = next(table for table in document.tables if table.rows[0].cells[0].text == "Indicator")
    row = next(row for row in figures.rows if row.cells[0].text == "Đoàn ra của lãnh đạo tỉnh")
    assert "16 đoàn" in row.cells[1].text
    assert "≠ computed from records: 3 đoàn" in row.cells[1].text
    clean = next(row for row in figures.rows if row.cells[0].text == "Đoàn ra")
    assert "≠" not in clean.cells[1].text


def test_figures_table_columns_and_source(report_en):
    document = read(render_report_docx(report_en))
    economic = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicator" and len(t.columns) == 6)
    assert [cell.text for cell in economic.rows[0].cells] == [
        "Indicator", "Value", "Same period last year", "Change", "Plan", "Source",
    ]  # fmt: skip
    workers = next(row for row in economic.rows if row.cells[0].text.startswith("Người lao động"))
    assert "14,501 người" in workers.cells[4].text
    assert "achieved 128.53%" in workers.cells[4].text
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicator" and len(t.columns) == 5)
    leaders = next(row for row in summary.rows if row.cells[0].text == "Đoàn ra của lãnh đạo tỉnh")
    assert leaders.cells[4].text == "Báo Nghệ An: ..., 27 Nov 2023"


def test_tables_repeat_their_bold_header_row(report_vi):
    document = read(render_report_docx(report_vi))
    partners = next(t for t in document.tables if "Tên gốc" in [c.text for c in t.rows[0].cells])
    header = partners.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for p in cell.paragraphs for run in p.runs)
    assert partners._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "single"
    assert [row.cells[0].text for row in partners.rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert partners.rows[1].cells[5].text == "1.250"
    assert partners.rows[1].cells[4].text == "10/06/2012"


def test_empty_table_says_so_and_part_year_figures_are_listed(report_en):
    text = joined(render_report_docx(report_en))
    assert "Chương trình đối ngoại năm 2024\nNo items." in text
    assert "Figures published for part of the period" in text
    assert "1 Jan 2025 – 31 Oct 2025" in text


def test_recipients_and_signature(report_vi):
    report_vi["issuer"].update(signer="Nguyễn Văn A", signer_title="KT. Giám đốc\nPhó Giám đốc")
    report_vi["recipients"] = ["UBND tỉnh (để b/c)", "Bộ Ngoại giao (để b/c);"]
    document = read(render_report_docx(report_vi))
    closing = document.tables[-1]
    recipients, signature = (cell.text.split("\n") for cell in closing.rows[0].cells)
    assert recipients == ["Nơi nhận:", "- UBND tỉnh (để b/c);", "- Bộ Ngoại giao (để b/c);", "- Lưu: VT."]
    assert signature[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert signature[-1] == "Nguyễn Văn A"


def test_finalised_report_shows_its_number_date_and_cutoff(report_en):
    report_en["issuer"]["number"] = ""
    report_en["finalised"] = {"number": "130/BC-SNgV", "date": "2023-12-20", "data_cutoff": "2023-12-18"}
    text = joined(render_report_docx(report_en))
    assert "No. 130/BC-SNgV" in text
    assert "Finalised as No. 130/BC-SNgV on 20 Dec 2023; figures frozen with the data as of 18 Dec 2023." in text


def test_draft_shows_its_data_cutoff(report_en):
    text = joined(render_report_docx(report_en))
    assert "Draft generated on 1 Dec 2026 from the data as of 1 Dec 2026." in text


def test_captions_follow_the_report_language_not_the_request(report_en):
    with translation.override("vi"):
        text = joined(render_report_docx(report_en))
        assert translation.get_language() == "vi"
    assert "Same period last year" in text


def test_programme_lists_its_planned_items(programme_report):
    text = joined(render_report_docx(programme_report))
    assert "CHƯƠNG TRÌNH" in text
    assert "Đối ngoại năm 2024 của tỉnh Nghệ An" in text
    assert "Hội nghị xúc tiến đầu tư tại Hàn Quốc" in text
    assert "1.500.000.000" in text and "2.750.000.000" in text
    assert "02/09/2024" in text
    for name in ("ນະຄອນຫຼວງວຽງຈັນ", "경기도", "Ульяновская область"):
        assert name in text


def test_annex_has_every_figure(annex_report):
    text = joined(render_report_docx(annex_report))
    assert "PHỤ LỤC" in text
    for figure in ("42 đoàn", "1.298.000.000 USD", "18.639 người", "5.432.100.000.000 đồng", "128,53 %"):
        assert figure in text


def test_builder_numbers_headings_itself():
    document = Decree30Document(lang="vi", issuer={"name": "Sở Ngoại vụ"}, kind_title="Kế hoạch", title="Thử")
    for title, level in (("Mục tiêu", 1), ("Nhiệm vụ", 1), ("Đối ngoại Đảng", 2), ("Với Lào", 3), ("Kiến nghị", 1)):
        document.add_heading(title, level=level)
    document.add_heading("Phụ lục", level=1, number="")
    texts = docx_texts(document.to_bytes())
    assert texts[texts.index("I. Mục tiêu") :][:6] == [
        "I. Mục tiêu", "II. Nhiệm vụ", "1. Đối ngoại Đảng", "1.1. Với Lào", "III. Kiến nghị", "Phụ lục",
    ]  # fmt: skip
    # Without a number, the blank for it ("Số:      /") and the draft's date blanks.
    assert any(text.startswith("Số:") for text in texts)


def test_minimal_report_renders():
    report = {"lang": "en", "title": "Quarterly figures", "issuer": {"name": "Department of Foreign Affairs"}}
    text = joined(render_report_docx(report))
    assert "DEPARTMENT OF FOREIGN AFFAIRS" in text
    assert "Quarterly figures" in text
