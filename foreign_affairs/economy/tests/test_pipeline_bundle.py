"""The investment_leads, aftercare_visits and aftercare_issues sections: lossless round trip and
one clear line per problem, nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from foreign_affairs.core.bundle import dump_bundle, export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.bundle.tabular import export_rows, import_rows, read_rows, template_bytes, write_table
from foreign_affairs.economy.models import AftercareIssue, AftercareVisit, InvestmentLead

from .factories import FDIProjectFactory, InvestmentLeadFactory
from .pipeline_data import PIPELINE_YAML

pytestmark = pytest.mark.django_db
SECTIONS = ["investment_leads", "aftercare_visits", "aftercare_issues"]


@pytest.fixture
def bundle():
    return parse_bundle_text(PIPELINE_YAML)


def test_round_trip_is_lossless(bundle):
    assert import_bundle(bundle).ok
    lead = InvestmentLead.objects.get(ref="lead-hanil")
    assert lead.project.ref == "fdi-hanil" and lead.stage == "licensed"
    assert lead.expected_capital_usd == Decimal("100000000.50")
    assert [(c.kind, c.unit and c.unit.ref) for c in lead.contacts.all()] == [("meeting", "u-dofa"),
                                                                            ("site_visit", None)]
    assert AftercareIssue.objects.get(ref="issue-power").visit.ref == "visit-1"

    first = export_bundle(sections=SECTIONS)
    again = import_bundle(parse_bundle_text(dump_bundle(first)))
    assert again.ok
    assert {k: again.unchanged[k] for k in SECTIONS} == {"investment_leads": 3, "aftercare_visits": 1,
                                                         "aftercare_issues": 2}
    assert export_bundle(sections=SECTIONS) == first
    dropped = next(item for item in first["investment_leads"] if item["ref"] == "lead-dropped")
    assert dropped == {"ref": "lead-dropped", "name": "Khách sạn", "investor": "Dropped Inc.", "stage": "dropped",
                       "outcome": "Chọn tỉnh khác"}
    assert next(i for i in first["investment_leads"] if i["ref"] == "lead-hanil")["expected_capital_usd"] == 100000000.5


BAD = [
    ("investment_leads", 0, {"project": None},
     "investment_leads[0] (lead-hanil): stage: A lead is licensed only when it is linked to the FDI project it "
     "became (use “Convert to FDI project”); a lead linked to a project is licensed."),
    ("investment_leads", 1, {"project": "fdi-hanil"},
     "investment_leads[1] (lead-open): stage: A lead is licensed only when it is linked to the FDI project it "
     "became (use “Convert to FDI project”); a lead linked to a project is licensed."),
    ("investment_leads", 1, {"project": "fdi-hanil", "stage": "licensed"},
     "investment_leads[1] (lead-open): project: the FDI project 'fdi-hanil' is already named by "
     "investment_leads[0]"),
    ("investment_leads", 1, {"stage": "negotiating"},
     "investment_leads[1] (lead-open): stage: unknown code 'negotiating'; expected one of: lead, contacted, "
     "site_visit, proposal, investment_policy, licensed, dropped"),
    ("investment_leads", 1, {"expected_capital_usd": -5},
     "investment_leads[1] (lead-open): expected_capital_usd: expected capital cannot be negative (got -5)"),
    ("investment_leads", 1, {"owner_unit": "u-nowhere"},
     "investment_leads[1] (lead-open): owner_unit: unknown unit ref 'u-nowhere' (not in this bundle or the "
     "database)"),
    ("investment_leads", 1, {"responded_on": "2024-05-01"},
     "investment_leads[1] (lead-open): responded_on: A lead cannot be answered before it was received."),
    ("investment_leads", 1, {"investor": None}, "investment_leads[1] (lead-open): investor: required field is missing"),
    ("investment_leads", 0, {"contacts": [{"date": "1/3/2024", "summary": "x"}]},
     "investment_leads[0] (lead-hanil): contacts[0].date: malformed date '1/3/2024'; expected YYYY-MM-DD"),
    ("aftercare_issues", 0, {"status": "resolved", "resolved_on": None},
     "aftercare_issues[0] (issue-power): resolved_on: A resolved issue needs the date it was resolved."),
    ("aftercare_issues", 1, {"visit": "visit-1", "project": "fdi-other"},
     "aftercare_issues[1] (issue-labour): visit: the visit 'visit-1' was to the project 'fdi-hanil', not "
     "'fdi-other'"),
    ("aftercare_visits", 0, {"project": "fdi-nowhere"},
     "aftercare_visits[0] (visit-1): project: unknown FDI project ref 'fdi-nowhere' (not in this bundle or the "
     "database)"),
]


@pytest.mark.parametrize(("section", "index", "change", "line"), BAD, ids=[b[3].split(": ", 1)[1][:60] for b in BAD])
def test_bad_input_is_refused_with_one_line(bundle, section, index, change, line):
    bundle["fdi_projects"].append({"ref": "fdi-other", "name": "Khác"})
    bundle[section][index].update(change)
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [line]
    assert not InvestmentLead.objects.exists() and not AftercareVisit.objects.exists()


def test_a_project_that_came_from_a_stored_lead_cannot_be_claimed_again(bundle):
    project = FDIProjectFactory(ref="fdi-hanil")
    InvestmentLeadFactory(ref="lead-stored", project=project, stage="licensed")
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [
        "investment_leads[0] (lead-hanil): project: the FDI project 'fdi-hanil' already came from the investment "
        "lead 'lead-stored'"
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_round_trip_keeps_the_contact_history(bundle, fmt):
    assert import_bundle(bundle).ok
    rows = export_rows("investment_leads", InvestmentLead.objects.all())
    data = write_table("investment_leads", rows, fmt)
    result = import_rows("investment_leads", read_rows(data, f"leads.{fmt}"), dry_run=False)
    assert result.ok, [str(e) for e in result.errors]
    assert result.unchanged["investment_leads"] == 3
    assert InvestmentLead.objects.get(ref="lead-hanil").contacts.count() == 2


def test_templates_import_in_order(bundle):
    assert import_bundle({"format": "fa-bundle/1", "units": [{"ref": "unit-dofa", "name_vi": "Sở", "kind": "other"}],
                          "events": [{"ref": "evt-2024-seoul-promotion", "kind": "other", "pillar": "state",
                                      "title": "X", "start_on": "2024-10-08"}],
                          "fdi_projects": [{"ref": "fdi-2024-electronics", "name": "X"}]}).ok
    for section in SECTIONS:
        result = import_rows(section, read_rows(template_bytes(section, "csv"), "t.csv"), dry_run=False)
        assert result.ok, [str(error) for error in result.errors]
    assert AftercareIssue.objects.get().visit.ref == "visit-2024-electronics"
