"""The aid and NGO pages: the workflow step on screen, expiring certificates, forms that keep
what was typed, who may do what."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from foreign_affairs.aid.models import AidItem
from foreign_affairs.core.tests.factories import PartnerFactory

from .factories import AidItemFactory, NGOCertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def sign_in(user):
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign_in


def test_aid_page_offers_the_next_steps_and_moves_on(login, officer):
    item = AidItemFactory(status="appraising", file_complete_on=date(2024, 1, 2))
    client = login(officer)
    html = client.get(f"/aid-items/{item.pk}/").content.decode()
    assert f"/aid-items/{item.pk}/transition/?to=approved" in html
    assert f"/aid-items/{item.pk}/transition/?to=not_accepted" in html
    assert "Appraisal due" in html
    bad = client.post(f"/aid-items/{item.pk}/transition/", {"to": "approved", "on": "2024-01-31",
                                                             "note": "kept"})
    assert bad.status_code == 400 and "Give the number of the approval decision." in bad.content.decode()
    assert 'value="kept"' in bad.content.decode()
    response = client.post(f"/aid-items/{item.pk}/transition/", {"to": "approved", "on": "2024-01-31",
                                                                  "decision_no": "9/QĐ"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "approved" and item.start_deadline == date(2024, 7, 31)
    html = client.get(f"/aid-items/{item.pk}/").content.decode()
    assert "the approval may be revoked" in html  # 31/07/2024 has passed


def test_status_is_not_edited_in_the_form(login, officer):
    item = AidItemFactory(status="proposed")
    client = login(officer)
    form = client.get(f"/aid-items/{item.pk}/edit/").content.decode()
    assert "Changed by the workflow steps" in form
    data = {"donor": item.donor.pk, "modality": "project", "title": "Renamed", "currency": "USD",
            "committed_amount": "100000", "committed_usd": "100000", "status": "settled", "ref": item.ref}
    assert client.post(f"/aid-items/{item.pk}/edit/", data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Renamed" and item.status == "proposed"


def test_aid_form_keeps_input_and_names_the_field(login, officer):
    donor = PartnerFactory(kind="ngo")
    response = login(officer).post("/aid-items/add/", {
        "donor": donor.pk, "modality": "project", "title": "Nước sạch", "currency": "usd",
        "committed_amount": "100", "status": "proposed",
    })
    html = response.content.decode()
    assert response.status_code == 200 and "three-letter ISO 4217 code" in html and 'value="Nước sạch"' in html
    assert not AidItem.objects.exists()


def test_transition_page_rights(login, viewer, unit_officer_a, unit_b):
    item = AidItemFactory(managing_unit=unit_b)
    assert login(viewer).get(f"/aid-items/{item.pk}/transition/").status_code == 403
    assert login(unit_officer_a).get(f"/aid-items/{item.pk}/transition/").status_code == 404


def test_expiring_certificates_filter_on_both_lists(login, viewer):
    soon = NGOCertificateFactory(number="SOON-1", issued_on=date.today() - timedelta(days=700),
                                 expires_on=date.today() + timedelta(days=20))
    NGOCertificateFactory(number="LATER-1", issued_on=date.today(), expires_on=date.today() + timedelta(days=300))
    client = login(viewer)
    html = client.get("/ngo-certificates/?expires_within=30").content.decode()
    assert "SOON-1" in html and "LATER-1" not in html
    assert '<option value="30" selected>' in html
    ngos = client.get("/foreign-ngos/?expires_within=30").content.decode()
    assert str(soon.ngo) in ngos
    page = client.get(f"/foreign-ngos/{soon.ngo.pk}/").content.decode()
    assert "SOON-1" in page and "Certificates" in page


def test_aid_items_import_from_a_sheet_with_preview(login, officer, unit_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    PartnerFactory(ref="p-ngo-sheet", kind="ngo")
    sheet = (
        "ref,donor,modality,title,managing_unit,committed_amount,currency,committed_usd,approved_on,status,"
        "approval_no\n"
        "aid-s1,p-ngo-sheet,non_project,Thiết bị,unit-a,\"1.500,5\",EUR,1620.55,31/01/2024,approved,1/QĐ\n"
        "aid-s2,p-ngo-sheet,project,Trường học,unit-a,100,usd,100,,proposed,\n"
    )
    client = login(officer)
    preview = client.post("/aid-items/import/", {"action": "preview", "file": SimpleUploadedFile(
        "aid.csv", sheet.encode(), content_type="text/csv")})
    assert preview.context["token"] is None
    assert [str(e) for e in preview.context["errors"]] == [
        "aid_items[row 2] (aid-s1): committed_amount: expected a number, got text '1.500,5'",
        "aid_items[row 3] (aid-s2): currency: Give the currency as a three-letter ISO 4217 code, such as USD or EUR.",
    ]
    fixed = sheet.replace('"1.500,5"', "1500.5").replace(",usd,", ",USD,")
    preview = client.post("/aid-items/import/", {"action": "preview", "file": SimpleUploadedFile(
        "aid.csv", fixed.encode(), content_type="text/csv")})
    assert preview.context["created"] == 2 and not AidItem.objects.exists()
    done = client.post("/aid-items/import/", {"action": "confirm", "token": preview.context["token"]})
    assert done.status_code == 302
    item = AidItem.objects.get(ref="aid-s1")
    assert str(item.committed_amount) == "1500.50" and item.start_deadline == date(2024, 7, 31)
