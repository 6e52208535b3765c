"""The programmes API (nested items), the programme-items endpoint (unit officers see and record
the items their unit leads), a task's evidence through the API, and list query counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, PartnerFactory, UnitFactory
from foreign_affairs.plans.models import ProgrammeItem, TaskLink

from .factories import ProgrammeFactory, ProgrammeItemFactory, TaskFactory, TaskGroupFactory, TaskLinkFactory

pytestmark = pytest.mark.django_db
API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


def test_programme_is_written_and_read_with_its_items(api, officer):
    UnitFactory(ref="dofa")
    PartnerFactory(ref="p-la")
    DelegationFactory(ref="d-1")
    body = {
        "ref": "prog-2026", "year": 2026, "title": "Chương trình đối ngoại năm 2026", "status": "draft",
        "items": [
            {"ref": "i-1", "kind": "outgoing_delegation", "title": "Đoàn thăm Lào", "partners": ["p-la"],
             "countries": ["LA"], "quarter": 2, "lead_unit": "dofa", "budget_vnd": 300000000, "fields": ["border"]},
            {"ref": "i-2", "kind": "reception", "title": "Tiếp đoàn", "delegation": "d-1", "status": "planned"},
        ],
    }
    client = api(officer)
    response = client.post("/api/v1/programmes/", body, format="json")
    assert response.status_code == 201, response.json()
    items = response.json()["items"]
    assert [(i["ref"], i["status"], i["lead_unit"], i["countries"]) for i in items] == [
        ("i-1", "planned", "dofa", ["LA"]), ("i-2", "done", None, [])]  # linked: done
    pk = ProgrammeItem.objects.get(ref="i-1").pk

    body["items"] = body["items"][:1]
    body["items"][0]["status"] = "scheduled"
    response = client.put(f"/api/v1/programmes/{response.json()['id']}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert list(ProgrammeItem.objects.values_list("pk", "status")) == [(pk, "scheduled")]

    body["items"][0]["month"] = 11
    response = client.put(f"/api/v1/programmes/{response.json()['id']}/", body, format="json",
                          HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "The month is not in the quarter given." in json.dumps(response.json(), ensure_ascii=False)


def test_programme_items_endpoint_links_and_filters(api, officer, viewer):
    programme = ProgrammeFactory(year=2026)
    item = ProgrammeItemFactory(programme=programme, status="planned")
    ProgrammeItemFactory(programme=ProgrammeFactory(year=2025))
    event = EventFactory(ref="e-9")
    rows = api(viewer).get("/api/v1/programme-items/", {"year": 2026}).json()["results"]
    assert [row["ref"] for row in rows] == [item.ref]
    assert api(viewer).patch(f"/api/v1/programme-items/{item.pk}/", {"event": "e-9"}, format="json").status_code == 403

    response = api(officer).patch(f"/api/v1/programme-items/{item.pk}/", {"event": "e-9"}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["event"]) == ("done", "e-9")
    assert ProgrammeItem.objects.get(pk=item.pk).event == event
    history = api(officer).get(f"/api/v1/programme-items/{item.pk}/history/").json()
    assert history[0]["user"] == "officer" and {c["field"] for c in history[0]["changes"]} >= {"event", "status"}


def test_unit_officers_propose_and_see_the_items_their_unit_leads(api, unit_officer_a, unit_a, unit_b):
    programme = ProgrammeFactory(ref="prog-x", year=2027)
    mine = ProgrammeItemFactory(programme=programme, lead_unit=unit_a)
    theirs = ProgrammeItemFactory(programme=programme, lead_unit=unit_b)
    client = api(unit_officer_a)
    rows = client.get("/api/v1/programme-items/").json()["results"]
    assert [row["ref"] for row in rows] == [mine.ref]
    assert client.get(f"/api/v1/programme-items/{theirs.pk}/").status_code == 404
    body = {"programme": "prog-x", "kind": "conference", "title": "Hội thảo", "lead_unit": unit_a.ref}
    assert client.post("/api/v1/programme-items/", body, format="json").status_code == 201
    body["lead_unit"] = unit_b.ref
    response = client.post("/api/v1/programme-items/", body, format="json")
    assert response.status_code == 400 and "lead_unit" in response.json()
    assert ProgrammeItem.objects.filter(lead_unit=unit_b).count() == 1
    # The programme itself is the office's: read, not written.
    assert client.get("/api/v1/programmes/").status_code == 200
    assert client.post("/api/v1/programmes/", {"year": 2030, "title": "X"}, format="json").status_code == 403


def test_task_evidence_through_the_api(api, officer):
    task = TaskFactory()
    DelegationFactory(ref="d-1")
    item = ProgrammeItemFactory(ref="i-1")
    client = api(officer)
    body = {"evidence": [{"delegation": "d-1", "date": "2025-04-01", "note": "Đoàn đã đi"}, {"programme_item": "i-1"}]}
    response = client.patch(f"/api/v1/plan-tasks/{task.pk}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert set(TaskLink.objects.filter(task=task).values_list("delegation__ref", "programme_item__ref")) == {
        ("d-1", None), (None, "i-1")}
    evidence = client.get(f"/api/v1/plan-tasks/{task.pk}/").json()["evidence"]
    assert {row["delegation"] or row["programme_item"] for row in evidence} == {"d-1", "i-1"}
    assert item.task_links.get().task == task

    response = client.patch(f"/api/v1/plan-tasks/{task.pk}/", {"evidence": [{"delegation": "d-1",
                                                                             "programme_item": "i-1"}]}, format="json")
    assert response.status_code == 400
    assert "give exactly one of" in json.dumps(response.json())
    assert TaskLink.objects.filter(task=task).count() == 2
    # Leaving evidence out keeps it.
    assert client.patch(f"/api/v1/plan-tasks/{task.pk}/", {"status": "done"}, format="json").status_code == 200
    assert TaskLink.objects.filter(task=task).count() == 2


def make_programmes(n):
    unit, partner = UnitFactory(), PartnerFactory()
    for _ in range(n):
        programme = ProgrammeFactory()
        for _ in range(2):
            item = ProgrammeItemFactory(programme=programme, lead_unit=unit, delegation=DelegationFactory(),
                                        status="done")
            item.partners.set([partner])
            item.countries.set(["LA"])
            item.supporting_units.set([unit])


def make_items(n):
    unit, partner, programme = UnitFactory(), PartnerFactory(), ProgrammeFactory()
    event = EventFactory()
    for _ in range(n):
        item = ProgrammeItemFactory(programme=programme, lead_unit=unit, event=event, status="done")
        item.partners.set([partner])
        item.countries.set(["LA", "KH"])
        item.supporting_units.set([unit])


def make_tasks_with_evidence(n):
    group = TaskGroupFactory()
    delegation = DelegationFactory()
    for _ in range(n):
        TaskLinkFactory(task=TaskFactory(group=group), delegation=delegation)


@pytest.mark.parametrize(("group", "maker"), [("programmes", make_programmes), ("programme-items", make_items),
                                              ("plan-tasks", make_tasks_with_evidence)])
def test_api_list_costs_the_same_for_10_and_60_rows(api, officer, group, maker):
    client = api(officer)
    maker(10)
    few, few_rows = list_queries(client, group)
    maker(50)
    many, many_rows = list_queries(client, group)
    assert many_rows - few_rows == 50
    assert few == many, f"{group}: {few} queries for {few_rows} rows, {many} for {many_rows}"
    assert many == API_BASELINE.get(group), f"{group}: {many} queries, baseline {API_BASELINE.get(group)}"
