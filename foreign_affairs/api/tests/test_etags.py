"""ETag on every record's detail; If-Match on PUT, PATCH and DELETE: a stale version is refused
with 412 and a message, changing nothing; the current one goes through; no If-Match still works."""

import pytest
from django.utils import translation

from foreign_affairs.core.tests.factories import DelegationMemberFactory, PartnerFactory
from foreign_affairs.partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_detail_has_an_etag_that_moves_with_every_change(api, officer):
    partner = PartnerFactory()
    client = api(officer)
    first = client.get(f"/api/v1/partners/{partner.pk}/")
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert client.get(f"/api/v1/partners/{partner.pk}/")["ETag"] == first["ETag"]
    response = client.patch(f"/api/v1/partners/{partner.pk}/", {"notes": "changed"}, format="json")
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    assert client.get(f"/api/v1/partners/{partner.pk}/")["ETag"] == response["ETag"]


def test_if_none_match_gives_304(api, officer):
    partner = PartnerFactory()
    client = api(officer)
    tag = client.get(f"/api/v1/partners/{partner.pk}/")["ETag"]
    response = client.get(f"/api/v1/partners/{partner.pk}/", HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 304 and response["ETag"] == tag


def test_a_stale_if_match_is_refused_with_412_and_changes_nothing(api, officer, make_user):
    partner = PartnerFactory(name_en="Houaphanh Province")
    lan, minh = api(officer), api(make_user("minh", "officer"))
    opened = lan.get(f"/api/v1/partners/{partner.pk}/")["ETag"]
    minh.patch(f"/api/v1/partners/{partner.pk}/", {"name_en": "Houaphan Province"}, format="json")

    response = lan.patch(f"/api/v1/partners/{partner.pk}/", {"notes": "mine"}, format="json", HTTP_IF_MATCH=opened,
                         HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 412
    body = response.json()
    assert "was changed by minh on" in body["detail"] and "Nothing was changed" in body["detail"]
    assert body["changed_by"] == ["minh"]
    assert [(c["field"], c["old"], c["new"]) for c in body["changes"]] == [
        ("name_en", "Houaphanh Province", "Houaphan Province")]
    assert body["current_etag"] == response["ETag"] != opened
    partner.refresh_from_db()
    assert (partner.name_en, partner.notes) == ("Houaphan Province", "")

    put = lan.get(f"/api/v1/partners/{partner.pk}/").json() | {"notes": "mine"}
    assert lan.put(f"/api/v1/partners/{partner.pk}/", put, format="json", HTTP_IF_MATCH=opened).status_code == 412
    assert lan.delete(f"/api/v1/partners/{partner.pk}/", HTTP_IF_MATCH=opened).status_code == 412
    assert Partner.objects.filter(pk=partner.pk, notes="").exists()

    # With the version it has now, the same change goes through.
    response = lan.patch(f"/api/v1/partners/{partner.pk}/", {"notes": "mine"}, format="json",
                         HTTP_IF_MATCH=body["current_etag"])
    assert response.status_code == 200 and response.json()["notes"] == "mine"


def test_if_match_star_and_lists(api, officer):
    partner = PartnerFactory()
    client = api(officer)
    tag = client.get(f"/api/v1/partners/{partner.pk}/")["ETag"]
    assert client.patch(f"/api/v1/partners/{partner.pk}/", {"notes": "a"}, format="json",
                        HTTP_IF_MATCH="*").status_code == 200
    current = client.get(f"/api/v1/partners/{partner.pk}/")["ETag"]
    assert client.patch(f"/api/v1/partners/{partner.pk}/", {"notes": "b"}, format="json",
                        HTTP_IF_MATCH=f"{tag}, {current}").status_code == 200


def test_requests_without_if_match_still_work(api, officer):
    partner = PartnerFactory()
    response = api(officer).patch(f"/api/v1/partners/{partner.pk}/", {"notes": "no header"}, format="json")
    assert response.status_code == 200
    assert api(officer).delete(f"/api/v1/partners/{partner.pk}/").status_code == 204


def test_the_412_shows_no_personal_data_to_a_user_who_may_not_see_it(api, unit_officer_a, unit_a, officer):
    from foreign_affairs.core.tests.factories import DelegationFactory

    member = DelegationMemberFactory(delegation=DelegationFactory(host_unit=unit_a))
    client = api(unit_officer_a)
    opened = client.get(f"/api/v1/delegation-members/{member.pk}/")["ETag"]
    api(officer).patch(f"/api/v1/delegation-members/{member.pk}/", {"passport_number": "C9999999"}, format="json")
    response = client.patch(f"/api/v1/delegation-members/{member.pk}/", {"position": "Interpreter"}, format="json",
                            HTTP_IF_MATCH=opened)
    assert response.status_code == 412
    assert "C9999999" not in response.content.decode()
    assert response.json()["changes"] == []
