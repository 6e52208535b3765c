"""Pages of plans (scorecard, groups and tasks) and of citizen-protection cases (personal data:
readable only with consular.view_consularcase, every display logged)."""

import pytest

from foreign_affairs.core.models import PersonalDataAccess
from foreign_affairs.core.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_plan_detail_shows_scorecard_groups_and_tasks(login, officer, records):
    plan = records["plans"]
    html = login(officer).get(f"/plans/{plan.pk}/").content.decode()
    assert "Implementation scorecard" in html
    assert "Nâng cao nhận thức về ngoại giao kinh tế" in html  # the group
    assert "Tổ chức hội nghị quán triệt" in html  # its task
    assert "Nghe An Province" in html  # the lead unit (scorecard and task row)
    assert "In progress" in html and "31 Dec 2030" in html
    assert ">40<" in html  # latest progress of the task
    assert ">40.00<" in html  # scorecard mean


def test_plan_list_and_form(login, officer, records):
    client = login(officer)
    html = client.get("/plans/").content.decode()
    assert "134-KH/TU" in html and "Ban Thường vụ Tỉnh ủy" in html
    response = client.post(
        "/plans/add/",
        {
            "number": "20-KH/UBND",
            "title": "Kế hoạch hội nhập quốc tế",
            "issuer": "UBND tỉnh",
            "issued_on": "2024-01-15",
        },
    )
    assert response.status_code == 302
    assert "Kế hoạch hội nhập quốc tế" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("group", ["plans", "consular-cases"])
def test_types_without_spreadsheet_support_have_no_export_or_import(login, officer, records, group):
    client = login(officer)
    html = client.get(f"/{group}/").content.decode()
    assert f"/{group}/export/" not in html and f"/{group}/import/" not in html
    assert "Export CSV" not in html
    for url in [f"/{group}/export/?fmt=csv", f"/{group}/import/", f"/{group}/import/template.csv"]:
        assert client.get(url).status_code == 404, url
    # Types the spreadsheet layer supports keep their buttons.
    assert "/partners/export/" in client.get("/partners/").content.decode()


@pytest.mark.parametrize("role", ["viewer", "unit_officer_a"])
def test_consular_cases_are_forbidden_without_the_permission(login, records, request, role):
    user = request.getfixturevalue(role)
    case = records["consular-cases"]
    client = login(user)
    assert client.get("/consular-cases/").status_code == 403
    assert client.get(f"/consular-cases/{case.pk}/").status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_officer_list_and_detail_of_cases_are_logged(login, officer, records):
    case = records["consular-cases"]
    client = login(officer)
    html = client.get("/consular-cases/").content.decode()
    assert "cc-1" in html and "Detention or arrest" in html and "Laos" in html
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.record_type, access.record_id, access.channel) == (
        officer,
        "consular.consularcase",
        case.pk,
        "/consular-cases/",
    )
    url = f"/consular-cases/{case.pk}/"
    html = client.get(url).content.decode()
    assert "Trần Thị Hoa" in html
    assert PersonalDataAccess.objects.filter(channel=url, record_id=case.pk, user=officer).count() == 1
    client.get(f"/consular-cases/{case.pk}/edit/")
    assert PersonalDataAccess.objects.filter(channel=f"{url}edit/").count() == 1


def test_filtered_out_cases_are_not_logged(login, approver, records):
    client = login(approver)
    response = client.get("/consular-cases/", {"kind": "death"})
    assert response.status_code == 200 and not list(response.context["rows"])
    assert not PersonalDataAccess.objects.exists()


def test_search_shows_cases_only_with_the_permission_and_logs_them(login, viewer, officer, records):
    PartnerFactory(name_vi="Tổ chức Hoa Sen")
    html = login(viewer).get("/search/", {"q": "hoa"}).content.decode()
    assert "cc-1" not in html and "/consular-cases/" not in html
    assert not PersonalDataAccess.objects.exists()
    html = login(officer).get("/search/", {"q": "hoa"}).content.decode()
    assert "cc-1" in html
    assert PersonalDataAccess.objects.filter(user=officer, channel="/search/").count() == 1


def test_navbar_more_menu_shows_consular_cases_only_with_the_permission(login, viewer, officer, records):
    html = login(officer).get("/").content.decode()
    assert ">More</a>" in html and 'href="/plans/"' in html and 'href="/consular-cases/"' in html
    html = login(viewer).get("/").content.decode()
    assert ">More</a>" in html and 'href="/plans/"' in html and 'href="/consular-cases/"' not in html
