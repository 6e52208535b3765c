"""The ``plans`` and ``consular_cases`` bundle sections: a made-up province round-trips
losslessly, and each bad input is one exact line with nothing written."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from foreign_affairs.consular.models import ConsularCase
from foreign_affairs.core.bundle import export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.models import PersonalDataAccess, Unit
from foreign_affairs.plans.models import Directive, Plan, Task, TaskGroup, TaskProgress

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
province: {code: "99", name_vi: "Tỉnh Thử Nghiệm", name_en: "Testland Province"}
units:
  - {ref: u-dofa, name_vi: "Sở Ngoại vụ", kind: department}
  - {ref: u-doit, name_vi: "Sở Công Thương", kind: department}
  - {ref: u-dpi, name_vi: "Sở Kế hoạch và Đầu tư", kind: department}
plans:
  - ref: p-12
    number: "12-KH/TU"
    title: "Kế hoạch thực hiện Chỉ thị 99-CT/TW về ngoại giao kinh tế"
    issuer: "Ban Thường vụ Tỉnh ủy"
    issued_on: "2023-03-01"
    implements: {number: "99-CT/TW", title: "Về ngoại giao kinh tế", issued_on: "2022-08-10", issuer: "Ban Bí thư"}
    notes: "Bịa ra cho thử nghiệm"
    groups:
      - ordinal: 1
        title: "Tuyên truyền"
        tasks:
          - {ref: t-1, title: "Quán triệt chỉ thị", lead_unit: u-dofa, status: done,
             progress: [{date: "2023-06-30", percent: 100, note: "Xong"}]}
      - ordinal: 2
        title: "Mở rộng quan hệ"
        tasks:
          - ref: t-2
            title: "Hội nghị xúc tiến đầu tư"
            lead_unit: u-dpi
            supporting_units: [u-dofa, u-doit]
            due_on: "2024-12-31"
            status: in_progress
            notes: "Hằng năm"
            progress:
              - {date: "2023-12-31", percent: 30}
              - {date: "2024-06-30", percent: 60, note: "Sáu tháng"}
          - {ref: t-3, title: "Ký thỏa thuận mới", status: not_started}
  - ref: p-13
    title: "Kế hoạch không số"
    implements: {number: "99-CT/TW", title: "Về ngoại giao kinh tế", issued_on: "2022-08-10", issuer: "Ban Bí thư"}
consular_cases:
  - {ref: cc-1, kind: stranded, country: MY, opened_on: "2024-02-01", closed_on: "2024-03-15", status: closed,
     summary: "Lao động bị kẹt", subject_name: "Nguyễn Văn Thử", subject_commune: "Xã Thử"}
  - {ref: cc-2, kind: lost_documents, country: "NO", opened_on: "2024-05-01", status: open}
"""


@pytest.fixture
def bundle() -> dict:
    return parse_bundle_text(BUNDLE)


def errors_of(data: dict) -> list[str]:
    result = import_bundle(data)
    return [str(error) for error in result.errors]


def test_round_trip_is_lossless(bundle):
    result = import_bundle(bundle)
    assert result.ok, result.errors
    assert result.created["plans"] == 2 and result.created["consular_cases"] == 2
    assert Directive.objects.get().number == "99-CT/TW"
    assert TaskGroup.objects.count() == 2 and Task.objects.count() == 3 and TaskProgress.objects.count() == 3
    task = Task.objects.get(ref="t-2")
    assert sorted(u.ref for u in task.supporting_units.all()) == ["u-dofa", "u-doit"]
    assert ConsularCase.objects.get(ref="cc-2").country_id == "NO"

    first = export_bundle(sections=["units", "plans", "consular_cases"])
    expected = copy.deepcopy(bundle["plans"])
    expected[1]["groups"] = []
    # Defaults are written out: a task's status, in date order of progress.
    assert first["plans"][0]["groups"][1]["tasks"][1] == {"ref": "t-3", "title": "Ký thỏa thuận mới",
                                                          "status": "not_started"}
    assert first["plans"][0]["implements"] == bundle["plans"][0]["implements"]
    assert first["plans"][0]["groups"][1]["tasks"][0]["progress"] == bundle["plans"][0]["groups"][1]["tasks"][0][
        "progress"]
    assert first["consular_cases"][0]["subject_name"] == "Nguyễn Văn Thử"
    task_ids = dict(Task.objects.values_list("ref", "pk"))

    again = import_bundle(copy.deepcopy(first))
    assert again.ok and again.unchanged["plans"] == 2 and again.unchanged["consular_cases"] == 2
    assert export_bundle(sections=["units", "plans", "consular_cases"]) == first
    assert dict(Task.objects.values_list("ref", "pk")) == task_ids


def test_reimport_replaces_the_tree_and_keeps_task_ids(bundle):
    assert import_bundle(bundle).ok
    t2 = Task.objects.get(ref="t-2").pk
    changed = copy.deepcopy(bundle)
    plan = changed["plans"][0]
    plan["groups"] = [{"ordinal": 1, "title": "Tuyên truyền và hội nhập",
                       "tasks": [{"ref": "t-2", "title": "Hội nghị xúc tiến đầu tư", "status": "done"}]}]
    plan["implements"]["title"] = "Về đẩy mạnh ngoại giao kinh tế"
    changed["plans"][1]["implements"]["title"] = "Về đẩy mạnh ngoại giao kinh tế"
    assert import_bundle(changed).ok
    assert Task.objects.get(ref="t-2").pk == t2
    assert list(Task.objects.values_list("ref", flat=True)) == ["t-2"]
    assert TaskGroup.objects.filter(plan__ref="p-12").count() == 1
    assert TaskProgress.objects.count() == 0
    assert Directive.objects.get().title == "Về đẩy mạnh ngoại giao kinh tế"


def test_export_without_personal_data_leaves_consular_cases_out(bundle):
    assert import_bundle(bundle).ok
    data = export_bundle(personal_data=False)
    assert "consular_cases" not in data and len(data["plans"]) == 2


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (("plans", 0, "groups", 1, "tasks", 0, "lead_unit"), "x",
         "plans[0] (p-12): groups[1].tasks[0].lead_unit: unknown unit ref 'x' (not in this bundle or the database)"),
        (("plans", 0, "groups", 1, "tasks", 0, "progress", 1, "percent"), 101,
         "plans[0] (p-12): groups[1].tasks[0].progress[1].percent: a percentage from 0 to 100, got 101"),
        (("plans", 0, "groups", 1, "tasks", 0, "progress", 0, "percent"), -5,
         "plans[0] (p-12): groups[1].tasks[0].progress[0].percent: a percentage from 0 to 100, got -5"),
        (("plans", 0, "groups", 1, "tasks", 0, "due_on"), "31/12/2024",
         "plans[0] (p-12): groups[1].tasks[0].due_on: malformed date '31/12/2024'; expected YYYY-MM-DD"),
        (("plans", 0, "issued_on"), "2023-02-30",
         "plans[0] (p-12): issued_on: malformed date '2023-02-30'; expected YYYY-MM-DD"),
        (("plans", 0, "implements", "issued_on"), "10/08/2022",
         "plans[0] (p-12): implements.issued_on: malformed date '10/08/2022'; expected YYYY-MM-DD"),
        (("plans", 0, "groups", 0, "tasks", 0, "status"), "finished",
         "plans[0] (p-12): groups[0].tasks[0].status: unknown code 'finished'; "
         "expected one of: not_started, in_progress, done, overdue, dropped"),
        (("plans", 0, "groups", 1, "ordinal"), 1,
         "plans[0] (p-12): groups[1].ordinal: duplicate ordinal 1 (also at groups[0])"),
        (("plans", 0, "groups", 1, "tasks", 1, "ref"), "t-1",
         "plans[0] (p-12): groups[1].tasks[1].ref: duplicate task ref 't-1' (also at plans[0].groups[0].tasks[0])"),
        (("plans", 1, "implements", "issuer"), "Bộ Chính trị",
         "plans[1] (p-13): implements: directive '99-CT/TW' is described differently in plans[0]"),
        (("consular_cases", 0, "kind"), "kidnap",
         "consular_cases[0] (cc-1): kind: unknown code 'kidnap'; expected one of: detention, accident, death, "
         "trafficking, stranded, lost_documents, labour_dispute, other"),
        (("consular_cases", 0, "country"), "XX", "consular_cases[0] (cc-1): country: unknown country code 'XX'"),
        (("consular_cases", 0, "closed_on"), "2024-01-01",
         "consular_cases[0] (cc-1): closed_on: A case cannot be closed before it is opened."),
        (("consular_cases", 1, "status"), "resolved",
         "consular_cases[1] (cc-2): status: unknown code 'resolved'; expected one of: open, in_progress, closed"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(bundle, path, value, line):
    # Both plans describe the same directive: a change to it is made in both.
    paths = [path, ("plans", 1, *path[2:])] if path[:3] == ("plans", 0, "implements") else [path]
    for each in paths:
        target = bundle
        for key in each[:-1]:
            target = target[key]
        target[each[-1]] = value
    expected = [line] if len(paths) == 1 else [line, line.replace("plans[0] (p-12)", "plans[1] (p-13)")]
    assert errors_of(bundle) == expected
    assert not Plan.objects.exists() and not ConsularCase.objects.exists() and not Directive.objects.exists()
    assert not Unit.objects.filter(ref="u-dofa").exists()


def test_a_task_without_title_and_a_directive_without_number(bundle):
    del bundle["plans"][0]["groups"][0]["tasks"][0]["title"]
    del bundle["plans"][1]["implements"]["number"]
    bundle["plans"][1]["implements"]["title"] = bundle["plans"][1]["implements"]["title"]
    assert errors_of(bundle) == [
        "plans[0] (p-12): groups[0].tasks[0].title: required field is missing",
        "plans[1] (p-13): implements.number: required field is missing",
    ]


def test_import_reads_no_personal_data_log(bundle):
    assert import_bundle(bundle).ok
    assert not PersonalDataAccess.objects.exists()
    assert ConsularCase.objects.get(ref="cc-1").closed_on == date(2024, 3, 15)
