"""Pages of plans, plan tasks and programmes: the scorecards, a task's progress and evidence,
the tasks and programme items a record carries out, a programme's fulfilment and items."""

from __future__ import annotations

import datetime

import pytest

from foreign_affairs.core.tests.factories import DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.plans.models import ProgrammeItem, TaskLink, TaskProgress

from .factories import (
    PlanFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
    TaskFactory,
    TaskGroupFactory,
    TaskLinkFactory,
    TaskProgressFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_evidence():
    plan = PlanFactory(number="134-KH/TU")
    unit = UnitFactory(name_en="Department of Foreign Affairs")
    group = TaskGroupFactory(plan=plan, ordinal=2, title="Mở rộng quan hệ", notes="Confirmed by the article")
    TaskGroupFactory(plan=plan, ordinal=3, title="Nhóm 3", notes="Not published: a placeholder")
    task = TaskFactory(group=group, title="Củng cố quan hệ với các tỉnh Lào", lead_unit=unit, status="in_progress")
    TaskFactory(group=group, lead_unit=unit, status="done")
    TaskProgressFactory(task=task, date=datetime.date(2025, 6, 30), percent=60, evidence="Báo cáo 45/BC-SNgV")
    delegation = DelegationFactory(title="Đoàn thăm Hủa Phăn")
    TaskLinkFactory(task=task, delegation=delegation, date=datetime.date(2025, 4, 2), note="Chuyến thăm")
    return plan, task, delegation


def test_plan_page_shows_scorecards_group_notes_and_evidence_counts(login, viewer, plan_with_evidence):
    plan, task, _delegation = plan_with_evidence
    html = login(viewer).get(f"/plans/{plan.pk}/").content.decode()
    assert "Not published: a placeholder" in html and "Confirmed by the article" in html
    assert f'href="/plan-tasks/{task.pk}/"' in html
    assert "Done (%)" in html and ">50.00<" in html  # 1 of 2 tasks done
    assert "Department of Foreign Affairs" in html


def test_task_page_lists_progress_and_evidence(login, viewer, plan_with_evidence):
    plan, task, delegation = plan_with_evidence
    html = login(viewer).get(f"/plan-tasks/{task.pk}/").content.decode()
    assert "Báo cáo 45/BC-SNgV" in html and ">60<" in html
    assert f'href="/delegations/{delegation.pk}/"' in html and "Chuyến thăm" in html
    assert f'href="/plans/{plan.pk}/"' in html
    assert "Link a record" not in html  # viewers do not write


def test_the_record_page_shows_the_task_and_the_programme_item_it_carries_out(login, viewer, plan_with_evidence):
    _plan, task, delegation = plan_with_evidence
    ProgrammeItemFactory(title="Đoàn công tác thăm Lào", delegation=delegation, status="done")
    html = login(viewer).get(f"/delegations/{delegation.pk}/").content.decode()
    assert "Plan tasks it carries out" in html and task.title in html
    assert "Programme items it carries out" in html and "Đoàn công tác thăm Lào" in html


def test_officer_adds_progress_and_evidence(login, officer, plan_with_evidence):
    _plan, task, _delegation = plan_with_evidence
    client = login(officer)
    response = client.post(f"/plan-tasks/{task.pk}/progress/add/", {
        "progress-date": "2025-12-31", "progress-percent": "100", "progress-note": "Xong",
        "progress-evidence": "https://example.org/report"})
    assert response.status_code == 302
    assert TaskProgress.objects.filter(task=task, percent=100, evidence="https://example.org/report").exists()

    response = client.post(f"/plan-tasks/{task.pk}/evidence/add/", {"evidence-note": "Không chọn gì"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose exactly one record" in html and "Không chọn gì" in html
    event = EventFactory()
    response = client.post(f"/plan-tasks/{task.pk}/evidence/add/", {"evidence-event": event.pk})
    assert response.status_code == 302
    assert TaskLink.objects.filter(task=task, event=event).exists()
    response = client.post(f"/plan-tasks/{task.pk}/evidence/add/", {"evidence-event": event.pk})
    assert response.status_code == 200 and "This record is already evidence of the task." in response.content.decode()


def test_programme_page_shows_fulfilment_and_items(login, viewer):
    programme = ProgrammeFactory(year=2026, title="Chương trình đối ngoại năm 2026")
    unit = UnitFactory(name_en="Department of Foreign Affairs")
    delegation = DelegationFactory(title="Đoàn thăm Hủa Phăn")
    ProgrammeItemFactory(programme=programme, title="Đoàn thăm Lào", lead_unit=unit, delegation=delegation,
                         status="done", quarter=2, budget_vnd=350000000)
    ProgrammeItemFactory(programme=programme, title="Hội thảo", lead_unit=unit, status="planned")
    ProgrammeItemFactory(programme=programme, title="Hội nghị bị hủy", lead_unit=unit, status="cancelled")
    html = login(viewer).get(f"/programmes/{programme.pk}/").content.decode()
    assert "Fulfilment" in html and ">50.00<" in html  # 1 done of the 2 not cancelled
    assert "Q2/2026" in html and "Đoàn thăm Hủa Phăn" in html and "350,000,000" in html
    assert ">2026<" in html  # the year as written, not 2,026


def test_unit_officers_see_their_units_items_on_the_programme_page(login, unit_officer_a, unit_a, unit_b):
    programme = ProgrammeFactory()
    ProgrammeItemFactory(programme=programme, title="Của đơn vị A", lead_unit=unit_a)
    ProgrammeItemFactory(programme=programme, title="Của đơn vị B", lead_unit=unit_b)
    html = login(unit_officer_a).get(f"/programmes/{programme.pk}/").content.decode()
    assert "Của đơn vị A" in html and "Của đơn vị B" not in html


def test_linking_an_item_in_the_form_marks_it_done(login, officer):
    item = ProgrammeItemFactory(status="planned")
    delegation = DelegationFactory()
    client = login(officer)
    data = {"programme": item.programme.pk, "position": 0, "kind": item.kind, "title": item.title,
            "status": "planned", "delegation": delegation.pk, "ref": item.ref}
    response = client.post(f"/programme-items/{item.pk}/edit/", data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.delegation) == ("done", delegation)
    data.update({"month": 5, "quarter": 1, "title": "Tiêu đề giữ lại"})
    response = client.post(f"/programme-items/{item.pk}/edit/", data)
    assert response.status_code == 200
    assert "The month is not in the quarter given." in response.content.decode()
    assert "Tiêu đề giữ lại" in response.content.decode()
    assert ProgrammeItem.objects.get(pk=item.pk).title != "Tiêu đề giữ lại"
