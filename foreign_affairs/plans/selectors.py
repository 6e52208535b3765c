"""Reads on plans: the implementation scorecard of a plan, per task group and per lead unit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from django.utils import timezone

from .choices import CLOSED_STATUSES, TaskStatus
from .models import Plan, Task, TaskGroup


@dataclass
class ScoreRow:
    """The tasks of one group or one lead unit: how many, how many done, overdue and in
    progress, and the mean of their latest reported percentages."""

    key: str
    label: str
    total: int = 0
    done: int = 0
    overdue: int = 0
    in_progress: int = 0
    dropped: int = 0
    not_started: int = 0
    latest_percent: Decimal | None = None
    _percents: list[int] = field(default_factory=list, repr=False)

    def add(self, *, status: str, overdue: bool, percent: int | None) -> None:
        self.total += 1
        if status == TaskStatus.DONE:
            self.done += 1
        elif status == TaskStatus.DROPPED:
            self.dropped += 1
        elif overdue:
            self.overdue += 1
        elif status == TaskStatus.IN_PROGRESS:
            self.in_progress += 1
        else:
            self.not_started += 1
        if status != TaskStatus.DROPPED:
            self._percents.append(100 if status == TaskStatus.DONE and percent is None else (percent or 0))

    def finish(self) -> None:
        if self._percents:
            mean = Decimal(sum(self._percents)) / Decimal(len(self._percents))
            self.latest_percent = mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Scorecard:
    """A plan's scorecard: one row per task group (by ordinal), one per lead unit (by name;
    tasks without a lead unit under the key ``""``) and the plan's total."""

    plan: Plan
    today: date
    groups: list[ScoreRow]
    units: list[ScoreRow]
    total: ScoreRow


def task_is_overdue(task: Task, today: date) -> bool:
    """Overdue: marked so, or past its due date without being done or dropped."""
    if task.status == TaskStatus.OVERDUE:
        return True
    return task.due_on is not None and task.due_on < today and task.status not in CLOSED_STATUSES


def task_latest_percent(task: Task) -> int | None:
    """The percentage of the task's latest progress update (by date), or None if none."""
    rows = sorted(task.progress.all(), key=lambda row: (row.date, row.pk))
    return rows[-1].percent if rows else None


def plan_scorecard(plan: Plan, *, today: date | None = None) -> Scorecard:
    """The implementation scorecard of ``plan`` as of ``today`` (the local date by default).

    Per task group and per lead unit: tasks in total, done, overdue (status ``overdue``, or due
    before today and neither done nor dropped), in progress (and not overdue), dropped, not
    started, and ``latest_percent``: the mean of each task's latest reported percentage (a task
    with no report counts 0, a done one without a report 100; dropped tasks are left out),
    to two decimals. Counts are exclusive: done + dropped + overdue + in progress + not started
    = total. Three queries, whatever the plan's size.
    """
    today = today or timezone.localdate()
    groups = list(
        TaskGroup.objects.filter(plan=plan)
        .order_by("ordinal")
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.select_related("lead_unit").order_by("position", "pk")),
            "tasks__progress",
        )
    )
    total = ScoreRow(key="", label="")
    group_rows: list[ScoreRow] = []
    unit_rows: dict[str, ScoreRow] = {}
    for group in groups:
        row = ScoreRow(key=str(group.ordinal), label=group.title)
        for task in group.tasks.all():
            facts = {"status": task.status, "overdue": task_is_overdue(task, today),
                     "percent": task_latest_percent(task)}
            row.add(**facts)
            total.add(**facts)
            unit = task.lead_unit
            unit_key = unit.ref if unit else ""
            if unit_key not in unit_rows:
                unit_rows[unit_key] = ScoreRow(key=unit_key, label=unit.name if unit else "")
            unit_rows[unit_key].add(**facts)
        group_rows.append(row)
    units = sorted(unit_rows.values(), key=lambda r: (r.key == "", r.label))
    for row in [*group_rows, *units, total]:
        row.finish()
    return Scorecard(plan=plan, today=today, groups=group_rows, units=units, total=total)
