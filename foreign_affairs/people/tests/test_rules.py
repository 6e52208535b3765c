"""The single-record rules of people's records, with their exact messages: a press visit moves
forward only, an honour decided rests on a decision, figures need a source, a gate class
belongs to gates; and the reads the reports use."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from foreign_affairs.core.services import record_save
from foreign_affairs.people.models import BorderFigure, HonourAward, JournalistVisit
from foreign_affairs.people.selectors import (
    border_summary,
    honours_awarded,
    journalist_visits_completed,
    overseas_community_summary,
)
from foreign_affairs.people.services import journalist_visit_save

from .factories import (
    BorderFigureFactory,
    BorderItemFactory,
    ExpertFactory,
    HonourAwardFactory,
    JournalistVisitFactory,
    OverseasCommunityFigureFactory,
)

pytestmark = pytest.mark.django_db


def refused(instance, actor) -> dict:
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            record_save(instance=instance, actor=actor)
        return {field: [str(m) for m in messages] for field, messages in error.value.message_dict.items()}


def test_a_press_visit_moves_forward_only(officer):
    visit = JournalistVisitFactory(status="notified")
    for status in ("reviewed", "agreed", "completed"):
        visit = JournalistVisit.objects.get(pk=visit.pk)
        visit.status = status
        record_save(instance=visit, actor=officer)
    visit = JournalistVisit.objects.get(pk=visit.pk)
    visit.status = "notified"
    assert refused(visit, officer) == {"status": ["A visit cannot go from “Completed” to “Notified”."]}
    assert JournalistVisit.objects.get(pk=visit.pk).status == "completed"
    # A new record may start anywhere: it records a visit that already took place.
    record_save(instance=JournalistVisitFactory.build(status="completed"), actor=officer)


def test_a_declined_visit_stays_declined(officer):
    visit = JournalistVisitFactory(status="declined")
    visit = JournalistVisit.objects.get(pk=visit.pk)
    visit.status = "agreed"
    assert refused(visit, officer) == {"status": ["A visit cannot go from “Declined” to “Agreed”."]}


def test_a_visit_ends_after_it_starts(officer):
    visit = JournalistVisitFactory.build(start_on=datetime.date(2024, 5, 10), end_on=datetime.date(2024, 5, 9))
    assert refused(visit, officer) == {"end_on": ["The end cannot be before the start."]}


def test_reporters_are_replaced_as_a_whole(officer):
    visit = JournalistVisitFactory()
    journalist_visit_save(visit=visit, actor=officer, reporters=[
        {"full_name": "Tanaka Hiroshi", "position": "Reporter", "nationality_id": "JP"},
        {"full_name": "Sato Yuki"},
    ])
    assert list(visit.reporters.values_list("full_name", "nationality_id")) == [
        ("Tanaka Hiroshi", "JP"), ("Sato Yuki", None)]
    history = visit.reporters.first().history.count()
    journalist_visit_save(visit=visit, actor=officer, reporters=[
        {"full_name": "Tanaka Hiroshi", "position": "Reporter", "nationality_id": "JP"},
        {"full_name": "Sato Yuki"},
    ])
    assert visit.reporters.first().history.count() == history  # the same: nothing written


def test_an_honour_decided_rests_on_a_decision(officer):
    honour = HonourAwardFactory.build(status="decided")
    assert refused(honour, officer) == {
        "decision_no": ["A decided or awarded honour needs the decision's number and date."],
        "decision_on": ["A decided or awarded honour needs the decision's number and date."],
    }
    honour.decision_no, honour.decision_on = "123/QĐ-UBND", datetime.date(2024, 9, 1)
    honour.ceremony_on = datetime.date(2024, 8, 1)
    assert refused(honour, officer)["ceremony_on"] == ["The ceremony cannot be before the decision."]
    honour.ceremony_on = datetime.date(2024, 9, 2)
    record_save(instance=honour, actor=officer)


def test_an_honour_names_its_recipient(officer):
    honour = HonourAwardFactory.build(recipient_name="")
    assert refused(honour, officer) == {
        "__all__": ["Name the recipient: a partner of the registry or a person or organisation."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        HonourAward.objects.filter(pk=HonourAwardFactory().pk).update(recipient_name="")


def test_figures_need_a_source_and_a_figure(officer):
    figure = OverseasCommunityFigureFactory.build(source_title="", population=None)
    errors = refused(figure, officer)
    assert errors["source_title"] == ["A figure without a source is refused: give the source's title."]
    assert errors["population"] == ["Give at least one figure."]


def test_overseas_figure_rules(officer):
    ranged = OverseasCommunityFigureFactory.build(remittances_usd=700, remittances_usd_max=650)
    assert refused(ranged, officer) == {"remittances_usd_max": ["The upper bound cannot be below the figure."]}
    per_country = OverseasCommunityFigureFactory.build(country_id="KR", countries=3)
    assert refused(per_country, officer)["countries"] == [
        "The number of countries belongs to a figure for all countries (leave the country empty)."]


def test_border_rules(officer):
    marker = BorderItemFactory.build(kind="marker", gate_class="international")
    assert refused(marker, officer)["gate_class"] == [
        "Only a border gate has a class (international, main or secondary)."]
    figure = BorderFigureFactory.build(length_km=-1)
    assert refused(figure, officer)["length_km"] == ["A length cannot be negative."]
    with pytest.raises(IntegrityError), transaction.atomic():
        BorderFigure.objects.filter(pk=BorderFigureFactory().pk).update(village_pairs=None)


def test_expert_email_is_checked(officer):
    assert refused(ExpertFactory.build(email="not-an-address"), officer) == {"email": ["Enter a valid email address."]}


def test_reads_for_the_reports():
    JournalistVisitFactory(status="completed", start_on=datetime.date(2024, 3, 1))
    JournalistVisitFactory(status="agreed", start_on=datetime.date(2024, 3, 1))
    JournalistVisitFactory(status="completed", start_on=datetime.date(2023, 3, 1))
    assert journalist_visits_completed(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31)).count() == 1

    day = datetime.date(2024, 6, 1)
    HonourAwardFactory(status="awarded", decision_no="1", decision_on=day, award_type="commemorative_medal")
    HonourAwardFactory(status="decided", decision_no="2", decision_on=day)
    HonourAwardFactory(status="rejected", decision_no="3", decision_on=day)
    assert honours_awarded(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31)) == {
        "commemorative_medal": 1, "provincial_certificate": 1, "total": 2}

    OverseasCommunityFigureFactory(ref="ov-a", year=None, population=100000, countries=110, source_title="A")
    OverseasCommunityFigureFactory(ref="ov-b", year=2022, population=500000, source_title="B")
    OverseasCommunityFigureFactory(ref="ov-c", year=None, population=None, remittances_usd=650, remittances_usd_max=700,
                                   source_title="C")
    OverseasCommunityFigureFactory(ref="ov-kr", year=2024, country_id="KR", population=9, source_title="D")
    summary = overseas_community_summary()
    assert (summary["population"]["value"], summary["population"]["ref"]) == (500000, "ov-b")  # latest year first
    assert (summary["countries"]["value"], summary["countries"]["year"]) == (110, None)
    assert (summary["remittances_usd"]["value"], summary["remittances_usd"]["upper"]) == (650, 700)
    assert summary["associations"] is None

    BorderFigureFactory(ref="bf-1", year=2023, village_pairs=21, post_pairs=8, source_title="VNA")
    BorderItemFactory(kind="border_gate", gate_class="secondary")
    BorderItemFactory(kind="border_gate", gate_class="international")
    BorderItemFactory(kind="marker")
    border = border_summary()
    assert border["published"]["village_pairs"]["value"] == 21 and border["published"]["markers"] is None
    assert border["published"]["village_pairs"]["source"]["title"] == "VNA"
    assert border["recorded"] == {"by_kind": {"border_gate": 2, "marker": 1},
                                  "gates_by_class": {"secondary": 1, "international": 1}}
