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
    INVALID,
    Choice,
    DateSpec,
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

from .choices import TaskStatus
from .models import Directive, Plan, Task, TaskGroup, TaskProgress
from .services import directive_upsert, plan_groups_replace


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
                "tasks": [
                    {
                        "ref": task["ref"],
                        "title": task["title"],
                        "lead_unit_id": unit_pk(task["lead_unit"]),
                        "supporting_unit_ids": [unit_pk(ref) for ref in task["supporting_units"]],
                        "due_on": task["due_on"],
                        "status": task["status"],
                        "notes": task["notes"],
                        "progress": task["progress"],
                    }
                    for task in group["tasks"]
                ],
            }
            for group in value
        ]
        plan_groups_replace(plan=obj, groups=groups, actor=actor)


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
        ],
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
                    tasks,
                ],
            ),
        ],
    )
    return [plans]
