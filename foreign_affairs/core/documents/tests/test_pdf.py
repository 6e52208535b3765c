"""The PDF report (WeasyPrint): figures, every script's names, page numbers, one-page annex."""

import pytest

from foreign_affairs.core.documents import render_report_pdf

from .conftest import NATIVE_NAMES, pdf_text, pdf_tool

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture
def pdf_vi(report_vi):
    return render_report_pdf(report_vi)


def test_pdf_has_the_header_figures_and_names(pdf_vi, tmp_path):
    assert pdf_vi.startswith(b"%PDF-")
    text = pdf_text(pdf_vi, tmp_path)
    header = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 123/BC-SNgV"]
    header += ["Nghệ An, ngày 15 tháng 12 năm 2023", "BÁO CÁO"]
    for expected in header:
        assert expected in text, expected
    figures = ["42 đoàn", "+40,00 %", "-12,90 %", "1.298.000.000", "1,298 tỷ USD", "18.639 người", "128,53 %"]
    figures += ["+35,03 %", "5.432.100.000.000", "19 dự án", "01/01/2025 – 31/10/2025"]
    for figure in figures:
        assert figure in text, figure
    for name in NATIVE_NAMES:
        assert name in text, name


def test_pdf_in_english(report_en, tmp_path):
    text = pdf_text(render_report_pdf(report_en), tmp_path)
    expected = ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "No. 123/BC-SNgV"]
    expected += ["1,298,000,000", "1.298 billion USD", "128.53%", "+35.03%", "computed from records: 3"]
    for item in expected:
        assert item in text, item


def test_page_numbers_start_on_page_two(pdf_vi, tmp_path):
    info = pdf_tool("pdfinfo", pdf_vi, tmp_path)
    assert "Page size:      595.276 x 841.89 pts (A4)" in info or "(A4)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 2
    first = pdf_text(pdf_vi, tmp_path, first=1, last=1, keep_lines=True).strip().splitlines()[0]
    second = pdf_text(pdf_vi, tmp_path, first=2, last=2, keep_lines=True).strip().splitlines()[0]
    assert first.strip().startswith("UBND TỈNH NGHỆ AN")
    assert second.strip() == "2"


def test_vietnamese_is_typeset_in_one_font_family(pdf_vi, tmp_path):
    """Liberation Serif 1.x lacks letters such as ộ and ư: with it, Vietnamese words would mix
    fonts. The Makefile installs fonts-liberation2; this fails where it is missing."""
    fonts = pdf_tool("pdffonts", pdf_vi, tmp_path)
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:] if line.strip()}
    latin = families - {"Noto"}
    assert latin <= {"Liberation", "TimesNewRomanPSMT", "Times"}, fonts
    names = " ".join(line.split()[0] for line in fonts.splitlines()[2:])
    for script in ("Lao", "Thai", "CJK"):
        assert script in names, f"no {script} font in the PDF:\n{fonts}"


def test_annex_fits_on_one_page(annex_report, tmp_path):
    data = render_report_pdf(annex_report)
    info = pdf_tool("pdfinfo", data, tmp_path)
    assert "Pages:           1" in info
    text = pdf_text(data, tmp_path)
    assert "PHỤ LỤC" in text and "18.639 người" in text


def test_programme_pdf_lists_planned_items(programme_report, tmp_path):
    text = pdf_text(render_report_pdf(programme_report), tmp_path)
    assert "CHƯƠNG TRÌNH" in text
    assert "Hội nghị xúc tiến đầu tư tại Hàn Quốc" in text
    assert "2.750.000.000" in text
    assert "ນະຄອນຫຼວງວຽງຈັນ" in text
