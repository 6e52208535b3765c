"""Spreadsheet (CSV/XLSX) import and export of one bundle section, on the bundle's checks."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from foreign_affairs.core.bundle import BundleError, import_bundle, parse_bundle_text
from foreign_affairs.core.bundle.fields import DateSpec
from foreign_affairs.core.bundle.sections import ECONOMY_EXTENSIONS, section_specs
from foreign_affairs.core.bundle.tabular import (
    EXAMPLES,
    TABULAR_SECTIONS,
    columns,
    export_rows,
    import_rows,
    read_rows,
    rows_to_items,
    template_bytes,
    write_table,
)
from foreign_affairs.core.models import Unit
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.economy.models import FDIProject, Statistic
from foreign_affairs.partners.models import Partner

from .bundle_data import BUNDLE_YAML, counts

PARTNERS_CSV = (
    "ref,kind,name_en,country,fields,aliases,since\n"
    "p-one,ngo,One Foundation,NO,education; health,One;Uno,2020-01-31\n"
    "p-x,enterprise,X Corp,XX,,,\n"
    "p-two,academic,Two University,KR,,,05/03/2024\n"
)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_columns_are_the_flat_bundle_fields():
    assert columns("units") == [
        "ref",
        "name_vi",
        "name_en",
        "short_name",
        "kind",
        "parent",
        "valid_from",
        "valid_until",
        "successor",
        "notes",
    ]
    assert "contacts" not in columns("partners") and "interactions" not in columns("partners")
    assert "member_list" not in columns("delegations") and "budget_vnd" in columns("delegations")
    assert TABULAR_SECTIONS == (
        "units", "partners", "agreements", "delegations", "events", "fdi_projects", "oda_programmes", "statistics",
        *ECONOMY_EXTENSIONS, "programmes", "journalist_visits", "honours", "overseas_community", "experts",
        "border_items", "border_events", "border_figures",
    )
    assert "items" not in columns("programmes") and "reporters" not in columns("journalist_visits")
    assert "adjustments" not in columns("fdi_projects") and "capital_usd" in columns("fdi_projects")
    assert "source.title" in columns("statistics") and "source" not in columns("statistics")
    with pytest.raises(ValueError):
        columns("plans")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("section", TABULAR_SECTIONS)
def test_template_round_trip(section, fmt):
    rows = read_rows(template_bytes(section, fmt), f"{section}.{fmt}")
    assert len(rows) == 1 and list(rows[0]) == columns(section)
    [item] = rows_to_items(section, rows)
    date_fields = {fs.name for fs in section_specs()[section].fields if isinstance(fs, DateSpec)}
    expected = {
        key: date.fromisoformat(value) if key in date_fields else value
        for key, value in EXAMPLES[section].items()
    }
    assert item == expected


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_templates_import_as_they_are(fmt):
    for section in ("units", "partners", "events", "fdi_projects", "oda_programmes", "statistics"):
        result = import_rows(section, read_rows(template_bytes(section, fmt), f"t.{fmt}"), dry_run=False)
        assert result.ok, [str(error) for error in result.errors]
    assert Partner.objects.get(ref="partner-vientiane").aliases == ["Vientiane", "Viêng Chăn"]
    assert Unit.objects.get(ref="unit-dofa").valid_from == date(2020, 1, 1)
    project = FDIProject.objects.get(ref="fdi-2024-electronics")
    assert project.capital_usd == 50000000 and project.origin_event.ref == "evt-2024-seoul-promotion"
    assert Statistic.objects.get().source_publisher == "UBND tỉnh"


@pytest.mark.django_db
def test_csv_with_a_bad_row_names_the_row_and_writes_nothing():
    state = counts()
    result = import_rows("partners", read_rows(PARTNERS_CSV.encode(), "partners.csv"), dry_run=False)
    assert [str(error) for error in result.errors] == ["partners[row 3] (p-x): country: unknown country code 'XX'"]
    assert counts() == state


@pytest.mark.django_db
def test_xlsx_with_a_bad_row_names_the_row_and_writes_nothing():
    data = xlsx_bytes(
        [
            ["ref", "direction", "pillar", "title", "start_on", "members", "budget_vnd", "countries"],
            ["d-1", "outgoing", "state", "Trip", datetime(2024, 3, 1), 5, 1200000.0, "LA; KR"],
            [None, None, None, None, None, None, None, None],
            ["d-2", "outgoing", "state", "Trip 2", datetime(2024, 4, 1), "năm", 100, "LA"],
        ]
    )
    state = counts()
    result = import_rows("delegations", read_rows(data, "upload.xlsx"), dry_run=False)
    assert [str(error) for error in result.errors] == [
        "delegations[row 4] (d-2): members: expected a whole number, got text 'năm'"
    ]
    assert counts() == state


@pytest.mark.django_db
def test_xlsx_cells_and_semicolon_csv_import():
    data = xlsx_bytes(
        [
            ["ref", "direction", "pillar", "title", "start_on", "members", "budget_vnd", "countries"],
            ["d-1", "outgoing", "state", "Trip", datetime(2024, 3, 1), 5, 1200000.0, "LA; KR"],
        ]
    )
    result = import_rows("delegations", read_rows(data, "upload.xlsx"), dry_run=False)
    assert result.ok and result.created["delegations"] == 1
    trip = Delegation.objects.get(ref="d-1")
    assert (trip.start_on, trip.members, trip.budget_vnd) == (date(2024, 3, 1), 5, 1200000)
    assert sorted(trip.countries.values_list("code", flat=True)) == ["KR", "LA"]

    semicolon = "\ufeffref;name_vi;kind;valid_from\nu-a;Sở Công Thương;department;01/07/2025\n".encode()
    result = import_rows("units", read_rows(semicolon, "units.csv"), dry_run=False)
    assert result.ok
    unit = Unit.objects.get(ref="u-a")
    assert (unit.name_vi, unit.valid_from) == ("Sở Công Thương", date(2025, 7, 1))


@pytest.mark.django_db
def test_blank_rows_keep_the_row_numbers_and_duplicates_name_rows():
    data = b"ref,name_vi,kind\nu-1,A,other\n,,\n\nu-1,B,other\n"
    result = import_rows("units", read_rows(data, "u.csv"), dry_run=True)
    assert [str(error) for error in result.errors] == ["units[row 5] (u-1): ref: duplicate ref 'u-1' (also at row 2)"]


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    rows = read_rows(PARTNERS_CSV.replace("XX", "LA").encode(), "p.csv")
    state = counts()
    result = import_rows("partners", rows, dry_run=True)
    assert result.ok and result.created["partners"] == 3
    assert counts() == state


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing_and_keeps_nested_lists(fmt):
    assert import_bundle(parse_bundle_text(BUNDLE_YAML)).ok
    for section, model in (("partners", Partner), ("delegations", Delegation), ("units", Unit)):
        table = write_table(section, export_rows(section, model.objects.all()), fmt)
        state = counts()
        result = import_rows(section, read_rows(table, f"{section}.{fmt}"), dry_run=False)
        assert result.ok, [str(error) for error in result.errors]
        assert result.unchanged[section] == result.updated[section] == model.objects.count()
        assert counts() == state
    assert Partner.objects.get(ref="p-testland").contacts.count() == 2


@pytest.mark.django_db
def test_a_sheet_with_some_columns_updates_only_those():
    assert import_bundle(parse_bundle_text(BUNDLE_YAML)).ok
    rows = read_rows(b"ref,status,cost_vnd\nd-2024-laos,evaluated,\n", "d.csv")
    result = import_rows("delegations", rows, dry_run=False)
    assert result.ok, [str(error) for error in result.errors]
    trip = Delegation.objects.get(ref="d-2024-laos")
    assert (trip.status, trip.cost_vnd, trip.budget_vnd, trip.title) == (
        "evaluated",
        None,
        250000000,
        "Đoàn công tác của tỉnh thăm và làm việc tại Lào",
    )
    assert trip.member_list.count() == 2 and trip.countries.count() == 1


@pytest.mark.django_db
def test_export_rows_are_flat():
    assert import_bundle(parse_bundle_text(BUNDLE_YAML)).ok
    rows = export_rows("partners", Partner.objects.filter(ref="p-testland"))
    assert rows == [
        {
            "ref": "p-testland",
            "kind": "locality",
            "name_en": "Testland County",
            "name_vi": "Hạt Testland",
            "name_native": "Testland fylkeskommune",
            "aliases": "Testland; NO; yes",
            "country": "NO",
            "relationship": "twinning",
            "since": "2019-05-17",
            "fields": "cultural; education",
            "website": "https://testland.example.no",
            "notes": "Kết nghĩa từ 2019.\nLiên hệ qua Đại sứ quán.",
        }
    ]


def test_csv_output_has_a_bom_and_xlsx_keeps_text_as_text():
    rows = [{"ref": "u-1", "name_vi": '=HYPERLINK("x")', "kind": "other", "valid_from": "2024-01-02"}]
    assert write_table("units", rows, "csv").startswith("\ufeffref,name_vi".encode())
    sheet = load_workbook(io.BytesIO(write_table("units", rows, "xlsx"))).active
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == '=HYPERLINK("x")'
    assert sheet["G2"].value == datetime(2024, 1, 2)


@pytest.mark.parametrize(
    "data,filename,message",
    [
        (b"", "x.csv", "file: the file is empty: expected a header row naming the columns"),
        (
            "ref,name\n".encode("utf-16"),
            "x.csv",
            "file: the CSV file is not UTF-8 text; save it as 'CSV UTF-8'",
        ),
        (b"PK\x03\x04 not really a zip", "x.xlsx", "file: cannot read the XLSX file:"),
        (b"\xd0\xcf\x11\xe0", "old.xls", "file: old .xls workbooks are not supported"),
        (b"ref,ref\n1,2\n", "x.csv", "file: column 'ref' appears twice in the header row"),
    ],
)
def test_unreadable_files_raise_a_bundle_error(data, filename, message):
    with pytest.raises(BundleError) as caught:
        read_rows(data, filename)
    assert str(caught.value).startswith(message)
