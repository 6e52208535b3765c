"""The REST API: who may do what, round trips through refs and codes, validation, filters,
personal data. Generic cases first (each record group supplies its data, NetBox style), then
the particulars."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import Field, PersonalDataAccess, Unit
from foreign_affairs.core.tests.factories import (
    AgreementFactory,
    ContactFactory,
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    InteractionFactory,
    PartnerFactory,
    UnitFactory,
)
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner

pytestmark = pytest.mark.django_db


@dataclass
class Case:
    """One record group: how to make a record, a valid POST body (refs to records made by
    ``related``) and a change to PATCH."""

    group: str
    model: type
    factory: Callable
    payload: Callable[[dict], dict]
    patch: dict
    # Fields whose value the response repeats exactly as posted.
    echo: tuple[str, ...] = ()


def related() -> dict:
    """Records a POST body can refer to."""
    unit = UnitFactory(ref="unit-dofa", name_vi="Sở Ngoại vụ", name_en="Department of Foreign Affairs")
    partner = PartnerFactory(ref="partner-houaphanh", name_en="Houaphanh", name_vi="Hủa Phăn",
                             country_id="LA")
    agreement = AgreementFactory(ref="agr-2024-01")
    event = EventFactory(ref="evt-2024-01")
    delegation = DelegationFactory(ref="del-2024-01")
    return {"unit": unit, "partner": partner, "agreement": agreement, "event": event,
            "delegation": delegation}


CASES = [
    Case(
        "units", Unit, UnitFactory,
        lambda r: {"ref": "unit-new", "name_vi": "Sở Công Thương",
                   "name_en": "Department of Industry and Trade", "kind": "department",
                   "parent": r["unit"].ref, "valid_from": "2025-07-01"},
        {"short_name": "SCT"},
        echo=("ref", "name_vi", "kind", "parent", "valid_from"),
    ),
    Case(
        "partners", Partner, PartnerFactory,
        lambda r: {"ref": "partner-xiengkhouang", "kind": "locality", "name_en": "Xiengkhouang",
                   "name_vi": "Xiêng Khoảng", "name_native": "ຊຽງຂວາງ", "aliases": ["Xieng Khouang"],
                   "country": "LA", "relationship": "twinning", "since": "2012-03-01",
                   "fields": ["border", "economic"], "website": "https://xiengkhouang.gov.la"},
        {"name_vi": "Tỉnh Xiêng Khoảng"},
        echo=("ref", "kind", "name_native", "aliases", "country", "relationship", "since", "fields"),
    ),
    Case(
        "agreements", Agreement, AgreementFactory,
        lambda r: {"ref": "agr-new", "kind": "mou", "title_en": "MOU on border cooperation",
                   "title_vi": "Biên bản ghi nhớ hợp tác biên giới", "number": "01/2024",
                   "signed_on": "2024-05-10", "place": "Vinh", "units": [r["unit"].ref],
                   "partners": [r["partner"].ref], "fields": ["border"], "valid_from": "2024-05-10",
                   "valid_until": "2029-05-09", "status": "signed"},
        {"number": "02/2024"},
        echo=("ref", "kind", "signed_on", "units", "partners", "fields", "valid_until", "status"),
    ),
    Case(
        "delegations", Delegation, DelegationFactory,
        lambda r: {"ref": "del-new", "direction": "outgoing", "pillar": "state", "level": "provincial_leader",
                   "title": "Đoàn lãnh đạo tỉnh thăm Lào", "purpose": "Ký kết thỏa thuận",
                   "start_on": "2024-04-01", "end_on": "2024-04-05", "countries": ["LA"],
                   "partners": [r["partner"].ref], "fields": ["political", "economic"],
                   "host_unit": r["unit"].ref, "head_name": "Nguyễn Văn A", "members": 8,
                   "status": "approved", "funding": "state_budget", "budget_vnd": 250_000_000,
                   "agreements": [r["agreement"].ref], "events": [r["event"].ref]},
        {"cost_vnd": 240_000_000},
        echo=("ref", "direction", "countries", "partners", "fields", "host_unit", "members", "budget_vnd",
              "agreements", "events"),
    ),
    Case(
        "events", Event, EventFactory,
        lambda r: {"ref": "evt-new", "kind": "investment_promotion", "pillar": "state",
                   "fields": ["economic"], "title": "Hội nghị xúc tiến đầu tư", "start_on": "2024-06-01",
                   "end_on": "2024-06-02",
                   "place": "Seoul", "country": "KR", "partners": [r["partner"].ref], "participants": 200,
                   "unit": r["unit"].ref},
        {"participants": 250},
        echo=("ref", "kind", "fields", "start_on", "country", "partners", "participants", "unit"),
    ),
    Case(
        "contacts", Contact, ContactFactory,
        lambda r: {"partner": r["partner"].ref, "name": "Mr Somphone", "position": "Director",
                   "email": "somphone@example.la"},
        {"phone": "+856 20 123 456"},
        echo=("partner", "name", "email"),
    ),
    Case(
        "interactions", Interaction, InteractionFactory,
        lambda r: {"partner": r["partner"].ref, "date": "2024-03-01", "kind": "meeting",
                   "summary": "Làm việc về cửa khẩu", "unit": r["unit"].ref},
        {"summary": "Làm việc về cửa khẩu Nậm Cắn"},
        echo=("partner", "date", "kind", "unit"),
    ),
    Case(
        "delegation-members", DelegationMember, DelegationMemberFactory,
        lambda r: {"delegation": r["delegation"].ref, "full_name": "Trần Thị B", "role": "interpreter",
                   "passport_number": "C7654321", "date_of_birth": "1990-02-03"},
        {"position": "Chuyên viên"},
        echo=("delegation", "full_name", "role", "passport_number", "date_of_birth"),
    ),
]
IDS = [case.group for case in CASES]


def same(value):
    """Lists of links come back in the linked records' own order."""
    return sorted(value) if isinstance(value, list) else value


def echoed(body: dict, case: Case) -> dict:
    return {name: same(body[name]) for name in case.echo}


# --- generic cases ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_anonymous_gets_nothing(api, case):
    record = case.factory()
    client = api()
    for url in (f"/api/v1/{case.group}/", f"/api/v1/{case.group}/{record.pk}/",
                f"/api/v1/{case.group}/{record.pk}/history/"):
        assert client.get(url).status_code == 401, url
    assert client.post(f"/api/v1/{case.group}/", {}).status_code == 401
    assert client.patch(f"/api/v1/{case.group}/{record.pk}/", {}).status_code == 401
    assert client.delete(f"/api/v1/{case.group}/{record.pk}/").status_code == 401
    assert case.model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("url", ["/api/v1/", "/api/v1/countries/", "/api/v1/countries/LA/", "/api/v1/fields/",
                                 "/api/v1/fields/border/", "/api/v1/schema/", "/api/v1/docs/"])
def test_anonymous_gets_nothing_else_either(api, client, url):
    assert api().get(url).status_code == 401
    assert client.get(url).status_code in (401, 403)  # a browser without a session


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_viewer_reads_but_cannot_write(api, viewer, case):
    rel = related()
    record = case.factory()
    client = api(viewer)
    assert client.get(f"/api/v1/{case.group}/").status_code == 200
    assert client.get(f"/api/v1/{case.group}/{record.pk}/").json()["id"] == record.pk
    assert client.get(f"/api/v1/{case.group}/{record.pk}/history/").status_code == 200
    before = case.model.objects.count()
    assert client.post(f"/api/v1/{case.group}/", case.payload(rel)).status_code == 403
    assert client.patch(f"/api/v1/{case.group}/{record.pk}/", case.patch).status_code == 403
    assert client.put(f"/api/v1/{case.group}/{record.pk}/", case.payload(rel)).status_code == 403
    assert client.delete(f"/api/v1/{case.group}/{record.pk}/").status_code == 403
    assert case.model.objects.count() == before


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_officer_round_trip(api, officer, case):
    rel = related()
    client = api(officer)
    payload = case.payload(rel)

    created = client.post(f"/api/v1/{case.group}/", payload)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert echoed(body, case) == echoed(payload, case)
    pk = body["id"]
    assert body["url"].endswith(f"/api/v1/{case.group}/{pk}/")

    read = client.get(f"/api/v1/{case.group}/{pk}/")
    assert read.status_code == 200
    assert echoed(read.json(), case) == echoed(payload, case)

    patched = client.patch(f"/api/v1/{case.group}/{pk}/", case.patch)
    assert patched.status_code == 200, patched.json()
    for name, value in case.patch.items():
        assert patched.json()[name] == value

    history = client.get(f"/api/v1/{case.group}/{pk}/history/").json()
    assert history[0]["type"] == "changed" and history[0]["user"] == "officer"
    (name, value), = case.patch.items()
    change = next(c for c in history[0]["changes"] if c["field"] == name)
    assert change["new"] == str(value)
    assert history[-1]["type"] == "created" and history[-1]["user"] == "officer"

    assert client.delete(f"/api/v1/{case.group}/{pk}/").status_code == 204
    assert client.get(f"/api/v1/{case.group}/{pk}/").status_code == 404
    last = case.model.history.filter(id=pk).latest("history_date")
    assert last.history_type == "-" and last.history_user == officer


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_officer_put_replaces(api, officer, case):
    rel = related()
    payload = case.payload(rel)
    # A recorded status moves only through the workflow steps: the record already has the one sent.
    record = case.factory(**({"status": payload["status"]} if "status" in payload else {}))
    response = api(officer).put(f"/api/v1/{case.group}/{record.pk}/", payload)
    assert response.status_code == 200, response.json()
    assert echoed(response.json(), case) == echoed(payload, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_missing_record_is_404(api, officer, case):
    assert api(officer).get(f"/api/v1/{case.group}/999999/").status_code == 404
    assert api(officer).get(f"/api/v1/{case.group}/999999/history/").status_code == 404


# --- validation -------------------------------------------------------------------------------

BAD_POSTS = [
    ("delegations", {"end_on": "2024-03-01"}, "end_on", "cannot end before it starts"),
    ("delegations", {"countries": ["LA", "XX"]}, "countries", "XX"),
    ("delegations", {"fields": ["political", "astrology"]}, "fields", "astrology"),
    ("delegations", {"members": -3}, "members", "greater than or equal to 0"),
    ("delegations", {"direction": "sideways"}, "direction", "sideways"),
    ("delegations", {"foreign_visitors": 4}, "foreign_visitors", "incoming delegations only"),
    ("delegations", {"host_unit": "unit-nowhere"}, "host_unit", "unit-nowhere"),
    ("delegations", {"budget_vnd": -1}, "budget_vnd", "greater than or equal to 0"),
    ("events", {"end_on": "2024-05-01"}, "end_on", "cannot end before it starts"),
    ("events", {"country": "XX"}, "country", "XX"),
    ("events", {"kind": "party"}, "kind", "party"),
    ("events", {"participants": -1}, "participants", "greater than or equal to 0"),
    ("partners", {"country": "XX"}, "country", "XX"),
    ("partners", {"fields": ["nonsense"]}, "fields", "nonsense"),
    ("partners", {"relationship": "enemy"}, "relationship", "enemy"),
    ("partners", {"website": "not a url"}, "website", "URL"),
    ("agreements", {"valid_until": "2020-01-01"}, "valid_until", "cannot end before it starts"),
    ("agreements", {"title_en": "", "title_vi": ""}, "title_vi", "Give a title"),
    ("agreements", {"partners": ["partner-nobody"]}, "partners", "partner-nobody"),
    ("units", {"kind": "ministry"}, "kind", "ministry"),
    ("units", {"valid_until": "2020-01-01"}, "valid_until", "cannot end before it starts"),
    ("interactions", {"partner": "partner-nobody"}, "partner", "partner-nobody"),
    ("delegation-members", {"delegation": "del-nowhere"}, "delegation", "del-nowhere"),
]


@pytest.mark.parametrize(("group", "change", "field_name", "message"), BAD_POSTS,
                         ids=[f"{g}-{f}" for g, _, f, _ in BAD_POSTS])
def test_bad_post_names_the_field_and_writes_nothing(api, officer, group, change, field_name, message):
    case = next(c for c in CASES if c.group == group)
    rel = related()
    before = case.model.objects.count()
    response = api(officer).post(f"/api/v1/{group}/", {**case.payload(rel), **change}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()
    assert field_name in errors, errors
    assert message in " ".join(errors[field_name]), errors
    assert case.model.objects.count() == before


def test_bad_patch_changes_nothing(api, officer):
    delegation = DelegationFactory(title="Đoàn cũ", start_on=datetime.date(2024, 4, 1), end_on=None)
    response = api(officer).patch(f"/api/v1/delegations/{delegation.pk}/", {"title": "Đoàn mới",
                                                                          "end_on": "2024-01-01"})
    assert response.status_code == 400 and "end_on" in response.json()
    delegation.refresh_from_db()
    assert delegation.title == "Đoàn cũ" and delegation.end_on is None


def test_duplicate_ref_is_refused(api, officer):
    PartnerFactory(ref="partner-taken")
    response = api(officer).post("/api/v1/partners/", {"ref": "partner-taken", "kind": "ngo", "name_en": "X",
                                                       "country": "JP"})
    assert response.status_code == 400 and "ref" in response.json()


def test_ref_is_generated_when_left_out(api, officer):
    response = api(officer).post("/api/v1/partners/", {"kind": "ngo", "name_en": "Plan International",
                                                       "country": "GB"})
    assert response.status_code == 201
    assert response.json()["ref"].startswith("partner-")


def test_links_accept_ids_as_well_as_refs(api, officer):
    delegation = DelegationFactory()
    response = api(officer).post("/api/v1/delegation-members/",
                                 {"delegation": delegation.pk, "full_name": "Lê C"})
    assert response.status_code == 201, response.json()
    assert response.json()["delegation"] == delegation.ref


def test_delete_of_a_record_others_refer_to_is_a_conflict(api, officer):
    unit = UnitFactory()
    DelegationFactory(host_unit=unit)
    response = api(officer).delete(f"/api/v1/units/{unit.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert "delegations" in response.json()["detail"]
    assert Unit.objects.filter(pk=unit.pk).exists()


# --- roles ------------------------------------------------------------------------------------


def test_unit_officer_records_delegations_but_cannot_delete_or_edit_registry(api, unit_officer_a, unit_a):
    client = api(unit_officer_a)
    response = client.post("/api/v1/delegations/", {"direction": "incoming", "pillar": "people",
                                                    "title": "Đoàn Hội hữu nghị", "start_on": "2024-09-01",
                                                    "host_unit": unit_a.ref, "reception": "permitted",
                                                    "foreign_visitors": 12, "permit_on": "2024-08-20"})
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert client.patch(f"/api/v1/delegations/{pk}/", {"members": 3}).status_code == 200
    assert client.delete(f"/api/v1/delegations/{pk}/").status_code == 403
    partner = {"kind": "ngo", "name_en": "X", "country": "JP"}
    assert client.post("/api/v1/partners/", partner).status_code == 403
    assert client.post("/api/v1/units/", {"name_vi": "X", "kind": "other"}).status_code == 403


def test_reference_lists_are_read_only(api, officer, admin):
    assert api(officer).post("/api/v1/countries/", {"code": "ZZ"}).status_code == 403
    assert api(admin).post("/api/v1/countries/", {"code": "ZZ"}).status_code == 405
    assert api(admin).patch("/api/v1/fields/border/", {"name_en": "X"}).status_code == 405


def test_token_authentication(api, make_user):
    from foreign_affairs.core.services import user_create

    _user, key = user_create(username="reader", password="correct horse battery", role="viewer")
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/partners/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get("/api/v1/partners/").status_code == 401


def test_session_authentication(client, viewer):
    client.force_login(viewer)
    assert client.get("/api/v1/partners/").status_code == 200


def test_options_and_browsable_api(api, client, viewer, officer):
    assert api(viewer).options("/api/v1/delegations/").status_code == 200
    assert "POST" in api(officer).options("/api/v1/delegations/").json()["actions"]
    DelegationFactory()
    client.force_login(officer)
    page = client.get("/api/v1/delegations/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and b"Delegation" in page.content


def test_api_root_lists_the_groups(api, viewer):
    body = api(viewer).get("/api/v1/").json()
    assert {"units", "partners", "agreements", "delegations", "events", "countries", "fields", "contacts",
            "interactions", "delegation-members"} <= set(body)


# --- representations --------------------------------------------------------------------------


def test_reference_lists(api, viewer):
    client = api(viewer)
    laos = client.get("/api/v1/countries/LA/").json()
    assert laos["code"] == "LA" and laos["name_en"] == "Laos" and laos["name_vi"]
    assert laos["framework"] == "special"
    assert client.get("/api/v1/countries/", {"search": "Laos"}).json()["results"][0]["code"] == "LA"
    assert client.get("/api/v1/countries/", {"framework": "special"}).json()["count"] >= 2
    fields = client.get("/api/v1/fields/", {"page_size": 100}).json()
    assert fields["count"] == Field.objects.count()
    assert "economic" in [f["code"] for f in fields["results"]]
    assert client.get("/api/v1/fields/economic/").json()["name_en"] == "Economic"


def test_display_helpers_follow_the_language(api, viewer):
    PartnerFactory(country_id="LA", kind="locality", relationship="twinning")
    client = api(viewer)
    english = client.get("/api/v1/partners/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    assert english["country"] == "LA" and english["country_name"] == "Laos"
    assert english["kind_display"] == "Foreign locality"
    vietnamese = client.get("/api/v1/partners/", HTTP_ACCEPT_LANGUAGE="vi").json()["results"][0]
    assert vietnamese["country_name"] == "Lào"


def test_event_without_country(api, viewer):
    event = EventFactory(country_id=None)
    body = api(viewer).get(f"/api/v1/events/{event.pk}/").json()
    assert body["country"] is None and body["country_name"] is None


def test_interaction_records_who_entered_it(api, unit_officer_a):
    partner = PartnerFactory()
    response = api(unit_officer_a).post("/api/v1/interactions/",
                                        {"partner": partner.ref, "date": "2024-02-02",
                                         "summary": "Thư chúc Tết"})
    assert response.status_code == 201, response.json()
    assert response.json()["recorded_by"] == "unit_officer_a"


# --- filters ----------------------------------------------------------------------------------


def _refs(response) -> set[str]:
    assert response.status_code == 200, response.json()
    return {row["ref"] for row in response.json()["results"]}


def test_delegation_filters(api, viewer):
    laos = DelegationFactory(ref="d-laos", direction="outgoing", pillar="state",
                             start_on=datetime.date(2024, 4, 1), title="Đoàn Nghệ An thăm Hủa Phăn")
    laos.countries.set(["LA"])
    korea = DelegationFactory(ref="d-korea", direction="outgoing", pillar="party",
                              start_on=datetime.date(2023, 9, 1), end_on=None, title="Đoàn công tác Hàn Quốc")
    korea.countries.set(["KR"])
    DelegationFactory(ref="d-in", direction="incoming", pillar="people", start_on=datetime.date(2024, 10, 1),
                      end_on=None, title="Đoàn Hội hữu nghị Nhật Bản", reception="received",
                      foreign_visitors=7)
    client = api(viewer)
    assert _refs(client.get("/api/v1/delegations/", {"country": "LA"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"country": "LA,KR"})) == {"d-laos", "d-korea"}
    assert _refs(client.get("/api/v1/delegations/", {"direction": "incoming"})) == {"d-in"}
    assert _refs(client.get("/api/v1/delegations/", {"pillar": "state"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"year": 2024})) == {"d-laos", "d-in"}
    assert _refs(client.get("/api/v1/delegations/", {"year": 2024, "direction": "outgoing"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"search": "nghe an"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"search": "Nghệ An"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"search": "HUA PHAN"})) == {"d-laos"}
    assert _refs(client.get("/api/v1/delegations/", {"search": "nowhere"})) == set()
    ordered = client.get("/api/v1/delegations/", {"ordering": "start_on"}).json()["results"]
    assert [row["ref"] for row in ordered] == ["d-korea", "d-laos", "d-in"]
    ordered = client.get("/api/v1/delegations/", {"ordering": "-start_on"}).json()["results"]
    assert [row["ref"] for row in ordered] == ["d-in", "d-laos", "d-korea"]


def test_partner_event_agreement_unit_filters(api, viewer):
    PartnerFactory(ref="p-la", country_id="LA", name_vi="Tỉnh Xiêng Khoảng", since=datetime.date(2012, 1, 1))
    PartnerFactory(ref="p-jp", country_id="JP", name_vi="Tỉnh Shizuoka", kind="ngo")
    EventFactory(ref="e-1", pillar="people", country_id="JP", start_on=datetime.date(2023, 3, 1),
                 end_on=None, title="Lễ hội Việt Nhật")
    EventFactory(ref="e-2", pillar="state", country_id="VN", start_on=datetime.date(2024, 3, 1), end_on=None)
    agreement = AgreementFactory(ref="a-1", signed_on=datetime.date(2022, 1, 1),
                                 title_vi="Thỏa thuận Đắk Lắk")
    agreement.partners.set([Partner.objects.get(ref="p-la")])
    AgreementFactory(ref="a-2")
    UnitFactory(ref="u-1", name_vi="UBND tỉnh Nghệ An", kind="peoples_committee")
    client = api(viewer)
    assert _refs(client.get("/api/v1/partners/", {"country": "LA"})) == {"p-la"}
    assert _refs(client.get("/api/v1/partners/", {"kind": "ngo"})) == {"p-jp"}
    assert _refs(client.get("/api/v1/partners/", {"search": "xieng khoang"})) == {"p-la"}
    assert _refs(client.get("/api/v1/partners/", {"year": 2012})) == {"p-la"}
    assert _refs(client.get("/api/v1/events/", {"pillar": "people"})) == {"e-1"}
    assert _refs(client.get("/api/v1/events/", {"country": "VN", "year": 2024})) == {"e-2"}
    assert _refs(client.get("/api/v1/events/", {"search": "le hoi viet nhat"})) == {"e-1"}
    assert _refs(client.get("/api/v1/agreements/", {"country": "LA"})) == {"a-1"}
    assert _refs(client.get("/api/v1/agreements/", {"year": 2022})) == {"a-1"}
    assert _refs(client.get("/api/v1/agreements/", {"search": "dak lak"})) == {"a-1"}
    assert _refs(client.get("/api/v1/units/", {"search": "nghe an"})) == {"u-1"}
    assert _refs(client.get("/api/v1/units/", {"kind": "peoples_committee"})) == {"u-1"}


def test_sub_resource_filters(api, officer):
    houaphanh = PartnerFactory(ref="p-houaphanh")
    InteractionFactory(partner=houaphanh, summary="A")
    InteractionFactory(summary="B")
    ContactFactory(partner=houaphanh, name="Somphone")
    ContactFactory(name="Other")
    trip = DelegationFactory()
    DelegationMemberFactory(delegation=trip)
    DelegationMemberFactory(delegation=trip)
    DelegationMemberFactory()
    client = api(officer)
    rows = client.get("/api/v1/interactions/", {"partner": "p-houaphanh"}).json()["results"]
    assert [row["summary"] for row in rows] == ["A"]
    rows = client.get("/api/v1/contacts/", {"partner": "p-houaphanh"}).json()["results"]
    assert [row["name"] for row in rows] == ["Somphone"]
    assert client.get("/api/v1/delegation-members/", {"delegation": trip.pk}).json()["count"] == 2
    assert client.get("/api/v1/delegation-members/", {"delegation": trip.ref}).json()["count"] == 2


def test_pagination(api, viewer):
    for n in range(7):
        PartnerFactory(name_en=f"P{n}")
    body = api(viewer).get("/api/v1/partners/", {"page_size": 3, "page": 3}).json()
    assert body["count"] == 7 and len(body["results"]) == 1 and body["next"] is None


def test_invalid_filter_value_is_400(api, viewer):
    assert api(viewer).get("/api/v1/delegations/", {"year": "last"}).status_code == 400


# --- personal data ----------------------------------------------------------------------------


def test_personal_data_hidden_from_viewer_and_unit_officer(api, viewer, unit_officer_a, unit_a):
    # The unit officer's own unit's trip: in its scope, yet the personal fields stay hidden.
    member = DelegationMemberFactory(passport_number="C1234567", delegation=DelegationFactory(host_unit=unit_a))
    for user in (viewer, unit_officer_a):
        client = api(user)
        row = client.get("/api/v1/delegation-members/").json()["results"][0]
        assert "passport_number" not in row and "date_of_birth" not in row
        detail = client.get(f"/api/v1/delegation-members/{member.pk}/").json()
        assert "passport_number" not in detail and "date_of_birth" not in detail
    assert not PersonalDataAccess.objects.exists()


def test_personal_data_shown_to_officer_and_logged(api, officer, approver):
    trip = DelegationFactory()
    members = [DelegationMemberFactory(delegation=trip) for _ in range(3)]
    DelegationMemberFactory()  # another trip's, not shown
    response = api(officer).get("/api/v1/delegation-members/", {"delegation": trip.pk})
    rows = response.json()["results"]
    assert {row["passport_number"] for row in rows} == {m.passport_number for m in members}
    logged = PersonalDataAccess.objects.filter(user=officer)
    assert sorted(logged.values_list("record_id", flat=True)) == sorted(m.pk for m in members)
    assert {(a.record_type, a.channel) for a in logged} == {("delegations.delegationmember",
                                                            "/api/v1/delegation-members/")}

    detail = api(approver).get(f"/api/v1/delegation-members/{members[0].pk}/").json()
    assert detail["date_of_birth"] == "1980-01-01"
    access = PersonalDataAccess.objects.get(user=approver)
    assert access.record_id == members[0].pk
    assert access.channel == f"/api/v1/delegation-members/{members[0].pk}/"


def test_unit_officer_may_write_personal_data_without_reading_it(api, unit_officer_a, officer, unit_a):
    trip = DelegationFactory(host_unit=unit_a)
    response = api(unit_officer_a).post("/api/v1/delegation-members/", {
        "delegation": trip.ref, "full_name": "Phạm D", "passport_number": "C1111111",
        "date_of_birth": "1985-05-05"})
    assert response.status_code == 201, response.json()
    assert "passport_number" not in response.json()
    assert DelegationMember.objects.get(full_name="Phạm D").passport_number == "C1111111"
    assert not PersonalDataAccess.objects.exists()


def test_history_hides_personal_data_changes(api, officer, viewer):
    member = DelegationMemberFactory(passport_number="C0000001")
    api(officer).patch(f"/api/v1/delegation-members/{member.pk}/", {"passport_number": "C0000002",
                                                                    "position": "Phiên dịch"})
    PersonalDataAccess.objects.all().delete()

    seen = api(viewer).get(f"/api/v1/delegation-members/{member.pk}/history/").json()
    assert [c["field"] for c in seen[0]["changes"]] == ["position"]
    assert not PersonalDataAccess.objects.exists()

    seen = api(officer).get(f"/api/v1/delegation-members/{member.pk}/history/").json()
    assert {c["field"] for c in seen[0]["changes"]} == {"position", "passport_number"}
    assert PersonalDataAccess.objects.filter(user=officer, record_id=member.pk).count() == 1


def test_failed_request_logs_nothing(api, officer):
    response = api(officer).post("/api/v1/delegation-members/",
                                 {"delegation": "del-nowhere", "full_name": "X"})
    assert response.status_code == 400
    assert not PersonalDataAccess.objects.exists()
