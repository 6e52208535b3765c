"""The plan scorecard (per group and per lead unit, with the overdue rule), the unit scorecard,
programme fulfilment (overall and per unit: cancelled items left out) and task evidence."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.plans.selectors import (
    plan_scorecard,
    programme_fulfilment,
    programme_fulfilment_by_unit,
    programme_items_for_year,
    task_evidence,
    task_is_overdue,
    tasks_served_by,
    unit_scorecard,
)

from .factories import (
    PlanFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
    TaskFactory,
    TaskGroupFactory,
    TaskLinkFactory,
    TaskProgressFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2024, 7, 1)


def _rows(rows, *keys):
    return [tuple(row[key] for key in keys) for row in rows]


def test_scorecard_per_group_and_per_unit(django_assert_max_num_queries):
    plan = PlanFactory()
    g1, g2 = TaskGroupFactory(plan=plan, ordinal=1), TaskGroupFactory(plan=plan, ordinal=2)
    dofa = UnitFactory(ref="dofa", name_vi="Sở Ngoại vụ", name_en="Department of Overseas Affairs")
    doit = UnitFactory(ref="doit", name_vi="Sở Công Thương", name_en="Department of Industry and Trade")
    TaskFactory(group=g1, lead_unit=dofa, status="done")  # no report: counts 100
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

    assert card["plan"] == {"ref": plan.ref, "number": plan.number, "title": plan.title}
    assert card["today"] == TODAY
    assert _rows(card["groups"], "key", "total", "done", "overdue", "in_progress", "done_pct", "latest_percent") == [
        ("1", 2, 1, 1, 0, Decimal("50.00"), Decimal("70.00")),
        ("2", 4, 0, 1, 1, Decimal("0.00"), Decimal("23.33")),
    ]
    assert _rows(card["units"], "key", "total", "done", "overdue", "in_progress", "dropped", "not_started") == [
        ("doit", 2, 0, 1, 1, 0, 0),
        ("dofa", 2, 1, 1, 0, 0, 0),
        ("", 2, 0, 0, 0, 1, 1),
    ]
    total = card["total"]
    assert _rows([total], "total", "done", "overdue", "in_progress", "dropped", "not_started") == [(6, 1, 2, 1, 1, 1)]
    assert total["done"] + total["overdue"] + total["in_progress"] + total["dropped"] + total["not_started"] == 6
    # Done share leaves the dropped task out: 1 of 5.
    assert total["done_pct"] == Decimal("20.00")
    # Plain data: it goes into a report's JSON as it is.
    assert json.loads(json.dumps(card, cls=DjangoJSONEncoder))["total"]["done"] == 1


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
    assert card["groups"] == [] and card["units"] == []
    assert card["total"]["total"] == 0 and card["total"]["latest_percent"] is None and card["total"]["done_pct"] is None


def test_unit_scorecard_counts_what_each_unit_leads_and_supports(django_assert_max_num_queries):
    plan = PlanFactory()
    group = TaskGroupFactory(plan=plan, ordinal=1)
    dofa = UnitFactory(ref="dofa", name_vi="Sở Ngoại vụ", name_en="Department of Overseas Affairs")
    doit = UnitFactory(ref="doit", name_vi="Sở Công Thương", name_en="Department of Industry and Trade")
    helper = UnitFactory(ref="dpi", name_vi="Sở Tài chính", name_en="Department of Planning")
    done = TaskFactory(group=group, lead_unit=dofa, status="done")
    done.supporting_units.set([doit, helper])
    TaskFactory(group=group, lead_unit=dofa, status="not_started", due_on=datetime.date(2024, 1, 1))  # overdue
    TaskFactory(group=group, lead_unit=dofa, status="dropped")
    TaskFactory(group=group, lead_unit=dofa, status="not_started")
    TaskFactory(group=group, lead_unit=doit, status="in_progress")
    TaskFactory(group=TaskGroupFactory(), lead_unit=dofa, status="done")  # another plan's task

    with django_assert_max_num_queries(4):
        rows = unit_scorecard(plan, today=TODAY)

    assert _rows(rows, "key", "total", "done", "in_progress", "overdue", "not_started", "dropped", "done_pct",
                 "supporting") == [
        ("doit", 1, 0, 1, 0, 0, 0, Decimal("0.00"), 1),
        ("dofa", 4, 1, 0, 1, 1, 1, Decimal("33.33"), 0),  # 1 done of the 3 not dropped
        ("dpi", 0, 0, 0, 0, 0, 0, None, 1),  # only supports
    ]
    assert rows == plan_scorecard(plan, today=TODAY)["units"]


def test_programme_fulfilment_leaves_cancelled_items_out(django_assert_num_queries):
    programme = ProgrammeFactory(year=2026)
    dofa = UnitFactory(ref="dofa", name_vi="Sở Ngoại vụ", name_en="Department of Overseas Affairs")
    doit = UnitFactory(ref="doit", name_vi="Sở Công Thương", name_en="Department of Industry and Trade")
    for status in ("done", "done", "planned", "postponed", "carried_over", "cancelled"):
        ProgrammeItemFactory(programme=programme, lead_unit=dofa, status=status)
    ProgrammeItemFactory(programme=programme, lead_unit=doit, status="cancelled")
    ProgrammeItemFactory(programme=programme, lead_unit=None, status="scheduled")
    ProgrammeItemFactory(status="done")  # another programme

    with django_assert_num_queries(1):
        overall = programme_fulfilment(programme)
    assert overall["programme"] == {"ref": programme.ref, "year": 2026, "title": programme.title}
    assert (overall["total"], overall["done"], overall["cancelled"], overall["counted"]) == (8, 2, 2, 6)
    assert (overall["planned"], overall["scheduled"], overall["postponed"], overall["carried_over"]) == (1, 1, 1, 1)
    assert overall["fulfilment_pct"] == Decimal("33.33")  # 2 done of the 6 not cancelled

    with django_assert_num_queries(1):
        by_unit = programme_fulfilment_by_unit(programme)
    assert _rows(by_unit, "key", "total", "done", "counted", "fulfilment_pct") == [
        ("doit", 1, 0, 0, None),  # only a cancelled item: nothing to fulfil
        ("dofa", 6, 2, 5, Decimal("40.00")),
        ("", 1, 0, 1, Decimal("0.00")),
    ]
    assert by_unit[1]["label"] == dofa.name


def test_empty_programme_has_no_fulfilment():
    programme = ProgrammeFactory()
    assert programme_fulfilment(programme)["fulfilment_pct"] is None
    assert programme_fulfilment_by_unit(programme) == []


def test_next_year_items_in_programme_order():
    later = ProgrammeFactory(year=2027)
    second = ProgrammeItemFactory(programme=later, position=1)
    first = ProgrammeItemFactory(programme=later, position=0)
    ProgrammeItemFactory(programme=ProgrammeFactory(year=2026))
    assert list(programme_items_for_year(2027)) == [first, second]
    assert not programme_items_for_year(2030).exists()


def test_evidence_of_a_task_and_tasks_a_record_serves():
    task, other = TaskFactory(), TaskFactory()
    delegation, event = DelegationFactory(), EventFactory()
    undated = TaskLinkFactory(task=task, event=event)
    dated = TaskLinkFactory(task=task, delegation=delegation, date=datetime.date(2024, 3, 1))
    TaskLinkFactory(task=other, delegation=delegation)
    item = ProgrammeItemFactory()
    TaskLinkFactory(task=other, programme_item=item)

    assert task_evidence(task) == [dated, undated]
    assert set(tasks_served_by(delegation)) == {task, other}
    assert list(tasks_served_by(event)) == [task]
    assert list(tasks_served_by(item)) == [other]
    assert not tasks_served_by(UnitFactory()).exists()
