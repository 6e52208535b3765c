"""The plans API: nested read and write, the plan-tasks endpoint, history and query counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.tests.factories import UnitFactory
from foreign_affairs.plans.models import Directive, Task

from .factories import TaskFactory, TaskGroupFactory, TaskProgressFactory

pytestmark = pytest.mark.django_db
API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


def test_plan_is_written_and_read_with_its_tree(api, officer):
    UnitFactory(ref="dofa")
    UnitFactory(ref="doit")
    body = {
        "ref": "p-134", "number": "134-KH/TU", "title": "Kế hoạch 134",
        "implements": {"number": "15-CT/TW", "title": "Về ngoại giao kinh tế", "issued_on": "2022-08-10"},
        "groups": [{"ordinal": 1, "title": "Tuyên truyền", "tasks": [
            {"ref": "t-1", "title": "Quán triệt", "lead_unit": "dofa", "supporting_units": ["doit"],
             "status": "in_progress", "progress": [{"date": "2024-06-30", "percent": 50}]},
        ]}],
    }
    response = api(officer).post("/api/v1/plans/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["implements"]["number"] == "15-CT/TW"
    task = data["groups"][0]["tasks"][0]
    assert (task["ref"], task["lead_unit"], task["supporting_units"]) == ("t-1", "dofa", ["doit"])
    assert task["progress"] == [{"date": "2024-06-30", "percent": 50, "note": "", "evidence": ""}]
    task_id = Task.objects.get(ref="t-1").pk

    body["groups"][0]["tasks"][0]["status"] = "done"
    response = api(officer).put(f"/api/v1/plans/{data['id']}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert Task.objects.get(ref="t-1").pk == task_id and Task.objects.get().status == "done"
    assert Directive.objects.count() == 1

    response = api(officer).patch(f"/api/v1/plans/{data['id']}/", {"title": "Kế hoạch số 134"}, format="json")
    assert response.status_code == 200 and len(response.json()["groups"][0]["tasks"]) == 1

    history = api(officer).get(f"/api/v1/plans/{data['id']}/history/").json()
    assert history[0]["type"] == "changed" and history[0]["user"] == "officer"


def test_bad_progress_is_refused(api, officer):
    body = {"title": "Kế hoạch", "groups": [{"ordinal": 1, "title": "G", "tasks": [
        {"title": "T", "progress": [{"date": "2024-06-30", "percent": 150}]}]}]}
    response = api(officer).post("/api/v1/plans/", body, format="json")
    assert response.status_code == 400
    assert "percent" in json.dumps(response.json())


def test_plan_tasks_endpoint_filters_by_plan(api, officer, viewer):
    task = TaskFactory()
    TaskFactory()
    client = api(viewer)
    rows = client.get("/api/v1/plan-tasks/", {"plan": task.group.plan.ref}).json()["results"]
    assert [row["ref"] for row in rows] == [task.ref]
    rows = client.get("/api/v1/plan-tasks/", {"plan": str(task.group.plan.pk)}).json()["results"]
    assert [row["ref"] for row in rows] == [task.ref]
    assert client.post("/api/v1/plan-tasks/", {}, format="json").status_code == 403

    response = api(officer).patch(
        f"/api/v1/plan-tasks/{task.pk}/",
        {"status": "done", "progress": [{"date": "2024-12-31", "percent": 100, "note": "Xong"}]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["progress"] == [{"date": "2024-12-31", "percent": 100, "note": "Xong", "evidence": ""}]


def make_plans(n):
    unit = UnitFactory()
    for _ in range(n):
        group = TaskGroupFactory()
        for _ in range(2):
            task = TaskFactory(group=group, lead_unit=unit)
            task.supporting_units.set([unit])
            TaskProgressFactory(task=task)


def make_tasks(n):
    unit = UnitFactory()
    group = TaskGroupFactory()
    for _ in range(n):
        task = TaskFactory(group=group, lead_unit=unit)
        task.supporting_units.set([unit])
        TaskProgressFactory.create_batch(2, task=task)


@pytest.mark.parametrize(("group", "maker"), [("plans", make_plans), ("plan-tasks", make_tasks)])
def test_api_list_costs_the_same_for_10_and_60_rows(api, officer, group, maker):
    client = api(officer)
    maker(10)
    few, few_rows = list_queries(client, group)
    maker(50)
    many, many_rows = list_queries(client, group)
    assert many_rows - few_rows == 50
    assert few == many, f"{group}: {few} queries for {few_rows} rows, {many} for {many_rows}"
    assert many == API_BASELINE.get(group), f"{group}: {many} queries, baseline {API_BASELINE.get(group)}"
