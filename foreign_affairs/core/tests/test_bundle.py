"""Bundle import and export (DESIGN §4): the whole contract, on a made-up province."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.bundle import (
    SECTIONS,
    BundleError,
    BundleLoadError,
    ImportResult,
    dump_bundle,
    export_bundle,
    import_bundle,
    load_bundle_file,
    parse_bundle_text,
)
from foreign_affairs.core.bundle import importer as importer_module
from foreign_affairs.core.models import Unit, User
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner

from .bundle_data import BUNDLE_YAML, counts

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def bundle() -> dict:
    return parse_bundle_text(BUNDLE_YAML)


@pytest.fixture
def bundle_path(tmp_path) -> Path:
    path = tmp_path / "bundle.yaml"
    path.write_text(BUNDLE_YAML, encoding="utf-8")
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command(*args, stdout=out, stderr=err)
    return err.getvalue().splitlines()


def errors_of(data: dict) -> list[str]:
    result = import_bundle(data)
    return [str(error) for error in result.errors]


# --- a full bundle ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_full_bundle_imports_every_record_and_field(bundle_path):
    out, _ = run("import_bundle", str(bundle_path))

    assert "units: 4 created, 0 updated" in out
    assert "delegations: 2 created, 0 updated" in out
    assert Unit.objects.count() == 4 and Partner.objects.count() == 3
    assert Agreement.objects.count() == 2 and Event.objects.count() == 2 and Delegation.objects.count() == 2

    old = Unit.objects.get(ref="u-district-old")
    assert old.parent.ref == "u-province" and old.successor.ref == "u-commune-new"
    assert (old.valid_from, old.valid_until) == (date(2010, 1, 1), date(2025, 6, 30))
    assert Unit.objects.get(ref="u-dofa").short_name == "SNgV"

    testland = Partner.objects.get(ref="p-testland")
    assert testland.country_id == "NO" and testland.country.name_en == "Norway"
    assert testland.aliases == ["Testland", "NO", "yes"]
    assert testland.since == date(2019, 5, 17)
    assert sorted(testland.fields.values_list("code", flat=True)) == ["cultural", "education"]
    assert testland.notes == "Kết nghĩa từ 2019.\nLiên hệ qua Đại sứ quán."
    assert list(Contact.objects.filter(partner=testland).order_by("pk").values_list("name", "phone")) == [
        ("Kari Nordmann", "+47 55 00 00 00"),
        ("Ola Nordmann", ""),
    ]
    interaction = Interaction.objects.get(partner=testland, date=date(2024, 2, 1))
    assert (interaction.kind, interaction.unit.ref) == ("email", "u-dofa")
    assert Interaction.objects.get(partner=testland, date=date(2023, 11, 20)).kind == "meeting"

    mou = Agreement.objects.get(ref="a-khoueng-mou")
    assert sorted(mou.units.values_list("ref", flat=True)) == ["u-dofa", "u-province"]
    assert list(mou.partners.values_list("ref", flat=True)) == ["p-khoueng"]
    assert (mou.status, mou.number, mou.valid_until) == ("in_force", "01/2024/BBGN", date(2029, 3, 14))

    trip = Delegation.objects.get(ref="d-2024-laos")
    assert (trip.level, trip.members, trip.budget_vnd, trip.cost_vnd) == (
        "provincial_leader",
        8,
        250000000,
        231500000,
    )
    assert list(trip.countries.values_list("code", flat=True)) == ["LA"]
    assert list(trip.agreements.values_list("ref", flat=True)) == ["a-khoueng-mou"]
    head = DelegationMember.objects.get(delegation=trip, role="head")
    assert (head.passport_number, head.date_of_birth) == ("B1234567", date(1970, 1, 31))
    visit = Delegation.objects.get(ref="d-2024-norway-in")
    assert (visit.reception, visit.foreign_visitors, visit.level, visit.status) == (
        "received",
        12,
        "unit",
        "reported",
    )
    assert list(visit.events.values_list("ref", flat=True)) == ["e-festival"]

    festival = Event.objects.get(ref="e-festival")
    assert (festival.participants, festival.unit.ref, festival.country_id) == (1200, "u-dofa", "VN")
    assert Agreement.objects.get(ref="a-testland-twinning").title_vi == ""


@pytest.mark.django_db
def test_export_import_export_is_identical(bundle_path, tmp_path):
    run("import_bundle", str(bundle_path))
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    run("export_bundle", str(first))
    state = counts()
    exported = load_bundle_file(first)

    out, _ = run("import_bundle", str(first))
    assert "partners: 0 created, 3 updated (3 unchanged)" in out
    assert counts() == state  # not even a history row was added
    run("export_bundle", str(second))

    assert first.read_text("utf-8") == second.read_text("utf-8")
    # Every record and field of the source bundle came back out (lists sorted, empties left out).
    source = parse_bundle_text(BUNDLE_YAML)
    for section in SECTIONS:
        assert [item["ref"] for item in exported[section]] == sorted(item["ref"] for item in source.get(section, []))
    partner = next(item for item in exported["partners"] if item["ref"] == "p-testland")
    assert partner["country"] == "NO" and partner["since"] == "2019-05-17"
    assert partner["contacts"][0]["email"] == "kari@testland.example.no"
    assert partner["interactions"][0] == {
        "date": "2024-02-01",
        "kind": "email",
        "summary": "Invitation to the summer festival",
        "unit": "u-dofa",
    }
    trip = next(item for item in exported["delegations"] if item["ref"] == "d-2024-laos")
    assert trip["member_list"][0]["date_of_birth"] == "1970-01-31"
    assert trip["fields"] == ["education", "political"]
    assert "foreign_visitors" not in trip and "reception" not in trip


@pytest.mark.django_db
def test_export_quotes_codes_and_json_round_trips(bundle_path, tmp_path):
    run("import_bundle", str(bundle_path))
    yaml_path, json_path = tmp_path / "out.yaml", tmp_path / "out.json"
    run("export_bundle", str(yaml_path))
    run("export_bundle", str(json_path))

    text = yaml_path.read_text("utf-8")
    assert 'country: "NO"' in text and 'code: "99"' in text and "Tỉnh Thử Nghiệm" in text
    as_json = json.loads(json_path.read_text("utf-8"))
    assert as_json == load_bundle_file(yaml_path) == export_bundle()
    # The province block is stored on import and written back on export.
    assert as_json["province"] == {"code": "99", "name_vi": "Tỉnh Thử Nghiệm", "name_en": "Thu Nghiem Province"}

    state = counts()
    out, _ = run("import_bundle", str(json_path))
    assert "events: 0 created, 2 updated (2 unchanged)" in out
    assert counts() == state


@pytest.mark.django_db
def test_reimport_updates_by_ref_and_replaces_lists(bundle):
    assert import_bundle(bundle).ok
    changed = copy.deepcopy(bundle)
    partner = changed["partners"][0]
    partner["name_en"] = "Testland County Council"
    partner["fields"] = ["cultural"]
    partner["contacts"] = [{"name": "Per Hansen"}]
    del partner["interactions"]
    del partner["website"]  # a field left out of a record is empty
    changed["delegations"][0]["agreements"] = []

    result = import_bundle(changed)

    assert result.ok, result.errors
    assert result.created == dict.fromkeys(SECTIONS, 0)
    assert result.updated["partners"] == 3 and result.unchanged["partners"] == 2
    testland = Partner.objects.get(ref="p-testland")
    assert testland.name_en == "Testland County Council" and testland.website == ""
    assert list(testland.fields.values_list("code", flat=True)) == ["cultural"]
    assert list(testland.contacts.values_list("name", flat=True)) == ["Per Hansen"]
    assert not testland.interactions.exists()
    assert not Delegation.objects.get(ref="d-2024-laos").agreements.exists()
    assert Partner.objects.count() == 3 and Contact.objects.count() == 1


@pytest.mark.django_db
def test_reimport_never_duplicates(bundle):
    first = import_bundle(bundle)
    state = counts()
    second = import_bundle(bundle)
    assert first.created == {
        **dict.fromkeys(SECTIONS, 0), "units": 4, "partners": 3, "agreements": 2, "delegations": 2, "events": 2,
    }
    assert second.created == dict.fromkeys(SECTIONS, 0)
    assert second.updated == first.created == second.unchanged
    assert counts() == state


@pytest.mark.django_db
def test_references_may_point_at_records_already_in_the_database(bundle):
    assert import_bundle({"format": "fa-bundle/1", "units": bundle["units"]}).ok
    result = import_bundle(
        {
            "format": "fa-bundle/1",
            "events": [
                {
                    "ref": "e-new",
                    "kind": "other",
                    "pillar": "party",
                    "title": "T",
                    "start_on": "2025-01-02",
                    "unit": "u-dofa",
                }
            ],
        }
    )
    assert result.ok and Event.objects.get(ref="e-new").unit.ref == "u-dofa"


@pytest.mark.django_db
def test_actor_is_recorded_in_history(bundle):
    officer = User.objects.create(username="officer")
    assert import_bundle(bundle, actor=officer).ok
    partner = Partner.objects.get(ref="p-khoueng")
    assert partner.history.latest().history_user == officer
    assert Contact.history.filter(history_user=officer).count() == 2


@pytest.mark.django_db
def test_each_written_record_gets_one_history_entry_with_its_lists(bundle):
    assert import_bundle(bundle).ok
    entries = Agreement.objects.get(ref="a-khoueng-mou").history.all()
    assert [entry.history_type for entry in entries] == ["+"]
    assert entries[0].history_change_reason == "bundle import"
    assert sorted(row.unit.ref for row in entries[0].units.all()) == ["u-dofa", "u-province"]

    bundle["agreements"][0]["partners"] = []
    bundle["agreements"][0]["status"] = "expired"
    assert import_bundle(bundle).ok
    entries = Agreement.objects.get(ref="a-khoueng-mou").history.all()
    assert [entry.history_type for entry in entries] == ["~", "+"]
    assert entries[0].status == "expired" and not entries[0].partners.exists()
    assert Agreement.objects.get(ref="a-testland-twinning").history.count() == 1


@pytest.mark.django_db
def test_progress_is_reported(bundle, monkeypatch):
    monkeypatch.setattr(importer_module, "CHUNK", 2)
    calls = []
    import_bundle(bundle, progress=lambda *args: calls.append(args))
    assert ("units", 2, 4) in calls and ("units", 4, 4) in calls and ("events", 2, 2) in calls


@pytest.mark.django_db
def test_the_example_in_the_docs_imports():
    text = (REPO_ROOT / "docs" / "bundle-format.md").read_text("utf-8")
    example = text.split("## 8. Example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    result = import_bundle(parse_bundle_text(example))
    assert result.ok, [str(error) for error in result.errors]
    assert result.created == {
        **dict.fromkeys(SECTIONS, 0), "units": 4, "partners": 3, "agreements": 1, "delegations": 2, "events": 1,
    }
    assert Partner.objects.get(ref="p-testland").country_id == "NO"


# --- YAML 1.2: NO is Norway ---------------------------------------------------------------------


@pytest.mark.django_db
def test_no_stays_norway_and_yaml11_booleans_are_refused():
    data = parse_bundle_text("format: fa-bundle/1\npartners:\n  - {ref: p, kind: other, name_en: on, country: NO}\n")
    assert data["partners"][0] == {"ref": "p", "kind": "other", "name_en": "on", "country": "NO"}
    assert import_bundle(data).ok
    assert Partner.objects.get(ref="p").country_id == "NO"

    yaml11 = parse_bundle_text(
        "%YAML 1.1\n---\nformat: fa-bundle/1\npartners:\n  - {ref: q, kind: other, name_en: Nordland, country: NO}\n"
    )
    assert errors_of(yaml11) == ["partners[0] (q): country: expected a country code, got a boolean (false)"]


def test_dump_quotes_everything_a_yaml11_reader_would_misread():
    text = dump_bundle(
        {
            "format": "fa-bundle/1",
            "partners": [
                {
                    "ref": "p",
                    "country": "NO",
                    "aliases": ["yes", "Off", "010", "1:20", "2024-01-01", "plain"],
                    "notes": "two\nlines",
                    "name_en": "",
                }
            ],
        }
    )
    assert 'country: "NO"' in text
    assert 'aliases: ["yes", "Off", "010", "1:20", "2024-01-01", plain]' in text
    assert parse_bundle_text(text)["partners"][0]["notes"] == "two\nlines"


def test_multiline_and_odd_texts_round_trip_through_yaml():
    texts = [
        "a\n",
        "  leading",
        "trailing ",
        "tab\there",
        "x\n\n",
        "\nfirst blank",
        "line \nspace",
        "# not a comment",
        "key: value",
        "- dash",
        "'quoted'",
        '"dq"',
        "ü ơ ư đ 한국어 ລາວ",
        "a\r\nb",
        "@at",
        "%pct",
        "*star",
        "null",
    ]
    data = {
        "format": "fa-bundle/1",
        "units": [{"ref": f"u{i}", "notes": text} for i, text in enumerate(texts)],
    }
    assert parse_bundle_text(dump_bundle(data)) == data
    assert parse_bundle_text(dump_bundle(data, "json"), "x.json") == data


# --- bad input: one clear line each, nothing written ------------------------------------------


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BAD_INPUTS = [
    (
        "unknown ref",
        _set(["events", 0, "unit"], "u-nowhere"),
        "events[0] (e-festival): unit: unknown unit ref 'u-nowhere' (not in this bundle or the database)",
    ),
    (
        "unknown ref in list",
        _set(["delegations", 1, "events"], ["e-festival", "e-gone"]),
        "delegations[1] (d-2024-norway-in): events: unknown event ref 'e-gone' (not in this bundle or the database)",
    ),
    (
        "bad country",
        _set(["partners", 1, "country"], "XX"),
        "partners[1] (p-khoueng): country: unknown country code 'XX'",
    ),
    (
        "bad country in list",
        _set(["delegations", 0, "countries"], ["LA", "QQ"]),
        "delegations[0] (d-2024-laos): countries: unknown country code 'QQ'",
    ),
    (
        "end before start",
        _set(["events", 0, "end_on"], "2024-04-01"),
        "events[0] (e-festival): end_on: An event cannot end before it starts.",
    ),
    (
        "delegation end before start",
        _set(["delegations", 0, "end_on"], date(2024, 3, 1)),
        "delegations[0] (d-2024-laos): end_on: A delegation cannot end before it starts.",
    ),
    (
        "valid until before from",
        _set(["agreements", 0, "valid_until"], "2020-01-01"),
        "agreements[0] (a-khoueng-mou): valid_until: Validity cannot end before it starts.",
    ),
    (
        "unit valid until before from",
        _set(["units", 2, "valid_until"], "2000-01-01"),
        "units[2] (u-district-old): valid_until: A unit cannot end before it starts.",
    ),
    (
        "unknown vocabulary code",
        _set(["delegations", 0, "status"], "done"),
        "delegations[0] (d-2024-laos): status: unknown code 'done'; "
        "expected one of: draft, proposed, approved, "
        "rejected, withdrawn, cancelled, completed, reported, evaluated",
    ),
    (
        "unknown field code",
        _set(["partners", 0, "fields"], ["education", "astrology"]),
        "partners[0] (p-testland): fields: unknown field code 'astrology'",
    ),
    (
        "malformed date",
        _set(["events", 1, "start_on"], "2024-13-01"),
        "events[1] (e-seoul-promotion): start_on: malformed date '2024-13-01'; expected YYYY-MM-DD",
    ),
    (
        "impossible unquoted YAML date",
        lambda data: data["events"].append(
            parse_bundle_text("e: {ref: e-x, kind: other, pillar: state, title: T, start_on: 2024-02-30}")["e"]
        ),
        "events[2] (e-x): start_on: malformed date '2024-02-30'; expected YYYY-MM-DD",
    ),
    (
        "day-first date",
        _set(["agreements", 0, "signed_on"], "15/03/2024"),
        "agreements[0] (a-khoueng-mou): signed_on: malformed date '15/03/2024'; expected YYYY-MM-DD",
    ),
    (
        "duplicate ref",
        lambda data: data["partners"].append(dict(data["partners"][1])),
        "partners[3] (p-khoueng): ref: duplicate ref 'p-khoueng' (also at partners[1])",
    ),
    (
        "text where a number belongs",
        _set(["delegations", 0, "members"], "eight"),
        "delegations[0] (d-2024-laos): members: expected a whole number, got text 'eight'",
    ),
    (
        "negative count",
        _set(["events", 0, "participants"], -3),
        "events[0] (e-festival): participants: must not be negative (got -3)",
    ),
    (
        "negative money",
        _set(["delegations", 0, "budget_vnd"], -250000000),
        "delegations[0] (d-2024-laos): budget_vnd: must not be negative (got -250000000)",
    ),
    (
        "fractional money",
        _set(["delegations", 0, "cost_vnd"], 1500.5),
        "delegations[0] (d-2024-laos): cost_vnd: expected a whole number, got 1500.5",
    ),
    (
        "wrong format",
        _set(["format"], "fa-bundle/2"),
        "format: unsupported format 'fa-bundle/2'; expected 'fa-bundle/1'",
    ),
    ("missing format", _delete(["format"]), "format: missing; expected 'fa-bundle/1'"),
    (
        "missing required field",
        _delete(["partners", 2, "name_en"]),
        "partners[2] (p-testcheon): name_en: required field is missing",
    ),
    ("missing ref", _delete(["events", 1, "ref"]), "events[1] (-): ref: required field is missing"),
    (
        "section not a list",
        _set(["events"], {"ref": "e"}),
        "events: expected a list of records, got a mapping",
    ),
    (
        "item not a mapping",
        lambda data: data["units"].append("u-extra"),
        "units[4] (-): -: expected a mapping (a record with named fields), got text 'u-extra'",
    ),
    (
        "unknown field",
        _set(["partners", 0, "colour"], "blue"),
        "partners[0] (p-testland): colour: unknown field",
    ),
    ("unknown section", _set(["treaties"], []), "bundle: unknown section 'treaties'"),
    (
        "boolean where text belongs",
        _set(["partners", 0, "name_vi"], False),
        "partners[0] (p-testland): name_vi: expected text, got a boolean (false); put it in quotes",
    ),
    (
        "number where text belongs",
        _set(["agreements", 0, "number"], 12),
        "agreements[0] (a-khoueng-mou): number: expected text, got a number (12); put it in quotes",
    ),
    (
        "list expected",
        _set(["partners", 0, "aliases"], "Testland"),
        "partners[0] (p-testland): aliases: expected a list, got text 'Testland'",
    ),
    (
        "model rule: outgoing has no reception",
        _set(["delegations", 0, "reception"], "received"),
        "delegations[0] (d-2024-laos): reception: Reception applies to incoming delegations only.",
    ),
    (
        "model rule: agreement title",
        lambda data: data["agreements"][1].pop("title_en"),
        "agreements[1] (a-testland-twinning): title_vi: Give a title in Vietnamese or English.",
    ),
    (
        "model rule: too long",
        _set(["units", 1, "short_name"], "x" * 51),
        "units[1] (u-dofa): short_name: Ensure this value has at most 50 characters (it has 51).",
    ),
    (
        "nested: bad e-mail",
        _set(["partners", 0, "contacts", 0, "email"], "kari-at-testland"),
        "partners[0] (p-testland): contacts[0].email: Enter a valid email address.",
    ),
    (
        "nested: missing name",
        _set(["partners", 0, "contacts", 1], {"phone": "1"}),
        "partners[0] (p-testland): contacts[1].name: required field is missing",
    ),
    (
        "nested: unknown field",
        _set(["delegations", 0, "member_list", 1, "nationality"], "VN"),
        "delegations[0] (d-2024-laos): member_list[1].nationality: unknown field",
    ),
    (
        "nested: bad ref",
        _set(["partners", 0, "interactions", 0, "unit"], "u-x"),
        "partners[0] (p-testland): interactions[0].unit: unknown unit ref 'u-x' (not in this bundle or the database)",
    ),
    (
        "unit cycle",
        _set(["units", 0, "parent"], "u-dofa"),
        "units[0] (u-province): parent: a unit cannot be its own ancestor (u-province → u-dofa → u-province)",
    ),
    (
        "province name must be text",
        _set(["province", "name_en"], True),
        "province: name_en: expected text, got a boolean (true); put it in quotes",
    ),
    (
        "province is a mapping",
        _set(["province"], "Thu Nghiem"),
        "province: expected a mapping with code, name_vi, name_en, got text 'Thu Nghiem'",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize("change,expected", [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_gives_one_clear_line_and_writes_nothing(bundle, change, expected):
    change(bundle)
    state = counts()
    result = import_bundle(bundle)
    assert [str(error) for error in result.errors] == [expected]
    assert not result.ok
    assert counts() == state


@pytest.mark.django_db
def test_every_problem_is_collected_and_an_update_writes_nothing(bundle):
    assert import_bundle(bundle).ok
    state = counts()
    bundle["partners"][0]["name_en"] = "Renamed"  # a valid change ...
    bundle["partners"][1]["country"] = "XX"  # ... next to three problems
    bundle["events"][0]["kind"] = "party"
    bundle["delegations"][1]["foreign_visitors"] = "twelve"

    lines = errors_of(bundle)

    assert lines == [
        "partners[1] (p-khoueng): country: unknown country code 'XX'",
        "events[0] (e-festival): kind: unknown code 'party'; "
        "expected one of: conference, investment_promotion, "
        "trade_fair, cultural, commemoration, humanitarian, sports, press, other",
        "delegations[1] (d-2024-norway-in): foreign_visitors: expected a whole number, got text 'twelve'",
    ]  # in the order of the file (its sections are units, partners, events, agreements, delegations)
    assert counts() == state
    assert Partner.objects.get(ref="p-testland").name_en == "Testland County"


@pytest.mark.django_db
def test_a_database_error_rolls_back_everything(bundle, monkeypatch):
    original = Event.save

    def failing_save(self, *args, **kwargs):
        if self.ref == "e-seoul-promotion":
            raise IntegrityError("simulated")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Event, "save", failing_save)
    state = counts()
    result = import_bundle(bundle)
    assert [str(error) for error in result.errors] == [
        "events[1] (e-seoul-promotion): -: the database refused the record: simulated"
    ]
    assert result.created == dict.fromkeys(SECTIONS, 0)
    assert counts() == state


def test_broken_yaml_reports_the_position():
    with pytest.raises(BundleLoadError) as caught:
        parse_bundle_text("format: fa-bundle/1\nunits:\n  - ref: a\n    name_vi: [unclosed\n")
    assert str(caught.value).startswith("bundle: broken YAML at line 5, column 1:")
    assert isinstance(caught.value, BundleError)


def test_broken_json_and_duplicate_keys_report_the_position():
    with pytest.raises(BundleLoadError) as caught:
        parse_bundle_text('{"format": "fa-bundle/1",\n "units": [}', "bundle.json")
    assert str(caught.value) == "bundle: broken JSON at line 2, column 12: Expecting value"
    with pytest.raises(BundleLoadError) as caught:
        parse_bundle_text("format: fa-bundle/1\nformat: fa-bundle/1\n")
    assert "line 2, column 1" in str(caught.value) and "duplicate key" in str(caught.value)


def test_the_top_level_must_be_a_mapping():
    with pytest.raises(BundleLoadError) as caught:
        parse_bundle_text("- just\n- a list\n")
    assert str(caught.value) == (
        "bundle: expected a mapping with format, province and sections at the top level, got a list"
    )
    assert errors_of_without_db(["x"]) == [
        "bundle: expected a mapping with format, province and sections at the top level, got a list"
    ]


def errors_of_without_db(data) -> list[str]:
    return [str(error) for error in import_bundle(data).errors]


# --- the commands --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_prints_each_problem_and_fails(bundle_path):
    bundle_path.write_text(
        BUNDLE_YAML.replace("country: LA\n", "country: XX\n").replace("members: 8", "members: -8"), "utf-8"
    )
    state = counts()
    lines = run_failing("import_bundle", str(bundle_path))
    assert lines == [
        "partners[1] (p-khoueng): country: unknown country code 'XX'",
        "delegations[0] (d-2024-laos): members: must not be negative (got -8)",
    ]
    assert counts() == state


@pytest.mark.django_db
def test_command_reports_broken_yaml_without_traceback(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("format: fa-bundle/1\nunits:\n  - ref: a\n   name_vi: b\n", "utf-8")
    lines = run_failing("import_bundle", str(path))
    assert lines == ["bundle: broken YAML at line 4, column 4: expected <block end>, but found '<block mapping start>'"]


def test_command_exits_non_zero_without_traceback_in_a_real_process(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("format: fa-bundle/1\npartners: [\n", "utf-8")
    env = {**os.environ, "FA_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite3"}
    done = subprocess.run(
        [sys.executable, "manage.py", "import_bundle", str(path)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith("bundle: broken YAML at line 3, column 1:")


@pytest.mark.django_db
def test_dry_run_validates_and_writes_nothing(bundle_path):
    state = counts()
    out, _ = run("import_bundle", str(bundle_path), "--dry-run")
    assert "partners: 3 would create, 0 would update" in out
    assert "nothing was written" in out
    assert counts() == state

    result = import_bundle(parse_bundle_text(BUNDLE_YAML), dry_run=True)
    assert isinstance(result, ImportResult) and result.ok and result.created["events"] == 2
    assert counts() == state


@pytest.mark.django_db
def test_dry_run_still_reports_problems(bundle_path):
    bundle_path.write_text(BUNDLE_YAML.replace("pillar: people\n    fields", "pillar: nobody\n    fields"), "utf-8")
    lines = run_failing("import_bundle", str(bundle_path), "--dry-run")
    assert lines == ["events[0] (e-festival): pillar: unknown code 'nobody'; expected one of: party, state, people"]


@pytest.mark.django_db
def test_export_leaves_personal_data_out_on_request(bundle):
    import_bundle(bundle)
    members = next(d for d in export_bundle(personal_data=False)["delegations"] if d["ref"] == "d-2024-laos")
    assert members["member_list"][0] == {
        "full_name": "Nguyễn Văn Thử",
        "role": "head",
        "position": "Phó Chủ tịch UBND tỉnh",
    }
    only_units = export_bundle(sections=["units"])
    assert set(only_units) == {"format", "province", "units"}


@pytest.mark.django_db
def test_other_contract_sections_are_skipped_with_a_warning(bundle):
    from foreign_affairs.core.bundle.sections import OTHER_CONTRACT_SECTIONS

    if not OTHER_CONTRACT_SECTIONS:
        pytest.skip("every section of the contract is imported")
    section = OTHER_CONTRACT_SECTIONS[-1]
    bundle[section] = [{"ref": "x"}]
    result = import_bundle(bundle)
    assert result.ok
    assert result.warnings == [f"{section}: this register does not import this section yet; skipped"]
