"""Writes on programmes and evidence: linking an item to what took place marks it done, the
month/quarter rules, one record per piece of evidence, and replacing a programme's items keeps
their ids."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from foreign_affairs.core.services import record_save
from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.plans.models import ProgrammeItem, TaskLink
from foreign_affairs.plans.services import (
    plan_groups_replace,
    programme_item_link,
    programme_items_replace,
    task_link_add,
)

from .factories import ProgrammeFactory, ProgrammeItemFactory, TaskFactory, TaskLinkFactory

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> dict:
    return {field: [str(m) for m in errors] for field, errors in error.message_dict.items()}


def test_linking_an_item_to_what_took_place_marks_it_done(officer):
    item = ProgrammeItemFactory(status="planned")
    delegation = DelegationFactory()
    programme_item_link(item=item, delegation=delegation, actor=officer)
    item.refresh_from_db()
    assert (item.status, item.delegation_id) == ("done", delegation.pk)
    assert item.history.first().history_user == officer

    # The same through any save (a form, the API): clean() marks it done.
    other = ProgrammeItemFactory(status="postponed")
    other.event = EventFactory()
    record_save(instance=other, actor=officer)
    other.refresh_from_db()
    assert other.status == "done"


def test_the_database_refuses_a_linked_item_that_is_not_done():
    item = ProgrammeItemFactory(status="planned")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeItem.objects.filter(pk=item.pk).update(agreement=AgreementFactory())


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"month": 13}, "month", "A month is from 1 to 12."),
        ({"quarter": 5}, "quarter", "A quarter is from 1 to 4."),
        ({"month": 5, "quarter": 1}, "month", "The month is not in the quarter given."),
    ],
)
def test_month_and_quarter_rules(officer, values, field, message):
    item = ProgrammeItemFactory.build(programme=ProgrammeFactory(), **values)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record_save(instance=item, actor=officer)
    assert messages(error.value)[field] == [message]
    assert not ProgrammeItem.objects.exists()


def test_month_in_its_quarter_is_accepted(officer):
    item = ProgrammeItemFactory.build(programme=ProgrammeFactory(), month=11, quarter=4)
    record_save(instance=item, actor=officer)
    assert item.when == f"11/{item.programme.year}"


def test_an_approved_programme_needs_its_date(officer):
    programme = ProgrammeFactory.build(status="approved")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record_save(instance=programme, actor=officer)
    assert messages(error.value) == {"approved_on": ["An approved programme needs the date it was approved."]}


def test_one_programme_per_year(officer):
    ProgrammeFactory(year=2026)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record_save(instance=ProgrammeFactory.build(year=2026), actor=officer)
    assert messages(error.value) == {"year": ["There is already a programme for this year."]}


def test_task_link_names_exactly_one_record(officer):
    task = TaskFactory()
    link = task_link_add(task=task, record=DelegationFactory(), actor=officer, date=datetime.date(2024, 5, 1))
    with translation.override("en"):
        assert link.target_field == "delegation" and link.kind_label == "Delegation"
    with translation.override("en"), pytest.raises(ValidationError) as error:
        TaskLink(task=task, delegation=DelegationFactory(), event=EventFactory()).full_clean()
    # (clean() and the database constraint say it alike)
    assert set(error.value.messages) == {
        "Link the task to exactly one record: a delegation, agreement, event, FDI project or programme item."
    }
    with pytest.raises(ValueError, match="cannot be evidence"):
        task_link_add(task=task, record=UnitFactory(), actor=officer)


def test_the_same_record_is_evidence_of_a_task_once(officer):
    task, delegation = TaskFactory(), DelegationFactory()
    task_link_add(task=task, record=delegation, actor=officer)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        task_link_add(task=task, record=delegation, actor=officer)
    assert set(error.value.messages) == {"This record is already evidence of the task."}
    # Another task may cite it.
    task_link_add(task=TaskFactory(), record=delegation, actor=officer)
    assert TaskLink.objects.filter(delegation=delegation).count() == 2


def test_replacing_a_plan_tree_keeps_evidence_unless_given(officer):
    task = TaskFactory(ref="t-1")
    plan = task.group.plan
    TaskLinkFactory(task=task, delegation=DelegationFactory())
    tree = [{"ordinal": task.group.ordinal, "title": "G", "notes": "Not published",
             "tasks": [{"ref": "t-1", "title": "T", "status": "done"}]}]
    plan_groups_replace(plan=plan, groups=tree, actor=officer)
    assert TaskLink.objects.filter(task=task).count() == 1  # links left out: kept
    assert plan.groups.get().notes == "Not published"
    tree[0]["tasks"][0]["links"] = []
    plan_groups_replace(plan=plan, groups=tree, actor=officer)
    assert not TaskLink.objects.filter(task=task).exists()


def test_replacing_items_keeps_ids_and_deletes_the_rest(officer):
    programme = ProgrammeFactory()
    keep = ProgrammeItemFactory(programme=programme, ref="i-keep")
    ProgrammeItemFactory(programme=programme, ref="i-drop")
    unit = UnitFactory()
    programme_items_replace(programme=programme, actor=officer, items=[
        {"ref": "i-new", "kind": "conference", "title": "Hội nghị", "status": "planned", "lead_unit_id": unit.pk,
         "countries": ["LA"], "supporting_units": [unit.pk]},
        {"ref": "i-keep", "kind": "reception", "title": "Tiếp đoàn", "status": "scheduled", "quarter": 3},
    ])
    items = list(programme.items.order_by("position"))
    assert [(i.ref, i.position) for i in items] == [("i-new", 0), ("i-keep", 1)]
    assert items[1].pk == keep.pk and items[1].status == "scheduled" and items[1].quarter == 3
    assert list(items[0].countries.values_list("code", flat=True)) == ["LA"]
    assert not ProgrammeItem.objects.filter(ref="i-drop").exists()
    count = keep.history.count()
    programme_items_replace(programme=programme, actor=officer, items=[
        {"ref": "i-new", "kind": "conference", "title": "Hội nghị", "status": "planned", "lead_unit_id": unit.pk,
         "countries": ["LA"], "supporting_units": [unit.pk]},
        {"ref": "i-keep", "kind": "reception", "title": "Tiếp đoàn", "status": "scheduled", "quarter": 3},
    ])
    assert keep.history.count() == count  # nothing changed, nothing written
