"""A trip abroad from proposal to evaluation, as the people concerned take it (issue 3's
"Done when"): a unit officer proposes, the office returns it for changes, it is resubmitted,
approved with a decision number, taken, reported late (overdue until then) and evaluated —
through the API and through the pages — with the right people notified at each step, and each
role seeing exactly what it should."""

from datetime import date

import pytest
from django.core import mail
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foreign_affairs.delegations.models import Delegation
from foreign_affairs.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)

TRIP = {
    "direction": "outgoing", "pillar": "state", "level": "unit", "title": "Đoàn công tác thăm tỉnh Hủa Phăn",
    "purpose": "Trao đổi hợp tác giáo dục", "start_on": "2025-03-03", "end_on": "2025-03-07",
    "host_unit": "unit-a", "countries": ["LA"], "members": 5, "funding": "state_budget", "budget_vnd": 250000000,
}


def client_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=user).key}")
    return client


def step(user, pk: int, action: str, **data) -> dict:
    response = client_for(user).post(f"/api/v1/delegations/{pk}/{action}/", data, format="json")
    assert response.status_code == 200, (action, response.json())
    return response.json()


def told(user) -> list[str]:
    """The workflow steps the user has been notified of, oldest first."""
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("verb", flat=True))


def test_a_trip_through_the_api_with_the_people_concerned_notified(
        unit_officer_a, unit_officer_b, officer, approver, viewer):
    for user in (unit_officer_a, officer, approver):
        user.email = f"{user.username}@so-ngoai-vu.example.vn"
        user.save(update_fields=["email"])
    created = client_for(unit_officer_a).post("/api/v1/delegations/", TRIP, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]

    step(unit_officer_a, pk, "submit", comment="Xin phê duyệt")
    assert told(officer)[-1:] and Notification.objects.filter(recipient=officer, object_id=pk).exists()
    # Not the leader's move yet: the office appraises first; a leader cannot submit for the unit.
    refused = client_for(approver).post(f"/api/v1/delegations/{pk}/submit/", {}, format="json")
    assert refused.status_code in (403, 409)

    step(officer, pk, "return", comment="Bổ sung thư mời của đối tác")
    assert Delegation.objects.get(pk=pk).status == "draft"
    assert Notification.objects.filter(recipient=unit_officer_a, object_id=pk).exists()
    step(unit_officer_a, pk, "submit", comment="Đã bổ sung thư mời")
    step(officer, pk, "appraise", opinion="Phù hợp chương trình đối ngoại năm; đề nghị phê duyệt.")
    before_approval = Notification.objects.filter(recipient=unit_officer_a, object_id=pk).count()
    approved = step(approver, pk, "approve", decision_no="123/QĐ-UBND", decision_on="2025-02-20",
                    signer="Phó Chủ tịch UBND tỉnh")
    assert approved["status"] == "approved" and approved["decision_no"] == "123/QĐ-UBND"
    assert Notification.objects.filter(recipient=unit_officer_a, object_id=pk).count() > before_approval

    step(unit_officer_a, pk, "complete", returned_on="2025-03-07")
    trip = Delegation.objects.get(pk=pk)
    assert trip.report_due_on is not None and trip.report_due_on < date.today()
    # Overdue until it is reported: on the unit officer's and the office's worklists.
    for user in (unit_officer_a, officer):
        overdue = client_for(user).get("/api/v1/worklist/").json()["overdue"]
        assert pk in [item["id"] for item in overdue["results"]], user

    step(unit_officer_a, pk, "report", report="Đã ký biên bản ghi nhớ hợp tác giáo dục.",
         cost_vnd=240000000, reported_on="2025-04-20")
    trip.refresh_from_db()
    assert (trip.status, trip.reported_on) == ("reported", date(2025, 4, 20)) and trip.reported_on > trip.report_due_on
    assert Notification.objects.filter(recipient=officer, object_id=pk).count() >= 2
    for user in (unit_officer_a, officer):
        overdue = client_for(user).get("/api/v1/worklist/").json()["overdue"]
        assert pk not in [item["id"] for item in overdue["results"]]

    evaluated = step(approver, pk, "evaluate", rating=4, evaluation="Hiệu quả, đúng mục đích")
    assert evaluated["status"] == "evaluated"
    # Every step is in the record's history, with who took it.
    history = client_for(officer).get(f"/api/v1/delegations/{pk}/history/").json()
    assert len(history) >= 8
    # Another unit never sees it; a viewer reads it but changes nothing.
    assert client_for(unit_officer_b).get(f"/api/v1/delegations/{pk}/").status_code == 404
    assert client_for(viewer).get(f"/api/v1/delegations/{pk}/").status_code == 200
    assert client_for(viewer).post(f"/api/v1/delegations/{pk}/evaluate/", {"rating": 1},
                                   format="json").status_code == 403
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"unit_officer_a@so-ngoai-vu.example.vn", "officer@so-ngoai-vu.example.vn"} <= recipients


def test_the_same_trip_through_the_pages(client, unit_officer_a, officer, approver, unit_a):
    client.force_login(unit_officer_a)
    response = client.post("/delegations/add/", {
        "direction": "outgoing", "pillar": "state", "level": "unit", "title": "Đoàn thăm tỉnh Xiêng Khoảng",
        "start_on": "2025-05-05", "end_on": "2025-05-08", "host_unit": unit_a.pk, "countries": ["LA"],
        "status": "draft",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302, response.content.decode()[:2000]
    trip = Delegation.objects.get(title="Đoàn thăm tỉnh Xiêng Khoảng")

    def act(user, action, **data):
        client.force_login(user)
        page = client.get(f"/delegations/{trip.pk}/")
        assert f"/workflow/{action}/" in page.content.decode(), (user.username, action)
        answer = client.post(f"/delegations/{trip.pk}/workflow/{action}/", data, HTTP_ACCEPT_LANGUAGE="en")
        if answer.status_code != 302:
            import re
            text = answer.content.decode()
            errors = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", chunk)).strip() for chunk in
                      re.findall(r'(?:invalid-feedback|alert-danger)[^>]*>(.*?)</div>', text, flags=re.S)]
            raise AssertionError((action, errors))

    act(unit_officer_a, "submit")
    act(officer, "return", comment="Thiếu chương trình làm việc")
    act(unit_officer_a, "submit")
    # A refused step keeps what was typed and says what is missing.
    client.force_login(approver)
    missing = client.post(f"/delegations/{trip.pk}/workflow/approve/", {"signer": "Chủ tịch UBND tỉnh"},
                          HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 400
    assert "Chủ tịch UBND tỉnh" in missing.content.decode() and "number is required" in missing.content.decode()
    act(approver, "approve", decision_no="45/QĐ-UBND", decision_on="2025-04-20")
    act(unit_officer_a, "complete", returned_on="2025-05-08")
    act(unit_officer_a, "report", report="Ký kết biên bản hợp tác.", reported_on="2025-06-30",
        **{"cost-TOTAL_FORMS": "1", "cost-INITIAL_FORMS": "0", "cost-0-kind": "airfare",
           "cost-0-amount_vnd": "120000000", "cost-0-description": "Vé máy bay"})
    act(approver, "evaluate", rating="5", evaluation="Tốt")
    trip.refresh_from_db()
    assert (trip.status, trip.decision_no, trip.rating, trip.cost_vnd) == ("evaluated", "45/QĐ-UBND", 5, 120000000)
    assert Notification.objects.filter(recipient=unit_officer_a, object_id=trip.pk).exists()
