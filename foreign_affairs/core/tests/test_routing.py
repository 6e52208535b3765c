"""Approval routing is data (core.RoutingRule): the first matching rule by priority among those in
force on the date decides; conditions match a field's value, or one shared value of a list."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from foreign_affairs.core.models import RoutingRule
from foreign_affairs.core.routing import route

pytestmark = pytest.mark.django_db


def test_defaults_are_loaded_with_their_legal_basis():
    codes = set(RoutingRule.objects.values_list("code", flat=True))
    assert codes >= {"delegation_party_clearance", "event_permit_required", "conference_competence"}
    fallback = RoutingRule.objects.get(code="conference_competence", condition={})
    assert (fallback.outcome, fallback.deadline_rule) == ("provincial_chair", "conference_application")
    assert "QĐ 06/2020/QĐ-TTg" in fallback.legal_basis


def test_matching_priority_and_lists():
    on = date(2025, 5, 1)
    assert route("conference_competence", SimpleNamespace(guest_rank="minister", topics=[]), on).outcome == (
        "prime_minister")
    assert route("conference_competence", SimpleNamespace(guest_rank="", topics=["defence"]), on).outcome == (
        "prime_minister")
    assert route("conference_competence", SimpleNamespace(guest_rank="other", topics=[]), on).outcome == (
        "provincial_chair")
    leader = SimpleNamespace(direction="outgoing", level="provincial_leader", pillar="state")
    assert route("delegation_party_clearance", leader, on).priority == 10
    unit = SimpleNamespace(direction="outgoing", level="unit", pillar="state")
    assert route("delegation_party_clearance", unit, on) is None


def test_a_rule_applies_within_its_validity():
    RoutingRule.objects.filter(code="delegation_party_clearance").update(valid_until=date(2025, 12, 31))
    unit = SimpleNamespace(direction="outgoing", level="provincial_leader", pillar="state")
    assert route("delegation_party_clearance", unit, date(2025, 12, 31)) is not None
    assert route("delegation_party_clearance", unit, date(2026, 1, 1)) is None


def test_a_condition_is_checked():
    rule = RoutingRule(code="x", name_vi="x", name_en="x", condition={"level": "unit"}, outcome="required",
                       legal_basis="-")
    with pytest.raises(ValidationError) as err:
        rule.full_clean()
    assert list(err.value.message_dict) == ["condition"]
