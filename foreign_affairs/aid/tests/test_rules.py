"""The periods the regulations set, computed from data with their legal basis."""

from datetime import date

import pytest

from foreign_affairs.aid.rules import (
    PERIOD_RULES,
    PeriodRule,
    add_months,
    aid_appraisal_due,
    aid_start_deadline,
    certificate_latest_expiry,
    period_rule_in_force,
)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 1, 31), 6, date(2024, 7, 31)),
    (date(2024, 8, 31), 6, date(2025, 2, 28)),
    (date(2023, 8, 31), 6, date(2024, 2, 29)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),
    (date(2024, 2, 29), 36, date(2027, 2, 28)),
])
def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_aid_must_start_within_six_months_of_approval():
    assert aid_start_deadline(date(2024, 1, 31)) == date(2024, 7, 31)
    assert certificate_latest_expiry(date(2024, 3, 1)) == date(2027, 3, 1)


def test_a_new_regulation_is_a_new_row(monkeypatch):
    newer = PeriodRule("aid_start_deadline", 12, "approval", "A later decree (test)", False,
                       valid_from=date(2026, 1, 1))
    monkeypatch.setattr("foreign_affairs.aid.rules.PERIOD_RULES", (*PERIOD_RULES, newer))
    assert period_rule_in_force("aid_start_deadline", date(2025, 12, 31)).months == 6
    assert aid_start_deadline(date(2026, 3, 1)) == date(2027, 3, 1)
    assert "80/2020" in period_rule_in_force("aid_start_deadline", date(2024, 1, 1)).legal_basis


@pytest.mark.django_db
def test_appraisal_deadline_comes_from_the_rules_table():
    from foreign_affairs.core.models import DeadlineRule

    rule = DeadlineRule.objects.get(code="aid_appraisal")
    assert (rule.days, rule.day_count, rule.verified) == (20, "calendar_days", False)
    assert aid_appraisal_due(date(2024, 1, 10)) == date(2024, 1, 30)
    rule.days = 10
    rule.save()
    assert aid_appraisal_due(date(2024, 1, 10)) == date(2024, 1, 20)
