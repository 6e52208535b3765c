"""Reads on plans and programmes: the implementation scorecard of a plan (per task group and per
lead unit), the fulfilment of an annual foreign-affairs programme (overall and per lead unit),
a task's evidence and the tasks and programme items a record carries out.

The scorecards and fulfilment figures are plain data (dicts and lists of str, int, Decimal,
date and None; no model instances), so the reports can put them in JSON, HTML or DOCX as they
are. Percentages are Decimals to two decimals, None when there is nothing to divide by.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from .choices import CLOSED_STATUSES, NOT_COUNTED_STATUSES, ItemStatus, TaskStatus
from .models import TASK_LINK_TARGETS, Plan, Programme, ProgrammeItem, Task, TaskGroup, TaskLink

TWO_PLACES = Decimal("0.01")


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole``, to two decimals (None when ``whole`` is 0)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def task_is_overdue(task: Task, today: date) -> bool:
    """Overdue: marked so, or past its due date without being done or dropped."""
    if task.status == TaskStatus.OVERDUE:
        return True
    return task.due_on is not None and task.due_on < today and task.status not in CLOSED_STATUSES


def task_latest_percent(task: Task) -> int | None:
    """The percentage of the task's latest progress update (by date), or None if none."""
    rows = sorted(task.progress.all(), key=lambda row: (row.date, row.pk))
    return rows[-1].percent if rows else None


def task_standing(task: Task, today: date) -> str:
    """Where a task stands as of ``today``, one of the statuses: done and dropped as recorded;
    overdue when marked so or past its due date; else in progress or not started."""
    if task.status in CLOSED_STATUSES:
        return task.status
    if task_is_overdue(task, today):
        return TaskStatus.OVERDUE
    return TaskStatus.IN_PROGRESS if task.status == TaskStatus.IN_PROGRESS else TaskStatus.NOT_STARTED


def _score_row(key: str, label: str) -> dict[str, Any]:
    return {"key": key, "label": label, "total": 0, "done": 0, "in_progress": 0, "overdue": 0,
            "not_started": 0, "dropped": 0, "done_pct": None, "latest_percent": None, "_percents": []}


def _score_add(row: dict[str, Any], standing: str, percent_reported: int | None) -> None:
    row["total"] += 1
    row[standing] += 1
    if standing != TaskStatus.DROPPED:
        done_without_report = standing == TaskStatus.DONE and percent_reported is None
        row["_percents"].append(100 if done_without_report else (percent_reported or 0))


def _score_finish(row: dict[str, Any]) -> dict[str, Any]:
    percents = row.pop("_percents")
    row["done_pct"] = percent(row["done"], row["total"] - row["dropped"])
    if percents:
        mean = Decimal(sum(percents)) / Decimal(len(percents))
        row["latest_percent"] = mean.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    return row


def _plan_tasks(plan: Plan) -> list[TaskGroup]:
    return list(
        TaskGroup.objects.filter(plan=plan)
        .order_by("ordinal")
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.select_related("lead_unit").order_by("position", "pk")),
            "tasks__progress",
            "tasks__supporting_units",
        )
    )


def _unit_rows(groups: list[TaskGroup], today: date) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    supporting: dict[str, int] = {}
    names: dict[str, str] = {}
    for group in groups:
        for task in group.tasks.all():
            unit = task.lead_unit
            key = unit.ref if unit else ""
            if key not in rows:
                rows[key] = _score_row(key, unit.name if unit else "")
            _score_add(rows[key], task_standing(task, today), task_latest_percent(task))
            for helper in task.supporting_units.all():
                supporting[helper.ref] = supporting.get(helper.ref, 0) + 1
                names[helper.ref] = helper.name
    for ref, count in supporting.items():
        if ref not in rows:
            rows[ref] = _score_row(ref, names[ref])
        rows[ref]["supporting"] = count
    for row in rows.values():
        row.setdefault("supporting", 0)
        _score_finish(row)
    return sorted(rows.values(), key=lambda r: (r["key"] == "", r["label"], r["key"]))


def plan_scorecard(plan: Plan, *, today: date | None = None) -> dict[str, Any]:
    """The implementation scorecard of ``plan`` as of ``today`` (the local date by default).

    ``{"plan": {ref, number, title}, "today", "groups": [row…], "units": [row…], "total": row}``,
    one row per task group (by ordinal, ``key`` its ordinal) and per lead unit (as
    ``unit_scorecard``), each row ``{key, label, total, done, in_progress, overdue, not_started,
    dropped, done_pct, latest_percent}``. A task counts once, where it stands today: done and
    dropped as recorded; overdue when marked so or past its due date; in progress; not started
    (so the five counts add up to the total). ``done_pct`` = done ÷ (total − dropped);
    ``latest_percent`` is the mean of each task's latest reported percentage (a task without a
    report counts 0, a done one without a report 100, dropped tasks are left out). Four queries,
    whatever the plan's size.
    """
    today = today or timezone.localdate()
    groups = _plan_tasks(plan)
    total = _score_row("", "")
    group_rows = []
    for group in groups:
        row = _score_row(str(group.ordinal), group.title)
        for task in group.tasks.all():
            standing, reported = task_standing(task, today), task_latest_percent(task)
            _score_add(row, standing, reported)
            _score_add(total, standing, reported)
        group_rows.append(_score_finish(row))
    return {
        "plan": {"ref": plan.ref, "number": plan.number, "title": plan.title},
        "today": today,
        "groups": group_rows,
        "units": _unit_rows(groups, today),
        "total": _score_finish(total),
    }


def unit_scorecard(plan: Plan, *, today: date | None = None) -> list[dict[str, Any]]:
    """Per unit, the tasks of ``plan`` it leads as of ``today``: ``{key (unit ref, "" for tasks
    without a lead unit), label (its name), total, done, in_progress, overdue, not_started,
    dropped, done_pct, latest_percent, supporting}``, by name. ``done_pct`` = done ÷ (tasks led −
    dropped), to two decimals; ``supporting`` counts the tasks the unit supports (a unit that
    only supports has a row with total 0)."""
    return _unit_rows(_plan_tasks(plan), today or timezone.localdate())


# --- annual programmes ---------------------------------------------------------------------------


def _fulfilment_row(key: str, label: str) -> dict[str, Any]:
    return {"key": key, "label": label, "total": 0, **{status: 0 for status in ItemStatus.values},
            "counted": 0, "fulfilment_pct": None}


def _fulfilment_add(row: dict[str, Any], status: str) -> None:
    row["total"] += 1
    row[status] += 1
    if status not in NOT_COUNTED_STATUSES:
        row["counted"] += 1


def _fulfilment_finish(row: dict[str, Any]) -> dict[str, Any]:
    row["fulfilment_pct"] = percent(row[ItemStatus.DONE], row["counted"])
    return row


def programme_fulfilment(programme: Programme) -> dict[str, Any]:
    """How much of an annual programme was carried out (indicator CT-01).

    ``{"programme": {ref, year, title}, "total", "planned", "scheduled", "done", "postponed",
    "cancelled", "carried_over", "counted", "fulfilment_pct"}``: items by status, ``counted`` =
    the items the programme still holds itself to (all but cancelled ones), and
    ``fulfilment_pct`` = done ÷ counted × 100, to two decimals (None when nothing is counted).
    Cancelled items are left out because the province decided not to hold them; postponed and
    carried-over items count as planned and not done. One query.
    """
    row = _fulfilment_row("", "")
    for status in ProgrammeItem.objects.filter(programme=programme).values_list("status", flat=True):
        _fulfilment_add(row, status)
    _fulfilment_finish(row)
    del row["key"], row["label"]
    return {"programme": {"ref": programme.ref, "year": programme.year, "title": programme.title}, **row}


def programme_fulfilment_by_unit(programme: Programme) -> list[dict[str, Any]]:
    """``programme_fulfilment`` per lead unit: one row per unit leading items (``key`` its ref,
    ``label`` its name; items without a lead unit under ``""``, last), by name, with the same
    counts and ``fulfilment_pct``. One query."""
    rows: dict[str, dict[str, Any]] = {}
    items = ProgrammeItem.objects.filter(programme=programme).select_related("lead_unit").only(
        "status", "lead_unit__ref", "lead_unit__name_vi", "lead_unit__name_en"
    )
    for item in items:
        unit = item.lead_unit
        key = unit.ref if unit else ""
        if key not in rows:
            rows[key] = _fulfilment_row(key, unit.name if unit else "")
        _fulfilment_add(rows[key], item.status)
    return sorted((_fulfilment_finish(row) for row in rows.values()),
                  key=lambda r: (r["key"] == "", r["label"], r["key"]))


def programme_items_for_year(year: int) -> QuerySet[ProgrammeItem]:
    """The items of the programme of ``year`` (none if there is no such programme), in the
    programme's order, with their units, partners and countries: the table of planned activities
    of a "next-year programme" (pass N+1)."""
    return (
        ProgrammeItem.objects.filter(programme__year=year)
        .select_related("programme", "lead_unit", "delegation", "event", "agreement")
        .prefetch_related("partners", "countries", "supporting_units", "fields")
        .order_by("position", "pk")
    )


# --- evidence ------------------------------------------------------------------------------------


def task_evidence(task: Task) -> list[TaskLink]:
    """The records that carry the task out, by date (undated last), with their targets loaded."""
    links = TaskLink.objects.filter(task=task).select_related(*TASK_LINK_TARGETS)
    return sorted(links, key=lambda link: (link.date is None, link.date or date.min, link.pk))


def record_target_field(record: Model) -> str | None:
    """The TaskLink field that names a record of this kind (``delegation`` for a delegation),
    or None if records of this kind cannot be evidence."""
    for name in TASK_LINK_TARGETS:
        if TaskLink._meta.get_field(name).related_model is type(record):
            return name
    return None


def tasks_served_by(record: Model) -> QuerySet[Task]:
    """The plan tasks a record (a delegation, agreement, event, FDI project or programme item)
    is evidence of."""
    name = record_target_field(record)
    if name is None:
        return Task.objects.none()
    return Task.objects.filter(**{f"links__{name}": record}).distinct()
