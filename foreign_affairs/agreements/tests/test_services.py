"""The international-agreement workflow (Law 70/2020, Decree 64/2021): consultations with reply
deadlines in working days, the Prime Minister's referral on a disagreement, the Chairman's
decision, signing, the two post-signing duties, entry into force and the end of the agreement.
Every refusal changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from foreign_affairs.agreements.selectors import agreement_post_signing_overdue, agreements_post_signing_overdue
from foreign_affairs.agreements.services import (
    agreement_amend,
    agreement_approve,
    agreement_consult,
    agreement_copy_mofa,
    agreement_expire,
    agreement_extend,
    agreement_pm_reply,
    agreement_reply,
    agreement_report_signing,
    agreement_sign,
    agreement_take_effect,
    agreement_terminate,
    allowed_actions,
)
from foreign_affairs.core.tests.factories import AgreementFactory
from foreign_affairs.core.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def draft(unit_a):
    agreement = AgreementFactory(status="drafting", signed_on=None, kind="international_agreement")
    agreement.units.set([unit_a])
    return agreement


def test_the_whole_way(draft, officer, approver, unit_officer_a, django_capture_on_commit_callbacks):
    assert allowed_actions(agreement=draft, actor=officer) == ["consult"]
    assert allowed_actions(agreement=draft, actor=unit_officer_a) == []
    # Sent on Friday 25 April 2025: 7 working days skip 30 April, 1 and 2 May (holidays) → 9 May.
    agreement_consult(agreement=draft, actor=officer, body="Bộ Ngoại giao", sent_on=date(2025, 4, 25))
    agreement_consult(agreement=draft, actor=officer, body="Công an tỉnh", sent_on=date(2025, 4, 25))
    mofa, police = draft.consultations.order_by("pk")
    assert (mofa.reply_due_on, draft.__class__.objects.get(pk=draft.pk).status) == (date(2025, 5, 9), "consulting")
    agreement_reply(agreement=draft, actor=officer, consultation=mofa.pk, position="agree",
                    replied_on=date(2025, 5, 6), document_no="1234/BNG-LS")
    agreement_reply(agreement=draft, actor=officer, consultation=police.pk, position="agree_with_comments",
                    replied_on=date(2025, 5, 8), comment="Bổ sung điều khoản bảo mật")
    draft.refresh_from_db()
    assert allowed_actions(agreement=draft, actor=approver) == ["approve"]
    agreement_approve(agreement=draft, actor=approver, decision_no="55/QĐ-UBND", decision_on=date(2025, 5, 12),
                      signer="Chủ tịch UBND tỉnh")
    agreement_sign(agreement=draft, actor=unit_officer_a, signed_on=date(2025, 5, 20), place="Viêng Chăn",
                   signer="Nguyễn Văn A", number="01/2025")
    draft.refresh_from_db()
    assert (draft.status, draft.signed_on, draft.place, draft.post_signing_due_on) == (
        "signed", date(2025, 5, 20), "Viêng Chăn", date(2025, 6, 4))
    # The two duties are tracked separately; each one late is shown.
    assert agreement_post_signing_overdue(draft, date(2025, 6, 5)) == ["report", "mofa_copy"]
    agreement_report_signing(agreement=draft, actor=unit_officer_a, on=date(2025, 6, 1), document_no="88/BC-UBND")
    draft.refresh_from_db()
    assert agreement_post_signing_overdue(draft, date(2025, 6, 5)) == ["mofa_copy"]
    assert list(agreements_post_signing_overdue(user=officer, today=date(2025, 6, 5))) == [draft]
    agreement_copy_mofa(agreement=draft, actor=unit_officer_a, on=date(2025, 6, 6), document_no="89/UBND-NV")
    with pytest.raises(TransitionNotAllowed, match="The copy to the Ministry of Foreign Affairs is already recorded."):
        agreement_copy_mofa(agreement=draft, actor=unit_officer_a, on=date(2025, 6, 6), document_no="89/UBND-NV")
    agreement_take_effect(agreement=draft, actor=unit_officer_a, valid_until=date(2030, 5, 19))
    agreement_amend(agreement=draft, actor=unit_officer_a, document_no="02/2026", document_on=date(2026, 1, 5),
                    comment="Thêm lĩnh vực giáo dục")
    agreement_extend(agreement=draft, actor=unit_officer_a, valid_until=date(2035, 5, 19), document_no="03/2030",
                     document_on=date(2030, 4, 1))
    with django_capture_on_commit_callbacks(execute=True):
        agreement_expire(agreement=draft, actor=unit_officer_a)
    draft.refresh_from_db()
    assert (draft.status, draft.valid_from, draft.valid_until, draft.ended_on) == (
        "expired", date(2025, 5, 20), date(2035, 5, 19), date(2035, 5, 19))
    assert list(draft.transitions.values_list("action", "from_status", "to_status")) == [
        ("consult", "drafting", "consulting"), ("consult", "consulting", "consulting"),
        ("reply", "consulting", "consulting"), ("reply", "consulting", "consulting"),
        ("approve", "consulting", "approved"), ("sign", "approved", "signed"),
        ("report_signing", "signed", "signed"), ("copy_mofa", "signed", "signed"),
        ("take_effect", "signed", "in_force"), ("amend", "in_force", "in_force"),
        ("extend", "in_force", "in_force"), ("expire", "in_force", "expired"),
    ]
    assert draft.history.first().history_user == unit_officer_a


def test_a_disagreement_goes_to_the_prime_minister(draft, officer, approver):
    agreement_consult(agreement=draft, actor=officer, body="Bộ Ngoại giao", sent_on=date(2025, 1, 24))
    item = draft.consultations.get()
    assert item.reply_due_on == date(2025, 2, 11)  # 7 working days across Tết 2025
    agreement_reply(agreement=draft, actor=officer, consultation=item.pk, position="disagree",
                    replied_on=date(2025, 2, 5), comment="Chưa phù hợp")
    draft.refresh_from_db()
    assert draft.status == "pm_referral"
    with pytest.raises(TransitionNotAllowed,
                       match="Cannot approve an agreement that is referred to the Prime Minister."):
        agreement_approve(agreement=draft, actor=approver, decision_no="1/QĐ", decision_on=date(2025, 2, 20))
    agreement_pm_reply(agreement=draft, actor=officer, consent=True, document_no="321/VPCP-QHQT",
                       document_on=date(2025, 2, 14), signer="Văn phòng Chính phủ")
    draft.refresh_from_db()
    assert (draft.status, draft.pm_consent) == ("consulting", True)
    agreement_approve(agreement=draft, actor=approver, decision_no="1/QĐ", decision_on=date(2025, 2, 20))
    draft.refresh_from_db()
    assert draft.status == "approved"


def test_without_the_prime_ministers_consent_the_draft_goes_back(draft, officer):
    agreement_consult(agreement=draft, actor=officer, body="Bộ Quốc phòng", sent_on=date(2025, 1, 24))
    agreement_reply(agreement=draft, actor=officer, consultation=draft.consultations.get().pk, position="disagree")
    agreement_pm_reply(agreement=draft, actor=officer, consent=False, document_no="9/VPCP",
                       document_on=date(2025, 3, 1))
    draft.refresh_from_db()
    assert (draft.status, draft.pm_consent) == ("drafting", False)


def test_approval_waits_for_the_consultations(draft, officer, approver):
    with pytest.raises(TransitionNotAllowed, match="Cannot approve an agreement that is drafting."):
        agreement_approve(agreement=draft, actor=approver, decision_no="1", decision_on=date(2025, 5, 1))
    agreement_consult(agreement=draft, actor=officer, body="Bộ Ngoại giao", sent_on=date(2099, 1, 5))
    with pytest.raises(TransitionNotAllowed, match=r"Waiting for the reply of Bộ Ngoại giao \(due "):
        agreement_approve(agreement=draft, actor=approver, decision_no="1", decision_on=date(2025, 5, 1))
    draft.refresh_from_db()
    assert (draft.status, draft.decision_no) == ("consulting", "")
    assert allowed_actions(agreement=draft, actor=approver) == []


def test_refusals_change_nothing(draft, officer, approver, viewer, unit_officer_b):
    with pytest.raises(PermissionDenied, match="Your role may not send for opinions an agreement."):
        agreement_consult(agreement=draft, actor=viewer, body="Bộ Ngoại giao")
    with pytest.raises(PermissionDenied, match="Your role may not send for opinions an agreement."):
        agreement_consult(agreement=draft, actor=approver, body="Bộ Ngoại giao")
    with pytest.raises(ValidationError) as err:
        agreement_consult(agreement=draft, actor=officer, body=" ")
    assert err.value.message_dict == {"body": ["Name the body consulted."]}
    agreement_consult(agreement=draft, actor=officer, body="Bộ Ngoại giao", sent_on=date(2025, 4, 25))
    # A double click: the same body is already awaited.
    with pytest.raises(TransitionNotAllowed, match="Bộ Ngoại giao is already consulted and its reply is awaited."):
        agreement_consult(agreement=draft, actor=officer, body="bộ ngoại giao", sent_on=date(2025, 4, 25))
    item = draft.consultations.get()
    with pytest.raises(ValidationError) as err:
        agreement_reply(agreement=draft, actor=officer, consultation=None, position="maybe")
    assert err.value.message_dict == {
        "consultation": ["Choose the consultation this reply answers."],
        "position": ["Give the body's position: agree, agree with comments or disagree."]}
    agreement_reply(agreement=draft, actor=officer, consultation=item.pk, position="agree")
    with pytest.raises(TransitionNotAllowed, match="No consulted body is awaiting a reply."):
        agreement_reply(agreement=draft, actor=officer, consultation=item.pk, position="agree")
    agreement_approve(agreement=draft, actor=approver, decision_no="55/QĐ-UBND", decision_on=date(2025, 5, 12))
    with pytest.raises(ValidationError) as err:
        agreement_sign(agreement=draft, actor=officer, signed_on=None)
    assert err.value.message_dict == {"signed_on": ["The date of signing is required."],
                                      "signer": ["Say who signed for the province."]}
    draft.refresh_from_db()
    assert (draft.status, draft.signed_on) == ("approved", None)
    assert draft.transitions.count() == 3 and draft.consultations.count() == 1


def test_termination_needs_a_reason_and_a_leader(draft, officer, approver, unit_officer_a):
    signed = AgreementFactory(status="in_force")
    with pytest.raises(PermissionDenied):
        agreement_terminate(agreement=signed, actor=officer, comment="x")
    with pytest.raises(ValidationError):
        agreement_terminate(agreement=signed, actor=approver, comment="")
    agreement_terminate(agreement=signed, actor=approver, on=date(2026, 1, 1), document_no="7/QĐ-UBND",
                        comment="Đối tác giải thể")
    signed.refresh_from_db()
    assert (signed.status, signed.ended_on) == ("terminated", date(2026, 1, 1))
    with pytest.raises(ValidationError) as err:
        agreement_extend(agreement=AgreementFactory(status="in_force", valid_until=date(2030, 1, 1)),
                         actor=officer, valid_until=date(2029, 1, 1))
    assert err.value.message_dict == {"valid_until": [
        "An extension ends after the current end of validity (1 Jan 2030)."]}
