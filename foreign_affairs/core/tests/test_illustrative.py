"""The illustrative mark (RecordModel.illustrative): set only by a bundle import, on any record
type and on the register records nested in them, shown as a badge, filtered on every list."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from foreign_affairs.core.bundle import export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.bundle.tabular import columns, import_rows
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.partners.models import Partner
from foreign_affairs.plans.models import Programme

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
partners:
  - {ref: p-real, kind: locality, name_en: Real Province, country: LA}
  - {ref: p-demo, illustrative: true, kind: locality, name_en: Demo Province, country: LA}
delegations:
  - ref: d-demo
    illustrative: true
    direction: outgoing
    pillar: state
    title: Đoàn minh họa
    start_on: "2025-03-01"
    partners: [p-real]
    cost_items:
      - {kind: airfare, amount_vnd: 12000000}
      - {kind: per_diem, description: Phụ cấp lưu trú, amount_vnd: 3000000}
programmes:
  - ref: prog-x
    year: 2025
    title: Chương trình năm 2025
    items:
      - {ref: item-real, kind: other, title: Việc thật}
      - {ref: item-demo, illustrative: true, kind: other, title: Việc minh họa}
"""


def test_a_bundle_sets_the_mark_on_any_record_and_nested_record_and_exports_it():
    result = import_bundle(parse_bundle_text(BUNDLE))
    assert result.ok, [str(e) for e in result.errors]
    assert not Partner.objects.get(ref="p-real").illustrative
    assert Partner.objects.get(ref="p-demo").illustrative
    trip = Delegation.objects.get(ref="d-demo")
    assert trip.illustrative and sum(item.amount_vnd for item in trip.cost_items.all()) == 15_000_000
    items = {item.ref: item.illustrative for item in Programme.objects.get(ref="prog-x").items.all()}
    assert items == {"item-real": False, "item-demo": True}
    data = export_bundle(sections=["partners", "delegations", "programmes"])
    partners = {p["ref"]: p for p in data["partners"]}
    assert partners["p-demo"]["illustrative"] is True and "illustrative" not in partners["p-real"]
    assert list(partners["p-demo"])[:2] == ["ref", "illustrative"]
    assert data["delegations"][0]["cost_items"][1] == {"kind": "per_diem", "description": "Phụ cấp lưu trú",
                                                        "amount_vnd": 3000000}
    assert [i.get("illustrative", False) for i in data["programmes"][0]["items"]] == [False, True]
    # Lossless: the export imports back unchanged.
    again = import_bundle(data)
    assert again.ok and again.updated == again.unchanged


def test_a_record_imported_without_the_mark_loses_it_and_a_wrong_value_is_refused():
    import_bundle(parse_bundle_text(BUNDLE))
    plain = parse_bundle_text(BUNDLE.replace("  - {ref: p-demo, illustrative: true,", "  - {ref: p-demo,"))
    assert import_bundle(plain).ok
    assert not Partner.objects.get(ref="p-demo").illustrative
    bad = import_bundle(parse_bundle_text(BUNDLE.replace("illustrative: true, kind: locality",
                                                         "illustrative: 'yes', kind: locality")))
    assert [str(e) for e in bad.errors] == [
        "partners[1] (p-demo): illustrative: expected true or false, got text 'yes'"]


def test_neither_the_api_nor_a_form_nor_a_spreadsheet_sets_the_mark(officer, client):
    import_bundle(parse_bundle_text(BUNDLE))
    api = APIClient()
    api.force_authenticate(officer)
    created = api.post("/api/v1/partners/", {"ref": "p-api", "kind": "locality", "name_en": "API Province",
                                             "country": "LA", "illustrative": True}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["illustrative"] is False and not Partner.objects.get(ref="p-api").illustrative
    demo = Partner.objects.get(ref="p-demo")
    changed = api.patch(f"/api/v1/partners/{demo.pk}/", {"illustrative": False, "name_en": "Demo Province 2"},
                        format="json")
    assert changed.status_code == 200 and Partner.objects.get(ref="p-demo").illustrative
    # The web form has no such field; a sheet has no such column and ignores one.
    client.force_login(officer)
    form = client.get(f"/partners/{demo.pk}/edit/").context["form"]
    assert "illustrative" not in form.fields
    assert "illustrative" not in columns("partners")
    result = import_rows("partners", [{"ref": "p-demo", "kind": "locality", "name_en": "Demo Province 3",
                                       "country": "LA", "illustrative": "false"}], dry_run=False)
    assert result.ok and Partner.objects.get(ref="p-demo").illustrative


def test_lists_show_the_badge_and_filter_on_the_mark(officer, client):
    import_bundle(parse_bundle_text(BUNDLE))
    client.force_login(officer)
    page = client.get("/partners/")
    html = page.content.decode()
    assert html.count("app-illustrative") == 1  # beside "Demo Province" only
    assert "illustrative" in [control.name for control in page.context["controls"]]
    names = [p.ref for p in client.get("/partners/", {"illustrative": "true"}).context["rows"]]
    assert names == ["p-demo"]
    names = [p.ref for p in client.get("/partners/", {"illustrative": "false"}).context["rows"]]
    assert names == ["p-real"]
    detail = client.get(f"/partners/{Partner.objects.get(ref='p-demo').pk}/").content.decode()
    assert "app-illustrative" in detail
    api = APIClient()
    api.force_authenticate(officer)
    listed = api.get("/api/v1/partners/", {"illustrative": "true"}).json()
    assert [row["ref"] for row in listed["results"]] == ["p-demo"]
