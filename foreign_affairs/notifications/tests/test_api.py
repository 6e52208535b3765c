"""GET /api/v1/notifications/, POST …/<id>/read/, POST …/read-all/, GET /api/v1/worklist/."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    def client_for(user=None) -> APIClient:
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=user).key}")
        return client

    return client_for


def test_list_gives_my_notifications_with_their_message_and_record(api, officer, approver):
    mine = NotificationFactory(recipient=officer, verb="approved", record_label="Trip to Laos", object_id=7,
                               url="/delegations/7/", params={"actor": "leader"})
    NotificationFactory(recipient=approver)
    data = api(officer).get("/api/v1/notifications/").json()
    assert data["count"] == 1
    row = data["results"][0]
    assert row["id"] == mine.pk and row["read"] is False
    assert row["message"] == "“Trip to Laos” was approved by leader."
    assert row["record"] == {"app_label": "delegations", "model": "delegation", "id": 7, "label": "Trip to Laos"}
    assert row["url"] == "/delegations/7/"


def test_unread_filter_read_and_read_all(api, officer):
    first, second, third = (NotificationFactory(recipient=officer) for _ in range(3))
    client = api(officer)
    response = client.post(f"/api/v1/notifications/{first.pk}/read/")
    assert response.status_code == 200 and response.json()["read"] is True
    assert [n["id"] for n in client.get("/api/v1/notifications/?unread=true").json()["results"]] == [
        third.pk, second.pk]
    assert client.post("/api/v1/notifications/read-all/").json() == {"marked": 2}
    assert client.get("/api/v1/notifications/?unread=true").json()["count"] == 0


def test_another_users_notification_is_404(api, officer, approver):
    theirs = NotificationFactory(recipient=approver)
    client = api(officer)
    assert client.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404


def test_anonymous_gets_nothing(api):
    assert api().get("/api/v1/notifications/").status_code == 401
    assert api().get("/api/v1/worklist/").status_code == 401


def test_notifications_cannot_be_written_through_the_api(api, officer):
    notification = NotificationFactory(recipient=officer)
    client = api(officer)
    assert client.post("/api/v1/notifications/", {"verb": "x"}).status_code == 405
    assert client.delete(f"/api/v1/notifications/{notification.pk}/").status_code == 405


def test_worklist(api, approver, unit_a):
    today = timezone.localdate()
    proposal = DelegationFactory(status="proposed", host_unit=unit_a, title="Proposal",
                                 start_on=today + timedelta(days=3), end_on=today + timedelta(days=4))
    EventFactory(title="Conference", start_on=today + timedelta(days=1), end_on=today + timedelta(days=1))
    data = api(approver).get("/api/v1/worklist/").json()
    assert data["today"] == today.isoformat()
    assert data["needs_action"]["count"] == 1
    assert data["needs_action"]["results"][0] | {} == {
        "type": "delegations.delegation", "id": proposal.pk, "title": "Proposal", "url": f"/delegations/{proposal.pk}/",
        "status": "proposed", "status_display": "Proposed", "start_on": proposal.start_on.isoformat(),
        "end_on": proposal.end_on.isoformat(), "due_on": None, "unit": str(unit_a), "actions": ["approve", "reject"],
    }
    assert data["overdue"] == {"count": 0, "results": []}
    assert [item["title"] for item in data["upcoming"]["results"]] == ["Conference", "Proposal"]
