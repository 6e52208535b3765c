"""The notifications list and the worklist (page and API) cost a fixed number of queries: the
same for 10 rows as for 1,000, and exactly the baseline kept in query_counts.json.

The worklist asks ``allowed_actions`` once per state shown (not per row): its cost depends on
which states the page shows, so the data here puts every waiting state on every page."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token

from foreign_affairs.core.tests.factories import UnitFactory
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.models import Event
from foreign_affairs.notifications.models import Notification

pytestmark = pytest.mark.django_db

BASELINE = json.loads((Path(__file__).parent / "query_counts.json").read_text())
STATUSES = ("draft", "proposed", "approved", "completed", "reported")


def make_notifications(n, user, actor):
    Notification.objects.bulk_create([
        Notification(recipient=user, actor=actor, verb="approved", app_label="delegations", model_name="delegation",
                     object_id=i, record_label=f"Trip {i}", url=f"/delegations/{i}/", params={"actor": "leader"})
        for i in range(n)
    ])


def make_work(n, unit):
    """Delegations in every state that waits for someone — trips back three days ago, reports
    overdue — mixed so that every page shows each state, proposals for the coming days, and
    events coming up."""
    today = timezone.localdate()
    past = today - timedelta(days=3)
    delegations, events = [], []
    serial = Delegation.objects.count()
    for i in range(n):
        status = STATUSES[i % len(STATUSES)]
        delegations.append(Delegation(
            ref=f"qc-{serial + i}", direction="outgoing", pillar="state", title=f"Trip {i}", start_on=past,
            end_on=past, status=status, host_unit=unit,
            report_due_on=today - timedelta(days=1) if status == "completed" else None,
        ))
        soon = today + timedelta(days=1 + i % 25)
        delegations.append(Delegation(
            ref=f"qc-soon-{serial + i}", direction="incoming", pillar="state", title=f"Visit {i}", start_on=soon,
            end_on=soon, status="proposed", host_unit=unit,
        ))
        events.append(Event(ref=f"qe-{serial + i}", kind="cultural", pillar="people", title=f"Festival {i}",
                            start_on=soon, unit=unit))
    Delegation.objects.bulk_create(delegations)
    Event.objects.bulk_create(events)


def count(client, path, **headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(queries)


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def token(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get(user=user).key}"}


@pytest.mark.parametrize("name,path,api", [
    ("notifications", "/notifications/", False),
    ("api-notifications", "/api/v1/notifications/?page_size=1000", True),
])
def test_notification_lists_cost_the_same_for_10_and_1000_rows(client, officer, approver, name, path, api):
    headers = token(officer) if api else {}
    if not api:
        client.force_login(officer)
    client.get(path, **headers)  # warm per-process caches
    make_notifications(10, officer, approver)
    few = count(client, path, **headers)
    make_notifications(990, officer, approver)
    many = count(client, path, **headers)
    assert few == many, f"{name}: {few} queries for 10 rows, {many} for 1000"
    assert many == BASELINE[name], f"{name}: {many} queries, baseline {BASELINE[name]} (query_counts.json)"


@pytest.mark.parametrize("role", ["officer", "approver", "unit_officer_a"])
@pytest.mark.parametrize("name,path,api", [
    ("worklist", "/worklist/", False),
    ("api-worklist", "/api/v1/worklist/", True),
])
def test_worklist_costs_the_same_for_10_and_1000_rows(client, role_users, unit_a, role, name, path, api):
    user = role_users[role]
    headers = token(user) if api else {}
    if not api:
        client.force_login(user)
    unit = unit_a if role == "unit_officer_a" else UnitFactory()
    client.get(path, **headers)
    make_work(10, unit)
    few = count(client, path, **headers)
    make_work(990, unit)
    many = count(client, path, **headers)
    assert few == many, f"{name} ({role}): {few} queries for 10 rows, {many} for 1000"
    key = f"{name}:{role}"
    assert many == BASELINE[key], f"{key}: {many} queries, baseline {BASELINE[key]} (query_counts.json)"
