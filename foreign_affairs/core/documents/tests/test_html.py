"""The report as HTML: the fragment for its web page and the standalone print document."""

import re

from foreign_affairs.core.documents import render_report_html

from .conftest import NATIVE_NAMES, normalise


def test_fragment_has_the_figures_accessibly(report_vi):
    html = normalise(render_report_html(report_vi, standalone=False))
    assert html.lstrip().startswith('<article class="fa-report" lang="vi">')
    assert "<html" not in html and "<style" not in html
    for figure in ("1.298.000.000 USD", "1,298 tỷ USD", "18.639 người", "128,53 %", "+35,03 %", "-12,90 %"):
        assert figure in html, figure
    assert '<caption class="caption-top">' in html
    assert '<th scope="col"' in html
    assert '<th scope="row" class="fw-normal">Đoàn ra của lãnh đạo tỉnh</th>' in html
    assert "table table-sm table-bordered" in html
    for name in NATIVE_NAMES:
        assert name in html


def test_fragment_marks_the_mismatch_with_the_computed_figure(report_en):
    html = render_report_html(report_en, standalone=False)
    row = re.search(
        r'<tr class="fa-indicator fa-mismatch-row" data-indicator="delegations_out_leaders">.*?</tr>', html, re.S
    )
    assert row, "the mismatching indicator's row is marked"
    assert "≠" in row.group(0)
    assert "computed from records: 3 đoàn" in row.group(0)
    assert html.count("fa-mismatch-row") == 1
    assert "The figure published by the source differs" in html


def test_fragment_links_figures_to_their_records(report_vi):
    html = render_report_html(report_vi, standalone=False)
    assert 'href="/delegations/?direction=outgoing&amp;level=provincial_leader' in html
    assert 'href="https://baonghean.vn/..." rel="noopener noreferrer"' in html


def test_fragment_headings_follow_the_page(report_vi):
    html = render_report_html(report_vi, standalone=False, heading_level=2)
    assert '<h2 class="h3 fa-title">' in html
    assert re.search(r'<h3 id="report-summary-h"[^>]*>I\. Kết quả nổi bật</h3>', html)
    assert re.search(r'<h4 id="report-economic-h"[^>]*>II\.2\.2\. Ngoại giao kinh tế</h4>', html)


def test_text_from_the_dict_is_escaped(report_vi):
    report_vi["sections"][0]["paragraphs"] = ['<script>alert("x")</script>']
    html = render_report_html(report_vi, standalone=False)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_standalone_is_a_print_document_with_the_decree_30_header(report_vi):
    html = normalise(render_report_html(report_vi, standalone=True))
    assert html.startswith("<!doctype html>")
    assert '<html lang="vi">' in html
    assert "@page" in html and "size: A4" in html and "counter(page)" in html
    assert "@page :first" in html
    header = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 123/BC-SNgV"]
    header += ["Nghệ An, ngày 15 tháng 12 năm 2023", "Sở Ngoại vụ tỉnh Nghệ An", "Nơi nhận:", "Lưu: VT."]
    for text in header:
        assert text in html, text
    assert '"Noto Serif Lao"' in html and '"Noto Serif CJK JP"' in html
    # Print: no links to the register's pages, which mean nothing on paper.
    assert 'href="/delegations/' not in html


def test_standalone_in_english(report_en):
    html = normalise(render_report_html(report_en, standalone=True))
    assert '<html lang="en">' in html
    assert "SOCIALIST REPUBLIC OF VIET NAM" in html
    assert "No. 123/BC-SNgV" in html
    assert "1,298,000,000 USD" in html and "128.53%" in html


def test_programme_and_annex_through_the_same_templates(programme_report, annex_report):
    programme = render_report_html(programme_report, standalone=False)
    assert 'data-table="programme_items"' in programme
    assert programme.count("<tr>") == 1 + 3  # header and three planned items
    assert "2.750.000.000" in programme
    annex = render_report_html(annex_report, standalone=False)
    assert annex.count('class="fa-indicator') == len(annex_report["indicators"])
