"""IATI activity XML round-trips the register's ODA programmes; bad files are refused whole."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from foreign_affairs.core.bundle import FORMAT, export_bundle, import_bundle
from foreign_affairs.economy.iati import export_iati, import_iati
from foreign_affairs.economy.models import ODAProgramme

pytestmark = pytest.mark.django_db

PROGRAMMES = [
    {"ref": "oda-wastewater", "name": "Thoát nước và xử lý nước thải thành phố Vinh", "donors": ["JICA", "WB"],
     "sector": "Wastewater", "kind": "oda_loan", "total_vnd": 1_500_000_000_000, "oda_vnd": 1_200_000_000_000,
     "start_year": 2019, "end_year": 2025, "status": "active", "notes": "Illustrative test record",
     "disbursements": [{"year": 2023, "amount_vnd": 200_000_000_000}, {"year": 2024, "amount_vnd": 350_000_000_000}]},
    {"ref": "oda-health", "name": "Health grant", "donors": ["KOICA"], "kind": "grant", "status": "planned",
     "start_year": 2026},
]


def test_iati_export_import_export_is_lossless(tmp_path):
    assert import_bundle({"format": FORMAT, "oda_programmes": PROGRAMMES}).ok
    before = export_bundle(sections=["oda_programmes"])["oda_programmes"]
    xml = export_iati()
    assert b"<iati-identifier>oda-wastewater</iati-identifier>" in xml and b'code="410"' in xml
    ODAProgramme.objects.all().delete()
    path = tmp_path / "activities.xml"
    path.write_bytes(xml)
    out = StringIO()
    call_command("import_iati", str(path), stdout=out)
    assert "oda_programmes: 2 were created" in out.getvalue()
    assert export_bundle(sections=["oda_programmes"])["oda_programmes"] == before
    def without_timestamp(content: bytes) -> bytes:
        return re.sub(rb'generated-datetime="[^"]*"', b"", content)

    assert without_timestamp(export_iati()) == without_timestamp(xml)


def test_bad_iati_is_refused_whole():
    xml = b"""<iati-activities version="2.03">
      <iati-activity><iati-identifier>a1</iati-identifier><title><narrative>Ok</narrative></title>
        <activity-status code="2"/></iati-activity>
      <iati-activity><iati-identifier>a2</iati-identifier><title><narrative>Bad</narrative></title>
        <activity-status code="9"/><default-finance-type code="999"/></iati-activity>
    </iati-activities>"""
    result = import_iati(xml)
    assert [str(e) for e in result.errors] == [
        "iati-activity[1] (a2): activity-status: unknown activity-status code '9'",
        "iati-activity[1] (a2): default-finance-type: finance type '999' is not one of 110, 410, 421",
    ]
    assert not ODAProgramme.objects.exists()
    result = import_iati(
        b"<iati-activities><iati-activity><iati-identifier>x</iati-identifier>"
        b"<activity-date type='1' iso-date='2025-01-01'/><activity-date type='3' iso-date='2020-12-31'/>"
        b"<title><narrative>T</narrative></title></iati-activity></iati-activities>"
    )
    assert [str(e) for e in result.errors] == [
        "oda_programmes[0] (x): end_year: An ODA programme cannot end before it starts."]
    assert "broken XML" in str(import_iati(b"<iati-activities>").errors[0])


def test_import_command_fails_cleanly(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(b"not xml")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_iati", str(path), stderr=StringIO())
