"""The people's-records API: reporters and experts are personal data (hidden or refused without
the permission, every showing logged), unit officers record for their own unit, filters are
named after the bundle fields, and lists cost a fixed number of queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreign_affairs.api.tests.test_query_counts import list_queries
from foreign_affairs.core.models import Field, PersonalDataAccess
from foreign_affairs.core.tests.factories import PartnerFactory, UnitFactory
from foreign_affairs.people.models import JournalistReporter, JournalistVisit

from .factories import (
    BorderEventFactory,
    BorderFigureFactory,
    BorderItemFactory,
    ExpertFactory,
    HonourAwardFactory,
    JournalistReporterFactory,
    JournalistVisitFactory,
    OverseasCommunityFigureFactory,
)

pytestmark = pytest.mark.django_db
API_BASELINE = json.loads((Path(__file__).parents[2] / "api" / "tests" / "query_counts.json").read_text())


@pytest.mark.parametrize("name", ["viewer", "unit_officer_a"])
def test_reporters_are_hidden_without_the_permission(api, role_users, unit_a, name):
    visit = JournalistVisitFactory(accompanying_unit=unit_a)
    JournalistReporterFactory(visit=visit, full_name="Tanaka Hiroshi")
    client = api(role_users[name])
    data = client.get(f"/api/v1/journalist-visits/{visit.pk}/").json()
    assert data["outlet"] == visit.outlet and "reporters" not in data
    assert "Tanaka" not in json.dumps(client.get("/api/v1/journalist-visits/").json())
    assert not PersonalDataAccess.objects.exists()


def test_officer_reads_reporters_and_each_response_is_logged(api, officer):
    visits = JournalistVisitFactory.create_batch(2)
    for visit in visits:
        JournalistReporterFactory(visit=visit)
    client = api(officer)
    rows = client.get("/api/v1/journalist-visits/").json()["results"]
    assert all(len(row["reporters"]) == 1 for row in rows)
    assert PersonalDataAccess.objects.filter(user=officer, record_type="people.journalistvisit").count() == 2
    body = {"reporters": [{"full_name": "Sato Yuki", "position": "Camera", "nationality": "JP"}]}
    response = client.patch(f"/api/v1/journalist-visits/{visits[0].pk}/", body, format="json")
    assert response.status_code == 200, response.json()
    assert list(JournalistReporter.objects.filter(visit=visits[0]).values_list("full_name", flat=True)) == ["Sato Yuki"]
    assert PersonalDataAccess.objects.filter(record_id=visits[0].pk, channel__endswith=f"/{visits[0].pk}/").exists()


def test_a_visit_moves_forward_only_in_the_api(api, officer):
    visit = JournalistVisitFactory(status="agreed")
    client = api(officer)
    response = client.patch(f"/api/v1/journalist-visits/{visit.pk}/", {"status": "notified"}, format="json",
                            HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"status": ["A visit cannot go from “Agreed” to “Notified”."]}
    assert client.patch(f"/api/v1/journalist-visits/{visit.pk}/", {"status": "completed"},
                        format="json").status_code == 200
    assert JournalistVisit.objects.get(pk=visit.pk).status == "completed"


@pytest.mark.parametrize("name", ["viewer", "unit_officer_a"])
def test_experts_are_refused_without_the_permission(api, role_users, name):
    expert = ExpertFactory()
    client = api(role_users[name])
    assert client.get("/api/v1/experts/").status_code == 403
    assert client.get(f"/api/v1/experts/{expert.pk}/").status_code == 403
    assert client.get(f"/api/v1/experts/{expert.pk}/history/").status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_experts_are_read_by_officers_and_approvers_and_every_read_is_logged(api, officer, approver):
    experts = ExpertFactory.create_batch(3)
    assert len(api(approver).get("/api/v1/experts/").json()["results"]) == 3
    assert api(approver).post("/api/v1/experts/", {"full_name": "X"}, format="json").status_code == 403
    client = api(officer)
    client.get(f"/api/v1/experts/{experts[0].pk}/")
    client.get(f"/api/v1/experts/{experts[0].pk}/history/")
    assert PersonalDataAccess.objects.filter(record_type="people.expert").count() == 3 + 2
    response = client.post("/api/v1/experts/", {"full_name": "Lê Văn C", "country": "JP", "fields": ["health"],
                                                "email": "bad"}, format="json")
    assert response.status_code == 400 and "email" in response.json()


def test_unit_officers_record_border_items_of_their_communes(api, unit_officer_a, unit_a, unit_b):
    mine = BorderItemFactory(commune=unit_a)
    BorderItemFactory(commune=unit_b)
    client = api(unit_officer_a)
    assert [row["ref"] for row in client.get("/api/v1/border-items/").json()["results"]] == [mine.ref]
    body = {"kind": "opening", "name": "Lối mở", "commune": unit_b.ref}
    response = client.post("/api/v1/border-items/", body, format="json")
    assert response.status_code == 400 and "commune" in response.json()
    body["commune"] = unit_a.ref
    assert client.post("/api/v1/border-items/", body, format="json").status_code == 201
    # Figures are the office's: read, not written.
    assert client.get("/api/v1/border-figures/").status_code == 200
    assert client.post("/api/v1/border-figures/", {"year": 2024}, format="json").status_code == 403


def test_filters_named_after_the_bundle_fields(api, viewer):
    partner = PartnerFactory(ref="p-la")
    gate = BorderItemFactory(kind="border_gate", gate_class="secondary", opposite_province=partner)
    BorderItemFactory(kind="marker")
    event = BorderEventFactory(ref="bevent-x")
    event.items.set([gate])
    BorderEventFactory()
    HonourAwardFactory(ref="h-la", recipient_country_id="LA")
    HonourAwardFactory(recipient_country_id="JP")
    OverseasCommunityFigureFactory(ref="ov-all", country=None, year=2023)
    OverseasCommunityFigureFactory(country_id="KR", year=2024)
    client = api(viewer)

    def refs(path, **params):
        return [row["ref"] for row in client.get(path, params).json()["results"]]

    assert refs("/api/v1/border-items/", gate_class="secondary", opposite_province="p-la") == [gate.ref]
    assert refs("/api/v1/border-events/", items=gate.ref) == ["bevent-x"]
    assert refs("/api/v1/honours/", country="LA") == ["h-la"]
    assert refs("/api/v1/overseas-community/", year=2023) == ["ov-all"]
    assert refs("/api/v1/overseas-community/", overall="true") == ["ov-all"]


def test_figures_are_read_and_written_with_their_source(api, officer):
    client = api(officer)
    body = {"ref": "bf-1", "year": 2023, "length_km": 468.281, "village_pairs": 21, "post_pairs": 8,
            "source": {"title": "VNA", "url": "https://example.org/vna"}}
    response = client.post("/api/v1/border-figures/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["length_km"] == 468.281 and response.json()["source"]["title"] == "VNA"
    response = client.post("/api/v1/overseas-community/", {"ref": "ov-x", "population": 5}, format="json",
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["source_title"] == ["A figure without a source is refused: give the source's title."]


def make_visits(n):
    unit = UnitFactory()
    for _ in range(n):
        JournalistReporterFactory.create_batch(2, visit=JournalistVisitFactory(accompanying_unit=unit))


def make_honours(n):
    unit, partner = UnitFactory(), PartnerFactory()
    for _ in range(n):
        HonourAwardFactory(recipient_partner=partner, proposer_unit=unit)


def make_overseas(n):
    for _ in range(n):
        OverseasCommunityFigureFactory(country_id="KR")


def make_experts(n):
    fields = list(Field.objects.filter(code__in=["health", "education"]))
    for _ in range(n):
        ExpertFactory().fields.set(fields)


def make_border_items(n):
    unit, partner = UnitFactory(), PartnerFactory()
    for _ in range(n):
        BorderItemFactory(commune=unit, opposite_province=partner)


def make_border_events(n):
    unit, partner, item = UnitFactory(), PartnerFactory(), BorderItemFactory()
    for _ in range(n):
        event = BorderEventFactory(unit=unit)
        event.items.set([item])
        event.partners.set([partner])


def make_border_figures(n):
    partner = PartnerFactory()
    for _ in range(n):
        BorderFigureFactory(opposite_province=partner)


MAKERS = {
    "journalist-visits": make_visits,
    "honours": make_honours,
    "overseas-community": make_overseas,
    "experts": make_experts,
    "border-items": make_border_items,
    "border-events": make_border_events,
    "border-figures": make_border_figures,
}


@pytest.mark.parametrize("group", list(MAKERS))
def test_api_list_costs_the_same_for_10_and_60_rows(api, officer, group):
    client = api(officer)
    MAKERS[group](10)
    few, few_rows = list_queries(client, group)
    MAKERS[group](50)
    many, many_rows = list_queries(client, group)
    assert many_rows - few_rows == 50
    assert few == many, f"{group}: {few} queries for {few_rows} rows, {many} for {many_rows}"
    assert many == API_BASELINE.get(group), f"{group}: {many} queries, baseline {API_BASELINE.get(group)}"
