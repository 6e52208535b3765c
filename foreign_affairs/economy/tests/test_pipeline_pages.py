"""The pipeline pages: a lead's page with its contact history and the convert step, the forms
keeping what was typed, the overdue filter, aftercare lists and the spreadsheet export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from foreign_affairs.economy.models import FDIProject, InvestmentLead

from .factories import AftercareIssueFactory, FDIProjectFactory, InvestmentLeadFactory, LeadContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def sign_in(user):
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign_in


def test_lead_page_shows_history_contacts_and_the_convert_step(login, officer):
    lead = InvestmentLeadFactory(response_due_on=date.today() - timedelta(days=1))
    LeadContactFactory(lead=lead, summary="Gặp tại Seoul")
    html = login(officer).get(f"/investment-leads/{lead.pk}/").content.decode()
    assert "Gặp tại Seoul" in html and "Contact history" in html
    assert "Response overdue since" in html
    assert f'href="/investment-leads/{lead.pk}/convert/"' in html
    assert "History" in html


def test_convert_on_screen_creates_the_project_and_links_back(login, officer):
    lead = InvestmentLeadFactory(name="Nhà máy Thử")
    client = login(officer)
    assert client.get(f"/investment-leads/{lead.pk}/convert/").status_code == 200
    bad = client.post(f"/investment-leads/{lead.pk}/convert/", {"capital_usd": "-5", "irc_number": "77"})
    assert bad.status_code == 400 and 'value="77"' in bad.content.decode()
    assert not FDIProject.objects.exists()
    response = client.post(f"/investment-leads/{lead.pk}/convert/", {"irc_number": "77", "capital_usd": "1000"})
    project = FDIProject.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fdi-projects/{project.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Investment lead it came from" in page and "Nhà máy Thử" in page
    lead_page = client.get(f"/investment-leads/{lead.pk}/").content.decode()
    assert "This lead became the FDI project" in lead_page and "/convert/" not in lead_page


def test_convert_page_rights(login, viewer, unit_officer_a, unit_b):
    lead = InvestmentLeadFactory(owner_unit=unit_b)
    assert login(viewer).get(f"/investment-leads/{lead.pk}/convert/").status_code == 403
    assert login(unit_officer_a).get(f"/investment-leads/{lead.pk}/convert/").status_code == 404
    assert login(unit_officer_a).post(f"/investment-leads/{lead.pk}/convert/", {}).status_code == 404
    assert not FDIProject.objects.exists()


def test_lead_form_offers_no_licensed_stage_and_keeps_input_on_error(login, officer):
    client = login(officer)
    form = client.get("/investment-leads/add/").content.decode()
    assert 'value="proposal"' in form and 'value="licensed"' not in form
    response = client.post("/investment-leads/add/", {
        "name": "Trung tâm dữ liệu", "investor": "Data Co.", "stage": "proposal",
        "received_on": "2024-05-10", "responded_on": "2024-05-01",
    })
    html = response.content.decode()
    assert response.status_code == 200 and "A lead cannot be answered before it was received." in html
    assert 'value="Trung tâm dữ liệu"' in html and not InvestmentLead.objects.exists()


def test_lead_list_filters_overdue_and_exports(login, officer):
    late = InvestmentLeadFactory(name="Late lead", response_due_on=date.today() - timedelta(days=5))
    InvestmentLeadFactory(name="On time lead", response_due_on=date.today() + timedelta(days=5))
    client = login(officer)
    html = client.get("/investment-leads/?overdue=true").content.decode()
    assert "Late lead" in html and "On time lead" not in html and "Overdue" in html
    export = client.get("/investment-leads/export/?fmt=csv&overdue=true").content.decode("utf-8-sig")
    assert export.splitlines()[0].startswith("ref,name,investor") and late.ref in export
    assert len(export.strip().splitlines()) == 2


def test_aftercare_issue_list_open_filter_and_fdi_page(login, viewer):
    project = FDIProjectFactory(name="Nhà máy A")
    AftercareIssueFactory(project=project, issue="Thiếu điện")
    AftercareIssueFactory(project=project, issue="Đã xong", status="resolved", resolved_on=date(2024, 12, 1))
    client = login(viewer)
    html = client.get("/aftercare-issues/?open=true").content.decode()
    assert "Thiếu điện" in html and "Đã xong" not in html
    page = client.get(f"/fdi-projects/{project.pk}/").content.decode()
    assert "Aftercare issues" in page and "Thiếu điện" in page
