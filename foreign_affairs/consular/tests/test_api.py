"""Consular cases are personal data: only officers, approvers and admins read them, and every
read is logged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.models import PersonalDataAccess

from .factories import ConsularCaseFactory

pytestmark = pytest.mark.django_db
API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


@pytest.mark.parametrize("name", ["viewer", "unit_officer_a"])
def test_viewer_and_unit_officer_are_refused(api, role_users, name):
    case = ConsularCaseFactory()
    client = api(role_users[name])
    assert client.get("/api/v1/consular-cases/").status_code == 403
    assert client.get(f"/api/v1/consular-cases/{case.pk}/").status_code == 403
    assert client.get(f"/api/v1/consular-cases/{case.pk}/history/").status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_officer_reads_and_each_read_is_logged(api, officer):
    cases = ConsularCaseFactory.create_batch(3)
    client = api(officer)
    response = client.get("/api/v1/consular-cases/")
    assert response.status_code == 200 and len(response.json()["results"]) == 3
    assert PersonalDataAccess.objects.filter(user=officer, record_type="consular.consularcase").count() == 3
    client.get(f"/api/v1/consular-cases/{cases[0].pk}/")
    client.get(f"/api/v1/consular-cases/{cases[0].pk}/history/")
    rows = PersonalDataAccess.objects.filter(record_id=cases[0].pk)
    assert rows.count() == 3
    assert {row.channel for row in rows} >= {f"/api/v1/consular-cases/{cases[0].pk}/history/"}


def test_approver_reads_but_cannot_write(api, approver):
    case = ConsularCaseFactory()
    client = api(approver)
    assert client.get(f"/api/v1/consular-cases/{case.pk}/").json()["subject_name"] == case.subject_name
    assert client.patch(f"/api/v1/consular-cases/{case.pk}/", {"status": "closed"}, format="json").status_code == 403


def test_officer_creates_a_case_and_dates_are_checked(api, officer):
    client = api(officer)
    body = {"ref": "cc-x", "kind": "detention", "country": "CN", "opened_on": "2024-05-01",
            "closed_on": "2024-04-01", "status": "closed", "subject_name": "Trần Thị B"}
    response = client.post("/api/v1/consular-cases/", body, format="json")
    assert response.status_code == 400 and "closed_on" in response.json()
    body["closed_on"] = "2024-06-01"
    response = client.post("/api/v1/consular-cases/", body, format="json")
    assert response.status_code == 201 and response.json()["country"] == "CN"
    filtered = client.get("/api/v1/consular-cases/", {"country": "CN", "year": 2024, "kind": "detention"})
    assert [row["ref"] for row in filtered.json()["results"]] == ["cc-x"]


def test_api_list_costs_the_same_for_10_and_60_rows(api, officer):
    client = api(officer)
    ConsularCaseFactory.create_batch(10)
    few, few_rows = list_queries(client, "consular-cases")
    ConsularCaseFactory.create_batch(50)
    many, many_rows = list_queries(client, "consular-cases")
    assert many_rows - few_rows == 50 and few == many
    assert many == API_BASELINE.get("consular-cases"), f"{many} queries, baseline {API_BASELINE.get('consular-cases')}"
