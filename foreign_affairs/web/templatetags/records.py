"""Template tags for record pages: cells, detail rows, money, links."""

from django import template

from .. import display
from ..registry import url_for

register = template.Library()


@register.simple_tag
def cell(obj, column):
    """A table cell's content for a registry Column."""
    return display.render(obj, column.accessor, column.kind)


@register.filter
def illustrative_badge(obj):
    """The "Illustrative" badge of a demo record (nothing for the province's own records)."""
    return display.illustrative_badge(obj)


@register.filter
def money(value, currency="VND"):
    """Money in the reader's locale: ``1.234.567 ₫`` (vi), ``VND 1,234,567`` (en)."""
    return display.money(value, currency)


@register.filter
def num(value):
    return display.number(value)


@register.filter
def localdate(value):
    return display.local_date(value)


@register.filter
def record_url(obj):
    return url_for(obj) or ""


@register.simple_tag
def field_rows(obj, names):
    return display.field_rows(obj, names)


@register.filter
def action_url(obj, view):
    """``{{ object|action_url:"edit" }}``: a page of a register record (edit, delete, attachment_add)."""
    from ..registry import for_model

    rt = for_model(obj)
    return rt.object_url(obj, view) if rt else ""


@register.simple_tag
def child_url(obj, child, row, view):
    """Edit or delete page of a dependent row (contact, interaction, member) of ``obj``."""
    from django.urls import reverse

    from ..registry import for_model

    return reverse(for_model(obj).url_name(f"child_{view}"), args=[obj.pk, child.slug, row.pk])


@register.filter
def attachment_url(attachment, group):
    from django.urls import reverse

    return reverse("web:attachment_download", args=[group, attachment.pk])


@register.filter
def history_value(value):
    """A before/after value of the change history: lists joined, empty as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


@register.filter
def model_label(model):
    return model._meta.verbose_name


@register.simple_tag
def change_url(change):
    """The detail page of the record a recent change is about."""
    from django.urls import reverse

    from ..registry import for_model

    rt = for_model(change.model)
    return reverse(rt.url_name("detail"), args=[change.record_id]) if rt else ""
