"""Two people edit the same record: the second save gets a clear conflict (who changed it, when,
which fields), keeps what was typed, and saving again on purpose keeps it; nothing is lost
silently. The same for the rows edited inside a record's page (contacts, members)."""

import re

import pytest

from foreign_affairs.core.tests.factories import ContactFactory, DelegationFactory, PartnerFactory
from foreign_affairs.delegations.services import delegation_submit
from foreign_affairs.partners.models import Contact, Partner

pytestmark = pytest.mark.django_db


def form_data(response, prefix: str = "") -> dict:
    """What the browser would send back: every field's value as rendered, and the hidden version."""
    form = response.context["form"]
    data = {}
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    match = re.search(r'name="_version" value="([^"]+)"', response.content.decode())
    if match:
        data["_version"] = match.group(1)
    return data


@pytest.fixture
def two(client, django_user_model, officer, make_user):
    """Two officers, each in their own browser."""
    from django.test import Client

    other = make_user("officer2", "officer")
    first, second = client, Client(HTTP_ACCEPT_LANGUAGE="en")
    first.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    first.force_login(officer)
    second.force_login(other)
    return first, second


def test_the_second_save_gets_a_conflict_and_loses_nothing(two):
    partner = PartnerFactory(name_en="Houaphanh Province", notes="")
    url = f"/partners/{partner.pk}/edit/"
    lan, minh = two
    lan_form, minh_form = form_data(lan.get(url)), form_data(minh.get(url))
    assert lan_form["_version"] == minh_form["_version"]

    lan_form["name_en"] = "Houaphan Province"
    assert lan.post(url, lan_form).status_code == 302

    minh_form["notes"] = "Sister province since 1968"
    response = minh.post(url, minh_form)
    assert response.status_code == 409
    page = response.content.decode()
    assert "was changed by officer on" in page and "after you opened it" in page
    conflict = response.context["conflict"]
    assert [(c.label, c.old_display, c.new_display) for c in conflict.changes] == [
        ("name (English)", "Houaphanh Province", "Houaphan Province")]
    assert "Sister province since 1968" in page  # what Minh typed is still in the form
    partner.refresh_from_db()
    assert (partner.name_en, partner.notes) == ("Houaphan Province", "")  # Lan's change kept, Minh's not saved

    # Saving again is Minh's decision, taken knowing Lan's change: it goes through.
    again = form_data(response)
    assert again["_version"] != minh_form["_version"]
    again["name_en"] = "Houaphan Province"
    assert minh.post(url, again).status_code == 302
    partner.refresh_from_db()
    assert (partner.name_en, partner.notes) == ("Houaphan Province", "Sister province since 1968")


def test_a_workflow_step_taken_meanwhile_is_a_conflict_too(two, unit_officer_a, unit_a):
    trip = DelegationFactory(status="draft", host_unit=unit_a, title="Trip")
    url = f"/delegations/{trip.pk}/edit/"
    lan, _minh = two
    data = form_data(lan.get(url))
    delegation_submit(delegation=trip, actor=unit_officer_a)
    data["title"] = "Trip, renamed"
    response = lan.post(url, data)
    assert response.status_code == 409
    assert ("status", "Draft", "Proposed") in [(c.field, c.old_display, c.new_display)
                                               for c in response.context["conflict"].changes]
    trip.refresh_from_db()
    assert (trip.title, trip.status) == ("Trip", "proposed")


def test_a_validation_error_keeps_the_version_opened(two):
    """Fixing a typo after an error must not hide a change made meanwhile."""
    partner = PartnerFactory(name_en="Luang Prabang", name_vi="Luông Pha Băng")
    url = f"/partners/{partner.pk}/edit/"
    lan, minh = two
    data = form_data(lan.get(url))
    bad = dict(data, kind="not-a-kind")
    first_try = lan.post(url, bad)
    assert first_try.status_code == 200 and form_data(first_try)["_version"] == data["_version"]
    other = form_data(minh.get(url))
    other["name_vi"] = "Luang Prabang (tỉnh)"
    minh.post(url, other)
    assert lan.post(url, form_data(first_try) | {"kind": data["kind"]}).status_code == 409


def test_child_rows_conflict_the_same_way(two):
    contact = ContactFactory(name="Khamphan", position="Director")
    url = f"/partners/{contact.partner_id}/contacts/{contact.pk}/edit/"
    lan, minh = two
    lan_form, minh_form = form_data(lan.get(url)), form_data(minh.get(url))
    lan_form["contacts-position"] = "Deputy director"
    assert lan.post(url, lan_form).status_code == 302
    minh_form["contacts-phone"] = "+856 20 123"
    response = minh.post(url, minh_form)
    assert response.status_code == 409
    assert [(c.label, c.new_display) for c in response.context["conflict"].changes] == [
        ("position", "Deputy director")]
    contact.refresh_from_db()
    assert (contact.position, contact.phone) == ("Deputy director", "")


def test_the_conflict_shows_no_personal_data_to_a_user_who_may_not_see_it(client, unit_officer_a, unit_a, officer):
    from foreign_affairs.core.services import record_save
    from foreign_affairs.core.tests.factories import DelegationMemberFactory

    member = DelegationMemberFactory(delegation=DelegationFactory(host_unit=unit_a), passport_number="C1111111")
    client.force_login(unit_officer_a)
    url = f"/delegations/{member.delegation_id}/members/{member.pk}/edit/"
    data = form_data(client.get(url))
    member.passport_number = "C2222222"
    member.position = "Interpreter"
    record_save(instance=member, actor=officer)
    response = client.post(url, data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "C2222222" not in page and "C1111111" not in page
    assert [c.field for c in response.context["conflict"].changes] == ["position"]


def test_a_form_without_a_version_still_saves(client, officer):
    """An old page (or a client that sends no version) is not refused."""
    partner = PartnerFactory()
    client.force_login(officer)
    url = f"/partners/{partner.pk}/edit/"
    data = form_data(client.get(url))
    del data["_version"]
    data["notes"] = "no version sent"
    assert client.post(url, data).status_code == 302
    assert Partner.objects.get(pk=partner.pk).notes == "no version sent"


def test_adding_needs_no_version(client, officer):
    client.force_login(officer)
    response = client.post("/partners/add/", {"kind": "locality", "name_en": "Savannakhet", "country": "LA",
                                              "relationship": "cooperation"})
    assert response.status_code == 302
    assert Partner.objects.filter(name_en="Savannakhet").exists()
    assert not Contact.objects.exists()
