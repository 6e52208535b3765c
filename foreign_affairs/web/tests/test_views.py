"""Generic page tests for every registry record type (NetBox-style): each type gets anonymous,
forbidden, permitted and not-found checks for free from its registry entry."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from foreign_affairs.core.models import Unit, User
from foreign_affairs.core.tests.factories import DelegationFactory, UnitFactory
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact
from foreign_affairs.web import registry

pytestmark = pytest.mark.django_db

GROUPS = list(registry.REGISTRY)


def pages(group, obj):
    base = f"/{group}/"
    return {
        "list": base,
        "detail": f"{base}{obj.pk}/",
        "add": f"{base}add/",
        "edit": f"{base}{obj.pk}/edit/",
        "delete": f"{base}{obj.pk}/delete/",
    }


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("page", ["list", "detail", "add", "edit", "delete"])
def test_officer_opens_every_page(login, officer, records, group, page):
    response = login(officer).get(pages(group, records[group])[page])
    assert response.status_code == 200
    assert b'<html lang="en">' in response.content


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("page", ["list", "detail", "add", "edit", "delete"])
def test_anonymous_is_sent_to_login(client, records, group, page):
    url = pages(group, records[group])[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("page", ["add", "edit", "delete"])
def test_viewer_may_not_write(login, viewer, records, group, page):
    client = login(viewer)
    url = pages(group, records[group])[page]
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


@pytest.mark.parametrize("group", GROUPS)
def test_viewer_reads_without_write_buttons(login, viewer, records, group):
    obj = records[group]
    client = login(viewer)
    listing = client.get(f"/{group}/").content.decode()
    detail = client.get(f"/{group}/{obj.pk}/").content.decode()
    assert f'href="/{group}/add/"' not in listing
    assert f'href="/{group}/import/"' not in listing
    assert f"/{group}/{obj.pk}/edit/" not in detail
    assert f"/{group}/{obj.pk}/delete/" not in detail


@pytest.mark.parametrize("group", GROUPS)
def test_user_without_role_gets_403_and_unknown_record_404(login, officer, records, group):
    nobody = User.objects.create_user("nobody", password="x-very-long-password")
    assert login(nobody).get(f"/{group}/").status_code == 403
    assert login(officer).get(f"/{group}/987654/").status_code == 404


def test_every_page_requires_login(client, records):
    for url in [
        "/",
        "/search/?q=x",
        "/countries/",
        "/countries/LA/",
        "/partners/export/?fmt=csv",
        "/partners/import/",
        "/partners/import/template.csv",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), url


def test_officer_opens_home_search_and_countries(login, officer, records):
    client = login(officer)
    for url in [
        "/",
        "/search/?q=lao",
        "/countries/",
        "/countries/?framework=any&active=1&sort=partners",
        "/countries/LA/",
    ]:
        assert client.get(url).status_code == 200, url


def test_layout_has_landmarks_navigation_and_post_logout(login, officer):
    html = login(officer).get("/partners/").content.decode()
    assert 'href="#main"' in html and '<main id="main"' in html
    for label in ["Home", "Partners", "Agreements", "Delegations", "Events", "Units", "Countries"]:
        assert f">{label}</a>" in html
    assert 'action="/i18n/setlang/"' in html
    assert 'action="/accounts/logout/"' in html and 'method="post"' in html
    assert "Foreign-affairs officer" in html  # the role in the user menu


def test_language_switch_sets_vietnamese(login, officer):
    client = login(officer)
    response = client.post("/i18n/setlang/", {"language": "vi", "next": "/partners/"})
    assert response.status_code == 302 and response["Location"] == "/partners/"
    del client.defaults["HTTP_ACCEPT_LANGUAGE"]
    assert b'<html lang="vi">' in client.get("/partners/").content


def test_login_page_renders_in_both_languages(client):
    assert b'<html lang="vi">' in client.get("/accounts/login/").content
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html and "Foreign Affairs Register" in html
    assert 'autocomplete="current-password"' in html


def test_logout_is_a_post(login, officer):
    client = login(officer)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


# --- lists -------------------------------------------------------------------------------------


def test_list_search_filters_sorting_and_pagination(login, officer):
    for n in range(45):
        DelegationFactory(
            title=f"Đoàn {n:02d}",
            direction="incoming" if n % 3 == 0 else "outgoing",
            reception="received" if n % 3 == 0 else "",
        )
    client = login(officer)
    response = client.get("/delegations/", {"direction": "outgoing", "sort": "title"})
    assert response.context["page_obj"].paginator.count == 30
    titles = [d.title for d in response.context["rows"]]
    assert titles == sorted(titles) and len(titles) == 25
    assert b"30 records" in response.content
    response = client.get("/delegations/", {"direction": "outgoing", "sort": "-title", "page": 2})
    assert [d.title for d in response.context["rows"]] == ["Đoàn 07", "Đoàn 05", "Đoàn 04", "Đoàn 02", "Đoàn 01"]
    assert b'aria-sort="descending"' in response.content
    assert b'href="?direction=outgoing&amp;sort=-title&amp;page=1"' in response.content
    # An unknown sort key falls back to the default, never reaches order_by.
    assert client.get("/delegations/", {"sort": "purpose__secret"}).status_code == 200
    DelegationFactory(title="Đoàn khảo sát Viêng Chăn")
    found = client.get("/delegations/", {"search": "vieng chan"}).context["rows"]
    assert [d.title for d in found] == ["Đoàn khảo sát Viêng Chăn"]


def test_list_filter_controls_show_labels_and_keep_values(login, officer, records):
    html = login(officer).get("/delegations/", {"direction": "incoming", "country": "LA"}).content.decode()
    assert '<option value="incoming" selected>Incoming (đoàn vào)</option>' in html
    assert '<option value="LA" selected>Laos</option>' in html
    assert 'name="year"' in html and 'type="number"' in html
    assert '<option value="dofa">Department of Foreign Affairs</option>' in html  # host unit, by name


def test_htmx_request_gets_only_the_results_block(login, officer, records):
    client = login(officer)
    response = client.get("/partners/", {"search": "hua"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    html = response.content.decode()
    assert '<section id="results"' in html and "<html" not in html
    assert "Houaphanh Province" in html
    assert "HX-Request" in response["Vary"]
    assert "<html" in client.get("/partners/", {"search": "hua"}).content.decode()


# --- delete ------------------------------------------------------------------------------------


def test_delete_removes_record_and_keeps_history(login, officer, records):
    event = records["events"]
    response = login(officer).post(f"/events/{event.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/events/"
    assert not Event.objects.filter(pk=event.pk).exists()
    assert Event.history.filter(id=event.pk, history_type="-").get().history_user == officer


def test_delete_of_a_unit_in_use_explains_instead_of_failing(login, officer, records):
    unit = records["units"]
    DelegationFactory(host_unit=unit)
    response = login(officer).post(f"/units/{unit.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert Unit.objects.filter(pk=unit.pk).exists()
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "It cannot be deleted: it is used by 2 delegations, 1 event." in text


# --- dependent rows ---------------------------------------------------------------------------


def test_contact_added_and_edited_inside_partner_page(login, officer, records):
    partner = records["partners"]
    client = login(officer)
    html = client.get(f"/partners/{partner.pk}/").content.decode()
    assert f'action="/partners/{partner.pk}/contacts/add/"' in html
    response = client.post(
        f"/partners/{partner.pk}/contacts/add/", {"contacts-name": "Souk", "contacts-email": "souk@example.la"}
    )
    assert response.status_code == 302 and response["Location"] == f"/partners/{partner.pk}/#contacts"
    contact = Contact.objects.get(name="Souk")
    assert contact.partner == partner
    response = client.post(
        f"/partners/{partner.pk}/contacts/{contact.pk}/edit/",
        {"contacts-name": "Souksavanh", "contacts-email": "not-an-email"},
    )
    assert response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    client.post(f"/partners/{partner.pk}/contacts/{contact.pk}/edit/", {"contacts-name": "Souksavanh"})
    contact.refresh_from_db()
    assert contact.name == "Souksavanh"


def test_viewer_cannot_add_contacts(login, viewer, records):
    partner = records["partners"]
    client = login(viewer)
    assert "contacts/add/" not in client.get(f"/partners/{partner.pk}/").content.decode()
    assert client.post(f"/partners/{partner.pk}/contacts/add/", {"contacts-name": "X"}).status_code == 403


def test_unit_detail_shows_chain_children_and_successor(login, officer, records):
    dofa = records["units"]
    old = UnitFactory(name_en="Old Department", successor=dofa, valid_until="2025-06-30")
    child = UnitFactory(name_en="Consular Office", parent=dofa)
    html = login(officer).get(f"/units/{dofa.pk}/").content.decode()
    assert "Nghe An Province" in html  # parent chain
    assert child.name_en in html and old.name_en in html
    assert f'href="/units/?parent={dofa.ref}"' in html
    assert html.count(f'href="/delegations/{records["delegations"].pk}/"') >= 1


def test_agreement_detail_shows_parties_and_delegations(login, officer, records):
    html = login(officer).get(f"/agreements/{records['agreements'].pk}/").content.decode()
    assert "Houaphanh Province" in html and "Department of Foreign Affairs" in html
    assert "Đoàn công tác thăm Hủa Phăn" in html


def test_detail_shows_change_history(login, officer, records):
    from foreign_affairs.core.services import record_save

    event = records["events"]
    event.place = "Vinh"
    record_save(instance=event, actor=officer)
    html = login(officer).get(f"/events/{event.pk}/").content.decode()
    assert "Change history" in html
    assert '<strong>Place</strong>: <span class="app-old">—</span> → <span class="app-new">Vinh</span>' in html
    assert ">officer<" in html


def test_country_pages(login, officer, records):
    client = login(officer)
    html = client.get("/countries/", {"search": "lao"}).content.decode()
    assert 'href="/countries/LA/"' in html
    html = client.get("/countries/LA/").content.decode()
    assert "Houaphanh Province" in html and "Đoàn công tác thăm Hủa Phăn" in html
    assert 'href="/partners/?country=LA"' in html
    assert client.get("/countries/QQ/").status_code == 404


def test_delegation_add_redirects_to_detail_with_message(login, officer, records):
    client = login(officer)
    response = client.post(
        "/delegations/add/",
        {
            "direction": "incoming",
            "pillar": "people",
            "level": "unit",
            "title": "Đoàn Hữu nghị Lào",
            "status": "approved",
            "start_on": "2026-03-01",
            "end_on": "2026-03-03",
            "countries": ["LA"],
            "host_unit": records["units"].pk,
            "reception": "permitted",
            "permit_on": "2026-02-20",
            "foreign_visitors": "12",
            "budget_vnd": "",
            "members": "",
        },
    )
    delegation = Delegation.objects.get(title="Đoàn Hữu nghị Lào")
    assert response.status_code == 302 and response["Location"] == reverse(
        "web:delegations_detail", args=[delegation.pk]
    )
    assert list(delegation.countries.values_list("code", flat=True)) == ["LA"]
    assert delegation.history.first().history_user == officer


def test_incoming_only_fields_show_on_incoming_delegations_only(login, officer, records):
    client = login(officer)
    outgoing = records["delegations"]
    assert outgoing.direction == "outgoing"
    assert b"Foreign visitors" not in client.get(f"/delegations/{outgoing.pk}/").content
    incoming = DelegationFactory(direction="incoming", reception="received", foreign_visitors=12)
    html = client.get(f"/delegations/{incoming.pk}/").content.decode()
    assert "Foreign visitors" in html and "Received by provincial leaders" in html
