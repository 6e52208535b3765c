"""Pages of people's records: lists with filters and export, details with related records and
history, forms that validate and keep the input; reporters and experts are personal data (shown
only with the permission, every showing logged, export included)."""

from __future__ import annotations

import pytest

from foreign_affairs.core.models import PersonalDataAccess
from foreign_affairs.core.tests.factories import PartnerFactory
from foreign_affairs.people.models import HonourAward, JournalistReporter

from .factories import (
    BorderEventFactory,
    BorderFigureFactory,
    BorderItemFactory,
    ExpertFactory,
    HonourAwardFactory,
    JournalistReporterFactory,
    JournalistVisitFactory,
    OverseasCommunityFigureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("group", "make", "text"),
    [
        ("journalist-visits", lambda: JournalistVisitFactory(outlet="NHK World"), "NHK World"),
        ("honours", lambda: HonourAwardFactory(recipient_name="Ông Somphone"), "Ông Somphone"),
        ("overseas-community", lambda: OverseasCommunityFigureFactory(population=100000, source_title="Giám sát"),
         "Giám sát"),
        ("border-items", lambda: BorderItemFactory(kind="border_gate", gate_class="secondary", name="Cửa khẩu Thử"),
         "Cửa khẩu Thử"),
        ("border-events", lambda: BorderEventFactory(title="Kiểm tra mốc song phương"), "Kiểm tra mốc song phương"),
        ("border-figures", lambda: BorderFigureFactory(source_title="VNA 2023"), "VNA 2023"),
    ],
)
def test_list_detail_and_export(login, officer, viewer, group, make, text):
    record = make()
    client = login(viewer)
    html = client.get(f"/{group}/").content.decode()
    assert text in html and f"/{group}/export/" in html
    detail = client.get(f"/{group}/{record.pk}/")
    assert detail.status_code == 200 and text in detail.content.decode()
    assert "Change history" in detail.content.decode()
    assert client.get(f"/{group}/add/").status_code == 403
    export = client.get(f"/{group}/export/", {"fmt": "csv"})
    assert export.status_code == 200 and text in export.content.decode("utf-8-sig")
    assert login(officer).get(f"/{group}/add/").status_code == 200


def test_reporters_show_only_with_the_permission_and_are_logged(login, officer, viewer):
    visit = JournalistVisitFactory()
    JournalistReporterFactory(visit=visit, full_name="Tanaka Hiroshi")
    html = login(viewer).get(f"/journalist-visits/{visit.pk}/").content.decode()
    assert "Tanaka" not in html and "Reporters (personal data)" not in html
    assert not PersonalDataAccess.objects.exists()
    url = f"/journalist-visits/{visit.pk}/"
    html = login(officer).get(url).content.decode()
    assert "Tanaka Hiroshi" in html
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.record_type, access.record_id, access.channel) == (
        officer, "people.journalistvisit", visit.pk, url)


def test_officer_adds_a_reporter(login, officer):
    visit = JournalistVisitFactory()
    response = login(officer).post(f"/journalist-visits/{visit.pk}/reporters/add/",
                                   {"reporters-full_name": "Sato Yuki", "reporters-nationality": "JP"})
    assert response.status_code == 302
    assert JournalistReporter.objects.get().full_name == "Sato Yuki"


def test_experts_are_forbidden_without_the_permission_and_every_showing_is_logged(login, officer, viewer):
    expert = ExpertFactory(full_name="Nguyễn Chuyên Gia")
    client = login(viewer)
    for path in ("/experts/", f"/experts/{expert.pk}/", "/experts/export/?fmt=csv"):
        assert client.get(path).status_code == 403, path
    assert "Nguyễn Chuyên Gia" not in client.get("/search/", {"q": "chuyen gia"}).content.decode()
    assert not PersonalDataAccess.objects.exists()
    client = login(officer)
    for path in ("/experts/", f"/experts/{expert.pk}/", f"/experts/{expert.pk}/edit/", "/experts/export/?fmt=csv"):
        assert client.get(path).status_code == 200, path
    assert "Nguyễn Chuyên Gia" in client.get("/search/", {"q": "chuyen gia"}).content.decode()
    channels = set(PersonalDataAccess.objects.filter(record_id=expert.pk).values_list("channel", flat=True))
    assert channels == {"/experts/", f"/experts/{expert.pk}/", f"/experts/{expert.pk}/edit/", "/experts/export/",
                        "/search/"}


def test_a_bad_honour_form_keeps_the_input_and_names_the_field(login, officer):
    response = login(officer).post("/honours/add/", {
        "award_type": "provincial_certificate", "recipient_name": "Bà Test Giữ Lại", "status": "decided",
        "ref": "honour-x",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "A decided or awarded honour needs the decision&#x27;s number and date." in html
    assert 'value="Bà Test Giữ Lại"' in html
    assert not HonourAward.objects.exists()


def test_border_pages_link_items_events_and_partners(login, viewer):
    partner = PartnerFactory(name_en="Test Houaphanh")
    gate = BorderItemFactory(kind="border_gate", gate_class="secondary", name="Cửa khẩu Thông Thụ",
                             opposite_province=partner)
    event = BorderEventFactory(title="Mở thông thương")
    event.items.set([gate])
    client = login(viewer)
    assert "Mở thông thương" in client.get(f"/border-items/{gate.pk}/").content.decode()
    html = client.get(f"/partners/{partner.pk}/").content.decode()
    assert "Border items opposite" in html and "Cửa khẩu Thông Thụ" in html
    assert "Cửa khẩu Thông Thụ" in client.get("/border-items/", {"gate_class": "secondary"}).content.decode()
    assert "Cửa khẩu Thông Thụ" not in client.get("/border-items/", {"gate_class": "main"}).content.decode()
