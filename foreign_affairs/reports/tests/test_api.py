"""GET /api/v1/reports/annual/ returns the command's JSON; saved reports are finalised and stay
unchanged when the records change; who may read which report."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from foreign_affairs.core.bundle.importer import import_bundle
from foreign_affairs.core.bundle.io import parse_bundle_text
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.economy.models import Statistic
from foreign_affairs.reports.models import Report

from .bundle import REPORT_BUNDLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    result = import_bundle(parse_bundle_text(REPORT_BUNDLE))
    assert not result.errors, result.errors


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def comparable(document: dict) -> dict:
    return {k: v for k, v in document.items() if k not in ("generated_at",)}


def test_the_api_returns_the_same_json_as_the_command(province, officer, tmp_path):
    response = api(officer).get("/api/v1/reports/annual/?year=2024&lang=en")
    assert response.status_code == 200
    out = tmp_path / "report.json"
    call_command("report", "annual", "--year", "2024", "--lang", "en", "--format", "json", "-o", str(out))
    from_command = json.loads(out.read_text(encoding="utf-8"))
    assert comparable(response.json()) == comparable(from_command)
    body = response.json()
    assert body["period"] == {"start": "2024-01-01", "end": "2024-12-31", "label": "the year 2024"}
    assert body["unit"] is None
    assert body["indicators"]["delegations_out"]["value"] == 2
    assert [s["key"] for s in body["sections"]][:2] == ["overview", "results"]


def test_the_command_takes_any_period_and_a_unit(province, tmp_path):
    out = tmp_path / "r.json"
    call_command("report", "range", "--from", "2024-01-01", "--to", "2024-10-31", "--unit", "u-commune",
                 "--lang", "en", "-o", str(out))
    body = json.loads(out.read_text(encoding="utf-8"))
    assert body["period"]["end"] == "2024-10-31"
    assert body["unit"] == {"ref": "u-commune", "name": "Bien Gioi Commune"}
    assert body["indicators"]["delegations_out"]["computed"] == 0


def test_bad_periods_and_units_are_refused_with_a_message(province, officer):
    client = api(officer)
    assert client.get("/api/v1/reports/annual/").status_code == 400
    bad = client.get("/api/v1/reports/annual/?year=abc")
    assert bad.status_code == 400 and "year" in bad.json()
    unknown = client.get("/api/v1/reports/annual/?year=2024&unit=nope", HTTP_ACCEPT_LANGUAGE="en")
    assert unknown.status_code == 400 and unknown.json() == {"unit": ["Unknown unit 'nope'."]}
    reversed_period = client.get("/api/v1/reports/period/?from=2024-05-01&to=2024-01-01")
    assert reversed_period.status_code == 400 and "period" in reversed_period.json()


def test_reports_are_not_readable_anonymously(province):
    assert api().get("/api/v1/reports/annual/?year=2024").status_code in (401, 403)


def test_a_unit_officer_gets_its_own_unit_report(province, make_user):
    from foreign_affairs.core.models import Unit

    commune_officer = make_user("commune_officer", "unit_officer", Unit.objects.get(ref="u-commune"))
    client = api(commune_officer)
    own = client.get("/api/v1/reports/annual/?year=2024")
    assert own.status_code == 200 and own.json()["unit"]["ref"] == "u-commune"
    assert client.get("/api/v1/reports/annual/?year=2024&unit=u-dept").status_code == 403


def test_a_finalised_report_is_unchanged_after_the_records_change(province, officer):
    client = api(officer)
    created = client.post("/api/v1/reports/", {
        "kind": "annual", "start": "2024-01-01", "end": "2024-12-31", "number": "15/BC-SNgV",
        "strengths": "Ba trụ cột được triển khai đồng bộ.",
    }, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    finalised = client.post(f"/api/v1/reports/{pk}/finalise/", {"cutoff_on": "2025-01-10"}, format="json")
    assert finalised.status_code == 200, finalised.json()
    before = client.get(f"/api/v1/reports/{pk}/document/?lang=vi").json()
    assert before["finalised"]["number"] == "15/BC-SNgV" and before["data_cutoff"] == "2025-01-10"

    Delegation.objects.filter(ref="d3").update(status="completed")
    Statistic.objects.filter(indicator__code="export_turnover_usd", start=date(2024, 1, 1)).update(value=1)

    after = client.get(f"/api/v1/reports/{pk}/document/?lang=vi").json()
    assert after == before
    live = client.get("/api/v1/reports/annual/?year=2024").json()
    assert live["indicators"]["delegations_out_leaders"]["computed"] == 2
    changed = {row["code"]: row for row in client.get(f"/api/v1/reports/{pk}/compare/").json()["changed"]}
    assert changed["delegations_out"]["frozen"]["computed"] == 2
    assert changed["delegations_out"]["today"]["computed"] == 3
    assert changed["export_turnover_usd"]["today"]["value"] == 1
    # Kept as sent: no change, no second finalisation, no deletion.
    assert client.patch(f"/api/v1/reports/{pk}/", {"strengths": "x"}, format="json").status_code == 400
    assert client.post(f"/api/v1/reports/{pk}/finalise/", {}, format="json").status_code == 409
    assert client.delete(f"/api/v1/reports/{pk}/").status_code == 409
    assert Report.objects.get(pk=pk).strengths == "Ba trụ cột được triển khai đồng bộ."


def test_finalising_needs_a_number_and_the_office(province, officer, viewer, approver):
    report = Report.objects.create(kind="annual", start=date(2024, 1, 1), end=date(2024, 12, 31))
    refused = api(officer).post(f"/api/v1/reports/{report.pk}/finalise/", {}, format="json",
                                HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert refused.json() == {"number": ["Give the document number before finalising."]}
    assert api(viewer).post(f"/api/v1/reports/{report.pk}/finalise/", {}, format="json").status_code == 403
    report.refresh_from_db()
    assert report.status == "draft" and report.snapshot == {}
