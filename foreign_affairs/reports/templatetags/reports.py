"""Template filters of the report pages: figures in the page's language, ISO dates as dd/mm/yyyy."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from foreign_affairs.reports import formatting

register = template.Library()
HEADINGS = ("h2", "h3", "h4", "h5", "h6", "h6")


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def figure(value, unit: str = "count") -> str:
    return formatting.with_unit(value, unit or "count", _lang())


@register.filter
def pct(value) -> str:
    return formatting.percent(value, _lang())


@register.filter
def isodate(value) -> str:
    if not value:
        return ""
    try:
        return formatting.day(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


@register.filter
def next_heading(tag: str) -> str:
    return HEADINGS[min(HEADINGS.index(tag) + 1, len(HEADINGS) - 1)] if tag in HEADINGS else "h6"


@register.inclusion_tag("reports/includes/generator.html", takes_context=True)
def report_generator(context, query=None):
    """The form that makes a report for any period, unit and language."""
    from foreign_affairs.core.models import Unit
    from foreign_affairs.reports.dashboards import opening_year
    from foreign_affairs.reports.models import ReportKindChoice

    request = context.get("request")
    user = getattr(request, "user", None)
    units = Unit.objects.restrict(user, "view").order_by("name_vi") if user is not None else Unit.objects.none()
    return {
        "query": query if query is not None else (request.GET if request else {}),
        "report_kinds": ReportKindChoice.choices,
        "default_year": (opening_year(user, today=timezone.localdate()) if user is not None and user.is_authenticated
                         else timezone.localdate().year),
        "report_units": units,
    }


@register.filter
def spark_step(value) -> int:
    """A count as the height step (0–10) of a sparkline bar (CSS classes dash-h-0…10)."""
    try:
        return max(0, min(int(value or 0), 10))
    except (TypeError, ValueError):
        return 0
