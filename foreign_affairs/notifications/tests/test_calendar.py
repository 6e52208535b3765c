"""The calendar feed: a per-user secret address, readable without a session, scoped exactly like
the user's own lists, all-day entries with stable UIDs, nothing personal."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from foreign_affairs.core.tests.factories import DelegationFactory, DelegationMemberFactory, EventFactory
from foreign_affairs.notifications.models import CalendarFeed
from foreign_affairs.notifications.services import calendar_feed_reset

pytestmark = pytest.mark.django_db


def feed_path(user) -> str:
    return f"/calendar/{calendar_feed_reset(actor=user)}.ics"


def entries(response) -> dict[str, object]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def soon():
    return timezone.localdate() + timedelta(days=10)


def test_the_feed_is_read_without_a_session_and_shows_all_day_entries(client, officer, soon, unit_a):
    trip = DelegationFactory(status="approved", host_unit=unit_a, title="Trip to Vientiane", start_on=soon,
                             end_on=soon + timedelta(days=3), head_name="Nguyễn Văn A", purpose="Secret purpose")
    trip.countries.set(["LA"])
    DelegationMemberFactory(delegation=trip, full_name="Trần Thị B", passport_number="C1234567")
    EventFactory(title="Investment seminar", kind="investment_promotion", start_on=soon, end_on=None,
                 place="Vinh", country_id="VN", unit=unit_a)
    path = feed_path(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    found = entries(client.get(path))
    entry = found["Trip to Vientiane"]
    assert entry["uid"] == f"delegation-{trip.pk}@foreign-affairs-register"
    assert entry.decoded("dtstart") == soon and entry.decoded("dtend") == soon + timedelta(days=4)
    assert entry["dtstart"].params["VALUE"] == "DATE"
    assert str(entry["location"]) == "Laos"
    assert str(entry["url"]) == f"http://testserver/delegations/{trip.pk}/"
    assert "Department A" in str(entry["description"]) and str(entry["status"]) == "CONFIRMED"
    seminar = found["Investment seminar"]
    assert seminar["uid"] == f"event-{seminar_pk(found)}@foreign-affairs-register"
    assert seminar.decoded("dtend") == soon + timedelta(days=1)
    assert str(seminar["location"]) == "Vinh, Vietnam"
    text = client.get(path).content.decode()
    for personal in ("Nguyễn Văn A", "Trần Thị B", "C1234567", "Secret purpose"):
        assert personal not in text


def seminar_pk(found):
    return str(found["Investment seminar"]["url"]).rstrip("/").rsplit("/", 1)[-1]


def test_uids_are_stable_between_reads(client, officer, soon):
    DelegationFactory(status="proposed", start_on=soon, end_on=soon, title="Proposal")
    path = feed_path(officer)
    first = entries(client.get(path))["Proposal"]
    second = entries(client.get(path))["Proposal"]
    assert first["uid"] == second["uid"] and str(first["status"]) == "TENTATIVE"


def test_the_feed_is_scoped_like_the_users_lists(client, unit_officer_a, unit_a, unit_b, soon):
    DelegationFactory(status="approved", host_unit=unit_a, title="Unit A trip", start_on=soon, end_on=soon)
    DelegationFactory(status="approved", host_unit=unit_b, title="Unit B trip", start_on=soon, end_on=soon)
    DelegationFactory(status="cancelled", host_unit=unit_a, title="Cancelled trip", start_on=soon, end_on=soon)
    EventFactory(unit=unit_b, title="Unit B event", start_on=soon, end_on=soon)
    DelegationFactory(status="evaluated", host_unit=unit_a, title="Long ago", start_on=date(2020, 1, 1),
                      end_on=date(2020, 1, 2))
    assert set(entries(client.get(feed_path(unit_officer_a)))) == {"Unit A trip"}


def test_a_wrong_or_reset_token_opens_nothing(client, officer):
    old = feed_path(officer)
    assert client.get(old).status_code == 200
    new = feed_path(officer)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert client.get("/calendar/not-a-token.ics").status_code == 404
    assert CalendarFeed.objects.count() == 1
    assert CalendarFeed.objects.get().token_hash not in new  # only a hash is kept


def test_an_inactive_users_feed_is_closed(client, officer):
    path = feed_path(officer)
    officer.is_active = False
    officer.save()
    assert client.get(path).status_code == 404


def test_the_account_page_makes_resets_and_switches_off_the_address(client, officer):
    client.force_login(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert "You have no calendar address yet." in client.get("/account/").content.decode()
    response = client.post("/account/calendar/reset/", follow=True)
    page = response.content.decode()
    assert "shown only now" in page
    url = response.context["new_feed_url"]
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    # Shown once: the next visit no longer has it.
    assert url not in client.get("/account/").content.decode()
    client.logout()
    assert client.get(url.removeprefix("http://testserver")).status_code == 200
    client.force_login(officer)
    client.post("/account/calendar/disable/")
    client.logout()
    assert client.get(url.removeprefix("http://testserver")).status_code == 404


def test_reading_the_feed_is_noted(client, officer):
    path = feed_path(officer)
    client.get(path)
    assert CalendarFeed.objects.get(user=officer).last_used_at is not None
