"""The workflow actions of agreements, events and the later delegation steps through the API:
POST /api/v1/<group>/<id>/<action>/ answers 409 (not from this status or by the rules), 403 (not
for this role), 400 (bad input, naming the field), 404 (out of reach), and changes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, EventFactory
from foreign_affairs.events.models import Event

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def draft(unit_a):
    agreement = AgreementFactory(status="drafting", signed_on=None)
    agreement.units.set([unit_a])
    return agreement


def test_agreement_steps(api, draft, officer, approver, unit_officer_a):
    url = f"/api/v1/agreements/{draft.pk}"
    response = api(officer).post(f"{url}/consult/", {"body": "Bộ Ngoại giao", "sent_on": "2025-04-25"},
                                 format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "consulting"
    consultation = draft.consultations.get()
    assert consultation.reply_due_on == datetime.date(2025, 5, 9)
    response = api(officer).post(f"{url}/reply/", {"consultation": consultation.pk, "position": "agree",
                                                   "replied_on": "2025-05-05"}, format="json")
    assert response.status_code == 200, response.json()
    response = api(approver).post(f"{url}/approve/", {"decision_no": "55/QĐ-UBND", "decision_on": "2025-05-12"},
                                  format="json")
    assert response.json()["status"] == "approved"
    response = api(unit_officer_a).post(f"{url}/sign/", {"signed_on": "2025-05-20", "place": "Viêng Chăn",
                                                         "signer": "Nguyễn Văn A"}, format="json")
    body = response.json()
    assert (body["status"], body["signed_on"], body["post_signing_due_on"]) == ("signed", "2025-05-20", "2025-06-04")
    history = api(officer).get(f"{url}/history/").json()
    assert {entry["user"] for entry in history} >= {"officer", "approver", "unit_officer_a"}


def test_agreement_refusals_change_nothing(api, draft, officer, approver, viewer, unit_officer_b):
    url = f"/api/v1/agreements/{draft.pk}"
    versions = draft.history.count()
    response = api(approver).post(f"{url}/approve/", {"decision_no": "1", "decision_on": "2025-01-01"}, **EN)
    assert response.status_code == 409
    assert response.json()["detail"] == "Cannot approve an agreement that is drafting."
    response = api(viewer).post(f"{url}/consult/", {"body": "Bộ Ngoại giao"}, **EN)
    assert response.status_code == 403
    assert response.json()["detail"] == "Your role may not send for opinions an agreement."
    assert api(unit_officer_b).post(f"{url}/consult/", {"body": "Bộ Ngoại giao"}).status_code == 404
    response = api(officer).post(f"{url}/consult/", {"body": ""}, **EN)
    assert response.status_code == 400 and response.json() == {"body": ["Name the body consulted."]}
    response = api(officer).post(f"{url}/consult/", {"body": "Bộ Ngoại giao", "sent_on": "not a date"}, **EN)
    assert response.status_code == 400 and "sent_on" in response.json()
    draft.refresh_from_db()
    assert (draft.status, draft.consultations.count(), draft.transitions.count()) == ("drafting", 0, 0)
    assert Agreement.objects.get(pk=draft.pk).history.count() == versions
    assert api(None).post(f"{url}/consult/", {"body": "x"}).status_code in (401, 403)


def test_event_steps_and_the_late_application(api, unit_a, unit_officer_a, officer, approver):
    event = EventFactory(kind="conference", status="draft", unit=unit_a, start_on=datetime.date(2025, 6, 16),
                         end_on=datetime.date(2025, 6, 17), guest_rank="minister")
    url = f"/api/v1/events/{event.pk}"
    response = api(unit_officer_a).post(f"{url}/submit/", {"applied_on": "2025-05-10"}, **EN)
    assert response.status_code == 400
    assert list(response.json()) == ["applied_on"]
    assert "rule conference_application_pm" in response.json()["applied_on"][0]
    assert "QĐ 06/2020/QĐ-TTg" in response.json()["applied_on"][0]
    assert Event.objects.get(pk=event.pk).status == "draft"
    response = api(unit_officer_a).post(f"{url}/submit/", {"applied_on": "2025-05-02"})
    assert (response.status_code, response.json()["status"], response.json()["competence"]) == (
        200, "applied", "prime_minister")
    assert api(officer).post(f"{url}/approve/", {"decision_no": "1", "decision_on": "2025-05-20"}).status_code == 403
    response = api(approver).post(f"{url}/approve/", {"decision_no": "1/TTg", "decision_on": "2025-05-20",
                                                      "signer": "Thủ tướng Chính phủ"})
    assert response.json()["status"] == "permitted"
    assert api(unit_officer_a).post(f"{url}/hold/", {"participants": 200}).json()["participants"] == 200
    photo = SimpleUploadedFile("anh.jpg", b"\xff\xd8\xff\xe0 fake jpeg", content_type="image/jpeg")
    response = api(unit_officer_a).post(f"{url}/report/", {"report": "Đã tổ chức", "photos": [photo]},
                                        format="multipart")
    assert response.status_code == 200, response.json()
    assert list(Event.objects.get(pk=event.pk).attachments.values_list("original_name", flat=True)) == ["anh.jpg"]
    response = api(unit_officer_a).post(f"{url}/report/", {"report": "Lần nữa"}, **EN)
    assert response.status_code == 409
    assert response.json()["detail"] == "Cannot report on an event that is reported."


def test_delegation_report_with_cost_items(api, unit_a, unit_officer_a):
    trip = DelegationFactory(status="completed", host_unit=unit_a)
    url = f"/api/v1/delegations/{trip.pk}"
    response = api(unit_officer_a).post(f"{url}/report/", {
        "report": "Đã ký MOU", "leads": "2 nhà đầu tư", "cost_items": [
            {"kind": "airfare", "amount_vnd": 100_000_000}, {"kind": "accommodation", "amount_vnd": 25_000_000}]},
        format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["cost_vnd"], body["report_leads"], len(body["cost_items"])) == (125_000_000, "2 nhà đầu tư", 2)
    other = DelegationFactory(status="completed", host_unit=unit_a)
    response = api(unit_officer_a).post(f"/api/v1/delegations/{other.pk}/report/", {
        "report": "x", "cost_items": [{"kind": "yacht", "amount_vnd": 1}]}, format="json", **EN)
    assert response.status_code == 400 and "cost_items" in response.json()


def test_the_decision_document(api, unit_a, officer, approver, unit_officer_a, viewer):
    trip = DelegationFactory(status="approved", host_unit=unit_a)
    url = f"/api/v1/delegations/{trip.pk}/decision-document/"
    response = api(officer).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response.content[:2] == b"PK"
    assert api(approver).get(url).status_code == 200
    assert api(viewer).get(url).status_code == 403
    assert api(unit_officer_a).get(url).status_code == 403
    visit = DelegationFactory(direction="incoming", status="approved")
    assert api(officer).get(f"/api/v1/delegations/{visit.pk}/decision-document/").status_code == 400
