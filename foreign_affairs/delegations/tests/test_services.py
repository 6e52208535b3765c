"""The delegation workflow: every step, who may take it, from which status, with its document;
refusals change nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from foreign_affairs.core.tests.factories import DelegationFactory
from foreign_affairs.delegations.selectors import delegation_is_overdue, delegations_report_overdue
from foreign_affairs.delegations.services import (
    TransitionNotAllowed,
    allowed_actions,
    delegation_appraise,
    delegation_approve,
    delegation_cancel,
    delegation_complete,
    delegation_evaluate,
    delegation_reject,
    delegation_report,
    delegation_return,
    delegation_submit,
    delegation_withdraw,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def trip(unit_a):
    return DelegationFactory(status="draft", host_unit=unit_a, start_on=date(2025, 3, 3), end_on=date(2025, 3, 7))


def test_the_whole_way_with_a_return_and_a_late_report(trip, unit_officer_a, officer, approver):
    delegation_submit(delegation=trip, actor=unit_officer_a)
    delegation_return(delegation=trip, actor=officer, comment="Add the invitation letter")
    trip.refresh_from_db()
    assert trip.status == "draft"
    delegation_submit(delegation=trip, actor=unit_officer_a, comment="Invitation attached")
    delegation_appraise(delegation=trip, actor=officer, opinion="In the annual plan; agree.")
    delegation_approve(delegation=trip, actor=approver, decision_no="123/QĐ-UBND", decision_on=date(2025, 2, 20),
                       signer="Phó Chủ tịch UBND tỉnh")
    delegation_complete(delegation=trip, actor=unit_officer_a)
    trip.refresh_from_db()
    # 15 calendar days after the return on 7 March (the default post-trip report rule).
    assert (trip.status, trip.report_due_on) == ("completed", date(2025, 3, 22))
    assert delegation_is_overdue(trip, date(2025, 3, 23))
    assert list(delegations_report_overdue(user=officer, today=date(2025, 3, 23))) == [trip]
    delegation_report(delegation=trip, actor=unit_officer_a, report="Signed an MOU.", cost_vnd=250_000_000,
                      reported_on=date(2025, 3, 25))
    assert not delegations_report_overdue(user=officer, today=date(2025, 3, 26)).exists()
    delegation_evaluate(delegation=trip, actor=approver, rating=4, evaluation="Useful")
    trip.refresh_from_db()
    assert (trip.status, trip.rating, trip.cost_vnd, trip.decision_no) == ("evaluated", 4, 250_000_000, "123/QĐ-UBND")
    steps = list(trip.transitions.values_list("action", "from_status", "to_status", "actor__username"))
    assert steps == [
        ("submit", "draft", "proposed", "unit_officer_a"),
        ("return", "proposed", "draft", "officer"),
        ("submit", "draft", "proposed", "unit_officer_a"),
        ("appraise", "proposed", "proposed", "officer"),
        ("approve", "proposed", "approved", "approver"),
        ("complete", "approved", "completed", "unit_officer_a"),
        ("report", "completed", "reported", "unit_officer_a"),
        ("evaluate", "reported", "evaluated", "approver"),
    ]
    approval = trip.transitions.get(action="approve")
    assert (approval.document_no, approval.document_on, approval.signer) == (
        "123/QĐ-UBND", date(2025, 2, 20), "Phó Chủ tịch UBND tỉnh")
    # The history names the actor of each change.
    assert trip.history.first().history_user.username == "approver"


def test_an_action_not_allowed_from_the_status_is_refused_and_changes_nothing(trip, approver):
    with pytest.raises(TransitionNotAllowed, match="Cannot approve a delegation that is draft."):
        delegation_approve(delegation=trip, actor=approver, decision_no="1/QĐ", decision_on=date(2025, 1, 1))
    trip.refresh_from_db()
    assert trip.status == "draft" and trip.decision_no == "" and not trip.transitions.exists()


def test_a_double_click_is_refused(trip, unit_officer_a):
    delegation_submit(delegation=trip, actor=unit_officer_a)
    with pytest.raises(TransitionNotAllowed):
        delegation_submit(delegation=trip, actor=unit_officer_a)
    assert trip.transitions.count() == 1


def test_roles(trip, unit_officer_a, officer, approver, viewer, unit_officer_b):
    with pytest.raises(PermissionDenied, match="Your role may not submit a delegation."):
        delegation_submit(delegation=trip, actor=viewer)
    with pytest.raises(PermissionDenied, match="outside what your account can reach"):
        delegation_submit(delegation=trip, actor=unit_officer_b)
    trip = delegation_submit(delegation=trip, actor=unit_officer_a)
    with pytest.raises(PermissionDenied):
        delegation_approve(delegation=trip, actor=officer, decision_no="1", decision_on=date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        delegation_return(delegation=trip, actor=unit_officer_a, comment="x")
    assert allowed_actions(delegation=trip, actor=approver) == ["approve", "reject"]
    assert allowed_actions(delegation=trip, actor=officer) == ["return", "appraise", "withdraw"]
    assert allowed_actions(delegation=trip, actor=viewer) == []


def test_decisions_need_number_and_date(trip, unit_officer_a, approver):
    delegation_submit(delegation=trip, actor=unit_officer_a)
    with pytest.raises(ValidationError) as err:
        delegation_reject(delegation=trip, actor=approver, decision_no="", decision_on=None)
    assert err.value.message_dict == {"decision_no": ["The decision's number is required."],
                                      "decision_on": ["The decision's date is required."]}
    delegation_reject(delegation=trip, actor=approver, decision_no="45/UBND-NV", decision_on=date(2025, 2, 1))
    trip.refresh_from_db()
    assert trip.status == "rejected"


def test_withdraw_cancel_and_required_texts(trip, unit_officer_a, officer, approver):
    with pytest.raises(ValidationError):
        delegation_return(delegation=trip, actor=officer, comment=" ")
    delegation_withdraw(delegation=trip, actor=unit_officer_a)
    other = DelegationFactory(status="approved")
    with pytest.raises(ValidationError):
        delegation_cancel(delegation=other, actor=approver, comment="")
    delegation_cancel(delegation=other, actor=approver, comment="The partner postponed")
    other.refresh_from_db()
    assert other.status == "cancelled"


def test_incoming_permission_date_is_the_decision_date(officer, approver):
    visit = DelegationFactory(direction="incoming", reception="permitted", status="proposed", permit_on=None)
    delegation_approve(delegation=visit, actor=approver, decision_no="9/GP", decision_on=date(2025, 5, 2))
    visit.refresh_from_db()
    assert visit.permit_on == date(2025, 5, 2)
    delegation_complete(delegation=visit, actor=officer)
    visit.refresh_from_db()
    # Incoming: 7 working days after the visit ends (the post-visit report rule).
    assert visit.report_due_on == date(2024, 4, 16)  # ended Friday 5 April 2024


def test_each_step_is_announced_once_after_it_commits(trip, unit_officer_a, django_capture_on_commit_callbacks):
    from foreign_affairs.core.signals import transition_done

    heard = []

    def listener(sender, **kwargs):
        heard.append((sender.__name__, kwargs["action"], kwargs["from_status"], kwargs["to_status"]))

    transition_done.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            delegation_submit(delegation=trip, actor=unit_officer_a)
            assert heard == []  # nothing is announced before the commit
        with pytest.raises(TransitionNotAllowed), django_capture_on_commit_callbacks(execute=True):
            delegation_submit(delegation=trip, actor=unit_officer_a)
    finally:
        transition_done.disconnect(listener)
    assert heard == [("Delegation", "submit", "draft", "proposed")]
