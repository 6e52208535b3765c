"""Reference data shipped with the product (no network at run time)."""

from __future__ import annotations

from pathlib import Path

import pycountry
from babel import Locale
from ruamel.yaml import YAML

DATA_DIR = Path(__file__).resolve().parent

FIELDS = [
    ("political", "Chính trị", "Political"),
    ("economic", "Kinh tế", "Economic"),
    ("cultural", "Văn hóa", "Cultural"),
    ("foreign_information", "Thông tin đối ngoại", "Foreign information"),
    ("defence_security", "Quốc phòng, an ninh", "Defence and security"),
    ("border", "Biên giới", "Border"),
    ("consular", "Lãnh sự", "Consular"),
    ("overseas_vietnamese", "Người Việt Nam ở nước ngoài", "Overseas Vietnamese"),
    ("education", "Giáo dục, đào tạo", "Education"),
    ("health", "Y tế", "Health"),
    ("science_technology", "Khoa học, công nghệ", "Science and technology"),
    ("labour", "Lao động", "Labour"),
    ("tourism", "Du lịch", "Tourism"),
    ("agriculture", "Nông nghiệp", "Agriculture"),
    ("environment", "Môi trường", "Environment"),
    ("humanitarian", "Nhân đạo", "Humanitarian"),
    ("sports", "Thể thao", "Sports"),
]


def country_rows() -> list[dict]:
    """All ISO 3166-1 codes with CLDR names in Vietnamese and English."""
    vi, en = Locale("vi").territories, Locale("en").territories
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        rows.append({
            "code": code,
            "name_en": en.get(code, country.name),
            "name_vi": vi.get(code, en.get(code, country.name)),
        })
    return rows


def framework_rows() -> list[dict]:
    return YAML(typ="safe", pure=True).load((DATA_DIR / "frameworks.yaml").read_text("utf-8"))
