"""The plan scorecard: per group and per lead unit, with the overdue rule."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from foreign_affairs.core.tests.factories import UnitFactory
from foreign_affairs.plans.selectors import plan_scorecard, task_is_overdue

from .factories import PlanFactory, TaskFactory, TaskGroupFactory, TaskProgressFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2024, 7, 1)


def test_scorecard_per_group_and_per_unit(django_assert_max_num_queries):
    plan = PlanFactory()
    g1, g2 = TaskGroupFactory(plan=plan, ordinal=1), TaskGroupFactory(plan=plan, ordinal=2)
    dofa = UnitFactory(ref="dofa", name_vi="Sở Ngoại vụ")
    doit = UnitFactory(ref="doit", name_vi="Sở Công Thương")
    done = TaskFactory(group=g1, lead_unit=dofa, status="done")  # no report: counts 100
    late = TaskFactory(group=g1, lead_unit=dofa, status="in_progress", due_on=datetime.date(2024, 6, 30))
    TaskProgressFactory(task=late, date=datetime.date(2024, 3, 31), percent=40)
    TaskProgressFactory(task=late, date=datetime.date(2024, 1, 31), percent=20)
    TaskFactory(group=g2, lead_unit=doit, status="overdue")
    running = TaskFactory(group=g2, lead_unit=doit, status="in_progress", due_on=TODAY)
    TaskProgressFactory(task=running, date=datetime.date(2024, 6, 1), percent=70)
    TaskFactory(group=g2, lead_unit=None, status="dropped", due_on=datetime.date(2020, 1, 1))
    TaskFactory(group=g2, lead_unit=None, status="not_started")

    with django_assert_max_num_queries(4):
        card = plan_scorecard(plan, today=TODAY)

    assert [(r.key, r.total, r.done, r.overdue, r.in_progress, r.latest_percent) for r in card.groups] == [
        ("1", 2, 1, 1, 0, Decimal("70.00")),
        ("2", 4, 0, 1, 1, Decimal("23.33")),
    ]
    assert [(r.key, r.total, r.done, r.overdue, r.in_progress, r.dropped, r.not_started) for r in card.units] == [
        ("doit", 2, 0, 1, 1, 0, 0),
        ("dofa", 2, 1, 1, 0, 0, 0),
        ("", 2, 0, 0, 0, 1, 1),
    ]
    total = card.total
    assert (total.total, total.done, total.overdue, total.in_progress, total.dropped, total.not_started) == (
        6, 1, 2, 1, 1, 1)
    assert total.done + total.overdue + total.in_progress + total.dropped + total.not_started == total.total
    assert done.pk  # the done task without a report counted 100 in group 1's mean of 100 and 40


def test_overdue_rule():
    task = TaskFactory.build(status="in_progress", due_on=datetime.date(2024, 6, 30))
    assert task_is_overdue(task, TODAY)
    assert not task_is_overdue(task, datetime.date(2024, 6, 30))
    task.status = "done"
    assert not task_is_overdue(task, TODAY)
    task.status, task.due_on = "overdue", None
    assert task_is_overdue(task, TODAY)


def test_empty_plan():
    card = plan_scorecard(PlanFactory(), today=TODAY)
    assert card.groups == [] and card.units == [] and card.total.total == 0 and card.total.latest_percent is None
