"""Filter controls for a list page, derived from the record type's FilterSet.

The FilterSets take codes and refs (``?country=LA``, ``?host_unit=unit-a``, the bundle's names);
here each filter the registry lists becomes a labelled select of those values with the
reader's-language names, or a number input for the year. One query per select, whatever the
number of rows listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import django_filters
from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.models import Country, Field, Unit
from foreign_affairs.economy.models import Indicator
from foreign_affairs.partners.models import Partner

from .ordering import localized


@dataclass
class FilterControl:
    name: str
    label: str
    kind: str  # select, number, text
    value: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"filter-{self.name}"

    @property
    def selected_label(self) -> str:
        for value, label in self.options:
            if value == self.value:
                return label
        return self.value


def _target(model: type[Model], path: str):
    """The model and model field that a filter's ``field_name`` ends on."""
    parts = path.split("__")
    current = model
    for index, part in enumerate(parts):
        model_field = current._meta.get_field(part)
        last = index == len(parts) - 1
        if model_field.is_relation:
            if last:
                return model_field.related_model, None
            current = model_field.related_model
            continue
        return current, model_field
    return current, None


def _named_options(model: type[Model], key: str, lang: str) -> list[tuple[str, str]]:
    """(code or ref, name in the reader's language) of every country, field, unit or partner."""
    qs = model.objects.order_by(localized("name", lang), "pk")
    if model is Field:
        qs = qs.filter(active=True)
    first = 1 if lang.startswith("en") else 0
    return [(str(code), names[first] or names[1 - first]) for code, *names in qs.values_list(key, "name_vi", "name_en")]


def build_controls(filterset, names: tuple[str, ...], data) -> list[FilterControl]:
    lang = get_language() or "vi"
    model = filterset._meta.model
    controls = []
    for name in names:
        flt = filterset.filters[name]
        value = (data.get(name) or "").strip()
        label = str(flt.label or name)
        if name == "year":
            controls.append(FilterControl(name, label, "number", value))
            continue
        presets = getattr(flt, "presets", None)
        if presets:
            # A filter that takes any value in the API offers its usual ones on the page.
            options = [(str(v), str(label)) for v, label in presets]
            if value and value not in {v for v, _label in options}:
                options.append((value, value))
            controls.append(FilterControl(name, label, "select", value, options))
            continue
        if isinstance(flt, django_filters.BooleanFilter):
            options = [("true", str(_("Yes"))), ("false", str(_("No")))]
            controls.append(FilterControl(name, label, "select", value, options))
            continue
        target_model, target_field = _target(model, flt.field_name)
        if target_field is not None and target_field.choices:
            options = [(str(k), str(v)) for k, v in target_field.flatchoices if k != ""]
        elif target_model is Country or (target_field is not None and target_field.model is Country):
            options = _named_options(Country, "code", lang)
        elif target_model is Field or (target_field is not None and target_field.model is Field):
            options = _named_options(Field, "code", lang)
        elif target_field is not None and target_field.model is Indicator:
            options = _named_options(Indicator, "code", lang)  # by their names: codes are not read
        elif target_model in (Unit, Partner) or (target_field is not None and target_field.model in (Unit, Partner)):
            owner = target_model if target_field is None else target_field.model
            options = _named_options(owner, "ref", lang)
        else:
            controls.append(FilterControl(name, label, "text", value))
            continue
        if flt.field_name.endswith("__ref"):
            # "Partner (ref)" describes the API parameter; the select shows names.
            label = capfirst(model._meta.get_field(flt.field_name.split("__")[0]).verbose_name)
        if value and value not in {v for v, _label in options}:
            options.append((value, value))  # e.g. several comma-separated codes from a shared link
        controls.append(FilterControl(name, label, "select", value, options))
    return controls
