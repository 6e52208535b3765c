"""The people's-records sections of a bundle: a made-up province round-trips losslessly, each bad
input is one exact line with nothing written, and a bundle without personal data leaves the
experts and the reporters out."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from foreign_affairs.core.bundle import export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.core.bundle.tabular import export_rows, import_rows, read_rows, write_table
from foreign_affairs.core.models import PersonalDataAccess
from foreign_affairs.people.models import (
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
units:
  - {ref: u-dofa, name_vi: "Sở Ngoại vụ", kind: department}
  - {ref: u-xa, name_vi: "Xã Biên Giới", kind: commune}
partners:
  - {ref: p-la-1, kind: locality, name_en: "Test Lao Province", country: LA}
  - {ref: p-jp-1, kind: ngo, name_en: "Test Foundation", country: JP}
journalist_visits:
  - ref: press-1
    outlet: "Test Broadcasting"
    country: JP
    resident: true
    topics: "Di sản"
    sites: "Khu di tích; xã biên giới"
    start_on: "2025-05-10"
    end_on: "2025-05-12"
    permit_no: "123/BNG-TTBC"
    accompanying_unit: u-dofa
    status: completed
    response_no: "45/SNgV"
    response_on: "2025-05-05"
    outputs: "https://example.org/story"
    notes: "Bịa ra cho thử nghiệm"
    reporters:
      - {full_name: "Tanaka Test", position: "Reporter", nationality: JP}
      - {full_name: "Sato Test"}
  - {ref: press-2, outlet: "Test Daily", status: notified}
honours:
  - {ref: honour-1, recipient_partner: p-jp-1, recipient_country: JP, award_type: provincial_certificate,
     achievement: "Hỗ trợ nhân đạo", proposer_unit: u-dofa, status: awarded, decision_no: "123/QĐ-UBND",
     decision_on: "2025-03-01", ceremony_on: "2025-03-10", ceremony_place: "Vinh"}
  - {ref: honour-2, recipient_name: "Ông Test", award_type: commemorative_medal}
overseas_community:
  - {ref: ov-1, population: 100000, countries: 110, source: {title: "Báo cáo giám sát", published_on: "2023-06-01"}}
  - {ref: ov-2, year: 2024, country: KR, population: 9000, associations: 3, investment_projects: 2,
     investment_vnd: 5000000000, remittances_usd: 650000000, remittances_usd_max: 700000000,
     source: {title: "Báo cáo", url: "https://example.org/r", publisher: "Sở Ngoại vụ"}}
experts:
  - {ref: expert-1, full_name: "Nguyễn Test", country: JP, from_province: false, fields: [science_technology],
     expertise: "Bán dẫn", organisation: "Test University", position: "Professor", email: "t@example.org",
     phone: "+81 3 0000"}
  - {ref: expert-2, full_name: "Trần Test"}
border_items:
  - {ref: gate-1, kind: border_gate, name: "Cửa khẩu Thử", gate_class: secondary, commune: u-xa,
     opposite_province: p-la-1, opposite_district: "Huyện Thử", opposite_name: "Cửa khẩu Bạn", status: open,
     legal_basis: "Công văn 1/UBND", valid_from: "2025-02-20"}
  - {ref: pair-1, kind: village_pair, name: "Bản Thử", opposite_name: "Bản Bạn"}
border_events:
  - {ref: bevent-1, kind: joint_inspection, title: "Kiểm tra song phương", date: "2025-04-01", end_on: "2025-04-03",
     items: [pair-1, gate-1], partners: [p-la-1], parties: "Hai bên", outcome: "Tốt", document: "BB 1", unit: u-xa}
border_figures:
  - {ref: bfig-1, year: 2023, opposite_province: p-la-1, length_km: 120.5, border_communes: 5, markers: 40, stakes: 2,
     border_gates: 1, openings: 1, village_pairs: 7, post_pairs: 3, source: {title: "Báo cáo biên giới"}}
"""
SECTIONS = ["units", "partners", "journalist_visits", "honours", "overseas_community", "experts", "border_items",
            "border_events", "border_figures"]
MODELS = (JournalistVisit, JournalistReporter, HonourAward, OverseasCommunityFigure, Expert, BorderItem, BorderEvent,
          BorderFigure)


@pytest.fixture
def bundle() -> dict:
    return parse_bundle_text(BUNDLE)


def errors_of(data: dict) -> list[str]:
    return [str(error) for error in import_bundle(data).errors]


def test_round_trip_is_lossless(bundle):
    result = import_bundle(bundle)
    assert result.ok, result.errors
    visit = JournalistVisit.objects.get(ref="press-1")
    assert visit.resident and visit.status == "completed"
    assert list(visit.reporters.values_list("full_name", "nationality_id")) == [
        ("Tanaka Test", "JP"), ("Sato Test", None)]
    assert BorderFigure.objects.get().length_km == Decimal("120.500")
    assert OverseasCommunityFigure.objects.get(ref="ov-2").remittances_usd_max == 700000000
    assert sorted(BorderEvent.objects.get().items.values_list("ref", flat=True)) == ["gate-1", "pair-1"]
    assert not Expert.objects.get(ref="expert-1").from_province and Expert.objects.get(ref="expert-2").from_province
    assert not PersonalDataAccess.objects.exists()

    first = export_bundle(sections=SECTIONS)
    for section in SECTIONS[2:]:
        # Everything given comes back (lists sorted); defaults are written out.
        for given, exported in zip(bundle[section], first[section], strict=True):
            for key, value in given.items():
                assert exported[key] == (sorted(value) if key in ("items", "partners", "fields") else value), key
    assert first["honours"][1]["status"] == "proposed" and "from_province" not in first["experts"][1]
    again = import_bundle(copy.deepcopy(first))
    assert again.ok and all(again.unchanged[s] == len(first[s]) for s in SECTIONS)
    assert export_bundle(sections=SECTIONS) == first


def test_without_personal_data_the_experts_and_reporters_are_left_out(bundle):
    assert import_bundle(bundle).ok
    data = export_bundle(personal_data=False)
    assert "experts" not in data
    assert all("reporters" not in visit for visit in data["journalist_visits"])
    assert data["journalist_visits"][0]["outlet"] == "Test Broadcasting"


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (("journalist_visits", 0, "status"), "published",
         "journalist_visits[0] (press-1): status: unknown code 'published'; expected one of: notified, reviewed, "
         "agreed, declined, completed"),
        (("journalist_visits", 0, "resident"), "yes",
         "journalist_visits[0] (press-1): resident: expected true or false, got text 'yes'"),
        (("journalist_visits", 0, "end_on"), "2025-05-01",
         "journalist_visits[0] (press-1): end_on: The end cannot be before the start."),
        (("journalist_visits", 0, "reporters", 1, "nationality"), "XX",
         "journalist_visits[0] (press-1): reporters[1].nationality: unknown country code 'XX'"),
        (("journalist_visits", 0, "accompanying_unit"), "u-x",
         "journalist_visits[0] (press-1): accompanying_unit: unknown unit ref 'u-x' (not in this bundle or the "
         "database)"),
        (("honours", 1, "status"), "decided",
         ["honours[1] (honour-2): decision_no: A decided or awarded honour needs the decision's number and date.",
          "honours[1] (honour-2): decision_on: A decided or awarded honour needs the decision's number and date."]),
        (("honours", 0, "ceremony_on"), "2025-02-01",
         "honours[0] (honour-1): ceremony_on: The ceremony cannot be before the decision."),
        (("honours", 1, "recipient_name"), None,
         "honours[1] (honour-2): recipient_name: Name the recipient: a partner of the registry or a person or "
         "organisation."),
        (("honours", 0, "award_type"), "medal",
         "honours[0] (honour-1): award_type: unknown code 'medal'; expected one of: provincial_certificate, "
         "commemorative_medal, state_medal, state_order, other"),
        (("overseas_community", 0, "source"), None,
         "overseas_community[0] (ov-1): source: A figure without a source is refused: give the source's title."),
        (("overseas_community", 1, "remittances_usd_max"), 600000000,
         "overseas_community[1] (ov-2): remittances_usd_max: The upper bound cannot be below the figure."),
        (("overseas_community", 1, "countries"), 3,
         "overseas_community[1] (ov-2): countries: The number of countries belongs to a figure for all countries "
         "(leave the country empty)."),
        (("overseas_community", 1, "year"), 1800,
         "overseas_community[1] (ov-2): year: expected a year such as 2024, got 1800"),
        (("experts", 0, "email"), "not-an-address", "experts[0] (expert-1): email: Enter a valid email address."),
        (("experts", 0, "fields"), ["rocketry"], "experts[0] (expert-1): fields: unknown field code 'rocketry'"),
        (("border_items", 1, "gate_class"), "main",
         "border_items[1] (pair-1): gate_class: Only a border gate has a class (international, main or secondary)."),
        (("border_items", 0, "kind"), "fence",
         "border_items[0] (gate-1): kind: unknown code 'fence'; expected one of: marker, stake, border_gate, "
         "opening, village_pair, post_pair"),
        (("border_events", 0, "items"), ["gate-x"],
         "border_events[0] (bevent-1): items: unknown border item ref 'gate-x' (not in this bundle or the database)"),
        (("border_events", 0, "end_on"), "2025-03-01",
         "border_events[0] (bevent-1): end_on: The end cannot be before the start."),
        (("border_figures", 0, "length_km"), -3,
         "border_figures[0] (bfig-1): length_km: a length cannot be negative (got -3)"),
        (("border_figures", 0, "length_km"), 1.2345,
         "border_figures[0] (bfig-1): length_km: at most 3 decimal places (got 1.2345)"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(bundle, path, value, line):
    target = bundle
    for key in path[:-1]:
        target = target[key]
    if value is None:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    assert errors_of(bundle) == (line if isinstance(line, list) else [line])
    assert not any(model.objects.exists() for model in MODELS)


def test_a_figure_without_any_figure():
    data = {"format": "fa-bundle/1", "border_figures": [{"ref": "bf-x", "year": 2024, "source": {"title": "X"}}]}
    assert errors_of(data) == ["border_figures[0] (bf-x): length_km: Give at least one figure."]


def test_a_bundle_may_set_any_status_of_a_stored_visit(bundle):
    assert import_bundle(bundle).ok
    bundle["journalist_visits"][0]["status"] = "notified"  # loading what happened, not a workflow step
    assert import_bundle(bundle).ok
    assert JournalistVisit.objects.get(ref="press-1").status == "notified"


def test_spreadsheets_of_border_items_and_figures(bundle):
    assert import_bundle(bundle).ok
    rows = export_rows("border_figures", BorderFigure.objects.all())
    assert rows[0]["length_km"] == 120.5 and rows[0]["source.title"] == "Báo cáo biên giới"
    # A length's dot is its decimal point in a CSV cell (never a thousands separator).
    sheet = read_rows(write_table("border_figures", [{**rows[0], "length_km": "468.281"}], "csv"), "b.csv")
    assert import_rows("border_figures", sheet, dry_run=False).ok
    assert BorderFigure.objects.get().length_km == Decimal("468.281")
    result = import_rows("border_items", [{"ref": "gate-1", "status": "closed"}], dry_run=False)
    assert result.ok, result.errors
    gate = BorderItem.objects.get(ref="gate-1")
    assert gate.status == "closed" and gate.gate_class == "secondary"  # columns not in the sheet are kept
    result = import_rows("border_items", [{"ref": "m-9", "kind": "marker", "name": "Mốc 9", "gate_class": "main"}],
                         dry_run=True)
    assert [str(e) for e in result.errors] == [
        "border_items[row 2] (m-9): gate_class: Only a border gate has a class (international, main or secondary)."]
