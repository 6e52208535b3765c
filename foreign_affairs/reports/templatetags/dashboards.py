"""Template filters of the dashboards: short numbers for chart labels (1,7 T / 1.7B)."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_compact_decimal
from django import template
from django.utils.translation import get_language

from foreign_affairs.reports import formatting

register = template.Library()


@register.filter
def compact(value) -> str:
    """A number short enough for a chart label, in the page's language (CLDR's short form)."""
    if value is None:
        return "—"
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    number = Decimal(str(value)) if not isinstance(value, int | Decimal) else value
    if abs(number) < 10_000:
        return formatting.number(number, lang, decimals=0 if number == int(number) else 1)
    return format_compact_decimal(number, format_type="short", locale=formatting.babel_locale(lang), fraction_digits=1)
