"""How figures, dates and periods are written in a report, in the report's own language.

Vietnamese administrative documents write 1.298.000.000 and 128,53 % and dates as dd/mm/yyyy;
English ones 1,298,000,000, 128.53% and 15 Dec 2023. Babel holds the separators (CLDR), so a
report in English reads the same whatever language the person generating it uses.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_compact_decimal, format_decimal

NBSP = "\u00a0"
DASH = "—"
# Money at or above this is also given in words ("1,298 tỷ USD"), next to the exact figure.
COMPACT_FROM = 1_000_000
MONEY_UNITS = frozenset({"USD", "VND"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def locale_of(lang: str | None) -> str:
    """The Babel locale for a report language: English for ``en*``, Vietnamese otherwise."""
    return "en" if (lang or "vi").lower().startswith("en") else "vi"


def number(value, lang: str) -> str:
    """An exact number with the language's separators: 1.298.000.000 (vi), 1,298,000,000 (en)."""
    if value is None or value == "":
        return ""
    return format_decimal(_numeric(value), locale=locale_of(lang))


def percent(value, lang: str, *, signed: bool = False) -> str:
    """A percentage to two decimals: ``128,53 %`` (vi, with a no-break space), ``128.53%`` (en)."""
    if value is None or value == "":
        return ""
    pattern = "+#,##0.00;-#,##0.00" if signed else "#,##0.00"
    digits = format_decimal(_numeric(value), format=pattern, locale=locale_of(lang))
    return f"{digits}{NBSP}%" if locale_of(lang) == "vi" else f"{digits}%"


def compact(value, lang: str) -> str:
    """A large amount in words: ``1,298 tỷ`` (vi), ``1.298 billion`` (en); empty below a million."""
    if value is None or value == "" or abs(_numeric(value)) < COMPACT_FROM:
        return ""
    return format_compact_decimal(_numeric(value), format_type="long", locale=locale_of(lang), fraction_digits=3)


def quantity(value, unit: str | None, unit_label: str | None, lang: str) -> str:
    """A figure with its unit: ``16 đoàn``, ``1.298.000.000 USD``, ``12,50 %``; empty when absent."""
    if value is None or value == "":
        return ""
    if unit == "percent":
        return percent(value, lang)
    label = unit_label if unit_label is not None else ("" if unit in (None, "count", "persons") else unit)
    return f"{number(value, lang)} {label}".strip()


def quantity_in_words(value, unit: str | None, unit_label: str | None, lang: str) -> str:
    """Money in words next to the exact figure (``1,298 tỷ USD``); empty for other units."""
    if unit not in MONEY_UNITS:
        return ""
    words = compact(value, lang)
    return f"{words} {unit_label or unit}".strip() if words else ""


def as_date(value) -> date | None:
    """A date from an ISO string, a date or a datetime; None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return date.fromisoformat(value)
    if isinstance(value, str) and len(value) > 10 and _ISO_DATE.match(value[:10]):
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def local_date(value, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ``15 Dec 2023`` in English (as the web pages write them)."""
    day = as_date(value)
    if day is None:
        return "" if value in (None, "") else str(value)
    if locale_of(lang) == "vi":
        return day.strftime("%d/%m/%Y")
    return babel_format_date(day, "d MMM y", locale="en")


def long_date(value, lang: str) -> str:
    """``15 December 2023`` in English; Vietnamese documents use Decree 30's own formula instead."""
    day = as_date(value)
    if day is None:
        return ""
    return babel_format_date(day, "d MMMM y", locale=locale_of(lang))


def period(start, end, lang: str) -> str:
    """A closed date range: ``01/01/2025 – 31/10/2025``."""
    first, last = local_date(start, lang), local_date(end, lang)
    if first and last:
        return f"{first} – {last}"
    return first or last


def cell(value, lang: str) -> str:
    """One value of a record table: numbers and ISO dates in the language's format, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int | float | Decimal):
        return number(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(part for part in (cell(item, lang) for item in value) if part)
    if isinstance(value, dict):
        for key in ("label", "name", "title", "value"):
            if value.get(key) not in (None, ""):
                return cell(value[key], lang)
        return ""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return local_date(value, lang)
    return str(value)


def is_numeric(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _numeric(value):
    if isinstance(value, str):
        return Decimal(value)
    return value
