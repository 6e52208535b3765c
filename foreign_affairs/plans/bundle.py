"""The ``plans`` section of a bundle (DESIGN §4): plans with the directive they implement and
their task groups → tasks → progress.

A directive is named by its number: ``implements`` creates it or brings it up to date. A plan's
groups, tasks and progress are replaced by the bundle's as a whole; tasks are matched by their
ref, so a task keeps its id and history across imports. Errors inside the nested lists name the
path: ``plans[0] (p-134): groups[0].tasks[1].lead_unit: unknown unit ref 'x' …``.
"""

from __future__ import annotations

from django.db.models import Prefetch

from foreign_affairs.core.bundle.errors import BundleError
from foreign_affairs.core.bundle.fields import (
    BIGINT_MAX,
    INVALID,
    Choice,
    CountryList,
    DateSpec,
    FieldList,
    FieldSpec,
    IntSpec,
    Nested,
    RefKey,
    RefList,
    RefSpec,
    Text,
    describe,
    is_blank,
    parse_date,
    quote_hint,
)
from foreign_affairs.core.bundle.sections import SectionSpec, _choices
from foreign_affairs.core.choices import Pillar
from foreign_affairs.delegations.choices import Funding

from .choices import ItemKind, ItemStatus, ProgrammeStatus, TaskStatus
from .models import (
    TASK_LINK_TARGETS,
    Directive,
    Plan,
    Programme,
    ProgrammeItem,
    Task,
    TaskGroup,
    TaskLink,
    TaskProgress,
)
from .services import directive_upsert, plan_groups_replace, programme_items_replace


class DirectiveSpec(FieldSpec):
    """``implements: {number, title, issued_on, issuer}``: the central directive, by number."""

    empty = None
    # Written with the plan (found or created by number), never checked as a model field.
    relation = True
    type_label = "mapping (number, title, issued_on, issuer)"
    keys = ("number", "title", "issued_on", "issuer")

    def parse(self, raw, ctx, report):
        if not isinstance(raw, dict):
            report(self.name, f"expected a mapping with number, title, issued_on and issuer, got {describe(raw)}")
            return INVALID
        value, bad = {"number": "", "title": "", "issued_on": None, "issuer": ""}, False
        for key, item in raw.items():
            label = f"{self.name}.{key}"
            if key not in self.keys:
                report(label, "unknown field")
                bad = True
            elif is_blank(item):
                continue
            elif key == "issued_on":
                parsed = parse_date(item, label, report)
                bad |= parsed is INVALID
                value[key] = parsed
            elif not isinstance(item, str):
                report(label, f"expected text, got {describe(item)}{quote_hint(item)}")
                bad = True
            else:
                limit = Directive._meta.get_field(key).max_length
                if len(item) > limit:
                    report(label, f"at most {limit} characters (it has {len(item)})")
                    bad = True
                value[key] = item
        if not bad and not value["number"]:
            report(f"{self.name}.number", "required field is missing")
            bad = True
        return INVALID if bad else value

    def get(self, obj):
        directive = obj.implements
        if directive is None:
            return None
        return {"number": directive.number, "title": directive.title, "issued_on": directive.issued_on,
                "issuer": directive.issuer}

    def dump(self, value):
        if value is None:
            return None
        out = {key: value[key] for key in self.keys if not is_blank(value[key])}
        if out.get("issued_on") is not None:
            out["issued_on"] = out["issued_on"].isoformat()
        return out

    def assign(self, obj, value, resolver):
        if value is None:
            obj.implements = None
            return
        obj.implements = directive_upsert(**value, actor=getattr(obj, "_history_user", None))


class PercentSpec(IntSpec):
    type_label = "percent (0–100)"

    def parse(self, raw, ctx, report):
        whole = isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer())
        if isinstance(raw, bool) or not whole:
            report(self.name, f"expected a whole percentage from 0 to 100, got {describe(raw)}")
            return INVALID
        if not 0 <= raw <= 100:
            report(self.name, f"a percentage from 0 to 100, got {int(raw)}")
            return INVALID
        return int(raw)


class OrderedNested(Nested):
    """Nested rows read back in a fixed order; ``inner`` marks a list inside another nested row
    (checked by its own parse, never set on the unsaved row the outer one validates)."""

    def __init__(self, name, *, sort_key, inner: bool = False, **kwargs):
        super().__init__(name, **kwargs)
        self.sort_key = sort_key
        self.relation = inner

    def get(self, obj):
        rows = sorted(getattr(obj, self.attr).all(), key=self.sort_key)
        return [{spec.name: spec.get(row) for spec in self.fields} for row in rows]


class ProgressSpec(OrderedNested):
    """A task's progress updates, kept in date order."""

    def parse(self, raw, ctx, report):
        rows = super().parse(raw, ctx, report)
        if rows is INVALID:
            return INVALID
        return sorted(rows, key=lambda row: row["date"])


class GroupsSpec(OrderedNested):
    """A plan's task groups, in ordinal order; each ordinal once."""

    def parse(self, raw, ctx, report):
        rows = super().parse(raw, ctx, report)
        if rows is INVALID:
            return INVALID
        seen: dict[int, int] = {}
        bad = False
        for position, row in enumerate(rows):
            if row["ordinal"] in seen:
                report(f"{self.name}[{position}].ordinal",
                       f"duplicate ordinal {row['ordinal']} (also at {self.name}[{seen[row['ordinal']]}])")
                bad = True
            else:
                seen[row["ordinal"]] = position
        return INVALID if bad else sorted(rows, key=lambda row: row["ordinal"])

    def replace(self, obj, value, resolver, actor) -> None:
        def unit_pk(ref):
            return resolver.pk("units", ref) if ref else None

        groups = [
            {
                "ordinal": group["ordinal"],
                "title": group["title"],
                "notes": group["notes"],
                "tasks": [
                    {
                        "ref": task["ref"],
                        "illustrative": task["illustrative"],
                        "title": task["title"],
                        "lead_unit_id": unit_pk(task["lead_unit"]),
                        "supporting_unit_ids": [unit_pk(ref) for ref in task["supporting_units"]],
                        "due_on": task["due_on"],
                        "status": task["status"],
                        "notes": task["notes"],
                        "progress": task["progress"],
                        "links": [_link_ids(row, resolver) for row in task["evidence"]],
                    }
                    for task in group["tasks"]
                ],
            }
            for group in value
        ]
        plan_groups_replace(plan=obj, groups=groups, actor=actor)


class ProgrammeItemRef(RefSpec):
    """A programme item by its ref: an item of a programme in this bundle or in the database
    (programme items are nested in ``programmes``, so they are looked up there)."""

    def __init__(self, name: str, **kwargs):
        super().__init__(name, "programmes", **kwargs)
        self.type_label = "programme item ref"

    def parse(self, raw, ctx, report):
        if not isinstance(raw, str):
            report(self.name, f"expected a ref, got {describe(raw)}{quote_hint(raw)}")
            return INVALID
        known = ctx.bundle_refs.get(ITEM_REFS, set())
        stored = getattr(ctx, "programme_item_refs", None)
        if stored is None:
            stored = ctx.programme_item_refs = set(ProgrammeItem.objects.values_list("ref", flat=True))
        if raw not in known and raw not in stored:
            report(self.name, f"unknown programme item ref {raw!r} (not in this bundle or the database)")
            return INVALID
        return raw

    def get(self, obj):
        return obj.programme_item.ref if obj.programme_item_id else None


# Where the importer keeps the refs of programme items nested in ``programmes`` (see
# ProgrammeSection.nested_refs), so that a task's evidence may name one.
ITEM_REFS = "programme_items"
SECTION_OF = {"delegation": "delegations", "agreement": "agreements", "event": "events",
              "fdi_project": "fdi_projects"}


def evidence_sort_key(row) -> tuple:
    """Evidence in a fixed order: by date (undated last), then kind and ref of the record."""
    if isinstance(row, dict):
        target = next(((name, row[name]) for name in TASK_LINK_TARGETS if row.get(name)), ("", ""))
        day, note = row.get("date"), row.get("note") or ""
    else:
        name = row.target_field or ""
        target = (name, getattr(row, name).ref if name else "")
        day, note = row.date, row.note
    return (day is None, day.isoformat() if day else "", *target, note)


class EvidenceSpec(OrderedNested):
    """A task's evidence: ``[{date, delegation | agreement | event | fdi_project |
    programme_item, note}]``, each row naming exactly one record, each record once."""

    def parse(self, raw, ctx, report):
        rows = super().parse(raw, ctx, report)
        if rows is INVALID:
            return INVALID
        bad, seen = False, {}
        for position, row in enumerate(rows):
            given = [name for name in TASK_LINK_TARGETS if row.get(name)]
            if len(given) != 1:
                report(f"{self.name}[{position}]", "give exactly one of " + ", ".join(TASK_LINK_TARGETS)
                       + (f" (got {', '.join(given)})" if given else ""))
                bad = True
                continue
            key = (given[0], row[given[0]])
            if key in seen:
                report(f"{self.name}[{position}].{given[0]}",
                       f"{key[1]!r} is already evidence of this task (at {self.name}[{seen[key]}])")
                bad = True
            seen.setdefault(key, position)
        return INVALID if bad else sorted(rows, key=evidence_sort_key)

    def get(self, obj):
        rows = sorted(getattr(obj, self.attr).all(), key=evidence_sort_key)
        return [{spec.name: spec.get(row) for spec in self.fields} for row in rows]


def _link_ids(row: dict, resolver) -> dict:
    """An evidence row with its record as a primary key (``delegation_id``…)."""
    out = {"date": row["date"], "note": row["note"]}
    for name in TASK_LINK_TARGETS:
        ref = row.get(name)
        if not ref:
            out[f"{name}_id"] = None
        elif name == "programme_item":
            out[f"{name}_id"] = ProgrammeItem.objects.values_list("pk", flat=True).get(ref=ref)
        else:
            out[f"{name}_id"] = resolver.pk(SECTION_OF[name], ref)
    return out


def _supporting_units() -> RefList:
    spec = RefList("supporting_units", "units")
    spec.relation = True  # a many-to-many list: set when the task is written
    return spec


class PlanSection(SectionSpec):
    """The plans section: a plan, its directive and its whole tree of groups, tasks and progress."""

    def queryset(self):
        return Plan.objects.select_related("implements").prefetch_related(
            Prefetch("groups", queryset=TaskGroup.objects.order_by("ordinal")),
            Prefetch("groups__tasks", queryset=Task.objects.select_related("lead_unit").order_by("position", "pk")),
            Prefetch("groups__tasks__supporting_units"),
            Prefetch("groups__tasks__progress", queryset=TaskProgress.objects.order_by("date", "pk")),
            Prefetch("groups__tasks__links", queryset=TaskLink.objects.select_related(*TASK_LINK_TARGETS)),
        )

    def match_existing(self, items, errors: list[BundleError]) -> None:
        """Checks across the plans of the bundle (before each is read): a directive given the
        same way everywhere, and each task ref once."""
        directives: dict[str, tuple[int, dict]] = {}
        tasks: dict[str, str] = {}
        for item in items:
            implements = item.raw.get("implements")
            if isinstance(implements, dict) and isinstance(implements.get("number"), str):
                number = implements["number"]
                if number in directives and directives[number][1] != implements:
                    errors.append(BundleError(
                        self.name, item.index, item.ref, "implements",
                        f"directive {number!r} is described differently in plans[{directives[number][0]}]",
                    ))
                directives.setdefault(number, (item.index, implements))
            groups = item.raw.get("groups")
            for g, group in enumerate(groups if isinstance(groups, list) else []):
                group_tasks = group.get("tasks") if isinstance(group, dict) else None
                for t, task in enumerate(group_tasks if isinstance(group_tasks, list) else []):
                    ref = task.get("ref") if isinstance(task, dict) else None
                    if not isinstance(ref, str) or not ref:
                        continue
                    where = f"plans[{item.index}].groups[{g}].tasks[{t}]"
                    if ref in tasks:
                        errors.append(BundleError(
                            self.name, item.index, item.ref, f"groups[{g}].tasks[{t}].ref",
                            f"duplicate task ref {ref!r} (also at {tasks[ref]})",
                        ))
                    else:
                        tasks[ref] = where


def plans_sections() -> list[SectionSpec]:
    progress = ProgressSpec(
        "progress",
        model=TaskProgress,
        parent_field="task",
        sort_key=lambda row: (row.date, row.pk),
        inner=True,
        fields=[
            DateSpec("date", required=True),
            PercentSpec("percent", required=True),
            Text("note"),
            Text("evidence"),
        ],
    )
    evidence = EvidenceSpec(
        "evidence",
        model=TaskLink,
        parent_field="task",
        sort_key=evidence_sort_key,
        inner=True,
        fields=[
            DateSpec("date"),
            RefSpec("delegation", "delegations"),
            RefSpec("agreement", "agreements"),
            RefSpec("event", "events"),
            RefSpec("fdi_project", "fdi_projects"),
            ProgrammeItemRef("programme_item"),
            Text("note"),
        ],
        attr="links",
    )
    tasks = OrderedNested(
        "tasks",
        model=Task,
        parent_field="group",
        sort_key=lambda row: (row.position, row.pk),
        inner=True,
        fields=[
            RefKey("ref", required=True),
            Text("title", required=True),
            RefSpec("lead_unit", "units"),
            _supporting_units(),
            DateSpec("due_on"),
            Choice("status", _choices(TaskStatus), default=TaskStatus.NOT_STARTED.value),
            Text("notes"),
            progress,
            evidence,
        ],
    )
    plans = PlanSection(
        "plans",
        "plan",
        Plan,
        [
            RefKey("ref", required=True),
            Text("number"),
            Text("title", required=True),
            DateSpec("issued_on"),
            Text("issuer"),
            DirectiveSpec("implements"),
            Text("notes"),
            GroupsSpec(
                "groups",
                model=TaskGroup,
                parent_field="plan",
                sort_key=lambda row: (row.ordinal, row.pk),
                fields=[
                    IntSpec("ordinal", required=True, maximum=32767),
                    Text("title", required=True),
                    Text("notes"),
                    tasks,
                ],
            ),
        ],
    )
    return [plans]


# --- programmes -----------------------------------------------------------------------------------


class YearSpec(IntSpec):
    type_label = "year"

    def parse(self, raw, ctx, report):
        value = super().parse(raw, ctx, report)
        if value is not INVALID and not 1945 <= value <= 2100:
            report(self.name, f"expected a year from 1945 to 2100, got {value}")
            return INVALID
        return value


class MonthSpec(IntSpec):
    def __init__(self, name: str, *, top: int, **kwargs):
        super().__init__(name, maximum=top, **kwargs)
        self.top = top
        self.type_label = f"whole number 1–{top}"

    def parse(self, raw, ctx, report):
        whole = isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer())
        if isinstance(raw, bool) or not whole or not 1 <= raw <= self.top:
            report(self.name, f"expected a whole number from 1 to {self.top}, got {describe(raw)}")
            return INVALID
        return int(raw)


LINKS = ("delegation", "event", "agreement")


class ItemsSpec(OrderedNested):
    """A programme's items, in the programme's order. An item linked to what took place
    (``delegation``, ``event`` or ``agreement``) is done: its status may be left out."""

    def parse(self, raw, ctx, report):
        rows = super().parse(raw, ctx, report)
        if rows is INVALID:
            return INVALID
        bad = False
        for position, row in enumerate(rows):
            if not any(row.get(name) for name in LINKS):
                continue
            given = raw[position].get("status")
            if is_blank(given):
                row["status"] = ItemStatus.DONE.value
            elif row["status"] != ItemStatus.DONE:
                report(f"{self.name}[{position}].status",
                       f"an item linked to what took place (delegation, event or agreement) is done, not {given!r}")
                bad = True
        return INVALID if bad else rows

    def replace(self, obj, value, resolver, actor) -> None:
        def pk(section, ref):
            return resolver.pk(section, ref) if ref else None

        items = [
            {
                "ref": row["ref"],
                "illustrative": row["illustrative"],
                **{key: row[key] for key in ("kind", "pillar", "title", "month", "quarter", "funding", "budget_vnd",
                                             "status", "notes")},
                "lead_unit_id": pk("units", row["lead_unit"]),
                "delegation_id": pk("delegations", row["delegation"]),
                "event_id": pk("events", row["event"]),
                "agreement_id": pk("agreements", row["agreement"]),
                "fields": [resolver.field_pk(code) for code in row["fields"]],
                "partners": [pk("partners", ref) for ref in row["partners"]],
                "countries": list(row["countries"]),
                "supporting_units": [pk("units", ref) for ref in row["supporting_units"]],
            }
            for row in value
        ]
        programme_items_replace(programme=obj, items=items, actor=actor)


def _m2m(spec):
    spec.relation = True  # a many-to-many list of a nested row: set when the row is written
    return spec


class ProgrammeSection(SectionSpec):
    """The programmes section: an annual programme and its items (refs unique across programmes,
    one programme per year)."""

    def queryset(self):
        return Programme.objects.prefetch_related(
            Prefetch("items", queryset=ProgrammeItem.objects.select_related(
                "lead_unit", "delegation", "event", "agreement").order_by("position", "pk")),
            "items__fields", "items__partners", "items__countries", "items__supporting_units",
        )

    def nested_refs(self, element: dict) -> dict[str, set[str]]:
        """The refs of the programme's items (a task's evidence may name one)."""
        items = element.get("items")
        refs = {item["ref"] for item in items if isinstance(item, dict) and isinstance(item.get("ref"), str)} \
            if isinstance(items, list) else set()
        return {ITEM_REFS: refs}

    def match_existing(self, items, errors: list[BundleError]) -> None:
        """Each item ref once across the bundle; each year once, in the bundle and in the
        database (a stored programme of the year with another ref is in the way)."""
        refs: dict[str, str] = {}
        years: dict[int, int] = {}
        stored = dict(Programme.objects.values_list("year", "ref"))
        for item in items:
            year = item.raw.get("year")
            if isinstance(year, int) and not isinstance(year, bool):
                if year in years:
                    errors.append(BundleError(self.name, item.index, item.ref, "year",
                                              f"two programmes for {year} (also programmes[{years[year]}])"))
                years.setdefault(year, item.index)
                other = stored.get(year)
                if other and other != item.ref:
                    errors.append(BundleError(self.name, item.index, item.ref, "year",
                                              f"there is already a programme for {year} ({other!r})"))
            rows = item.raw.get("items")
            for i, row in enumerate(rows if isinstance(rows, list) else []):
                ref = row.get("ref") if isinstance(row, dict) else None
                if not isinstance(ref, str) or not ref:
                    continue
                where = f"programmes[{item.index}].items[{i}]"
                if ref in refs:
                    errors.append(BundleError(self.name, item.index, item.ref, f"items[{i}].ref",
                                              f"duplicate item ref {ref!r} (also at {refs[ref]})"))
                else:
                    refs[ref] = where


def programmes_sections() -> list[SectionSpec]:
    items = ItemsSpec(
        "items",
        model=ProgrammeItem,
        parent_field="programme",
        sort_key=lambda row: (row.position, row.pk),
        fields=[
            RefKey("ref", required=True),
            Choice("kind", _choices(ItemKind), required=True),
            Choice("pillar", _choices(Pillar)),
            Text("title", required=True),
            _m2m(FieldList("fields")),
            _m2m(RefList("partners", "partners")),
            _m2m(CountryList("countries")),
            MonthSpec("month", top=12),
            MonthSpec("quarter", top=4),
            RefSpec("lead_unit", "units"),
            _m2m(RefList("supporting_units", "units")),
            Choice("funding", _choices(Funding)),
            IntSpec("budget_vnd", maximum=BIGINT_MAX),
            Choice("status", _choices(ItemStatus), default=ItemStatus.PLANNED.value),
            RefSpec("delegation", "delegations"),
            RefSpec("event", "events"),
            RefSpec("agreement", "agreements"),
            Text("notes"),
        ],
    )
    programmes = ProgrammeSection(
        "programmes",
        "programme",
        Programme,
        [
            RefKey("ref", required=True),
            YearSpec("year", required=True),
            Text("title", required=True),
            Text("number"),
            DateSpec("approved_on"),
            Choice("status", _choices(ProgrammeStatus), default=ProgrammeStatus.DRAFT.value),
            Text("notes"),
            items,
        ],
    )
    return [programmes]
