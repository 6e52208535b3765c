"""Extra context of the detail pages of plans, plan tasks and annual programmes (the
``detail_context`` of their record types): scorecards, evidence and fulfilment."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.utils import timezone

from foreign_affairs.plans.models import Plan, Programme, ProgrammeItem, Task, TaskGroup
from foreign_affairs.plans.selectors import (
    plan_scorecard,
    programme_fulfilment,
    programme_fulfilment_by_unit,
    task_is_overdue,
    task_latest_percent,
    task_standing,
)


def plan_detail_context(plan: Plan, user) -> dict:
    """A plan's scorecard (per task group and per lead unit, with % done) and its task groups
    with their tasks (status, due date, latest progress, how much evidence), for
    ``web/sections/plan_tasks.html``. A fixed number of queries whatever the plan's size."""
    scorecard = plan_scorecard(plan)
    today = scorecard["today"]
    tasks = (
        Task.objects.restrict(user, "view")
        .select_related("lead_unit")
        .annotate(evidence_count=Count("links", distinct=True))
        .order_by("position", "pk")
    )
    groups = list(
        TaskGroup.objects.restrict(user, "view")
        .filter(plan=plan)
        .order_by("ordinal")
        .prefetch_related(Prefetch("tasks", queryset=tasks), "tasks__supporting_units", "tasks__progress")
    )
    for group in groups:
        group.task_rows = [
            {
                "task": task,
                "overdue": task_is_overdue(task, today),
                "percent": task_latest_percent(task),
                "evidence": task.evidence_count,
            }
            for task in group.tasks.all()
        ]
    return {"scorecard": scorecard, "task_groups": groups}


def task_detail_context(task: Task, user) -> dict:
    """Where the task stands today and its latest reported percentage, for
    ``web/sections/task_detail.html`` (the progress and evidence lists are its child rows)."""
    today = timezone.localdate()
    return {
        "task_plan": task.group.plan,
        "task_standing": task_standing(task, today),
        "task_overdue": task_is_overdue(task, today),
        "task_percent": task_latest_percent(task),
    }


def programme_detail_context(programme: Programme, user) -> dict:
    """The programme's fulfilment (overall and per lead unit) and its items the user may see,
    in the programme's order, for ``web/sections/programme_items.html``."""
    items = list(
        ProgrammeItem.objects.restrict(user, "view")
        .filter(programme=programme)
        .select_related("lead_unit", "delegation", "event", "agreement")
        .prefetch_related("partners", "countries", "supporting_units")
        .order_by("position", "pk")
    )
    return {
        "fulfilment": programme_fulfilment(programme),
        "fulfilment_by_unit": programme_fulfilment_by_unit(programme),
        "programme_items": items,
        "can_add_item": user.has_perm("plans.add_programmeitem"),
    }
