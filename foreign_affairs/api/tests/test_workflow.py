"""Workflow actions through the API (DESIGN §4): POST /api/v1/delegations/<id>/<action>/."""

import pytest

from foreign_affairs.core.tests.factories import DelegationFactory
from foreign_affairs.delegations.models import Delegation

pytestmark = pytest.mark.django_db


def test_propose_return_resubmit_approve_complete_report_evaluate(api, unit_a, unit_officer_a, officer, approver):
    trip = DelegationFactory(status="draft", host_unit=unit_a)
    url = f"/api/v1/delegations/{trip.pk}"
    assert api(unit_officer_a).post(f"{url}/submit/", {}).json()["status"] == "proposed"
    response = api(officer).post(f"{url}/return/", {"comment": "Thiếu thư mời"})
    assert response.status_code == 200 and response.json()["status"] == "draft"
    api(unit_officer_a).post(f"{url}/submit/", {})
    response = api(approver).post(f"{url}/approve/", {"decision_no": "123/QĐ-UBND", "decision_on": "2024-03-20",
                                                       "signer": "Nguyễn Văn A"})
    assert response.status_code == 200, response.json()
    assert api(unit_officer_a).post(f"{url}/complete/", {}).json()["status"] == "completed"
    assert api(unit_officer_a).post(f"{url}/report/", {"report": "Đã ký MOU", "cost_vnd": 120000000}).status_code == 200
    assert api(approver).post(f"{url}/evaluate/", {"rating": 5}).json()["status"] == "evaluated"
    history = api(officer).get(f"{url}/history/").json()
    assert {entry["user"] for entry in history} >= {"unit_officer_a", "officer", "approver"}


def test_refusals_say_why_and_change_nothing(api, unit_a, unit_officer_a, approver, viewer, unit_officer_b):
    trip = DelegationFactory(status="draft", host_unit=unit_a)
    url = f"/api/v1/delegations/{trip.pk}"
    response = api(approver).post(f"{url}/approve/", {"decision_no": "1", "decision_on": "2024-01-01"},
                                  HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert response.json()["detail"] == "Cannot approve a delegation that is draft."
    assert api(viewer).post(f"{url}/submit/", {}).status_code == 403
    assert api(unit_officer_b).post(f"{url}/submit/", {}).status_code == 404  # out of its scope
    api(unit_officer_a).post(f"{url}/submit/", {})
    response = api(approver).post(f"{url}/approve/", {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "decision_no" in response.json()
    assert Delegation.objects.get(pk=trip.pk).status == "proposed"
    assert api(None).post(f"{url}/submit/", {}).status_code in (401, 403)


def test_a_recorded_status_moves_only_through_the_workflow_steps(api, officer):
    from foreign_affairs.core.tests.factories import DelegationFactory

    trip = DelegationFactory(status="draft")
    response = api(officer).patch(f"/api/v1/delegations/{trip.pk}/", {"status": "evaluated"}, format="json",
                                  HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "workflow steps" in response.json()["status"][0]
    trip.refresh_from_db()
    assert trip.status == "draft"
    # Unchanged, the status may be sent back as it is (a client that PUTs the whole record).
    same = api(officer).patch(f"/api/v1/delegations/{trip.pk}/", {"status": "draft", "title": "Đoàn mới"},
                              format="json")
    assert same.status_code == 200
