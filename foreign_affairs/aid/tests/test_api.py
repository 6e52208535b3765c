"""The aid and NGO endpoints: exact amounts, disbursements written with their item, the
transition step (409/403/400 with a message, nothing changed), expiring certificates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from foreign_affairs.aid.models import AidItem, ForeignNGO
from foreign_affairs.core.tests.factories import PartnerFactory

from .factories import AidItemFactory, ForeignNGOFactory, NGOCertificateFactory

pytestmark = pytest.mark.django_db


def test_aid_item_with_disbursements_round_trips(api, officer, unit_a):
    PartnerFactory(ref="p-ngo", kind="ngo")
    client = api(officer)
    payload = {
        "ref": "aid-api", "donor": "p-ngo", "modality": "non_project", "title": "Thiết bị y tế",
        "fields": ["health"], "beneficiary_units": ["unit-a"], "managing_unit": "unit-a",
        "committed_amount": 90000.1, "currency": "EUR", "committed_usd": 97650.11, "counterpart_vnd": 50000000,
        "disbursements": [{"date": "2024-05-01", "amount": 45000.05, "amount_usd": 48825.06}],
    }
    response = client.post("/api/v1/aid-items/", payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["committed_usd"] == 97650.11 and data["status"] == "proposed"
    assert data["disbursements"] == [{"date": "2024-05-01", "amount": 45000.05, "amount_usd": 48825.06, "note": ""}]
    assert data["fields"] == ["health"] and data["beneficiary_units"] == ["unit-a"]
    item = AidItem.objects.get(ref="aid-api")
    assert item.committed_usd == Decimal("97650.11") and item.disbursements.get().amount == Decimal("45000.05")
    refused = client.patch(f"/api/v1/aid-items/{item.pk}/", {"status": "approved"}, format="json")
    assert refused.status_code == 400 and "transition" in refused.json()["status"][0]
    assert client.get(f"/api/v1/aid-items/{item.pk}/history/").json()[-1]["user"] == "officer"


def test_transition_step(api, officer, viewer):
    item = AidItemFactory(status="appraising")
    url = f"/api/v1/aid-items/{item.pk}/transition/"
    client = api(officer)
    assert api(viewer).post(url, {"to": "approved", "decision_no": "1"}, format="json").status_code == 403
    missing = client.post(url, {"to": "approved"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 400 and missing.json() == {"decision_no": ["Give the number of the approval "
                                                                             "decision."]}
    wrong = client.post(url, {"to": "settled"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert wrong.status_code == 409
    assert wrong.json() == {"detail": "An aid item that is being appraised cannot become settled."}
    done = client.post(url, {"to": "approved", "decision_no": "12/QĐ-UBND", "on": "2024-01-31"}, format="json")
    assert done.status_code == 200, done.json()
    assert done.json()["status"] == "approved" and done.json()["start_deadline"] == "2024-07-31"
    item.refresh_from_db()
    assert item.approval_no == "12/QĐ-UBND"


def test_start_overdue_filter_and_scope(api, viewer, unit_officer_a, unit_a, unit_b):
    AidItemFactory(status="approved", approved_on=date.today() - timedelta(days=400), approval_no="1",
                   managing_unit=unit_a)
    AidItemFactory(status="approved", approved_on=date.today(), approval_no="2", managing_unit=unit_b)
    assert api(viewer).get("/api/v1/aid-items/?start_overdue=true").json()["count"] == 1
    assert api(unit_officer_a).get("/api/v1/aid-items/").json()["count"] == 1
    other = AidItem.objects.get(managing_unit=unit_b)
    assert api(unit_officer_a).get(f"/api/v1/aid-items/{other.pk}/").status_code == 404
    assert api(unit_officer_a).post(f"/api/v1/aid-items/{other.pk}/transition/", {"to": "implementing"},
                                    format="json").status_code == 404


def test_ngos_and_expiring_certificates(api, officer, viewer):
    soon = NGOCertificateFactory(issued_on=date.today() - timedelta(days=700),
                                 expires_on=date.today() + timedelta(days=20))
    NGOCertificateFactory(issued_on=date.today() - timedelta(days=10), expires_on=date.today() + timedelta(days=300))
    client = api(viewer)
    listing = client.get("/api/v1/ngo-certificates/?expires_within=30").json()
    assert listing["count"] == 1 and listing["results"][0]["ref"] == soon.ref
    ngos = client.get("/api/v1/foreign-ngos/?expires_within=30").json()
    assert [n["ref"] for n in ngos["results"]] == [soon.ngo.ref]
    assert client.get("/api/v1/foreign-ngos/?expires_within=many").status_code == 400
    company = PartnerFactory(ref="p-co", kind="enterprise")
    bad = api(officer).post("/api/v1/foreign-ngos/", {"partner": "p-co"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400 and "Non-governmental organisation" in bad.json()["partner"][0]
    assert not ForeignNGO.objects.filter(partner=company).exists()
    PartnerFactory(ref="p-ngo2", kind="ngo", country_id="AU")
    good = api(officer).post("/api/v1/foreign-ngos/", {"partner": "p-ngo2", "fields": ["health"]}, format="json")
    assert good.status_code == 201 and good.json()["country"] == "AU"
    assert api(viewer).post("/api/v1/foreign-ngos/", {"partner": "p-ngo2"}, format="json").status_code == 403
    ForeignNGOFactory()
