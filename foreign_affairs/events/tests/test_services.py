"""International conferences and seminars (QĐ 06/2020/QĐ-TTg): who permits them and the lead
time follow the guests' rank and the topics (routing and deadline rules as data); a late
application is refused naming the rule; consultations, permit or refusal, held, report. Events
without a permit are simply held."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from foreign_affairs.core.models import DeadlineRule
from foreign_affairs.core.tests.factories import EventFactory
from foreign_affairs.core.workflow import TransitionNotAllowed
from foreign_affairs.events.selectors import event_report_overdue, events_report_overdue
from foreign_affairs.events.services import (
    allowed_actions,
    competent_authority,
    event_approve,
    event_cancel,
    event_consult,
    event_hold,
    event_reject,
    event_reply,
    event_report,
    event_submit,
    permit_required,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def conference(unit_a):
    return EventFactory(kind="conference", status="draft", unit=unit_a, start_on=date(2025, 6, 16),
                        end_on=date(2025, 6, 17))


def test_who_decides_and_the_lead_time_follow_the_rules(conference):
    competent = competent_authority(conference, date(2025, 5, 1))
    assert (competent.competence, competent.apply_by, competent.lead.code) == (
        "provincial_chair", date(2025, 5, 17), "conference_application")
    conference.guest_rank = "minister"
    assert competent_authority(conference, date(2025, 5, 1)).apply_by == date(2025, 5, 7)
    conference.guest_rank = "ambassador"
    conference.topics = ["religion"]
    competent = competent_authority(conference, date(2025, 5, 1))
    assert (competent.competence, competent.apply_by) == ("prime_minister", date(2025, 5, 7))
    assert permit_required(conference)
    assert not permit_required(EventFactory(kind="cultural", needs_permit=False))
    assert permit_required(EventFactory(kind="cultural", needs_permit=True))


def test_a_late_application_is_refused_naming_the_rule(conference, unit_officer_a):
    conference.guest_rank = "head_of_government"
    conference.save()
    with pytest.raises(ValidationError) as err:
        event_submit(event=conference, actor=unit_officer_a, applied_on=date(2025, 5, 10))
    assert err.value.message_dict == {"applied_on": [
        "The application is late: rule conference_application_pm (40 calendar days before the opening of the "
        "conference; QĐ 06/2020/QĐ-TTg) required it by 7 May 2025 for an event opening on 16 Jun 2025, permitted "
        "by the Prime Minister."]}
    conference.refresh_from_db()
    assert (conference.status, conference.applied_on) == ("draft", None)
    assert not conference.transitions.exists()


def test_the_lead_time_is_data(conference, unit_officer_a):
    DeadlineRule.objects.filter(code="conference_application").update(valid_until=date(2025, 4, 30))
    DeadlineRule.objects.create(code="conference_application", name_vi="Mới", name_en="New", days=20,
                                day_count="working_days", direction="before", anchor_event="opening",
                                legal_basis="A new Prime Minister's decision", valid_from=date(2025, 5, 1))
    # 20 working days before Monday 16 June 2025: 19 May 2025.
    assert competent_authority(conference, date(2025, 5, 10)).apply_by == date(2025, 5, 19)
    event_submit(event=conference, actor=unit_officer_a, applied_on=date(2025, 5, 19))
    conference.refresh_from_db()
    assert (conference.status, conference.apply_by) == ("applied", date(2025, 5, 19))


def test_the_whole_way(conference, unit_officer_a, officer, approver):
    assert allowed_actions(event=conference, actor=unit_officer_a) == ["submit", "withdraw", "cancel"]
    event_submit(event=conference, actor=unit_officer_a, applied_on=date(2025, 5, 2), comment="Hồ sơ kèm theo")
    conference.refresh_from_db()
    assert (conference.status, conference.competence, conference.apply_by) == (
        "applied", "provincial_chair", date(2025, 5, 17))
    # Sent Monday 5 May 2025: 7 working days (the consultation rule) → Wednesday 14 May.
    event_consult(event=conference, actor=officer, body="Công an tỉnh", sent_on=date(2025, 5, 5))
    item = conference.consultations.get()
    assert item.reply_due_on == date(2025, 5, 14)
    event_reply(event=conference, actor=officer, consultation=item.pk, position="agree", replied_on=date(2025, 5, 9))
    assert allowed_actions(event=conference, actor=approver) == ["approve", "reject"]
    event_approve(event=conference, actor=approver, decision_no="1500/QĐ-UBND", decision_on=date(2025, 5, 20),
                  signer="Chủ tịch UBND tỉnh", conditions="Báo cáo kết quả trong 15 ngày")
    event_hold(event=conference, actor=unit_officer_a, participants=180)
    conference.refresh_from_db()
    assert (conference.status, conference.participants, conference.report_due_on) == (
        "held", 180, date(2025, 7, 2))
    assert event_report_overdue(conference, date(2025, 7, 3))
    assert list(events_report_overdue(user=officer, today=date(2025, 7, 3))) == [conference]
    event_report(event=conference, actor=unit_officer_a, report="Hội thảo thành công", reported_on=date(2025, 7, 1))
    conference.refresh_from_db()
    assert (conference.status, conference.decision_no) == ("reported", "1500/QĐ-UBND")
    assert list(conference.transitions.values_list("action", "to_status", "actor__username")) == [
        ("submit", "applied", "unit_officer_a"), ("consult", "consulting", "officer"),
        ("reply", "consulting", "officer"), ("approve", "permitted", "approver"),
        ("hold", "held", "unit_officer_a"), ("report", "reported", "unit_officer_a")]
    permit = conference.transitions.get(action="approve")
    assert (permit.document_no, permit.document_on, permit.signer) == (
        "1500/QĐ-UBND", date(2025, 5, 20), "Chủ tịch UBND tỉnh")


def test_refusal_roles_and_double_clicks(conference, unit_officer_a, unit_officer_b, officer, approver, viewer):
    with pytest.raises(TransitionNotAllowed, match="Cannot permit an event that is draft."):
        event_approve(event=conference, actor=approver, decision_no="1", decision_on=date(2025, 5, 1))
    with pytest.raises(TransitionNotAllowed, match="This event needs a permit before it is held: apply for it first."):
        event_hold(event=conference, actor=unit_officer_a)
    with pytest.raises(PermissionDenied, match="Your role may not apply for an event."):
        event_submit(event=conference, actor=viewer, applied_on=date(2025, 5, 1))
    with pytest.raises(PermissionDenied, match="This event is outside what your account can reach."):
        event_submit(event=conference, actor=unit_officer_b, applied_on=date(2025, 5, 1))
    event_submit(event=conference, actor=unit_officer_a, applied_on=date(2025, 5, 1))
    with pytest.raises(TransitionNotAllowed, match="Cannot apply for an event that is applied for."):
        event_submit(event=conference, actor=unit_officer_a, applied_on=date(2025, 5, 1))
    with pytest.raises(PermissionDenied, match="Your role may not permit an event."):
        event_approve(event=conference, actor=officer, decision_no="1", decision_on=date(2025, 5, 1))
    with pytest.raises(ValidationError) as err:
        event_reject(event=conference, actor=approver, decision_no="", decision_on=None)
    assert set(err.value.message_dict) == {"decision_no", "decision_on"}
    event_reject(event=conference, actor=approver, decision_no="77/UBND-NV", decision_on=date(2025, 5, 10))
    conference.refresh_from_db()
    assert conference.status == "refused"
    assert conference.transitions.count() == 2


def test_an_event_without_a_permit_is_simply_held(unit_a, unit_officer_a):
    festival = EventFactory(kind="cultural", status="draft", unit=unit_a)
    assert allowed_actions(event=festival, actor=unit_officer_a) == ["withdraw", "cancel", "hold"]
    with pytest.raises(TransitionNotAllowed, match="This event needs no permit; mark it as held"):
        event_submit(event=festival, actor=unit_officer_a)
    event_hold(event=festival, actor=unit_officer_a, participants=500)
    festival.refresh_from_db()
    assert (festival.status, festival.report_due_on) == ("held", None)
    with pytest.raises(ValidationError):
        event_cancel(event=EventFactory(kind="cultural", status="draft", unit=unit_a), actor=unit_officer_a,
                     comment=" ")


def test_held_events_count_in_the_figures(unit_a):
    from foreign_affairs.web.selectors import year_figures

    EventFactory(kind="cultural", status="held", start_on=date(2025, 3, 1), end_on=None, pillar="people")
    EventFactory(kind="conference", status="refused", start_on=date(2025, 3, 1), end_on=None, pillar="people")
    EventFactory(kind="conference", status="reported", start_on=date(2025, 4, 1), end_on=None, pillar="people")
    EventFactory(kind="conference", status="permitted", start_on=date(2025, 5, 1), end_on=None, pillar="people")
    assert year_figures(year=2025).totals.events_held == 2
