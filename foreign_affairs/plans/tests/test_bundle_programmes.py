"""The ``programmes`` section and the plans' evidence, group notes and progress evidence: a
made-up province round-trips losslessly, and each bad input is one exact line with nothing
written."""

from __future__ import annotations

import copy

import pytest

from foreign_affairs.core.bundle import export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.plans.models import Plan, Programme, ProgrammeItem, Task, TaskLink

from .factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
units:
  - {ref: u-dofa, name_vi: "Sở Ngoại vụ", kind: department}
  - {ref: u-doit, name_vi: "Sở Công Thương", kind: department}
partners:
  - {ref: p-la, kind: locality, name_en: "Test Lao Province", country: LA}
events:
  - {ref: e-1, kind: investment_promotion, pillar: state, title: "Hội nghị xúc tiến", start_on: "2025-03-01"}
delegations:
  - {ref: d-1, direction: outgoing, pillar: state, title: "Đoàn thăm Lào", start_on: "2025-04-01", status: completed}
agreements:
  - {ref: a-1, kind: mou, title_vi: "Biên bản ghi nhớ", signed_on: "2025-04-02", status: signed}
programmes:
  - ref: prog-2025
    year: 2025
    title: "Chương trình đối ngoại năm 2025"
    number: "12/CTr-UBND"
    approved_on: "2024-12-20"
    status: approved
    notes: "Bịa ra cho thử nghiệm"
    items:
      - ref: i-1
        kind: outgoing_delegation
        pillar: state
        title: "Đoàn công tác thăm tỉnh bạn Lào"
        fields: [political, border]
        partners: [p-la]
        countries: [LA]
        month: 4
        quarter: 2
        lead_unit: u-dofa
        supporting_units: [u-doit]
        funding: state_budget
        budget_vnd: 350000000
        delegation: d-1
        notes: "Ký kết biên bản"
      - {ref: i-2, kind: promotion, title: "Hội nghị xúc tiến đầu tư", quarter: 1, lead_unit: u-doit, event: e-1,
         status: done}
      - {ref: i-3, kind: agreement, title: "Ký thỏa thuận hợp tác", agreement: a-1}
      - {ref: i-4, kind: conference, title: "Hội thảo quốc tế", status: cancelled}
      - {ref: i-5, kind: reception, title: "Tiếp Đại sứ", status: carried_over}
  - ref: prog-2026
    year: 2026
    title: "Chương trình đối ngoại năm 2026"
plans:
  - ref: p-12
    title: "Kế hoạch ngoại giao kinh tế"
    groups:
      - ordinal: 1
        title: "Tuyên truyền"
        notes: "Confirmed by the article"
        tasks:
          - ref: t-1
            title: "Quán triệt"
            lead_unit: u-dofa
            status: in_progress
            progress:
              - {date: "2025-06-30", percent: 50, note: "Sáu tháng", evidence: "Báo cáo 45/BC-SNgV"}
            evidence:
              - {date: "2025-06-30", programme_item: i-2, note: "Hội nghị đã tổ chức"}
              - {delegation: d-1}
              - {date: "2025-04-02", agreement: a-1}
              - {date: "2025-03-01", event: e-1}
      - ordinal: 2
        title: "Nhóm 2 (chưa công bố)"
        notes: "Not published"
"""


@pytest.fixture
def bundle() -> dict:
    return parse_bundle_text(BUNDLE)


SECTIONS = ["units", "partners", "events", "delegations", "agreements", "programmes", "plans"]


def errors_of(data: dict) -> list[str]:
    return [str(error) for error in import_bundle(data).errors]


def test_round_trip_is_lossless(bundle):
    result = import_bundle(bundle)
    assert result.ok, result.errors
    assert result.created["programmes"] == 2
    item = ProgrammeItem.objects.get(ref="i-1")
    assert (item.status, item.delegation.ref, item.month, item.quarter, item.budget_vnd) == (
        "done", "d-1", 4, 2, 350000000)
    # Linked and given no status: done. Cancelled and carried over as given.
    assert dict(ProgrammeItem.objects.values_list("ref", "status")) == {
        "i-1": "done", "i-2": "done", "i-3": "done", "i-4": "cancelled", "i-5": "carried_over"}
    task = Task.objects.get(ref="t-1")
    assert {link.target_field for link in task.links.all()} == {"programme_item", "delegation", "agreement", "event"}
    assert task.progress.get().evidence == "Báo cáo 45/BC-SNgV"

    first = export_bundle(sections=SECTIONS)
    exported = first["programmes"][0]
    assert [row["ref"] for row in exported["items"]] == ["i-1", "i-2", "i-3", "i-4", "i-5"]  # the bundle's order
    assert exported["items"][0]["fields"] == ["border", "political"]
    assert exported["items"][2]["status"] == "done"
    assert first["programmes"][1] == {"ref": "prog-2026", "year": 2026, "title": "Chương trình đối ngoại năm 2026",
                                      "status": "draft"}
    # Evidence by date, undated last.
    assert [next(k for k in row if k not in ("date", "note")) for row in
            first["plans"][0]["groups"][0]["tasks"][0]["evidence"]] == [
        "event", "agreement", "programme_item", "delegation"]
    assert first["plans"][0]["groups"][1]["notes"] == "Not published"
    ids = dict(ProgrammeItem.objects.values_list("ref", "pk"))

    again = import_bundle(copy.deepcopy(first))
    assert again.ok and again.unchanged["programmes"] == 2 and again.unchanged["plans"] == 1
    assert export_bundle(sections=SECTIONS) == first
    assert dict(ProgrammeItem.objects.values_list("ref", "pk")) == ids


def test_reimport_replaces_items_and_evidence(bundle):
    assert import_bundle(bundle).ok
    keep = ProgrammeItem.objects.get(ref="i-2").pk
    changed = copy.deepcopy(bundle)
    changed["programmes"][0]["items"] = [{"ref": "i-2", "kind": "promotion", "title": "Hội nghị", "status": "planned"}]
    changed["plans"][0]["groups"][0]["tasks"][0]["evidence"] = [{"programme_item": "i-2"}]
    assert import_bundle(changed).ok
    assert list(ProgrammeItem.objects.values_list("pk", "status")) == [(keep, "planned")]
    assert list(TaskLink.objects.values_list("programme_item__ref", flat=True)) == ["i-2"]


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (("programmes", 0, "items", 0, "month"), 13,
         "programmes[0] (prog-2025): items[0].month: expected a whole number from 1 to 12, got a number (13)"),
        (("programmes", 0, "items", 1, "quarter"), 0,
         "programmes[0] (prog-2025): items[1].quarter: expected a whole number from 1 to 4, got a number (0)"),
        (("programmes", 0, "items", 0, "quarter"), 1,
         "programmes[0] (prog-2025): items[0].month: The month is not in the quarter given."),
        (("programmes", 0, "items", 1, "status"), "planned",
         "programmes[0] (prog-2025): items[1].status: an item linked to what took place (delegation, event or "
         "agreement) is done, not 'planned'"),
        (("programmes", 0, "items", 3, "kind"), "trip",
         "programmes[0] (prog-2025): items[3].kind: unknown code 'trip'; expected one of: outgoing_delegation, "
         "incoming_delegation, reception, conference, agreement, event, promotion, people_to_people, other"),
        (("programmes", 0, "items", 3, "status"), "finished",
         "programmes[0] (prog-2025): items[3].status: unknown code 'finished'; expected one of: planned, scheduled, "
         "done, postponed, cancelled, carried_over"),
        (("programmes", 0, "items", 0, "delegation"), "d-x",
         "programmes[0] (prog-2025): items[0].delegation: unknown delegation ref 'd-x' (not in this bundle or the "
         "database)"),
        (("programmes", 0, "items", 0, "budget_vnd"), -5,
         "programmes[0] (prog-2025): items[0].budget_vnd: must not be negative (got -5)"),
        (("programmes", 0, "items", 4, "ref"), "i-1",
         "programmes[0] (prog-2025): items[4].ref: duplicate item ref 'i-1' (also at programmes[0].items[0])"),
        (("programmes", 1, "year"), 2025,
         "programmes[1] (prog-2026): year: two programmes for 2025 (also programmes[0])"),
        (("programmes", 1, "year"), 1800,
         "programmes[1] (prog-2026): year: expected a year from 1945 to 2100, got 1800"),
        (("programmes", 0, "status"), "adopted",
         "programmes[0] (prog-2025): status: unknown code 'adopted'; expected one of: draft, approved"),
        (("programmes", 0, "approved_on"), None,
         "programmes[0] (prog-2025): approved_on: An approved programme needs the date it was approved."),
        (("plans", 0, "groups", 0, "tasks", 0, "evidence", 0, "programme_item"), "i-x",
         "plans[0] (p-12): groups[0].tasks[0].evidence[0].programme_item: unknown programme item ref 'i-x' (not in "
         "this bundle or the database)"),
        (("plans", 0, "groups", 0, "tasks", 0, "evidence", 1, "event"), "e-1",
         "plans[0] (p-12): groups[0].tasks[0].evidence[1]: give exactly one of delegation, agreement, event, "
         "fdi_project, programme_item (got delegation, event)"),
        (("plans", 0, "groups", 0, "tasks", 0, "evidence", 2, "agreement"), None,
         "plans[0] (p-12): groups[0].tasks[0].evidence[2]: give exactly one of delegation, agreement, event, "
         "fdi_project, programme_item"),
        (("plans", 0, "groups", 0, "tasks", 0, "evidence", 0, "date"), "30/06/2025",
         "plans[0] (p-12): groups[0].tasks[0].evidence[0].date: malformed date '30/06/2025'; expected YYYY-MM-DD"),
        (("plans", 0, "groups", 0, "tasks", 0, "progress", 0, "evidence"), 45,
         "plans[0] (p-12): groups[0].tasks[0].progress[0].evidence: expected text, got a number (45); put it in "
         "quotes"),
        (("plans", 0, "groups", 0, "notes"), ["a"],
         "plans[0] (p-12): groups[0].notes: expected text, got a list"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(bundle, path, value, line):
    target = bundle
    for key in path[:-1]:
        target = target[key]
    if value is None:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    assert errors_of(bundle) == [line]
    assert not Programme.objects.exists() and not Plan.objects.exists() and not ProgrammeItem.objects.exists()


def test_the_same_record_twice_in_a_tasks_evidence(bundle):
    bundle["plans"][0]["groups"][0]["tasks"][0]["evidence"].append({"event": "e-1", "date": "2025-03-05"})
    assert errors_of(bundle) == [
        "plans[0] (p-12): groups[0].tasks[0].evidence[4].event: 'e-1' is already evidence of this task "
        "(at evidence[3])"]


def test_a_year_taken_by_a_stored_programme(bundle):
    ProgrammeFactory(ref="prog-old", year=2026)
    assert errors_of(bundle) == [
        "programmes[1] (prog-2026): year: there is already a programme for 2026 ('prog-old')"]
    assert not ProgrammeItem.objects.exists()


def test_evidence_may_name_a_stored_programme_item(bundle):
    assert import_bundle(bundle).ok
    data = {"format": "fa-bundle/1", "plans": [{"ref": "p-99", "title": "Kế hoạch khác", "groups": [
        {"ordinal": 1, "title": "G", "tasks": [{"ref": "t-99", "title": "T", "evidence": [{"programme_item": "i-5"}]}]}
    ]}]}
    assert import_bundle(data).ok
    assert TaskLink.objects.get(task__ref="t-99").programme_item.ref == "i-5"
