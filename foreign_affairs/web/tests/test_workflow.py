"""The delegation workflow on screen: buttons by role and status, a form per step, refusals
shown with their message, the overdue report flagged."""

import datetime

import pytest

from foreign_affairs.core.tests.factories import DelegationFactory
from foreign_affairs.delegations.models import Delegation

pytestmark = pytest.mark.django_db


def test_unit_proposes_office_returns_leader_approves(login, unit_a, unit_officer_a, officer, approver):
    trip = DelegationFactory(status="draft", host_unit=unit_a, end_on=datetime.date(2024, 4, 5))
    page = f"/delegations/{trip.pk}/"
    unit_client = login(unit_officer_a)
    assert f"/delegations/{trip.pk}/workflow/submit/" in unit_client.get(page).content.decode()
    assert unit_client.post(f"/delegations/{trip.pk}/workflow/submit/", {"comment": ""}).status_code == 302

    office = login(officer)
    # Returning needs a comment: the form says so and keeps the rest.
    response = office.post(f"/delegations/{trip.pk}/workflow/return/", {"comment": " "})
    assert response.status_code == 400 and "Say what must be changed." in response.content.decode()
    login(officer).post(f"/delegations/{trip.pk}/workflow/return/", {"comment": "Thiếu chương trình làm việc"})
    assert Delegation.objects.get(pk=trip.pk).status == "draft"
    login(unit_officer_a).post(f"/delegations/{trip.pk}/workflow/submit/", {"comment": "Đã bổ sung"})

    leader = login(approver)
    html = leader.get(page).content.decode()
    assert "workflow/approve/" in html and "workflow/submit/" not in html
    response = leader.post(f"/delegations/{trip.pk}/workflow/approve/", {"decision_no": "", "decision_on": ""})
    assert response.status_code == 400 and "The decision&#x27;s number is required." in response.content.decode()
    leader.post(f"/delegations/{trip.pk}/workflow/approve/",
                {"decision_no": "88/QĐ-UBND", "decision_on": "2024-03-01", "signer": "Chủ tịch UBND tỉnh"})
    trip.refresh_from_db()
    assert (trip.status, trip.decision_no) == ("approved", "88/QĐ-UBND")
    assert "88/QĐ-UBND" in login(approver).get(page).content.decode()

    response = login(unit_officer_a).post(f"/delegations/{trip.pk}/workflow/complete/", {})
    assert response.status_code == 302, (response.status_code, response.content.decode()[:300])
    trip.refresh_from_db()
    assert trip.report_due_on == datetime.date(2024, 4, 20)
    assert "Report overdue since" in login(officer).get(page).content.decode()  # shown to everyone concerned


def test_refused_step_shows_a_message_and_viewer_gets_no_buttons(login, unit_a, viewer, approver):
    trip = DelegationFactory(status="draft", host_unit=unit_a)
    assert "/workflow/" not in login(viewer).get(f"/delegations/{trip.pk}/").content.decode()
    assert login(viewer).get(f"/delegations/{trip.pk}/workflow/submit/").status_code == 403
    response = login(approver).post(f"/delegations/{trip.pk}/workflow/approve/",
                                    {"decision_no": "1", "decision_on": "2024-01-01"}, follow=True)
    assert "Cannot approve a delegation that is draft." in response.content.decode()
    assert Delegation.objects.get(pk=trip.pk).status == "draft"


def test_status_is_not_edited_by_hand_once_recorded(login, officer, unit_a):
    trip = DelegationFactory(status="approved", host_unit=unit_a)
    html = login(officer).get(f"/delegations/{trip.pk}/edit/").content.decode()
    select = html[html.index('name="status"'): html.index(">", html.index('name="status"'))]
    assert "disabled" in select
