"""Outgoing and incoming delegations beyond the basic steps: the Party Standing Committee's
clearance the routing rules ask for, incoming permits and receptions, the post-trip report with
its cost items, leads and photos, passports handed out and back, and the decision DOCX."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from docx import Document

from foreign_affairs.core.models import RoutingRule
from foreign_affairs.core.tests.factories import DelegationFactory, DelegationMemberFactory
from foreign_affairs.core.workflow import TransitionNotAllowed
from foreign_affairs.delegations.documents import decision_document, vietnamese_date
from foreign_affairs.delegations.models import DelegationTransition
from foreign_affairs.delegations.selectors import delegation_passports_outstanding, passport_return_due
from foreign_affairs.delegations.services import (
    allowed_actions,
    delegation_approve,
    delegation_clear,
    delegation_complete,
    delegation_reject,
    delegation_report,
    delegation_submit,
    member_passport_record,
)

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture(autouse=True)
def english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


@pytest.fixture
def leaders_trip(unit_a):
    return DelegationFactory(status="proposed", level="provincial_leader", host_unit=unit_a,
                             start_on=date(2025, 3, 3), end_on=date(2025, 3, 7))


def test_a_provincial_leaders_trip_needs_the_party_clearance_before_approval(leaders_trip, officer, approver):
    assert allowed_actions(delegation=leaders_trip, actor=approver) == ["reject"]
    assert allowed_actions(delegation=leaders_trip, actor=officer) == ["return", "appraise", "clear", "withdraw"]
    with pytest.raises(TransitionNotAllowed) as err:
        delegation_approve(delegation=leaders_trip, actor=approver, decision_no="12/QĐ-UBND",
                           decision_on=date(2025, 2, 20))
    assert str(err.value).startswith(
        "This delegation needs the clearance of the Provincial Party Standing Committee before approval "
        "(rule delegation_party_clearance: QĐ 272-QĐ/TW")
    leaders_trip.refresh_from_db()
    assert (leaders_trip.status, leaders_trip.decision_no) == ("proposed", "")
    assert not leaders_trip.transitions.exists()

    with pytest.raises(ValidationError) as bad:
        delegation_clear(delegation=leaders_trip, actor=officer, document_no=" ", document_on=None)
    assert bad.value.message_dict == {"document_no": ["The clearance's document number is required."],
                                      "document_on": ["The clearance's date is required."]}
    delegation_clear(delegation=leaders_trip, actor=officer, document_no="345-CV/TU", document_on=date(2025, 2, 15),
                     signer="Ban Thường vụ Tỉnh ủy")
    with pytest.raises(TransitionNotAllowed, match="The party clearance of this delegation is already recorded."):
        delegation_clear(delegation=leaders_trip, actor=officer, document_no="345-CV/TU",
                         document_on=date(2025, 2, 15))
    delegation_approve(delegation=leaders_trip, actor=approver, decision_no="12/QĐ-UBND",
                       decision_on=date(2025, 2, 20))
    leaders_trip.refresh_from_db()
    assert (leaders_trip.status, leaders_trip.clearance_no) == ("approved", "345-CV/TU")
    assert list(leaders_trip.transitions.values_list("action", "document_no")) == [
        ("clear", "345-CV/TU"), ("approve", "12/QĐ-UBND")]


def test_the_clearance_rule_is_data(unit_a, officer, approver):
    trip = DelegationFactory(status="proposed", level="unit", pillar="state", host_unit=unit_a)
    with pytest.raises(TransitionNotAllowed, match="needs no party clearance under the rules in force"):
        delegation_clear(delegation=trip, actor=officer, document_no="1", document_on=date(2025, 1, 2))
    # A new provincial rule: every state-pillar trip goes to the Standing Committee from 2025.
    RoutingRule.objects.create(code="delegation_party_clearance", name_vi="Mọi đoàn", name_en="Every trip",
                               condition={"direction": ["outgoing"], "pillar": ["state"]}, outcome="required",
                               legal_basis="A new provincial regulation", valid_from=date(2025, 1, 1))
    assert "clear" in allowed_actions(delegation=trip, actor=officer)
    assert "approve" not in allowed_actions(delegation=trip, actor=approver)


def test_incoming_permit_sets_the_permit_date_and_conditions(officer, approver):
    visit = DelegationFactory(direction="incoming", reception="", status="proposed", permit_on=None,
                              foreign_visitors=12)
    with pytest.raises(ValidationError) as err:
        delegation_approve(delegation=visit, actor=approver, decision_no="9/GP", decision_on=date(2025, 5, 2))
    assert err.value.message_dict == {"reception": [
        "Say whether the delegation is received by provincial leaders or permitted to work with a unit."]}
    delegation_approve(delegation=visit, actor=approver, decision_no="9/GP", decision_on=date(2025, 5, 2),
                       reception="permitted", conditions="Không đến khu vực biên giới.")
    visit.refresh_from_db()
    assert (visit.status, visit.reception, visit.permit_on, visit.conditions) == (
        "approved", "permitted", date(2025, 5, 2), "Không đến khu vực biên giới.")


def test_incoming_refusal_and_reception(officer, approver):
    refused = DelegationFactory(direction="incoming", reception="permitted", status="proposed", permit_on=None)
    delegation_reject(delegation=refused, actor=approver, decision_no="77/UBND-NV", decision_on=date(2025, 6, 1))
    refused.refresh_from_db()
    assert (refused.status, refused.permit_on) == ("rejected", None)
    received = DelegationFactory(direction="incoming", reception="received", status="proposed", permit_on=None)
    delegation_approve(delegation=received, actor=approver, decision_no="5/TB", decision_on=date(2025, 6, 2))
    received.refresh_from_db()
    assert (received.status, received.permit_on) == ("approved", None)


def test_the_report_with_cost_items_leads_and_photos(unit_a, unit_officer_a):
    trip = DelegationFactory(status="completed", host_unit=unit_a, cost_vnd=None)
    photo = SimpleUploadedFile("hoi-dam.png", PNG, content_type="image/png")
    delegation_report(
        delegation=trip, actor=unit_officer_a, report="Hội đàm với chính quyền tỉnh.",
        leads="Công ty X quan tâm đầu tư 20 triệu USD", followups="Ký MOU trong quý III",
        cost_items=[{"kind": "airfare", "amount_vnd": 120_000_000, "description": "Vé máy bay"},
                    {"kind": "per_diem", "amount_vnd": 30_500_000}],
        photos=[photo], reported_on=date(2024, 4, 12),
    )
    trip.refresh_from_db()
    assert (trip.status, trip.cost_vnd, trip.report_leads) == ("reported", 150_500_000,
                                                               "Công ty X quan tâm đầu tư 20 triệu USD")
    assert sorted(trip.cost_items.values_list("kind", "amount_vnd")) == [("airfare", 120_000_000),
                                                                        ("per_diem", 30_500_000)]
    assert list(trip.attachments.values_list("original_name", "description")) == [
        ("hoi-dam.png", "Photo of the trip")]


def test_a_bad_report_changes_nothing(unit_a, unit_officer_a):
    trip = DelegationFactory(status="completed", host_unit=unit_a, cost_vnd=None)
    with pytest.raises(ValidationError) as err:
        delegation_report(delegation=trip, actor=unit_officer_a, report="Báo cáo",
                          cost_items=[{"kind": "airfare", "amount_vnd": 100}, {"kind": "", "amount_vnd": 5},
                                      {"kind": "visa", "amount_vnd": -1}])
    assert err.value.message_dict == {"cost_items": [
        "Row 2: choose the item.", "Row 3: the amount is a whole number of đồng, 0 or more."]}
    with pytest.raises(ValidationError) as err:
        delegation_report(delegation=trip, actor=unit_officer_a, report="Báo cáo", cost_vnd=99,
                          cost_items=[{"kind": "airfare", "amount_vnd": 100}])
    assert err.value.message_dict == {"cost_vnd": [
        "The actual cost is the sum of the cost items (100 đồng); leave it empty."]}
    with pytest.raises(ValidationError) as err:
        delegation_report(delegation=trip, actor=unit_officer_a, report="Báo cáo",
                          photos=[SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4", content_type="application/pdf")])
    assert err.value.message_dict == {"photos": ["bao-cao.pdf is not a photo (JPEG, PNG, GIF or WebP)."]}
    trip.refresh_from_db()
    assert (trip.status, trip.cost_vnd, trip.report) == ("completed", None, "")
    assert not trip.cost_items.exists() and not trip.attachments.exists() and not trip.transitions.exists()


def test_passports_handed_out_and_back(unit_a, officer, unit_officer_a, viewer):
    trip = DelegationFactory(status="completed", host_unit=unit_a, end_on=date(2025, 4, 25))
    first, second = DelegationMemberFactory(delegation=trip), DelegationMemberFactory(delegation=trip)
    member_passport_record(member=first, actor=officer, handed_on=date(2025, 4, 18), returned_on=None)
    member_passport_record(member=second, actor=officer, handed_on=date(2025, 4, 18), returned_on=date(2025, 4, 28))
    assert delegation_passports_outstanding(trip) == 1
    # 5 working days after Friday 25 April 2025: Reunification Day, Labour Day and the day off
    # (30 April – 2 May) are skipped: 28, 29 April, 5, 6, 7 May.
    assert passport_return_due(trip) == date(2025, 5, 7)
    with pytest.raises(ValidationError) as err:
        member_passport_record(member=first, actor=officer, handed_on=date(2025, 4, 18), returned_on=date(2025, 4, 1))
    assert err.value.message_dict == {"passport_returned_on": ["A passport is returned after it was handed out."]}
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match="Your role may not record passports."):
        member_passport_record(member=first, actor=unit_officer_a, handed_on=date(2025, 4, 18), returned_on=None)
    first.refresh_from_db()
    assert (first.passport_handed_on, first.passport_returned_on) == (date(2025, 4, 18), None)


def test_the_decision_document_follows_decree_30(unit_a):
    from foreign_affairs.core.models import Province

    Province.objects.create(code="40", name_vi="Nghệ An", name_en="Nghe An")
    trip = DelegationFactory(status="approved", host_unit=unit_a, head_name="Nguyễn Văn A",
                             head_position="Phó Chủ tịch UBND tỉnh", purpose="Xúc tiến đầu tư",
                             decision_no="123/QĐ-UBND", decision_on=date(2025, 2, 5), decision_signer="Lê Hồng Vinh")
    trip.countries.set(["LA"])
    DelegationMemberFactory(delegation=trip, full_name="Trần Thị B", position="Giám đốc", passport_number="C1234567")
    document = Document(io.BytesIO(decision_document(delegation=trip)))
    text = "\n".join(p.text for p in document.paragraphs)
    header = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert header == ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                      "Số: 123/QĐ-UBND", "Nghệ An, ngày 05 tháng 02 năm 2025"]
    assert "QUYẾT ĐỊNH\n" in text and "Về việc cử đoàn đi công tác nước ngoài" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" in text
    assert "1. Trần Thị B – Giám đốc;" in text and "Lào" in text
    assert "C1234567" not in text  # no passport data in a document for signature
    runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
    assert {run.font.name for run in runs} == {"Times New Roman"}
    assert all(13 <= run.font.size.pt <= 14 for run in runs)
    east_asia = runs[0]._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                                                 "eastAsia")
    assert east_asia == "Times New Roman"
    with pytest.raises(ValueError):
        decision_document(delegation=DelegationFactory(direction="incoming"))


def test_vietnamese_dates_have_leading_zeros_where_decree_30_asks():
    assert vietnamese_date("Nghệ An", date(2025, 2, 5)) == "Nghệ An, ngày 05 tháng 02 năm 2025"
    assert vietnamese_date("Nghệ An", date(2025, 11, 20)) == "Nghệ An, ngày 20 tháng 11 năm 2025"


def test_each_refused_step_leaves_no_log_row(unit_a, unit_officer_a, viewer):
    trip = DelegationFactory(status="draft", host_unit=unit_a)
    delegation_submit(delegation=trip, actor=unit_officer_a)
    with pytest.raises(TransitionNotAllowed):
        delegation_complete(delegation=trip, actor=unit_officer_a)
    assert DelegationTransition.objects.filter(delegation=trip).count() == 1
