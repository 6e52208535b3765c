"""Import a bundle: check every record first, then write everything in one transaction.

Nothing is written unless the whole bundle is clean. Records are matched by ``ref``: a ref
already in the database is updated to exactly what the bundle says (many-to-many lists and
nested rows are replaced), a new ref is created, records the bundle does not mention are left
alone. A record whose stored values already equal the bundle's is not written at all, so a
re-import adds no history entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save
from django.utils import translation
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import Country, Field, Unit

from .errors import BundleError, ImportResult
from .fields import INVALID, RefSpec, describe, is_blank, validation_messages
from .province import PROVINCE_KEYS, province_store
from .sections import FORMAT, OTHER_CONTRACT_SECTIONS, SECTIONS, WRITE_ORDER, SectionSpec, section_specs

Progress = Callable[[str, int, int], None]
CHUNK = 500


@dataclass
class Item:
    """One record of the bundle on its way in."""

    section: str
    index: int
    ref: str | None
    raw: dict
    values: dict[str, Any] = field(default_factory=dict)
    existing: Any = None
    snapshot: dict | None = None
    ok: bool = True

    @property
    def changed(self) -> bool:
        return self.existing is None or self.values != self.snapshot


class Context:
    """What references are checked against: the bundle's own refs and the database."""

    def __init__(self, specs: dict[str, SectionSpec], bundle_refs: dict[str, set[str]], unreadable: set[str]):
        self.specs = specs
        self.bundle_refs = bundle_refs
        # Refs into a section that is not a list are not checked: one line for it is enough.
        self.unreadable = unreadable
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.field_codes = set(Field.objects.values_list("code", flat=True))
        self._db_refs: dict[str, set[str]] = {}

    def db_refs(self, section: str) -> set[str]:
        if section not in self._db_refs:
            model = self.specs[section].model
            self._db_refs[section] = set(model._default_manager.values_list("ref", flat=True))
        return self._db_refs[section]

    def knows(self, section: str, ref: str) -> bool:
        if section in self.unreadable:
            return True
        return ref in self.bundle_refs.get(section, ()) or ref in self.db_refs(section)

    def noun(self, section: str) -> str:
        return self.specs[section].noun


class Resolver:
    """Refs to primary keys while writing; records created by this import are added as they go."""

    def __init__(self, specs: dict[str, SectionSpec]):
        self.specs = specs
        self.maps: dict[str, dict[str, int]] = {}
        self._fields: dict[str, int] | None = None

    def _map(self, section: str) -> dict[str, int]:
        if section not in self.maps:
            model = self.specs[section].model
            self.maps[section] = dict(model._default_manager.values_list("ref", "pk"))
        return self.maps[section]

    def pk(self, section: str, ref: str) -> int:
        return self._map(section)[ref]

    def pk_or_none(self, section: str, ref: str) -> int | None:
        return self._map(section).get(ref)

    def add(self, section: str, ref: str, pk: int) -> None:
        self._map(section)[ref] = pk

    def field_pk(self, code: str) -> int:
        if self._fields is None:
            self._fields = dict(Field.objects.values_list("code", "pk"))
        return self._fields[code]


def import_bundle(data: dict, *, dry_run: bool = False, actor=None, progress: Progress | None = None) -> ImportResult:
    """Import a parsed bundle (see docs/bundle-format.md).

    Never raises for problems in the data: they come back as ``ImportResult.errors`` and then
    nothing has been written. ``actor`` is recorded as the author of every history entry.
    ``progress(section, done, total)`` is called every 500 records written and at the end of
    each section.
    """
    return run_import(data, dry_run=dry_run, actor=actor, progress=progress)


def run_import(
    data: Any,
    *,
    dry_run: bool = False,
    actor=None,
    progress: Progress | None = None,
    keep_absent: dict[str, set[str]] | None = None,
) -> ImportResult:
    """``import_bundle`` with one more knob for spreadsheets: ``keep_absent[section]`` names the
    fields that keep their stored value on existing records when a record leaves them out
    (columns the sheet does not have, and nested lists a sheet cannot hold)."""
    specs = section_specs()
    result = ImportResult(
        created=dict.fromkeys(SECTIONS, 0),
        updated=dict.fromkeys(SECTIONS, 0),
        unchanged=dict.fromkeys(SECTIONS, 0),
        dry_run=dry_run,
    )
    with translation.override("en"):
        items = _validate(data, specs, result, keep_absent or {})
    if result.errors:
        return result
    for section in SECTIONS:
        for item in items.get(section, []):
            if item.existing is None:
                result.created[section] += 1
            else:
                result.updated[section] += 1
                if not item.changed:
                    result.unchanged[section] += 1
    if dry_run:
        return result
    actor = actor if getattr(actor, "pk", None) else None
    current: list[Item | None] = [None]
    try:
        with transaction.atomic():
            province_store(data.get("province"), actor)
            _write(items, specs, actor, progress, current)
    except DatabaseError as exc:
        item = current[0]
        if item is None:
            result.errors.append(BundleError("bundle", message=f"the database refused the import: {exc}"))
        else:
            result.errors.append(
                BundleError(item.section, item.index, item.ref, "-", f"the database refused the record: {exc}")
            )
        for counts in (result.created, result.updated, result.unchanged):
            counts.update(dict.fromkeys(counts, 0))
    return result


# --- validation -------------------------------------------------------------------------------


def _validate(
    data: Any, specs: dict[str, SectionSpec], result: ImportResult, keep_absent: dict[str, set[str]]
) -> dict[str, list[Item]]:
    errors = result.errors
    if not isinstance(data, dict):
        errors.append(
            BundleError(
                "bundle",
                message=(
                    f"expected a mapping with format, province and sections at the top level, got {describe(data)}"
                ),
            )
        )
        return {}
    if "format" not in data or is_blank(data.get("format")):
        errors.append(BundleError("format", message=f"missing; expected {FORMAT!r}"))
    elif data["format"] != FORMAT:
        errors.append(BundleError("format", message=f"unsupported format {data['format']!r}; expected {FORMAT!r}"))
    _validate_province(data.get("province"), errors, result.warnings)
    for key in data:
        if key in ("format", "province") or key in SECTIONS:
            continue
        if key in OTHER_CONTRACT_SECTIONS:
            if not is_blank(data[key]):
                result.warnings.append(f"{key}: this register does not import this section yet; skipped")
            continue
        errors.append(BundleError("bundle", message=f"unknown section {key!r}"))

    # First pass: the shape of each section and the refs it defines.
    items: dict[str, list[Item]] = {}
    bundle_refs: dict[str, set[str]] = {}
    unreadable: set[str] = set()
    for section in [key for key in data if key in SECTIONS]:  # problems come in the file's order
        raw = data[section]
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            errors.append(BundleError(section, message=f"expected a list of records, got {describe(raw)}"))
            unreadable.add(section)
            continue
        seen: dict[str, int] = {}
        section_items = items.setdefault(section, [])
        refs = bundle_refs.setdefault(section, set())
        for index, element in enumerate(raw):
            if not isinstance(element, dict):
                errors.append(
                    BundleError(
                        section,
                        index,
                        None,
                        "-",
                        (f"expected a mapping (a record with named fields), got {describe(element)}"),
                    )
                )
                continue
            ref = element.get("ref") if isinstance(element.get("ref"), str) and element.get("ref") else None
            if ref is not None:
                if ref in seen:
                    errors.append(
                        BundleError(
                            section,
                            index,
                            ref,
                            "ref",
                            f"duplicate ref {ref!r} (also at {section}[{seen[ref]}])",
                        )
                    )
                else:
                    seen[ref] = index
                refs.add(ref)
            # Refs of records nested in this one that other sections may name (programme items).
            for name, nested in getattr(specs[section], "nested_refs", lambda _element: {})(element).items():
                bundle_refs.setdefault(name, set()).update(nested)
            section_items.append(Item(section, index, ref, element))

    ctx = Context(specs, bundle_refs, unreadable)
    ctx.items = items  # what the bundle says of each record, for rules across sections
    for section, section_items in items.items():
        spec = specs[section]
        _load_existing(spec, section_items)
        if hasattr(spec, "match_existing"):  # sections whose records may come without a ref
            spec.match_existing(section_items, errors)
        keep = keep_absent.get(section, set())
        for item in section_items:
            _validate_item(spec, item, ctx, keep, errors)
    for section, section_items in items.items():
        if hasattr(specs[section], "check_records"):
            # Rules across a record's links, which the model's clean() leaves to the section
            # because links are checked by ref (e.g. a licensed lead names its project).
            specs[section].check_records(section_items, ctx, errors)
    if "units" in items:
        _check_unit_cycles(items["units"], errors)
    return items


def _validate_province(province: Any, errors: list[BundleError], warnings: list[str]) -> None:
    """The block is stored in core.Province (see province.py). A bare number as the code is let
    through with a warning, since nothing is lost by not storing it."""
    if province is None:
        return
    if not isinstance(province, dict):
        errors.append(
            BundleError(
                "province",
                message=f"expected a mapping with {', '.join(PROVINCE_KEYS)}, got {describe(province)}",
            )
        )
        return
    for key, value in province.items():
        if key not in PROVINCE_KEYS:
            errors.append(BundleError("province", field=str(key), message="unknown field"))
        elif key == "code" and isinstance(value, int) and not isinstance(value, bool):
            warnings.append(f"province: code: read the number {value}; write codes in quotes to keep leading zeros")
        elif value is not None and not isinstance(value, str):
            hint = "; put it in quotes" if isinstance(value, int | float | bool) else ""
            errors.append(BundleError("province", field=key, message=f"expected text, got {describe(value)}{hint}"))


def _load_existing(spec: SectionSpec, items: list[Item]) -> None:
    refs = [item.ref for item in items if item.ref]
    found = {}
    for start in range(0, len(refs), CHUNK):
        for obj in spec.queryset().filter(ref__in=refs[start : start + CHUNK]):
            found[obj.ref] = obj
    for item in items:
        if item.ref in found:
            item.existing = found[item.ref]
            item.snapshot = spec.snapshot(item.existing)


def _validate_item(spec: SectionSpec, item: Item, ctx: Context, keep: set[str], errors: list[BundleError]) -> None:
    failed: set[str] = set()

    def report(label: str, message: str) -> None:
        failed.add(label.split("[")[0].split(".")[0])
        errors.append(BundleError(spec.name, item.index, item.ref, label, message))

    for key in item.raw:
        if key not in spec.by_name:
            report(str(key), "unknown field")
    for fs in spec.fields:
        if fs.name not in item.raw and fs.name in keep and item.existing is not None:
            item.values[fs.name] = item.snapshot[fs.name]
            continue
        raw = item.raw.get(fs.name)
        if is_blank(raw):
            if fs.required:
                report(fs.name, "required field is missing" if raw is None else "required field is empty")
            item.values[fs.name] = fs.empty_value()
            continue
        value = fs.parse(raw, ctx, report)
        if value is INVALID:
            failed.add(fs.name)
        item.values[fs.name] = value
    _full_clean(spec, item, failed, report)
    item.ok = not failed


def _full_clean(spec: SectionSpec, item: Item, failed: set[str], report) -> None:
    """The model's own rules (date ranges, lengths, titles, URL format) on an unsaved copy.

    Relations are left out: they were checked against refs above, and many point at records
    this bundle has not written yet.
    """
    model = spec.model
    instance = model()
    if item.existing is not None:
        for model_field in model._meta.concrete_fields:
            setattr(instance, model_field.attname, getattr(item.existing, model_field.attname))
    # A bundle field may stand for several model fields (a statistic's ``source``).
    to_bundle = {attr: fs.name for fs in spec.fields for attr in getattr(fs, "model_attrs", (fs.attr,))}
    exclude = set()
    for model_field in model._meta.get_fields():
        if model_field.is_relation:
            exclude.add(model_field.name)
    for fs in spec.fields:
        if fs.relation or fs.m2m or fs.nested:
            exclude.add(fs.attr)
        elif fs.name in failed:
            exclude.update(getattr(fs, "model_attrs", (fs.attr,)))
        else:
            fs.assign(instance, item.values[fs.name], None)
    for model_field in model._meta.concrete_fields:
        if model_field.is_relation:
            setattr(instance, model_field.attname, None)
    try:
        # Check constraints repeat clean()'s rules and cost a query each; the database still
        # enforces them when the records are written.
        instance.full_clean(exclude=sorted(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, message in validation_messages(exc):
            label = to_bundle.get(name, name)
            if label not in failed:
                report(label, message)


def _check_unit_cycles(items: list[Item], errors: list[BundleError]) -> None:
    parents: dict[str, str | None] = dict(Unit.objects.values_list("ref", "parent__ref"))
    for item in items:
        if item.ref and item.values.get("parent") is not INVALID:
            parents[item.ref] = item.values.get("parent")
    in_reported_cycle: set[str] = set()
    for item in items:
        if not item.ref or item.values.get("parent") in (None, INVALID) or item.ref in in_reported_cycle:
            continue
        chain, current = [item.ref], item.values["parent"]
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        if current == item.ref:
            in_reported_cycle.update(chain)
            errors.append(
                BundleError(
                    "units",
                    item.index,
                    item.ref,
                    "parent",
                    (f"a unit cannot be its own ancestor ({' → '.join([*chain, item.ref])})"),
                )
            )
            item.ok = False


# --- writes -----------------------------------------------------------------------------------


def _write(items: dict[str, list[Item]], specs: dict[str, SectionSpec], actor, progress, current) -> None:
    resolver = Resolver(specs)
    for section in WRITE_ORDER:
        section_items = items.get(section)
        if not section_items:
            continue
        spec = specs[section]
        if section == "units":
            section_items = _parents_first(section_items)
        deferred: list[tuple[Item, Any]] = []
        total = len(section_items)
        for done, item in enumerate(section_items, start=1):
            current[0] = item
            if item.changed:
                obj = _write_item(spec, item, resolver, actor)
                if section == "units" and _unresolved_units(spec, item, resolver):
                    deferred.append((item, obj))
            if progress and (done % CHUNK == 0 or done == total):
                progress(section, done, total)
        # Second pass over units: parents and successors defined later in the bundle.
        for item, obj in deferred:
            current[0] = item
            for fs in spec.fields:
                if isinstance(fs, RefSpec):
                    fs.assign(obj, item.values[fs.name], resolver)
            obj._history_user = actor
            obj._change_reason = "bundle import"
            obj.save(update_fields=[f"{fs.attr}_id" for fs in spec.fields if isinstance(fs, RefSpec)])
        current[0] = None


def _parents_first(items: list[Item]) -> list[Item]:
    by_ref = {item.ref: item for item in items}
    placed: set[str] = set()
    ordered: list[Item] = []
    for item in items:
        chain = []
        cursor = item
        while cursor is not None and cursor.ref not in placed:
            placed.add(cursor.ref)
            chain.append(cursor)
            cursor = by_ref.get(cursor.values.get("parent"))
        ordered.extend(reversed(chain))
    return ordered


def _unresolved_units(spec: SectionSpec, item: Item, resolver: Resolver) -> bool:
    return any(
        isinstance(fs, RefSpec) and item.values[fs.name] and resolver.pk_or_none("units", item.values[fs.name]) is None
        for fs in spec.fields
    )


def _history_recorder(model):
    """The HistoricalRecords behind ``model.history`` (django-simple-history keeps it only as
    its signal receivers), or None if it cannot be found."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return None
    if model not in _RECORDERS:
        found = None
        live = post_save._live_receivers(model)
        receivers = live[0] if isinstance(live, tuple) else live
        for receiver in receivers:
            owner = getattr(receiver, "__self__", None)
            if isinstance(owner, HistoricalRecords):
                found = owner
                break
        _RECORDERS[model] = found
    return _RECORDERS[model]


_RECORDERS: dict = {}


def _write_item(spec: SectionSpec, item: Item, resolver: Resolver, actor):
    """Write one record. Its field and list changes make one history entry ('+' or '~'), taken
    after the lists are set, so the entry shows the record as the bundle has it."""
    is_new = item.existing is None
    obj = spec.model() if is_new else item.existing
    before = item.snapshot or {}
    obj._history_user = actor
    obj._change_reason = "bundle import"
    recorder = _history_recorder(spec.model)
    changed = False
    if recorder is not None:
        obj.skip_history_when_saving = True
    try:
        if is_new or any(
            item.values[fs.name] != before.get(fs.name) for fs in spec.fields if not (fs.m2m or fs.nested)
        ):
            for fs in spec.fields:
                if fs.m2m or fs.nested:
                    continue
                if isinstance(fs, RefSpec) and fs.section == spec.name == "units":
                    value = item.values[fs.name]
                    setattr(obj, f"{fs.attr}_id", resolver.pk_or_none("units", value) if value else None)
                else:
                    fs.assign(obj, item.values[fs.name], resolver)
            obj.save()
            resolver.add(spec.name, obj.ref, obj.pk)
            changed = True
        for fs in spec.fields:
            value = item.values[fs.name]
            if fs.m2m and (value if is_new else value != before.get(fs.name)):
                fs.set_m2m(obj, value, resolver)
                changed = True
    finally:
        if recorder is not None:
            del obj.skip_history_when_saving
    if recorder is not None and changed:
        recorder.create_historical_record(obj, "+" if is_new else "~")
    for fs in spec.fields:
        value = item.values[fs.name]
        if fs.nested and (value if is_new else value != before.get(fs.name)):
            fs.replace(obj, value, resolver, actor)
    return obj
