"""Writes on directives, plans and annual programmes: a directive found or updated by its
number; a plan's task groups, tasks, progress and evidence replaced as a whole (task refs kept
stable); a task linked to the record that carries it out; a programme's items replaced as a
whole (item refs kept stable); a programme item linked to what took place, which marks it done."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from foreign_affairs.core.models import User

from .choices import ItemStatus
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

    ``groups``: ``[{ordinal, title, notes, tasks: [{ref, title, lead_unit_id, supporting_unit_ids,
    due_on, status, notes, progress: [{date, percent, note, evidence}], links: [{date, note,
    delegation_id | agreement_id | event_id | fdi_project_id | programme_item_id}]}]}]``
    (``notes``, ``evidence`` and ``links`` may be left out: empty). Groups are matched by
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
                "supporting_units", "progress", "links"
            )
        }
        kept_groups: set[int] = set()
        kept_tasks: set[int] = set()
        for data in groups:
            group = existing_groups.get(data["ordinal"]) or TaskGroup(plan=plan, ordinal=data["ordinal"])
            notes = data.get("notes") or ""
            if group.pk is None or group.title != data["title"] or group.notes != notes:
                group.title = data["title"]
                group.notes = notes
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
    if "illustrative" in data:  # only a bundle import gives it; other callers keep it
        values["illustrative"] = bool(data["illustrative"])
    if task.pk is None or any(getattr(task, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(task, key, value)
        task._history_user = actor
        task.full_clean(exclude=["group", "lead_unit"])
        task.save()
    wanted_units = sorted(set(data.get("supporting_unit_ids") or []))
    if sorted(unit.pk for unit in task.supporting_units.all()) != wanted_units:
        task.supporting_units.set(wanted_units)
    _progress_replace(task=task, progress=data.get("progress") or [], actor=actor)
    if data.get("links") is not None:  # left out (an API client that does not send them): kept
        _links_replace(task=task, links=data["links"], actor=actor)


def _progress_replace(*, task: Task, progress: list[dict[str, Any]], actor: User | None) -> None:
    """Make the task's progress updates exactly ``progress`` (in date order), writing nothing
    when they already are."""
    current = [(row.date, row.percent, row.note, row.evidence)
               for row in sorted(task.progress.all(), key=lambda r: (r.date, r.pk))]
    wanted = sorted(
        ((row["date"], row["percent"], row.get("note") or "", row.get("evidence") or "") for row in progress),
        key=lambda row: row[0],
    )
    if current == wanted:
        return
    for row in task.progress.all():
        row._history_user = actor
        row.delete()
    for day, percent, note, evidence in wanted:
        row = TaskProgress(task=task, date=day, percent=percent, note=note, evidence=evidence)
        row._history_user = actor
        row.full_clean(exclude=["task"])
        row.save()


def _link_key(values: dict[str, Any]) -> tuple:
    return (values.get("date"), values.get("note") or "",
            *(values.get(f"{name}_id") for name in TASK_LINK_TARGETS))


def _links_replace(*, task: Task, links: list[dict[str, Any]], actor: User | None) -> None:
    """Make the task's evidence exactly ``links`` (each naming one record by its id field),
    writing nothing when it already is."""
    def stored(link: TaskLink) -> dict[str, Any]:
        return {"date": link.date, "note": link.note,
                **{f"{name}_id": getattr(link, f"{name}_id") for name in TASK_LINK_TARGETS}}

    current = sorted((_link_key(stored(link)) for link in task.links.all()), key=repr)
    wanted = sorted((_link_key(link) for link in links), key=repr)
    if current == wanted:
        return
    for link in task.links.all():
        link._history_user = actor
        link.delete()
    for values in links:
        link = TaskLink(task=task, date=values.get("date"), note=values.get("note") or "",
                        **{f"{name}_id": values.get(f"{name}_id") for name in TASK_LINK_TARGETS})
        link._history_user = actor
        link.full_clean(exclude=["task", *TASK_LINK_TARGETS], validate_constraints=False)
        link.save()


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
              progress: list[dict[str, Any]] | None = None, links: list[dict[str, Any]] | None = None) -> Task:
    """Create or change one task of a plan; ``progress`` (when given) replaces its progress
    updates as a whole, ``supporting_units`` (when given) its supporting units, ``links`` (when
    given: ``[{date, note, delegation_id | agreement_id | …}]``) its evidence."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        m2m = {"supporting_units": supporting_units} if supporting_units is not None else None
        record_save(instance=task, actor=actor, m2m=m2m)
        if progress is not None:
            for row in task.progress.all():
                row._history_user = actor
                row.delete()
            for data in sorted(progress, key=lambda row: row["date"]):
                row = TaskProgress(task=task, date=data["date"], percent=data["percent"], note=data.get("note") or "",
                                   evidence=data.get("evidence") or "")
                row._history_user = actor
                row.full_clean(exclude=["task"])
                row.save()
        if links is not None:
            _links_replace(task=task, links=links, actor=actor)
    return task


def task_link_add(*, task: Task, record, actor: User | None, date: date | None = None, note: str = "") -> TaskLink:
    """Record that ``record`` (a delegation, agreement, event, FDI project or programme item)
    carries out ``task``: evidence of the task, shown on both records' pages."""
    from .selectors import record_target_field

    name = record_target_field(record)
    if name is None:
        raise ValueError(f"a {type(record).__name__} cannot be evidence of a task")
    with transaction.atomic():
        link = TaskLink(task=task, date=date, note=note, **{name: record})
        link._history_user = actor
        link.full_clean()
        link.save()
    return link


def programme_item_link(*, item: ProgrammeItem, actor: User | None, delegation=None, event=None,
                        agreement=None) -> ProgrammeItem:
    """Link a programme item to what took place (the delegation, event or agreement that carried
    it out); a linked item is done. Links not given are kept."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        for name, record in (("delegation", delegation), ("event", event), ("agreement", agreement)):
            if record is not None:
                setattr(item, name, record)
        if item.linked:
            item.status = ItemStatus.DONE
        record_save(instance=item, actor=actor)
    return item


ITEM_VALUES = ("position", "kind", "pillar", "title", "month", "quarter", "lead_unit_id", "funding", "budget_vnd",
               "status", "delegation_id", "event_id", "agreement_id", "notes")
ITEM_LISTS = ("fields", "partners", "countries", "supporting_units")


def programme_items_replace(*, programme: Programme, items: list[dict[str, Any]], actor: User | None) -> None:
    """Make the programme's items exactly ``items``, in that order.

    Each item: ``{ref, kind, pillar, title, month, quarter, lead_unit_id, funding, budget_vnd,
    status, delegation_id, event_id, agreement_id, notes, fields, partners, countries,
    supporting_units}`` (the four lists as primary keys). Items are matched by ref (an item keeps
    its id, history and evidence links, even when it moves from another programme); items that
    already hold the given values are not written; items not given are deleted.
    """
    with transaction.atomic():
        refs = [item["ref"] for item in items if item.get("ref")]
        existing = {
            item.ref: item
            for item in ProgrammeItem.objects.filter(Q(programme=programme) | Q(ref__in=refs)).prefetch_related(
                *ITEM_LISTS
            )
        }
        kept: set[int] = set()
        for position, data in enumerate(items):
            item = existing.get(data.get("ref") or "") or ProgrammeItem()
            values = {"programme_id": programme.pk, "position": position,
                      **{key: data.get(key) for key in ITEM_VALUES if key != "position"}}
            for key in ("pillar", "funding", "notes"):
                values[key] = values[key] or ""
            if data.get("ref"):
                values["ref"] = data["ref"]
            if "illustrative" in data:  # only a bundle import gives it; other callers keep it
                values["illustrative"] = bool(data["illustrative"])
            if item.pk is None or any(getattr(item, key) != value for key, value in values.items()):
                for key, value in values.items():
                    setattr(item, key, value)
                item._history_user = actor
                item.full_clean(exclude=["programme", "lead_unit", "delegation", "event", "agreement"],
                                validate_constraints=False)
                item.save()
            for name in ITEM_LISTS:
                wanted = sorted(set(data.get(name) or []))
                if sorted(obj.pk for obj in getattr(item, name).all()) != wanted:
                    getattr(item, name).set(wanted)
            kept.add(item.pk)
        for item in ProgrammeItem.objects.filter(programme=programme).exclude(pk__in=kept):
            item._history_user = actor
            item.delete()


def programme_save(*, programme: Programme, actor: User | None, items: list[dict[str, Any]] | None = None) -> Programme:
    """Create or change an annual programme and, when ``items`` is given, its whole list of
    items (see ``programme_items_replace``)."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        record_save(instance=programme, actor=actor)
        if items is not None:
            programme_items_replace(programme=programme, items=items, actor=actor)
    return programme
