"""The agreement and event workflows on screen, and the delegation steps added later: buttons by
role and status, a form per step that keeps what the user typed on error, the refusal message,
the report form's cost rows and photos, the decision DOCX."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(unit_a):
    agreement = AgreementFactory(status="drafting", signed_on=None)
    agreement.units.set([unit_a])
    return agreement


def test_agreement_buttons_follow_role_and_status(login, draft, officer, approver, viewer, unit_officer_a):
    page = f"/agreements/{draft.pk}/"
    assert f"/agreements/{draft.pk}/workflow/consult/" in login(officer).get(page).content.decode()
    html = login(approver).get(page).content.decode()
    assert "Workflow" in html and "/workflow/" not in html
    assert "/workflow/" not in login(viewer).get(page).content.decode()
    assert "/workflow/" not in login(unit_officer_a).get(page).content.decode()
    assert login(viewer).get(f"/agreements/{draft.pk}/workflow/consult/").status_code == 403

    office = login(officer)
    response = office.post(f"/agreements/{draft.pk}/workflow/consult/", {"body": "Bộ Ngoại giao",
                                                                         "sent_on": "2025-04-25"})
    assert response.status_code == 302
    html = office.get(page).content.decode()
    assert "Bộ Ngoại giao" in html and "9 May 2025" in html and "/workflow/reply/" in html
    # The reply form offers the consultation awaiting a reply; a missing position is refused and
    # what was typed stays in the form.
    consultation = draft.consultations.get()
    form = office.get(f"/agreements/{draft.pk}/workflow/reply/").content.decode()
    assert f'value="{consultation.pk}"' in form
    response = office.post(f"/agreements/{draft.pk}/workflow/reply/", {
        "consultation": consultation.pk, "replied_on": "2025-05-05", "document_no": "1234/BNG-LS",
        "comment": "Đồng ý về nguyên tắc"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the body&#x27;s position: agree, agree with comments or disagree." in html
    assert 'value="1234/BNG-LS"' in html and "Đồng ý về nguyên tắc" in html
    office.post(f"/agreements/{draft.pk}/workflow/reply/", {
        "consultation": consultation.pk, "replied_on": "2025-05-05", "position": "disagree"})
    draft.refresh_from_db()
    assert draft.status == "pm_referral"
    assert "Waiting for the Prime Minister" in office.get(page).content.decode()


def test_a_refused_agreement_step_shows_why(login, draft, approver):
    response = login(approver).post(f"/agreements/{draft.pk}/workflow/approve/",
                                    {"decision_no": "1", "decision_on": "2025-01-01"}, follow=True)
    assert "Cannot approve an agreement that is drafting." in response.content.decode()


def test_post_signing_duties_overdue_are_flagged(login, officer):
    signed = AgreementFactory(status="signed", signed_on=datetime.date(2025, 1, 6),
                              post_signing_due_on=datetime.date(2025, 1, 21),
                              signing_reported_on=datetime.date(2025, 1, 15))
    html = login(officer).get(f"/agreements/{signed.pk}/").content.decode()
    assert "Copy to the Ministry of Foreign Affairs overdue since" in html
    assert "Report on the signing overdue" not in html
    assert "/workflow/copy_mofa/" in html and "/workflow/report_signing/" not in html


def test_event_workflow_on_screen(login, unit_a, unit_officer_a, approver, officer):
    event = EventFactory(kind="conference", status="draft", unit=unit_a, start_on=datetime.date(2025, 6, 16),
                         end_on=datetime.date(2025, 6, 17), guest_rank="minister")
    page = f"/events/{event.pk}/"
    unit = login(unit_officer_a)
    html = unit.get(page).content.decode()
    assert "Apply for the permit" in html and "Application due by" in html
    response = unit.post(f"/events/{event.pk}/workflow/submit/", {"applied_on": "2025-05-10", "comment": "Kèm hồ sơ"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "The application is late: rule conference_application_pm" in html
    assert 'value="2025-05-10"' in html and "Kèm hồ sơ" in html
    assert unit.post(f"/events/{event.pk}/workflow/submit/", {"applied_on": "2025-05-02"}).status_code == 302
    leader = login(approver)
    html = leader.get(page).content.decode()
    assert ">Permit<" in html and ">Refuse<" in html
    leader.post(f"/events/{event.pk}/workflow/approve/", {"decision_no": "1/TTg", "decision_on": "2025-05-20",
                                                         "signer": "Thủ tướng Chính phủ"})
    event.refresh_from_db()
    assert event.status == "permitted"
    html = login(officer).get(page).content.decode()
    assert "1/TTg" in html and "Prime Minister" in html


def test_events_list_shows_and_filters_status(login, officer):
    EventFactory(title="Hội thảo đã tổ chức", status="held")
    EventFactory(title="Hội thảo bị từ chối", status="refused")
    html = login(officer).get("/events/", {"status": "refused"}).content.decode()
    assert "Hội thảo bị từ chối" in html and "Hội thảo đã tổ chức" not in html


def test_delegation_report_form_with_cost_rows_and_photos(login, unit_a, unit_officer_a, settings, tmp_path):
    trip = DelegationFactory(status="completed", host_unit=unit_a, cost_vnd=None)
    client = login(unit_officer_a)
    url = f"/delegations/{trip.pk}/workflow/report/"
    form = client.get(url).content.decode()
    assert 'name="cost-0-kind"' in form and 'enctype="multipart/form-data"' in form
    rows = {"cost-TOTAL_FORMS": "6", "cost-INITIAL_FORMS": "0", "cost-MIN_NUM_FORMS": "0", "cost-MAX_NUM_FORMS": "30",
            "cost-0-kind": "airfare", "cost-0-amount_vnd": "80000000", "cost-0-description": "Vé",
            "cost-1-kind": "per_diem", "cost-1-amount_vnd": "-5"}
    response = client.post(url, {"report": "Đã làm việc với tỉnh bạn", **rows})
    html = response.content.decode()
    assert response.status_code == 400 and "Đã làm việc với tỉnh bạn" in html and 'value="80000000"' in html
    rows["cost-1-amount_vnd"] = "20000000"
    photo = SimpleUploadedFile("doan.png", b"\x89PNG fake", content_type="image/png")
    response = client.post(url, {"report": "Đã làm việc với tỉnh bạn", "leads": "Dự án chế biến gỗ",
                                 "photos": [photo], **rows})
    assert response.status_code == 302
    trip.refresh_from_db()
    assert (trip.status, trip.cost_vnd, trip.attachments.count()) == ("reported", 100_000_000, 1)
    html = client.get(f"/delegations/{trip.pk}/").content.decode()
    assert "Actual cost by item" in html and "Dự án chế biến gỗ" in html and "<img" in html


def test_incoming_delegation_buttons_say_permit_and_refuse(login, approver):
    visit = DelegationFactory(direction="incoming", reception="permitted", status="proposed", permit_on=None)
    html = login(approver).get(f"/delegations/{visit.pk}/").content.decode()
    assert ">Permit<" in html and ">Refuse<" in html and "decision.docx" not in html


def test_decision_document_button_and_download(login, unit_a, officer, approver, viewer, unit_officer_a):
    trip = DelegationFactory(status="approved", host_unit=unit_a, decision_no="9/QĐ-UBND")
    page = f"/delegations/{trip.pk}/"
    assert f"/delegations/{trip.pk}/decision.docx" in login(officer).get(page).content.decode()
    assert "decision.docx" not in login(viewer).get(page).content.decode()
    assert "decision.docx" not in login(unit_officer_a).get(page).content.decode()
    response = login(approver).get(f"/delegations/{trip.pk}/decision.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    assert "Số: 9/QĐ-UBND" in [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert login(viewer).get(f"/delegations/{trip.pk}/decision.docx").status_code == 403


def test_party_clearance_on_screen(login, unit_a, officer, approver):
    trip = DelegationFactory(status="proposed", level="provincial_leader", host_unit=unit_a)
    page = f"/delegations/{trip.pk}/"
    html = login(approver).get(page).content.decode()
    assert "Waiting for the Provincial Party Standing Committee" in html and "/workflow/approve/" not in html
    office = login(officer)
    response = office.post(f"/delegations/{trip.pk}/workflow/clear/", {"document_no": "12-CV/TU", "document_on": ""})
    assert response.status_code == 400 and 'value="12-CV/TU"' in response.content.decode()
    office.post(f"/delegations/{trip.pk}/workflow/clear/", {"document_no": "12-CV/TU", "document_on": "2025-02-01"})
    assert "/workflow/approve/" in login(approver).get(page).content.decode()


def test_event_form_records_rank_and_topics(login, officer):
    response = login(officer).post("/events/add/", {
        "kind": "conference", "pillar": "state", "title": "Hội thảo về tôn giáo", "start_on": "2026-10-01",
        "guest_rank": "ambassador", "topics": ["religion", "security"]})
    assert response.status_code == 302
    from foreign_affairs.events.models import Event

    event = Event.objects.get(title="Hội thảo về tôn giáo")
    assert (event.status, event.guest_rank, sorted(event.topics)) == ("draft", "ambassador", ["religion", "security"])
    html = login(officer).get(f"/events/{event.pk}/").content.decode()
    assert "Religion" in html and "Prime Minister" in html  # the application badge names who permits it
