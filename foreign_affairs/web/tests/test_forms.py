"""Record forms: invalid input re-renders with the error on its field and the user's input kept,
and nothing is written."""

import pytest

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import Field, Unit
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner

pytestmark = pytest.mark.django_db

BAD_RANGES = [
    (
        "events",
        Event,
        "end_on",
        "An event cannot end before it starts.",
        {
            "kind": "conference",
            "pillar": "state",
            "title": "Diễn đàn hợp tác Việt – Lào",
            "start_on": "2026-05-10",
            "end_on": "2026-05-01",
            "country": "LA",
            "place": "Vinh",
        },
    ),
    (
        "delegations",
        Delegation,
        "end_on",
        "A delegation cannot end before it starts.",
        {
            "direction": "outgoing",
            "pillar": "state",
            "level": "unit",
            "title": "Đoàn công tác tại Viêng Chăn",
            "status": "draft",
            "start_on": "2026-05-10",
            "end_on": "2026-05-01",
            "countries": ["LA", "KH"],
        },
    ),
    (
        "agreements",
        Agreement,
        "valid_until",
        "Validity cannot end before it starts.",
        {
            "kind": "mou",
            "title_vi": "Biên bản ghi nhớ hợp tác giáo dục",
            "status": "drafting",
            "valid_from": "2026-05-10",
            "valid_until": "2026-05-01",
        },
    ),
    (
        "units",
        Unit,
        "valid_until",
        "A unit cannot end before it starts.",
        {"name_vi": "Sở Thử nghiệm", "kind": "department", "valid_from": "2026-05-10", "valid_until": "2026-05-01"},
    ),
]


@pytest.mark.parametrize(("group", "model", "field", "message", "data"), BAD_RANGES, ids=[row[0] for row in BAD_RANGES])
def test_end_before_start_is_refused_on_its_field_with_input_kept(login, officer, group, model, field, message, data):
    before = model.objects.count()
    response = login(officer).post(f"/{group}/add/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field] == [message]
    html = response.content.decode()
    assert 'role="alert"' in html and message in html
    assert f'id="id_{field}_errors"' in html and 'aria-invalid="true"' in html
    title_field = next(k for k in ("title", "title_vi", "name_vi") if k in data)
    assert f'value="{data[title_field]}"' in html
    assert f'value="{data["start_on" if "start_on" in data else "valid_from"]}"' in html
    for code in data.get("countries", []):
        assert f'<option value="{code}" selected>' in html
    assert model.objects.count() == before


def test_edit_with_bad_input_changes_nothing(login, officer, records):
    event = records["events"]
    response = login(officer).post(
        f"/events/{event.pk}/edit/",
        {
            "kind": "conference",
            "pillar": "state",
            "title": "Renamed",
            "start_on": "2024-06-05",
            "end_on": "2024-06-01",
        },
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.title == "Hội thảo hợp tác Việt – Lào"


def test_outgoing_delegation_refuses_incoming_only_fields(login, officer):
    response = login(officer).post(
        "/delegations/add/",
        {
            "direction": "outgoing",
            "pillar": "state",
            "level": "unit",
            "title": "Đoàn ra",
            "status": "draft",
            "start_on": "2026-05-01",
            "reception": "received",
            "foreign_visitors": "4",
        },
    )
    errors = response.context["form"].errors
    assert errors["reception"] == ["Reception applies to incoming delegations only."]
    assert errors["foreign_visitors"] == ["Foreign visitors apply to incoming delegations only."]
    assert not Delegation.objects.exists()


def test_required_fields_and_labels(login, officer):
    response = login(officer).post("/partners/add/", {"name_vi": "Chỉ tên"})
    form = response.context["form"]
    assert set(form.errors) == {"kind", "name_en", "country"}
    html = response.content.decode()
    assert '<label class="form-label" for="id_name_en">Name (English)' in html
    assert 'type="date"' in html and 'name="since"' in html
    assert '<select name="fields"' in html and 'size="8"' in html and "multiple" in html
    assert 'value="Chỉ tên"' in html
    assert not Partner.objects.exists()


def test_partner_aliases_are_one_per_line(login, officer):
    response = login(officer).post(
        "/partners/add/",
        {
            "kind": "locality",
            "name_en": "Xiangkhouang",
            "country": "LA",
            "aliases": "Xieng Khouang\n\n  Xiêng Khoảng ",
            "fields": [Field.objects.get(code="economic").pk],
        },
    )
    partner = Partner.objects.get(name_en="Xiangkhouang")
    assert response.status_code == 302
    assert partner.aliases == ["Xieng Khouang", "Xiêng Khoảng"]
    assert list(partner.fields.values_list("code", flat=True)) == ["economic"]
    html = login(officer).get(f"/partners/{partner.pk}/edit/").content.decode()
    assert "Xieng Khouang\nXiêng Khoảng</textarea>" in html


def test_member_form_personal_fields_follow_the_permission(login, officer, unit_officer_a, unit_a, records):
    delegation = records["delegations"]
    delegation.host_unit = unit_a  # the unit officer's own trip
    delegation.save()
    url = f"/delegations/{delegation.pk}/members/add/"
    html = login(unit_officer_a).get(url).content.decode()
    assert "passport_number" not in html
    login(unit_officer_a).post(
        url, {"members-full_name": "Lê Thị Cúc", "members-role": "member", "members-passport_number": "X999"}
    )
    member = DelegationMember.objects.get(full_name="Lê Thị Cúc")
    assert member.passport_number == ""  # a field the form does not show is not taken
    html = login(officer).get(url).content.decode()
    assert 'name="members-passport_number"' in html
