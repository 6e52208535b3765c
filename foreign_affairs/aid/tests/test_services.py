"""Aid items and their workflow (Decree 80/2020), NGOs and certificates (Decree 58/2022):
rules, services and selectors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from foreign_affairs.aid.models import AidItem, ForeignNGO
from foreign_affairs.aid.selectors import (
    aid_figures,
    aid_start_overdue_list,
    certificate_expiring_list,
    ngo_registered_list,
)
from foreign_affairs.aid.services import AidTransitionNotAllowed, aid_item_save, aid_item_transition
from foreign_affairs.core.services import record_save
from foreign_affairs.core.tests.factories import PartnerFactory

from .factories import AidDisbursementFactory, AidItemFactory, ForeignNGOFactory, NGOCertificateFactory

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def english():
    """The rules' messages are compared as written in English."""
    with translation.override("en"):
        yield



def messages_of(exc_info) -> dict:
    return {name: [str(m) for m in messages] for name, messages in exc_info.value.message_dict.items()}


def test_start_deadline_follows_the_approval_whatever_the_way_in(officer):
    item = AidItemFactory(status="approved", approved_on=date(2024, 1, 31))
    assert item.start_deadline == date(2024, 7, 31)
    AidItem.objects.filter(pk=item.pk).update(start_deadline=None)
    item.refresh_from_db()
    item.approved_on = date(2024, 8, 31)
    record_save(instance=item, actor=officer)
    item.refresh_from_db()
    assert item.start_deadline == date(2025, 2, 28)


def test_amounts_are_exact_and_checked(officer):
    item = AidItemFactory.build(donor=PartnerFactory(kind="ngo"), currency="USD", committed_amount=Decimal("100.10"),
                                committed_usd=Decimal("100.00"))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=item, actor=officer)
    assert messages_of(exc) == {"committed_usd": [
        "For an amount committed in USD, the USD equivalent is the amount itself."]}
    item.currency, item.committed_usd = "eur", Decimal("-1")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=item, actor=officer)
    assert messages_of(exc) == {
        "currency": ["Give the currency as a three-letter ISO 4217 code, such as USD or EUR."],
        "committed_usd": ["An amount cannot be negative."],
    }
    item.currency, item.committed_usd = "EUR", Decimal("108.55")
    aid_item_save(item=item, actor=officer, disbursements=[{"date": date(2024, 2, 1), "amount_usd": Decimal("54.25")}])
    item.refresh_from_db()
    assert item.committed_usd == Decimal("108.55") and item.disbursements.get().amount_usd == Decimal("54.25")


def test_dates_keep_their_order(officer):
    item = AidItemFactory.build(donor=PartnerFactory(kind="ngo"), status="implementing",
                                file_complete_on=date(2024, 2, 1), approved_on=date(2024, 1, 1),
                                started_on=None)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=item, actor=officer)
    assert messages_of(exc) == {
        "started_on": ["Aid at this stage has started: give the date implementation started."],
        "approved_on": ["The approval cannot come before the complete file was received."],
    }


def test_workflow_from_proposal_to_settlement(officer):
    item = AidItemFactory()
    aid_item_transition(item=item, actor=officer, to="appraising", on=date(2024, 1, 10))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        aid_item_transition(item=item, actor=officer, to="approved", on=date(2024, 1, 31))
    assert messages_of(exc) == {"decision_no": ["Give the number of the approval decision."]}
    aid_item_transition(item=item, actor=officer, to="approved", on=date(2024, 1, 31), decision_no="12/QĐ-UBND",
                        note="Chủ tịch UBND tỉnh")
    item.refresh_from_db()
    assert (item.status, item.approval_no, item.start_deadline) == ("approved", "12/QĐ-UBND", date(2024, 7, 31))
    assert item.history.first().history_change_reason == "aid workflow: approved: Chủ tịch UBND tỉnh"
    with translation.override("en"), pytest.raises(AidTransitionNotAllowed) as refused:
        aid_item_transition(item=item, actor=officer, to="settled")
    assert str(refused.value) == "An aid item that is approved cannot become settled."
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        aid_item_transition(item=item, actor=officer, to="implementing", on=date(2024, 1, 1))
    assert messages_of(exc) == {"started_on": ["Implementation cannot start before the approval."]}
    for step, day in (("implementing", date(2024, 3, 1)), ("completed", date(2024, 12, 1)),
                      ("settled", date(2025, 1, 15))):
        aid_item_transition(item=item, actor=officer, to=step, on=day)
    item.refresh_from_db()
    assert (item.file_complete_on, item.started_on, item.ended_on, item.settled_on, item.status) == (
        date(2024, 1, 10), date(2024, 3, 1), date(2024, 12, 1), date(2025, 1, 15), "settled")
    assert item.history.count() == 6


def test_workflow_rights_and_scope(viewer, unit_officer_a, unit_a, unit_b):
    item = AidItemFactory(managing_unit=unit_b)
    with pytest.raises(PermissionDenied):
        aid_item_transition(item=item, actor=viewer, to="appraising")
    with pytest.raises(PermissionDenied):
        aid_item_transition(item=item, actor=unit_officer_a, to="appraising")
    own = AidItemFactory(managing_unit=unit_a)
    aid_item_transition(item=own, actor=unit_officer_a, to="appraising")
    item.refresh_from_db()
    assert item.status == "proposed" and AidItem.objects.get(pk=own.pk).status == "appraising"


def test_start_overdue_list():
    today = date(2024, 9, 1)
    late = AidItemFactory(status="approved", approved_on=date(2024, 1, 31), approval_no="1")
    AidItemFactory(status="approved", approved_on=date(2024, 5, 1), approval_no="2")  # until 1 November
    AidItemFactory(status="implementing", approved_on=date(2024, 1, 1), started_on=date(2024, 2, 1))
    assert list(aid_start_overdue_list(today=today)) == [late]
    assert late.start_overdue(today) and not late.start_overdue(date(2024, 7, 31))


def test_aid_figures_per_period_and_scope(unit_officer_a, unit_a):
    AidItemFactory(status="approved", approved_on=date(2023, 3, 1), committed_usd=Decimal("100000.25"),
                   committed_amount=Decimal("100000.25"), managing_unit=unit_a)
    AidItemFactory(status="approved", approved_on=date(2023, 6, 1), modality="non_project",
                   committed_usd=Decimal("5000"), committed_amount=Decimal("5000"))
    AidItemFactory(status="approved", approved_on=date(2022, 6, 1))
    item = AidItemFactory(status="approved", approved_on=date(2023, 1, 5), modality="emergency",
                          committed_usd=None, committed_amount=None, managing_unit=unit_a)
    AidDisbursementFactory(item=item, date=date(2023, 2, 1), amount_usd=Decimal("10.10"))
    AidDisbursementFactory(date=date(2024, 2, 1))
    year = {"start": date(2023, 1, 1), "end": date(2023, 12, 31)}
    assert aid_figures(**year) == {
        "aid_approved_items": 3, "aid_approved_projects": 1, "aid_approved_non_projects": 2,
        "aid_approved_usd": Decimal("105000.25"), "aid_disbursed_usd": Decimal("10.10"),
    }
    assert aid_figures(**year, user=unit_officer_a)["aid_approved_items"] == 2


def test_ngo_must_be_a_partner_of_kind_ngo(officer):
    company = PartnerFactory(kind="enterprise")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=ForeignNGO(partner=company), actor=officer)
    assert messages_of(exc) == {"partner": [
        "Choose a partner of kind “Non-governmental organisation” (this one is “Enterprise”)."]}
    ngo = record_save(instance=ForeignNGO(partner=PartnerFactory(kind="ngo", name_en="Water Test",
                                                                 aliases=["WT"])), actor=officer)
    with translation.override("en"):
        assert ngo.name == "Water Test"
    assert "water test" in ngo.search_text and "wt" in ngo.search_text.split()


def test_certificate_validity_is_at_most_three_years(officer):
    cert = NGOCertificateFactory.build(ngo=ForeignNGOFactory(), issued_on=date(2024, 3, 1),
                                       expires_on=date(2027, 3, 2))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=cert, actor=officer)
    assert messages_of(exc) == {"expires_on": ["A certificate is valid for at most 3 years: it must expire by "
                                               "2027-03-01."]}
    cert.expires_on = date(2024, 2, 1)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=cert, actor=officer)
    assert messages_of(exc) == {"expires_on": ["A certificate cannot expire before it is issued."]}
    cert.expires_on = date(2027, 3, 1)
    record_save(instance=cert, actor=officer)


def test_expiring_certificates_and_registered_ngos():
    today = date(2025, 6, 1)
    soon = NGOCertificateFactory(expires_on=date(2025, 7, 1), issued_on=date(2022, 7, 2))
    later = NGOCertificateFactory(expires_on=date(2025, 12, 1), issued_on=date(2023, 1, 1))
    NGOCertificateFactory(expires_on=date(2025, 6, 10), status="revoked")
    NGOCertificateFactory(expires_on=date(2025, 5, 31))  # already expired
    today_cert = NGOCertificateFactory(expires_on=today, issued_on=date(2023, 1, 1))
    assert list(certificate_expiring_list(today=today, days=30)) == [today_cert, soon]
    assert list(certificate_expiring_list(today=today, days=200)) == [today_cert, soon, later]
    ended = ForeignNGOFactory(status="ended")
    NGOCertificateFactory(ngo=ended, expires_on=date(2026, 1, 1))
    pending = ForeignNGOFactory(status="pending_area_extension")
    NGOCertificateFactory(ngo=pending, status="applied", issued_on=None, expires_on=None)
    registered = set(ngo_registered_list(on=today))
    assert registered == {soon.ngo, later.ngo, today_cert.ngo}
    assert soon.days_left(today) == 30 and soon.days_to_expiry is not None
