"""The pipeline endpoints: leads with contacts, the convert step, aftercare, rights and scope."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from foreign_affairs.economy.models import AftercareIssue, FDIProject, InvestmentLead

from .factories import AftercareVisitFactory, FDIProjectFactory, InvestmentLeadFactory

pytestmark = pytest.mark.django_db


def test_lead_with_contacts_round_trips(api, officer, unit_a):
    client = api(officer)
    payload = {
        "ref": "lead-api", "name": "Nhà máy", "investor": "API Co.", "country": "JP", "owner_unit": "unit-a",
        "expected_capital_usd": 2500000.5, "stage": "contacted", "response_due_on": "2024-04-01",
        "contacts": [{"date": "2024-03-01", "kind": "call", "summary": "Gọi điện", "unit": "unit-a"}],
    }
    response = client.post("/api/v1/investment-leads/", payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["expected_capital_usd"] == 2500000.5 and data["owner_unit"] == "unit-a"
    assert data["contacts"] == [{"date": "2024-03-01", "kind": "call", "summary": "Gọi điện", "unit": "unit-a"}]
    assert data["response_overdue"] is True and data["project"] is None
    lead = InvestmentLead.objects.get(ref="lead-api")
    assert lead.contacts.get().recorded_by == officer
    history = client.get(f"/api/v1/investment-leads/{lead.pk}/history/").json()
    assert history[-1]["user"] == "officer"


def test_licensed_only_through_convert(api, officer):
    client = api(officer)
    response = client.post("/api/v1/investment-leads/", {"name": "X", "investor": "Y", "stage": "licensed"},
                           format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["stage"][0].startswith("A lead is licensed only when")
    lead = InvestmentLeadFactory()
    project = FDIProjectFactory(ref="fdi-x")
    response = client.patch(f"/api/v1/investment-leads/{lead.pk}/", {"project": "fdi-x"}, format="json")
    assert response.status_code == 200 and response.json()["project"] is None  # read-only here

    response = client.post(f"/api/v1/investment-leads/{lead.pk}/convert/", {"project": "fdi-x"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["project"] == "fdi-x" and response.json()["stage"] == "licensed"
    assert project.lead == InvestmentLead.objects.get(pk=lead.pk)


def test_convert_creates_a_project_and_refusals_change_nothing(api, officer, viewer, unit_officer_a, unit_b):
    lead = InvestmentLeadFactory(owner_unit=unit_b)
    url = f"/api/v1/investment-leads/{lead.pk}/convert/"
    assert api(viewer).post(url, {}, format="json").status_code == 403
    assert api(unit_officer_a).post(url, {}, format="json").status_code == 404
    assert api(officer).post(url, {"capital_usd": -1}, format="json").status_code == 400
    assert not FDIProject.objects.exists()
    response = api(officer).post(url, {"irc_number": "2301", "registered_on": "2024-09-01",
                                       "capital_usd": 1000000}, format="json")
    assert response.status_code == 200
    project = FDIProject.objects.get()
    assert (project.irc_number, project.registered_on, project.capital_usd) == ("2301", date(2024, 9, 1), 1000000)
    again = api(officer).post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and "already became the project" in again.json()["project"][0]
    assert FDIProject.objects.count() == 1


def test_overdue_filter(api, viewer):
    InvestmentLeadFactory(response_due_on=date.today() - timedelta(days=3))
    InvestmentLeadFactory(response_due_on=date.today() + timedelta(days=3))
    client = api(viewer)
    assert client.get("/api/v1/investment-leads/?overdue=true").json()["count"] == 1
    assert client.get("/api/v1/investment-leads/?overdue=false").json()["count"] == 1
    assert client.get("/api/v1/investment-leads/?country=KR&year=2024").json()["count"] == 2


def test_aftercare_issue_rules_and_filters(api, officer, viewer):
    visit = AftercareVisitFactory(ref="visit-x")
    other = FDIProjectFactory(ref="fdi-other")
    client = api(officer)
    bad = client.post("/api/v1/aftercare-issues/", {"project": "fdi-other", "visit": "visit-x",
                                                   "raised_on": "2024-11-20", "issue": "Điện"},
                      format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400 and bad.json() == {"visit": ["The visit was to another project."]}
    good = client.post("/api/v1/aftercare-issues/", {"project": visit.project.ref, "visit": "visit-x",
                                                    "raised_on": "2024-11-20", "issue": "Điện"}, format="json")
    assert good.status_code == 201, good.json()
    assert AftercareIssue.objects.get().project != other
    assert api(viewer).get("/api/v1/aftercare-issues/?open=true").json()["count"] == 1
    assert api(viewer).post("/api/v1/aftercare-visits/", {}, format="json").status_code == 403


def test_unit_officer_sees_and_records_only_its_unit(api, unit_officer_a, unit_a, unit_b):
    InvestmentLeadFactory(owner_unit=unit_a)
    InvestmentLeadFactory(owner_unit=unit_b)
    client = api(unit_officer_a)
    assert client.get("/api/v1/investment-leads/").json()["count"] == 1
    refused = client.post("/api/v1/investment-leads/", {"name": "X", "investor": "Y", "owner_unit": "unit-b"},
                          format="json")
    assert refused.status_code == 400
    assert client.post("/api/v1/investment-leads/", {"name": "X", "investor": "Y", "owner_unit": "unit-a"},
                       format="json").status_code == 201
