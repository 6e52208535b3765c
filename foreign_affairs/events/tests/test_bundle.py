"""Events in bundles: ``status`` is an optional extension; a record without one (every bundle of
an existing province) is an event that took place and imports as ``held``, so the events_held
figure keeps counting it; import → export → import is lossless."""

from datetime import date

import pytest

from foreign_affairs.core.bundle import dump_bundle, export_bundle, import_bundle, parse_bundle_text
from foreign_affairs.events.models import Event
from foreign_affairs.web.selectors import year_figures

pytestmark = pytest.mark.django_db

BUNDLE = """
format: fa-bundle/1
units: [{ref: u-dofa, name_vi: Sở Ngoại vụ, kind: department}]
agreements:
  - {ref: a-draft, kind: mou, title_vi: Dự thảo, status: pm_referral}
events:
  - {ref: e-old, kind: conference, pillar: state, title: Hội thảo 2023, start_on: 2023-09-12, unit: u-dofa}
  - {ref: e-refused, kind: conference, pillar: state, title: Hội thảo bị từ chối, start_on: 2023-10-01,
     status: refused}
  - {ref: e-next, kind: conference, pillar: people, title: Hội thảo sắp tới, start_on: 2023-12-01, status: applied}
"""


def test_events_without_status_import_as_held_and_count():
    result = import_bundle(parse_bundle_text(BUNDLE))
    assert result.ok, [str(e) for e in result.errors]
    assert dict(Event.objects.values_list("ref", "status")) == {
        "e-old": "held", "e-refused": "refused", "e-next": "applied"}
    assert year_figures(year=2023).totals.events_held == 1
    from foreign_affairs.agreements.models import Agreement

    assert Agreement.objects.get(ref="a-draft").status == "pm_referral"


def test_status_round_trips():
    import_bundle(parse_bundle_text(BUNDLE))
    first = export_bundle()
    assert {item["ref"]: item["status"] for item in first["events"]} == {
        "e-next": "applied", "e-old": "held", "e-refused": "refused"}
    result = import_bundle(parse_bundle_text(dump_bundle(first)))
    assert result.ok
    assert export_bundle() == first
    # Unchanged records are not rewritten: no new history.
    assert Event.objects.get(ref="e-old").history.count() == 1


def test_an_unknown_status_is_refused_with_one_line():
    data = parse_bundle_text(BUNDLE)
    data["events"][0]["status"] = "happened"
    result = import_bundle(data)
    assert [str(e) for e in result.errors] == [
        "events[0] (e-old): status: unknown code 'happened'; expected one of: draft, applied, consulting, permitted, "
        "refused, withdrawn, cancelled, held, reported"]
    assert not Event.objects.exists()


def test_a_workflow_event_keeps_its_status_through_a_bundle(unit_a, unit_officer_a):
    from foreign_affairs.core.tests.factories import EventFactory
    from foreign_affairs.events.services import event_submit

    event = EventFactory(kind="conference", status="draft", unit=unit_a, start_on=date(2026, 9, 1), end_on=None)
    event_submit(event=event, actor=unit_officer_a, applied_on=date(2026, 6, 1))
    exported = export_bundle()
    assert next(item for item in exported["events"] if item["ref"] == event.ref)["status"] == "applied"
