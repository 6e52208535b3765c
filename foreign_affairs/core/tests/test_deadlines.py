"""Deadlines are data: counted in calendar or working days (Vietnam's holidays skipped), by the
rule in force on the anchor date."""

from datetime import date

import pytest

from foreign_affairs.core.deadlines import NoRule, add_days, deadline, is_working_day, rule_in_force
from foreign_affairs.core.models import DeadlineRule

pytestmark = pytest.mark.django_db


def test_default_rules_are_loaded_with_their_legal_basis():
    rule = DeadlineRule.objects.get(code="agreement_consultation_reply")
    assert (rule.days, rule.day_count, rule.verified) == (7, "working_days", True)
    assert "Law 70/2020" in rule.legal_basis
    assert not DeadlineRule.objects.get(code="post_trip_report").verified


def test_working_days_skip_weekends_and_lunar_new_year():
    assert not is_working_day(date(2025, 1, 29))  # Tết
    assert not is_working_day(date(2025, 1, 25))  # Saturday
    # Friday 24 January 2025 + 7 working days: Tết runs 27/1–1/2, so 3, 4, 5, 6, 7, 10, 11 February.
    assert add_days(date(2025, 1, 24), 7, "working_days") == date(2025, 2, 11)
    assert add_days(date(2025, 1, 24), 7, "calendar_days") == date(2025, 1, 31)
    assert add_days(date(2025, 3, 20), 30, "calendar_days", "before") == date(2025, 2, 18)


def test_the_rule_in_force_on_the_anchor_date_applies():
    DeadlineRule.objects.filter(code="post_trip_report").update(valid_until=date(2025, 12, 31))
    DeadlineRule.objects.create(
        code="post_trip_report", name_vi="Báo cáo", name_en="Report", days=10, day_count="working_days",
        anchor_event="return", legal_basis="A new provincial regulation", valid_from=date(2026, 1, 1),
    )
    assert deadline("post_trip_report", date(2025, 6, 2)) == date(2025, 6, 17)  # 15 calendar days
    assert rule_in_force("post_trip_report", date(2026, 3, 2)).days == 10
    assert deadline("post_trip_report", date(2026, 3, 2)) == date(2026, 3, 16)  # 10 working days


def test_a_missing_rule_says_so():
    with pytest.raises(NoRule, match="no deadline rule 'nope' in force on 2025-01-01"):
        deadline("nope", date(2025, 1, 1))
