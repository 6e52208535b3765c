"""The economy endpoints: bundle field names, nested rows written with their record, rights."""

from __future__ import annotations

from decimal import Decimal

import pytest

from foreign_affairs.economy.models import FDIProject, ODAProgramme, Statistic

from .factories import CapitalAdjustmentFactory, FDIProjectFactory, ODAProgrammeFactory, StatisticFactory

pytestmark = pytest.mark.django_db


def test_fdi_project_with_adjustments_round_trips(api, officer):
    client = api(officer)
    payload = {
        "ref": "fdi-api", "name": "Nhà máy API", "investor_country": "KR", "registered_on": "2024-04-02",
        "capital_usd": 1500000.5, "status": "licensed", "estimated": True,
        "adjustments": [{"date": "2024-09-01", "delta_usd": -200000, "note": "giảm vốn"}],
    }
    response = client.post("/api/v1/fdi-projects/", payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["capital_usd"] == 1500000.5
    assert data["adjustments"] == [{"date": "2024-09-01", "delta_usd": -200000.0, "note": "giảm vốn"}]
    project = FDIProject.objects.get(ref="fdi-api")
    assert project.capital_usd == Decimal("1500000.50")
    response = client.patch(f"/api/v1/fdi-projects/{project.pk}/", {"adjustments": []}, format="json")
    assert response.status_code == 200 and project.adjustments.count() == 0
    history = client.get(f"/api/v1/fdi-projects/{project.pk}/history/").json()
    assert history[-1]["user"] == "officer"


def test_negative_capital_is_refused(api, officer):
    response = api(officer).post(
        "/api/v1/fdi-projects/", {"name": "X", "capital_usd": -1}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {"capital_usd": ["Registered capital cannot be negative."]}
    assert not FDIProject.objects.exists()


def test_oda_programme_years_and_disbursements(api, officer):
    client = api(officer)
    bad = client.post("/api/v1/oda-programmes/", {"name": "P", "start_year": 2025, "end_year": 2020}, format="json",
                      HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400 and bad.json() == {"end_year": ["An ODA programme cannot end before it starts."]}
    good = client.post("/api/v1/oda-programmes/", {
        "name": "P", "donors": ["JICA"], "kind": "grant", "start_year": 2020, "end_year": 2025,
        "disbursements": [{"year": 2021, "amount_vnd": 5000}],
    }, format="json")
    assert good.status_code == 201, good.json()
    assert ODAProgramme.objects.get().disbursements.get().amount_vnd == 5000


def test_statistic_needs_a_source_and_a_known_indicator(api, officer):
    client = api(officer)
    base = {"indicator": "export_turnover_usd", "start": "2024-01-01", "end": "2024-12-31", "value": 3200000000}
    response = client.post("/api/v1/statistics/", base, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"source_title": ["A statistic without a source is refused: give the source's title."]}
    unknown = client.post("/api/v1/statistics/", {**base, "indicator": "nope", "source": {"title": "T"}}, format="json")
    assert unknown.status_code == 400 and "indicator" in unknown.json()
    response = client.post("/api/v1/statistics/", {**base, "source": {"title": "Báo", "published_on": "2025-01-02"}},
                           format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["source"] == {"title": "Báo", "url": "", "published_on": "2025-01-02", "publisher": ""}
    assert Statistic.objects.get().value == Decimal("3200000000")


def test_filters_named_after_bundle_fields(api, viewer):
    FDIProjectFactory(investor_country_id="KR", status="operating")
    FDIProjectFactory(investor_country_id="JP", registered_on="2023-02-01")
    ODAProgrammeFactory(start_year=2018, end_year=2020)
    ODAProgrammeFactory(start_year=2022, end_year=2026)
    StatisticFactory()
    client = api(viewer)
    assert client.get("/api/v1/fdi-projects/?investor_country=KR").json()["count"] == 1
    assert client.get("/api/v1/fdi-projects/?status=operating").json()["count"] == 1
    assert client.get("/api/v1/fdi-projects/?year=2023").json()["count"] == 1
    assert client.get("/api/v1/oda-programmes/?year=2024").json()["count"] == 1
    assert client.get("/api/v1/statistics/?indicator=export_turnover_usd&year=2023").json()["count"] == 1
    assert client.get("/api/v1/indicators/").json()["count"] == 24


def test_roles(api, viewer, unit_officer_a):
    project = FDIProjectFactory()
    assert api(viewer).get(f"/api/v1/fdi-projects/{project.pk}/").status_code == 200
    assert api(viewer).post("/api/v1/statistics/", {}, format="json").status_code == 403
    assert api(unit_officer_a).post("/api/v1/statistics/", {
        "indicator": "workers_abroad", "start": "2024-01-01", "end": "2024-12-31", "value": 24000,
        "source": {"title": "Sở LĐ"}}, format="json").status_code == 201
    assert api(unit_officer_a).post("/api/v1/oda-programmes/", {"name": "P"}, format="json").status_code == 403
    assert api(unit_officer_a).delete(f"/api/v1/fdi-projects/{project.pk}/").status_code in (403, 404)
    assert api(viewer).get("/api/v1/fdi-projects/").json()["count"] == 1
    CapitalAdjustmentFactory(project=project)
