"""The foreign_ngos, ngo_certificates and aid_items sections: lossless round trip, exact
amounts, and one clear line per problem with nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from foreign_affairs.aid.models import AidItem, ForeignNGO, NGOCertificate
from foreign_affairs.core.bundle import dump_bundle, export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.bundle.tabular import export_rows, import_rows, read_rows, template_bytes, write_table
from foreign_affairs.core.tests.factories import PartnerFactory

from .bundle_data import AID_YAML
from .factories import ForeignNGOFactory

pytestmark = pytest.mark.django_db
SECTIONS = ["foreign_ngos", "ngo_certificates", "aid_items"]


@pytest.fixture
def bundle():
    return parse_bundle_text(AID_YAML)


def test_round_trip_is_lossless(bundle):
    assert import_bundle(bundle).ok
    item = AidItem.objects.get(ref="aid-water")
    assert item.committed_amount == Decimal("100000.50") and item.committed_usd == Decimal("108500.55")
    assert item.start_deadline == date(2024, 7, 31)  # derived from the approval, not a bundle field
    assert [d.amount_usd for d in item.disbursements.all()] == [Decimal("54250.25"), Decimal("20000")]
    assert sorted(u.ref for u in ForeignNGO.objects.get(ref="ngo-water").counterpart_units.all()) == [
        "u-dofa", "u-health"]
    assert NGOCertificate.objects.get(ref="cert-water-2023").provinces == ["Nghệ An", "Hà Tĩnh"]

    first = export_bundle(sections=SECTIONS)
    again = import_bundle(parse_bundle_text(dump_bundle(first)))
    assert again.ok
    assert {k: again.unchanged[k] for k in SECTIONS} == {"foreign_ngos": 2, "ngo_certificates": 2, "aid_items": 2}
    assert export_bundle(sections=SECTIONS) == first
    water = next(i for i in first["aid_items"] if i["ref"] == "aid-water")
    assert water["committed_usd"] == 108500.55 and "start_deadline" not in water
    assert first["foreign_ngos"][0] == {"ref": "ngo-kids", "partner": "p-ngo-kids",
                                        "status": "pending_area_extension"}


BAD = [
    ("foreign_ngos", 0, {"partner": "p-company"},
     "foreign_ngos[0] (ngo-water): partner: the partner 'p-company' is of kind 'enterprise'; a foreign NGO names a "
     "partner of kind 'ngo'"),
    ("foreign_ngos", 1, {"partner": "p-ngo-water"},
     "foreign_ngos[1] (ngo-kids): partner: the partner 'p-ngo-water' is already named by foreign_ngos[0]"),
    ("foreign_ngos", 1, {"status": "active"},
     "foreign_ngos[1] (ngo-kids): status: unknown code 'active'; expected one of: operating, "
     "pending_area_extension, ended"),
    ("ngo_certificates", 0, {"expires_on": "2026-03-02"},
     "ngo_certificates[0] (cert-water-2023): expires_on: A certificate is valid for at most 3 years: it must expire "
     "by 2026-03-01."),
    ("ngo_certificates", 0, {"ngo": "ngo-nowhere"},
     "ngo_certificates[0] (cert-water-2023): ngo: unknown foreign NGO ref 'ngo-nowhere' (not in this bundle or the "
     "database)"),
    ("ngo_certificates", 0, {"provinces": "Nghệ An"},
     "ngo_certificates[0] (cert-water-2023): provinces: expected a list, got text 'Nghệ An'"),
    ("aid_items", 0, {"currency": "euro"},
     "aid_items[0] (aid-water): currency: Give the currency as a three-letter ISO 4217 code, such as USD or EUR."),
    ("aid_items", 0, {"committed_usd": -1},
     "aid_items[0] (aid-water): committed_usd: the USD equivalent cannot be negative (got -1)"),
    ("aid_items", 0, {"committed_usd": 108500.555},
     "aid_items[0] (aid-water): committed_usd: at most 2 decimal places (got 108500.555)"),
    ("aid_items", 0, {"approved_on": None},
     "aid_items[0] (aid-water): approved_on: Aid at this stage has been approved: give the approval decision's "
     "date."),
    ("aid_items", 0, {"started_on": "2024-01-01"},
     "aid_items[0] (aid-water): started_on: Implementation cannot start before the approval."),
    ("aid_items", 0, {"donor": None}, "aid_items[0] (aid-water): donor: required field is missing"),
    ("aid_items", 1, {"currency": "USD", "committed_usd": 4000},
     "aid_items[1] (aid-relief): committed_usd: For an amount committed in USD, the USD equivalent is the amount "
     "itself."),
    ("aid_items", 0, {"disbursements": [{"date": "2024-03-15", "amount_usd": "50k"}]},
     "aid_items[0] (aid-water): disbursements[0].amount_usd: expected a number, got text '50k'"),
    ("aid_items", 0, {"status": "revoked_late"},
     "aid_items[0] (aid-water): status: unknown code 'revoked_late'; expected one of: proposed, appraising, "
     "approved, not_accepted, implementing, completed, settled, revoked"),
]


@pytest.mark.parametrize(("section", "index", "change", "line"), BAD, ids=[b[3].split(": ", 1)[1][:60] for b in BAD])
def test_bad_input_is_refused_with_one_line(bundle, section, index, change, line):
    bundle[section][index].update(change)
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [line]
    assert not ForeignNGO.objects.exists() and not AidItem.objects.exists()


def test_a_stored_ngo_partner_cannot_be_named_twice(bundle):
    ForeignNGOFactory(ref="ngo-stored", partner=PartnerFactory(ref="p-ngo-water", kind="ngo"))
    result = import_bundle(bundle)
    assert [str(e) for e in result.errors] == [
        "foreign_ngos[0] (ngo-water): partner: the partner 'p-ngo-water' is already the NGO 'ngo-stored'"
    ]


def test_a_stored_partner_of_another_kind_is_refused():
    PartnerFactory(ref="p-stored", kind="enterprise")
    result = import_bundle({"format": "fa-bundle/1", "foreign_ngos": [{"ref": "ngo-x", "partner": "p-stored"}]})
    assert [str(e) for e in result.errors] == [
        "foreign_ngos[0] (ngo-x): partner: the partner 'p-stored' is of kind 'enterprise'; a foreign NGO names a "
        "partner of kind 'ngo'"
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_round_trip_keeps_amounts_and_disbursements(bundle, fmt):
    assert import_bundle(bundle).ok
    for section, model in (("aid_items", AidItem), ("ngo_certificates", NGOCertificate)):
        data = write_table(section, export_rows(section, model.objects.all()), fmt)
        result = import_rows(section, read_rows(data, f"x.{fmt}"), dry_run=False)
        assert result.ok, [str(e) for e in result.errors]
        assert result.unchanged[section] == 2
    item = AidItem.objects.get(ref="aid-water")
    assert item.committed_usd == Decimal("108500.55") and item.disbursements.count() == 2


def test_templates_import_in_order():
    assert import_bundle({
        "format": "fa-bundle/1",
        "units": [{"ref": "unit-dofa", "name_vi": "Sở", "kind": "other"},
                  {"ref": "unit-commune", "name_vi": "Xã", "kind": "commune"}],
        "partners": [{"ref": "partner-example-ngo", "kind": "ngo", "name_en": "Example", "country": "US"}],
    }).ok
    for section in SECTIONS:
        result = import_rows(section, read_rows(template_bytes(section, "xlsx"), "t.xlsx"), dry_run=False)
        assert result.ok, [str(error) for error in result.errors]
    assert AidItem.objects.get().start_deadline == date(2024, 11, 15)
