"""Writes on directives and plans: a directive found or updated by its number, and a plan's
task groups, tasks and progress replaced as a whole (task refs kept stable)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from foreign_affairs.core.models import User

from .models import Directive, Plan, Task, TaskGroup, TaskProgress


def directive_upsert(*, number: str, title: str = "", issued_on: date | None = None, issuer: str = "",
                     actor: User | None) -> Directive:
    """The central directive with this number, created or brought up to date with what a plan
    says about it (a plan's ``implements``)."""
    with transaction.atomic():
        directive = Directive.objects.filter(number=number).first() or Directive(number=number)
        wanted = {"title": title, "issued_on": issued_on, "issuer": issuer}
        if directive.pk is None or any(getattr(directive, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(directive, key, value)
            directive._history_user = actor
            directive.full_clean()
            directive.save()
    return directive


def plan_groups_replace(*, plan: Plan, groups: list[dict[str, Any]], actor: User | None) -> None:
    """Make the plan's task groups, tasks and progress exactly ``groups``.

    ``groups``: ``[{ordinal, title, tasks: [{ref, title, lead_unit_id, supporting_unit_ids,
    due_on, status, notes, progress: [{date, percent, note}]}]}]``. Groups are matched by
    ordinal and tasks by ref (a task keeps its id and history, even when it moves to another
    group); rows that already hold the given values are not written; groups and tasks not given
    are deleted.
    """
    with transaction.atomic():
        existing_groups = {group.ordinal: group for group in plan.groups.all()}
        refs = [task["ref"] for group in groups for task in group["tasks"] if task.get("ref")]
        existing_tasks = {
            task.ref: task
            for task in Task.objects.filter(Q(group__plan=plan) | Q(ref__in=refs)).prefetch_related(
                "supporting_units", "progress"
            )
        }
        kept_groups: set[int] = set()
        kept_tasks: set[int] = set()
        for data in groups:
            group = existing_groups.get(data["ordinal"]) or TaskGroup(plan=plan, ordinal=data["ordinal"])
            if group.pk is None or group.title != data["title"]:
                group.title = data["title"]
                group._history_user = actor
                group.full_clean(exclude=["plan"], validate_constraints=False)
                group.save()
            kept_groups.add(group.pk)
            for position, task_data in enumerate(data["tasks"]):
                task = existing_tasks.get(task_data.get("ref") or "") or Task()
                _task_write(task=task, group=group, position=position, data=task_data, actor=actor)
                kept_tasks.add(task.pk)
        for task in Task.objects.filter(group__plan=plan).exclude(pk__in=kept_tasks):
            task._history_user = actor
            task.delete()
        for group in plan.groups.exclude(pk__in=kept_groups):
            group._history_user = actor
            group.delete()


def _task_write(*, task: Task, group: TaskGroup, position: int, data: dict[str, Any], actor: User | None) -> None:
    values = {
        "group_id": group.pk,
        "position": position,
        "title": data["title"],
        "lead_unit_id": data.get("lead_unit_id"),
        "due_on": data.get("due_on"),
        "status": data["status"],
        "notes": data.get("notes") or "",
    }
    if data.get("ref"):
        values["ref"] = data["ref"]
    if task.pk is None or any(getattr(task, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(task, key, value)
        task._history_user = actor
        task.full_clean(exclude=["group", "lead_unit"])
        task.save()
    wanted_units = sorted(set(data.get("supporting_unit_ids") or []))
    if sorted(unit.pk for unit in task.supporting_units.all()) != wanted_units:
        task.supporting_units.set(wanted_units)
    current = [(row.date, row.percent, row.note) for row in sorted(task.progress.all(), key=lambda r: (r.date, r.pk))]
    wanted = sorted(
        ((row["date"], row["percent"], row.get("note") or "") for row in data.get("progress") or []),
        key=lambda row: row[0],
    )
    if current != wanted:
        for row in task.progress.all():
            row._history_user = actor
            row.delete()
        for day, percent, note in wanted:
            progress = TaskProgress(task=task, date=day, percent=percent, note=note)
            progress._history_user = actor
            progress.full_clean(exclude=["task"])
            progress.save()


def plan_save(*, plan: Plan, actor: User | None, implements: dict[str, Any] | None = None,
              set_implements: bool = False, groups: list[dict[str, Any]] | None = None) -> Plan:
    """Create or change a plan: its own fields, the directive it implements (found or created
    by number, when ``set_implements``; None clears it) and, when ``groups`` is given, its whole
    tree of groups, tasks and progress (see ``plan_groups_replace``)."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        if set_implements:
            plan.implements = directive_upsert(**implements, actor=actor) if implements else None
        record_save(instance=plan, actor=actor)
        if groups is not None:
            plan_groups_replace(plan=plan, groups=groups, actor=actor)
    return plan


def task_save(*, task: Task, actor: User | None, supporting_units: list | None = None,
              progress: list[dict[str, Any]] | None = None) -> Task:
    """Create or change one task of a plan; ``progress`` (when given) replaces its progress
    updates as a whole, ``supporting_units`` (when given) its supporting units."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        m2m = {"supporting_units": supporting_units} if supporting_units is not None else None
        record_save(instance=task, actor=actor, m2m=m2m)
        if progress is not None:
            for row in task.progress.all():
                row._history_user = actor
                row.delete()
            for data in sorted(progress, key=lambda row: row["date"]):
                row = TaskProgress(task=task, date=data["date"], percent=data["percent"], note=data.get("note") or "")
                row._history_user = actor
                row.full_clean(exclude=["task"])
                row.save()
    return task
