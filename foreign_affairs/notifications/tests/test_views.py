"""The worklist, the notifications page and the navbar badge, as each role sees them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.notifications.models import Notification

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def sign_in(user):
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign_in


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def work(unit_a, unit_b, today):
    """Delegations in each state, in unit A (and one in unit B), dated around today."""
    past, soon = today - timedelta(days=20), today + timedelta(days=10)
    return {
        "draft": DelegationFactory(status="draft", host_unit=unit_a, title="Draft A", start_on=soon, end_on=soon),
        "draft_b": DelegationFactory(status="draft", host_unit=unit_b, title="Draft B", start_on=soon, end_on=soon),
        "proposed": DelegationFactory(status="proposed", host_unit=unit_a, title="Proposed A", start_on=soon,
                                      end_on=soon),
        "appraised": DelegationFactory(status="proposed", host_unit=unit_a, title="Appraised A", appraisal="OK",
                                       start_on=soon, end_on=soon),
        "travelling": DelegationFactory(status="approved", host_unit=unit_a, title="Approved, not yet back",
                                        start_on=soon, end_on=soon),
        "back": DelegationFactory(status="approved", host_unit=unit_a, title="Approved, back", start_on=past,
                                  end_on=past),
        "to_report": DelegationFactory(status="completed", host_unit=unit_a, title="Completed A", start_on=past,
                                       end_on=past, report_due_on=today - timedelta(days=2)),
        "reported": DelegationFactory(status="reported", host_unit=unit_a, title="Reported A", start_on=past,
                                      end_on=past),
        "rejected": DelegationFactory(status="rejected", host_unit=unit_a, title="Rejected A", start_on=soon,
                                      end_on=soon),
    }


def _needs(response):
    return {item.title: [name for name, _label in item.actions] for item in response.context["work"].needs_action.items}


def test_each_role_sees_the_steps_waiting_for_it(login, work, unit_officer_a, officer, approver, viewer):
    assert _needs(login(unit_officer_a).get("/worklist/")) == {
        "Draft A": ["submit"], "Approved, back": ["complete"], "Completed A": ["report"],
    }
    office = _needs(login(officer).get("/worklist/"))
    assert office["Proposed A"] == ["appraise"]
    assert "Appraised A" not in office  # the office has given its opinion
    assert office["Reported A"] == ["evaluate"]
    assert {"Draft A", "Draft B"} <= set(office)  # the office may propose for any unit
    assert _needs(login(approver).get("/worklist/")) == {
        "Proposed A": ["approve", "reject"], "Appraised A": ["approve", "reject"], "Reported A": ["evaluate"],
    }
    assert _needs(login(viewer).get("/worklist/")) == {}


def test_the_worklist_page_shows_overdue_and_coming_up_in_the_users_scope(login, work, unit_officer_b, today):
    EventFactory(unit=work["draft_b"].host_unit, title="Fair in B", start_on=today + timedelta(days=5),
                 end_on=today + timedelta(days=6))
    EventFactory(unit=work["draft"].host_unit, title="Festival in A", start_on=today + timedelta(days=5),
                 end_on=None)
    EventFactory(unit=work["draft_b"].host_unit, title="Far away", start_on=today + timedelta(days=40),
                 end_on=None)
    response = login(unit_officer_b).get("/worklist/")
    work_list = response.context["work"]
    assert [i.title for i in work_list.overdue.items] == []  # unit A's late report is not B's
    assert [i.title for i in work_list.upcoming.items] == ["Fair in B", "Draft B"]  # soonest first
    page = response.content.decode()
    assert "Needs my action" in page and "Fair in B" in page and "Festival in A" not in page


def test_overdue_and_coming_up_for_the_office(login, work, officer, today):
    work_list = login(officer).get("/worklist/").context["work"]
    assert [i.title for i in work_list.overdue.items] == ["Completed A"]
    upcoming = [i.title for i in work_list.upcoming.items]
    assert "Rejected A" not in upcoming  # will not take place
    assert {"Draft A", "Draft B", "Proposed A", "Approved, not yet back"} <= set(upcoming)


def test_the_worklist_links_each_step_to_its_form(login, work, approver):
    page = login(approver).get("/worklist/").content.decode()
    assert f'href="/delegations/{work["proposed"].pk}/workflow/approve/"' in page


def test_notifications_page_lists_mine_newest_first_and_pages(login, officer, approver):
    for index in range(30):
        NotificationFactory(recipient=officer, record_label=f"Trip {index:02d}")
    NotificationFactory(recipient=approver, record_label="Not for the officer")
    client = login(officer)
    first = client.get("/notifications/")
    assert first.status_code == 200
    shown = [n.record_label for n in first.context["notifications"]]
    assert len(shown) == 25 and shown[0] == "Trip 29"
    assert "Not for the officer" not in first.content.decode()
    second = client.get("/notifications/?page=2")
    assert [n.record_label for n in second.context["notifications"]] == [f"Trip {i:02d}" for i in range(4, -1, -1)]


def test_mark_read_and_mark_all_read(login, officer):
    one, two, three = (NotificationFactory(recipient=officer) for _ in range(3))
    client = login(officer)
    response = client.post(f"/notifications/{one.pk}/read/", {"next": "/notifications/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/notifications/?page=1"
    one.refresh_from_db()
    assert one.read_at is not None
    assert [n.pk for n in client.get("/notifications/?unread=1").context["notifications"]] == [three.pk, two.pk]
    client.post("/notifications/read-all/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_opening_a_notification_marks_it_read_and_goes_to_the_record(login, officer):
    notification = NotificationFactory(recipient=officer, url="/delegations/7/")
    response = login(officer).get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == "/delegations/7/"
    notification.refresh_from_db()
    assert notification.is_read


def test_an_outside_link_is_never_followed(login, officer):
    notification = NotificationFactory(recipient=officer, url="https://evil.example/")
    response = login(officer).get(f"/notifications/{notification.pk}/")
    assert response["Location"] == "/notifications/"


def test_another_users_notification_is_not_found(login, officer, approver):
    theirs = NotificationFactory(recipient=approver)
    client = login(officer)
    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    client.post("/notifications/read-all/")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_navbar_shows_the_unread_count(login, officer):
    client = login(officer)
    assert "app-notify-badge" not in client.get("/").content.decode()
    NotificationFactory(recipient=officer)
    NotificationFactory(recipient=officer)
    NotificationFactory(recipient=officer, read_at=timezone.now())
    page = client.get("/").content.decode()
    assert '<span class="badge rounded-pill app-notify-badge">2<span class="visually-hidden"> unread</span>' in page


def test_pages_need_a_signed_in_user(client):
    for path in ("/worklist/", "/notifications/", "/account/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.post("/notifications/read-all/").status_code == 302


def test_read_and_reset_are_post_only(login, officer):
    notification = NotificationFactory(recipient=officer)
    client = login(officer)
    assert client.get(f"/notifications/{notification.pk}/read/").status_code == 405
    assert client.get("/account/calendar/reset/").status_code == 405


def test_worklist_unit_scope_follows_the_unit_tree(login, unit_a, make_user, today):
    """An officer of a parent unit sees the work of the units below it."""
    child = UnitFactory(parent=unit_a)
    DelegationFactory(status="draft", host_unit=child, title="Commune trip", start_on=today, end_on=today)
    parent_officer = make_user("parent", "unit_officer", unit_a)
    assert "Commune trip" in _needs(login(parent_officer).get("/worklist/"))


def test_a_trip_that_has_not_ended_waits_for_nobody(login, unit_officer_a, unit_a, today):
    DelegationFactory(status="approved", host_unit=unit_a, title="Abroad now", start_on=today - timedelta(days=1),
                      end_on=today + timedelta(days=2))
    assert "Abroad now" not in _needs(login(unit_officer_a).get("/worklist/"))
    DelegationFactory(status="approved", host_unit=unit_a, title="Back today", start_on=date(2020, 1, 1),
                      end_on=today)
    assert _needs(login(unit_officer_a).get("/worklist/"))["Back today"] == ["complete"]
