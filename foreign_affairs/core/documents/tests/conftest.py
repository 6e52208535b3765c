"""Report dicts for the renderers: the agreed sample (with partners' names in Lao, Thai, Chinese,
Japanese, Korean and Cyrillic), a next-year programme and a figures-only annex."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

SAMPLE = Path(__file__).with_name("report-sample.json")
NATIVE_NAMES = ("ນະຄອນຫຼວງວຽງຈັນ", "จังหวัดขอนแก่น", "湖南省", "岐阜県", "경기도", "Ульяновская область")


def load_sample(lang: str = "vi") -> dict:
    report = json.loads(SAMPLE.read_text(encoding="utf-8"))
    report["lang"] = lang
    return report


@pytest.fixture
def report_vi() -> dict:
    return load_sample("vi")


@pytest.fixture
def report_en() -> dict:
    return load_sample("en")


@pytest.fixture
def programme_report() -> dict:
    return programme_sample()


@pytest.fixture
def annex_report() -> dict:
    return annex_sample()


def programme_sample() -> dict:
    """The next-year programme: a report whose section table lists the planned activities."""
    base = load_sample("vi")
    return {
        **{key: base[key] for key in ("format", "lang", "province", "issuer", "generated_at", "data_cutoff")},
        "kind": "programme",
        "title": "Chương trình đối ngoại năm 2024 của tỉnh Nghệ An",
        "period": {"start": "2024-01-01", "end": "2024-12-31", "label": "năm 2024"},
        "previous_period": None,
        "unit": None,
        "finalised": None,
        "indicators": {},
        "published_part_year": [],
        "sections": [
            {
                "key": "objectives",
                "number": "I",
                "title": "Mục tiêu",
                "paragraphs": ["Triển khai đồng bộ ba trụ cột."],
                "figures": [],
                "tables": [],
                "subsections": [],
            },
            {
                "key": "activities",
                "number": "II",
                "title": "Các hoạt động đối ngoại dự kiến",
                "paragraphs": [],
                "figures": [],
                "subsections": [],
                "tables": [
                    {
                        "key": "programme_items",
                        "title": "Chương trình đối ngoại năm 2024",
                        "columns": [
                            {"key": "activity", "label": "Hoạt động"},
                            {"key": "partner", "label": "Đối tác"},
                            {"key": "time", "label": "Thời gian dự kiến"},
                            {"key": "lead_unit", "label": "Cơ quan chủ trì"},
                            {"key": "budget_vnd", "label": "Kinh phí (đồng)"},
                        ],
                        "rows": [
                            {
                                "activity": "Đoàn lãnh đạo tỉnh thăm và làm việc tại Lào",
                                "partner": "ນະຄອນຫຼວງວຽງຈັນ",
                                "time": "Quý II/2024",
                                "lead_unit": "Sở Ngoại vụ",
                                "budget_vnd": 1500000000,
                            },
                            {
                                "activity": "Hội nghị xúc tiến đầu tư tại Hàn Quốc",
                                "partner": "경기도",
                                "time": "Quý III/2024",
                                "lead_unit": "Sở Kế hoạch và Đầu tư",
                                "budget_vnd": 2750000000,
                            },
                            {
                                "activity": "Đón đoàn tỉnh Ulyanovsk",
                                "partner": "Ульяновская область",
                                "time": "2024-09-02",
                                "lead_unit": "Liên hiệp các tổ chức hữu nghị",
                                "budget_vnd": None,
                            },
                        ],
                    }
                ],
            },
        ],
    }


def annex_sample() -> dict:
    """A one-page annex with the figures only: one section listing every indicator."""
    base = load_sample("vi")
    annex = copy.deepcopy(base)
    annex.update(
        kind="annex",
        title="Số liệu chủ yếu về công tác đối ngoại năm 2023",
        published_part_year=[],
        sections=[
            {
                "key": "figures",
                "number": "",
                "title": "Số liệu chủ yếu",
                "paragraphs": [],
                "figures": list(base["indicators"]),
                "tables": [],
                "subsections": [],
            }
        ],
    )
    return annex


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph's text of a .docx (body, tables and page headers), in order."""
    import io

    document = Document(io.BytesIO(data))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.first_page_header._element]
    texts = []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            texts.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return texts


def normalise(text: str) -> str:
    return text.replace("\u00a0", " ")


def pdf_text(
    data: bytes, tmp_path: Path, *, first: int | None = None, last: int | None = None, keep_lines: bool = False
) -> str:
    """The text of a PDF by poppler's pdftotext (installed with the system dependencies)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: make system-deps")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    result = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, check=True)
    text = normalise(result.stdout.decode("utf-8"))
    # Table cells wrap: a phrase may run over lines, so lines are joined for searching.
    return text if keep_lines else " ".join(text.split())


def pdf_tool(tool: str, data: bytes, tmp_path: Path) -> str:
    if not shutil.which(tool):
        pytest.skip(f"{tool} (poppler-utils) is not installed: make system-deps")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, str(path)], capture_output=True, check=True, text=True).stdout
