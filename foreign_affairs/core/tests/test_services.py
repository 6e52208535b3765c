import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from foreign_affairs.core.models import Field
from foreign_affairs.core.selectors import record_history, unit_ancestors, unit_subtree_ids
from foreign_affairs.core.services import record_delete, record_save, user_create
from foreign_affairs.partners.models import Partner

from .factories import PartnerFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_user_create_gives_role_group_and_token(unit_a):
    user, token = user_create(username="an", password="s3cret-passw0rd", role="unit_officer", unit=unit_a)
    assert user.groups.get().name == "role:unit_officer"
    assert user.has_perm("delegations.add_delegation")
    assert not user.has_perm("partners.delete_partner")
    assert len(token) == 40


def test_viewer_cannot_write_and_sees_no_personal_data(viewer):
    assert viewer.has_perm("partners.view_partner")
    assert not viewer.has_perm("partners.add_partner")
    assert not viewer.has_perm("delegations.change_delegation")
    assert not viewer.has_perm("delegations.view_personal_data")


def test_unit_officer_needs_a_unit():
    with pytest.raises(ValueError, match="needs a unit"):
        user_create(username="x", password="s3cret-passw0rd", role="unit_officer")


def test_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        user_create(username="x", password="s3cret-passw0rd", role="boss")


def test_record_save_validates_and_keeps_history(officer):
    partner = Partner(kind="locality", name_en="Houaphanh", country_id="LA")
    record_save(instance=partner, actor=officer, m2m={"fields": [Field.objects.get(code="border")]})
    partner.name_vi = "Hủa Phăn"
    record_save(instance=partner, actor=officer)
    with translation.override("en"):
        history = record_history(partner)
        # The links set after the first save belong to the creation, not to a separate change.
        assert [h["type"] for h in history] == ["changed", "created"]
        assert history[0]["user"] == "officer"
        assert {"field": "name_vi", "label": "name (Vietnamese)", "old": None, "new": "Hủa Phăn", "many": False} in (
            history[0]["changes"]
        )
        assert history[1]["changes"][0]["new"] == [str(Field.objects.get(code="border"))]
    assert partner.ref.startswith("partner-")


def test_record_save_refuses_bad_country_and_writes_nothing(officer):
    partner = Partner(kind="locality", name_en="Nowhere", country_id="XX")
    with pytest.raises(ValidationError) as err:
        record_save(instance=partner, actor=officer)
    assert "country" in err.value.message_dict
    assert not Partner.objects.filter(name_en="Nowhere").exists()


def test_record_delete_keeps_last_state_in_history(officer):
    partner = PartnerFactory()
    pk = partner.pk
    record_delete(instance=partner, actor=officer)
    last = Partner.history.filter(id=pk).order_by("-history_date").first()
    assert last.history_type == "-" and last.history_user == officer


def test_search_text_is_folded():
    partner = PartnerFactory(name_vi="Tỉnh Bôlykhămxay", name_en="Bolikhamxay")
    assert "bolykhamxay" in partner.search_text
    assert Partner.objects.filter(search_text__contains="bolykham").count() == 1


def test_unit_tree_selectors():
    root = UnitFactory(ref="root")
    mid = UnitFactory(ref="mid", parent=root)
    leaf = UnitFactory(ref="leaf", parent=mid)
    UnitFactory(ref="other")
    assert unit_subtree_ids(root) == {root.pk, mid.pk, leaf.pk}
    assert unit_ancestors(leaf) == [root, mid]


def test_unit_cannot_end_before_it_starts():
    import datetime

    unit = UnitFactory.build(valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2025, 6, 30))
    with translation.override("en"):
        with pytest.raises(ValidationError) as err:
            unit.full_clean()
        assert err.value.message_dict["valid_until"] == ["A unit cannot end before it starts."]


def test_countries_have_cldr_names_and_frameworks():
    from foreign_affairs.core.models import Country

    assert Country.objects.count() >= 249
    laos = Country.objects.get(code="LA")
    assert (laos.name_vi, laos.name_en, laos.framework) == ("Lào", "Laos", "special")
    assert Country.objects.get(code="NO").name_vi == "Na Uy"
    assert Country.objects.get(code="US").framework_since.isoformat() == "2023-09-10"
