"""Export of the filtered list (all pages) and the upload → preview → confirm import."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from foreign_affairs.core.bundle import tabular
from foreign_affairs.core.tests.factories import EventFactory, PartnerFactory
from foreign_affairs.partners.models import Partner

pytestmark = pytest.mark.django_db


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_export_has_exactly_the_filtered_rows_of_all_pages(login, officer):
    laos = {PartnerFactory(country_id="LA").ref for _ in range(30)}
    PartnerFactory(country_id="KH", name_en="Siem Reap")
    PartnerFactory(country_id="LA", kind="enterprise")
    response = login(officer).get(
        "/partners/export/", {"fmt": "csv", "country": "LA", "kind": "locality", "page": "2", "sort": "-name"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="partners-')
    rows = csv_rows(response.content)
    assert {row["ref"] for row in rows} == laos
    assert list(rows[0]) == tabular.columns("partners")


def test_xlsx_export_follows_search(login, officer):
    EventFactory(title="Lễ hội Làng Sen", ref="evt-sen")
    EventFactory(title="Hội chợ thương mại", ref="evt-fair")
    response = login(officer).get("/events/export/", {"fmt": "xlsx", "search": "lang sen"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    refs = [row[header.index("ref")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert refs == ["evt-sen"]


def test_export_refuses_unknown_format_and_needs_view_permission(login, officer):
    from foreign_affairs.core.models import User

    assert login(officer).get("/partners/export/", {"fmt": "pdf"}).status_code == 400
    nobody = User.objects.create_user("nobody", password="x-very-long-password")
    assert login(nobody).get("/partners/export/", {"fmt": "csv"}).status_code == 403


def test_list_export_links_carry_the_filters(login, officer, records):
    html = login(officer).get("/partners/", {"country": "LA", "page": "1"}).content.decode()
    assert 'href="/partners/export/?country=LA&amp;fmt=csv"' in html
    assert 'href="/partners/export/?country=LA&amp;fmt=xlsx"' in html


def test_import_templates_download(login, officer):
    client = login(officer)
    response = client.get("/partners/import/template.csv")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('template.csv"')
    assert list(csv_rows(response.content)[0]) == tabular.columns("partners")
    response = client.get("/partners/import/template.xlsx")
    assert load_workbook(io.BytesIO(response.content)).active["A1"].value == tabular.columns("partners")[0]
    assert client.get("/partners/import/template.pdf").status_code == 404


def upload(text: str, name: str = "partners.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


GOOD = (
    "ref,kind,name_en,name_vi,country,relationship\n"
    "p-xieng,locality,Xiangkhouang,Tỉnh Xiêng Khoảng,LA,cooperation\n"
    "p-houaphanh,locality,Houaphanh Province,Tỉnh Hủa Phăn,LA,twinning\n"
)


def test_import_preview_writes_nothing_and_confirm_writes_all(login, officer, records, settings):
    client = login(officer)
    response = client.post("/partners/import/", {"action": "preview", "file": upload(GOOD)})
    assert response.status_code == 200
    html = response.content.decode()
    assert not Partner.objects.filter(ref="p-xieng").exists()
    assert response.context["created"] == 1 and response.context["updated"] == 1
    assert [row["action"] for row in response.context["preview_rows"]] == ["create", "update"]
    assert "Confirm import" in html
    token = response.context["token"]
    stored = Path(settings.VAR_DIR) / "tmp" / "imports" / f"{token}.upload"
    assert stored.exists() and not str(stored).startswith(str(settings.MEDIA_ROOT))
    response = client.post("/partners/import/", {"action": "confirm", "token": token})
    assert response.status_code == 302 and response["Location"] == "/partners/"
    assert Partner.objects.get(ref="p-xieng").name_en == "Xiangkhouang"
    assert Partner.objects.get(ref="p-houaphanh").relationship == "twinning"
    assert not stored.exists()
    # The token is spent: confirming again writes nothing more.
    response = client.post("/partners/import/", {"action": "confirm", "token": token}, follow=True)
    assert "expired" in response.content.decode()


def test_import_with_errors_lists_every_line_and_offers_no_confirm(login, officer):
    bad = GOOD + "p-bad,locality,Nowhere,,XX,cooperation\np-bad2,planet,Mars,,LA,\n"
    response = login(officer).post("/partners/import/", {"action": "preview", "file": upload(bad)})
    html = response.content.decode()
    assert response.context["token"] is None and "Confirm import" not in html
    errors = response.context["errors"]
    assert len(errors) == 2
    assert errors[0].startswith("partners[row 4] (p-bad): country:")
    assert errors[1].startswith("partners[row 5] (p-bad2): kind:")
    for line in errors:
        assert line.replace("'", "&#x27;") in html
    assert not Partner.objects.filter(ref="p-xieng").exists()


def test_import_confirm_rejects_a_token_of_another_session(login, officer, client):
    response = client.post("/partners/import/", {"action": "confirm", "token": "../../etc/passwd"}, follow=False)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    response = login(officer).post("/partners/import/", {"action": "confirm", "token": "A" * 32})
    assert response.status_code == 302 and response["Location"] == "/partners/import/"


def test_import_refuses_other_file_types(login, officer):
    response = login(officer).post("/partners/import/", {"action": "preview", "file": upload("x", name="partners.ods")})
    assert response.context["form"].errors["file"] == ["Upload a CSV or XLSX file."]


def test_import_needs_import_and_add_permissions(login, viewer, unit_officer_a):
    assert login(viewer).get("/partners/import/").status_code == 403
    # Unit officers import agreements and delegations, but may not add partners.
    assert login(unit_officer_a).get("/partners/import/").status_code == 403
    assert login(unit_officer_a).get("/agreements/import/").status_code == 200
