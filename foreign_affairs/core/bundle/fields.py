"""The field kinds a bundle section is made of.

Each kind knows how to read a bundle value (refusing the wrong type with a message), how to
read the same value back from a record, how to write it as JSON-ready data, and how to put it on
a record. Values are compared in one "clean" form on both sides (text, ``date``, ``int``,
``None``, sorted lists of codes or refs), which is what makes re-imports idempotent and exports
stable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

INVALID = object()
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PG_INT_MAX = 2_147_483_647
BIGINT_MAX = 9_223_372_036_854_775_807

Report = Callable[[str, str], None]


def describe(value: Any) -> str:
    """How a value of the wrong type is named in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and len(value) == 0)


def quote_hint(value: Any) -> str:
    return "; put it in quotes" if isinstance(value, bool | int | float | date) else ""


def validation_messages(exc: ValidationError) -> list[tuple[str, str]]:
    """(model field or "-", message) pairs of a model's ``full_clean`` error."""
    pairs = []
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                for message in error.messages:
                    pairs.append(("-" if name == NON_FIELD_ERRORS else name, str(message)))
    else:
        pairs.extend(("-", str(message)) for message in exc.messages)
    return pairs


class FieldSpec:
    """One field of a bundle record."""

    empty: Any = ""
    m2m = False
    nested = False
    relation = False  # stored as a foreign key: excluded from full_clean, checked here
    type_label = "text"

    def __init__(self, name: str, *, required: bool = False, default: Any = None, attr: str | None = None):
        self.name = name
        self.required = required
        self.default = default
        self.attr = attr or name

    def empty_value(self) -> Any:
        return self.default if self.default is not None else (list(self.empty) if self.empty == [] else self.empty)

    def parse(self, raw: Any, ctx, report: Report) -> Any:
        raise NotImplementedError

    def get(self, obj) -> Any:
        return getattr(obj, self.attr)

    def dump(self, value: Any) -> Any:
        return value

    def assign(self, obj, value: Any, resolver) -> None:
        setattr(obj, self.attr, value)


class Illustrative(FieldSpec):
    """``illustrative: true``: a demo record that stands for what a province's files would hold
    (docs/demo.md). Every record type has it (``RecordModel.illustrative``); only an import sets
    it. Written only when true; left out of spreadsheets."""

    empty = False
    type_label = "true or false"
    tabular = False

    def parse(self, raw, ctx, report):
        if not isinstance(raw, bool):
            report(self.name, f"expected true or false, got {describe(raw)}")
            return INVALID
        return raw

    def get(self, obj):
        return bool(getattr(obj, self.attr, False))

    def dump(self, value):
        return True if value else None


ILLUSTRATIVE = "illustrative"


def with_illustrative(model, fields: list[FieldSpec]) -> list[FieldSpec]:
    """The fields of a section or nested list of ``model``, with ``illustrative`` after ``ref``
    when the model is a register record (one place for every record type, so no section
    declares it)."""
    if any(spec.name == ILLUSTRATIVE for spec in fields) or not any(
        f.name == ILLUSTRATIVE for f in model._meta.concrete_fields
    ):
        return fields
    at = next((i + 1 for i, spec in enumerate(fields) if spec.name == "ref"), len(fields))
    return [*fields[:at], Illustrative(ILLUSTRATIVE), *fields[at:]]


class Text(FieldSpec):
    def parse(self, raw, ctx, report):
        if not isinstance(raw, str):
            report(self.name, f"expected text, got {describe(raw)}{quote_hint(raw)}")
            return INVALID
        return raw


class RefKey(Text):
    """The record's own ref: the stable key a re-import matches on."""

    type_label = "ref"

    def parse(self, raw, ctx, report):
        value = super().parse(raw, ctx, report)
        if value is INVALID:
            return INVALID
        if value != value.strip() or any(ch in value for ch in ";\n\r\t"):
            report(self.name, f"a ref cannot contain ';', line breaks or surrounding spaces: {value!r}")
            return INVALID
        return value


class Choice(Text):
    """A code from one of the model's vocabularies."""

    type_label = "code"

    def __init__(self, name: str, choices: Iterable[str], **kwargs):
        super().__init__(name, **kwargs)
        self.choices = list(choices)

    def parse(self, raw, ctx, report):
        if not isinstance(raw, str):
            report(self.name, f"expected a code, got {describe(raw)}")
            return INVALID
        if raw not in self.choices:
            report(self.name, f"unknown code {raw!r}; expected one of: {', '.join(self.choices)}")
            return INVALID
        return raw


class DateSpec(FieldSpec):
    empty = None
    type_label = "date"

    def parse(self, raw, ctx, report):
        return parse_date(raw, self.name, report)

    def dump(self, value):
        return value.isoformat() if value is not None else None


def parse_date(raw: Any, label: str, report: Report) -> Any:
    if isinstance(raw, datetime):
        report(label, f"expected a date YYYY-MM-DD, got {describe(raw)}")
        return INVALID
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        report(label, f"expected a date YYYY-MM-DD, got {describe(raw)}")
        return INVALID
    if ISO_DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    report(label, f"malformed date {raw!r}; expected YYYY-MM-DD")
    return INVALID


class IntSpec(FieldSpec):
    """A count or an amount of money: a whole number, never negative."""

    empty = None
    type_label = "integer ≥ 0"

    def __init__(self, name: str, *, maximum: int = PG_INT_MAX, **kwargs):
        super().__init__(name, **kwargs)
        self.maximum = maximum

    def parse(self, raw, ctx, report):
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            report(self.name, f"expected a whole number, got {describe(raw)}")
            return INVALID
        if isinstance(raw, float):
            if not raw.is_integer():
                report(self.name, f"expected a whole number, got {raw}")
                return INVALID
            raw = int(raw)
        if raw < 0:
            report(self.name, f"must not be negative (got {raw})")
            return INVALID
        if raw > self.maximum:
            report(self.name, f"too large (at most {self.maximum}, got {raw})")
            return INVALID
        return raw


class CountrySpec(FieldSpec):
    """An ISO 3166-1 alpha-2 code of a country in the register's country list."""

    empty = None
    relation = True
    type_label = "country code"

    def parse(self, raw, ctx, report):
        return parse_country(raw, self.name, ctx, report)

    def get(self, obj):
        return getattr(obj, f"{self.attr}_id")

    def assign(self, obj, value, resolver):
        setattr(obj, f"{self.attr}_id", value)


def parse_country(raw: Any, label: str, ctx, report: Report) -> Any:
    if not isinstance(raw, str):
        report(label, f"expected a country code, got {describe(raw)}")
        return INVALID
    code = raw.strip().upper()
    if code not in ctx.countries:
        report(label, f"unknown country code {raw!r}")
        return INVALID
    return code


class RefSpec(FieldSpec):
    """A reference to a record of another section, by its ref (in this bundle or the database)."""

    empty = None
    relation = True
    type_label = "ref"

    def __init__(self, name: str, section: str, **kwargs):
        super().__init__(name, **kwargs)
        self.section = section

    def parse(self, raw, ctx, report):
        return parse_ref(raw, self.section, self.name, ctx, report)

    def get(self, obj):
        if getattr(obj, f"{self.attr}_id") is None:
            return None
        return getattr(obj, self.attr).ref

    def assign(self, obj, value, resolver):
        setattr(obj, f"{self.attr}_id", resolver.pk(self.section, value) if value else None)


def parse_ref(raw: Any, section: str, label: str, ctx, report: Report) -> Any:
    if not isinstance(raw, str):
        report(label, f"expected a ref, got {describe(raw)}{quote_hint(raw)}")
        return INVALID
    if not ctx.knows(section, raw):
        report(label, f"unknown {ctx.noun(section)} ref {raw!r} (not in this bundle or the database)")
        return INVALID
    return raw


class ListSpec(FieldSpec):
    """A list; many-to-many lists are kept sorted and without repeats."""

    empty = []
    type_label = "list"

    def parse(self, raw, ctx, report):
        if not isinstance(raw, list):
            report(self.name, f"expected a list, got {describe(raw)}")
            return INVALID
        values, bad = [], False
        for position, element in enumerate(raw):
            value = self.parse_one(element, position, ctx, report)
            if value is INVALID:
                bad = True
            elif value not in values or not self.m2m:
                values.append(value)
        if bad:
            return INVALID
        return sorted(values) if self.m2m else values

    def parse_one(self, element, position, ctx, report):
        raise NotImplementedError

    def dump(self, value):
        return list(value)


class CountryList(ListSpec):
    m2m = True
    type_label = "list of country codes"

    def parse_one(self, element, position, ctx, report):
        return parse_country(element, self.name, ctx, report)

    def get(self, obj):
        return sorted(country.pk for country in getattr(obj, self.attr).all())

    def set_m2m(self, obj, value, resolver):
        getattr(obj, self.attr).set(value)


class FieldList(ListSpec):
    """Codes of the field vocabulary (core.Field)."""

    m2m = True
    type_label = "list of field codes"

    def parse_one(self, element, position, ctx, report):
        if not isinstance(element, str):
            report(self.name, f"expected a field code, got {describe(element)}")
            return INVALID
        if element not in ctx.field_codes:
            report(self.name, f"unknown field code {element!r}")
            return INVALID
        return element

    def get(self, obj):
        return sorted(field.code for field in getattr(obj, self.attr).all())

    def set_m2m(self, obj, value, resolver):
        getattr(obj, self.attr).set([resolver.field_pk(code) for code in value])


class RefList(ListSpec):
    m2m = True

    def __init__(self, name: str, section: str, **kwargs):
        super().__init__(name, **kwargs)
        self.section = section
        self.type_label = f"list of {section} refs"

    def parse_one(self, element, position, ctx, report):
        return parse_ref(element, self.section, self.name, ctx, report)

    def get(self, obj):
        return sorted(record.ref for record in getattr(obj, self.attr).all())

    def set_m2m(self, obj, value, resolver):
        getattr(obj, self.attr).set([resolver.pk(self.section, ref) for ref in value])


class TextList(ListSpec):
    """A list of texts kept in the given order (partners' aliases)."""

    type_label = "list of texts"

    def parse_one(self, element, position, ctx, report):
        if not isinstance(element, str) or not element.strip():
            report(f"{self.name}[{position}]", f"expected non-empty text, got {describe(element)}")
            return INVALID
        return element

    def get(self, obj):
        return list(getattr(obj, self.attr) or [])


class Nested(ListSpec):
    """Rows that belong to the record (contacts, interactions, members): replaced as a whole."""

    nested = True
    type_label = "list of mappings"

    def __init__(self, name: str, *, model, parent_field: str, fields: list[FieldSpec], **kwargs):
        super().__init__(name, **kwargs)
        self.model = model
        self.parent_field = parent_field
        self.fields = with_illustrative(model, fields)
        self.by_name = {spec.name: spec for spec in self.fields}

    def parse(self, raw, ctx, report):
        if not isinstance(raw, list):
            report(self.name, f"expected a list, got {describe(raw)}")
            return INVALID
        rows, bad = [], False
        for position, element in enumerate(raw):
            row = self.parse_row(element, position, ctx, report)
            if row is INVALID:
                bad = True
            rows.append(row)
        return INVALID if bad else rows

    def parse_row(self, element, position, ctx, report):
        prefix = f"{self.name}[{position}]"
        if not isinstance(element, dict):
            report(prefix, f"expected a mapping, got {describe(element)}")
            return INVALID
        failed: set[str] = set()

        def sub_report(label: str, message: str) -> None:
            failed.add(label.split("[")[0])
            report(f"{prefix}.{label}", message)

        for key in element:
            if key not in self.by_name:
                report(f"{prefix}.{key}", "unknown field")
                failed.add(str(key))
        row = {}
        for spec in self.fields:
            raw = element.get(spec.name)
            if is_blank(raw):
                if spec.required:
                    sub_report(spec.name, "required field is missing")
                row[spec.name] = spec.empty_value()
                continue
            value = spec.parse(raw, ctx, sub_report)
            if value is INVALID:
                failed.add(spec.name)
            row[spec.name] = value
        # The model's own rules (lengths, e-mail format) on an unsaved row.
        instance = self.model()
        exclude = {self.parent_field} | failed
        for spec in self.fields:
            if spec.relation:
                exclude.add(spec.attr)
            elif row[spec.name] is not INVALID:
                setattr(instance, spec.attr, row[spec.name])
        for field in self.model._meta.fields:
            if field.is_relation:
                exclude.add(field.name)
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False)
        except ValidationError as exc:
            for name, message in validation_messages(exc):
                if name not in failed:
                    report(f"{prefix}.{name}" if name != "-" else prefix, message)
                    failed.add(name)
        return INVALID if failed else row

    def get(self, obj):
        rows = sorted(getattr(obj, self.attr).all(), key=lambda row: row.pk)
        return [{spec.name: spec.get(row) for spec in self.fields} for row in rows]

    def dump(self, value):
        # A value that dumps to nothing (a flag at its default) is left out, like an empty one.
        return [
            {name: dumped for name, dumped in
             ((spec.name, spec.dump(row[spec.name])) for spec in self.fields if not is_blank(row[spec.name]))
             if dumped is not None}
            for row in value
        ]

    def replace(self, obj, value, resolver, actor) -> None:
        for row in getattr(obj, self.attr).all():
            row._history_user = actor
            row.delete()
        for data in value:
            row = self.model(**{self.parent_field: obj})
            for spec in self.fields:
                spec.assign(row, data[spec.name], resolver)
            if actor is not None and any(f.name == "recorded_by" for f in self.model._meta.fields):
                row.recorded_by = actor
            row._history_user = actor
            row._change_reason = "bundle import"
            row.save()


class DecimalSpec(FieldSpec):
    """An exact amount (money in USD, a reported figure): a JSON/YAML number, kept as Decimal.

    Written back as a whole number when it has no fraction; never stored as a float.
    """

    empty = None
    type_label = "number"

    def __init__(self, name: str, *, decimal_places: int = 2, minimum=None, negative_message: str = "", **kwargs):
        super().__init__(name, **kwargs)
        self.decimal_places = decimal_places
        self.minimum = minimum
        self.negative_message = negative_message or "must not be negative"

    def parse(self, raw, ctx, report):
        from decimal import Decimal, InvalidOperation

        if isinstance(raw, bool) or not isinstance(raw, int | float):
            report(self.name, f"expected a number, got {describe(raw)}")
            return INVALID
        try:
            value = Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw))
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            report(self.name, f"expected a number, got {raw}")
            return INVALID
        if self.minimum is not None and value < self.minimum:
            report(self.name, f"{self.negative_message} (got {raw})")
            return INVALID
        if -value.as_tuple().exponent > self.decimal_places and value != round(value, self.decimal_places):
            report(self.name, f"at most {self.decimal_places} decimal places (got {raw})")
            return INVALID
        return value

    def dump(self, value):
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)
