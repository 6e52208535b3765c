"""Figures, dates and scripts as a report writes them (vi: 1.298.000.000 and 128,53 %; en: 1,298,000,000)."""

from datetime import date

import pytest

from foreign_affairs.core.documents import formatting
from foreign_affairs.core.documents.decree30 import place_and_date, split_scripts

from .conftest import normalise


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("vi", "1.298.000.000"), ("en", "1,298,000,000"), ("en-gb", "1,298,000,000"), (None, "1.298.000.000")],
)
def test_numbers_have_the_language_separators(lang, expected):
    assert formatting.number(1298000000, lang) == expected


def test_percentages_have_two_decimals_and_the_language_sign():
    assert normalise(formatting.percent(128.53, "vi")) == "128,53 %"
    assert formatting.percent(128.53, "en") == "128.53%"
    assert normalise(formatting.percent(35.0, "vi", signed=True)) == "+35,00 %"
    assert formatting.percent(-12.9, "en", signed=True) == "-12.90%"
    # The Vietnamese space before % does not break between the number and the sign.
    assert formatting.percent(1, "vi").endswith("\u00a0%")


def test_money_is_exact_and_also_given_in_words():
    assert formatting.quantity(1298000000, "USD", "USD", "vi") == "1.298.000.000 USD"
    assert formatting.quantity_in_words(1298000000, "USD", "USD", "vi") == "1,298 tỷ USD"
    assert formatting.quantity_in_words(1298000000, "USD", "USD", "en") == "1.298 billion USD"
    assert formatting.quantity_in_words(5432100000000, "VND", "đồng", "vi") == "5,432 nghìn tỷ đồng"
    # Below a million, and for counts, the exact figure is enough.
    assert formatting.quantity_in_words(950000, "USD", "USD", "en") == ""
    assert formatting.quantity_in_words(18639, "persons", "người", "vi") == ""


def test_quantities_carry_their_unit_label_and_absent_values_stay_empty():
    assert formatting.quantity(18639, "persons", "người", "vi") == "18.639 người"
    assert formatting.quantity(16, "count", None, "en") == "16"
    assert normalise(formatting.quantity(12.5, "percent", "%", "vi")) == "12,50 %"
    assert formatting.quantity(None, "USD", "USD", "vi") == ""


def test_dates_are_dd_mm_yyyy_in_vietnamese():
    assert formatting.local_date("2023-11-27", "vi") == "27/11/2023"
    assert formatting.local_date("2023-11-27", "en") == "27 Nov 2023"
    assert formatting.local_date("2026-12-01T10:00:00+07:00", "vi") == "01/12/2026"
    assert formatting.period("2025-01-01", "2025-10-31", "vi") == "01/01/2025 – 31/10/2025"


def test_record_table_cells():
    assert formatting.cell(1250, "vi") == "1.250"
    assert formatting.cell("2012-06-10", "vi") == "10/06/2012"
    assert formatting.cell(["Lào", "Thái Lan"], "vi") == "Lào, Thái Lan"
    assert formatting.cell({"name": "Sở Ngoại vụ"}, "vi") == "Sở Ngoại vụ"
    assert formatting.cell(None, "vi") == ""
    assert formatting.cell("01/11/2023", "vi") == "01/11/2023"


def test_place_and_date_follow_decree_30():
    # A zero before days 1–9 and before months 1 and 2, not before the other months.
    assert place_and_date("Nghệ An", date(2024, 2, 5), "vi") == "Nghệ An, ngày 05 tháng 02 năm 2024"
    assert place_and_date("Nghệ An", "2023-12-15", "vi") == "Nghệ An, ngày 15 tháng 12 năm 2023"
    assert place_and_date("Nghệ An", "2023-03-09", "vi") == "Nghệ An, ngày 09 tháng 3 năm 2023"
    assert place_and_date("Nghe An", "2023-12-15", "en") == "Nghe An, 15 December 2023"
    # A draft without a date leaves the blanks to fill in by hand.
    assert place_and_date("Nghệ An", None, "vi").startswith("Nghệ An, ngày ")


def test_text_is_split_into_runs_per_script():
    assert split_scripts("Tỉnh Nghệ An") == [(None, "Tỉnh Nghệ An")]
    assert split_scripts("ນະຄອນຫຼວງວຽງຈັນ, Lào") == [("lao", "ນະຄອນຫຼວງວຽງຈັນ, "), (None, "Lào")]
    assert split_scripts("จังหวัดขอนแก่น") == [("thai", "จังหวัดขอนแก่น")]
    assert split_scripts("湖南省") == [("chinese", "湖南省")]
    # Han with kana nearby is Japanese.
    assert split_scripts("岐阜県 ぎふけん") == [("japanese", "岐阜県 ぎふけん")]
    assert split_scripts("경기도") == [("korean", "경기도")]
    # Cyrillic is in Times New Roman itself.
    assert split_scripts("Ульяновская область") == [(None, "Ульяновская область")]
