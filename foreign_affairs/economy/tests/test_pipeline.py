"""The investment pipeline and aftercare: leads with their contact history, a lead becoming an
FDI project (lead_convert), overdue answers, aftercare issues; services and selectors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from foreign_affairs.core.services import record_save
from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.economy.models import FDIProject, InvestmentLead
from foreign_affairs.economy.selectors import (
    aftercare_open_issue_list,
    fdi_by_country,
    fdi_stock,
    lead_overdue_list,
    lead_pipeline,
)
from foreign_affairs.economy.services import investment_lead_save, lead_convert

from .factories import (
    AftercareIssueFactory,
    AftercareVisitFactory,
    CapitalAdjustmentFactory,
    FDIProjectFactory,
    InvestmentLeadFactory,
    LeadContactFactory,
)

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def english():
    """The rules' messages are compared as written in English."""
    with translation.override("en"):
        yield



def messages_of(exc_info) -> dict:
    return {name: [str(m) for m in messages] for name, messages in exc_info.value.message_dict.items()}


def test_lead_saved_with_its_contact_history(officer, unit_a):
    lead = InvestmentLead(name="Nhà máy", investor="Test Co.", owner_unit=unit_a)
    investment_lead_save(lead=lead, actor=officer, contacts=[
        {"date": date(2024, 3, 1), "kind": "meeting", "summary": "Gặp lần đầu", "unit": unit_a},
        {"date": date(2024, 4, 1), "kind": "site_visit", "summary": "Khảo sát"},
    ])
    assert lead.ref.startswith("lead-") and lead.stage == "lead"
    assert [c.kind for c in lead.contacts.all()] == ["meeting", "site_visit"]
    assert all(c.recorded_by == officer for c in lead.contacts.all())
    investment_lead_save(lead=lead, actor=officer, contacts=[])
    assert not lead.contacts.exists()
    assert lead.history.first().history_user == officer


def test_convert_creates_the_project_from_the_lead_and_keeps_the_lead(officer, unit_a):
    delegation, event = DelegationFactory(), EventFactory()
    lead = InvestmentLeadFactory(owner_unit=unit_a, origin_delegation=delegation, origin_event=event,
                                 sector="Điện tử", expected_capital_usd=Decimal("50000000"))
    LeadContactFactory(lead=lead)
    project = lead_convert(lead=lead, actor=officer, irc_number="123", registered_on=date(2024, 9, 1),
                           capital_usd=Decimal("42000000.50"))
    lead.refresh_from_db()
    assert lead.stage == "licensed" and lead.project == project and project.lead == lead
    assert (project.name, project.investor, project.investor_country_id, project.sector) == (
        lead.name, lead.investor, "KR", "Điện tử")
    assert project.origin_delegation == delegation and project.origin_event == event
    assert project.capital_usd == Decimal("42000000.50") and project.irc_number == "123"
    assert lead.contacts.count() == 1  # the contact history stays with the lead
    assert lead.history.first().history_change_reason == "converted to an FDI project"
    assert lead.history.count() == 2 and project.history.first().history_user == officer


def test_convert_never_copies_the_expected_capital(officer):
    lead = InvestmentLeadFactory(expected_capital_usd=Decimal("50000000"))
    project = lead_convert(lead=lead, actor=officer)
    assert project.capital_usd is None and project.registered_on is None


def test_convert_links_a_project_already_recorded(officer):
    project = FDIProjectFactory()
    lead = InvestmentLeadFactory()
    assert lead_convert(lead=lead, actor=officer, project=project) == project
    assert FDIProject.objects.count() == 1
    lead.refresh_from_db()
    assert lead.project == project and lead.stage == "licensed"


def test_convert_is_refused_for_a_dropped_lead_a_converted_lead_or_a_taken_project(officer):
    dropped = InvestmentLeadFactory(stage="dropped")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        lead_convert(lead=dropped, actor=officer)
    assert messages_of(exc) == {"stage": ["A dropped lead cannot become a project; reopen it first."]}

    first = InvestmentLeadFactory()
    project = lead_convert(lead=first, actor=officer)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        lead_convert(lead=first, actor=officer, project=FDIProjectFactory())
    assert messages_of(exc) == {"project": [f"This lead already became the project “{project}”."]}
    other = InvestmentLeadFactory()
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        lead_convert(lead=other, actor=officer, project=project)
    assert messages_of(exc) == {"project": [f"The project “{project}” already came from the lead “{first}”."]}
    other.refresh_from_db()
    assert other.stage == "contacted" and FDIProject.objects.count() == 2


def test_convert_needs_the_right_and_the_scope(viewer, unit_officer_a, unit_a, unit_b):
    lead = InvestmentLeadFactory(owner_unit=unit_b)
    with pytest.raises(PermissionDenied):
        lead_convert(lead=lead, actor=viewer)
    with pytest.raises(PermissionDenied):
        lead_convert(lead=lead, actor=unit_officer_a)
    own = InvestmentLeadFactory(owner_unit=unit_a)
    assert lead_convert(lead=own, actor=unit_officer_a).lead == own
    lead.refresh_from_db()
    assert lead.project is None and FDIProject.objects.count() == 1


def test_licensed_needs_a_project_and_a_project_makes_licensed(officer):
    lead = InvestmentLeadFactory()
    lead.stage = "licensed"
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=lead, actor=officer)
    assert messages_of(exc)["stage"][0].startswith("A lead is licensed only when it is linked to the FDI project")
    lead.refresh_from_db()
    lead.project = FDIProjectFactory()
    with pytest.raises(ValidationError):
        record_save(instance=lead, actor=officer)


def test_lead_rules_on_dates_and_capital(officer):
    lead = InvestmentLeadFactory.build(received_on=date(2024, 3, 10), responded_on=date(2024, 3, 1),
                                       expected_capital_usd=Decimal("-1"))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=lead, actor=officer)
    assert messages_of(exc) == {
        "expected_capital_usd": ["Expected capital cannot be negative."],
        "responded_on": ["A lead cannot be answered before it was received."],
    }
    assert not InvestmentLead.objects.exists()


def test_overdue_leads_are_open_unanswered_and_past_due():
    today = date(2024, 6, 1)
    late = InvestmentLeadFactory(response_due_on=date(2024, 5, 1))
    later = InvestmentLeadFactory(response_due_on=date(2024, 4, 1))
    InvestmentLeadFactory(response_due_on=date(2024, 5, 1), responded_on=date(2024, 4, 30))  # answered
    InvestmentLeadFactory(response_due_on=date(2024, 5, 1), stage="dropped")  # closed
    InvestmentLeadFactory(response_due_on=date(2024, 6, 1))  # due today: not yet late
    assert list(lead_overdue_list(today=today)) == [later, late]
    assert late.response_overdue(today) and not late.response_overdue(date(2024, 5, 1))


def test_overdue_list_and_pipeline_follow_the_unit_scope(unit_officer_a, unit_a, unit_b):
    mine = InvestmentLeadFactory(owner_unit=unit_a, response_due_on=date(2024, 1, 1))
    InvestmentLeadFactory(owner_unit=unit_b, response_due_on=date(2024, 1, 1), stage="proposal")
    assert list(lead_overdue_list(today=date(2024, 6, 1), user=unit_officer_a)) == [mine]
    pipeline = lead_pipeline(user=unit_officer_a)
    assert pipeline["contacted"] == 1 and pipeline["proposal"] == 0 and set(pipeline) >= {"lead", "dropped"}
    assert lead_pipeline()["proposal"] == 1


def test_aftercare_issue_rules(officer):
    visit = AftercareVisitFactory()
    issue = AftercareIssueFactory.build(project=FDIProjectFactory(), visit=visit, status="resolved",
                                        raised_on=date(2024, 5, 1))
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=issue, actor=officer)
    assert messages_of(exc) == {
        "resolved_on": ["A resolved issue needs the date it was resolved."],
        "visit": ["The visit was to another project."],
    }
    issue.visit, issue.resolved_on = None, date(2024, 4, 1)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        record_save(instance=issue, actor=officer)
    assert messages_of(exc) == {"resolved_on": ["An issue cannot be resolved before it was raised."]}


def test_open_issues_oldest_first_in_scope(unit_officer_a, unit_a, unit_b):
    old = AftercareIssueFactory(responsible_unit=unit_a, raised_on=date(2024, 1, 1))
    new = AftercareIssueFactory(responsible_unit=unit_a, raised_on=date(2024, 6, 1), status="in_progress")
    AftercareIssueFactory(responsible_unit=unit_a, status="resolved", resolved_on=date(2024, 12, 1))
    AftercareIssueFactory(responsible_unit=unit_b)
    assert list(aftercare_open_issue_list(user=unit_officer_a)) == [old, new]
    assert aftercare_open_issue_list().count() == 3


def test_fdi_stock_and_capital_by_country():
    kr = FDIProjectFactory(registered_on=date(2023, 5, 1), capital_usd=Decimal("100"))
    FDIProjectFactory(registered_on=date(2024, 2, 1), capital_usd=Decimal("50"), investor_country_id="CN")
    FDIProjectFactory(registered_on=date(2022, 2, 1), capital_usd=Decimal("70"), status="terminated")
    FDIProjectFactory(registered_on=None, capital_usd=Decimal("999"))
    CapitalAdjustmentFactory(project=kr, date=date(2024, 3, 1), delta_usd=Decimal("25"))
    CapitalAdjustmentFactory(project=kr, date=date(2025, 3, 1), delta_usd=Decimal("-5"))
    assert fdi_stock(on=date(2024, 12, 31)) == {"fdi_active_projects": 2, "fdi_active_capital_usd": Decimal("175")}
    assert fdi_stock(on=date(2023, 12, 31)) == {"fdi_active_projects": 1, "fdi_active_capital_usd": Decimal("100")}
    assert fdi_by_country(start=date(2024, 1, 1), end=date(2024, 12, 31)) == [
        {"country": "CN", "new_projects": 1, "capital_usd": Decimal("50")},
        {"country": "KR", "new_projects": 0, "capital_usd": Decimal("25")},
    ]


def test_unit_officer_records_leads_only_for_its_unit(unit_officer_a, unit_a):
    other = UnitFactory()
    lead = InvestmentLead(name="X", investor="Y", owner_unit=other)
    with pytest.raises(ValidationError):
        investment_lead_save(lead=lead, actor=unit_officer_a)
    assert not InvestmentLead.objects.exists()
    lead = InvestmentLead(name="X", investor="Y", owner_unit=unit_a)
    investment_lead_save(lead=lead, actor=unit_officer_a)
    assert InvestmentLead.objects.get().owner_unit == unit_a
