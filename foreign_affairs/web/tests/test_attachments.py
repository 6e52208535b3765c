"""Attachments: uploaded through the record's page, downloaded only by users who may view the
record, never from a public URL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from foreign_affairs.core.models import User
from foreign_affairs.core.services import attachment_add

pytestmark = pytest.mark.django_db


def pdf(name="Biên bản.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 minutes", content_type="application/pdf")


def test_officer_uploads_and_downloads(login, officer, records, settings):
    agreement = records["agreements"]
    client = login(officer)
    response = client.post(f"/agreements/{agreement.pk}/attachments/add/", {"file": pdf(), "description": "Bản ký"})
    assert response.status_code == 302 and response["Location"] == f"/agreements/{agreement.pk}/#attachments"
    attachment = agreement.attachments.get()
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    html = client.get(f"/agreements/{agreement.pk}/").content.decode()
    url = f"/attachments/agreements/{attachment.pk}/"
    assert f'href="{url}"' in html and "Biên bản.pdf" in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minutes"


def test_upload_of_a_refused_type_shows_the_error(login, officer, records):
    event = records["events"]
    response = login(officer).post(
        f"/events/{event.pk}/attachments/add/", {"file": SimpleUploadedFile("run.exe", b"MZ")}
    )
    assert response.status_code == 200
    assert "run.exe: files of type &#x27;.exe&#x27; are not accepted" in response.content.decode()
    assert not event.attachments.exists()


def test_download_refused_to_a_user_who_cannot_view_the_record(login, officer, viewer, records):
    attachment = attachment_add(record=records["partners"], upload=pdf(), actor=officer)
    url = f"/attachments/partners/{attachment.pk}/"
    nobody = User.objects.create_user("nobody", password="x-very-long-password")
    assert login(nobody).get(url).status_code == 403
    assert login(viewer).get(url).status_code == 200  # viewers read the registry and its files
    assert login(officer).get("/attachments/partners/999999/").status_code == 404
    assert login(officer).get(f"/attachments/units/{attachment.pk}/").status_code == 404
    # The attachment's id under another record type is not a way around the check.
    assert login(officer).get(f"/attachments/events/{attachment.pk}/").status_code == 404


def test_anonymous_download_goes_to_login(client, officer, records):
    attachment = attachment_add(record=records["delegations"], upload=pdf(), actor=officer)
    response = client.get(f"/attachments/delegations/{attachment.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_viewer_cannot_upload(login, viewer, records):
    event = records["events"]
    assert "attachments/add/" not in login(viewer).get(f"/events/{event.pk}/").content.decode()
    response = login(viewer).post(f"/events/{event.pk}/attachments/add/", {"file": pdf()})
    assert response.status_code == 403
