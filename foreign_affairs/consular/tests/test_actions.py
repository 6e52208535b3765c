"""A case's dated actions log: written and read with the case (API and bundle), restricted like
the case, and every read logged."""

from __future__ import annotations

import copy
import datetime

import pytest

from foreign_affairs.consular.models import ConsularCaseAction
from foreign_affairs.consular.services import consular_case_save
from foreign_affairs.core.bundle import export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.models import PersonalDataAccess

from .factories import ConsularCaseActionFactory, ConsularCaseFactory

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
consular_cases:
  - ref: cc-1
    kind: detention
    country: MY
    opened_on: "2024-02-01"
    status: in_progress
    subject_name: "Nguyễn Văn Thử"
    actions:
      - {date: "2024-02-01", actor: "Gia đình", action: "Báo tin cho Sở Ngoại vụ"}
      - {date: "2024-02-03", actor: "Sở Ngoại vụ", action: "Đề nghị Cục Lãnh sự và Đại sứ quán xác minh"}
"""


def test_actions_round_trip_in_the_bundle():
    data = parse_bundle_text(BUNDLE)
    assert import_bundle(data).ok
    assert list(ConsularCaseAction.objects.values_list("actor", flat=True)) == ["Gia đình", "Sở Ngoại vụ"]
    first = export_bundle(sections=["consular_cases"])
    assert first["consular_cases"][0]["actions"] == data["consular_cases"][0]["actions"]
    again = import_bundle(copy.deepcopy(first))
    assert again.ok and again.unchanged["consular_cases"] == 1
    assert export_bundle(sections=["consular_cases"]) == first
    assert "consular_cases" not in export_bundle(personal_data=False)


def test_an_action_without_its_date_is_refused():
    data = parse_bundle_text(BUNDLE)
    del data["consular_cases"][0]["actions"][1]["date"]
    assert [str(e) for e in import_bundle(data).errors] == [
        "consular_cases[0] (cc-1): actions[1].date: required field is missing"]
    assert not ConsularCaseAction.objects.exists()


def test_the_service_keeps_the_log_in_date_order(officer):
    case = ConsularCaseFactory()
    consular_case_save(case=case, actor=officer, actions=[
        {"date": datetime.date(2024, 3, 2), "actor": "Đại sứ quán", "action": "Thăm lãnh sự"},
        {"date": datetime.date(2024, 3, 1), "actor": "Sở Ngoại vụ", "action": "Tiếp nhận"},
    ])
    assert list(case.actions.values_list("actor", flat=True)) == ["Sở Ngoại vụ", "Đại sứ quán"]
    assert case.actions.first().history.first().history_user == officer


def test_actions_through_the_api_are_logged(api, officer):
    case = ConsularCaseFactory()
    client = api(officer)
    body = {"actions": [{"date": "2024-02-05", "actor": "Cục Lãnh sự", "action": "Gửi công hàm"}]}
    response = client.patch(f"/api/v1/consular-cases/{case.pk}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["actions"] == body["actions"]
    assert PersonalDataAccess.objects.filter(record_id=case.pk, record_type="consular.consularcase").exists()
    response = client.patch(f"/api/v1/consular-cases/{case.pk}/", {"status": "closed"}, format="json")
    assert response.json()["actions"] == body["actions"]  # left out: kept


@pytest.mark.parametrize("role", ["viewer", "unit_officer_a"])
def test_the_case_page_shows_its_actions_only_to_readers(login, role_users, role):
    action = ConsularCaseActionFactory(action="Liên hệ Đại sứ quán Việt Nam tại Malaysia")
    case = action.case
    assert login(role_users[role]).get(f"/consular-cases/{case.pk}/").status_code == 403
    html = login(role_users["officer"]).get(f"/consular-cases/{case.pk}/").content.decode()
    assert "Liên hệ Đại sứ quán Việt Nam tại Malaysia" in html and "Actions taken" in html
    response = login(role_users["officer"]).get(f"/consular-cases/{case.pk}/actions/{action.pk}/edit/")
    assert response.status_code == 200
    assert PersonalDataAccess.objects.filter(channel=f"/consular-cases/{case.pk}/actions/{action.pk}/edit/").exists()
