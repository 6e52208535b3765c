"""Unit scoping: a unit officer sees and changes only its unit's subtree; the shared registry
(partners, countries, units) stays readable; everyone else is unaffected."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.services import record_save
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner

from .factories import (
    AgreementFactory,
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    PartnerFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(unit_a, unit_b):
    commune_under_a = UnitFactory(ref="a-child", parent=unit_a)
    own = DelegationFactory(host_unit=unit_a)
    below = DelegationFactory(host_unit=commune_under_a)
    other = DelegationFactory(host_unit=unit_b)
    orphan = DelegationFactory(host_unit=None)
    shared_agreement = AgreementFactory()
    shared_agreement.units.set([unit_a, unit_b])
    b_agreement = AgreementFactory()
    b_agreement.units.set([unit_b])
    return {
        "own": own, "below": below, "other": other, "orphan": orphan,
        "shared_agreement": shared_agreement, "b_agreement": b_agreement,
        "event_a": EventFactory(unit=unit_a), "event_b": EventFactory(unit=unit_b),
        "member_b": DelegationMemberFactory(delegation=other), "partner": PartnerFactory(),
    }


def test_unit_officer_sees_its_subtree_only(world, unit_officer_a):
    visible = set(Delegation.objects.restrict(unit_officer_a, "view"))
    assert visible == {world["own"], world["below"]}
    assert list(Agreement.objects.restrict(unit_officer_a, "view")) == [world["shared_agreement"]]
    assert list(Event.objects.restrict(unit_officer_a, "view")) == [world["event_a"]]
    assert not DelegationMember.objects.restrict(unit_officer_a, "view").exists()
    # The shared registry stays whole.
    assert world["partner"] in Partner.objects.restrict(unit_officer_a, "view")


def test_unit_officer_changes_only_its_subtree(world, unit_officer_a):
    changeable = set(Delegation.objects.restrict(unit_officer_a, "change"))
    assert changeable == {world["own"], world["below"]}


def test_officer_viewer_and_approver_are_not_scoped(world, officer, viewer, approver):
    for user in (officer, viewer, approver):
        assert Delegation.objects.restrict(user, "view").count() == 4


def test_unit_officer_cannot_record_for_another_unit(world, unit_officer_a, unit_b):
    delegation = world["own"]
    delegation.host_unit = unit_b
    with translation.override("en"), pytest.raises(ValidationError) as err:
        record_save(instance=delegation, actor=unit_officer_a)
    assert err.value.message_dict["host_unit"] == ["You can record only for Department A and the units under it."]
    delegation.refresh_from_db()
    assert delegation.host_unit.ref == "unit-a"  # nothing was written


def test_unit_officer_cannot_move_an_agreement_out_of_its_units(world, unit_officer_a, unit_b):
    agreement = world["shared_agreement"]
    with pytest.raises(ValidationError):
        record_save(instance=agreement, actor=unit_officer_a, m2m={"units": [unit_b]})
    assert set(agreement.units.values_list("ref", flat=True)) == {"unit-a", "unit-b"}


def test_unit_officer_records_for_a_unit_below_its_own(world, unit_officer_a):
    below = world["below"].host_unit
    event = Event(kind="cultural", pillar="people", title="Lễ hội", start_on="2024-05-01", unit=below)
    record_save(instance=event, actor=unit_officer_a)
    assert Event.objects.restrict(unit_officer_a, "view").filter(pk=event.pk).exists()


def test_out_of_scope_record_is_404_on_pages_and_api(world, unit_officer_a, client):
    from rest_framework.authtoken.models import Token

    client.force_login(unit_officer_a)
    assert client.get(f"/delegations/{world['own'].pk}/").status_code == 200
    assert client.get(f"/delegations/{world['other'].pk}/").status_code == 404
    assert client.get(f"/delegations/{world['other'].pk}/edit/").status_code == 404
    token = Token.objects.get(user=unit_officer_a).key
    api = {"HTTP_AUTHORIZATION": f"Token {token}"}
    assert client.get(f"/api/v1/delegations/{world['other'].pk}/", **api).status_code == 404
    listed = client.get("/api/v1/delegations/", **api).json()
    assert {row["id"] for row in listed["results"]} == {world["own"].pk, world["below"].pk}


def test_unit_officer_form_offers_only_its_units(world, unit_officer_a, client):
    client.force_login(unit_officer_a)
    html = client.get("/delegations/add/").content.decode()
    host_select = html[html.index('name="host_unit"') : html.index("</select>", html.index('name="host_unit"'))]
    assert "Department A" in host_select or "Sở A" in host_select
    assert "Department B" not in host_select and "Sở B" not in host_select
