"""IATI activity XML (standard 2.03) for ODA programmes: export and import.

An ODA programme is one ``iati-activity``. Import turns the XML into the bundle's
``oda_programmes`` records and goes through the bundle importer, so it is validated the same
way and all-or-nothing; export reads the bundle records back, so XML → register → XML is
lossless for what the register holds.

Mapping: ref ↔ iati-identifier; name ↔ title; notes ↔ description; donors ↔ participating-org
role 1 (funding); sector ↔ sector (vocabulary 99, the reporting organisation's own);
status ↔ activity-status (planned 1, active 2, completed 4, cancelled 5); kind ↔
default-finance-type (grant 110, oda_loan 410, concessional_loan 421); start/end year ↔
activity-date types 1 and 3; total_vnd ↔ budget type 1; oda_vnd ↔ transaction type 2
(commitment); disbursements ↔ transactions type 3, dated 31 December of their year.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from foreign_affairs.core.bundle import FORMAT, BundleError, ImportResult, export_bundle, import_bundle
from foreign_affairs.core.models import Province

STATUS_TO_IATI = {"planned": "1", "active": "2", "completed": "4", "cancelled": "5"}
KIND_TO_IATI = {"grant": "110", "oda_loan": "410", "concessional_loan": "421"}
IATI_TO_STATUS = {v: k for k, v in STATUS_TO_IATI.items()} | {"3": "completed", "6": "active"}
IATI_TO_KIND = {v: k for k, v in KIND_TO_IATI.items()}


def _narrative(parent: ET.Element, tag: str, text: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "narrative").text = text
    return element


def export_iati() -> bytes:
    """Every ODA programme as an IATI activities file."""
    province = Province.current()
    root = ET.Element("iati-activities", {
        "version": "2.03", "generated-datetime": datetime.now(UTC).replace(microsecond=0).isoformat(),
    })
    for item in export_bundle(sections=["oda_programmes"]).get("oda_programmes", []):
        activity = ET.SubElement(root, "iati-activity", {"default-currency": "VND"})
        ET.SubElement(activity, "iati-identifier").text = item["ref"]
        _narrative(activity, "reporting-org", province.name_en or province.name_vi or "Province",
                   ref=f"VN-{province.code}" if province.code else "VN", type="10")
        _narrative(activity, "title", item["name"])
        if item.get("notes"):
            _narrative(activity, "description", item["notes"])
        for donor in item.get("donors", []):
            _narrative(activity, "participating-org", donor, role="1")
        ET.SubElement(activity, "activity-status", {"code": STATUS_TO_IATI[item.get("status", "planned")]})
        if item.get("start_year"):
            ET.SubElement(activity, "activity-date", {"type": "1", "iso-date": f"{item['start_year']}-01-01"})
        if item.get("end_year"):
            ET.SubElement(activity, "activity-date", {"type": "3", "iso-date": f"{item['end_year']}-12-31"})
        if item.get("sector"):
            _narrative(activity, "sector", item["sector"], vocabulary="99")
        ET.SubElement(activity, "default-finance-type", {"code": KIND_TO_IATI[item.get("kind", "oda_loan")]})
        if item.get("total_vnd") is not None:
            budget = ET.SubElement(activity, "budget", {"type": "1"})
            first = item.get("start_year") or 1900
            ET.SubElement(budget, "period-start", {"iso-date": f"{first}-01-01"})
            ET.SubElement(budget, "period-end", {"iso-date": f"{item.get('end_year') or first}-12-31"})
            ET.SubElement(budget, "value", {"currency": "VND"}).text = str(item["total_vnd"])
        if item.get("oda_vnd") is not None:
            _transaction(activity, "2", f"{item.get('start_year') or 1900}-01-01", item["oda_vnd"])
        for row in item.get("disbursements", []):
            _transaction(activity, "3", f"{row['year']}-12-31", row["amount_vnd"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _transaction(activity: ET.Element, code: str, day: str, amount: int) -> None:
    transaction = ET.SubElement(activity, "transaction")
    ET.SubElement(transaction, "transaction-type", {"code": code})
    ET.SubElement(transaction, "transaction-date", {"iso-date": day})
    ET.SubElement(transaction, "value", {"currency": "VND", "value-date": day}).text = str(amount)


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    narrative = element.find("narrative")
    return ((narrative.text if narrative is not None else element.text) or "").strip()


def _year(value: str | None):
    return int(value[:4]) if value and value[:4].isdigit() else value


def _amount(text: str | None):
    text = (text or "").strip()
    try:
        return int(text)
    except ValueError:
        return text  # the bundle validation names it


def parse_iati(content: bytes) -> tuple[list[dict], list[BundleError]]:
    """IATI XML → bundle records of ``oda_programmes`` (and the problems found in the XML itself)."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        return [], [BundleError("iati", message=f"broken XML: {exc}")]
    if root.tag != "iati-activities":
        return [], [BundleError("iati", message=f"expected <iati-activities>, got <{root.tag}>")]
    items, errors = [], []
    for index, activity in enumerate(root.findall("iati-activity")):
        ref = (activity.findtext("iati-identifier") or "").strip()
        item: dict = {"ref": ref, "name": _text(activity.find("title"))}
        description = _text(activity.find("description"))
        if description:
            item["notes"] = description
        donors = [_text(org) for org in activity.findall("participating-org") if org.get("role") == "1"]
        if donors:
            item["donors"] = donors
        status = activity.find("activity-status")
        if status is not None:
            code = status.get("code")
            if code not in IATI_TO_STATUS:
                errors.append(BundleError("iati-activity", index, ref or None, "activity-status",
                                          f"unknown activity-status code {code!r}"))
            else:
                item["status"] = IATI_TO_STATUS[code]
        finance = activity.find("default-finance-type")
        if finance is not None:
            code = finance.get("code")
            if code not in IATI_TO_KIND:
                errors.append(BundleError("iati-activity", index, ref or None, "default-finance-type",
                                          f"finance type {code!r} is not one of {', '.join(IATI_TO_KIND)}"))
            else:
                item["kind"] = IATI_TO_KIND[code]
        for date_element in activity.findall("activity-date"):
            key = {"1": "start_year", "2": "start_year", "3": "end_year", "4": "end_year"}.get(date_element.get("type"))
            if key and key not in item:
                item[key] = _year(date_element.get("iso-date"))
        sector = activity.find("sector")
        if sector is not None and _text(sector):
            item["sector"] = _text(sector)
        budget = activity.find("budget")
        if budget is not None:
            item["total_vnd"] = _amount(budget.findtext("value"))
        disbursements = []
        for transaction in activity.findall("transaction"):
            kind = transaction.find("transaction-type")
            code = kind.get("code") if kind is not None else None
            value = _amount(transaction.findtext("value"))
            if code == "2":
                item["oda_vnd"] = value
            elif code == "3":
                day = transaction.find("transaction-date")
                disbursements.append({"year": _year(day.get("iso-date") if day is not None else None),
                                      "amount_vnd": value})
        if disbursements:
            item["disbursements"] = disbursements
        items.append(item)
    return items, errors


def import_iati(content: bytes, *, dry_run: bool = False, actor=None) -> ImportResult:
    """Import ODA programmes from IATI XML: every problem reported, nothing written on any."""
    items, errors = parse_iati(content)
    if errors:
        result = import_bundle({"format": FORMAT}, dry_run=True)
        result.errors.extend(errors)
        return result
    return import_bundle({"format": FORMAT, "oda_programmes": items}, dry_run=dry_run, actor=actor)
