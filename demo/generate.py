"""Write the illustrative part of the Nghệ An demo: ``demo/nghe-an-illustrative.json``.

    make demo-bundle            # runs: python demo/generate.py

The sourced bundle (``demo/nghe-an.yaml``) holds what public sources say. This script writes the
records a province's own files would hold and the sources do not publish, so that every page of
the register has something to show and every figure published for 2022–2025 is what the records
give. Every record it writes carries ``illustrative: true`` (shown as "Minh họa"), except the two
sourced parents whose nested rows are illustrative (Plan 134-KH/TU and the 2026 programme, see
``SOURCED_PARENTS``): a bundle replaces a record's nested rows as a whole, so those records live in
this file, their own fields copied unchanged from the sourced file.

The output is deterministic: one seeded random generator, fixed lists, nothing read from the
clock, so the file is byte-identical on every run. The rule that fits the published totals: the
script counts what the sourced bundle already holds for each published figure and generates only
the difference, then splits each published sum (visitors, capital, investment) exactly over the
records it generates (docs/demo.md).
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCED = ROOT / "demo" / "nghe-an.yaml"
# JSON, not YAML: the file is large, and JSON reads in a fraction of a second where the YAML 1.2
# reader takes several (the format is the same bundle, docs/bundle-format.md §1).
OUTPUT = ROOT / "demo" / "nghe-an-illustrative.json"
SEED = 20251113  # the day of the UBND meeting on the draft 2025 report (seeds/001)
# The demo's "today": after the November 2025 meeting, while the office finalises the 2025 report
# and the 2026 programme. Deadlines, expiries and work waiting are set relative to it.
DEMO_TODAY = date(2025, 12, 19)
# The 2023 and 2025 figures were published at the November meetings (seeds/000, seeds/001) and the
# demo keeps them as the years' figures: nothing they count falls after these days.
COUNTED_UNTIL = {2022: date(2022, 12, 31), 2023: date(2023, 11, 24), 2024: date(2024, 12, 31),
                 2025: date(2025, 11, 13)}
YEARS = (2022, 2023, 2024, 2025)
# Viet Nam reopened to international travel on 15/03/2022: the 2022 exchanges start after it.
REOPENED = date(2022, 3, 21)

# --- the figures the records must give ---------------------------------------------------------
# Published (the sourced bundle's statistics): 2023 leaders' trips 16, received 40 delegations with
# 606 visitors; 2025 trips 59, leaders' 15, received 14, permitted 99. The other numbers are
# plausible choices: no source publishes them, and no statistic is invented for them.
OUTGOING = {2022: (26, 7), 2023: (44, 16), 2024: (50, 13), 2025: (59, 15)}  # (all, led by leaders)
RECEIVED = {2022: (16, 214), 2023: (40, 606), 2024: (27, 391), 2025: (14, 236)}  # (delegations, visitors)
PERMITTED = {2022: 38, 2023: 57, 2024: 72, 2025: 99}
# FDI in USD: (first day, last day, new projects, their capital, adjusted projects, adjustments).
# 2022: USD 961.3 m in the year, 935.22 m by 10 November (domain.md §5, §7.3); how it splits into
# new and adjusted is not published. 2023: 15 new + 10 adjusted = USD 1.298 bn (seeds/000), split
# not published. 2024: 19 new USD 867.8 m, 14 adjusted USD 881.76 m (domain.md §5). 2025: January–
# October 19 new USD 301.9 m, 15 adjusted USD 675.3 m (seeds/001); November–December not published.
FDI_WINDOWS = [
    (date(2022, 1, 1), date(2022, 11, 10), 16, 542_140_000, 8, 393_080_000),
    (date(2022, 11, 11), date(2022, 12, 31), 2, 22_080_000, 1, 4_000_000),
    (date(2023, 1, 1), date(2023, 11, 24), 15, 755_400_000, 10, 542_600_000),
    (date(2024, 1, 1), date(2024, 12, 31), 19, 867_800_000, 14, 881_760_000),
    (date(2025, 1, 1), date(2025, 10, 31), 19, 301_900_000, 15, 675_300_000),
    (date(2025, 11, 1), date(2025, 12, 12), 3, 41_600_000, 2, 58_500_000),
]
ODA_2023_TOTAL_VND = 9_620_000_000_000  # 11 programmes active in 2023 (seeds/000)
AID_APPROVED_2023 = (6, 5)  # projects and non-project items approved in 2023 (domain.md §7.3)
NGO_MID_2024 = (64, 5)  # operating with a certificate in force on 30/06/2024, and waiting (§5)

TET = {2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
       2026: date(2026, 2, 17)}

rng = random.Random(SEED)


def pick(seq):
    return seq[rng.randrange(len(seq))]


def chance(p: float) -> bool:
    return rng.random() < p


def day_between(start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def iso(day):
    return day.isoformat() if day else None


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def split_exact(total: int, parts: int, *, unit: int = 1, big: int = 0, low: float = 0.5,
                high: float = 2.0, floor: int = 1) -> list[int]:
    """``parts`` whole numbers (multiples of ``unit``, each at least ``floor``) adding up to
    ``total`` exactly, uneven like real figures; ``big`` of them several times larger."""
    weights = [rng.uniform(low, high) * (rng.uniform(4, 8) if i < big else 1) for i in range(parts)]
    rng.shuffle(weights)
    scale = (total - floor * parts) / sum(weights)
    values = [floor + int(w * scale) // unit * unit for w in weights]
    values[values.index(max(values))] += total - sum(values)
    assert sum(values) == total and min(values) >= floor, (total, values)
    return values


def sorted_days(count: int, start: date, end: date, avoid=()) -> list[date]:
    """``count`` days between two dates (repeats allowed), none inside the ``avoid`` ranges."""
    days = []
    while len(days) < count:
        day = day_between(start, end)
        if not any(a <= day <= b for a, b in avoid):
            days.append(day)
    return sorted(days)


def tet_break(year: int) -> tuple[date, date]:
    tet = TET[year]
    return tet - timedelta(days=10), tet + timedelta(days=8)


# --- people -------------------------------------------------------------------------------------
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Thái", "Đinh", "Cao", "Lương", "Chu", "Hà", "Tăng", "Nguyễn", "Trần", "Lê"]
MIDDLE_M = ["Văn", "Đức", "Hữu", "Quang", "Minh", "Xuân", "Đình", "Thế", "Công", "Trọng", "Ngọc", "Anh", "Hồng"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Phương", "Kim", "Diệu", "Hải"]
GIVEN_M = ["Hùng", "Tuấn", "Dũng", "Nam", "Long", "Sơn", "Hải", "Trung", "Cường", "Bình", "Khoa", "Thắng", "Quân",
           "Phúc", "Toàn", "Hiếu", "Lâm", "Tùng", "Việt", "Đông", "Thành", "Huy", "Kiên", "Lực", "Tâm", "Quý"]
GIVEN_F = ["Lan", "Hà", "Hương", "Thủy", "Phương", "Hòa", "Mai", "Linh", "Ngân", "Oanh", "Yến", "Trang", "Hạnh",
           "Nga", "Quỳnh", "Vân", "Thảo", "Giang", "Hiền", "Thúy"]


def person() -> str:
    if chance(0.3):
        return f"{pick(FAMILY)} {pick(MIDDLE_F)} {pick(GIVEN_F)}"
    return f"{pick(FAMILY)} {pick(MIDDLE_M)} {pick(GIVEN_M)}"


_passport_numbers = iter(range(101, 1_000_000))


def passport() -> str:
    """Obviously not a real number: the official-passport letter and zeros (C0000101, …)."""
    return f"C{next(_passport_numbers):07d}"


_decision_numbers = iter(range(1201, 100000, 7))


def decision(kind: str = "QĐ-UBND") -> str:
    return f"{next(_decision_numbers)}/{kind}"


# --- the province's units ---------------------------------------------------------------------
# Departments merged on 01/03/2025 (NĐ 45/2025): the line of work names the unit of the time.
LINES = {
    "invest": ("so-khdt", "so-tai-chinh"),
    "agri": ("so-nnptnt", "so-nn-mt"),
    "tourism": ("so-du-lich", "so-vhttdl"),
    "culture": ("so-vhtt", "so-vhttdl"),
    "transport": ("so-gtvt", "so-xay-dung"),
}
MERGED_ON = date(2025, 3, 1)


def unit_for(line_or_ref: str, day: date) -> str:
    if line_or_ref in LINES:
        before, after = LINES[line_or_ref]
        return before if day < MERGED_ON else after
    return line_or_ref


UNIT_NAMES = {
    "so-ngoai-vu": "Sở Ngoại vụ", "so-cong-thuong": "Sở Công Thương", "so-khdt": "Sở Kế hoạch và Đầu tư",
    "so-tai-chinh": "Sở Tài chính", "so-gddt": "Sở Giáo dục và Đào tạo", "so-y-te": "Sở Y tế",
    "so-nnptnt": "Sở Nông nghiệp và Phát triển nông thôn", "so-nn-mt": "Sở Nông nghiệp và Môi trường",
    "so-du-lich": "Sở Du lịch", "so-vhtt": "Sở Văn hóa và Thể thao", "so-vhttdl": "Sở Văn hóa, Thể thao và Du lịch",
    "so-noi-vu": "Sở Nội vụ", "so-khcn": "Sở Khoa học và Công nghệ", "so-gtvt": "Sở Giao thông Vận tải",
    "so-xay-dung": "Sở Xây dựng", "bql-kkt": "Ban Quản lý Khu kinh tế Đông Nam",
    "cong-an-tinh": "Công an tỉnh", "bdbp-tinh": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "lhh-huu-nghi": "Liên hiệp các tổ chức hữu nghị tỉnh", "hoi-huu-nghi-viet-nga": "Hội Hữu nghị Việt – Nga tỉnh",
    "hoi-huu-nghi-viet-lao": "Hội Hữu nghị Việt Nam – Lào tỉnh", "mttq-tinh": "Ủy ban MTTQ Việt Nam tỉnh",
    "dai-hoc-vinh": "Trường Đại học Vinh", "ubnd-tinh": "UBND tỉnh", "tinh-uy": "Tỉnh ủy", "hdnd-tinh": "HĐND tỉnh",
}
HEAD_TITLE = {
    "so-ngoai-vu": "Phó Giám đốc Sở Ngoại vụ", "bql-kkt": "Phó Trưởng ban Quản lý Khu kinh tế Đông Nam",
    "cong-an-tinh": "Phó Giám đốc Công an tỉnh", "bdbp-tinh": "Phó Chỉ huy trưởng Bộ đội Biên phòng tỉnh",
    "lhh-huu-nghi": "Phó Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh",
    "hoi-huu-nghi-viet-nga": "Chủ tịch Hội Hữu nghị Việt – Nga tỉnh",
    "hoi-huu-nghi-viet-lao": "Chủ tịch Hội Hữu nghị Việt Nam – Lào tỉnh",
    "mttq-tinh": "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "dai-hoc-vinh": "Phó Hiệu trưởng Trường Đại học Vinh",
}


def head_title(unit: str) -> str:
    return HEAD_TITLE.get(unit, f"Phó Giám đốc {UNIT_NAMES[unit]}")


# Provincial leaders are named by their post only: an illustrative record never puts a real person
# in an invented event.
LEADER_POSTS = {
    "ubnd-tinh": ["Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"],
    "tinh-uy": ["Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Phó Bí thư Tỉnh ủy"],
    "hdnd-tinh": ["Chủ tịch HĐND tỉnh", "Phó Chủ tịch HĐND tỉnh"],
}


# --- the bundle being written ------------------------------------------------------------------
OUT: dict[str, list[dict]] = {}


def add(section: str, record: dict, *, illustrative: bool = True) -> dict:
    """A record of the generated bundle, marked illustrative; empty values left out."""
    item = {"ref": record.pop("ref")}
    if illustrative:
        item["illustrative"] = True
    item.update({k: v for k, v in record.items() if v not in (None, "", [])})
    OUT.setdefault(section, []).append(item)
    return item


# --- units the sources do not list -----------------------------------------------------------
def units() -> None:
    add("units", {
        "ref": "hoi-huu-nghi-viet-lao", "name_vi": "Hội Hữu nghị Việt Nam – Lào tỉnh Nghệ An",
        "name_en": "Nghe An Vietnam–Laos Friendship Association", "kind": "association", "parent": "lhh-huu-nghi",
        "notes": "Illustrative: a member association of the Union of Friendship Organisations, as provinces "
                 "bordering Laos have; it hosts the people-to-people exchanges with the Lao provinces in the demo.",
    })
    add("units", {
        "ref": "dai-hoc-vinh", "name_vi": "Trường Đại học Vinh", "name_en": "Vinh University", "kind": "other",
        "parent": "nghe-an",
        "notes": "Illustrative: the province's main university, recorded as a unit so that its exchanges with "
                 "Lao, Russian and Japanese universities and its Lao students appear in the register.",
    })


# --- partners the sources do not name ----------------------------------------------------------
OTHER_PARTNERS = [
    # ref, kind, country, name_en, name_vi, name_native, relationship, fields
    ("p-th-nakhon-phanom", "locality", "TH", "Nakhon Phanom Province", "Tỉnh Nakhon Phanom", "จังหวัดนครพนม",
     "cooperation", ["economic", "tourism"]),
    ("p-cu-sancti-spiritus", "locality", "CU", "Sancti Spíritus Province", "Tỉnh Sancti Spíritus",
     "Provincia de Sancti Spíritus", "potential", ["political"]),
    ("p-jp-embassy", "diplomatic_mission", "JP", "Embassy of Japan in Viet Nam", "Đại sứ quán Nhật Bản tại Việt Nam",
     "在ベトナム日本国大使館", "cooperation", ["political", "economic"]),
    ("p-kr-embassy", "diplomatic_mission", "KR", "Embassy of the Republic of Korea in Viet Nam",
     "Đại sứ quán Hàn Quốc tại Việt Nam", "주베트남 대한민국 대사관", "cooperation", ["political", "economic"]),
    ("p-la-embassy", "diplomatic_mission", "LA", "Embassy of the Lao PDR in Viet Nam", "Đại sứ quán Lào tại Việt Nam",
     "ສະຖານທູດ ສປປ ລາວ ປະຈຳຫວຽດນາມ", "special_traditional", ["political"]),
    ("p-ru-embassy", "diplomatic_mission", "RU", "Embassy of the Russian Federation in Viet Nam",
     "Đại sứ quán Liên bang Nga tại Việt Nam", "Посольство Российской Федерации во Вьетнаме", "cooperation",
     ["political", "education"]),
    ("p-au-embassy", "diplomatic_mission", "AU", "Embassy of Australia in Viet Nam",
     "Đại sứ quán Australia tại Việt Nam", "Australian Embassy Vietnam", "cooperation", ["education", "economic"]),
    ("p-cn-cg-hcmc", "diplomatic_mission", "CN", "Embassy of the People's Republic of China in Viet Nam",
     "Đại sứ quán Trung Quốc tại Việt Nam", "中华人民共和国驻越南大使馆", "cooperation", ["political", "economic"]),
    ("p-jp-jetro", "national_government", "JP", "Japan External Trade Organization (JETRO), Hanoi office",
     "Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) tại Hà Nội", "日本貿易振興機構 ハノイ事務所", "cooperation",
     ["economic"]),
    ("p-jp-jica", "national_government", "JP", "Japan International Cooperation Agency (JICA), Viet Nam office",
     "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) tại Việt Nam", "国際協力機構 ベトナム事務所", "cooperation",
     ["economic", "agriculture"]),
    ("p-kr-kotra", "national_government", "KR", "Korea Trade-Investment Promotion Agency (KOTRA), Hanoi",
     "Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc (KOTRA) tại Hà Nội", "대한무역투자진흥공사 하노이무역관",
     "cooperation", ["economic"]),
    ("p-kr-koica", "national_government", "KR", "Korea International Cooperation Agency (KOICA), Viet Nam office",
     "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) tại Việt Nam", "한국국제협력단 베트남사무소", "cooperation",
     ["economic", "health"]),
    ("p-kr-kexim", "national_government", "KR", "Export-Import Bank of Korea (EDCF)",
     "Ngân hàng Xuất nhập khẩu Hàn Quốc (Quỹ EDCF)", "한국수출입은행 대외경제협력기금", "cooperation", ["economic"]),
    ("p-kr-kocham", "business_association", "KR", "Korean Chamber of Business in Vietnam (KOCHAM)",
     "Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam (KOCHAM)", "주베트남 한국상공인연합회", "cooperation",
     ["economic"]),
    ("p-kr-gwangju-tourism", "other", "KR", "Gwangju Tourism Organization", "Tổ chức Du lịch Gwangju",
     "광주관광공사", "cooperation", ["tourism"]),
    ("p-tw-taitra", "business_association", "TW", "Taiwan External Trade Development Council (TAITRA)",
     "Hội đồng Phát triển Ngoại thương Đài Loan (TAITRA)", "中華民國對外貿易發展協會", "potential", ["economic"]),
    ("p-sg-sbf", "business_association", "SG", "Singapore Business Federation", "Liên đoàn Doanh nghiệp Singapore",
     "Singapore Business Federation", "potential", ["economic"]),
    ("p-io-worldbank", "international_organisation", "US", "World Bank in Viet Nam", "Ngân hàng Thế giới tại Việt Nam",
     "World Bank Vietnam", "cooperation", ["economic", "agriculture"]),
    ("p-io-adb", "international_organisation", "PH", "Asian Development Bank, Viet Nam Resident Mission",
     "Ngân hàng Phát triển châu Á (ADB), Cơ quan đại diện tại Việt Nam", "Asian Development Bank", "cooperation",
     ["economic"]),
    ("p-io-ifad", "international_organisation", "IT", "International Fund for Agricultural Development (IFAD)",
     "Quỹ Quốc tế về Phát triển Nông nghiệp (IFAD)", "IFAD", "cooperation", ["agriculture"]),
    ("p-fr-afd", "national_government", "FR", "Agence Française de Développement (AFD), Viet Nam office",
     "Cơ quan Phát triển Pháp (AFD) tại Việt Nam", "Agence Française de Développement", "cooperation",
     ["economic", "health"]),
    ("p-de-kfw", "national_government", "DE", "KfW Development Bank", "Ngân hàng Tái thiết Đức (KfW)",
     "KfW Entwicklungsbank", "cooperation", ["environment"]),
    ("p-ru-ulspu", "academic", "RU", "Ulyanovsk State Pedagogical University",
     "Trường Đại học Sư phạm Quốc gia Ulyanovsk", "Ульяновский государственный педагогический университет",
     "cooperation", ["education"]),
    ("p-jp-gifu-university", "academic", "JP", "Gifu University", "Trường Đại học Gifu", "岐阜大学", "cooperation",
     ["education", "agriculture"]),
    ("p-la-souphanouvong-university", "academic", "LA", "Souphanouvong University", "Trường Đại học Xuphanuvông",
     "ມະຫາວິທະຍາໄລ ສຸພານຸວົງ", "cooperation", ["education"]),
]

# Foreign NGOs (Decree 58/2022): organisations that work in Viet Nam. Their registration in Nghệ An,
# the certificates and the aid items below are illustrative (marked); the real list is the office's.
NGOS = [
    ("World Vision International", "Tổ chức Tầm nhìn Thế giới", "US", ["humanitarian", "education"]),
    ("Plan International", "Tổ chức Plan International", "GB", ["education", "humanitarian"]),
    ("Save the Children International", "Tổ chức Cứu trợ Trẻ em Quốc tế", "GB", ["education", "health"]),
    ("ChildFund Australia", "Quỹ Trẻ em Australia (ChildFund)", "AU", ["education", "humanitarian"]),
    ("CARE International", "Tổ chức CARE Quốc tế", "AU", ["humanitarian", "agriculture"]),
    ("Oxfam", "Tổ chức Oxfam", "GB", ["agriculture", "humanitarian"]),
    ("ActionAid International", "Tổ chức ActionAid Quốc tế", "ZA", ["humanitarian", "agriculture"]),
    ("Catholic Relief Services", "Tổ chức Cứu trợ Công giáo (CRS)", "US", ["humanitarian"]),
    ("Habitat for Humanity International", "Tổ chức Habitat for Humanity Quốc tế", "US", ["humanitarian"]),
    ("Helvetas Swiss Intercooperation", "Tổ chức Helvetas Thụy Sĩ", "CH", ["agriculture", "environment"]),
    ("SNV Netherlands Development Organisation", "Tổ chức Phát triển Hà Lan (SNV)", "NL", ["agriculture"]),
    ("Good Neighbors International", "Tổ chức Good Neighbors Quốc tế", "KR", ["education", "humanitarian"]),
    ("Korea Food for the Hungry International", "Tổ chức KFHI Hàn Quốc", "KR", ["humanitarian", "health"]),
    ("Medical Committee Netherlands–Vietnam", "Ủy ban Y tế Hà Lan – Việt Nam (MCNV)", "NL", ["health"]),
    ("Christian Blind Mission", "Tổ chức CBM", "DE", ["health"]),
    ("Humanity & Inclusion", "Tổ chức Nhân đạo và Hòa nhập (HI)", "FR", ["health", "humanitarian"]),
    ("Mines Advisory Group", "Tổ chức MAG", "GB", ["humanitarian"]),
    ("Orbis International", "Tổ chức Orbis Quốc tế", "US", ["health"]),
    ("The Fred Hollows Foundation", "Quỹ Fred Hollows", "AU", ["health"]),
    ("Helen Keller International", "Tổ chức Hellen Keller Quốc tế", "US", ["health"]),
    ("Operation Smile", "Tổ chức Phẫu thuật Nụ cười", "US", ["health"]),
    ("PATH", "Tổ chức PATH", "US", ["health"]),
    ("FHI 360", "Tổ chức FHI 360", "US", ["health"]),
    ("Pathfinder International", "Tổ chức Pathfinder Quốc tế", "US", ["health"]),
    ("Population Services International", "Tổ chức PSI", "US", ["health"]),
    ("MSI Reproductive Choices", "Tổ chức MSI", "GB", ["health"]),
    ("Room to Read", "Tổ chức Room to Read", "US", ["education"]),
    ("Blue Dragon Children's Foundation", "Tổ chức Rồng Xanh", "AU", ["humanitarian", "consular"]),
    ("Thrive Networks", "Tổ chức Thrive Networks (East Meets West)", "US", ["health", "environment"]),
    ("Terre des Hommes Foundation", "Tổ chức Terre des Hommes", "CH", ["humanitarian"]),
    ("Aide et Action", "Tổ chức Aide et Action", "FR", ["education"]),
    ("Enfants du Mékong", "Tổ chức Trẻ em Mê Kông", "FR", ["education"]),
    ("Secours Populaire Français", "Tổ chức Cứu trợ Nhân dân Pháp", "FR", ["humanitarian"]),
    ("Médecins du Monde", "Tổ chức Bác sĩ Thế giới", "FR", ["health"]),
    ("Friedrich-Ebert-Stiftung", "Quỹ Friedrich Ebert", "DE", ["political", "labour"]),
    ("Konrad-Adenauer-Stiftung", "Quỹ Konrad Adenauer", "DE", ["political", "economic"]),
    ("Rosa-Luxemburg-Stiftung", "Quỹ Rosa Luxemburg", "DE", ["political", "agriculture"]),
    ("Hanns-Seidel-Stiftung", "Quỹ Hanns Seidel", "DE", ["education", "agriculture"]),
    ("The Asia Foundation", "Quỹ Châu Á", "US", ["economic"]),
    ("Pact", "Tổ chức Pact", "US", ["health"]),
    ("AIP Foundation", "Quỹ Phòng chống thương vong châu Á (AIP)", "US", ["health", "education"]),
    ("Samaritan's Purse", "Tổ chức Samaritan's Purse", "US", ["humanitarian"]),
    ("Adventist Development and Relief Agency", "Tổ chức Phát triển và Cứu trợ Cơ đốc Phục lâm (ADRA)", "US",
     ["humanitarian"]),
    ("Lions Clubs International Foundation", "Quỹ Lions Clubs Quốc tế", "US", ["health"]),
    ("The Rotary Foundation", "Quỹ Rotary", "US", ["health", "education"]),
    ("Japan International Volunteer Center", "Trung tâm Tình nguyện Quốc tế Nhật Bản (JVC)", "JP", ["agriculture"]),
    ("Association for Aid and Relief, Japan", "Hiệp hội Hỗ trợ và Cứu trợ Nhật Bản (AAR Japan)", "JP",
     ["health", "humanitarian"]),
    ("Shanti Volunteer Association", "Hiệp hội Tình nguyện Shanti", "JP", ["education"]),
    ("Global Civic Sharing", "Tổ chức Chia sẻ Công dân Toàn cầu (GCS)", "KR", ["agriculture"]),
    ("Korea Foundation for International Healthcare", "Quỹ Y tế Quốc tế Hàn Quốc (KOFIH)", "KR", ["health"]),
    ("Caritas Switzerland", "Tổ chức Caritas Thụy Sĩ", "CH", ["humanitarian", "agriculture"]),
    ("Caritas Germany", "Tổ chức Caritas Đức", "DE", ["humanitarian"]),
    ("Misereor", "Tổ chức Misereor", "DE", ["agriculture"]),
    ("Bread for the World", "Tổ chức Bánh mì cho Thế giới", "DE", ["humanitarian", "environment"]),
    ("Malteser International", "Tổ chức Malteser Quốc tế", "DE", ["health", "humanitarian"]),
    ("NLR International", "Tổ chức NLR", "NL", ["health"]),
    ("Australian Volunteers International", "Tổ chức Tình nguyện Australia (AVI)", "AU", ["education"]),
    ("Vietnam Assistance for the Handicapped", "Tổ chức Hỗ trợ người khuyết tật Việt Nam (VNAH)", "US", ["health"]),
    ("Children of Vietnam", "Tổ chức Trẻ em Việt Nam", "US", ["education", "health"]),
    ("Giving It Back to Kids", "Tổ chức Giving It Back to Kids", "AU", ["health"]),
    ("Kianh Foundation", "Quỹ Kianh", "GB", ["health", "education"]),
    ("Saigon Children's Charity", "Tổ chức Saigon Children's Charity", "GB", ["education"]),
    ("Hagar International", "Tổ chức Hagar Quốc tế", "SG", ["humanitarian"]),
    ("Fauna & Flora International", "Tổ chức Bảo tồn Động thực vật Quốc tế (FFI)", "GB", ["environment"]),
    ("WWF", "Quỹ Quốc tế Bảo vệ Thiên nhiên (WWF)", "CH", ["environment"]),
    ("BirdLife International", "Tổ chức BirdLife Quốc tế", "GB", ["environment"]),
    ("Wildlife Conservation Society", "Hiệp hội Bảo tồn Động vật Hoang dã (WCS)", "US", ["environment"]),
    ("Heifer International", "Tổ chức Heifer Quốc tế", "US", ["agriculture"]),
    ("Netherlands Red Cross", "Hội Chữ thập đỏ Hà Lan", "NL", ["humanitarian"]),
]
assert len(NGOS) == sum(NGO_MID_2024), len(NGOS)


def slug(text: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() and ch.isascii() else "-" for ch in text)
    return "-".join(part for part in keep.split("-") if part)[:40]


NGO_PARTNER = {name: f"p-ngo-{slug(name)}" for name, *_rest in NGOS}


def partners() -> None:
    for ref, kind, country, name_en, name_vi, native, relationship, fields in OTHER_PARTNERS:
        add("partners", {
            "ref": ref, "kind": kind, "name_en": name_en, "name_vi": name_vi, "name_native": native,
            "country": country, "relationship": relationship, "fields": fields,
            "notes": "Illustrative: a counterpart of the demo's illustrative delegations, agreements and "
                     "programmes; the province's own partner file is the reference.",
        })
    for name, name_vi, country, fields in NGOS:
        add("partners", {
            "ref": NGO_PARTNER[name], "kind": "ngo", "name_en": name, "name_vi": name_vi, "country": country,
            "relationship": "cooperation", "fields": fields,
            "notes": "Illustrative: the organisation works in Viet Nam; its registration in Nghệ An and its "
                     "aid in the demo are illustrative, not the province's records.",
        })


# --- where delegations go ----------------------------------------------------------------------
# key: (country, partners, place in a title, short name, travels by road)
DEST = {
    "xk": ("LA", ["p-la-xiengkhouang"], "tỉnh Xiêng Khoảng (Lào)", "Xiêng Khoảng", True),
    "hp": ("LA", ["p-la-houaphanh"], "tỉnh Hủa Phăn (Lào)", "Hủa Phăn", True),
    "blx": ("LA", ["p-la-bolikhamxay"], "tỉnh Bôlykhămxay (Lào)", "Bôlykhămxay", True),
    "vc": ("LA", ["p-la-vientiane-capital"], "Thủ đô Viêng Chăn (Lào)", "Viêng Chăn", True),
    "km": ("LA", ["p-la-khammouane"], "tỉnh Khăm Muộn (Lào)", "Khăm Muộn", True),
    "svk": ("LA", ["p-la-savannakhet"], "tỉnh Savannakhet (Lào)", "Savannakhet", True),
    "xsb": ("LA", ["p-la-xaysomboun"], "tỉnh Xaysomboun (Lào)", "Xaysomboun", True),
    "lpb": ("LA", ["p-la-souphanouvong-university"], "tỉnh Luông Phabăng (Lào)", "Luông Phabăng", False),
    "gx": ("CN", ["p-cn-guangxi"], "Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)", "Quảng Tây", False),
    "hn": ("CN", ["p-cn-hunan"], "tỉnh Hồ Nam (Trung Quốc)", "Hồ Nam", False),
    "gd": ("CN", ["p-cn-guangdong"], "tỉnh Quảng Đông (Trung Quốc)", "Quảng Đông", False),
    "gg": ("KR", ["p-kr-gyeonggi"], "tỉnh Gyeonggi (Hàn Quốc)", "Gyeonggi", False),
    "gj": ("KR", ["p-kr-gwangju"], "thành phố Gwangju (Hàn Quốc)", "Gwangju", False),
    "seoul": ("KR", ["p-kr-kotra"], "Seoul (Hàn Quốc)", "Seoul", False),
    "gifu": ("JP", ["p-jp-gifu"], "tỉnh Gifu (Nhật Bản)", "Gifu", False),
    "tokyo": ("JP", ["p-jp-jetro"], "Tokyo (Nhật Bản)", "Tokyo", False),
    "uly": ("RU", ["p-ru-ulyanovsk"], "tỉnh Ulyanovsk (Liên bang Nga)", "Ulyanovsk", False),
    "sg": ("SG", ["p-sg-smf"], "Singapore", "Singapore", False),
    "np": ("TH", ["p-th-nakhon-phanom"], "tỉnh Nakhon Phanom (Thái Lan)", "Nakhon Phanom", True),
    "bkk": ("TH", [], "Băng Cốc (Thái Lan)", "Băng Cốc", False),
    "tw": ("TW", ["p-tw-taitra"], "Đài Bắc (Đài Loan, Trung Quốc)", "Đài Bắc", False),
    "hk": ("HK", [], "Đặc khu hành chính Hồng Kông (Trung Quốc)", "Hồng Kông", False),
    "in": ("IN", ["p-in-haryana"], "bang Haryana (Ấn Độ)", "Haryana", False),
    "de": ("DE", [], "Cộng hòa Liên bang Đức", "Đức", False),
    "cz": ("CZ", [], "Cộng hòa Séc", "Séc", False),
    "au": ("AU", [], "Australia", "Australia", False),
    "il": ("IL", [], "Nhà nước Israel", "Israel", False),
    "cu": ("CU", ["p-cu-pcc", "p-cu-sancti-spiritus"], "Cộng hòa Cuba", "Cuba", False),
}
LAO_BORDER = ("xk", "hp", "blx")
LAO = ("xk", "hp", "blx", "vc", "km", "svk", "xsb")
# Daily cost (hotel and per diem) and air fare per person, and a visa where one is needed, in VND.
COSTS = {"LA": (1_900_000, 3_600_000, 0), "CN": (4_000_000, 7_000_000, 0), "KR": (6_500_000, 12_500_000, 0),
         "JP": (7_500_000, 15_000_000, 0), "RU": (6_500_000, 27_000_000, 0), "SG": (7_000_000, 7_500_000, 0),
         "TH": (4_000_000, 5_500_000, 0), "TW": (5_500_000, 9_000_000, 1_200_000), "HK": (6_000_000, 8_000_000, 0),
         "IN": (5_000_000, 12_000_000, 1_600_000), "DE": (8_500_000, 26_000_000, 2_100_000),
         "CZ": (8_000_000, 25_000_000, 2_100_000), "AU": (8_500_000, 22_000_000, 3_200_000),
         "IL": (8_000_000, 20_000_000, 1_000_000), "CU": (6_000_000, 45_000_000, 1_000_000),
         "US": (10_500_000, 38_000_000, 4_000_000)}


# --- agreements --------------------------------------------------------------------------------
# Each: ref, kind, title_vi, title_en, signed_on, place, units, partners, fields, valid_from,
# valid_until, status. Seeds/003: in 2020–2025 the province signed more than 20 documents with Lao
# localities and 15 memorandums and agreements with other partners; with the sourced agreements,
# these make 22 and 15.
AGREEMENTS: list[dict] = []
# The agreements a delegation signed: ref → (delegation kind, destination or partner, day).
SIGNED_ON_TRIP: dict[str, tuple[str, str, date]] = {}


def agreement(ref, kind, title_vi, title_en, signed_on, place, units, partners, fields, valid_until, status,
              *, on_trip=None, notes="") -> None:
    AGREEMENTS.append({
        "ref": ref, "kind": kind, "title_vi": title_vi, "title_en": title_en, "signed_on": iso(signed_on),
        "place": place, "units": units, "partners": partners, "fields": fields,
        "valid_from": iso(signed_on), "valid_until": iso(valid_until), "status": status,
        "notes": "Illustrative: " + (notes or "an agreement of the kind the province signs with this partner; "
                                     "its date, validity and wording are not published."),
    })
    if on_trip:
        SIGNED_ON_TRIP[ref] = (*on_trip, signed_on)


LAO_NAMES = {"xk": ("Xiêng Khoảng", "Xiengkhouang"), "hp": ("Hủa Phăn", "Houaphanh"),
             "blx": ("Bôlykhămxay", "Bolikhamxay")}


def agreements() -> None:
    # The three border provinces: a cooperation agreement for 2021–2025 and yearly talks minutes,
    # signed in turn in Nghệ An and in Laos; the 2026–2030 agreements are being prepared.
    for key, (vi, en) in LAO_NAMES.items():
        partner = DEST[key][1][0]
        signed = date(2021, 3, 10) + timedelta(days=list(LAO_NAMES).index(key) * 9)
        agreement(f"a-mh-2021-{key}-cooperation", "programme",
                  f"Thỏa thuận hợp tác giai đoạn 2021–2025 giữa tỉnh Nghệ An và tỉnh {vi}",
                  f"Cooperation agreement 2021–2025 between Nghe An and {en}",
                  signed, "Vinh, Nghệ An", ["ubnd-tinh"], [partner],
                  ["political", "economic", "education", "health", "border"], date(2025, 12, 31), "in_force")
        for year in (2021, 2022, 2023, 2024, 2025):
            abroad = (year + list(LAO_NAMES).index(key)) % 2 == 0
            month = 3 + list(LAO_NAMES).index(key) * 2 + (year % 2)
            on = date(year, month, 8 + (year * 7 + month) % 15)
            if year == 2023 and on > COUNTED_UNTIL[2023]:
                on = date(2023, 10, 20)
            place = f"{DEST[key][3]}, Lào" if abroad else "Vinh, Nghệ An"
            status = "in_force" if year == 2025 else "expired"
            agreement(f"a-mh-{year}-{key}-minutes", "minutes",
                      f"Biên bản hội đàm và kế hoạch hợp tác năm {year} giữa tỉnh Nghệ An và tỉnh {vi}",
                      f"Minutes of talks and cooperation plan {year}, Nghe An – {en}",
                      on, place, ["ubnd-tinh"], [partner], ["political", "economic", "education", "border"],
                      date(year, 12, 31), status,
                      on_trip=(("out" if abroad else "in"), key) if year >= 2022 else None,
                      notes="yearly talks minutes, as the province and the Lao border provinces sign at their "
                            "leaders' annual meeting; dates and wording are not published.")
        agreement(f"a-mh-2026-{key}-cooperation", "programme",
                  f"Thỏa thuận hợp tác giai đoạn 2026–2030 giữa tỉnh Nghệ An và tỉnh {vi}",
                  f"Cooperation agreement 2026–2030 between Nghe An and {en}",
                  None, None, ["ubnd-tinh", "so-ngoai-vu"], [partner],
                  ["political", "economic", "education", "health", "border"], None,
                  {"xk": "consulting", "hp": "drafting", "blx": "approved"}[key],
                  notes="the next five-year agreement, in preparation at the demo's date (late 2025).")
    agreement("a-mh-2022-savannakhet-education", "mou",
              "Biên bản ghi nhớ hợp tác giáo dục – đào tạo giữa UBND tỉnh Nghệ An và chính quyền tỉnh Savannakhet",
              "MOU on education and training between Nghe An and Savannakhet",
              date(2022, 9, 15), "Vinh, Nghệ An", ["ubnd-tinh", "so-gddt"], ["p-la-savannakhet"], ["education"],
              date(2027, 9, 14), "in_force", on_trip=("in", "svk"))
    agreement("a-mh-2023-vientiane-culture", "mou",
              "Biên bản ghi nhớ hợp tác văn hóa, giáo dục giữa tỉnh Nghệ An và Thủ đô Viêng Chăn",
              "MOU on culture and education between Nghe An and Vientiane Capital",
              date(2023, 9, 12), "Viêng Chăn, Lào", ["ubnd-tinh"], ["p-la-vientiane-capital"],
              ["cultural", "education"], date(2028, 9, 11), "in_force", on_trip=("out", "vc"))
    agreement("a-mh-2022-khammouane-mou", "mou",
              "Biên bản ghi nhớ hợp tác giữa tỉnh Nghệ An và tỉnh Khăm Muộn giai đoạn 2022–2026",
              "MOU on cooperation 2022–2026 between Nghe An and Khammouane",
              date(2022, 6, 16), "Thakhek, Khăm Muộn, Lào", ["ubnd-tinh"], ["p-la-khammouane"],
              ["economic", "political"], date(2026, 6, 15), "in_force", on_trip=("out", "km"))
    agreement("a-mh-2024-xaysomboun-remains", "mou",
              "Biên bản ghi nhớ phối hợp tìm kiếm, quy tập hài cốt liệt sĩ quân tình nguyện và chuyên gia Việt Nam hy "
              "sinh tại tỉnh Xaysomboun", "MOU on searching for and repatriating the remains of Vietnamese volunteer "
              "soldiers and experts in Xaysomboun",
              date(2024, 3, 14), "Vinh, Nghệ An", ["ubnd-tinh"], ["p-la-xaysomboun"], ["humanitarian", "political"],
              date(2028, 3, 13), "in_force", on_trip=("in", "xsb"))
    # Other partners (with the four sourced ones, 15 in 2020–2025).
    agreement("a-mh-2021-gifu-agriculture", "mou",
              "Biên bản ghi nhớ hợp tác đào tạo thực tập sinh kỹ thuật nông nghiệp giữa Sở NN&PTNT Nghệ An và tỉnh "
              "Gifu",
              "MOU on agricultural technical intern training between the Nghe An DARD and Gifu Prefecture",
              date(2021, 11, 18), "Trực tuyến: Vinh – Gifu", ["so-nnptnt"], ["p-jp-gifu"], ["agriculture", "labour"],
              date(2026, 3, 31), "in_force")
    agreement("a-mh-2022-vinh-ulspu", "mou",
              "Thỏa thuận hợp tác đào tạo giữa Trường Đại học Vinh và Trường Đại học Sư phạm Quốc gia Ulyanovsk",
              "Training cooperation agreement between Vinh University and Ulyanovsk State Pedagogical University",
              date(2022, 10, 5), "Ulyanovsk, Liên bang Nga", ["dai-hoc-vinh"], ["p-ru-ulspu", "p-ru-ulyanovsk"],
              ["education"], date(2027, 10, 4), "in_force", on_trip=("out", "uly"))
    agreement("a-mh-2023-jetro", "mou",
              "Biên bản ghi nhớ hợp tác xúc tiến đầu tư giữa Sở Kế hoạch và Đầu tư Nghệ An và JETRO Hà Nội",
              "MOU on investment promotion between the Nghe An DPI and JETRO Hanoi",
              date(2023, 3, 16), "Vinh, Nghệ An", ["so-khdt"], ["p-jp-jetro"], ["economic"], date(2026, 3, 15),
              "in_force", on_trip=("event", "e-mh-2023-investment-conference"))
    agreement("a-mh-2023-gyeonggi-trade", "mou",
              "Biên bản ghi nhớ hợp tác xúc tiến thương mại giữa Sở Công Thương Nghệ An và tỉnh Gyeonggi",
              "MOU on trade promotion between the Nghe An Department of Industry and Trade and Gyeonggi Province",
              date(2023, 6, 8), "Suwon, Gyeonggi, Hàn Quốc", ["so-cong-thuong"], ["p-kr-gyeonggi"], ["economic"],
              date(2028, 6, 7), "in_force", on_trip=("out", "gg"))
    agreement("a-mh-2023-gwangju-tourism", "mou",
              "Biên bản ghi nhớ hợp tác du lịch giữa Sở Du lịch Nghệ An và Tổ chức Du lịch Gwangju",
              "MOU on tourism between the Nghe An Department of Tourism and the Gwangju Tourism Organization",
              date(2023, 9, 14), "Gwangju, Hàn Quốc", ["so-du-lich"], ["p-kr-gwangju-tourism", "p-kr-gwangju"],
              ["tourism"], date(2026, 9, 13), "in_force", on_trip=("out", "gj"))
    agreement("a-mh-2023-guangxi-minutes", "minutes",
              "Biên bản hội đàm về tăng cường hợp tác giữa tỉnh Nghệ An và Khu tự trị dân tộc Choang Quảng Tây",
              "Minutes of talks on closer cooperation between Nghe An and Guangxi",
              date(2023, 4, 12), "Nam Ninh, Quảng Tây, Trung Quốc", ["tinh-uy", "ubnd-tinh"], ["p-cn-guangxi"],
              ["political", "economic"], date(2026, 12, 31), "in_force", on_trip=("out", "gx"))
    agreement("a-mh-2024-hunan-friendship", "mou",
              "Biên bản ghi nhớ về hợp tác hữu nghị giữa tỉnh Nghệ An và tỉnh Hồ Nam",
              "MOU on friendly cooperation between Nghe An and Hunan",
              date(2024, 10, 22), "Trường Sa, Hồ Nam, Trung Quốc", ["ubnd-tinh"], ["p-cn-hunan"],
              ["political", "economic", "cultural"], date(2029, 10, 21), "in_force", on_trip=("out", "hn"))
    agreement("a-mh-2024-nakhon-phanom", "mou",
              "Biên bản ghi nhớ hợp tác giữa tỉnh Nghệ An và tỉnh Nakhon Phanom",
              "MOU on cooperation between Nghe An and Nakhon Phanom",
              date(2024, 8, 16), "Nakhon Phanom, Thái Lan", ["ubnd-tinh"], ["p-th-nakhon-phanom"],
              ["economic", "tourism"], date(2027, 2, 15), "in_force", on_trip=("out", "np"))
    agreement("a-mh-2024-kotra", "mou",
              "Biên bản ghi nhớ hợp tác xúc tiến thương mại và đầu tư giữa Sở Công Thương Nghệ An và KOTRA Hà Nội",
              "MOU on trade and investment promotion between the Nghe An DOIT and KOTRA Hanoi",
              date(2024, 4, 25), "Vinh, Nghệ An", ["so-cong-thuong"], ["p-kr-kotra"], ["economic"],
              date(2027, 1, 31), "in_force", on_trip=("event", "e-mh-2024-investment-conference"))
    agreement("a-mh-2025-gifu-digital-agriculture", "mou",
              "Biên bản ghi nhớ hợp tác nông nghiệp số giữa Sở Nông nghiệp và Môi trường Nghệ An và tỉnh Gifu",
              "MOU on digital agriculture between the Nghe An Department of Agriculture and Environment and Gifu",
              date(2025, 7, 3), "Gifu, Nhật Bản", ["so-nn-mt"], ["p-jp-gifu", "p-jp-gifu-university"],
              ["agriculture", "science_technology"], date(2030, 7, 2), "in_force", on_trip=("out", "gifu"))
    agreement("a-mh-2025-kocham", "mou",
              "Biên bản ghi nhớ hợp tác giữa Sở Công Thương Nghệ An và Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam",
              "MOU between the Nghe An DOIT and the Korean Chamber of Business in Vietnam (KOCHAM)",
              date(2025, 9, 25), "Vinh, Nghệ An", ["so-cong-thuong"], ["p-kr-kocham"], ["economic"],
              date(2028, 9, 24), "in_force", on_trip=("event", "e-mh-2025-investment-conference"))
    agreement("a-mh-2019-taitra", "mou",
              "Biên bản ghi nhớ hợp tác xúc tiến thương mại giữa Sở Công Thương Nghệ An và TAITRA",
              "MOU on trade promotion between the Nghe An DOIT and TAITRA",
              date(2019, 11, 6), "Vinh, Nghệ An", ["so-cong-thuong"], ["p-tw-taitra"], ["economic"],
              date(2024, 11, 5), "terminated",
              notes="a memorandum ended early by mutual agreement in 2023, to show an agreement that was terminated.")
    agreement("a-mh-2026-gyeonggi-renewal", "mou",
              "Biên bản ghi nhớ hợp tác toàn diện giai đoạn mới giữa tỉnh Nghệ An và tỉnh Gyeonggi",
              "MOU on comprehensive cooperation for the new period between Nghe An and Gyeonggi",
              None, None, ["ubnd-tinh", "so-ngoai-vu"], ["p-kr-gyeonggi"], ["economic", "labour", "education"], None,
              "drafting", notes="a draft prepared for the 2026 programme.")
    for record in AGREEMENTS:
        add("agreements", dict(record))


# --- events ------------------------------------------------------------------------------------
EVENTS: dict[str, dict] = {}


def event(ref, kind, pillar, fields, title, start, end, place, country, partners, participants, unit, *,
          status="held", notes="") -> None:
    EVENTS[ref] = {
        "ref": ref, "kind": kind, "pillar": pillar, "fields": fields, "title": title, "start_on": iso(start),
        "end_on": iso(end or start), "place": place, "country": country, "partners": partners,
        "participants": participants, "unit": unit, "status": status,
        "notes": "Illustrative: " + (notes or "an event of the kind the province holds every year; the date, "
                                     "place and numbers are not published."),
    }


def events() -> None:
    vinh = "TP Vinh, Nghệ An"
    for year in YEARS:
        culture = unit_for("culture", date(year, 5, 1))
        invest = unit_for("invest", date(year, 3, 1))
        spring = TET[year] + timedelta(days=rng.randrange(14, 24))
        event(f"e-mh-{year}-fdi-spring-meeting", "investment_promotion", "state", ["economic"],
              f"Hội nghị gặp mặt doanh nghiệp, nhà đầu tư FDI đầu xuân {year}", spring, None, vinh, "VN",
              [], 150 + rng.randrange(120), invest)
        if year != 2025:  # the 2025 festival is a sourced record
            event(f"e-mh-{year}-sen-village-festival", "cultural", "state", ["cultural", "tourism"],
                  f"Lễ hội Làng Sen năm {year}", date(year, 5, 15), date(year, 5, 19),
                  "Khu di tích Kim Liên, Nam Đàn, Nghệ An", "VN", [], 2000 + rng.randrange(3000), culture,
                  notes="the Sen Village Festival (seeds/003 names it) is held every year around 19 May; this "
                        "year's edition, its dates and numbers are illustrative.")
        event(f"e-mh-{year}-bunpimay", "cultural", "people", ["cultural", "education"],
              f"Tết cổ truyền Bunpimay {year} với lưu học sinh Lào đang học tập tại Nghệ An",
              date(year, 4, 11), None, "Trường Đại học Vinh, Nghệ An", "VN",
              ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"], 300 + rng.randrange(400),
              "hoi-huu-nghi-viet-lao")
        event(f"e-mh-{year}-martyrs-remains", "humanitarian", "state", ["humanitarian", "defence_security"],
              f"Lễ truy điệu, an táng hài cốt liệt sĩ quân tình nguyện và chuyên gia Việt Nam hy sinh tại Lào ({year})",
              date(year, 7, 20) - timedelta(days=rng.randrange(40)), None,
              "Nghĩa trang Liệt sĩ Quốc tế Việt – Lào, Nghệ An", "VN", ["p-la-xiengkhouang", "p-la-houaphanh"],
              400 + rng.randrange(300), "ubnd-tinh")
        event(f"e-mh-{year}-trade-fair", "trade_fair", "state", ["economic"],
              f"Hội chợ Thương mại quốc tế Nghệ An năm {year}", date(year, 6 if year == 2025 else 10, 12),
              date(year, 6 if year == 2025 else 10, 17), "Quảng trường Hồ Chí Minh, TP Vinh", "VN",
              ["p-la-bolikhamxay", "p-la-vientiane-capital", "p-th-nakhon-phanom"], 300 + rng.randrange(200),
              "so-cong-thuong")
        caexpo = {2022: date(2022, 9, 16), 2023: date(2023, 9, 17), 2024: date(2024, 9, 24), 2025: date(2025, 9, 17)}
        event(f"e-mh-{year}-caexpo", "trade_fair", "state", ["economic"],
              f"Tham gia Hội chợ Trung Quốc – ASEAN (CAEXPO) lần thứ {year - 2003} tại Nam Ninh",
              caexpo[year], caexpo[year] + timedelta(days=4), "Nam Ninh, Quảng Tây, Trung Quốc", "CN",
              ["p-cn-guangxi"], 12 + rng.randrange(10), "so-cong-thuong",
              notes="the China–ASEAN Expo is held in Nanning every September; the province's stand there is "
                    "illustrative.")
        event(f"e-mh-{year}-press-briefing", "press", "state", ["foreign_information", "cultural"],
              f"Gặp mặt, cung cấp thông tin cho phóng viên báo chí nước ngoài về Lễ hội Làng Sen và du lịch Nghệ An "
              f"năm {year}", date(year, 5, 12), None, vinh, "VN", [], 40 + rng.randrange(30), "so-ngoai-vu",
              notes="a briefing for foreign correspondents of the kind the office holds before major events "
                    "(foreign information, seeds/003); date and numbers are illustrative.")
        event(f"e-mh-{year}-friendship-football", "sports", "people", ["sports"],
              f"Giải bóng đá giao hữu thanh niên Nghệ An và các tỉnh Lào giáp biên năm {year}",
              date(year, 8, 2) + timedelta(days=rng.randrange(30)), None, vinh, "VN",
              ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"], 120 + rng.randrange(80),
              "hoi-huu-nghi-viet-lao")
    event("e-mh-2022-vietnam-laos-60-years", "commemoration", "state", ["political", "cultural"],
          "Lễ kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào (05/9/1962 – 05/9/2022) và 45 năm "
          "Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào", date(2022, 8, 26), None, vinh, "VN",
          ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay", "p-la-embassy"], 600, "ubnd-tinh",
          notes="the anniversaries are real (2022, Year of Viet Nam–Laos solidarity and friendship); the "
                "province's ceremony, its date and numbers are illustrative.")
    for year, day in ((2023, date(2023, 3, 16)), (2024, date(2024, 4, 25)), (2025, date(2025, 9, 25))):
        event(f"e-mh-{year}-investment-conference", "investment_promotion", "state", ["economic"],
              f"Hội nghị Xúc tiến đầu tư tỉnh Nghệ An năm {year}", day, None, vinh, "VN",
              ["p-jp-jetro", "p-kr-kotra", "p-sg-smf"] + (["p-kr-kocham"] if year == 2025 else []),
              450 + rng.randrange(300), unit_for("invest", day))
    abroad = [
        ("e-mh-2023-seoul-seminar", date(2023, 6, 9), "Hội thảo xúc tiến đầu tư Nghệ An tại Seoul (Hàn Quốc)",
         "Seoul, Hàn Quốc", "KR", ["p-kr-kotra", "p-kr-gyeonggi"]),
        ("e-mh-2024-shenzhen-seminar", date(2024, 5, 21),
         "Hội nghị giới thiệu môi trường đầu tư tỉnh Nghệ An tại Thâm Quyến (Quảng Đông, Trung Quốc)",
         "Thâm Quyến, Quảng Đông, Trung Quốc", "CN", ["p-cn-guangdong"]),
        ("e-mh-2024-taipei-seminar", date(2024, 9, 11), "Hội thảo xúc tiến đầu tư Nghệ An tại Đài Bắc",
         "Đài Bắc, Đài Loan (Trung Quốc)", "TW", ["p-tw-taitra"]),
        ("e-mh-2025-tokyo-seminar", date(2025, 7, 1), "Hội nghị xúc tiến đầu tư, thương mại Nghệ An tại Tokyo",
         "Tokyo, Nhật Bản", "JP", ["p-jp-jetro", "p-jp-gifu"]),
    ]
    for ref, day, title, place, country, partners in abroad:
        event(ref, "investment_promotion", "state", ["economic"], title, day, None, place, country, partners,
              120 + rng.randrange(150), unit_for("invest", day))
    event("e-mh-2023-vi-giam-vientiane", "cultural", "people", ["cultural"],
          "Chương trình giao lưu Dân ca Ví, Giặm Nghệ Tĩnh tại Thủ đô Viêng Chăn", date(2023, 9, 13), None,
          "Viêng Chăn, Lào", "LA", ["p-la-vientiane-capital"], 500, "so-vhtt",
          notes="seeds/003 names Ví, Giặm folk-song exchanges abroad; this programme, its date and place are "
                "illustrative.")
    event("e-mh-2023-hr-conference", "conference", "state", ["education"],
          "Hội thảo quốc tế về hợp tác phát triển nguồn nhân lực giữa Nghệ An và các tỉnh Lào",
          date(2023, 10, 26), date(2023, 10, 27), "Trường Đại học Vinh, Nghệ An", "VN",
          ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay", "p-la-souphanouvong-university"], 180,
          "dai-hoc-vinh", status="reported")
    event("e-mh-2024-korea-culture-day", "cultural", "people", ["cultural", "tourism"],
          "Ngày hội Văn hóa Việt Nam – Hàn Quốc tại Nghệ An", date(2024, 10, 19), None, vinh, "VN",
          ["p-kr-gwangju", "p-kr-embassy"], 1500, "lhh-huu-nghi")
    event("e-mh-2024-korea-business-matching", "investment_promotion", "state", ["economic"],
          "Hội nghị kết nối giao thương giữa doanh nghiệp Nghệ An và doanh nghiệp tỉnh Gyeonggi",
          date(2024, 11, 14), None, vinh, "VN", ["p-kr-gyeonggi", "p-kr-kotra"], 160, "so-cong-thuong")
    event("e-mh-2025-ho-chi-minh-135-conference", "conference", "state", ["political", "cultural"],
          "Hội thảo quốc tế “Chủ tịch Hồ Chí Minh với tình hữu nghị giữa các dân tộc” nhân kỷ niệm 135 năm Ngày "
          "sinh Chủ tịch Hồ Chí Minh", date(2025, 5, 16), None, vinh, "VN",
          ["p-la-embassy", "p-ru-embassy", "p-cu-pcc"], 250, "so-vhttdl", status="reported",
          notes="2025 is the 135th anniversary of President Hồ Chí Minh's birth; this seminar, its title and "
                "numbers are illustrative.")
    event("e-mh-2025-korea-business-matching", "investment_promotion", "state", ["economic"],
          "Hội nghị kết nối giao thương Nghệ An – Hàn Quốc năm 2025", date(2025, 8, 14), None, vinh, "VN",
          ["p-kr-kotra", "p-kr-kocham"], 180, "so-cong-thuong")
    event("e-mh-2025-gwangju-culture-week", "cultural", "state", ["cultural", "tourism"],
          "Tuần Văn hóa – Du lịch Nghệ An tại thành phố Gwangju (Hàn Quốc)", date(2025, 10, 14),
          date(2025, 10, 18), "Gwangju, Hàn Quốc", "KR", ["p-kr-gwangju", "p-kr-gwangju-tourism"], 900, "so-vhttdl")
    event("e-mh-2025-laos-national-day", "commemoration", "state", ["political"],
          "Gặp mặt kỷ niệm 50 năm Quốc khánh nước CHDCND Lào (02/12/1975 – 02/12/2025)", date(2025, 11, 28),
          None, vinh, "VN", ["p-la-embassy", "p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"], 350,
          "ubnd-tinh", status="permitted",
          notes="the 50th anniversary of Lao National Day is real; the province's gathering is illustrative. "
                "Recorded as permitted, its report not yet filed at the demo's date.")
    # Events on their way through the permit workflow (QĐ 06/2020): applied for, being consulted,
    # permitted for 2026, refused, withdrawn, cancelled, still a draft.
    event("e-mh-2026-route8-conference", "conference", "state", ["economic", "border"],
          "Hội thảo quốc tế về phát triển hành lang kinh tế trên Quốc lộ 8 và Quốc lộ 12 (Việt Nam – Lào – Thái Lan)",
          date(2026, 3, 24), date(2026, 3, 25), vinh, "VN",
          ["p-assoc-route-8-12", "p-la-bolikhamxay", "p-la-khammouane", "p-th-nakhon-phanom"], 200,
          "so-ngoai-vu", status="applied")
    event("e-mh-2026-japan-agri-seminar", "conference", "state", ["agriculture", "science_technology"],
          "Hội thảo quốc tế về nông nghiệp thông minh thích ứng với biến đổi khí hậu", date(2026, 4, 14), None,
          vinh, "VN", ["p-jp-gifu", "p-jp-gifu-university", "p-jp-jica"], 150, "so-nn-mt", status="consulting")
    event("e-mh-2026-overseas-spring", "other", "people", ["overseas_vietnamese"],
          "Chương trình Xuân Quê hương: gặp mặt kiều bào Nghệ An dịp Tết Bính Ngọ 2026", date(2026, 2, 6), None,
          vinh, "VN", [], 200, "so-ngoai-vu", status="permitted",
          notes="a gathering of the province's people abroad before Tết, of the kind provinces hold each year.")
    event("e-mh-2026-fdi-spring-meeting", "investment_promotion", "state", ["economic"],
          "Hội nghị gặp mặt doanh nghiệp, nhà đầu tư FDI đầu xuân 2026", date(2026, 3, 5), None, vinh, "VN", [],
          250, "so-tai-chinh", status="permitted")
    event("e-mh-2026-trade-fair", "trade_fair", "state", ["economic"], "Hội chợ Thương mại quốc tế Nghệ An năm 2026",
          date(2026, 6, 10), date(2026, 6, 15), "Quảng trường Hồ Chí Minh, TP Vinh", "VN", [], 400,
          "so-cong-thuong", status="draft")
    event("e-mh-2025-religion-seminar", "conference", "people", ["political"],
          "Hội thảo quốc tế về vai trò của các tổ chức tôn giáo nước ngoài trong công tác xã hội", date(2025, 8, 20),
          None, vinh, "VN", [], 80, "lhh-huu-nghi", status="refused",
          notes="an application refused (a sensitive subject outside the province's competence, QĐ 06/2020).")
    event("e-mh-2024-startup-forum", "conference", "state", ["science_technology"],
          "Diễn đàn khởi nghiệp đổi mới sáng tạo Nghệ An – Hàn Quốc", date(2024, 12, 6), None, vinh, "VN",
          ["p-kr-koica"], 120, "so-khcn", status="cancelled",
          notes="an event cancelled after it was permitted (the partner withdrew).")
    event("e-mh-2025-education-fair", "conference", "state", ["education"],
          "Hội thảo quốc tế giới thiệu du học và hợp tác giáo dục Nghệ An – Australia", date(2025, 11, 5), None,
          vinh, "VN", ["p-au-embassy"], 90, "so-gddt", status="withdrawn",
          notes="an application the unit withdrew before a decision.")
    for record in EVENTS.values():
        add("events", dict(record))


# --- delegations -------------------------------------------------------------------------------
DELEGATIONS: list[dict] = []
TOOK_PLACE = ("completed", "reported", "evaluated")


def _cost_items(country: str, members: int, days: int, by_road: bool) -> list[dict]:
    daily, air, visa = COSTS[country]
    nights = max(days - 1, 1)

    def vnd(amount: float) -> int:
        return int(round(amount / 100_000)) * 100_000

    items = []
    if not by_road:
        items.append({"kind": "airfare", "description": f"Vé máy bay khứ hồi ({members} người)",
                      "amount_vnd": vnd(members * air * rng.uniform(0.9, 1.15))})
    items.append({"kind": "accommodation", "description": f"Tiền phòng nghỉ ({members} người × {nights} đêm)",
                  "amount_vnd": vnd(members * nights * daily * 0.55 * rng.uniform(0.9, 1.1))})
    items.append({"kind": "per_diem", "description": f"Phụ cấp lưu trú ({members} người × {days} ngày)",
                  "amount_vnd": vnd(members * days * daily * 0.45)})
    items.append({"kind": "local_transport",
                  "description": "Thuê xe đi và về, đi lại tại nước bạn" if by_road else "Đi lại tại nước bạn",
                  "amount_vnd": vnd(days * (4_200_000 if by_road else 3_000_000) * rng.uniform(0.8, 1.2))})
    if visa:
        items.append({"kind": "visa", "description": "Lệ phí thị thực", "amount_vnd": vnd(members * visa)})
    if country != "LA":
        items.append({"kind": "insurance", "description": "Bảo hiểm du lịch quốc tế",
                      "amount_vnd": vnd(members * 350_000)})
    items.append({"kind": "interpretation", "description": "Phiên dịch",
                  "amount_vnd": vnd(days * (1_500_000 if country == "LA" else 2_800_000))})
    items.append({"kind": "gifts", "description": "Quà tặng đối tác", "amount_vnd": vnd(rng.uniform(6, 30) * 1e6)})
    if chance(0.5):
        items.append({"kind": "other", "description": "Chi phí khác (in ấn tài liệu, liên lạc)",
                      "amount_vnd": vnd(rng.uniform(2, 8) * 1e6)})
    return items


def _member_list(unit: str, head: str, members: int, start: date, end: date, took_place: bool) -> list[dict]:
    rows = [{"full_name": head, "role": "head", "position": head_title(unit), "organisation": UNIT_NAMES[unit]}]
    positions = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên chính"]
    for index in range(members - 1):
        interpreter = index == members - 2 and members >= 4
        rows.append({
            "full_name": person(), "role": "interpreter" if interpreter else "member",
            "position": "Chuyên viên, phiên dịch" if interpreter else pick(positions),
            "organisation": UNIT_NAMES["so-ngoai-vu"] if interpreter else UNIT_NAMES[unit],
        })
    for row in rows:
        row["passport_number"] = passport()
        handed = start - timedelta(days=rng.randrange(2, 6))
        if start <= DEMO_TODAY + timedelta(days=30):
            row["passport_handed_on"] = iso(handed)
        if took_place:
            row["passport_returned_on"] = iso(end + timedelta(days=rng.randrange(1, 6)))
    return rows


APPRAISALS = [
    "Sở Ngoại vụ thống nhất với đề xuất; đề nghị đơn vị bảo đảm thành phần, thời gian và kinh phí theo quy định, "
    "chuẩn bị nội dung làm việc cụ thể với đối tác.",
    "Nội dung chuyến công tác phù hợp Chương trình đối ngoại năm; đề nghị rút ngắn thời gian và giảm số thành viên "
    "để tiết kiệm kinh phí.",
    "Đề xuất phù hợp quan hệ hợp tác đã thiết lập; đề nghị phối hợp với Cơ quan đại diện Việt Nam ở nước ngoài "
    "để bố trí chương trình làm việc.",
]
EVALUATIONS = {
    5: "Chuyến công tác đạt và vượt mục tiêu: ký kết văn bản hợp tác, có dự án, đối tác cụ thể được theo dõi sau "
       "chuyến đi.",
    4: "Đạt mục tiêu đề ra; kết quả cụ thể, có kế hoạch triển khai sau chuyến đi.",
    3: "Đạt một phần mục tiêu; kết quả chủ yếu là trao đổi thông tin, cần theo dõi thêm.",
    2: "Kết quả hạn chế so với kinh phí; đề nghị rút kinh nghiệm khâu chuẩn bị nội dung làm việc.",
}


def _status_after(end: date, took_place: bool) -> str:
    """Older trips have gone through every step; the last ones of 2025 wait for their report or
    for the office's evaluation."""
    if not took_place:
        return "approved"
    if end < date(2025, 7, 1):
        return "evaluated"
    if end < date(2025, 10, 10):
        return "reported" if chance(0.3) else "evaluated"
    return "completed"


def outgoing(ref, start, days, dest, *, level, pillar, host, title, purpose, fields, outcomes, agreements=(),
             events=(), members=None, funding=None, named_members=False, status=None, notes="",
             clearance=None, appraisal=True) -> dict:
    country, partners, *_rest, by_road = DEST[dest]
    end = start + timedelta(days=days - 1)
    members = members or (rng.randrange(8, 15) if level == "provincial_leader" else rng.randrange(3, 8))
    took_place = status in TOOK_PLACE if status else end <= DEMO_TODAY
    status = status or _status_after(end, took_place)
    leader = level == "provincial_leader"
    head_name = "" if leader else person()
    head_position = pick(LEADER_POSTS[host]) if leader else head_title(host)
    funding = funding or ("state_budget" if chance(0.8) else pick(["mixed", "partner", "sponsor"]))
    items = _cost_items(country, members, days, by_road)
    cost = sum(item["amount_vnd"] for item in items)
    budget = int(round(cost * rng.uniform(1.02, 1.18) / 1_000_000)) * 1_000_000
    if funding == "partner":  # the host pays stay and travel there; the province pays the fares
        items = [item for item in items if item["kind"] in ("airfare", "visa", "insurance", "gifts")] or items[:1]
        cost = sum(item["amount_vnd"] for item in items)
        budget = int(round(cost * 1.1 / 1_000_000)) * 1_000_000
    decided = start - timedelta(days=rng.randrange(12, 30))
    record = {
        "ref": ref, "direction": "outgoing", "pillar": pillar, "level": level, "title": title, "purpose": purpose,
        "start_on": iso(start), "end_on": iso(end), "countries": [country], "partners": list(partners),
        "fields": fields, "host_unit": host, "head_name": head_name, "head_position": head_position,
        "members": members, "status": status, "funding": funding, "budget_vnd": budget,
        "agreements": list(agreements), "events": list(events),
    }
    if appraisal and status != "draft":
        record["appraisal"] = pick(APPRAISALS)
    needs_clearance = leader or pillar == "party"
    if needs_clearance and (clearance if clearance is not None else status not in ("draft",)):
        record.update(clearance_no=decision("CV/TU"), clearance_on=iso(decided - timedelta(days=5)),
                      clearance_signer="Thường trực Tỉnh ủy")
    if status in ("approved", "rejected", "cancelled", *TOOK_PLACE):
        record.update(decision_no=decision(), decision_on=iso(decided),
                      decision_signer="Chủ tịch UBND tỉnh" if leader else "Phó Chủ tịch UBND tỉnh")
    if status in TOOK_PLACE:
        record["outcomes"] = outcomes
        record["report_due_on"] = iso(end + timedelta(days=15))
    if status in ("reported", "evaluated"):
        late = chance(0.15)
        record.update(
            reported_on=iso(end + timedelta(days=rng.randrange(16, 26) if late else rng.randrange(4, 15))),
            report=f"Báo cáo kết quả: {outcomes} Tổng chi phí thực tế theo các khoản chi kèm theo.",
            cost_vnd=cost,
        )
        if end.year >= 2024:  # older trips came from the office's files with their totals only
            record["cost_items"] = items
        if record["agreements"] or chance(0.4):
            record["report_followups"] = ("Giao các sở, ngành liên quan xây dựng kế hoạch triển khai nội dung đã "
                                          "thống nhất; báo cáo kết quả trước ngày 30/12.")
    if status == "evaluated":
        rating = 5 if record["agreements"] else pick([3, 4, 4, 4, 5, 3, 2])
        record.update(rating=rating, evaluation=EVALUATIONS[rating])
    if named_members:
        record["member_list"] = _member_list(host, head_name or person(), members, start, end, status in TOOK_PLACE)
        record["head_name"] = record["member_list"][0]["full_name"]
    record["notes"] = "Illustrative: " + (notes or "a trip of the kind the province sends each year; its members, "
                                          "dates, costs and results are not published.")
    DELEGATIONS.append(record)
    return record


def incoming(ref, start, days, *, reception, country, partners, pillar, host, title, purpose, fields, visitors,
             head_position="", agreements=(), events=(), status=None, permit_on=None, notes="",
             appraisal=True, conditions="") -> dict:
    end = start + timedelta(days=days - 1)
    if status is None:  # visits of the last weeks still wait for their report or evaluation
        status = ("approved" if end > DEMO_TODAY else "completed" if end >= date(2025, 10, 28)
                  else "reported" if end >= date(2025, 9, 15) and chance(0.4) else "evaluated")
    record = {
        "ref": ref, "direction": "incoming", "pillar": pillar,
        "level": "provincial_leader" if reception == "received" else "unit", "title": title, "purpose": purpose,
        "start_on": iso(start), "end_on": iso(end), "countries": [country], "partners": partners, "fields": fields,
        "host_unit": host, "head_position": head_position, "foreign_visitors": visitors, "reception": reception,
        "permit_on": iso(permit_on), "status": status, "agreements": list(agreements), "events": list(events),
    }
    if appraisal and status not in ("draft",):
        record["appraisal"] = "Sở Ngoại vụ đã thẩm định; đề nghị chấp thuận, đơn vị chủ trì bảo đảm an ninh, an toàn."
    if status in ("approved", "rejected", *TOOK_PLACE):
        record.update(decision_no=decision("UBND-NV" if reception == "permitted" else "QĐ-UBND"),
                      decision_on=iso(permit_on or start - timedelta(days=rng.randrange(5, 15))),
                      decision_signer="Phó Chủ tịch UBND tỉnh")
        if conditions:
            record["conditions"] = conditions
    if status in TOOK_PLACE:
        record["outcomes"] = "Hai bên trao đổi thông tin, thống nhất các nội dung hợp tác tiếp theo."
        record["report_due_on"] = iso(end + timedelta(days=9))  # 7 working days (rule post_visit_report)
    if status in ("reported", "evaluated"):
        record.update(report="Báo cáo kết quả đón, làm việc với đoàn; các nội dung thống nhất đã giao sở, ngành theo "
                             "dõi.",
                      reported_on=iso(end + timedelta(days=rng.randrange(3, 10))))
    if status == "evaluated":
        record.update(rating=4, evaluation="Chuyến thăm đạt mục đích; các nội dung trao đổi đã được giao theo dõi.")
    record["notes"] = "Illustrative: " + (notes or "a visit of the kind the province receives each year; the "
                                          "delegation's head is named by post only; dates and numbers are not "
                                          "published.")
    DELEGATIONS.append(record)
    return record


# Unit-level trips: (host line, pillar, fields, destinations, title, purpose, outcomes)
UNIT_TRIPS = [
    ("so-cong-thuong", "state", ["economic"], ["vc", "xk", "gx", "gd", "gg", "seoul", "tokyo", "bkk", "tw", "sg"],
     "Đoàn Sở Công Thương xúc tiến thương mại, kết nối tiêu thụ sản phẩm tại {place}",
     "Giới thiệu sản phẩm chủ lực của tỉnh (nông sản chế biến, dệt may, vật liệu xây dựng); kết nối doanh nghiệp "
     "Nghệ An với nhà nhập khẩu và hệ thống phân phối.",
     "Làm việc với cơ quan xúc tiến thương mại sở tại và {n} doanh nghiệp nhập khẩu; {k} doanh nghiệp Nghệ An ký "
     "thỏa thuận nguyên tắc về cung ứng hàng hóa."),
    ("invest", "state", ["economic"], ["seoul", "tokyo", "gd", "tw", "sg", "hk", "bkk"],
     "Đoàn {unit} xúc tiến đầu tư tại {place}",
     "Giới thiệu môi trường đầu tư, các khu công nghiệp và dự án kêu gọi đầu tư của tỉnh; gặp gỡ nhà đầu tư tiềm năng.",
     "Gặp gỡ {n} doanh nghiệp; {k} nhà đầu tư đăng ký khảo sát thực địa tại Nghệ An."),
    ("bql-kkt", "state", ["economic"], ["seoul", "tokyo", "tw", "sg", "gd", "hk"],
     "Đoàn Ban Quản lý Khu kinh tế Đông Nam làm việc với nhà đầu tư thứ cấp tại {place}",
     "Giới thiệu quỹ đất, hạ tầng các khu công nghiệp VSIP, WHA, Hoàng Mai; hỗ trợ nhà đầu tư thứ cấp.",
     "Làm việc với {n} doanh nghiệp sản xuất linh kiện; {k} doanh nghiệp hẹn khảo sát khu công nghiệp."),
    ("so-gddt", "state", ["education"], ["xk", "hp", "blx", "svk", "vc"],
     "Đoàn Sở Giáo dục và Đào tạo làm việc về đào tạo lưu học sinh và hợp tác giáo dục tại {place}",
     "Trao đổi về tuyển sinh, đào tạo lưu học sinh Lào tại Nghệ An và dạy tiếng Việt cho cán bộ, học sinh Lào.",
     "Thống nhất chỉ tiêu đào tạo {n} lưu học sinh năm học mới; hỗ trợ {k} giáo viên dạy tiếng Việt."),
    ("so-y-te", "state", ["health"], ["xk", "hp", "blx", "gg", "tokyo"],
     "Đoàn Sở Y tế trao đổi kinh nghiệm khám, chữa bệnh và y tế dự phòng tại {place}",
     "Trao đổi kinh nghiệm khám, chữa bệnh, phòng chống dịch bệnh vùng biên giới; đào tạo nhân lực y tế.",
     "Thống nhất tiếp nhận {n} học viên y khoa; khám bệnh, cấp thuốc miễn phí cho {k}0 người dân vùng biên."),
    ("agri", "state", ["agriculture"], ["gifu", "il", "xk", "hp", "tokyo", "bkk"],
     "Đoàn {unit} học tập mô hình nông nghiệp công nghệ cao tại {place}",
     "Tìm hiểu mô hình sản xuất nông nghiệp công nghệ cao, chuỗi giá trị nông sản và đào tạo thực tập sinh.",
     "Tham quan {n} mô hình; đề xuất áp dụng {k} mô hình tại các vùng sản xuất tập trung của tỉnh."),
    ("tourism", "state", ["tourism", "cultural"], ["gj", "tokyo", "bkk", "vc", "xk", "seoul"],
     "Đoàn {unit} xúc tiến, quảng bá du lịch Nghệ An tại {place}",
     "Quảng bá điểm đến Nghệ An, kết nối doanh nghiệp lữ hành, mở tour du lịch qua cửa khẩu.",
     "Làm việc với {n} doanh nghiệp lữ hành; {k} doanh nghiệp cam kết đưa khách đến Nghệ An."),
    ("so-ngoai-vu", "state", ["political"], ["xk", "hp", "blx", "vc", "km", "svk", "xsb"],
     "Đoàn Sở Ngoại vụ làm việc với Sở Ngoại vụ tỉnh {short} về triển khai hợp tác",
     "Rà soát kết quả thực hiện biên bản hợp tác giữa hai tỉnh, thống nhất kế hoạch đoàn ra, đoàn vào.",
     "Thống nhất {n} nội dung hợp tác và lịch trao đổi đoàn; rà soát {k} hoạt động còn chậm."),
    ("bdbp-tinh", "state", ["border", "defence_security"], ["xk", "hp", "blx"],
     "Đoàn Bộ Chỉ huy Bộ đội Biên phòng tỉnh hội đàm về quản lý, bảo vệ biên giới tại {place}",
     "Hội đàm định kỳ về quản lý, bảo vệ đường biên, mốc quốc giới; phối hợp phòng, chống tội phạm qua biên giới.",
     "Thống nhất {n} nội dung phối hợp tuần tra song phương; trao đổi {k} vụ việc qua biên giới."),
    ("cong-an-tinh", "state", ["defence_security"], ["xk", "hp", "blx"],
     "Đoàn Công an tỉnh hội đàm hợp tác phòng, chống tội phạm xuyên biên giới tại {place}",
     "Trao đổi thông tin, phối hợp phòng, chống tội phạm ma túy, mua bán người qua biên giới.",
     "Ký kết kế hoạch phối hợp; trao trả {k} đối tượng theo quy định."),
    ("so-khcn", "state", ["science_technology"], ["seoul", "tokyo", "il", "sg"],
     "Đoàn Sở Khoa học và Công nghệ tìm hiểu hệ sinh thái đổi mới sáng tạo tại {place}",
     "Tìm hiểu mô hình vườn ươm khởi nghiệp, chuyển giao công nghệ và chuyển đổi số.",
     "Làm việc với {n} tổ chức khoa học, công nghệ; đề xuất {k} nội dung hợp tác."),
    ("lhh-huu-nghi", "people", ["cultural", "political"], ["xk", "hp", "blx", "vc", "uly"],
     "Đoàn Liên hiệp các tổ chức hữu nghị tỉnh giao lưu hữu nghị nhân dân tại {place}",
     "Giao lưu hữu nghị, thăm hỏi gia đình cựu chiến binh, chuyên gia từng công tác tại Nghệ An.",
     "Tổ chức {n} buổi giao lưu; trao {k}0 suất quà cho gia đình chính sách."),
    ("hoi-huu-nghi-viet-lao", "people", ["cultural", "education"], ["xk", "hp", "blx", "svk"],
     "Đoàn Hội Hữu nghị Việt Nam – Lào tỉnh thăm, giao lưu tại {place}",
     "Thăm cựu lưu học sinh Lào từng học tập tại Nghệ An, giao lưu văn hóa, tặng sách tiếng Việt.",
     "Gặp mặt {n}0 cựu lưu học sinh; tặng {k}00 cuốn sách tiếng Việt."),
    ("dai-hoc-vinh", "state", ["education"], ["uly", "gifu", "lpb"],
     "Đoàn Trường Đại học Vinh làm việc về hợp tác đào tạo, trao đổi giảng viên, sinh viên tại {place}",
     "Hợp tác đào tạo, trao đổi giảng viên và sinh viên, nghiên cứu chung.",
     "Thống nhất trao đổi {n} giảng viên, {k} sinh viên mỗi năm."),
]
# Leader-level trips: (host, pillar, fields, destinations, title, purpose, outcomes)
LEADER_TRIPS = [
    ("ubnd-tinh", "state", ["political", "border"], LAO,
     "Đoàn đại biểu cấp cao tỉnh Nghệ An thăm và làm việc tại {place}",
     "Thăm, làm việc với lãnh đạo tỉnh bạn; đánh giá hợp tác, thống nhất nội dung hợp tác thời gian tới.",
     "Hội đàm với lãnh đạo tỉnh bạn; thống nhất {n} nội dung hợp tác trọng tâm; trao tặng {k} công trình, phần quà."),
    ("tinh-uy", "party", ["political"], ("xk", "hp", "blx", "vc", "gx", "hn"),
     "Đoàn đại biểu Tỉnh ủy Nghệ An thăm và làm việc tại {place}",
     "Trao đổi kinh nghiệm công tác xây dựng Đảng, lãnh đạo phát triển kinh tế – xã hội; tăng cường quan hệ giữa hai "
     "Đảng bộ.", "Trao đổi kinh nghiệm về {n} chuyên đề; thống nhất trao đổi đoàn cán bộ hằng năm."),
    ("hdnd-tinh", "state", ["political"], ("xk", "hp", "blx", "gj"),
     "Đoàn Thường trực HĐND tỉnh thăm và làm việc tại {place}",
     "Trao đổi kinh nghiệm hoạt động của cơ quan dân cử, giám sát việc thực hiện các thỏa thuận hợp tác.",
     "Trao đổi kinh nghiệm về {n} nội dung giám sát; thống nhất trao đổi đoàn đại biểu dân cử."),
    ("ubnd-tinh", "state", ["economic"], ("tokyo", "seoul", "sg", "tw", "hk", "gd", "in"),
     "Đoàn công tác của tỉnh xúc tiến đầu tư, thương mại tại {place}",
     "Xúc tiến đầu tư, làm việc với các tập đoàn, nhà đầu tư tiềm năng và cơ quan xúc tiến thương mại sở tại.",
     "Làm việc với {n} tập đoàn, doanh nghiệp; trao quyết định chủ trương đầu tư cho {k} dự án."),
    ("ubnd-tinh", "state", ["political", "cultural"], ("uly", "cu", "de", "cz", "au"),
     "Đoàn công tác của tỉnh thăm và làm việc tại {place}",
     "Thúc đẩy quan hệ hữu nghị, hợp tác; gặp gỡ cộng đồng người Việt, người Nghệ An tại nước sở tại.",
     "Làm việc với chính quyền sở tại; gặp mặt {n}00 bà con người Việt; thống nhất {k} nội dung hợp tác."),
]


def _fill(template: str, dest: str, unit: str, year: int) -> str:
    _country, _partners, place, short, _road = DEST[dest]
    return template.format(place=place, short=short, unit=UNIT_NAMES.get(unit, ""), year=year,
                           n=rng.randrange(3, 9), k=rng.randrange(1, 5))


def _trip_days(dest: str) -> int:
    country = DEST[dest][0]
    return rng.randrange(2, 5) if country in ("LA", "TH") else rng.randrange(4, 8)


SOURCED_COUNTS: Counter = Counter()


def _count_sourced(sourced: dict) -> None:
    for d in sourced.get("delegations", []):
        start = date.fromisoformat(d["start_on"])
        year = start.year
        if d["status"] not in TOOK_PLACE and d.get("reception") != "permitted":
            continue
        if d["direction"] == "outgoing" and start <= COUNTED_UNTIL.get(year, date.min):
            SOURCED_COUNTS[("out", year)] += 1
            if d.get("level") == "provincial_leader":
                SOURCED_COUNTS[("leaders", year)] += 1
        elif d.get("reception") == "received" and start <= COUNTED_UNTIL.get(year, date.min):
            SOURCED_COUNTS[("received", year)] += 1
            SOURCED_COUNTS[("visitors", year)] += d.get("foreign_visitors") or 0
        elif d.get("reception") == "permitted" and d.get("permit_on"):
            permit = date.fromisoformat(d["permit_on"])
            if permit <= COUNTED_UNTIL.get(permit.year, date.min):
                SOURCED_COUNTS[("permitted", permit.year)] += 1


def _avoid(year: int):
    return [tet_break(year)]


def delegations_outgoing() -> None:
    serial = Counter()

    def ref(year):
        serial[year] += 1
        return f"mh-{year}-out-{serial[year]:02d}"

    fixed = Counter()
    # Trips on which an agreement was signed, and trips to events abroad.
    for agreement_ref, (kind, where, on) in sorted(SIGNED_ON_TRIP.items(), key=lambda kv: kv[1][2]):
        if kind != "out":
            continue
        record = next(a for a in AGREEMENTS if a["ref"] == agreement_ref)
        host = record["units"][0]
        leader = host in ("ubnd-tinh", "tinh-uy", "hdnd-tinh")
        year = on.year
        days = 3 if DEST[where][0] == "LA" else 5
        start = on - timedelta(days=1)
        if where == "gg":
            start, days, host, leader = date(2023, 6, 6), 6, "ubnd-tinh", True
        if where == "gifu":
            start, days, host, leader = date(2025, 6, 29), 6, "ubnd-tinh", True
        trip_events = {"gg": ["e-mh-2023-seoul-seminar"], "gifu": ["e-mh-2025-tokyo-seminar"]}.get(where, [])
        if where == "gifu":
            countries_extra = "tokyo"
        else:
            countries_extra = None
        pillar = "party" if host == "tinh-uy" else "state"
        if leader:
            title = (f"Đoàn đại biểu cấp cao tỉnh Nghệ An thăm, hội đàm và ký kết văn bản hợp tác với {DEST[where][2]}"
                     if DEST[where][0] == "LA" else f"Đoàn công tác của tỉnh thăm và làm việc tại {DEST[where][2]}")
            if where == "gg":
                title = "Đoàn công tác của tỉnh xúc tiến đầu tư, thương mại tại Hàn Quốc (Seoul, tỉnh Gyeonggi)"
            if where == "gifu":
                title = "Đoàn công tác của tỉnh xúc tiến đầu tư và làm việc tại Nhật Bản (Tokyo, tỉnh Gifu)"
        else:
            title = f"Đoàn {UNIT_NAMES[host]} làm việc và ký kết văn bản hợp tác tại {DEST[where][2]}"
        trip = outgoing(
            ref(year), start, days, where, level="provincial_leader" if leader else "unit", pillar=pillar, host=host,
            title=title, purpose=f"Hội đàm, ký kết {record['title_vi'][0].lower()}{record['title_vi'][1:]}.",
            fields=record["fields"], outcomes=f"Ký kết {record['title_vi'][0].lower()}{record['title_vi'][1:]}; "
            "thống nhất kế hoạch triển khai.", agreements=[agreement_ref], events=trip_events,
            named_members=not leader)
        if countries_extra:
            trip["partners"] = sorted(set(trip["partners"]) | set(DEST[countries_extra][1]))
        if where == "gg":
            trip["partners"] = sorted(set(trip["partners"]) | {"p-kr-kotra"})
        fixed[("out", year)] += 1
        fixed[("leaders", year)] += leader
    for year, dest, host, event_ref, leader in (
        (2022, "gx", "so-cong-thuong", "e-mh-2022-caexpo", False),
        (2023, "gx", "so-cong-thuong", "e-mh-2023-caexpo", False),
        (2024, "gx", "so-cong-thuong", "e-mh-2024-caexpo", False),
        (2025, "gx", "so-cong-thuong", "e-mh-2025-caexpo", False),
        (2023, "vc", "so-vhtt", "e-mh-2023-vi-giam-vientiane", False),
        (2024, "gd", "ubnd-tinh", "e-mh-2024-shenzhen-seminar", True),
        (2024, "tw", "bql-kkt", "e-mh-2024-taipei-seminar", False),
        (2025, "gj", "so-vhttdl", "e-mh-2025-gwangju-culture-week", False),
    ):
        ev = EVENTS[event_ref]
        start = date.fromisoformat(ev["start_on"]) - timedelta(days=1)
        days = (date.fromisoformat(ev["end_on"]) - start).days + 2
        title = (f"Đoàn {UNIT_NAMES[host]} tham gia {ev['title'][0].lower()}{ev['title'][1:]}" if not leader else
                 f"Đoàn công tác của tỉnh xúc tiến đầu tư tại {DEST[dest][2]}")
        if ev["title"].startswith("Tham gia"):
            title = f"Đoàn {UNIT_NAMES[host]} {ev['title'][0].lower()}{ev['title'][1:]}"
        outgoing(ref(year), start, days, dest, level="provincial_leader" if leader else "unit", pillar="state",
                 host=host, title=title, purpose=f"{ev['title']}.", fields=ev["fields"],
                 outcomes=f"Tổ chức thành công {ev['title'][0].lower()}{ev['title'][1:]}; gặp gỡ "
                          f"{rng.randrange(20, 60)} doanh nghiệp, đối tác.", events=[event_ref],
                 named_members=not leader)
        fixed[("out", year)] += 1
        fixed[("leaders", year)] += leader
    # The rest, to the yearly figures.
    for year in YEARS:
        total, leaders = OUTGOING[year]
        need_leaders = leaders - SOURCED_COUNTS[("leaders", year)] - fixed[("leaders", year)]
        need_units = total - leaders - (SOURCED_COUNTS[("out", year)] - SOURCED_COUNTS[("leaders", year)]) \
            - (fixed[("out", year)] - fixed[("leaders", year)])
        assert need_leaders >= 0 and need_units >= 0, (year, need_leaders, need_units)
        last = COUNTED_UNTIL[year] - timedelta(days=8)
        for start in sorted_days(need_leaders, max(date(year, 1, 5), REOPENED), last, _avoid(year)):
            host, pillar, fields, dests, title, purpose, outcomes = pick(LEADER_TRIPS)
            dest = pick(dests)
            if start.month == 4 and DEST[dest][0] == "LA":
                host, pillar, title, purpose, outcomes = (
                    "ubnd-tinh", "state", "Đoàn đại biểu cấp cao tỉnh Nghệ An thăm, chúc Tết cổ truyền Bunpimay tại "
                    "{place}", "Chúc Tết cổ truyền Bunpimay, thăm hỏi lãnh đạo và nhân dân tỉnh bạn.",
                    "Thăm, chúc Tết lãnh đạo tỉnh bạn; trao {k} phần quà cho gia đình chính sách, học sinh nghèo.")
            outgoing(ref(year), start, _trip_days(dest), dest, level="provincial_leader", pillar=pillar, host=host,
                     title=_fill(title, dest, host, year), purpose=purpose, fields=fields,
                     outcomes=_fill(outcomes, dest, host, year))
        hosts = [trip for trip in UNIT_TRIPS if trip[0] != "so-noi-vu"]
        starts = sorted_days(need_units, max(date(year, 1, 5), REOPENED), last, _avoid(year))
        for index, start in enumerate(starts):
            # The Department of Industry and Trade (the demo unit user's) has a few trips every year,
            # and the last ones of 2025 wait for their reports.
            line, pillar, fields, dests, title, purpose, outcomes = (UNIT_TRIPS[0] if index % 10 == 0
                                                                     else pick(hosts))
            host = unit_for(line, start)
            if year == 2025 and index in (len(starts) - 1, len(starts) - 4):
                line, pillar, fields, dests, title, purpose, outcomes = UNIT_TRIPS[0]
                host = "so-cong-thuong"
            dest = pick(dests)
            outgoing(ref(year), start, _trip_days(dest), dest, level="unit", pillar=pillar, host=host,
                     title=_fill(title, dest, host, year), purpose=purpose, fields=fields,
                     outcomes=_fill(outcomes, dest, host, year),
                     named_members=host == "so-cong-thuong" or (year == 2025 and chance(0.5)))


RECEIVED_KINDS = [
    # (partners' destination key or partner ref, country, pillar, host, title, head post, fields)
    ("lao", "LA", "state", "ubnd-tinh", "Đoàn đại biểu cấp cao tỉnh {short} (Lào) thăm và làm việc tại Nghệ An",
     "Phó Tỉnh trưởng tỉnh {short}", ["political"]),
    ("lao", "LA", "party", "tinh-uy", "Đoàn đại biểu Tỉnh ủy {short} (Lào) thăm, trao đổi kinh nghiệm tại Nghệ An",
     "Phó Bí thư Tỉnh ủy {short}", ["political"]),
    ("p-cn-guangxi", "CN", "party", "tinh-uy", "Đoàn đại biểu Khu ủy Quảng Tây (Trung Quốc) thăm và làm việc tại "
                                               "Nghệ An",
     "Ủy viên Thường vụ Khu ủy Quảng Tây", ["political", "economic"]),
    ("p-cn-hunan", "CN", "state", "ubnd-tinh", "Đoàn đại biểu tỉnh Hồ Nam (Trung Quốc) thăm và làm việc tại Nghệ An",
     "Phó Tỉnh trưởng tỉnh Hồ Nam", ["economic"]),
    ("p-kr-gyeonggi", "KR", "state", "so-cong-thuong",
     "Đoàn doanh nghiệp tỉnh Gyeonggi (Hàn Quốc) thăm, tìm hiểu cơ hội kinh doanh tại Nghệ An",
     "Giám đốc Trung tâm Xúc tiến thương mại Gyeonggi", ["economic"]),
    ("p-kr-gwangju", "KR", "state", "ubnd-tinh", "Đoàn đại biểu thành phố Gwangju (Hàn Quốc) thăm và làm việc tại "
                                                 "Nghệ An",
     "Phó Thị trưởng thành phố Gwangju", ["economic", "tourism"]),
    ("p-jp-gifu", "JP", "state", "ubnd-tinh", "Đoàn đại biểu tỉnh Gifu (Nhật Bản) thăm và làm việc tại Nghệ An",
     "Phó Thống đốc tỉnh Gifu", ["agriculture", "labour"]),
    ("p-jp-jetro", "JP", "state", "so-cong-thuong",
     "Đoàn doanh nghiệp Nhật Bản do JETRO Hà Nội dẫn đầu khảo sát môi trường đầu tư tại Nghệ An",
     "Trưởng đại diện JETRO Hà Nội", ["economic"]),
    ("p-kr-kotra", "KR", "state", "so-cong-thuong",
     "Đoàn doanh nghiệp Hàn Quốc do KOTRA Hà Nội dẫn đầu kết nối giao thương tại Nghệ An",
     "Giám đốc KOTRA Hà Nội", ["economic"]),
    ("p-jp-embassy", "JP", "state", "ubnd-tinh", "Đại sứ Nhật Bản tại Việt Nam thăm và làm việc tại Nghệ An",
     "Đại sứ đặc mệnh toàn quyền Nhật Bản tại Việt Nam", ["political", "economic"]),
    ("p-kr-embassy", "KR", "state", "ubnd-tinh", "Đại sứ Hàn Quốc tại Việt Nam thăm và làm việc tại Nghệ An",
     "Đại sứ đặc mệnh toàn quyền Hàn Quốc tại Việt Nam", ["political", "economic"]),
    ("p-la-embassy", "LA", "state", "ubnd-tinh", "Đại sứ Lào tại Việt Nam thăm và làm việc tại Nghệ An",
     "Đại sứ đặc mệnh toàn quyền CHDCND Lào tại Việt Nam", ["political"]),
    ("p-ru-embassy", "RU", "state", "ubnd-tinh", "Đại sứ Liên bang Nga tại Việt Nam thăm và làm việc tại Nghệ An",
     "Đại sứ đặc mệnh toàn quyền Liên bang Nga tại Việt Nam", ["political", "education"]),
    ("p-au-embassy", "AU", "state", "ubnd-tinh", "Đại sứ Australia tại Việt Nam thăm và làm việc tại Nghệ An",
     "Đại sứ Australia tại Việt Nam", ["education", "economic"]),
    ("p-io-worldbank", "US", "state", "ubnd-tinh",
     "Đoàn công tác Ngân hàng Thế giới làm việc về các dự án vay vốn trên địa bàn tỉnh",
     "Giám đốc quốc gia Ngân hàng Thế giới tại Việt Nam", ["economic"]),
    ("p-jp-jica", "JP", "state", "ubnd-tinh", "Đoàn công tác JICA làm việc về các dự án ODA của Nhật Bản tại Nghệ An",
     "Trưởng đại diện JICA Việt Nam", ["economic", "agriculture"]),
    ("p-kr-koica", "KR", "state", "ubnd-tinh", "Đoàn công tác KOICA làm việc về dự án viện trợ không hoàn lại tại "
                                               "Nghệ An",
     "Giám đốc quốc gia KOICA Việt Nam", ["health"]),
    ("p-ru-ulyanovsk", "RU", "people", "lhh-huu-nghi",
     "Đoàn đại biểu hữu nghị tỉnh Ulyanovsk (Liên bang Nga) thăm quê hương Chủ tịch Hồ Chí Minh",
     "Phó Chủ tịch Hội Hữu nghị Nga – Việt tỉnh Ulyanovsk", ["cultural"]),
]
PERMITTED_KINDS = [
    # (partners or None, country, pillar, host line, title, fields)
    ("ngo", None, "people", "so-y-te", "Đoàn công tác {org} khảo sát, giám sát dự án viện trợ tại tỉnh", ["health"]),
    ("ngo", None, "people", "so-gddt", "Đoàn công tác {org} làm việc về chương trình hỗ trợ giáo dục tại tỉnh",
     ["education"]),
    ("ngo", None, "people", "lhh-huu-nghi", "Đoàn công tác {org} làm việc với Liên hiệp các tổ chức hữu nghị tỉnh",
     ["humanitarian"]),
    ("ngo", None, "people", "agri", "Đoàn công tác {org} khảo sát dự án sinh kế nông thôn tại tỉnh", ["agriculture"]),
    ("lao", "LA", "state", "so-gddt", "Đoàn Sở Giáo dục và Thể thao tỉnh {short} (Lào) trao đổi kinh nghiệm quản lý "
     "giáo dục", ["education"]),
    ("lao", "LA", "state", "so-y-te", "Đoàn Sở Y tế tỉnh {short} (Lào) trao đổi kinh nghiệm phòng, chống dịch bệnh",
     ["health"]),
    ("lao", "LA", "state", "so-ngoai-vu", "Đoàn Sở Ngoại vụ tỉnh {short} (Lào) làm việc với Sở Ngoại vụ",
     ["political"]),
    ("lao", "LA", "state", "so-cong-thuong", "Đoàn Sở Công Thương tỉnh {short} (Lào) làm việc về hợp tác thương mại "
     "qua biên giới", ["economic"]),
    (["p-ru-ulspu"], "RU", "state", "dai-hoc-vinh", "Đoàn Trường Đại học Sư phạm Quốc gia Ulyanovsk làm việc với "
     "Trường Đại học Vinh", ["education"]),
    (["p-jp-gifu-university"], "JP", "state", "dai-hoc-vinh", "Đoàn Trường Đại học Gifu làm việc với Trường Đại học "
     "Vinh", ["education", "agriculture"]),
    (["p-la-souphanouvong-university"], "LA", "state", "dai-hoc-vinh", "Đoàn Trường Đại học Xuphanuvông (Lào) làm việc "
     "với Trường Đại học Vinh", ["education"]),
    ([], "KR", "state", "bql-kkt", "Đoàn doanh nghiệp Hàn Quốc khảo sát địa điểm đầu tư tại Khu kinh tế Đông Nam",
     ["economic"]),
    ([], "CN", "state", "bql-kkt", "Đoàn doanh nghiệp Trung Quốc khảo sát địa điểm đầu tư tại khu công nghiệp VSIP "
     "Nghệ An", ["economic"]),
    ([], "TW", "state", "invest", "Đoàn doanh nghiệp Đài Loan (Trung Quốc) tìm hiểu môi trường đầu tư tại Nghệ An",
     ["economic"]),
    ([], "JP", "state", "so-cong-thuong", "Đoàn doanh nghiệp Nhật Bản tìm hiểu nguồn cung nông sản, thực phẩm tại "
     "Nghệ An", ["economic"]),
    (["p-kr-kotra"], "KR", "state", "so-cong-thuong", "Đoàn doanh nghiệp Hàn Quốc kết nối giao thương với doanh nghiệp "
     "Nghệ An", ["economic"]),
    (["p-us-embassy"], "US", "state", "so-ngoai-vu", "Đoàn công tác Đại sứ quán Hoa Kỳ làm việc với Sở Ngoại vụ",
     ["political"]),
    (["p-jp-embassy"], "JP", "state", "so-ngoai-vu", "Đoàn công tác Đại sứ quán Nhật Bản tìm hiểu tình hình thực tập "
     "sinh, lao động", ["labour"]),
    ([], "KR", "state", "tourism", "Đoàn doanh nghiệp lữ hành Hàn Quốc khảo sát sản phẩm du lịch Nghệ An (famtrip)",
     ["tourism"]),
    (["p-th-nakhon-phanom"], "TH", "state", "tourism", "Đoàn Sở Du lịch và Thể thao tỉnh Nakhon Phanom (Thái Lan) khảo "
     "sát tuyến du lịch đường bộ qua Lào", ["tourism"]),
]


def delegations_incoming() -> None:
    serial = Counter()

    def ref(year, kind):
        serial[(year, kind)] += 1
        return f"mh-{year}-{kind}-{serial[(year, kind)]:02d}"

    lao_keys = [k for k in LAO if k != "lpb"]
    fixed = Counter()
    fixed_visitors = Counter()
    # Lao leaders who came to sign (the yearly minutes in Nghệ An, the Savannakhet and Xaysomboun MOUs).
    for agreement_ref, (kind, where, on) in sorted(SIGNED_ON_TRIP.items(), key=lambda kv: kv[1][2]):
        if kind != "in":
            continue
        record = next(a for a in AGREEMENTS if a["ref"] == agreement_ref)
        visitors = rng.randrange(10, 22)
        incoming(ref(on.year, "rec"), on - timedelta(days=1), 3, reception="received", country="LA",
                 partners=DEST[where][1], pillar="state", host="ubnd-tinh",
                 title=f"Đoàn đại biểu cấp cao tỉnh {DEST[where][3]} (Lào) thăm, hội đàm và ký kết văn bản hợp tác "
                       "với tỉnh Nghệ An",
                 purpose=f"Hội đàm, ký kết {record['title_vi'][0].lower()}{record['title_vi'][1:]}.",
                 fields=record["fields"], visitors=visitors, head_position=f"Tỉnh trưởng tỉnh {DEST[where][3]}",
                 agreements=[agreement_ref])
        fixed[on.year] += 1
        fixed_visitors[on.year] += visitors
    # The rest, to the yearly numbers of delegations and visitors received.
    for year in YEARS:
        count, visitors = RECEIVED[year]
        need = count - SOURCED_COUNTS[("received", year)] - fixed[year]
        need_visitors = visitors - SOURCED_COUNTS[("visitors", year)] - fixed_visitors[year]
        shares = split_exact(need_visitors, need, floor=3, low=0.4, high=1.8)
        last = COUNTED_UNTIL[year] - timedelta(days=3)
        tet = TET[year]
        days = sorted_days(need, max(date(year, 1, 4), REOPENED), last,
                           [(tet - timedelta(days=1), tet + timedelta(days=6))])
        for index, (start, visitors_here) in enumerate(zip(days, shares, strict=True)):
            key, country, pillar, host, title, head, fields = pick(RECEIVED_KINDS)
            # Every year, the Department of Industry and Trade hosts some business delegations.
            if index % 8 == 2:
                key, country, pillar, host, title, head, fields = RECEIVED_KINDS[8 if index % 16 == 2 else 4]
            if key == "lao":
                dest = pick(lao_keys)
                partners, short = DEST[dest][1], DEST[dest][3]
                if tet - timedelta(days=20) <= start < tet:
                    title = "Đoàn đại biểu tỉnh {short} (Lào) thăm, chúc Tết Nguyên đán tỉnh Nghệ An"
            else:
                partners, short = [key], ""
            incoming(ref(year, "rec"), start, rng.randrange(1, 4), reception="received", country=country,
                     partners=partners, pillar=pillar, host=host, title=title.format(short=short),
                     purpose="Thăm, làm việc với lãnh đạo tỉnh; trao đổi về tình hình và phương hướng hợp tác.",
                     fields=fields, visitors=visitors_here, head_position=head.format(short=short))
    # Delegations permitted to work with a unit (counted by the permit's date).
    ngo_partners = [NGO_PARTNER[name] for name, *_rest in NGOS]
    for year in YEARS:
        need = PERMITTED[year] - SOURCED_COUNTS[("permitted", year)]
        last = COUNTED_UNTIL[year] - timedelta(days=2)
        for permit in sorted_days(need, max(date(year, 1, 6), REOPENED), last):
            partners, country, pillar, line, title, fields = pick(PERMITTED_KINDS)
            short, org = "", ""
            if partners == "ngo":
                ngo = rng.randrange(len(NGOS))
                partners, country, org = [ngo_partners[ngo]], NGOS[ngo][2], NGOS[ngo][1]
            elif partners == "lao":
                dest = pick(lao_keys)
                partners, short = DEST[dest][1], DEST[dest][3]
            start = permit + timedelta(days=rng.randrange(4, 18))
            incoming(ref(year, "per"), start, rng.randrange(1, 5), reception="permitted", country=country,
                     partners=list(partners), pillar=pillar, host=unit_for(line, permit),
                     title=title.format(short=short, org=org),
                     purpose=f"Làm việc với {UNIT_NAMES[unit_for(line, permit)]} theo chương trình đã đăng ký với "
                             "Sở Ngoại vụ.", fields=fields, visitors=rng.randrange(2, 16), permit_on=permit,
                     conditions="Đơn vị chủ trì bảo đảm đúng nội dung, thành phần, địa bàn đã được cho phép; báo cáo "
                                "kết quả sau khi kết thúc." if chance(0.5) else "")


def delegations_pipeline() -> None:
    """Delegations in every workflow state, so each demo role has something waiting."""
    sct = "so-cong-thuong"
    common = dict(pillar="state", fields=["economic"], outcomes="")
    # The Department of Industry and Trade (the demo's unit user): two drafts to submit and one
    # trip back home to mark as returned; its two 2025 trips of October–November wait for reports.
    outgoing("mh-2026-plan-01", date(2026, 3, 9), 5, "tokyo", level="unit", host=sct, status="draft",
             title="Đoàn Sở Công Thương tham gia Hội chợ Thực phẩm và Đồ uống quốc tế FOODEX Japan 2026 tại Tokyo",
             purpose="Giới thiệu nông sản, thực phẩm chế biến của tỉnh; tìm kiếm nhà nhập khẩu Nhật Bản.",
             appraisal=False, named_members=True, **common)
    outgoing("mh-2026-plan-02", date(2026, 4, 20), 4, "gx", level="unit", host=sct, status="draft",
             title="Đoàn Sở Công Thương khảo sát thị trường, kết nối xuất khẩu nông sản tại Quảng Tây (Trung Quốc)",
             purpose="Khảo sát cửa khẩu, chợ đầu mối; làm việc với doanh nghiệp nhập khẩu nông sản.", appraisal=False,
             **common)
    outgoing("mh-2025-plan-03", date(2025, 12, 8), 5, "vc", level="unit", host=sct, status="approved",
             title="Đoàn Sở Công Thương tham gia Hội chợ Thương mại Việt Nam – Lào năm 2025 tại Viêng Chăn",
             purpose="Giới thiệu sản phẩm của doanh nghiệp Nghệ An; kết nối nhà phân phối Lào.", named_members=True,
             notes="a trip that has ended and that its unit has not yet marked as returned at the demo's date.",
             **common)
    # For the office to appraise (proposed, not yet appraised).
    outgoing("mh-2026-plan-04", date(2026, 2, 24), 4, "hp", level="unit", host="so-gddt", status="proposed",
             pillar="state", fields=["education"], outcomes="", appraisal=False,
             title="Đoàn Sở Giáo dục và Đào tạo làm việc với tỉnh Hủa Phăn về đào tạo lưu học sinh năm học 2026–2027",
             purpose="Thống nhất chỉ tiêu, ngành học và chế độ cho lưu học sinh Hủa Phăn.")
    outgoing("mh-2026-plan-05", date(2026, 3, 16), 6, "gg", level="unit", host="so-y-te", status="proposed",
             pillar="state", fields=["health"], outcomes="", appraisal=False,
             title="Đoàn Sở Y tế học tập mô hình y tế cơ sở và chăm sóc người cao tuổi tại tỉnh Gyeonggi (Hàn Quốc)",
             purpose="Tìm hiểu mô hình y tế cơ sở, chăm sóc người cao tuổi; đào tạo điều dưỡng.")
    incoming("mh-2026-plan-06", date(2026, 1, 19), 3, reception="permitted", country="AU",
             partners=[NGO_PARTNER["The Fred Hollows Foundation"]], pillar="people", host="so-y-te",
             title="Đoàn công tác Quỹ Fred Hollows khảo sát dự án phòng, chống mù lòa tại tỉnh",
             purpose="Khảo sát nhu cầu, chuẩn bị dự án giai đoạn 2026–2028.", fields=["health"], visitors=4,
             status="proposed", appraisal=False)
    # For the leaders to decide (appraised; the leaders' trip has its Party clearance).
    outgoing("mh-2026-plan-07", date(2026, 3, 22), 7, "il", level="unit", host="so-nn-mt", status="proposed",
             pillar="state", fields=["agriculture", "science_technology"], outcomes="",
             title="Đoàn Sở Nông nghiệp và Môi trường học tập kinh nghiệm nông nghiệp công nghệ cao tại Israel",
             purpose="Tìm hiểu công nghệ tưới tiết kiệm, nông nghiệp thông minh; kết nối doanh nghiệp chuyển giao.")
    outgoing("mh-2026-plan-08", date(2026, 4, 9), 3, "xk", level="provincial_leader", host="ubnd-tinh",
             status="proposed", pillar="state", fields=["political"], outcomes="", clearance=True,
             title="Đoàn đại biểu cấp cao tỉnh Nghệ An thăm, chúc Tết cổ truyền Bunpimay 2026 tại tỉnh Xiêng Khoảng",
             purpose="Chúc Tết Bunpimay; trao đổi về Thỏa thuận hợp tác giai đoạn 2026–2030.")
    incoming("mh-2026-plan-09", date(2026, 1, 13), 2, reception="permitted", country="JP", partners=["p-jp-jetro"],
             pillar="state", host="bql-kkt", status="proposed",
             title="Đoàn doanh nghiệp Nhật Bản do JETRO Hà Nội dẫn đầu khảo sát địa điểm đầu tư tại Khu kinh tế Đông "
                   "Nam",
             purpose="Khảo sát quỹ đất, hạ tầng khu công nghiệp; làm việc với Ban Quản lý KKT.", fields=["economic"],
             visitors=14)
    # Approved and coming up; rejected; withdrawn; cancelled.
    outgoing("mh-2026-plan-10", date(2026, 1, 12), 5, "tw", level="unit", host="bql-kkt", status="approved",
             pillar="state", fields=["economic"], outcomes="",
             title="Đoàn Ban Quản lý Khu kinh tế Đông Nam xúc tiến đầu tư tại Đài Bắc",
             purpose="Gặp gỡ nhà đầu tư linh kiện điện tử quan tâm đến các khu công nghiệp của tỉnh.",
             named_members=True)
    outgoing("mh-2025-plan-11", date(2025, 6, 16), 8, "au", level="unit", host="so-gddt", status="rejected",
             pillar="state", fields=["education"], outcomes="",
             title="Đoàn Sở Giáo dục và Đào tạo khảo sát mô hình giáo dục nghề nghiệp tại Australia",
             purpose="Khảo sát mô hình giáo dục nghề nghiệp.",
             notes="a proposal the leaders rejected (outside the year's programme; funds not arranged).")
    outgoing("mh-2024-plan-12", date(2024, 10, 14), 6, "de", level="unit", host="so-khcn", status="withdrawn",
             pillar="state", fields=["science_technology"], outcomes="",
             title="Đoàn Sở Khoa học và Công nghệ tìm hiểu mô hình công viên khoa học tại Đức",
             purpose="Tìm hiểu mô hình công viên khoa học, chuyển giao công nghệ.",
             notes="a proposal its unit withdrew before a decision.")
    outgoing("mh-2025-plan-13", date(2025, 8, 4), 5, "cz", level="unit", host="so-ngoai-vu", status="cancelled",
             pillar="state", fields=["overseas_vietnamese"], outcomes="",
             title="Đoàn Sở Ngoại vụ thăm, làm việc với cộng đồng người Nghệ An tại Cộng hòa Séc",
             purpose="Gặp gỡ cộng đồng người Nghệ An, vận động kiều bào đầu tư về quê hương.",
             notes="an approved trip cancelled (the host association postponed its programme).")


# --- FDI projects ------------------------------------------------------------------------------
FDI_SECTORS = [
    # (sector, project name, countries, size weight, jobs per million USD)
    ("Sản xuất linh kiện điện tử", "Nhà máy sản xuất linh kiện điện tử {brand} Nghệ An", ["CN", "TW", "KR", "HK"],
     3, 9),
    ("Sản xuất thiết bị quang học, camera", "Nhà máy sản xuất mô-đun camera và thiết bị quang học {brand}",
     ["CN", "TW", "KR"], 3, 8),
    ("Sản xuất thiết bị điện, dây cáp", "Nhà máy sản xuất dây cáp và thiết bị điện {brand}", ["CN", "JP", "KR"], 2, 10),
    ("Sản xuất pin lưu trữ năng lượng", "Nhà máy sản xuất pin lưu trữ năng lượng {brand}", ["CN", "KR", "SG"], 3, 5),
    ("Dệt may xuất khẩu", "Nhà máy may mặc xuất khẩu {brand}", ["KR", "CN", "HK", "TW"], 1, 60),
    ("Chế biến gỗ", "Nhà máy chế biến gỗ và sản xuất đồ nội thất {brand}", ["CN", "SG", "JP"], 1, 25),
    ("Bao bì, in ấn", "Nhà máy sản xuất bao bì giấy và nhựa {brand}", ["CN", "TW", "TH"], 1, 20),
    ("Linh kiện ô tô, xe máy", "Nhà máy sản xuất linh kiện ô tô {brand}", ["JP", "KR", "CN"], 2, 12),
    ("Chế biến nông sản, thực phẩm", "Nhà máy chế biến nông sản, thực phẩm {brand}", ["TH", "JP", "SG", "KR"], 1, 18),
    ("Vật liệu mới", "Nhà máy sản xuất vật liệu mới {brand}", ["CN", "JP", "SG"], 2, 6),
]
BRANDS = {
    "CN": [("Hengtai", "Shenzhen"), ("Jiaxin", "Dongguan"), ("Ruifeng", "Suzhou"), ("Huasheng", "Ningbo"),
           ("Xinyuan", "Xiamen"), ("Baolong", "Huizhou"), ("Tianrun", "Changsha"), ("Kaida", "Nanning"),
           ("Mingzhi", "Shenzhen"), ("Yongsheng", "Dongguan"), ("Shengda", "Wuxi"), ("Hongyu", "Foshan")],
    "TW": [("Chiahsin", "Taoyuan"), ("Yuanfeng", "Taichung"), ("Hsinlong", "Hsinchu"), ("Tairun", "Tainan")],
    "HK": [("Pearl Delta", "Hong Kong"), ("Harbourline", "Hong Kong")],
    "KR": [("Daehan", "Incheon"), ("Seojin", "Suwon"), ("Hanbit", "Cheonan"), ("Mirae", "Gumi"), ("Sungil", "Ansan"),
           ("Dongwoo", "Changwon")],
    "JP": [("Minokamo", "Gifu"), ("Kitagawa", "Nagoya"), ("Tohsei", "Osaka"), ("Hokuyo", "Shizuoka")],
    "SG": [("Straits Industrial", "Singapore"), ("Orchid Park", "Singapore")],
    "TH": [("Mekong Agro", "Bangkok"), ("Siam Green", "Khon Kaen")],
}
COMPANY = {"CN": "{city} {brand} {word} Co., Ltd.", "TW": "{brand} {word} Corp.", "HK": "{brand} {word} Limited",
           "KR": "{brand} {word} Co., Ltd.", "JP": "{brand} {word} Co., Ltd.", "SG": "{brand} {word} Pte. Ltd.",
           "TH": "{brand} {word} Public Co., Ltd."}
WORDS = ["Electronics", "Precision Technology", "Industrial", "Materials", "Manufacturing", "Technology"]
LOCATIONS = ["KCN VSIP Nghệ An", "KCN WHA Industrial Zone 1 – Nghệ An", "KCN Hoàng Mai I", "KCN Hoàng Mai II",
             "KCN Nam Cấm", "KCN Đông Hồi", "KCN Thọ Lộc", "KCN Bắc Vinh"]

FDI: list[dict] = []
_irc = iter(range(1, 10000))


def _fdi_project(year: int, on: date, capital: int, *, sector_index=None, country=None) -> dict:
    sector, name, countries, _size, jobs_per_m = FDI_SECTORS[sector_index if sector_index is not None
                                                             else rng.randrange(len(FDI_SECTORS))]
    country = country if country in countries or country in BRANDS and sector_index is None else pick(countries)
    if country not in BRANDS:
        country = pick(countries)
    brand, city = pick(BRANDS[country])
    investor = COMPANY[country].format(city=city, brand=brand, word=pick(WORDS))
    serial = sum(1 for p in FDI if p["registered_on"][:4] == str(year)) + 1
    project = {
        "ref": f"mh-fdi-{year}-{serial:02d}", "name": name.format(brand=brand), "investor": investor,
        "investor_country": country, "irc_number": f"0000{year % 100:02d}{next(_irc):04d}",
        "registered_on": iso(on), "capital_usd": capital, "location": pick(LOCATIONS), "sector": sector,
        "status": "licensed" if on >= date(2024, 7, 1) else ("operating" if chance(0.9) else "suspended"),
        "jobs": max(30, int(capital / 1_000_000 * jobs_per_m * rng.uniform(0.6, 1.4))),
        "adjustments": [],
    }
    FDI.append(project)
    return project


def fdi() -> None:
    # Projects licensed before 2022: the ones whose capital the 2022–2025 adjustments raise.
    for year in range(2016, 2022):
        for _ in range(4 if year >= 2019 else 2):
            _fdi_project(year, day_between(date(year, 2, 1), date(year, 12, 15)),
                         rng.randrange(8, 160) * 500_000)
    for start, end, new, new_total, adjusted, adjusted_total in FDI_WINDOWS:
        year = start.year
        adjustable = [p for p in FDI if p["registered_on"] < iso(start) and p["status"] != "suspended"]
        for capital, on in zip(split_exact(new_total, new, unit=10_000, big=max(1, new // 6), floor=1_000_000),
                               sorted_days(new, start, end), strict=True):
            _fdi_project(year, on, capital)
        chosen = rng.sample(adjustable, adjusted)
        for project, delta, on in zip(chosen, split_exact(adjusted_total, adjusted, unit=10_000, big=1,
                                                          floor=500_000),
                                      sorted_days(adjusted, start, end), strict=True):
            project["adjustments"].append({
                "date": iso(on), "delta_usd": delta,
                "note": f"Điều chỉnh tăng vốn đầu tư (Giấy chứng nhận đăng ký đầu tư điều chỉnh lần "
                        f"{len(project['adjustments']) + 1}), mở rộng quy mô sản xuất.",
            })
    ended = next(p for p in FDI if p["registered_on"] < "2022" and not p["adjustments"])
    ended["status"] = "terminated"


def _within(origin: date, day: date, days: int) -> bool:
    """``day`` falls after ``origin`` and at most ``days`` days after it."""
    return origin < day <= origin + timedelta(days=days)


def link_fdi_to_trips() -> None:
    """Some projects came from a leaders' investment trip to their country (the effectiveness page
    follows them), some from an investment seminar."""
    trips = [d for d in DELEGATIONS if d["direction"] == "outgoing" and d["status"] in TOOK_PLACE
             and "economic" in d["fields"]]
    for project in FDI:
        registered = date.fromisoformat(project["registered_on"])
        if registered.year < 2022:
            continue
        candidates = [t for t in trips if project["investor_country"] in t["countries"]
                      and _within(date.fromisoformat(t["end_on"]), registered, 540)]
        if candidates and chance(0.55):
            project["origin_delegation"] = max(candidates, key=lambda t: t["start_on"])["ref"]
            continue
        seminars = [e for e in EVENTS.values() if e["kind"] == "investment_promotion" and e["status"] == "held"
                    and _within(date.fromisoformat(e["start_on"]), registered, 400)]
        if seminars and chance(0.25):
            project["origin_event"] = max(seminars, key=lambda e: e["start_on"])["ref"]


def write_fdi() -> None:
    for project in FDI:
        record = dict(project)
        record["notes"] = ("Illustrative: the investor, project, certificate and capital stand for the projects the "
                           "province licensed in that period; certificate numbers beginning 0000 are not real. The "
                           "totals per period are the published ones (docs/demo.md).")
        add("fdi_projects", record)


# --- ODA ---------------------------------------------------------------------------------------
ODA = [
    # name, donors, sector, kind, total (VND bn), ODA share, start, end
    ("Dự án Phát triển cơ sở hạ tầng nông nghiệp thích ứng với biến đổi khí hậu tỉnh Nghệ An",
     ["Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)"], "Nông nghiệp", "oda_loan", 1650, 0.86, 2019, 2025),
    ("Dự án Cải thiện môi trường đô thị, thoát nước và xử lý nước thải thành phố Vinh (giai đoạn 2)",
     ["Ngân hàng Phát triển châu Á (ADB)"], "Thoát nước thải", "oda_loan", 1980, 0.84, 2018, 2026),
    ("Dự án Nâng cấp, mở rộng Bệnh viện Đa khoa tỉnh và hệ thống cấp cứu tuyến tỉnh",
     ["Ngân hàng Xuất nhập khẩu Hàn Quốc (Quỹ EDCF)"], "Y tế", "oda_loan", 1120, 0.88, 2020, 2025),
    ("Dự án Xây dựng cầu dân sinh và đường giao thông nông thôn các huyện miền núi",
     ["Ngân hàng Thế giới (WB)"], "Hạ tầng giao thông", "oda_loan", 520, 0.9, 2016, 2023),
    ("Dự án Sửa chữa và nâng cao an toàn đập, hồ chứa nước tỉnh Nghệ An",
     ["Ngân hàng Thế giới (WB)"], "Nông nghiệp", "oda_loan", 610, 0.88, 2016, 2024),
    ("Dự án Phát triển giao thông kết nối các huyện miền Tây Nghệ An với Quốc lộ 7 và Quốc lộ 48",
     ["Ngân hàng Phát triển châu Á (ADB)"], "Hạ tầng giao thông", "oda_loan", 1380, 0.8, 2019, 2026),
    ("Chương trình Cấp nước sạch và vệ sinh nông thôn dựa trên kết quả",
     ["Ngân hàng Thế giới (WB)"], "Thoát nước thải", "concessional_loan", 420, 0.9, 2017, 2023),
    ("Dự án Phát triển sinh kế, giảm nghèo bền vững các huyện miền núi",
     ["Quỹ Quốc tế về Phát triển Nông nghiệp (IFAD)"], "Nông nghiệp", "oda_loan", 540, 0.82, 2018, 2024),
    ("Dự án Trang thiết bị y tế cho các trung tâm y tế tuyến huyện",
     ["Cơ quan Phát triển Pháp (AFD)"], "Y tế", "concessional_loan", 380, 0.85, 2021, 2025),
    ("Dự án Thoát nước và xử lý nước thải thị xã Cửa Lò", ["Ngân hàng Tái thiết Đức (KfW)"], "Thoát nước thải",
     "oda_loan", 610, 0.83, 2017, 2024),
    ("Dự án Hỗ trợ kỹ thuật nâng cao năng lực quản lý nông nghiệp thông minh",
     ["Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)"], "Nông nghiệp", "grant", 410, 1.0, 2022, 2025),
]
ODA_OTHERS = [
    ("Dự án Nâng cấp hệ thống thủy lợi Bắc Nghệ An (đã hoàn thành)", ["Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)"],
     "Nông nghiệp", "oda_loan", 2350, 0.85, 2012, 2020, "completed"),
    ("Dự án Phát triển đô thị xanh, chống ngập thành phố Vinh", ["Ngân hàng Thế giới (WB)"], "Thoát nước thải",
     "oda_loan", 2150, 0.8, 2024, 2029, "active"),
    ("Dự án Bệnh viện Ung bướu Nghệ An giai đoạn 2", ["Ngân hàng Xuất nhập khẩu Hàn Quốc (Quỹ EDCF)"], "Y tế",
     "oda_loan", 1470, 0.85, 2026, 2030, "planned"),
    ("Dự án Đường ven biển đoạn qua Nghệ An (vốn vay ưu đãi)", ["Ngân hàng Phát triển châu Á (ADB)"],
     "Hạ tầng giao thông", "concessional_loan", 900, 0.75, 2021, 2024, "cancelled"),
]


def oda() -> None:
    assert sum(row[4] for row in ODA) * 1_000_000_000 == ODA_2023_TOTAL_VND
    rows = [(*row, "completed" if row[7] < 2025 else "active") for row in ODA] + ODA_OTHERS
    for index, (name, donors, sector, kind, total_bn, share, start, end, status) in enumerate(rows, start=1):
        total = total_bn * 1_000_000_000
        oda_vnd = int(total * share) // 1_000_000 * 1_000_000
        years = [y for y in range(max(start, 2016), min(end, 2025) + 1)] if status != "planned" else []
        if status == "cancelled":
            years = []
        paid = int(oda_vnd * (0.95 if end <= 2025 else rng.uniform(0.55, 0.8)))
        disbursements = [{"year": y, "amount_vnd": amount}
                         for y, amount in zip(years, split_exact(paid // 1_000_000, len(years), floor=100)
                                              if years else [], strict=True)] if years else []
        for row in disbursements:
            row["amount_vnd"] *= 1_000_000
        add("oda_programmes", {
            "ref": f"mh-oda-{index:02d}", "name": name, "donors": donors, "sector": sector, "kind": kind,
            "total_vnd": total, "oda_vnd": oda_vnd, "start_year": start, "end_year": end, "status": status,
            "disbursements": disbursements,
            "notes": "Illustrative: the donor, field and size stand for one of the province's ODA and concessional "
                     "programmes; seeds/000 publishes only their number and total (11, VND 9,620 billion in 2023), "
                     "which the eleven active in 2023 give exactly. The loan is in the donor's currency; the "
                     "amounts here are its VND equivalent.",
        })


# --- investment leads and aftercare -------------------------------------------------------------
def leads_and_aftercare() -> None:
    serial = iter(range(1, 1000))
    linked = [p for p in FDI if p.get("origin_delegation") or p.get("origin_event")]
    # Leads that became the projects above.
    for project in linked:
        registered = date.fromisoformat(project["registered_on"])
        received = registered - timedelta(days=rng.randrange(150, 420))
        owner = unit_for("invest", received) if chance(0.6) else "bql-kkt"
        add("investment_leads", {
            "ref": f"mh-lead-{next(serial):03d}", "name": project["name"], "investor": project["investor"],
            "country": project["investor_country"], "sector": project["sector"], "stage": "licensed",
            "expected_capital_usd": int(project["capital_usd"] * rng.uniform(0.7, 1.5)) // 100_000 * 100_000,
            "owner_unit": owner, "origin_delegation": project.get("origin_delegation"),
            "origin_event": project.get("origin_event"), "received_on": iso(received),
            "response_due_on": iso(received + timedelta(days=30)),
            "responded_on": iso(received + timedelta(days=rng.randrange(5, 28))), "project": project["ref"],
            "outcome": f"Được cấp Giấy chứng nhận đăng ký đầu tư ngày {registered:%d/%m/%Y}.",
            "contacts": [
                {"date": iso(received), "kind": "meeting", "summary": "Gặp gỡ, giới thiệu nhu cầu đầu tư.",
                 "unit": owner},
                {"date": iso(received + timedelta(days=rng.randrange(40, 90))), "kind": "site_visit",
                 "summary": "Khảo sát địa điểm tại khu công nghiệp.", "unit": owner},
            ],
            "notes": "Illustrative: the lead the project came from.",
        })
    # Open and dropped leads, some of them past the day an answer was due.
    trips = [d for d in DELEGATIONS if d["direction"] == "outgoing" and d["status"] in TOOK_PLACE
             and "economic" in d["fields"] and d["start_on"] >= "2024-06-01"]
    seminars = [e for e in EVENTS.values() if e["kind"] == "investment_promotion" and e["status"] == "held"
                and e["start_on"] >= "2024-06-01"]
    stages = ["lead", "contacted", "site_visit", "proposal", "investment_policy", "dropped", "contacted",
              "site_visit", "lead", "proposal", "dropped", "contacted", "lead", "site_visit"]
    for index, stage in enumerate(stages):
        origin = trips[index % len(trips)] if index % 2 == 0 else None
        seminar = seminars[index % len(seminars)] if origin is None and index % 3 else None
        base = date.fromisoformat((origin or seminar)["end_on"]) if (origin or seminar) else \
            day_between(date(2025, 3, 1), date(2025, 11, 30))
        received = min(base + timedelta(days=rng.randrange(2, 30)), DEMO_TODAY - timedelta(days=10))
        sector_index = rng.randrange(len(FDI_SECTORS))
        sector, name, countries, *_rest = FDI_SECTORS[sector_index]
        country = origin["countries"][0] if origin and origin["countries"][0] in BRANDS else pick(countries)
        brand, city = pick(BRANDS.get(country, BRANDS["CN"]))
        overdue = index in (1, 4, 9)
        due = received + timedelta(days=30)
        if overdue:
            due = DEMO_TODAY - timedelta(days=rng.randrange(5, 40))
            received = due - timedelta(days=30)
        owner = "so-cong-thuong" if index in (3, 8) else (unit_for("invest", received) if index % 2 else "bql-kkt")
        answered = not overdue and stage not in ("lead",)
        add("investment_leads", {
            "ref": f"mh-lead-{next(serial):03d}", "name": name.format(brand=brand),
            "investor": COMPANY.get(country, COMPANY["CN"]).format(city=city, brand=brand, word=pick(WORDS)),
            "country": country, "sector": sector, "stage": stage,
            "expected_capital_usd": rng.randrange(5, 120) * 1_000_000, "owner_unit": owner,
            "origin_delegation": origin["ref"] if origin else None, "origin_event": seminar["ref"] if seminar else None,
            "origin_enquiry": None if (origin or seminar) else "Thư bày tỏ quan tâm gửi Sở Ngoại vụ",
            "received_on": iso(received), "response_due_on": iso(due),
            "responded_on": iso(received + timedelta(days=rng.randrange(3, 25))) if answered else None,
            "outcome": "Nhà đầu tư chọn địa điểm ở tỉnh khác do yêu cầu về quỹ đất sạch." if stage == "dropped" else "",
            "contacts": [{"date": iso(received), "kind": "meeting" if origin or seminar else "email",
                          "summary": "Tiếp nhận thông tin, nhu cầu của nhà đầu tư.", "unit": owner}],
            "notes": "Illustrative: an investor's interest followed by the office; "
                     + ("the answer is overdue at the demo's date." if overdue else "still open or closed."),
        })
    # Aftercare: visits to operating investors and the issues they raised.
    operating = [p for p in FDI if p["status"] == "operating" and p["registered_on"] < "2024-01-01"]
    issues = [
        ("Đề nghị hỗ trợ tuyển dụng 1.200 lao động cho giai đoạn mở rộng nhà máy.", "so-noi-vu"),
        ("Đề nghị bảo đảm cấp điện ổn định, xây dựng trạm biến áp 110 kV cho khu công nghiệp.", "so-cong-thuong"),
        ("Vướng mắc thủ tục cấp giấy phép lao động cho chuyên gia nước ngoài.", "so-noi-vu"),
        ("Đề nghị đẩy nhanh giải phóng mặt bằng phần diện tích mở rộng.", "invest"),
        ("Đề nghị hướng dẫn thủ tục xác nhận ưu đãi thuế thu nhập doanh nghiệp.", "so-tai-chinh"),
        ("Đề nghị hỗ trợ kết nối doanh nghiệp cung ứng nguyên liệu, linh kiện trong tỉnh.", "so-cong-thuong"),
        ("Phản ánh thời gian thông quan hàng hóa xuất khẩu tại cảng Cửa Lò còn dài.", "so-cong-thuong"),
        ("Đề nghị hỗ trợ nhà ở cho công nhân gần khu công nghiệp.", "transport"),
    ]
    visit_serial = iter(range(1, 1000))
    issue_serial = iter(range(1, 1000))
    for index, project in enumerate(rng.sample(operating, 12)):
        on = day_between(date(2023, 3, 1), date(2025, 11, 28))
        unit = pick(["bql-kkt", unit_for("invest", on), "so-cong-thuong"])
        visit_ref = f"mh-visit-{next(visit_serial):03d}"
        add("aftercare_visits", {
            "ref": visit_ref, "project": project["ref"], "date": iso(on), "unit": unit,
            "participants": f"{UNIT_NAMES[unit]}, Sở Ngoại vụ, đại diện doanh nghiệp",
            "summary": "Nắm tình hình sản xuất, kinh doanh; ghi nhận kiến nghị của doanh nghiệp.",
            "notes": "Illustrative: an aftercare visit of the kind the province makes to operating investors.",
        })
        for text, line in issues[index % len(issues): index % len(issues) + (2 if index % 3 == 0 else 1)]:
            status = ["resolved", "in_progress", "open", "resolved", "closed", "in_progress"][next(issue_serial) % 6]
            responsible = unit_for(line, on)
            resolved = on + timedelta(days=rng.randrange(20, 90))
            if status == "resolved" and resolved > DEMO_TODAY:
                status = "in_progress"
            add("aftercare_issues", {
                "ref": f"mh-issue-{len(OUT.get('aftercare_issues', [])) + 1:03d}", "project": project["ref"],
                "visit": visit_ref, "raised_on": iso(on), "issue": text, "responsible_unit": responsible,
                "status": status, "due_on": iso(on + timedelta(days=45)),
                "resolved_on": iso(resolved) if status == "resolved" else None,
                "resolution": "Đã giải quyết theo đề nghị của doanh nghiệp." if status == "resolved" else
                ("Không giải quyết được trong thẩm quyền của tỉnh; đã báo cáo bộ, ngành." if status == "closed"
                 else ""),
                "notes": "Illustrative.",
            })


# --- foreign NGOs, their certificates and non-ODA aid ------------------------------------------
COMMITTEE = "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài"
COUNTERPARTS = {"health": ["so-y-te"], "education": ["so-gddt"], "agriculture": ["so-nnptnt"],
                "environment": ["so-nnptnt"], "humanitarian": ["lhh-huu-nghi"], "political": ["lhh-huu-nghi"],
                "economic": ["so-khdt"], "labour": ["so-noi-vu"], "consular": ["so-ngoai-vu"]}


def ngos_and_aid() -> None:
    operating, waiting = NGO_MID_2024
    cert_serial = iter(range(101, 10000))
    # Expiry days to spread over 2024–2027, so that at any time some certificate is close to
    # expiring (one within weeks of the demo's date).
    for index, (name, _name_vi, _country, fields) in enumerate(NGOS):
        ngo_ref = f"mh-ngo-{index + 1:02d}"
        pending = index >= operating
        still_waiting = index >= operating + 3
        counterparts = sorted({unit for f in fields for unit in COUNTERPARTS.get(f, ["lhh-huu-nghi"])})
        add("foreign_ngos", {
            "ref": ngo_ref, "partner": NGO_PARTNER[name],
            "status": "pending_area_extension" if still_waiting else "operating",
            "representative": "Văn phòng đại diện tại Hà Nội", "fields": fields, "counterpart_units": counterparts,
            "notes": "Illustrative: " + ("waiting for Nghệ An to be added to its area of operation (one of the five "
                                         "waiting in mid-2024, domain.md §5)." if pending else
                                         "one of the 64 organisations registered in Nghệ An in mid-2024 (domain.md "
                                         "§5); which ones they were is the office's record."),
        })
        if pending:
            if still_waiting:
                add("ngo_certificates", {
                    "ref": f"mh-ngocert-{next(cert_serial)}", "ngo": ngo_ref, "kind": "operation_registration",
                    "issued_by": COMMITTEE, "provinces": ["Nghệ An"],
                    "status": "province_consulted" if index % 2 else "applied",
                    "opinion_requested_on": iso(date(2025, 11, 24) + timedelta(days=index % 7)),
                    "notes": "Illustrative: an application to add Nghệ An to the organisation's area; the province's "
                             "opinion is being prepared at the demo's date.",
                })
                continue
            issued = date(2024, 9, 2) + timedelta(days=(index - operating) * 70)
            certificates = [(issued, "issued")]
        else:
            issued = date(2021, 7, 5) + timedelta(days=(index * 397) % 1085)
            certificates = [(issued, "issued")]
            expires = add_years(issued, 3) - timedelta(days=1)
            if expires < DEMO_TODAY:  # renewed when it expired (the first one stays as issued: in force
                # until its expiry date, which is how the register counts a past day's NGOs)
                certificates = [(issued, "issued"), (expires + timedelta(days=1), "extended")]
        for position, (day, status) in enumerate(certificates):
            expires = add_years(day, 3) - timedelta(days=1)
            if index == 0 and position == len(certificates) - 1:
                expires = DEMO_TODAY + timedelta(days=38)  # the one expiring soon
            add("ngo_certificates", {
                "ref": f"mh-ngocert-{next(cert_serial)}", "ngo": ngo_ref, "kind": "operation_registration",
                "number": f"{next(cert_serial) % 900 + 100}/CNV-HĐ", "issued_by": COMMITTEE, "issued_on": iso(day),
                "expires_on": iso(expires), "provinces": ["Nghệ An", *(["Hà Tĩnh"] if index % 3 == 0 else [])],
                "status": status, "opinion_requested_on": iso(day - timedelta(days=45)),
                "opinion_sent_on": iso(day - timedelta(days=36)),
                "opinion": "agree_with_comments" if index % 9 == 4 else "agree",
                "notes": "Illustrative: a registration certificate covering Nghệ An (Decree 58/2022, at most three "
                         "years); the number is not real.",
            })
    # An organisation that stopped working in the province before 2024, its certificate expired.
    add("partners", {
        "ref": "p-ngo-catholic-medical-mission-board", "kind": "ngo", "name_en": "Catholic Medical Mission Board",
        "name_vi": "Tổ chức CMMB", "country": "US", "relationship": "dormant", "fields": ["health"],
        "notes": "Illustrative: an organisation whose work in the province ended.",
    })
    add("foreign_ngos", {
        "ref": "mh-ngo-ended", "partner": "p-ngo-catholic-medical-mission-board", "status": "ended",
        "representative": "Văn phòng đại diện tại Hà Nội", "fields": ["health"], "counterpart_units": ["so-y-te"],
        "notes": "Illustrative: an organisation that stopped working in Nghệ An in 2023.",
    })
    add("ngo_certificates", {
        "ref": f"mh-ngocert-{next(cert_serial)}", "ngo": "mh-ngo-ended", "kind": "project_office",
        "number": "MH-077/CNV-VPDA", "issued_by": COMMITTEE, "issued_on": "2020-05-04", "expires_on": "2023-05-03",
        "provinces": ["Nghệ An"], "status": "expired",
        "notes": "Illustrative: an expired certificate, not renewed.",
    })
    # Aid items: 2023 gives the published 6 projects and 5 non-project items approved.
    items = []
    projects_2023, non_projects_2023 = AID_APPROVED_2023
    plan = ([(2022, "project")] * 4 + [(2022, "non_project")] * 3 + [(2023, "project")] * projects_2023
            + [(2023, "non_project")] * (non_projects_2023 - 1) + [(2023, "emergency")]
            + [(2024, "project")] * 5 + [(2024, "non_project")] * 4 + [(2025, "project")] * 4
            + [(2025, "non_project")] * 3 + [(2025, "emergency")])
    titles = {
        "project": ["Dự án Nâng cao năng lực chăm sóc sức khỏe bà mẹ, trẻ em vùng miền núi",
                    "Dự án Nước sạch và vệ sinh trường học các xã miền Tây",
                    "Dự án Sinh kế bền vững cho đồng bào dân tộc thiểu số",
                    "Dự án Phòng, chống mua bán người và hỗ trợ nạn nhân trở về",
                    "Dự án Phòng, chống mù lòa và phẫu thuật đục thủy tinh thể",
                    "Dự án Giáo dục hòa nhập cho trẻ em khuyết tật",
                    "Dự án Phòng chống thiên tai dựa vào cộng đồng",
                    "Dự án Bảo tồn đa dạng sinh học Vườn quốc gia Pù Mát",
                    "Dự án Phát triển chuỗi giá trị chè và cây dược liệu"],
        "non_project": ["Viện trợ phi dự án: trang thiết bị y tế cho trung tâm y tế",
                        "Viện trợ phi dự án: xây dựng điểm trường mầm non",
                        "Viện trợ phi dự án: học bổng cho học sinh nghèo vượt khó",
                        "Viện trợ phi dự án: xe cứu thương và thiết bị cấp cứu",
                        "Viện trợ phi dự án: tủ sách và thư viện thân thiện"],
        "emergency": ["Viện trợ khẩn cấp khắc phục hậu quả lũ lụt"],
    }
    currencies = [("USD", 1.0), ("EUR", 1.08), ("AUD", 0.66), ("JPY", 0.0068), ("KRW", 0.00074)]
    donors = [NGO_PARTNER[name] for name, *_rest in NGOS[:operating]]
    managing = ["so-y-te", "so-gddt", "lhh-huu-nghi", "agri", "so-ngoai-vu"]
    for index, (year, modality) in enumerate(plan):
        approved = day_between(date(year, 2, 1), min(date(year, 12, 10), DEMO_TODAY - timedelta(days=20)))
        currency, rate = currencies[index % len(currencies)] if index % 3 else ("USD", 1.0)
        usd = rng.randrange(15, 420) * 1000 if modality != "non_project" else rng.randrange(8, 90) * 1000
        amount = round(usd / rate, -2) if currency != "USD" else usd
        usd = round(amount * rate, 2) if currency != "USD" else usd
        started = approved + timedelta(days=rng.randrange(20, 150))
        ended = started + timedelta(days=rng.randrange(60, 700) if modality in ("project", "programme") else 30)
        status = "settled" if ended < date(2024, 6, 1) else ("completed" if ended < DEMO_TODAY else "implementing")
        if started > DEMO_TODAY:
            status = "approved"
        item = {
            "ref": f"mh-aid-{year}-{index + 1:02d}", "donor": donors[(index * 7) % len(donors)],
            "modality": modality, "title": titles[modality][index % len(titles[modality])],
            "fields": ["health"] if "y tế" in titles[modality][index % len(titles[modality])] else ["humanitarian"],
            "managing_unit": unit_for(managing[index % len(managing)], approved),
            "committed_amount": amount, "currency": currency, "committed_usd": usd,
            "counterpart_vnd": rng.randrange(0, 40) * 10_000_000 or None,
            "file_complete_on": iso(approved - timedelta(days=rng.randrange(10, 20))),
            "approval_no": decision(), "approved_on": iso(approved), "status": status,
            "started_on": iso(started) if status != "approved" else None,
            "ended_on": iso(ended) if status in ("completed", "settled") else None,
            "settled_on": iso(ended + timedelta(days=45)) if status == "settled" else None,
        }
        if status != "approved":
            paid_usd = usd if status in ("completed", "settled") else round(usd * 0.4, 2)
            item["disbursements"] = [{"date": iso(started + timedelta(days=7)),
                                      "amount": round(paid_usd / rate, 2) if currency != "USD" else paid_usd,
                                      "amount_usd": paid_usd, "note": "Giải ngân theo thỏa thuận viện trợ"}]
        items.append(item)
    # The workflow's other stages: proposed, being appraised, not accepted, approved but not
    # started in time (start overdue), revoked.
    extra = [
        ("proposed", "Dự án Hỗ trợ trẻ em vùng cao tiếp cận công nghệ số", date(2025, 12, 1), "so-gddt"),
        ("appraising", "Dự án Cải thiện dinh dưỡng trẻ em dưới 5 tuổi", date(2025, 11, 12), "so-y-te"),
        ("appraising", "Viện trợ phi dự án: thiết bị lọc nước cho trạm y tế xã", date(2025, 12, 3), "so-cong-thuong"),
        ("not_accepted", "Dự án Truyền thông cộng đồng về tôn giáo và tín ngưỡng", date(2025, 5, 20), "lhh-huu-nghi"),
        ("approved", "Dự án Phục hồi rừng ngập mặn ven biển", date(2025, 3, 14), "so-nn-mt"),
        ("revoked", "Dự án Xây dựng nhà văn hóa cộng đồng", date(2024, 2, 6), "lhh-huu-nghi"),
    ]
    for offset, (status, title, on, unit) in enumerate(extra):
        usd = rng.randrange(20, 250) * 1000
        item = {
            "ref": f"mh-aid-{on.year}-{len(plan) + offset + 1:02d}", "donor": donors[(offset * 11) % len(donors)],
            "modality": "non_project" if "phi dự án" in title else "project", "title": title,
            "fields": ["health"] if "y tế" in title or "dinh dưỡng" in title else ["humanitarian"],
            "managing_unit": unit, "committed_amount": usd, "currency": "USD", "committed_usd": usd,
            "file_complete_on": iso(on), "status": status,
        }
        if status in ("approved", "revoked"):
            item.update(approval_no=decision(), approved_on=iso(on + timedelta(days=18)))
        items.append(item)
    for item in items:
        item["notes"] = ("Illustrative: an aid item of the kind foreign NGOs bring (Decree 80/2020); in 2023 the "
                         "items approved give the published 6 projects and 5 non-project items (domain.md §7.3).")
        add("aid_items", item)


# --- consular cases (personal data: names and communes are invented) --------------------------
def consular() -> None:
    cases = [
        ("labour_dispute", "TW", date(2022, 5, 9), "Lao động bị chủ sử dụng nợ lương ba tháng, đề nghị can thiệp."),
        ("accident", "KR", date(2022, 8, 22), "Lao động bị tai nạn lao động tại công trường, điều trị tại bệnh viện."),
        ("stranded", "LA", date(2022, 11, 3), "Công dân bị lừa sang Lào làm việc, mất giấy tờ, đề nghị hỗ trợ về "
                                              "nước."),
        ("death", "TW", date(2023, 1, 16), "Công dân tử vong do đột quỵ; gia đình đề nghị hỗ trợ đưa thi hài về nước."),
        ("detention", "JP", date(2023, 4, 4), "Thực tập sinh bị tạm giữ vì vi phạm pháp luật về cư trú."),
        ("trafficking", "CN", date(2023, 6, 27), "Phụ nữ bị đưa sang biên giới kết hôn trái pháp luật, được giải cứu."),
        ("lost_documents", "KR", date(2023, 9, 11), "Lao động mất hộ chiếu, đề nghị cấp giấy thông hành về nước."),
        ("labour_dispute", "SA", date(2023, 10, 30), "Lao động giúp việc gia đình bị giữ hộ chiếu, đề nghị hỗ trợ."),
        ("accident", "JP", date(2024, 2, 19), "Thực tập sinh bị tai nạn giao thông, thương tích nặng."),
        ("detention", "MY", date(2024, 5, 6), "Công dân bị bắt giữ do nhập cảnh, làm việc không có giấy phép."),
        ("stranded", "RU", date(2024, 7, 15), "Lao động tự do hết hạn thị thực, không có tiền về nước."),
        ("death", "KR", date(2024, 9, 2), "Lao động tử vong do tai nạn lao động; hỗ trợ thủ tục bảo hiểm, bồi thường."),
        ("trafficking", "GB", date(2024, 11, 18), "Thanh niên bị đưa ra nước ngoài trái phép, nghi bị mua bán người."),
        ("labour_dispute", "JP", date(2025, 2, 10), "Thực tập sinh phản ánh bị làm thêm giờ quá quy định."),
        ("lost_documents", "TW", date(2025, 4, 21), "Lao động mất thẻ cư trú, đề nghị xác minh nhân thân."),
        ("detention", "KR", date(2025, 7, 8), "Công dân bị tạm giữ vì vi phạm luật giao thông nghiêm trọng."),
        ("accident", "TW", date(2025, 10, 6), "Lao động bị thương trong vụ cháy nhà xưởng."),
        ("stranded", "KH", date(2025, 11, 24), "Thanh niên bị dụ dỗ làm việc cho cơ sở lừa đảo trực tuyến, "
                                                "đề nghị giải cứu."),
        ("other", "AE", date(2025, 12, 8), "Gia đình mất liên lạc với người thân đi lao động, đề nghị xác minh."),
    ]
    communes = ["xã Diễn Hoa, huyện Diễn Châu", "xã Quỳnh Lương, huyện Quỳnh Lưu", "xã Nghi Phong, huyện Nghi Lộc",
                "xã Thanh Ngọc, huyện Thanh Chương", "xã Hưng Thông, huyện Hưng Nguyên", "xã Yên Thành",
                "phường Thành Vinh", "xã Đô Lương", "xã Anh Sơn", "xã Tân Kỳ"]
    for index, (kind, country, opened, summary) in enumerate(cases, start=1):
        age = (DEMO_TODAY - opened).days
        status = "closed" if age > 120 else ("in_progress" if age > 20 else "open")
        closed = opened + timedelta(days=rng.randrange(25, 110)) if status == "closed" else None
        commune = communes[index % len(communes)]
        if opened >= date(2025, 7, 1):
            commune = commune.split(",")[0] if "huyện" in commune else commune  # no districts after 07/2025
        actions = [{"date": iso(opened), "actor": "Sở Ngoại vụ",
                    "action": "Tiếp nhận thông tin từ gia đình, đề nghị Cơ quan đại diện Việt Nam xác minh."},
                   {"date": iso(opened + timedelta(days=3)), "actor": "Cơ quan đại diện Việt Nam ở nước sở tại",
                    "action": "Xác minh, liên hệ công dân và cơ quan chức năng sở tại."}]
        if closed:
            actions.append({"date": iso(closed), "actor": "Sở Ngoại vụ",
                            "action": "Thông báo kết quả cho gia đình; kết thúc vụ việc."})
        add("consular_cases", {
            "ref": f"mh-case-{opened.year}-{index:02d}", "kind": kind, "country": country, "opened_on": iso(opened),
            "closed_on": iso(closed), "status": status, "summary": summary, "subject_name": person(),
            "subject_commune": commune, "actions": actions,
            "notes": "Illustrative: an invented case and person, of the kinds the office follows; real cases are "
                     "personal data and not published.",
        })


# --- foreign press, honours, experts -----------------------------------------------------------
def press_honours_experts() -> None:
    visits = [
        ("NHK", "JP", date(2022, 10, 11), "Du lịch và văn hóa xứ Nghệ; quê hương Chủ tịch Hồ Chí Minh", "completed"),
        ("Hãng thông tấn KPL (Lào)", "LA", date(2023, 3, 20), "Hợp tác Nghệ An với các tỉnh Lào giáp biên",
         "completed"),
        ("Đài KBS", "KR", date(2023, 9, 5), "Doanh nghiệp Hàn Quốc tại các khu công nghiệp Nghệ An", "completed"),
        ("Tân Hoa Xã", "CN", date(2024, 4, 8), "Thu hút đầu tư, khu công nghiệp VSIP và WHA", "completed"),
        ("Báo Nikkei", "JP", date(2024, 8, 19), "Chuỗi cung ứng điện tử dịch chuyển về Bắc Trung Bộ", "completed"),
        ("Đài Truyền hình Quốc gia Lào (LNTV)", "LA", date(2025, 5, 14), "Lễ hội Làng Sen và 135 năm Ngày sinh "
         "Chủ tịch Hồ Chí Minh", "completed"),
        ("Hãng thông tấn Yonhap", "KR", date(2025, 10, 20), "Lao động Nghệ An tại Hàn Quốc và chính sách hồi hương",
         "declined"),
        ("Báo Nhân dân Lào (Pasaxon)", "LA", date(2026, 1, 14), "Thỏa thuận hợp tác giai đoạn 2026–2030", "agreed"),
        ("Đài phát thanh Sputnik", "RU", date(2026, 2, 3), "Tượng đài V.I. Lê-nin và quan hệ với Ulyanovsk",
         "notified"),
    ]
    for index, (outlet, country, start, topics, status) in enumerate(visits, start=1):
        record = {
            "ref": f"mh-press-{start.year}-{index:02d}", "outlet": outlet, "country": country, "topics": topics,
            "sites": "TP Vinh, Khu di tích Kim Liên" + (", các khu công nghiệp" if "đầu tư" in topics else ""),
            "start_on": iso(start), "end_on": iso(start + timedelta(days=2)),
            "permit_no": f"{180 + index * 13}/BNG-TTBC",
            "accompanying_unit": "so-ngoai-vu", "status": status,
            "reporters": [{"full_name": f"Phóng viên {chr(64 + i)}", "position": "Phóng viên", "nationality": country}
                          for i in range(1, 3)],
            "notes": "Illustrative: a foreign press visit (Decree 88/2012) of the kind the office accompanies; the "
                     "reporters are not named.",
        }
        if status in ("agreed", "declined", "completed"):
            record.update(response_no=decision("SNgV-TTĐN"), response_on=iso(start - timedelta(days=10)))
        if status == "completed":
            record["outputs"] = f"{outlet}: phóng sự, bài viết về {topics.lower()}."
        add("journalist_visits", record)
    honours = [
        ("p-la-xiengkhouang", None, "LA", "provincial_certificate", "awarded", date(2022, 9, 2)),
        ("p-la-houaphanh", None, "LA", "provincial_certificate", "awarded", date(2023, 3, 30)),
        (None, "Sở Ngoại vụ tỉnh Bôlykhămxay", "LA", "provincial_certificate", "awarded", date(2023, 8, 15)),
        ("p-kr-gwangju", None, "KR", "commemorative_medal", "awarded", date(2024, 5, 10)),
        ("p-ru-ulyanovsk", None, "RU", "state_medal", "forwarded", date(2024, 6, 20)),
        (None, "Tập thể Trường Đại học Xuphanuvông", "LA", "provincial_certificate", "decided", date(2025, 9, 1)),
        ("p-jp-gifu", None, "JP", "state_order", "reviewed", date(2025, 10, 15)),
        (None, "Tổ chức Tầm nhìn Thế giới tại Việt Nam", "US", "provincial_certificate", "proposed", date(2025, 12, 2)),
        (None, "Hội Hữu nghị Nhật – Việt tỉnh Gifu", "JP", "commemorative_medal", "rejected", date(2025, 4, 3)),
    ]
    for index, (partner, name, country, award, status, on) in enumerate(honours, start=1):
        record = {
            "ref": f"mh-honour-{on.year}-{index:02d}", "recipient_partner": partner, "recipient_name": name,
            "recipient_country": country, "award_type": award,
            "achievement": "Có nhiều đóng góp tích cực vào quan hệ hữu nghị, hợp tác với tỉnh Nghệ An.",
            "proposer_unit": "so-ngoai-vu", "status": status,
            "notes": "Illustrative: an honour of the kind the province gives its partners; recipients are "
                     "organisations, not named people.",
        }
        if status in ("decided", "awarded"):
            record.update(decision_no=decision(), decision_on=iso(on))
        if status == "awarded":
            record.update(ceremony_on=iso(on + timedelta(days=rng.randrange(1, 20))), ceremony_place="TP Vinh")
        add("honours", record)
    experts = [
        ("JP", "Kỹ sư thiết kế vi mạch bán dẫn", "Doanh nghiệp bán dẫn tại Tokyo", "Kỹ sư trưởng",
         ["science_technology"]),
        ("KR", "Y học lâm sàng, tim mạch", "Bệnh viện đại học tại Seoul", "Bác sĩ", ["health"]),
        ("US", "Trí tuệ nhân tạo, dữ liệu lớn", "Viện nghiên cứu tại California", "Nhà nghiên cứu",
         ["science_technology"]),
        ("DE", "Cơ khí chính xác, tự động hóa", "Trường đại học kỹ thuật tại Munich", "Giáo sư",
         ["science_technology", "education"]),
        ("RU", "Vật lý vật liệu", "Viện nghiên cứu tại Moskva", "Tiến sĩ khoa học", ["science_technology"]),
        ("FR", "Kinh tế phát triển, tài chính vi mô", "Trường đại học tại Paris", "Phó Giáo sư", ["economic"]),
        ("AU", "Nông nghiệp bền vững, thủy lợi", "Trường đại học tại Melbourne", "Giảng viên cao cấp",
         ["agriculture"]),
        ("CZ", "Thương mại, phân phối hàng Việt", "Doanh nghiệp phân phối tại Praha", "Chủ doanh nghiệp",
         ["economic", "overseas_vietnamese"]),
        ("TW", "Quản lý sản xuất điện tử", "Tập đoàn điện tử tại Tân Trúc", "Giám đốc nhà máy", ["economic"]),
        ("SG", "Tài chính, quỹ đầu tư", "Quỹ đầu tư tại Singapore", "Giám đốc đầu tư", ["economic"]),
        ("JP", "Điều dưỡng, chăm sóc người cao tuổi", "Cơ sở điều dưỡng tại tỉnh Gifu", "Điều dưỡng trưởng",
         ["health", "labour"]),
        ("LA", "Ngôn ngữ, văn hóa Lào", "Trường đại học tại Viêng Chăn", "Giảng viên", ["education", "cultural"]),
    ]
    for index, (country, expertise, organisation, position, fields) in enumerate(experts, start=1):
        add("experts", {
            "ref": f"mh-expert-{index:02d}", "full_name": person(), "country": country, "fields": fields,
            "expertise": expertise, "organisation": organisation, "position": position,
            "email": f"chuyengia{index:02d}@example.org", "phone": f"+00 000 000 {index:03d}",
            "notes": "Illustrative: an invented person of the kind the province's network of experts of Nghệ An "
                     "origin abroad holds (seeds/003: “build a global network of Nghệ An experts”).",
        })


# --- Plan 134-KH/TU and the annual programmes ----------------------------------------------------
# Sourced parents of illustrative rows: a bundle replaces a record's nested rows as a whole, so a
# plan whose tasks and a programme whose items are illustrative must be written with them, in one
# file. Their own fields are the sourced file's, unchanged (sources in their notes); they carry no
# illustrative mark, their tasks and items do.
SOURCED_PARENTS = """
plans:
  - ref: "plan-134-kh-tu"
    number: "134-KH/TU"
    title: "Kế hoạch thực hiện Chỉ thị số 15-CT/TW ngày 10/8/2022 của Ban Bí thư về công tác ngoại giao kinh tế phục vụ phát triển đất nước đến năm 2030"
    issuer: "Ban Thường vụ Tỉnh ủy Nghệ An"
    implements:
      number: "15-CT/TW"
      title: "Về công tác ngoại giao kinh tế phục vụ phát triển đất nước đến năm 2030"
      issued_on: "2022-08-10"
      issuer: "Ban Bí thư Trung ương Đảng"
    notes: "Source: seeds/002 (Báo Nghệ An) names the plan, the directive it implements (Directive 15-CT/TW of the Central Party Secretariat, 10/08/2022, on economic diplomacy to serve national development by 2030) and that the Provincial Party Standing Committee set 7 groups of tasks and solutions. The plan's issue date is not in the sources, so issued_on is left empty. The title is descriptive (the plan's exact title is not published). Only groups 1 and 2 are identified in the article as groups; the titles of groups 3–7 are not published. The article also names, without numbering them: improving the quality and effectiveness of international economic integration (CPTPP, EVFTA, UKFTA); actively mobilising and selectively attracting foreign investment; foreign organisations in research, technology transfer and start-ups; encouraging overseas Vietnamese from Nghệ An to invest; economic diplomacy centred on people and businesses and the capacity to forecast and advise; promoting Party foreign affairs, State diplomacy and people's diplomacy; and improving the capacity of foreign-affairs and economic-diplomacy cadres. No tasks, lead units or progress are published: every task is illustrative and carries the mark."
    groups:
      - ordinal: 1
        title: "Tuyên truyền, phổ biến, quán triệt về công tác ngoại giao kinh tế phục vụ phát triển đất nước"
        notes: "Confirmed by seeds/002 (“First of all, it is necessary to propagate, disseminate and thoroughly understand economic diplomacy work”); the title renders the article's wording, not the plan's own text, which is not published."
      - ordinal: 2
        title: "Mở rộng, làm sâu sắc quan hệ hợp tác với các đối tác nước ngoài, nhất là các nước láng giềng, đối tác chiến lược, đối tác toàn diện; đan xen lợi ích giữa tỉnh và các đối tác"
        notes: "Confirmed by seeds/002 (“expand and deepen cooperative relations with foreign partners, especially neighboring countries, strategic partners, and comprehensive partners … creating intertwined interests”); the title renders the article's wording, not the plan's own text."
      - ordinal: 3
        title: "Nhóm nhiệm vụ 3 (chưa công bố nội dung)"
        notes: "Not published: seeds/002 says the plan has 7 groups but names only groups 1 and 2 as such. This title is a placeholder, not the plan's wording. The article goes on to name, without numbering them: the quality and effectiveness of international economic integration (CPTPP, EVFTA, UKFTA); mobilising and selectively attracting foreign investment; foreign organisations in research, technology transfer and start-ups; overseas Vietnamese of Nghệ An investing at home; economic diplomacy centred on people and businesses; the three pillars; cadres' capacity. Which of these is group 3 is not published."
      - ordinal: 4
        title: "Nhóm nhiệm vụ 4 (chưa công bố nội dung)"
        notes: "Not published: the title is a placeholder, not the plan's wording (see group 3)."
      - ordinal: 5
        title: "Nhóm nhiệm vụ 5 (chưa công bố nội dung)"
        notes: "Not published: the title is a placeholder, not the plan's wording (see group 3)."
      - ordinal: 6
        title: "Nhóm nhiệm vụ 6 (chưa công bố nội dung)"
        notes: "Not published: the title is a placeholder, not the plan's wording (see group 3)."
      - ordinal: 7
        title: "Nhóm nhiệm vụ 7 (chưa công bố nội dung)"
        notes: "Not published: the title is a placeholder, not the plan's wording (see group 3)."
programmes:
  - ref: "prog-2026"
    year: 2026
    title: "Chương trình đối ngoại tỉnh Nghệ An năm 2026"
    status: "draft"
    notes: "Seeds/001 (13/11/2025): the UBND discussed the 2026 foreign-affairs programme with the draft 2025 report; Vice Chairman Phùng Thành Vinh assigned the Department of Foreign Affairs to finalise both, and asked departments, wards and communes to propose their 2026 activities. Approval and items not published yet: a draft, whose items are illustrative and carry the mark."
"""  # noqa: E501 (the sourced records as the sourced file has them)

# Tasks of Plan 134-KH/TU by group: (title, lead unit line, supporting, due, status). Titles follow
# the themes seeds/002 names; which group holds which theme is not published for groups 3–7.
PLAN_TASKS = {
    1: [("Tổ chức hội nghị quán triệt Chỉ thị 15-CT/TW và Kế hoạch 134-KH/TU cho cán bộ chủ chốt các cấp",
         "so-ngoai-vu", ["tinh-uy"], date(2023, 6, 30), "done"),
        ("Xây dựng chuyên mục ngoại giao kinh tế trên Báo Nghệ An và Cổng thông tin điện tử tỉnh",
         "so-ngoai-vu", ["so-khcn"], date(2024, 12, 31), "done"),
        ("Tuyên truyền về các hiệp định thương mại tự do thế hệ mới cho doanh nghiệp", "so-cong-thuong",
         ["so-ngoai-vu"], date(2026, 12, 31), "in_progress")],
    2: [("Củng cố, phát triển quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện với các tỉnh của Lào",
         "so-ngoai-vu", ["bdbp-tinh", "so-gddt"], date(2025, 12, 31), "in_progress"),
        ("Làm sâu sắc quan hệ với các địa phương kết nghĩa: Gifu, Gyeonggi, Ulyanovsk, Quảng Tây, Hồ Nam",
         "so-ngoai-vu", ["ubnd-tinh"], date(2025, 12, 31), "in_progress"),
        ("Nghiên cứu, ký kết văn bản hợp tác với các đối tác Đông Bắc Á và Đông Nam Á", "so-ngoai-vu",
         ["so-cong-thuong", "invest"], date(2025, 12, 31), "done")],
    3: [("Hỗ trợ doanh nghiệp tận dụng CPTPP, EVFTA, UKFTA; thông tin về quy tắc xuất xứ", "so-cong-thuong",
         ["so-ngoai-vu"], date(2025, 12, 31), "in_progress"),
        ("Kết nối doanh nghiệp Nghệ An vào chuỗi cung ứng của doanh nghiệp FDI trong khu công nghiệp",
         "so-cong-thuong", ["bql-kkt"], date(2025, 6, 30), "overdue")],
    4: [("Xúc tiến đầu tư có chọn lọc vào các thị trường Nhật Bản, Hàn Quốc, Singapore, Đài Loan (Trung Quốc)",
         "invest", ["bql-kkt", "so-ngoai-vu"], date(2025, 12, 31), "in_progress"),
        ("Theo dõi, hỗ trợ nhà đầu tư sau cấp phép; giải quyết kiến nghị của doanh nghiệp FDI", "bql-kkt",
         ["invest", "so-cong-thuong"], date(2025, 12, 31), "in_progress"),
        ("Vận động nguồn vốn ODA và vốn vay ưu đãi cho hạ tầng giao thông, thoát nước", "invest",
         ["so-ngoai-vu"], date(2024, 12, 31), "done")],
    5: [("Thu hút các tổ chức nước ngoài hợp tác nghiên cứu, chuyển giao công nghệ và khởi nghiệp sáng tạo",
         "so-khcn", ["dai-hoc-vinh"], date(2026, 6, 30), "not_started"),
        ("Xây dựng mạng lưới chuyên gia, trí thức người Nghệ An ở nước ngoài", "so-ngoai-vu", ["so-khcn"],
         date(2025, 12, 31), "in_progress")],
    6: [("Khuyến khích kiều bào Nghệ An đầu tư, kinh doanh tại quê hương; gặp mặt kiều bào dịp Tết",
         "so-ngoai-vu", ["invest"], date(2025, 12, 31), "in_progress"),
        ("Phối hợp đối ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân trong các hoạt động xúc tiến",
         "so-ngoai-vu", ["tinh-uy", "lhh-huu-nghi"], date(2025, 12, 31), "done"),
        ("Tổ chức hội nghị đối thoại với doanh nghiệp FDI về thủ tục hành chính", "invest", ["bql-kkt"],
         date(2024, 6, 30), "dropped")],
    7: [("Bồi dưỡng kiến thức ngoại giao kinh tế, ngoại ngữ cho cán bộ làm công tác đối ngoại",
         "so-ngoai-vu", ["so-noi-vu"], date(2025, 12, 31), "in_progress"),
        ("Cử cán bộ tham gia khóa đào tạo về hội nhập quốc tế của Bộ Ngoại giao", "so-ngoai-vu", [],
         date(2024, 12, 31), "done")],
}


def plans(sourced_parents: dict) -> None:
    plan = dict(sourced_parents["plans"][0])
    trips_2025 = [d for d in DELEGATIONS if d["status"] in TOOK_PLACE and d["start_on"][:4] >= "2023"]
    agreements_signed = [a for a in AGREEMENTS if a["signed_on"] and a["signed_on"][:4] >= "2023"]
    fdi_linked = [p for p in FDI if p.get("origin_delegation") or p.get("origin_event")]
    groups = []
    serial = iter(range(1, 100))
    for group in plan["groups"]:
        tasks = []
        for title, lead, supporting, due, status in PLAN_TASKS[group["ordinal"]]:
            lead_unit = unit_for(lead, date(2025, 6, 1))
            percent_end = {"done": 100, "in_progress": rng.randrange(45, 85), "overdue": rng.randrange(30, 60),
                           "not_started": 0, "dropped": 10}[status]
            progress = []
            if percent_end:
                steps = [date(2023, 12, 15), date(2024, 6, 15), date(2024, 12, 15), date(2025, 6, 15),
                         date(2025, 11, 20)]
                for index, day in enumerate(steps):
                    percent = min(percent_end, round(percent_end * (index + 1) / len(steps)))
                    progress.append({"date": iso(day), "percent": percent,
                                     "note": f"{UNIT_NAMES[lead_unit if day >= MERGED_ON else unit_for(lead, day)]} "
                                             f"báo cáo tiến độ: đạt {percent}% khối lượng công việc."})
                    if percent >= percent_end:
                        break
            evidence = []
            if group["ordinal"] == 2 and "Lào" in title:
                evidence = [{"delegation": t["ref"], "date": t["start_on"], "note": "Đoàn ra, đoàn vào với tỉnh Lào."}
                            for t in trips_2025 if t["countries"] == ["LA"]][:4]
            elif group["ordinal"] == 2 and "ký kết" in title:
                evidence = [{"agreement": a["ref"], "date": a["signed_on"]} for a in agreements_signed
                            if a["partners"][0] not in ("p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay")][:4]
            elif group["ordinal"] == 4 and "Xúc tiến" in title:
                evidence = [{"fdi_project": p["ref"], "date": p["registered_on"]} for p in fdi_linked][:4]
                evidence += [{"event": "e-mh-2025-investment-conference", "date": "2025-09-25"}]
            ref = f"mh-task-134-{group['ordinal']}-{next(serial):02d}"
            if group["ordinal"] == 2 and "Lào" in title:
                # The sourced file's one illustrative task keeps its ref and its two sourced links.
                ref = "task-134-2-lao-provinces"
                evidence = [{"date": "2025-01-20", "delegation": "d-2025-in-savannakhet-tet",
                             "note": "Illustrative link: the Savannakhet leaders' New Year visit."},
                            {"date": "2025-04-02", "delegation": "d-2025-ct-houaphanh-bunpimay",
                             "note": "Illustrative link: the provincial delegation's Bunpimay visit to Houaphanh."},
                            *evidence[:3]]
            tasks.append({"ref": ref, "illustrative": True,
                          "title": title, "lead_unit": lead_unit,
                          "supporting_units": sorted({unit_for(u, date(2025, 6, 1)) for u in supporting}),
                          "due_on": iso(due), "status": status, "progress": progress, "evidence": evidence,
                          "notes": "Illustrative: the plan's tasks, lead units and progress are not published; the "
                                   "title follows the themes seeds/002 names."})
        group = dict(group)
        group["tasks"] = tasks
        groups.append(group)
    plan["groups"] = groups
    add("plans", plan, illustrative=False)


def programmes(sourced_parents: dict) -> None:
    # 2025: approved in December 2024; items linked to what took place are done.
    done = []
    took_place = [d for d in DELEGATIONS if d["status"] in TOOK_PLACE and d["start_on"][:4] == "2025"]
    by_country = {}
    for trip in took_place:
        by_country.setdefault((trip["direction"], trip["countries"][0]), trip)
    planned_trips = [
        ("outgoing", "LA", "Đoàn đại biểu cấp cao tỉnh thăm, làm việc với các tỉnh Lào giáp biên", "state", 2),
        ("outgoing", "JP", "Đoàn công tác của tỉnh xúc tiến đầu tư tại Nhật Bản", "state", 3),
        ("outgoing", "KR", "Đoàn công tác xúc tiến thương mại, du lịch tại Hàn Quốc", "state", 4),
        ("outgoing", "CN", "Đoàn Sở Công Thương tham gia Hội chợ CAEXPO tại Nam Ninh", "state", 3),
        ("incoming", "LA", "Đón các đoàn lãnh đạo tỉnh Lào thăm, chúc Tết và làm việc", "state", 1),
        ("incoming", "KR", "Đón đoàn doanh nghiệp Hàn Quốc kết nối giao thương", "state", 3),
        ("incoming", "JP", "Đón đoàn đại biểu tỉnh Gifu (Nhật Bản)", "state", 2),
    ]
    items = []
    serial = iter(range(1, 100))
    for direction, country, title, pillar, quarter in planned_trips:
        trip = by_country.get((direction, country))
        items.append({"ref": f"mh-item-2025-{next(serial):02d}", "illustrative": True,
                      "kind": f"{direction}_delegation", "pillar": pillar, "title": title, "countries": [country],
                      "quarter": quarter, "lead_unit": "so-ngoai-vu", "funding": "state_budget",
                      "budget_vnd": trip.get("budget_vnd") if trip else 400_000_000,
                      "delegation": trip["ref"] if trip else None,
                      "status": None if trip else "postponed",
                      "notes": "Illustrative item, linked to what took place." if trip else "Illustrative item."})
        done.append(trip)
    events_2025 = [("e-2025-sen-village-festival", "event", "Lễ hội Làng Sen năm 2025", 2, "so-vhttdl"),
                   ("e-mh-2025-investment-conference", "promotion", "Hội nghị Xúc tiến đầu tư năm 2025", 3,
                    "so-tai-chinh"),
                   ("e-mh-2025-bunpimay", "people_to_people", "Tết Bunpimay với lưu học sinh Lào", 2,
                    "hoi-huu-nghi-viet-lao"),
                   ("e-mh-2025-ho-chi-minh-135-conference", "conference",
                    "Hội thảo quốc tế nhân kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh", 2, "so-vhttdl"),
                   ("e-mh-2025-gwangju-culture-week", "promotion", "Tuần Văn hóa – Du lịch Nghệ An tại Gwangju", 4,
                    "so-vhttdl")]
    for event_ref, kind, title, quarter, unit in events_2025:
        items.append({"ref": f"mh-item-2025-{next(serial):02d}", "illustrative": True, "kind": kind,
                      "pillar": "state", "title": title, "quarter": quarter, "lead_unit": unit, "event": event_ref,
                      "notes": "Illustrative item, linked to the event held."})
    for agreement_ref, title in (("a-mh-2025-xk-minutes", "Ký biên bản hội đàm năm 2025 với tỉnh Xiêng Khoảng"),
                                 ("a-mh-2025-gifu-digital-agriculture", "Ký biên bản ghi nhớ hợp tác nông nghiệp "
                                                                        "với tỉnh Gifu"),
                                 ("a-mh-2025-kocham", "Ký biên bản ghi nhớ với Hiệp hội Doanh nghiệp Hàn Quốc")):
        items.append({"ref": f"mh-item-2025-{next(serial):02d}", "illustrative": True, "kind": "agreement",
                      "pillar": "state", "title": title, "lead_unit": "so-ngoai-vu", "agreement": agreement_ref,
                      "notes": "Illustrative item, linked to the agreement signed."})
    for kind, title, quarter, status in (
        ("outgoing_delegation", "Đoàn công tác thăm, làm việc với cộng đồng người Nghệ An tại Cộng hòa Séc", 3,
         "cancelled"),
        ("conference", "Hội thảo quốc tế về hành lang kinh tế Quốc lộ 8", 4, "carried_over"),
        ("incoming_delegation", "Đón đoàn đại biểu tỉnh Ulyanovsk (Liên bang Nga)", 3, "postponed"),
        ("people_to_people", "Giao lưu hữu nghị thanh niên Nghệ An – Hủa Phăn", 4, "scheduled"),
    ):
        items.append({"ref": f"mh-item-2025-{next(serial):02d}", "illustrative": True, "kind": kind,
                      "pillar": "state" if kind != "people_to_people" else "people", "title": title,
                      "quarter": quarter, "lead_unit": "so-ngoai-vu", "status": status,
                      "notes": "Illustrative item."})
    add("programmes", {
        "ref": "mh-prog-2025", "year": 2025, "title": "Chương trình đối ngoại tỉnh Nghệ An năm 2025",
        "status": "approved", "approved_on": "2024-12-20", "items": [{k: v for k, v in item.items()
                                                                      if v not in (None, "", [])} for item in items],
        "notes": "Illustrative: the 2025 programme (presented at the UBND's November 2024 meeting, as the 2024 one "
                 "was in November 2023, seeds/000); its approval and items are not published. Items linked to what "
                 "took place are done.",
    })
    # 2026: the sourced draft, with the sourced file's one item and illustrative ones.
    programme = dict(sourced_parents["programmes"][0])
    items_2026 = [
        {"ref": "item-2026-lao-provinces", "illustrative": True, "kind": "outgoing_delegation", "pillar": "state",
         "title": "Đoàn công tác của tỉnh thăm và làm việc tại các tỉnh Lào giáp biên (Xiêng Khoảng, Hủa Phăn, "
                  "Bôlykhămxay)", "fields": ["political", "border"],
         "partners": ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"], "countries": ["LA"],
         "lead_unit": "so-ngoai-vu", "funding": "state_budget",
         "notes": "Illustrative: not a published item of the 2026 programme. It follows the orientation of seeds/003 "
                  "(2025–2030: “strengthening traditional friendship with Lao localities”) and seeds/001 "
                  "(delegations are budget-funded and must show results)."},
    ]
    plan_2026 = [
        ("agreement", "Ký Thỏa thuận hợp tác giai đoạn 2026–2030 với các tỉnh Xiêng Khoảng, Hủa Phăn, Bôlykhămxay",
         ["p-la-xiengkhouang", "p-la-houaphanh", "p-la-bolikhamxay"], ["LA"], 1, "so-ngoai-vu", None, "scheduled"),
        ("outgoing_delegation", "Đoàn Sở Công Thương tham gia Hội chợ FOODEX Japan 2026", ["p-jp-jetro"], ["JP"], 1,
         "so-cong-thuong", 620_000_000, "scheduled"),
        ("outgoing_delegation", "Đoàn công tác của tỉnh xúc tiến đầu tư tại Hàn Quốc và làm việc với tỉnh Gyeonggi",
         ["p-kr-gyeonggi", "p-kr-kotra"], ["KR"], 2, "so-tai-chinh", 1_150_000_000, "planned"),
        ("outgoing_delegation", "Đoàn đại biểu Tỉnh ủy thăm và làm việc tại Cuba", ["p-cu-pcc"], ["CU"], 3, "tinh-uy",
         2_300_000_000, "planned"),
        ("incoming_delegation", "Đón đoàn đại biểu tỉnh Ulyanovsk nhân kỷ niệm 156 năm Ngày sinh V.I. Lê-nin",
         ["p-ru-ulyanovsk"], ["RU"], 2, "so-ngoai-vu", 250_000_000, "planned"),
        ("conference", "Hội thảo quốc tế về phát triển hành lang kinh tế trên Quốc lộ 8 và Quốc lộ 12",
         ["p-assoc-route-8-12"], ["LA", "TH"], 1, "so-ngoai-vu", 450_000_000, "scheduled"),
        ("promotion", "Hội nghị Xúc tiến đầu tư tỉnh Nghệ An năm 2026", ["p-jp-jetro", "p-kr-kotra"], [], 3,
         "so-tai-chinh", 1_800_000_000, "planned"),
        ("event", "Lễ hội Làng Sen năm 2026, kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh", [], [], 2, "so-vhttdl",
         900_000_000, "planned"),
        ("people_to_people", "Tết Bunpimay 2026 với lưu học sinh Lào tại Nghệ An", [], ["LA"], 2,
         "hoi-huu-nghi-viet-lao", 80_000_000, "planned"),
        ("event", "Kỷ niệm 65 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào (chuẩn bị, 2027)",
         ["p-la-embassy"], ["LA"], 4, "so-ngoai-vu", 150_000_000, "planned"),
        ("agreement", "Ký Biên bản ghi nhớ hợp tác toàn diện giai đoạn mới với tỉnh Gyeonggi", ["p-kr-gyeonggi"],
         ["KR"], 2, "so-ngoai-vu", None, "planned"),
        ("other", "Gặp mặt kiều bào Nghệ An dịp Tết Bính Ngọ 2026", [], [], 1, "so-ngoai-vu", 120_000_000,
         "scheduled"),
    ]
    for index, (kind, title, partners, countries, quarter, unit, budget, status) in enumerate(plan_2026, start=1):
        items_2026.append({"ref": f"mh-item-2026-{index:02d}", "illustrative": True, "kind": kind,
                           "pillar": "party" if unit == "tinh-uy" else ("people" if kind == "people_to_people"
                                                                        else "state"),
                           "title": title, "partners": partners, "countries": countries, "quarter": quarter,
                           "lead_unit": unit, "funding": "state_budget" if budget else None, "budget_vnd": budget,
                           "status": status, "notes": "Illustrative item of the draft 2026 programme."})
    programme["items"] = [{k: v for k, v in item.items() if v not in (None, "", [])} for item in items_2026]
    add("programmes", programme, illustrative=False)


# --- the office's saved reports --------------------------------------------------------------------
REPORTS = [
    {
        "ref": "mh-report-2022", "kind": "annual", "start": "2022-01-01", "end": "2022-12-31",
        "title": "Báo cáo kết quả công tác đối ngoại năm 2022 và phương hướng, nhiệm vụ năm 2023",
        "number": "MH-00/BC-SNgV", "place": "Nghệ An", "issued_on": "2022-11-25",
        "issuer_name": "SỞ NGOẠI VỤ", "issuer_parent": "UBND TỈNH NGHỆ AN", "signer_title": "Giám đốc Sở Ngoại vụ",
        "recipients": "Ủy ban nhân dân tỉnh\nBộ Ngoại giao\nLưu: VT, VP",
        "context": "Năm 2022, các hoạt động đối ngoại trực tiếp được nối lại sau dịch COVID-19 (Việt Nam mở cửa trở "
                   "lại "
                   "từ ngày 15/3/2022); Năm Đoàn kết hữu nghị Việt Nam – Lào 2022.",
        "strengths": "Lần đầu tiên tỉnh vào nhóm 10 địa phương thu hút FDI cao nhất cả nước với tổng vốn 961,3 triệu "
                     "USD; "
                     "thiết lập quan hệ hợp tác hữu nghị với thành phố Gwangju (Hàn Quốc); ký biên bản ghi nhớ với "
                     "Liên "
                     "đoàn Sản xuất Singapore.",
        "limitations": "Số đoàn ra, đoàn vào còn ít do các hoạt động mới được nối lại từ tháng 3.",
        "causes": "Ảnh hưởng kéo dài của dịch COVID-19 trong quý I.",
        "lessons": "Kết hợp hình thức trực tuyến và trực tiếp trong xúc tiến đầu tư.",
        "directions": "Năm 2023, đẩy mạnh các đoàn xúc tiến đầu tư tại Hàn Quốc, Nhật Bản, Singapore, Hoa Kỳ.",
        "recommendations": "Đề nghị Bộ Ngoại giao hỗ trợ kết nối với các Cơ quan đại diện Việt Nam ở nước ngoài.",
        "section_texts": {
            "foreign_information": "Cung cấp thông tin cho phóng viên nước ngoài về Lễ hội Làng Sen và các hoạt động "
                                   "kỷ niệm 60 năm quan hệ ngoại giao Việt Nam – Lào.",
        },
        "notes": "Illustrative report record: the 2022 report is not published; its texts are illustrative (the FDI "
                 "figure and the Gwangju and SMF agreements are sourced records), its figures are the register's.",
    },
    {
        "ref": "mh-report-2023", "kind": "annual", "start": "2023-01-01", "end": "2023-12-31",
        "title": "Báo cáo kết quả công tác đối ngoại năm 2023 và phương hướng, nhiệm vụ năm 2024",
        "number": "MH-01/BC-SNgV", "place": "Nghệ An", "issued_on": "2023-11-24",
        "issuer_name": "SỞ NGOẠI VỤ", "issuer_parent": "UBND TỈNH NGHỆ AN", "signer_title": "Giám đốc Sở Ngoại vụ",
        "signer": "Trần Khánh Thục",
        "recipients": "Ủy ban nhân dân tỉnh\nBộ Ngoại giao\nLưu: VT, VP",
        "context": "Năm 2023, tình hình thế giới tiếp tục diễn biến phức tạp; Việt Nam và Hoa Kỳ nâng cấp quan hệ "
                   "lên Đối tác chiến lược toàn diện. Tỉnh triển khai công tác đối ngoại đồng bộ trên ba trụ cột: "
                   "đối ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân.",
        "strengths": "Công tác đối ngoại năm 2023 thực sự khởi sắc với nhiều hoạt động nổi bật: tổ chức thành công các "
                     "đoàn công tác, đối ngoại Đảng, hợp tác hữu nghị giữa các chính quyền, thu hút đầu tư, thương "
                     "mại, "
                     "du lịch. Ngoại giao kinh tế được triển khai mạnh mẽ, toàn diện, có chuyển biến sâu sắc cả về "
                     "chất "
                     "và lượng.",
        "limitations": "Một số đơn vị báo cáo kết quả chuyến công tác còn chậm so với thời hạn; việc theo dõi, triển "
                       "khai "
                       "các văn bản đã ký kết ở một số lĩnh vực chưa thường xuyên.",
        "causes": "Nguồn nhân lực làm công tác đối ngoại ở các sở, ngành còn mỏng, chủ yếu kiêm nhiệm.",
        "lessons": "Các đoàn ra phải có mục tiêu, sản phẩm cụ thể; gắn đối ngoại với thu hút đầu tư, thương mại.",
        "directions": "Năm 2024, tiếp tục duy trì quan hệ với các đối tác truyền thống, mở rộng quan hệ với Hoa Kỳ, "
                      "Ấn Độ "
                      "và các nước châu Âu; đẩy mạnh ngoại giao kinh tế, thu hút các dự án FDI quy mô lớn, công nghệ "
                      "cao.",
        "recommendations": "Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ tỉnh kết nối với các Cơ quan đại diện Việt Nam ở "
                           "nước "
                           "ngoài trong xúc tiến đầu tư, thương mại.",
        "section_texts": {
            "party": "Công tác đối ngoại Đảng tiếp tục được triển khai mạnh mẽ; chỉ đạo chặt chẽ việc quản lý thống "
                     "nhất "
                     "các hoạt động đối ngoại trên địa bàn; tăng cường quan hệ đối ngoại Đảng với các địa phương có "
                     "quan "
                     "hệ truyền thống và đối tác tiềm năng.",
            "state": "Ngoại giao Nhà nước được triển khai đồng bộ, hiệu quả. Tỉnh tiếp tục duy trì quan hệ với các đối "
                     "tác truyền thống như các tỉnh Xiêng Khoảng, Hủa Phăn, Bôlykhămxay (Lào), tỉnh Gyeonggi (Hàn "
                     "Quốc), tỉnh Gifu (Nhật Bản), tỉnh Ulyanovsk (Liên bang Nga); mở rộng quan hệ với Hoa Kỳ, Ấn Độ, "
                     "một số nước châu Âu và các hiệp hội doanh nghiệp.",
            "economic": "Nhân chuyến thăm Singapore của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh làm việc với Tập đoàn "
                        "Sembcorp và Liên đoàn Sản xuất Singapore, nhận Quyết định chủ trương đầu tư Dự án VSIP Nghệ "
                        "An "
                        "II. Đoàn công tác của Chủ tịch UBND tỉnh tại Hoa Kỳ làm việc với Hội đồng Kinh doanh Hoa Kỳ – "
                        "ASEAN, Hiệp hội Công nghiệp Bán dẫn, tổ chức 2 hội thảo kết nối đầu tư tại Texas và "
                        "Washington D.C.",
            "people": "Hoạt động đối ngoại nhân dân tiếp tục được triển khai hiệu quả, từng bước đi vào chiều sâu, "
                      "thực "
                      "chất; góp phần củng cố tình hữu nghị truyền thống với các nước láng giềng.",
            "foreign_information": "Định hướng hoạt động thông tin đối ngoại của tỉnh; cung cấp thông tin cho phóng "
                                   "viên nước ngoài đến tìm hiểu về du lịch, đầu tư.",
        },
        "notes": "Illustrative report record: the office's 2023 report itself is not published. Its texts follow "
                 "seeds/000 (Báo Nghệ An, 27/11/2023), which summarises the assessment presented at the UBND's "
                 "November 2023 meeting by the Director of the Department of Foreign Affairs (seeds/004 caption); the "
                 "document number (MH-…) is not real.",
    },
    {
        "ref": "mh-report-2024", "kind": "annual", "start": "2024-01-01", "end": "2024-12-31",
        "title": "Báo cáo kết quả công tác đối ngoại năm 2024 và phương hướng, nhiệm vụ năm 2025",
        "number": "MH-02/BC-SNgV", "place": "Nghệ An", "issued_on": "2024-11-22",
        "issuer_name": "SỞ NGOẠI VỤ", "issuer_parent": "UBND TỈNH NGHỆ AN", "signer_title": "Giám đốc Sở Ngoại vụ",
        "recipients": "Ủy ban nhân dân tỉnh\nBộ Ngoại giao\nLưu: VT, VP",
        "context": "Năm 2024 là năm tăng tốc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX; tỉnh tiếp tục nằm "
                   "trong nhóm 10 địa phương thu hút FDI cao nhất cả nước.",
        "strengths": "Thu hút FDI đạt kết quả cao: 19 dự án cấp mới và 14 dự án điều chỉnh tăng vốn; nhiều đoàn công "
                     "tác "
                     "xúc tiến đầu tư tại Trung Quốc, Đài Loan (Trung Quốc), Hàn Quốc mang lại kết quả cụ thể. Quan hệ "
                     "với tỉnh Ulyanovsk được thúc đẩy với chuyến thăm của đoàn cấp cao hai tỉnh và việc khánh thành "
                     "tượng đài V.I. Lê-nin tại TP Vinh.",
        "limitations": "Việc theo dõi hiệu quả sau các chuyến công tác chưa đồng đều; một số vướng mắc của nhà đầu "
                       "tư về "
                       "mặt bằng, nhân lực chậm được giải quyết.",
        "causes": "Phối hợp giữa các sở, ngành trong hỗ trợ nhà đầu tư sau cấp phép chưa chặt chẽ.",
        "lessons": "Gắn mỗi đoàn ra với danh mục đối tác, dự án cần theo dõi; chủ động hỗ trợ nhà đầu tư sau cấp phép.",
        "directions": "Năm 2025, triển khai Nghị quyết 59-NQ/TW về hội nhập quốc tế trong tình hình mới; chuẩn bị tốt "
                      "các hoạt động đối ngoại chào mừng Đại hội Đảng bộ tỉnh lần thứ XX và 135 năm Ngày sinh Chủ tịch "
                      "Hồ Chí Minh.",
        "recommendations": "Đề nghị Bộ Ngoại giao hỗ trợ tổ chức các hoạt động xúc tiến tại Nhật Bản, Hàn Quốc.",
        "section_texts": {
            "state": "Tỉnh đón và làm việc với nhiều đoàn quốc tế; mở rộng quan hệ với tỉnh Hồ Nam (Trung Quốc) và "
                     "tỉnh "
                     "Nakhon Phanom (Thái Lan).",
            "people": "Các hội hữu nghị tổ chức nhiều hoạt động giao lưu; Ngày hội Văn hóa Việt Nam – Hàn Quốc thu hút "
                      "đông đảo nhân dân tham gia.",
            "foreign_information": "Phối hợp đón các đoàn phóng viên nước ngoài tìm hiểu về thu hút đầu tư và các khu "
                                   "công nghiệp của tỉnh.",
        },
        "notes": "Illustrative report record: the 2024 report is not published; its texts are illustrative, its "
                 "figures are the register's (the 2024 FDI figures are the published ones, domain.md §5).",
    },
    {
        "ref": "mh-report-2025", "kind": "annual", "start": "2025-01-01", "end": "2025-12-31",
        "title": "Báo cáo kết quả công tác đối ngoại năm 2025 và Chương trình đối ngoại năm 2026",
        "number": "MH-03/BC-SNgV", "place": "Nghệ An", "issued_on": "2025-12-15",
        "issuer_name": "SỞ NGOẠI VỤ", "issuer_parent": "UBND TỈNH NGHỆ AN", "signer_title": "Giám đốc Sở Ngoại vụ",
        "recipients": "Ủy ban nhân dân tỉnh\nBộ Ngoại giao\nLưu: VT, VP",
        "context": "Năm 2025, Bộ Chính trị ban hành Nghị quyết số 59-NQ/TW ngày 24/01/2025 về hội nhập quốc tế trong "
                   "tình hình mới; tỉnh vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025. Công tác đối ngoại "
                   "của tỉnh được triển khai đồng bộ, quyết liệt trên cả ba trụ cột.",
        "strengths": "Đối ngoại Đảng được tăng cường, nhất là quan hệ với các địa phương Lào, Trung Quốc, Liên bang "
                     "Nga, "
                     "Cuba. Ngoại giao Nhà nước có nhiều hoạt động sôi nổi: UBND tỉnh đón, làm việc với 14 đoàn quốc "
                     "tế, "
                     "cho phép 99 đoàn nước ngoài vào làm việc với các cơ quan, đơn vị; tổ chức 59 đoàn ra, trong đó "
                     "15 "
                     "đoàn của lãnh đạo tỉnh. Ngoại giao kinh tế có chuyển biến sâu sắc: 10 tháng đầu năm cấp mới 19 "
                     "dự "
                     "án FDI với tổng vốn đăng ký 301,9 triệu USD, điều chỉnh tăng vốn 15 dự án với 675,3 triệu USD.",
        "limitations": "Việc quảng bá văn hóa ra nước ngoài, đối ngoại trong giáo dục, khoa học – công nghệ, y tế còn "
                       "chưa tương xứng với tiềm năng; một số báo cáo sau chuyến công tác còn chậm.",
        "causes": "Việc sắp xếp tổ chức bộ máy năm 2025 ảnh hưởng đến tiến độ một số nhiệm vụ.",
        "lessons": "Các đoàn ra sử dụng ngân sách phải được nghiên cứu kỹ, có kết quả, hiệu quả, tác động cụ thể đến "
                   "phát triển kinh tế – xã hội.",
        "directions": "Năm 2026, tiếp tục đổi mới mạnh mẽ công tác đối ngoại; tập trung triển khai Nghị quyết 59-NQ/TW "
                      "và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025–2030; ký Thỏa thuận hợp tác giai "
                      "đoạn 2026–2030 với các tỉnh Lào giáp biên; các sở, ngành, phường, xã chủ động đề xuất hoạt động "
                      "đối ngoại.",
        "recommendations": "Đề nghị Bộ Ngoại giao hướng dẫn triển khai Nghị quyết 59-NQ/TW ở cấp tỉnh; hỗ trợ đào tạo "
                           "cán bộ đối ngoại cho cấp xã sau sắp xếp.",
        "section_texts": {
            "party": "Quan hệ đối ngoại Đảng với các địa phương có quan hệ truyền thống và đối tác tiềm năng như Lào, "
                     "Trung Quốc, Liên bang Nga, Cuba được tăng cường.",
            "economic": "Công tác kết nối được đẩy mạnh, thu hút FDI, ODA, xuất nhập khẩu hàng hóa, xuất khẩu lao động "
                        "với nhiều quốc gia, vùng lãnh thổ.",
            "cultural": "Lễ hội Làng Sen năm 2025 và các hoạt động kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh "
                        "lan tỏa "
                        "giá trị Di sản Hồ Chí Minh; giao lưu Dân ca Ví, Giặm tại nước ngoài.",
            "foreign_information": "Thông tin đối ngoại với nhiều ấn phẩm, chương trình song ngữ quảng bá hình ảnh "
                                   "Nghệ An ra thế giới.",
        },
        "notes": "Illustrative report record: the draft 2025 report was discussed on 13/11/2025 (seeds/001) and is not "
                 "published; its texts follow seeds/001 and seeds/003, its figures are the register's.",
    },
]


def reports() -> None:
    for report in REPORTS:
        add("reports", dict(report))


# --- putting it together ---------------------------------------------------------------------------
def load_yaml(text_or_path) -> dict:
    from foreign_affairs.core.bundle.io import load_bundle_file, parse_bundle_text

    if isinstance(text_or_path, Path):
        return load_bundle_file(text_or_path)
    return parse_bundle_text(text_or_path)


def build() -> dict:
    sourced = load_yaml(SOURCED)
    _count_sourced(sourced)
    units()
    partners()
    agreements()
    events()
    delegations_outgoing()
    delegations_incoming()
    delegations_pipeline()
    for record in sorted(DELEGATIONS, key=lambda d: (d["start_on"], d["ref"])):
        add("delegations", {k: v for k, v in record.items()})
    fdi()
    link_fdi_to_trips()
    write_fdi()
    oda()
    leads_and_aftercare()
    ngos_and_aid()
    consular()
    press_honours_experts()
    parents = load_yaml(SOURCED_PARENTS)
    plans(parents)
    programmes(parents)
    reports()
    order = ["units", "partners", "agreements", "delegations", "events", "fdi_projects", "oda_programmes", "plans",
             "consular_cases", "investment_leads", "aftercare_visits", "aftercare_issues", "foreign_ngos",
             "ngo_certificates", "aid_items", "programmes", "journalist_visits", "honours", "experts", "reports"]
    assert set(OUT) == set(order), set(OUT) ^ set(order)
    return {"format": "fa-bundle/1", "province": {"code": "40", "name_vi": "Nghệ An", "name_en": "Nghe An"},
            **{name: OUT[name] for name in order}}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write the illustrative part of the Nghệ An demo.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the committed file differs from what the script writes")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foreign_affairs.settings")
    import django

    django.setup()
    from foreign_affairs.core.bundle.io import dump_bundle

    data = build()
    text = dump_bundle(data, "json")
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is not what demo/generate.py writes: run make demo-bundle")
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    counts = ", ".join(f"{name} {len(records)}" for name, records in data.items() if isinstance(records, list))
    print(f"Wrote {OUTPUT.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main()
