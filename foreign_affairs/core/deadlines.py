"""Deadlines from the rules table, in calendar or working days (Vietnam's public holidays and
weekends excluded), choosing the rule in force on the anchor date."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from .choices import DayCount, DeadlineDirection
from .models import DeadlineRule

# Defaults loaded on migrate when a rule code has no row yet (admins edit them afterwards).
# Values marked verified=False come from background knowledge (research/domain.md §4, 🟡).
DEFAULT_RULES = [
    ("post_trip_report", "Báo cáo kết quả chuyến công tác nước ngoài", "Post-trip report of an outgoing delegation",
     15, DayCount.CALENDAR_DAYS, DeadlineDirection.AFTER, "return of the delegation",
     "QĐ 67/2011/QĐ-TTg practice in provincial regulations; analogue TT 03/2023/TT-BNV Art. 12 (≤15 days after "
     "return)", False),
    ("post_visit_report", "Báo cáo kết quả đoàn vào", "Post-visit report of an incoming delegation",
     7, DayCount.WORKING_DAYS, DeadlineDirection.AFTER, "end of the visit",
     "Provincial practice (research/domain.md W2, default)", False),
    ("agreement_consultation_reply", "Trả lời ý kiến về thỏa thuận quốc tế", "Reply to a consultation on an "
     "international agreement", 7, DayCount.WORKING_DAYS, DeadlineDirection.AFTER, "receipt of a complete file",
     "Law 70/2020/QH14 on International Agreements, Art. 19", True),
    ("agreement_post_signing_report", "Báo cáo và gửi bản sao thỏa thuận sau khi ký", "Report to the Prime "
     "Minister and copy to MOFA after signing", 15, DayCount.CALENDAR_DAYS, DeadlineDirection.AFTER, "signing",
     "Law 70/2020/QH14 on International Agreements (within 15 days after signing)", True),
    ("conference_application_pm", "Hồ sơ xin phép hội nghị quốc tế (thẩm quyền Thủ tướng)", "Application for an "
     "international conference decided by the Prime Minister", 40, DayCount.CALENDAR_DAYS,
     DeadlineDirection.BEFORE, "opening of the conference", "QĐ 06/2020/QĐ-TTg", True),
    ("conference_application", "Hồ sơ xin phép hội nghị quốc tế", "Application for another international "
     "conference", 30, DayCount.CALENDAR_DAYS, DeadlineDirection.BEFORE, "opening of the conference",
     "QĐ 06/2020/QĐ-TTg", True),
    ("conference_report", "Báo cáo kết quả hội nghị quốc tế", "Report after an international conference",
     15, DayCount.CALENDAR_DAYS, DeadlineDirection.AFTER, "end of the conference",
     "QĐ 06/2020/QĐ-TTg (post-event report; days to verify)", False),
    ("conference_consultation_reply", "Trả lời ý kiến về hội nghị quốc tế", "Reply to a consultation on an "
     "international conference", 7, DayCount.WORKING_DAYS, DeadlineDirection.AFTER, "receipt of the file",
     "QĐ 06/2020/QĐ-TTg (consulted bodies reply in writing; days to verify)", False),
    ("agreement_pm_reply", "Thủ tướng trả lời khi có ý kiến khác nhau về thỏa thuận quốc tế", "Prime "
     "Minister's reply when consulted bodies disagree on an agreement", 7, DayCount.WORKING_DAYS,
     DeadlineDirection.AFTER, "receipt of the referral", "Law 70/2020/QH14 on International Agreements, Art. 19",
     True),
    ("passport_return", "Nộp lại hộ chiếu công vụ, ngoại giao sau chuyến công tác", "Official passports handed "
     "back after the trip", 5, DayCount.WORKING_DAYS, DeadlineDirection.AFTER, "return of the delegation",
     "Law 49/2019/QH14 on exit and entry of Vietnamese citizens (official and diplomatic passports are handed "
     "back to the managing agency after the trip; article and days to verify)", False),
]


def default_rules_load() -> None:
    """Add each default rule whose code has no row yet; existing rows are never changed."""
    existing = set(DeadlineRule.objects.values_list("code", flat=True))
    DeadlineRule.objects.bulk_create([
        DeadlineRule(code=code, name_vi=name_vi, name_en=name_en, days=days, day_count=count, direction=direction,
                     anchor_event=anchor, legal_basis=basis, verified=verified)
        for code, name_vi, name_en, days, count, direction, anchor, basis, verified in DEFAULT_RULES
        if code not in existing
    ])


class NoRule(LookupError):
    pass


def rule_in_force(code: str, on: date) -> DeadlineRule:
    """The rule with this code that applies on ``on`` (the latest valid_from that has started)."""
    candidates = [
        rule for rule in DeadlineRule.objects.filter(code=code)
        if (rule.valid_from is None or rule.valid_from <= on) and (rule.valid_until is None or on <= rule.valid_until)
    ]
    if not candidates:
        raise NoRule(f"no deadline rule {code!r} in force on {on.isoformat()}")
    return max(candidates, key=lambda rule: rule.valid_from or date.min)


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_days(anchor: date, days: int, day_count: str, direction: str = DeadlineDirection.AFTER) -> date:
    """``days`` calendar or working days after (or before) ``anchor``. A working-day count skips
    weekends and public holidays; a calendar deadline is not moved."""
    step = timedelta(days=1 if direction == DeadlineDirection.AFTER else -1)
    if day_count == DayCount.CALENDAR_DAYS:
        return anchor + step * days
    day, counted = anchor, 0
    while counted < days:
        day += step
        if is_working_day(day):
            counted += 1
    return day


def deadline(code: str, anchor: date) -> date:
    """The deadline of rule ``code`` counted from ``anchor``, by the rule in force on that date."""
    rule = rule_in_force(code, anchor)
    return add_days(anchor, rule.days, rule.day_count, rule.direction)
