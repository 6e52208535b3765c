"""Every list page costs a fixed number of queries, whatever the number of rows: the same for
10 rows as for 50 (with links to other records on every row), and exactly the baseline kept in
query_counts.json (NetBox's tenancy/tests/query_counts.json). A change that adds a query per
page must update the baseline on purpose; one that adds a query per row fails."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreign_affairs.aid.tests.factories import (
    AidDisbursementFactory,
    AidItemFactory,
    ForeignNGOFactory,
    NGOCertificateFactory,
)
from foreign_affairs.consular.tests.factories import ConsularCaseFactory
from foreign_affairs.core.models import Field
from foreign_affairs.core.tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerFactory,
    UnitFactory,
)
from foreign_affairs.economy.tests.factories import (
    AftercareIssueFactory,
    AftercareVisitFactory,
    FDIProjectFactory,
    InvestmentLeadFactory,
    LeadContactFactory,
    ODADisbursementFactory,
    ODAProgrammeFactory,
    StatisticFactory,
)
from foreign_affairs.plans.tests.factories import DirectiveFactory, PlanFactory, TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db

BASELINE_PATH = Path(__file__).parent / "query_counts.json"
BASELINE = json.loads(BASELINE_PATH.read_text())


def _links():
    return {
        "unit": UnitFactory(),
        "partners": [PartnerFactory(), PartnerFactory()],
        "fields": list(Field.objects.order_by("code")[:2]),
    }


def make_units(n, links):
    for _ in range(n):
        UnitFactory(parent=links["unit"], successor=links["unit"])


def make_partners(n, links):
    for _ in range(n):
        PartnerFactory(country_id="KH").fields.set(links["fields"])


def make_agreements(n, links):
    for _ in range(n):
        agreement = AgreementFactory()
        agreement.units.set([links["unit"]])
        agreement.partners.set(links["partners"])
        agreement.fields.set(links["fields"])


def make_delegations(n, links):
    for _ in range(n):
        delegation = DelegationFactory(host_unit=links["unit"])
        delegation.countries.set(["LA", "KH"])
        delegation.partners.set(links["partners"])
        delegation.fields.set(links["fields"])


def make_events(n, links):
    for _ in range(n):
        event = EventFactory(unit=links["unit"], country_id="LA")
        event.partners.set(links["partners"])
        event.fields.set(links["fields"])


def make_fdi_projects(n, links):
    delegation = DelegationFactory(host_unit=links["unit"])
    event = EventFactory(unit=links["unit"])
    for _ in range(n):
        FDIProjectFactory(investor_country_id="KR", origin_delegation=delegation, origin_event=event)


def make_oda_programmes(n, links):
    for _ in range(n):
        ODADisbursementFactory(programme=ODAProgrammeFactory(donors=["ADB", "JICA"]))


def make_statistics(n, links):
    for _ in range(n):
        StatisticFactory(plan=1000)


def make_plans(n, links):
    directive = DirectiveFactory()
    for _ in range(n):
        TaskFactory(group=TaskGroupFactory(plan=PlanFactory(implements=directive)), lead_unit=links["unit"])


def make_consular_cases(n, links):
    for index in range(n):
        ConsularCaseFactory(country_id="LA" if index % 2 else "MY", summary="a case")


def make_reports(n, links):
    from foreign_affairs.reports.models import Report

    for index in range(n):
        Report.objects.create(kind="annual", start=datetime.date(2000 + index, 1, 1),
                              end=datetime.date(2000 + index, 12, 31), unit=links["unit"])
def make_investment_leads(n, links):
    for _ in range(n):
        LeadContactFactory(lead=InvestmentLeadFactory(owner_unit=links["unit"], partner=links["partners"][0]))


def make_aftercare_visits(n, links):
    project = FDIProjectFactory()
    for _ in range(n):
        AftercareVisitFactory(project=project, unit=links["unit"])


def make_aftercare_issues(n, links):
    visit = AftercareVisitFactory()
    for _ in range(n):
        AftercareIssueFactory(project=visit.project, visit=visit, responsible_unit=links["unit"])


def make_foreign_ngos(n, links):
    for _ in range(n):
        ngo = ForeignNGOFactory()
        ngo.fields.set(links["fields"])
        ngo.counterpart_units.set([links["unit"]])
        NGOCertificateFactory(ngo=ngo)


def make_ngo_certificates(n, links):
    ngo = ForeignNGOFactory()
    for _ in range(n):
        NGOCertificateFactory(ngo=ngo)


def make_aid_items(n, links):
    for _ in range(n):
        item = AidItemFactory(managing_unit=links["unit"], donor=links["partners"][0])
        item.beneficiary_units.set([links["unit"]])
        item.fields.set(links["fields"])
        AidDisbursementFactory(item=item)


def make_plan_tasks(n, links):
    from foreign_affairs.plans.tests.factories import TaskLinkFactory

    group = TaskGroupFactory()
    for _ in range(n):
        task = TaskFactory(group=group, lead_unit=links["unit"])
        TaskLinkFactory(task=task, delegation=DelegationFactory())


def make_programmes(n, links):
    from foreign_affairs.plans.tests.factories import ProgrammeFactory, ProgrammeItemFactory

    for _ in range(n):
        ProgrammeItemFactory(programme=ProgrammeFactory(), lead_unit=links["unit"])


def make_programme_items(n, links):
    from foreign_affairs.plans.tests.factories import ProgrammeFactory, ProgrammeItemFactory

    programme = ProgrammeFactory()
    for _ in range(n):
        item = ProgrammeItemFactory(programme=programme, lead_unit=links["unit"])
        item.partners.set(links["partners"])
        item.countries.set(["LA"])


def make_journalist_visits(n, links):
    from foreign_affairs.people.tests.factories import JournalistReporterFactory, JournalistVisitFactory

    for _ in range(n):
        JournalistReporterFactory(visit=JournalistVisitFactory(accompanying_unit=links["unit"]))


def make_honours(n, links):
    from foreign_affairs.people.tests.factories import HonourAwardFactory

    for _ in range(n):
        HonourAwardFactory(recipient_partner=links["partners"][0], proposer_unit=links["unit"], recipient_name="")


def make_overseas_community(n, links):
    from foreign_affairs.people.tests.factories import OverseasCommunityFigureFactory

    for _ in range(n):
        OverseasCommunityFigureFactory(country_id="KR")


def make_experts(n, links):
    from foreign_affairs.people.tests.factories import ExpertFactory

    for _ in range(n):
        ExpertFactory().fields.set(links["fields"])


def make_border_items(n, links):
    from foreign_affairs.people.tests.factories import BorderItemFactory

    for _ in range(n):
        BorderItemFactory(commune=links["unit"], opposite_province=links["partners"][0])


def make_border_events(n, links):
    from foreign_affairs.people.tests.factories import BorderEventFactory

    for _ in range(n):
        BorderEventFactory(unit=links["unit"]).partners.set(links["partners"])


def make_border_figures(n, links):
    from foreign_affairs.people.tests.factories import BorderFigureFactory

    for _ in range(n):
        BorderFigureFactory(opposite_province=links["partners"][0])


MAKERS = {
    "reports": make_reports,
    "units": make_units,
    "partners": make_partners,
    "agreements": make_agreements,
    "delegations": make_delegations,
    "events": make_events,
    "fdi-projects": make_fdi_projects,
    "oda-programmes": make_oda_programmes,
    "statistics": make_statistics,
    "plans": make_plans,
    "consular-cases": make_consular_cases,
    "investment-leads": make_investment_leads,
    "aftercare-visits": make_aftercare_visits,
    "aftercare-issues": make_aftercare_issues,
    "foreign-ngos": make_foreign_ngos,
    "ngo-certificates": make_ngo_certificates,
    "aid-items": make_aid_items,
    "plan-tasks": make_plan_tasks,
    "programmes": make_programmes,
    "programme-items": make_programme_items,
    "journalist-visits": make_journalist_visits,
    "honours": make_honours,
    "overseas-community": make_overseas_community,
    "experts": make_experts,
    "border-items": make_border_items,
    "border-events": make_border_events,
    "border-figures": make_border_figures,
}


def list_queries(client, group: str) -> tuple[int, int]:
    """(queries, rows shown) of one list page, sorted by a linked column and filtered by year."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{group}/")
    assert response.status_code == 200
    return len(queries), len(response.context["rows"])


@pytest.mark.parametrize("group", list(MAKERS))
def test_list_costs_the_same_for_10_and_50_rows(login, officer, group):
    client = login(officer)
    links = _links()
    client.get(f"/{group}/")  # warm per-process caches (content types, sessions)
    MAKERS[group](10, links)
    few, rows_few = list_queries(client, group)
    MAKERS[group](40, links)
    many, rows_many = list_queries(client, group)
    assert rows_few >= 10 and rows_many == 25
    assert few == many, f"{group}: {few} queries for {rows_few} rows, {many} for {rows_many}"
    assert many == BASELINE[group], f"{group}: {many} queries, baseline {BASELINE[group]} (query_counts.json)"


def test_home_and_search_cost_a_fixed_number_of_queries(login, officer):
    client = login(officer)
    links = _links()
    client.get("/")
    for maker in MAKERS.values():
        maker(3, links)
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "a"})
    for maker in MAKERS.values():
        maker(20, links)
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "a"})
    assert len(few) == len(many) == BASELINE["search"]
