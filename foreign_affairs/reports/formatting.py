"""Numbers, money and dates written the way each language writes them (Vietnamese: 1.298.000.000,
128,54 %, 27/11/2023; English: 1,298,000,000, 128.54%, 27/11/2023), for report tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.numbers import format_decimal

UNIT_SUFFIX = {
    "vi": {"count": "", "persons": " người", "USD": " USD", "VND": " đồng", "percent": " %"},
    "en": {"count": "", "persons": " persons", "USD": " USD", "VND": " VND", "percent": "%"},
}


def babel_locale(lang: str) -> str:
    return "vi_VN" if (lang or "vi").startswith("vi") else "en_US"


def number(value, lang: str, *, decimals: int | None = None) -> str:
    """A number with the language's separators; whole numbers without decimals."""
    if value is None:
        return "—"
    if isinstance(value, float):
        value = Decimal(str(value))
    if decimals is not None:
        pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
        return format_decimal(value, format=pattern, locale=babel_locale(lang))
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format_decimal(value, format="#,##0.##", locale=babel_locale(lang))
    return format_decimal(value, format="#,##0", locale=babel_locale(lang))


def with_unit(value, unit: str, lang: str) -> str:
    if value is None:
        return "—"
    suffix = UNIT_SUFFIX["vi" if lang.startswith("vi") else "en"].get(unit, f" {unit}")
    return number(value, lang) + suffix


def percent(value, lang: str) -> str:
    if value is None:
        return "—"
    return number(value, lang, decimals=2) + UNIT_SUFFIX["vi" if lang.startswith("vi") else "en"]["percent"]


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def span(start: date | None, end: date | None) -> str:
    if not start:
        return ""
    if not end or end == start:
        return day(start)
    return f"{day(start)}–{day(end)}"
