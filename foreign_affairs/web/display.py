"""How record values are shown: choices by label, dates in the locale's format, money in the
locale's separators, links to related records. Web-only helpers used by the template tags."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django.db import models
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

EMPTY = mark_safe('<span class="text-body-secondary" aria-label="—">—</span>')


def _babel_locale() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def money(value, currency: str = "VND") -> str:
    """1.234.567 ₫ in Vietnamese, VND 1,234,567 in English."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    if _babel_locale() == "en":
        return format_currency(amount, currency, format="¤¤ #,##0", locale="en", currency_digits=True)
    return format_currency(amount, currency, format="#,##0 ¤", locale="vi", currency_digits=True)


def number(value) -> str:
    if value is None or value == "":
        return ""
    return format_decimal(value, locale=_babel_locale())


def local_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def illustrative_badge(obj) -> SafeString:
    """The mark of an illustrative demo record (RecordModel.illustrative), or nothing."""
    if not getattr(obj, "illustrative", False):
        return mark_safe("")
    return format_html(
        ' <span class="badge rounded-pill text-bg-warning app-illustrative" title="{}">{}</span>',
        _("An illustrative demo record, not a record of the province's files."),
        _("Illustrative"),
    )


def link(obj) -> SafeString:
    from .registry import url_for

    url = url_for(obj)
    return format_html('<a href="{}">{}</a>', url, obj) if url else format_html("{}", obj)


def render(obj, attr: str, kind: str = "text") -> SafeString:
    """One value of ``obj`` for a table cell or a detail row."""
    if kind == "link":
        from .registry import url_for

        text = getattr(obj, attr, "") or str(obj)
        return format_html('<a href="{}">{}</a>{}', url_for(obj), text, illustrative_badge(obj))
    if kind == "choice":
        value = getattr(obj, f"get_{attr}_display")()
        return format_html("{}", value) if value else EMPTY
    value = getattr(obj, attr, None)
    if kind == "m2m":
        items = list(value.all())
        if not items:
            return EMPTY
        return format_html_join(", ", "{}", ((link(item),) for item in items))
    if value is None or value == "" or value == []:
        return EMPTY
    if kind in ("fk", "record"):  # "record": a linked record that is not a plain foreign key
        return link(value)
    if kind == "date" or isinstance(value, date):
        return format_html('<span class="text-nowrap">{}</span>', local_date(value))
    if kind == "money":
        return format_html('<span class="money text-nowrap">{}</span>', money(value))
    if kind == "usd":
        return format_html('<span class="money text-nowrap">{}</span>', money(value, "USD"))
    if kind == "number":
        return format_html("{}", number(value))
    if kind == "bool":
        return format_html("{}", _("Yes") if value else _("No"))
    if kind == "email":
        return format_html('<a href="mailto:{}">{}</a>', value, value)
    if kind == "url":
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', value, value)
    if kind == "list":
        # A list of codes with labels (a conference's sensitive topics) shows the labels.
        labels = getattr(obj, f"get_{attr}_labels", None)
        if callable(labels):
            value = labels()
        return format_html_join(", ", "{}", ((v,) for v in value))
    if kind == "longtext":
        return mark_safe(linebreaks(value, autoescape=True))
    return format_html("{}", value)


def kind_of(model_field: models.Field) -> str:
    if model_field.many_to_many:
        return "m2m"
    if model_field.many_to_one:
        return "fk"
    if model_field.choices:
        return "choice"
    if isinstance(model_field, models.DateField):
        return "date"
    if model_field.name.endswith("_vnd"):
        return "money"
    if model_field.name.endswith("_usd"):
        return "usd"
    if isinstance(model_field, models.BooleanField):
        return "bool"
    if model_field.name == "year" or model_field.name.endswith("_year"):
        return "text"  # a year is shown as it is written (2024), never grouped (2,024)
    if isinstance(model_field, models.IntegerField | models.DecimalField):
        return "number"
    if isinstance(model_field, models.EmailField):
        return "email"
    if isinstance(model_field, models.URLField):
        return "url"
    if isinstance(model_field, models.JSONField):
        return "list"
    if isinstance(model_field, models.TextField):
        return "longtext"
    return "text"


def field_rows(obj, names) -> list[tuple[str, SafeString]]:
    """(label, value) of each named model field of ``obj``, labels from the model."""
    opts = obj._meta
    rows = []
    for name in names:
        model_field = opts.get_field(name)
        rows.append((capfirst(model_field.verbose_name), render(obj, name, kind_of(model_field))))
    return rows
