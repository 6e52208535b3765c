"""Spreadsheets (CSV and XLSX) of one bundle section, checked and imported like a bundle.

A sheet has one header row naming bundle fields and one record per row. List fields are one
cell with the values separated by ``;``; nested lists (contacts, interactions, member_list) are
not columns, and an import from a sheet keeps them as they are. Errors name the sheet's row
number: ``partners[row 3] (p-x): country: unknown country code 'XX'``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from typing import Any

from foreign_affairs.aid.bundle import TABULAR_EXAMPLES as AID_EXAMPLES
from foreign_affairs.economy.bundle import TABULAR_EXAMPLES as ECONOMY_EXAMPLES

from .errors import BundleError, ImportResult
from .exporter import export_queryset
from .fields import DateSpec, DecimalSpec, IntSpec, ListSpec, is_blank
from .importer import run_import
from .sections import ECONOMY_EXTENSIONS, FORMAT, SECTIONS, SectionSpec, section_specs

# Sections a sheet can hold. A mapping field (a statistic's ``source``) is one column per key
# (``source.title``, ``source.url``…).
TABULAR_SECTIONS = SECTIONS[:8] + ECONOMY_EXTENSIONS
LIST_SEPARATOR = ";"
HEADER_ROWS = 1

_INTEGER = re.compile(r"[+-]?\d+")
_GROUPED = re.compile(r"\d{1,3}(?:([., \u00a0])\d{3})(?:\1\d{3})*")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"[+-]?\d+\.\d+")
_TRUE = {"true", "yes", "1", "x", "có"}
_FALSE = {"false", "no", "0", "không"}

EXAMPLES: dict[str, dict[str, Any]] = {
    "units": {
        "ref": "unit-dofa",
        "name_vi": "Sở Ngoại vụ",
        "name_en": "Department of Foreign Affairs",
        "short_name": "SNgV",
        "kind": "department",
        "valid_from": "2020-01-01",
        "notes": "Cơ quan chuyên môn thuộc UBND tỉnh",
    },
    "partners": {
        "ref": "partner-vientiane",
        "kind": "locality",
        "name_en": "Vientiane Capital",
        "name_vi": "Thủ đô Viêng Chăn",
        "name_native": "ນະຄອນຫຼວງວຽງຈັນ",
        "aliases": ["Vientiane", "Viêng Chăn"],
        "country": "LA",
        "relationship": "cooperation",
        "since": "2015-06-01",
        "fields": ["economic", "education"],
        "website": "https://example.org",
    },
    "agreements": {
        "ref": "agr-2024-vientiane-mou",
        "kind": "mou",
        "title_en": "Memorandum on education cooperation",
        "title_vi": "Biên bản ghi nhớ hợp tác giáo dục",
        "number": "01/2024/BBGN",
        "signed_on": "2024-03-15",
        "place": "Viêng Chăn",
        "units": ["unit-dofa"],
        "partners": ["partner-vientiane"],
        "fields": ["education"],
        "valid_from": "2024-03-15",
        "valid_until": "2029-03-14",
        "status": "signed",
    },
    "delegations": {
        "ref": "del-2024-laos",
        "direction": "outgoing",
        "pillar": "state",
        "level": "provincial_leader",
        "title": "Đoàn công tác của tỉnh thăm Lào",
        "purpose": "Ký biên bản ghi nhớ hợp tác giáo dục",
        "start_on": "2024-03-14",
        "end_on": "2024-03-16",
        "countries": ["LA"],
        "partners": ["partner-vientiane"],
        "fields": ["education"],
        "host_unit": "unit-dofa",
        "head_name": "Nguyễn Văn A",
        "head_position": "Phó Chủ tịch UBND tỉnh",
        "members": 8,
        "status": "completed",
        "funding": "state_budget",
        "budget_vnd": 250000000,
        "cost_vnd": 231500000,
        "outcomes": "Ký 01 biên bản ghi nhớ",
        "agreements": ["agr-2024-vientiane-mou"],
    },
    "fdi_projects": {
        "ref": "fdi-2024-electronics",
        "name": "Nhà máy sản xuất linh kiện điện tử",
        "investor": "Example Electronics Co., Ltd.",
        "investor_country": "KR",
        "irc_number": "1234567890",
        "registered_on": "2024-04-01",
        "capital_usd": 50000000,
        "location": "KCN VSIP Nghệ An",
        "sector": "Điện tử",
        "status": "licensed",
        "jobs": 1200,
        "origin_event": "evt-2024-seoul-promotion",
    },
    "oda_programmes": {
        "ref": "oda-2021-water",
        "name": "Dự án cấp nước sạch nông thôn",
        "donors": ["ADB"],
        "sector": "Cấp nước",
        "kind": "oda_loan",
        "total_vnd": 500000000000,
        "oda_vnd": 400000000000,
        "start_year": 2021,
        "end_year": 2025,
        "status": "active",
    },
    "statistics": {
        "indicator": "export_turnover_usd",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "value": 2450000000,
        "plan": 2500000000,
        "source": {"title": "Báo cáo tình hình kinh tế - xã hội năm 2024", "publisher": "UBND tỉnh"},
        "cutoff_on": "2024-12-15",
    },
    "events": {
        "ref": "evt-2024-seoul-promotion",
        "kind": "investment_promotion",
        "pillar": "state",
        "fields": ["economic"],
        "title": "Hội nghị xúc tiến đầu tư tại Seoul",
        "start_on": "2024-10-08",
        "end_on": "2024-10-08",
        "place": "Seoul",
        "country": "KR",
        "participants": 150,
        "unit": "unit-dofa",
    },
}

# Annual programmes (a sheet holds the programmes; their items are a nested list, kept as they are)
# and people's records. Experts are personal data: exporting them is logged like any read.
TABULAR_SECTIONS = (*TABULAR_SECTIONS, "programmes", "journalist_visits", "honours", "overseas_community", "experts",
                    "border_items", "border_events", "border_figures")
EXAMPLES.update({
    "programmes": {
        "ref": "prog-2027",
        "year": 2027,
        "title": "Chương trình đối ngoại tỉnh năm 2027",
        "number": "15/CTr-UBND",
        "approved_on": "2026-12-20",
        "status": "approved",
    },
    "journalist_visits": {
        "ref": "press-2026-nhk",
        "outlet": "NHK",
        "country": "JP",
        "topics": "Du lịch di sản",
        "sites": "Khu di tích Kim Liên",
        "start_on": "2026-05-10",
        "end_on": "2026-05-12",
        "permit_no": "123/BNG-TTBC",
        "accompanying_unit": "unit-dofa",
        "status": "agreed",
    },
    "honours": {
        "ref": "honour-2026-1",
        "recipient_partner": "partner-vientiane",
        "recipient_country": "LA",
        "award_type": "provincial_certificate",
        "achievement": "Đóng góp cho quan hệ hợp tác",
        "proposer_unit": "unit-dofa",
        "status": "decided",
        "decision_no": "1234/QĐ-UBND",
        "decision_on": "2026-03-01",
    },
    "overseas_community": {
        "ref": "ov-2025-kr",
        "year": 2025,
        "country": "KR",
        "population": 12000,
        "associations": 3,
        "source": {"title": "Báo cáo công tác người Việt Nam ở nước ngoài năm 2025", "publisher": "Sở Ngoại vụ"},
    },
    "experts": {
        "ref": "expert-1",
        "full_name": "Nguyễn Văn A",
        "country": "JP",
        "fields": ["science_technology"],
        "expertise": "Bán dẫn",
        "organisation": "Example University",
        "email": "a@example.org",
    },
    "border_items": {
        "ref": "border-gate-x",
        "kind": "border_gate",
        "name": "Cửa khẩu X",
        "gate_class": "secondary",
        "opposite_name": "Cửa khẩu Y",
        "status": "open",
        "legal_basis": "Quyết định số …",
        "valid_from": "2025-02-20",
    },
    "border_events": {
        "ref": "bevent-2026-1",
        "kind": "joint_inspection",
        "title": "Kiểm tra song phương hệ thống mốc",
        "date": "2026-04-15",
        "items": ["border-gate-x"],
        "parties": "Bộ đội Biên phòng tỉnh; lực lượng bảo vệ biên giới phía Lào",
        "outcome": "Các mốc nguyên vẹn",
    },
    "border_figures": {
        "ref": "bfig-2026",
        "year": 2026,
        "length_km": 468.281,
        "village_pairs": 21,
        "post_pairs": 8,
        "source": {"title": "Báo cáo công tác biên giới năm 2026", "publisher": "Sở Ngoại vụ"},
    },
})


# The extensions keep their example rows beside their section specs.
EXAMPLES.update(ECONOMY_EXAMPLES)
EXAMPLES.update(AID_EXAMPLES)


def _spec(section: str) -> SectionSpec:
    if section not in TABULAR_SECTIONS:
        raise ValueError(f"unknown section {section!r}; expected one of {', '.join(TABULAR_SECTIONS)}")
    return section_specs()[section]


def _mapping_keys(fs) -> tuple[str, ...]:
    """The keys of a mapping field (a statistic's ``source``), one column each; () otherwise."""
    keys = getattr(fs, "keys", None)
    return tuple(keys) if isinstance(keys, tuple | list) else ()


def columns(section: str) -> list[str]:
    """The sheet's columns: the section's bundle fields except the nested lists, a mapping field
    as one ``field.key`` column per key."""
    cols = []
    for fs in _spec(section).fields:
        if fs.nested or not getattr(fs, "tabular", True):  # nested lists; bundle-only flags
            continue
        keys = _mapping_keys(fs)
        if keys:
            cols.extend(f"{fs.name}.{key}" for key in keys)
        else:
            cols.append(fs.name)
    return cols


def _flat_record(section: str, record: dict) -> dict:
    """A bundle record with its mapping fields spread over ``field.key`` columns."""
    out = dict(record)
    for fs in _spec(section).fields:
        keys = _mapping_keys(fs)
        value = out.pop(fs.name, None) if keys else None
        for key in keys:
            out[f"{fs.name}.{key}"] = value.get(key) if isinstance(value, dict) else None
    return out


def _date_columns(section: str) -> set[str]:
    return {fs.name for fs in _spec(section).fields if isinstance(fs, DateSpec)}


def template_bytes(section: str, fmt: str) -> bytes:
    """An empty sheet to fill in: the header row and one example row."""
    record = _flat_record(section, EXAMPLES[section])
    example = {column: _flat(record.get(column)) for column in columns(section)}
    return write_table(section, [example], fmt)


# --- reading ----------------------------------------------------------------------------------


def _file_error(message: str) -> BundleError:
    return BundleError("file", message=message)


def read_rows(uploaded_bytes: bytes, filename: str) -> list[dict]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file (first sheet) as dicts keyed
    by the header row. Blank rows inside the sheet are kept (as rows with nothing in them), so
    positions still match the sheet's row numbers."""
    name = (filename or "").lower()
    if name.endswith(".xls"):
        raise _file_error("old .xls workbooks are not supported; save the file as .xlsx or CSV UTF-8")
    if name.endswith((".xlsx", ".xlsm")) or uploaded_bytes[:4] == b"PK\x03\x04":
        table = _read_xlsx(uploaded_bytes)
    else:
        table = _read_csv(uploaded_bytes)
    while table and all(_cell_blank(cell) for cell in table[-1]):
        table.pop()
    if not table:
        raise _file_error("the file is empty: expected a header row naming the columns")
    header = []
    for position, cell in enumerate(table[0], start=1):
        key = str(cell).strip().lower() if not _cell_blank(cell) else ""
        if key and key in header:
            raise _file_error(f"column {key!r} appears twice in the header row")
        header.append(key or f"column {position}")
    rows = []
    for cells in table[HEADER_ROWS:]:
        row: dict[str, Any] = {}
        for position, cell in enumerate(cells):
            key = header[position] if position < len(header) else f"column {position + 1}"
            if key.startswith("column ") and _cell_blank(cell):
                continue
            row[key] = cell
        for key in header:
            if not key.startswith("column "):
                row.setdefault(key, None)
        rows.append(row)
    return rows


def _cell_blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _read_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error("the CSV file is not UTF-8 text; save it as 'CSV UTF-8'") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise _file_error(f"cannot read the CSV file: {exc}") from None


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key errors) for a bad file
        raise _file_error(f"cannot read the XLSX file: {exc or type(exc).__name__}") from None
    try:
        if not workbook.worksheets:
            raise _file_error("the workbook has no sheet")
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _to_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _to_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        compact = value.strip()
        if _INTEGER.fullmatch(compact):
            return int(compact)
        if _GROUPED.fullmatch(compact):
            return int(re.sub(r"\D", "", compact))
    return value


def _to_decimal(value: Any, grouped: bool = True) -> Any:
    if grouped:
        value = _to_int(value)
    elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        return float(value.strip())
    if not isinstance(value, bool | int | float | str) and value is not None:
        try:
            return float(value) if value != int(value) else int(value)  # Decimal from a typed cell
        except (TypeError, ValueError):
            return value
    return value


def _to_bool(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    if isinstance(value, int | float) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, str):
        try:
            match = _DMY.fullmatch(value)
            if match:
                day, month, year = (int(part) for part in match.groups())
                return date(year, month, day)
            if _ISO.fullmatch(value):
                return date.fromisoformat(value)
        except ValueError:
            return value  # the bundle check reports it as a malformed date
    return value


def rows_to_items(section: str, rows: list[dict]) -> list[dict]:
    """Bundle records from sheet rows, one per row: empty cells are left out, list cells are
    split on ';', numbers and dates come from typed XLSX cells or from text (``1.500.000``,
    ``05/03/2024`` and ``2024-03-05`` are understood)."""
    spec = _spec(section)
    items = []
    for row in rows:
        item: dict[str, Any] = {}
        for key, cell in row.items():
            name = str(key).strip().lower()
            value = cell.strip() if isinstance(cell, str) else cell
            if is_blank(value):
                continue
            field_name, _dot, sub_key = name.partition(".")
            fs = spec.by_name.get(field_name)
            if fs is not None and not getattr(fs, "tabular", True):
                continue  # set only by a bundle import (``illustrative``)
            if sub_key and fs is not None and sub_key in _mapping_keys(fs):
                part = _to_date(value) if sub_key.endswith("_on") else _to_text(value)
                item.setdefault(field_name, {})[sub_key] = part
                continue
            if isinstance(fs, ListSpec) and not fs.nested:
                if isinstance(value, str):
                    value = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
                else:
                    value = [_to_text(value)]
                if not value:
                    continue
            elif isinstance(fs, IntSpec):
                value = _to_int(value)
            elif isinstance(fs, DateSpec):
                value = _to_date(value)
            elif isinstance(fs, DecimalSpec) and getattr(fs, "decimal_point_only", False):
                # A measure such as 468.281 km: a dot is its decimal point, never thousands.
                value = _to_decimal(value.replace(",", ".") if isinstance(value, str) else value, grouped=False)
            elif isinstance(fs, DecimalSpec):
                value = _to_decimal(value)
            elif fs is not None and fs.type_label == "true or false":
                value = _to_bool(value)
            else:
                value = _to_text(value)
            item[name] = value
        items.append(item)
    return items


def import_rows(section: str, rows: list[dict], *, dry_run: bool, actor=None) -> ImportResult:
    """Check and import sheet rows of one section, as a bundle with that one section.

    Records are matched by ref like a bundle's. On existing records, fields that are not
    columns of the sheet (and the nested lists) keep their stored values; an empty cell
    clears its field.
    """
    spec = _spec(section)
    items = rows_to_items(section, rows)
    header = {str(key).strip().lower().partition(".")[0] for row in rows for key in row}
    keep = {fs.name for fs in spec.fields if fs.name not in header or not getattr(fs, "tabular", True)}
    positions = [position for position, item in enumerate(items) if item]
    data = {"format": FORMAT, section: [items[position] for position in positions]}
    result = run_import(data, dry_run=dry_run, actor=actor, keep_absent={section: keep})

    def row_label(index: int) -> str:
        return f"row {positions[index] + HEADER_ROWS + 1}"

    for error in result.errors:
        if error.section == section and isinstance(error.index, int):
            error.index = row_label(error.index)
            error.message = re.sub(
                rf"\b{section}\[(\d+)\]", lambda match: row_label(int(match.group(1))), error.message
            )
            error.args = (str(error),)
    return result


# --- writing ----------------------------------------------------------------------------------


def _flat(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(part) for part in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_rows(section: str, queryset) -> list[dict]:
    """Flat rows (one per record, every column, lists joined with '; ') for a queryset of the
    section's model, ordered by ref."""
    cols = columns(section)
    return [
        {column: _flat(flat.get(column)) for column in cols}
        for flat in (_flat_record(section, record) for record in export_queryset(section, queryset))
    ]


def write_table(section: str, rows: list[dict], fmt: str) -> bytes:
    """Rows as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) or XLSX."""
    cols = columns(section)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_flat(row.get(column)) for column in cols])
        return out.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        return _write_xlsx(section, cols, rows)
    raise ValueError(f"unknown table format {fmt!r}; expected 'csv' or 'xlsx'")


def _write_xlsx(section: str, cols: list[str], rows: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    date_cols = _date_columns(section)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = section
    sheet.append(cols)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row_number, row in enumerate(rows, start=2):
        for col_number, column in enumerate(cols, start=1):
            value = _flat(row.get(column))
            if value == "":
                continue
            if column in date_cols and isinstance(value, str):
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    pass
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(row=row_number, column=col_number, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with '=' stays text, never a formula
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    for col_number, column in enumerate(cols, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=col_number).column_letter].width = max(12, len(column) + 4)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
